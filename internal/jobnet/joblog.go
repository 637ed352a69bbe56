package jobnet

import "time"

// JoblogKind is what a joblog entry is about: a job the citizen searched, or
// another activity of the job search (a course, a network meeting …). The
// values are Jobnet's "Log om jobsøgning" and "Log om anden aktivitet".
type JoblogKind string

const (
	JoblogJobsoegning    JoblogKind = "Jobsøgning"
	JoblogAndenAktivitet JoblogKind = "Anden aktivitet"
)

const (
	// JoblogPageSize is the number of logs on a page.
	JoblogPageSize = 10
	// JoblogMaxText is the longest free text a joblog search takes, in characters.
	JoblogMaxText = 200
)

// JoblogStatus is where the citizen is with a job: Jobnet's statuses, in the
// order of the status filter (seed 001 billede 8). Only job searches have a
// status; another activity has none.
type JoblogStatus string

const (
	JoblogIkkeSoegt JoblogStatus = "Ikke søgt"
	JoblogSoegt     JoblogStatus = "Søgt"
	JoblogSamtale   JoblogStatus = "Samtale"
	JoblogAnsat     JoblogStatus = "Ansat"
	JoblogAfslag    JoblogStatus = "Afslag"
)

// JoblogStatuses are the statuses in the order Jobnet's filter shows them.
var JoblogStatuses = []JoblogStatus{JoblogIkkeSoegt, JoblogSoegt, JoblogSamtale, JoblogAnsat, JoblogAfslag}

// How a job was applied for.
const (
	AppliedSkriftlig  = "Skriftlig"
	AppliedTelefonisk = "Telefonisk"
	AppliedPersonligt = "Personligt"
	AppliedUopfordret = "Uopfordret"
)

// JoblogEntry is one log in the citizen's joblog. Dates (AppliedOn,
// ActivityOn, Deadline) are calendar days, zero when not given; CreatedAt and
// UpdatedAt are instants.
type JoblogEntry struct {
	ID            int64
	Kind          JoblogKind
	Title         string // the job title, or the activity ("Kursus i Excel")
	Employer      string // the employer, or who holds the activity
	ContactPerson string
	ContactEmail  string
	ContactPhone  string
	Status        JoblogStatus // "" for another activity
	HowApplied    string       // "" when not applied, and for another activity
	AppliedOn     time.Time
	ActivityOn    time.Time // another activity's date
	Deadline      time.Time // ansøgningsfrist
	Closed        bool      // "markeret som afsluttet"
	CreatedAt     time.Time
	UpdatedAt     time.Time
	Note          string
	PostalCode    string // where the workplace is ("Vis på kort"); "" when not given
	Town          string
}

// JoblogFilter is a search in the joblog. The period is of the day the log
// was last changed ("Søg i logs som sidst er ændret i perioden"); From and To
// are calendar days, inclusive, zero for no limit. Text is matched against
// title, employer, contact details and note; Status "" means all logs. Page
// counts from 1.
type JoblogFilter struct {
	From, To   time.Time
	Text       string
	Status     JoblogStatus
	ShowClosed bool
	Page       int
}

// JoblogPage is one page of the joblog and the counts of the status filter.
// The counts are of the logs matching the period, the text and the closed
// checkbox, so that "Søgt (5)" lists five logs.
type JoblogPage struct {
	Entries []JoblogEntry
	Page    int // the page shown: the filter's, or 1 when that page does not exist
	Counts  map[JoblogStatus]int
	All     int // "Alle Logs (n)": every matching log, another activity included
	Total   int // every log the citizen has, whatever the filter
}

// Matching is the number of logs the filter's status selects.
func (p JoblogPage) Matching(status JoblogStatus) int {
	if status == "" {
		return p.All
	}
	return p.Counts[status]
}

// Pages is the number of pages for the filter's status, at least 1.
func (p JoblogPage) Pages(status JoblogStatus) int {
	n := p.Matching(status)
	if n == 0 {
		return 1
	}
	return (n + JoblogPageSize - 1) / JoblogPageSize
}

// SavedJob is a posting the citizen saved on Find Job ("Gem job"), listed by
// the Joblog's "Se gemte job". Open says whether it can be applied for
// today, and so whether its own page can be opened.
type SavedJob struct {
	Posting JobPosting
	SavedAt time.Time
	Open    bool
}
