package demo

// areaLoaders run in this order after the citizens are loaded; each area of
// the product adds its loader here.
var areaLoaders = []areaLoader{
	jobsLoader,
	cvArea,
	joblogLoader,
	fravaerLoader,
	minPlanLoader,
	dagpengeLoader,
	moederLoader,
	notificationsLoader, // last: a notification names a plan item, meeting, offer or message
}
