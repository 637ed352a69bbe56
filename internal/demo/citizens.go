package demo

import (
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// Membership is a demo a-kasse membership, in days relative to today.
type Membership struct {
	Akasse   jobnet.Organisation
	FromDays int  // e.g. -900: began 900 days ago
	ToDays   *int // nil: lasts; -1: ended yesterday
}

// Registration is a demo kontaktgruppe course, in days relative to today.
type Registration struct {
	Kontaktgruppe    int
	Tilmeldekategori int
	Registered       bool
	FromDays         int
	ToDays           *int
}

// Citizen is a hand-written demo case. Every CPR number is made up (the
// date parts are real dates so that the numbers parse).
type Citizen struct {
	Key           string // stable name tests use
	CPR           string
	Name          string
	Jobcenter     jobnet.Organisation
	Memberships   []Membership
	Registrations []Registration
	// Case says which branch of the access rule the citizen shows.
	Case string
}

func days(n int) *int { return &n }

// Citizens exercise every branch of the access rule (SPEC §3) for the demo
// caseworkers: Berit (A-kasse 22), Nina (Jobcenter Aarhus), Mads (both).
// Anna and Maja, whom both may look up, carry between them a datum of every
// kind the a-kasse may not see (SPEC §5).
var Citizens = []Citizen{
	{Key: "anna", CPR: "1203854417", Name: "Anna Jensen", Jobcenter: OrgJobcenterAarhus,
		Memberships:   []Membership{{OrgFagenesAkasse, -1200, nil}},
		Registrations: []Registration{{1, 0, true, -214, nil}},
		Case:          "Medlem af A-kasse 22, kontaktgruppe 1, tilmeldt"},
	{Key: "bo", CPR: "0507794128", Name: "Bo Nielsen", Jobcenter: OrgJobcenterAarhus,
		Memberships:   []Membership{{OrgFagenesAkasse, -3000, nil}},
		Registrations: []Registration{{1, 0, false, -40, nil}},
		Case:          "Medlem af A-kasse 22, kontaktgruppe 1, afmeldt"},
	{Key: "camilla", CPR: "2208014562", Name: "Camilla Holm", Jobcenter: OrgJobcenterAarhus,
		Memberships:   []Membership{{OrgFagenesAkasse, -200, nil}},
		Registrations: []Registration{{8, 5, true, -20, nil}},
		Case:          "Dimittend: kontaktgruppe 8, tilmeldekategori 5, tilmeldt"},
	{Key: "dennis", CPR: "1411905213", Name: "Dennis Larsen", Jobcenter: OrgJobcenterAarhus,
		Memberships:   []Membership{{OrgFagenesAkasse, -700, nil}},
		Registrations: []Registration{{8, 1, true, -60, nil}},
		Case:          "Kontaktgruppe 8 i en anden tilmeldekategori end dimittend"},
	{Key: "emma", CPR: "0302884671", Name: "Emma Poulsen", Jobcenter: OrgJobcenterAarhus,
		Memberships:   []Membership{{OrgKystensAkasse, -1500, nil}},
		Registrations: []Registration{{1, 0, true, -30, nil}},
		Case:          "Medlem af en anden a-kasse (A-kasse 31)"},
	{Key: "frederik", CPR: "2509764320", Name: "Frederik Skov", Jobcenter: OrgJobcenterAarhus,
		Memberships:   []Membership{{OrgFagenesAkasse, -2000, days(-1)}, {OrgKystensAkasse, 0, nil}},
		Registrations: []Registration{{1, 0, true, -120, nil}},
		Case:          "Tidligere medlem af A-kasse 22 (udmeldt i går), nu A-kasse 31"},
	{Key: "gitte", CPR: "1710924385", Name: "Gitte Berg", Jobcenter: OrgJobcenterAarhus,
		Memberships:   []Membership{{OrgFagenesAkasse, 1, nil}},
		Registrations: []Registration{{1, 0, true, -10, nil}},
		Case:          "Medlem af A-kasse 22 fra i morgen"},
	{Key: "hans", CPR: "0806814257", Name: "Hans Mortensen", Jobcenter: OrgJobcenterOdense,
		Memberships:   []Membership{{OrgKystensAkasse, -800, nil}},
		Registrations: []Registration{{1, 0, true, -50, nil}},
		Case:          "Borger i Jobcenter Odense"},
	{Key: "ida", CPR: "3001024711", Name: "Ida Kristensen", Jobcenter: OrgJobcenterAarhus,
		Memberships:   []Membership{{OrgFagenesAkasse, -150, nil}},
		Registrations: []Registration{{8, 5, false, -25, nil}},
		Case:          "Dimittend, men afmeldt"},
	{Key: "jonas", CPR: "1912874039", Name: "Jonas Thomsen", Jobcenter: OrgJobcenterAarhus,
		Memberships: []Membership{{OrgFagenesAkasse, -900, nil}},
		Case:        "Medlem af A-kasse 22 uden forløb (ingen kontaktgruppe)"},
	{Key: "karen", CPR: "0404834196", Name: "Karen Dahl", Jobcenter: OrgJobcenterAarhus,
		Memberships:   []Membership{{OrgFagenesAkasse, -1000, nil}},
		Registrations: []Registration{{1, 0, true, -300, days(-1)}},
		Case:          "Medlem af A-kasse 22, forløb i kontaktgruppe 1 sluttede i går"},
	{Key: "lars", CPR: "1102864283", Name: "Lars Winther", Jobcenter: OrgJobcenterAarhus,
		Registrations: []Registration{{7, 0, true, -400, nil}},
		Case:          "Fleksjobvisiteret (kontaktgruppe 7) i Jobcenter Aarhus, ikke medlem af en a-kasse"},
	{Key: "maja", CPR: "1506874211", Name: "Maja Andersen", Jobcenter: OrgJobcenterAarhus,
		Memberships:   []Membership{{OrgFagenesAkasse, -3300, nil}},
		Registrations: []Registration{{1, 0, true, -61, nil}},
		Case:          "Medlem af A-kasse 22, kontaktgruppe 1, tilmeldt (Jobmål fra en sygedagpengeperiode)"},
}

// UnknownCPR is a well-formed CPR number of no demo citizen.
const UnknownCPR = "0101906543"

// CitizenByKey finds a demo citizen by key.
func CitizenByKey(key string) Citizen {
	for _, c := range Citizens {
		if c.Key == key {
			return c
		}
	}
	panic("demo: no citizen " + key)
}

// On resolves a day offset against today.
func On(today time.Time, offset int) time.Time { return today.AddDate(0, 0, offset) }
