package demo

import "github.com/star-dk/sagsbehandleradgang/internal/jobnet"

// Contacts are the demo organisations' contact details, shown in the
// Forside's contact panels. All made up: the phone numbers, addresses and
// e-mail addresses belong to nobody.
var Contacts = map[jobnet.Organisation]jobnet.OrgContact{
	OrgFagenesAkasse: {Phone: "70102200", Email: "post@fagenes-akasse.example",
		Address: "Fagenes Allé 22, 8000 Aarhus C", OpeningHours: "Mandag-torsdag kl. 9.00-16.00, fredag kl. 9.00-14.00",
		Website: "https://fagenes-akasse.example"},
	OrgKystensAkasse: {Phone: "70103100", Email: "kontakt@kystens-akasse.example",
		Address: "Havnegade 31, 5000 Odense C", OpeningHours: "Mandag-fredag kl. 8.30-15.00",
		Website: "https://kystens-akasse.example"},
	OrgJobcenterAarhus: {Phone: "89400000", Email: "jobcenter@aarhus-demo.example",
		Address: "Værkmestergade 9, 8000 Aarhus C", OpeningHours: "Mandag-onsdag kl. 10.00-15.00, torsdag kl. 10.00-17.00, fredag kl. 10.00-13.00"},
	OrgJobcenterOdense: {Phone: "66100000", Email: "jobcenter@odense-demo.example",
		Address: "Buchwaldsgade 48, 5000 Odense C", OpeningHours: "Mandag-fredag kl. 9.00-14.00"},
}
