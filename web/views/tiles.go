package views

import "github.com/star-dk/sagsbehandleradgang/internal/pages"

// JobsoegningTiles are the entries of the overview page "Jobsøgning", with the titles and
// texts of the guide's billede 4, in its order.
var JobsoegningTiles = []Tile{
	{Title: pages.FindJob.Title, Text: "Søg stillinger, der matcher din profil.", Href: pages.FindJob.Path, TestID: "tile-find-job"},
	{Title: pages.JobGoals.Title, Text: "Angiv stillinger, som du søger. Det vil forbedre dine jobforslag.", Href: pages.JobGoals.Path, TestID: "tile-jeg-soeger-job-som"},
	{Title: pages.Joblog.Title, Text: "Angiv job du har søgt eller planlægger at søge", Href: pages.Joblog.Path, TestID: "tile-joblog"},
	{Title: pages.CV.Title, Text: "Angiv CV-oplysninger og lav et CV, som arbejdsgivere kan bruge til at finde dig.", Href: pages.CV.Path, TestID: "tile-cv"},
	{Title: pages.PresentationCV.Title, Text: "Dette CV kan du udfylde efter aftale med din sagsbehandler.", Href: pages.PresentationCV.Path, TestID: "tile-praesentations-cv"},
	{Title: pages.Preparation.Title, Text: "Besvar spørgsmål om din jobsøgning, så jobkonsulenten bedre kan rådgive dig.", Href: pages.Preparation.Path, TestID: "tile-forberedelsesskema"},
	{Title: pages.Europe.Title, Text: "Angiv om dit CV skal være synlig for arbejdsgivere i hele Europa.", Href: pages.Europe.Path, TestID: "tile-job-i-europa"},
	{Title: "Gode råd til jobsøgningen", Text: "Find gode råd til jobsøgning.", Href: "https://info.jobnet.dk", TestID: "tile-gode-raad", External: true},
}

// PlanerTiles are the entries of the overview page "Planer og aftaler", with the titles and
// texts of the guide's billede 12, in its order.
var PlanerTiles = []Tile{
	{Title: pages.MinPlan.Title, Text: "Her kan du se, hvilke aftaler du og dine jobkonsulenter har indgået.", Href: pages.MinPlan.Path, TestID: "tile-min-plan"},
	{Title: pages.Moeder.Title, Text: "Her kan du booke næste samtale med en jobkonsulent.", Href: pages.Moeder.Path, TestID: "tile-moeder"},
	{Title: pages.Kalender.Title, Text: "Her kan du se dine kommende møder, jobs du har søgt, fravær mm.", Href: pages.Kalender.Path, TestID: "tile-kalender"},
	{Title: pages.Beskeder.Title, Text: "Se beskeder fra dit jobcenter og dine jobkonsulenter.", Href: pages.Beskeder.Path, TestID: "tile-beskeder"},
	{Title: pages.Fravaer.Title, Text: "Her kan du se dit aktuelle og kommende fravær.", Href: pages.Fravaer.Path, TestID: "tile-fravaer"},
	{Title: pages.MeldFerie.Title, Text: "Her kan du melde ferie.", Href: pages.MeldFerie.Path, TestID: "tile-meld-ferie"},
	{Title: pages.MeldSygRask.Title, Text: "Her kan du melde dig syg eller rask.", Href: pages.MeldSygRask.Path, TestID: "tile-meld-syg-rask"},
	{Title: pages.TilOgAfmelding.Title, Text: "Her kan du til- og afmelde dig som ledig.", Href: pages.TilOgAfmelding.Path, TestID: "tile-til-og-afmelding"},
	{Title: pages.Dagpenge.Title, Text: "Følg med i dit dagpengeforbrug og muligheden for at forlænge din dagpengeperiode.", Href: pages.Dagpenge.Path, TestID: "tile-dagpengetaellere"},
	{Title: pages.Supplementary.Title, Text: "Følg med i dit forbrug af supplerende dagpenge.", Href: pages.Supplementary.Path, TestID: "tile-supplerende-dagpenge"},
	{Title: pages.Historik.Title, Text: "Se dine tidligere indsatser på Jobnet.", Href: pages.Historik.Path, TestID: "tile-historik"},
}
