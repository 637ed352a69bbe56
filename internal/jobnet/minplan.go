package jobnet

import "time"

// PlanJobGoal is the job goal the jobcenter has set in dialogue with the
// citizen ("Jobmål" in Min Plan, seed 001 billede 13) — not the citizen's own
// "Jeg søger job som".
type PlanJobGoal struct {
	OccupationID int    // the catalogue's occupation, for Find Job
	Occupation   string // e.g. "Rørlægger"
	AgreedBy     string // the caseworker it was agreed with
	AgreedOn     time.Time
	TargetGroup  TargetGroup // the course it was set in
}

// MinPlan is the citizen's Min Plan as DFDG holds it, before any redaction:
// the job goal (zero OccupationID when there is none), every item by start
// date, and the planned meetings, which the timeline shows too (seed 001
// §5.2: "Du kan se planlagte samtaler … i tidslinjen i Min Plan").
type MinPlan struct {
	JobGoal  PlanJobGoal
	Items    []PlanItem
	Meetings []Meeting        // not ended yet, by start
	OrgNames map[int64]string // the names of the items' organisations
}

// IsAgreement reports whether the item is an agreement made with the
// citizen at a meeting ("Aftale med jobcenter", "Aftale med a-kasse").
func (it PlanItem) IsAgreement() bool { return it.Kind == KindAftale }

// LatestAgreement is the newest agreement of owner among items ("Seneste
// aftale med jobcenter", "Seneste aftale med a-kasse"): the one agreed on
// last, then the one that starts last. Pass the items the caseworker may
// see, so that a hidden agreement is never chosen.
func LatestAgreement(items []PlanItem, owner PlanOwner) (PlanItem, bool) {
	var best PlanItem
	found := false
	for _, it := range items {
		if !it.IsAgreement() || it.Owner != owner {
			continue
		}
		if !found || newer(it, best) {
			best, found = it, true
		}
	}
	return best, found
}

func newer(a, b PlanItem) bool {
	if !a.AgreedOn.Equal(b.AgreedOn) {
		return a.AgreedOn.After(b.AgreedOn)
	}
	if !a.Period.From.Equal(b.Period.From) {
		return a.Period.From.After(b.Period.From)
	}
	return a.ID > b.ID
}

// Overlaps reports whether the period has a day in common with the days
// from first to last, both inclusive.
func (p Period) Overlaps(first, last time.Time) bool {
	if p.From.After(last) {
		return false
	}
	return p.To.IsZero() || !p.To.Before(first)
}

// Calendar is what the Kalender shows of the days from First to Last,
// before any redaction: the plan's items that start or end on one of the
// days, the meetings held on them, the joblog entries with a date among
// them, and the absences that cover one of them.
type Calendar struct {
	First, Last time.Time
	Items       []PlanItem
	Meetings    []Meeting
	Joblog      []JoblogEntry
	Absences    []Absence
}
