package jobnet

import (
	"strconv"
	"time"
)

// Job search (SPEC §5.1, §5.2): the places and occupations job postings are
// found by, the postings themselves, and the citizen's job goals, saved
// searches and what the Forside tells them.

// Working hours of a posting, and of the citizen's employment conditions.
const (
	Fuldtid = "Fuldtid"
	Deltid  = "Deltid"
)

// Region is one of the five regions (code 1081–1085).
type Region struct {
	Code, Name string
}

// LabourMarketArea is an arbejdsmarkedsopland: kommuner people commute
// between. The Forside's cards look in the citizen's area.
type LabourMarketArea struct {
	ID         int
	Name       string
	RegionCode string
}

// Kommune is a municipality with its kommune number (e.g. "751" Aarhus).
type Kommune struct {
	Number string
	Name   string
	AreaID int
}

// Occupation is an entry of the occupation catalogue ("stillingsbetegnelse").
type Occupation struct {
	ID    int
	Title string // e.g. "Kontorassistent (kontorfunktionær)"
	Group string // e.g. "Kontor og administration"
}

// JobPosting is a job advertisement on Find Job.
type JobPosting struct {
	ID           int64
	Title        string
	Occupation   string
	Workplace    string // the name the posting shows
	Address      string
	PostalCode   string
	Town         string
	Kommune      string // the kommune's name
	WorkingHours string // Fuldtid or Deltid
	Posted       time.Time
	Deadline     time.Time // zero: "Snarest"
	Description  string
	Applicants   int    // job seekers who registered it as applied for ("Søgt") in Joblog
	ApplyURL     string // where "Søg jobbet" leads; "": the posting gives no link
}

// TempAgency is a vikarbureau.
type TempAgency struct {
	ID    int64
	Name  string
	Town  string
	Phone string
	Email string
}

// Employer is a workplace, for unsolicited applications.
type Employer struct {
	ID   int64
	Name string
	Town string
}

// JobGoal is one entry of "Jeg søger job som".
type JobGoal struct {
	ID               int64
	OccupationID     int
	Title            string
	Group            string // the occupation's group
	Educated         bool   // "Uddannet"
	ExperienceMonths int    // "Erfaring"
	LastWorkedYear   int    // "Sidst arbejdet i faget"; 0 when not given
}

// EmploymentConditions are the "Ansættelsesbetingelser" under the job goals.
// Both are empty when the citizen has given none.
type EmploymentConditions struct {
	WeeklyHours string   // "Ugentlig arbejdstid": Fuldtid, Deltid or "Fuldtid eller deltid"
	Starts      []string // "Ansættelsesstart", e.g. "Hurtigst muligt", "Efter aftale"
}

// JobGoals is the page "Jeg søger job som".
type JobGoals struct {
	Goals      []JobGoal
	Conditions EmploymentConditions
}

// SearchProfile is a saved search on Find Job; with a frequency it is a job
// agent that sends new postings to the citizen.
type SearchProfile struct {
	ID             int64
	Name           string
	FreeText       string
	Occupations    []string // titles
	Areas          []string // kommune and region names
	AgentFrequency string   // "Dagligt", "Ugentligt"; "" when it is no job agent
	Created        time.Time
}

// JobAgent reports whether the profile is a job agent.
func (p SearchProfile) JobAgent() bool { return p.AgentFrequency != "" }

// NotificationKind is what a Forside notification is about.
type NotificationKind string

const (
	NotificationSelfBooking NotificationKind = "selvbooking" // ny selvbookingsmulighed
	NotificationMinPlan     NotificationKind = "min_plan"    // ny version af Min Plan
	NotificationMessage     NotificationKind = "besked"      // ny besked
	NotificationMeeting     NotificationKind = "moede"       // nyt møde
)

// Notification is shown under the Forside's cards. It names what it is
// about, and is shown only on the terms of that thing (SPEC §5.1): exactly
// one of PlanItem, Meeting, Offer and Message is set; a notification that
// names nothing is never shown to a caseworker.
type Notification struct {
	Kind  NotificationKind
	Title string
	At    time.Time
	Link  string // a page under /borger

	PlanItem *PlanItem     // a new version of Min Plan: the item it brought
	Meeting  *Meeting      // a new meeting
	Offer    *MeetingOffer // a new self-booking possibility
	Message  *Message      // a new message
}

// ReminderKind is a reminder in the Forside's information box that the
// citizen answers.
type ReminderKind string

// ReminderUnemploymentDeclaration is "Husk: Du skal sende din
// ledighedserklæring og dit dagpengekort til a-kassen".
const ReminderUnemploymentDeclaration ReminderKind = "ledighedserklaering"

// Reminder is an open reminder.
type Reminder struct {
	ID      int64
	Kind    ReminderKind
	Created time.Time
}

// JobList is a count and the first few of a longer list, as a Forside card
// shows it.
type JobList[T any] struct {
	Total int
	First []T
}

// FrontPage is what the Forside shows of the citizen's job search: the job
// goals and labour-market area the five cards are made from, what the cards
// found, the notifications, the open reminders, and whether the banner of
// seed 002 §1.1 is up.
type FrontPage struct {
	Goals []JobGoal
	// Area is the citizen's labour-market area; zero when the citizen's
	// kommune is unknown.
	Area LabourMarketArea
	// The cards' findings, all in Area and open today.
	Posted    JobList[JobPosting] // postings for the goals' occupations, newest first
	Similar   JobList[JobPosting] // postings in the goals' groups for other occupations
	Agencies  JobList[TempAgency] // temp agencies placing people in the goals' groups
	Applied   JobList[JobPosting] // postings for the goals' occupations most applied for
	Employers JobList[Employer]   // employers in the trade without an open posting now

	Notifications []Notification
	Reminders     []Reminder
	Banner        bool
	// Absences are the current and coming ones, before the access rule,
	// for the status line "… sygemeldt resten af dagen".
	Absences []Absence
	// Status is the citizen's registration as job seeker today ("Din
	// status"); Akasse and Jobcenter are the citizen's own a-kasse and
	// jobcenter with their contact details, for the contact panels; nil
	// when the citizen has none or the organisation has no contact details.
	Status    JobseekerStatus
	Akasse    *OrgContact
	Jobcenter *OrgContact
}

// OrgContact is how a citizen reaches an organisation: what the Forside's
// contact panels show. Empty fields are not shown.
type OrgContact struct {
	Name, Phone, Email, Address, OpeningHours, Website string
}

// MustJoblog reports whether the citizen has to register their job search
// in Joblog today: anyone registered as job seeker (tilmeldt) in a course
// that is open today. The Forside reminds them.
func MustJoblog(f CitizenFacts, today time.Time) bool {
	for _, r := range f.Registrations {
		if r.Registered && r.Period.Covers(today) {
			return true
		}
	}
	return false
}

// Experience writes months of experience in a job goal: "12 år og 3
// måneder", "1 år og 1 måned", "1 år", "5 måneder", and "Ingen erfaring"
// for none.
func Experience(months int) string {
	if months <= 0 {
		return "Ingen erfaring"
	}
	y, m := months/12, months%12
	years := strconv.Itoa(y) + " år"
	mo := strconv.Itoa(m) + " måneder"
	if m == 1 {
		mo = "1 måned"
	}
	switch {
	case y == 0:
		return mo
	case m == 0:
		return years
	default:
		return years + " og " + mo
	}
}

// JobQuery is a search on Find Job, as validated from the URL. Zero values
// mean "no filter".
type JobQuery struct {
	Words        []string // each must occur in the posting (title, workplace, town, text)
	OccupationID int
	Area         AreaRef
	ProfileID    int64 // the citizen's saved search to run instead; 0: none
	Page         int   // from 1
}

// PageSize is how many postings Find Job shows per page.
const PageSize = 20

// MaxPage bounds the page number a search may ask for.
const MaxPage = 500

// AreaKind says which kind of area an AreaRef names.
type AreaKind string

const (
	AreaKommune AreaKind = "kommune"
	AreaRegion  AreaKind = "region"
	AreaLabour  AreaKind = "opland"
)

// AreaRef names a kommune (by number), a region (by code) or a
// labour-market area (by id) as Find Job's "Område" does: "kommune-751",
// "region-1082", "opland-9". The zero value is "hele landet".
type AreaRef struct {
	Kind AreaKind
	Code string
}

// String is the form used in URLs.
func (a AreaRef) String() string {
	if a.Kind == "" {
		return ""
	}
	return string(a.Kind) + "-" + a.Code
}

// JobSearch is one page of Find Job: the lists its filters offer, the hits,
// and the citizen's saved search profiles.
type JobSearch struct {
	Occupations []Occupation
	Regions     []Region
	Areas       []LabourMarketArea
	Kommuner    []Kommune
	Total       int // hits in all
	Page        int // the page Hits belong to
	Hits        []JobPosting
	Profiles    []SearchProfile
}
