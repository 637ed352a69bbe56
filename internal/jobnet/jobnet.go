// Package jobnet holds the product's domain values: caseworkers and their
// organisations (the Arbejdsmarkedsportalen user copy), citizens and their
// DFDG facts, and the error kinds every layer speaks. It does no I/O.
package jobnet

import (
	"errors"
	"time"
)

// Error kinds. The web layer maps them to 403/404/400/503 pages.
var (
	ErrForbidden   = errors.New("forbidden")
	ErrNotFound    = errors.New("not found")
	ErrInvalid     = errors.New("invalid")
	ErrUnavailable = errors.New("unavailable")
)

// Copenhagen is the time zone every "today" of the product is taken in.
var Copenhagen = mustLoad("Europe/Copenhagen")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		// time/tzdata is imported by cmd binaries; tests on a machine
		// without zoneinfo fall back to a fixed CET offset.
		return time.FixedZone("CET", 3600)
	}
	return loc
}

// Day truncates t to its calendar date in Copenhagen, as midnight UTC of that
// date, so that dates compare with ==, Before and After.
func Day(t time.Time) time.Time {
	y, m, d := t.In(Copenhagen).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Date builds a calendar date value as Day returns it.
func Date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Period is a span of calendar days. From and To are both inclusive; a zero
// To means the period is open-ended.
type Period struct {
	From time.Time
	To   time.Time
}

// Covers reports whether day lies within the period.
func (p Period) Covers(day time.Time) bool {
	if day.Before(p.From) {
		return false
	}
	return p.To.IsZero() || !day.After(p.To)
}

// Identity is who the IdP says the user is, mapped from either the OIOSAML 3
// professional profile or the OIOSAML 2 medarbejdersignatur (a caseworker),
// or from the OIOSAML 3 person profile (a citizen as themself: CPR set, no
// CVR).
type Identity struct {
	Name string
	CVR  string
	// CPR is the person's cprNumber, only in a person identity. It is never
	// logged, put in a URL or stored outside the server.
	CPR     string
	RID     string // legacy employee number under the CVR, may be empty
	UUID    string // persistent professional UUID, may be empty
	Profile string // oiosaml.Profile3 or oiosaml.Profile2
	LoA     string // "Substantial", "High" (or legacy "3", "4")
	// NameID and SessionIndex identify the IdP session, for Single Logout.
	NameID       string
	NameIDFormat string
	SessionIndex string
}

// IsPerson reports whether the identity is a citizen's own, not a
// caseworker's.
func (id Identity) IsPerson() bool { return id.CPR != "" }

// Person is a citizen signed in as themself (with MitID) to read their own
// history: the citizen's id in the DFDG copy and the level of assurance of
// the sign-in. Never the CPR number.
type Person struct {
	CitizenID int64
	LoA       string // "Substantial" or "High"
}

// HistoryEntry is one entry of a citizen's history (Historik), as the
// citizen reads it.
type HistoryEntry struct {
	CitizenID        int64
	Category         string // "Login" for a caseworker's look-up
	OccurredAt       time.Time
	CaseworkerName   string
	OrganisationName string
	Via              string
}

// OrgKind is an organisation kind in Arbejdsmarkedsportalen.
type OrgKind string

const (
	OrgAkasse     OrgKind = "A-kasse"
	OrgJobcenter  OrgKind = "Jobcenter"
	OrgKommune    OrgKind = "Kommune"
	OrgAndenAktor OrgKind = "Anden aktør"
)

// Role is a role a user holds in one organisation (seed 003).
type Role string

const (
	RoleSagsbehandler Role = "Sagsbehandler"
	RoleLBA           Role = "LBA"
)

// Organisation is an a-kasse, jobcenter, kommune or anden aktør.
type Organisation struct {
	ID     int64
	Kind   OrgKind
	Number string // a-kasse number, or kommune number for kommune and jobcenter
	Name   string // e.g. "A-kasse 22 Det Faglige Hus", "Jobcenter Aarhus"
	CVR    string
}

// OrgMembership is a user's place in one organisation with its roles.
type OrgMembership struct {
	Org   Organisation
	Roles []Role
}

// HasRole reports whether the membership carries role r.
func (m OrgMembership) HasRole(r Role) bool {
	for _, have := range m.Roles {
		if have == r {
			return true
		}
	}
	return false
}

// User is a caseworker in the Arbejdsmarkedsportalen user copy.
type User struct {
	ID          int64
	CVR         string
	RID         string
	UUID        string
	Name        string
	Email       string
	Active      bool
	Memberships []OrgMembership
}

// Caseworker is a signed-in user acting for one organisation.
type Caseworker struct {
	User User
	Org  Organisation
}

// Citizen is a person in the DFDG copy. CPR is never logged.
type Citizen struct {
	ID             int64
	CPR            string
	Name           string
	KommuneNumber  string
	JobcenterOrgID int64
}

// AkasseMembership is a citizen's membership of an a-kasse for a period.
type AkasseMembership struct {
	AkasseOrgID int64
	Period      Period
}

// Kontaktgrupper named in the seeds.
const (
	KontaktgruppeDagpengemodtager  = 1
	KontaktgruppeFleksjobvisiteret = 7
	KontaktgruppeUdenYdelse        = 8
	TilmeldekategoriDimittend      = 5
)

// Registration is a course ("forløb") in a kontaktgruppe, with the
// tilmeldekategori and whether the citizen is registered as job seeker.
type Registration struct {
	Kontaktgruppe    int
	Tilmeldekategori int
	Registered       bool // tilmeldt (true) or afmeldt (false)
	JobcenterOrgID   int64
	Period           Period
}

// CitizenFacts is what the access rule needs to know about a citizen.
type CitizenFacts struct {
	Citizen       Citizen
	Memberships   []AkasseMembership
	Registrations []Registration
}
