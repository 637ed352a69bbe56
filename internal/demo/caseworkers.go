// Package demo holds the hand-written, made-up demo data set: the
// organisations, the caseworkers that the development IdP lets sign in, and
// the citizens that exercise every branch of the access rule. The seed
// command writes it to Postgres; the development IdP lists its caseworkers.
// Every name, CPR and CVR number here is invented.
package demo

import (
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

// Password is the development IdP's password for every demo caseworker.
const Password = "demo"

// Organisations, by key. Numbers and CVRs are made up.
var (
	OrgFagenesAkasse   = jobnet.Organisation{Kind: jobnet.OrgAkasse, Number: "022", Name: "A-kasse 22 Fagenes Fællesskab", CVR: "11223344"}
	OrgKystensAkasse   = jobnet.Organisation{Kind: jobnet.OrgAkasse, Number: "031", Name: "A-kasse 31 Kystens Lønmodtagere", CVR: "22334455"}
	OrgJobcenterAarhus = jobnet.Organisation{Kind: jobnet.OrgJobcenter, Number: "751", Name: "Jobcenter Aarhus", CVR: "55667788"}
	OrgJobcenterOdense = jobnet.Organisation{Kind: jobnet.OrgJobcenter, Number: "461", Name: "Jobcenter Odense", CVR: "66778899"}
	OrgKommuneAarhus   = jobnet.Organisation{Kind: jobnet.OrgKommune, Number: "751", Name: "Aarhus Kommune", CVR: "55667788"}
	OrgAndenAktor      = jobnet.Organisation{Kind: jobnet.OrgAndenAktor, Number: "", Name: "Jobvejen ApS", CVR: "77889900"}
)

// Organisations lists every demo organisation in a stable order.
var Organisations = []jobnet.Organisation{
	OrgFagenesAkasse, OrgKystensAkasse, OrgJobcenterAarhus, OrgJobcenterOdense, OrgKommuneAarhus, OrgAndenAktor,
}

// OrgRoles is a caseworker's roles in one organisation.
type OrgRoles struct {
	Org   jobnet.Organisation
	Roles []jobnet.Role
}

// Caseworker is a demo employee: what the IdP asserts about them, and what
// the Arbejdsmarkedsportalen user copy says (unless InUserCopy is false).
type Caseworker struct {
	Username    string // the development IdP's login name
	Description string // what the demo user shows, in Danish
	Name        string
	Email       string
	CVR         string // the employer's CVR, as asserted by the IdP
	RID         string // OIOSAML 2, and OIOSAML 3 legacy RID when set
	UUID        string // OIOSAML 3 persistent professional UUID
	Profile     string // oiosaml.Profile3 or oiosaml.Profile2
	Active      bool
	InUserCopy  bool
	Orgs        []OrgRoles
}

// Caseworkers are the demo employees, in the order the IdP lists them.
var Caseworkers = []Caseworker{
	{
		Username: "berit", Description: "Sagsbehandler i a-kasse (OIOSAML 3)",
		Name: "Berit Hansen", Email: "berit.hansen@fagenes.example", CVR: OrgFagenesAkasse.CVR,
		UUID: "6f1c2a3e-4b5d-4e6f-8a7b-9c0d1e2f3a4b", Profile: oiosaml.Profile3,
		Active: true, InUserCopy: true,
		Orgs: []OrgRoles{{OrgFagenesAkasse, []jobnet.Role{jobnet.RoleSagsbehandler}}},
	},
	{
		Username: "nina", Description: "Sagsbehandler i jobcenter (OIOSAML 2, medarbejdersignatur)",
		Name: "Nina Pettersen", Email: "nina.pettersen@aarhus.example", CVR: OrgJobcenterAarhus.CVR,
		RID: "40112233", Profile: oiosaml.Profile2,
		Active: true, InUserCopy: true,
		Orgs: []OrgRoles{
			{OrgKommuneAarhus, []jobnet.Role{jobnet.RoleSagsbehandler}},
			{OrgJobcenterAarhus, []jobnet.Role{jobnet.RoleSagsbehandler, "Indkalder"}},
		},
	},
	{
		Username: "mads", Description: "Sagsbehandler i både a-kasse og jobcenter (vælger organisation)",
		Name: "Mads Kjær", Email: "mads.kjaer@fagenes.example", CVR: OrgFagenesAkasse.CVR,
		UUID: "0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d", RID: "40223344", Profile: oiosaml.Profile3,
		Active: true, InUserCopy: true,
		Orgs: []OrgRoles{
			{OrgFagenesAkasse, []jobnet.Role{jobnet.RoleSagsbehandler, jobnet.RoleLBA}},
			{OrgJobcenterAarhus, []jobnet.Role{jobnet.RoleSagsbehandler}},
		},
	},
	{
		Username: "ole", Description: "Medarbejder hos anden aktør",
		Name: "Ole Andersen", Email: "ole@jobvejen.example", CVR: OrgAndenAktor.CVR,
		UUID: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", Profile: oiosaml.Profile3,
		Active: true, InUserCopy: true,
		Orgs: []OrgRoles{{OrgAndenAktor, []jobnet.Role{jobnet.RoleSagsbehandler}}},
	},
	{
		Username: "kirsten", Description: "Inaktiv bruger i a-kasse",
		Name: "Kirsten Møller", Email: "kirsten.moller@fagenes.example", CVR: OrgFagenesAkasse.CVR,
		RID: "40334455", Profile: oiosaml.Profile2,
		Active: false, InUserCopy: true,
		Orgs: []OrgRoles{{OrgFagenesAkasse, []jobnet.Role{jobnet.RoleSagsbehandler}}},
	},
	{
		Username: "peter", Description: "Jobcenterbruger uden rollen Sagsbehandler",
		Name: "Peter Lund", Email: "peter.lund@aarhus.example", CVR: OrgJobcenterAarhus.CVR,
		UUID: "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f", Profile: oiosaml.Profile3,
		Active: true, InUserCopy: true,
		Orgs: []OrgRoles{{OrgJobcenterAarhus, []jobnet.Role{"Indkalder"}}},
	},
	// The local user administrators (LBA), one per organisation whose
	// caseworkers look citizens up: they see its Loginaktivitet, no citizen.
	{
		Username: "lone", Description: "LBA i a-kasse: ser Loginaktivitet, ingen borgere",
		Name: "Lone Bach", Email: "lone.bach@fagenes.example", CVR: OrgFagenesAkasse.CVR,
		UUID: "4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b", Profile: oiosaml.Profile3,
		Active: true, InUserCopy: true,
		Orgs: []OrgRoles{{OrgFagenesAkasse, []jobnet.Role{jobnet.RoleLBA}}},
	},
	{
		Username: "henrik", Description: "LBA i a-kasse: ser Loginaktivitet, ingen borgere",
		Name: "Henrik Vind", Email: "henrik.vind@kystens.example", CVR: OrgKystensAkasse.CVR,
		UUID: "5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c", Profile: oiosaml.Profile3,
		Active: true, InUserCopy: true,
		Orgs: []OrgRoles{{OrgKystensAkasse, []jobnet.Role{jobnet.RoleLBA}}},
	},
	{
		Username: "tove", Description: "LBA i jobcenter: ser Loginaktivitet, ingen borgere",
		Name: "Tove Lassen", Email: "tove.lassen@aarhus.example", CVR: OrgJobcenterAarhus.CVR,
		RID: "40445566", Profile: oiosaml.Profile2,
		Active: true, InUserCopy: true,
		Orgs: []OrgRoles{{OrgJobcenterAarhus, []jobnet.Role{jobnet.RoleLBA, "Indkalder"}}},
	},
	{
		Username: "frank", Description: "LBA i jobcenter: ser Loginaktivitet, ingen borgere",
		Name: "Frank Holm", Email: "frank.holm@odense.example", CVR: OrgJobcenterOdense.CVR,
		UUID: "6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d", Profile: oiosaml.Profile3,
		Active: true, InUserCopy: true,
		Orgs: []OrgRoles{{OrgJobcenterOdense, []jobnet.Role{jobnet.RoleLBA}}},
	},
	{
		Username: "sofie", Description: "Ukendt i brugeradministrationen",
		Name: "Sofie Ukendt", Email: "sofie@kystens.example", CVR: OrgKystensAkasse.CVR,
		UUID: "3d4e5f6a-7b8c-4d9e-0f1a-2b3c4d5e6f7a", Profile: oiosaml.Profile3,
		Active: true, InUserCopy: false,
	},
}

// CaseworkerByUsername finds a demo caseworker by IdP login name.
func CaseworkerByUsername(username string) (Caseworker, bool) {
	for _, c := range Caseworkers {
		if c.Username == username {
			return c, true
		}
	}
	return Caseworker{}, false
}
