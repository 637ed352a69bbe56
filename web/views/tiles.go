package views

// JobsoegningTiles are the entries of the overview page "Jobsøgning", with the titles and
// texts of the guide's billede 4, in its order.
var JobsoegningTiles = []Tile{
	{Title: "Find Job", Text: "Søg stillinger, der matcher din profil.", Href: "/borger/jobsoegning/find-job", TestID: "tile-find-job"},
	{Title: "Jeg søger job som", Text: "Angiv stillinger, som du søger. Det vil forbedre dine jobforslag.", Href: "/borger/jobsoegning/jeg-soeger-job-som", TestID: "tile-jeg-soeger-job-som"},
	{Title: "Joblog", Text: "Angiv job du har søgt eller planlægger at søge", Href: "/borger/jobsoegning/joblog", TestID: "tile-joblog"},
	{Title: "Mit CV", Text: "Angiv CV-oplysninger og lav et CV, som arbejdsgivere kan bruge til at finde dig.", Href: "/borger/jobsoegning/cv", TestID: "tile-cv"},
	{Title: "Præsentations-CV", Text: "Dette CV kan du udfylde efter aftale med din sagsbehandler.", Href: "/borger/jobsoegning/praesentations-cv", TestID: "tile-praesentations-cv"},
	{Title: "Forberedelsesskema", Text: "Besvar spørgsmål om din jobsøgning, så jobkonsulenten bedre kan rådgive dig.", Href: "/borger/jobsoegning/forberedelsesskema", TestID: "tile-forberedelsesskema"},
	{Title: "Job i Europa", Text: "Angiv om dit CV skal være synlig for arbejdsgivere i hele Europa.", Href: "/borger/jobsoegning/job-i-europa", TestID: "tile-job-i-europa"},
	{Title: "Gode råd til jobsøgningen", Text: "Find gode råd til jobsøgning.", Href: "https://info.jobnet.dk", TestID: "tile-gode-raad", External: true},
}

// PlanerTiles are the entries of the overview page "Planer og aftaler", with the titles and
// texts of the guide's billede 12, in its order.
var PlanerTiles = []Tile{
	{Title: "Min plan", Text: "Her kan du se, hvilke aftaler du og dine jobkonsulenter har indgået.", Href: "/borger/planer/min-plan", TestID: "tile-min-plan"},
	{Title: "Møder", Text: "Her kan du booke næste samtale med en jobkonsulent.", Href: "/borger/planer/moeder", TestID: "tile-moeder"},
	{Title: "Kalender", Text: "Her kan du se dine kommende møder, jobs du har søgt, fravær mm.", Href: "/borger/planer/kalender", TestID: "tile-kalender"},
	{Title: "Min beskedbakke", Text: "Se beskeder fra dit jobcenter og dine jobkonsulenter.", Href: "/borger/planer/beskeder", TestID: "tile-beskeder"},
	{Title: "Aktuelt fravær", Text: "Her kan du se dit aktuelle og kommende fravær.", Href: "/borger/planer/fravaer", TestID: "tile-fravaer"},
	{Title: "Meld ferie", Text: "Her kan du melde ferie.", Href: "/borger/planer/meld-ferie", TestID: "tile-meld-ferie"},
	{Title: "Meld syg/rask", Text: "Her kan du melde dig syg eller rask.", Href: "/borger/planer/meld-syg-rask", TestID: "tile-meld-syg-rask"},
	{Title: "Til- og afmelding", Text: "Her kan du til- og afmelde dig som ledig.", Href: "/borger/planer/til-og-afmelding", TestID: "tile-til-og-afmelding"},
	{Title: "Dagpengetællere", Text: "Følg med i dit dagpengeforbrug og muligheden for at forlænge din dagpengeperiode.", Href: "/borger/planer/dagpengetaellere", TestID: "tile-dagpengetaellere"},
	{Title: "Tællere for supplerende dagpenge", Text: "Følg med i dit forbrug af supplerende dagpenge.", Href: "/borger/planer/supplerende-dagpenge", TestID: "tile-supplerende-dagpenge"},
	{Title: "Historik", Text: "Se dine tidligere indsatser på Jobnet.", Href: "/borger/planer/historik", TestID: "tile-historik"},
}
