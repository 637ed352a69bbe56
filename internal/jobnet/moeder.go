package jobnet

import "time"

// MeetingForm is a mødeform, as Jobnet names it when the citizen chooses a
// time (seed 002 §3.1).
type MeetingForm string

const (
	FormFremmoede MeetingForm = "Personligt fremmøde"
	FormTelefon   MeetingForm = "Telefonisk"
	FormDigital   MeetingForm = "Digitalt møde"
)

// MeetingOffer is a meeting the jobcenter lets the citizen book (a
// mødetilbud): what it is about, how long it lasts, its mødeformer, with whom
// it can be, and the rights and duties the citizen confirms in Trin 4. Kind
// and TargetGroup place it in the plan, as a plan item (SPEC §5.3); an offer
// that cannot say them has both empty.
type MeetingOffer struct {
	ID            int64
	Kind          PlanItemKind
	TargetGroup   TargetGroup
	Title         string
	Description   string
	Duration      time.Duration
	Forms         []MeetingForm
	Hosts         []MeetingHost
	AttentionText string // "Vær opmærksom på"
	QuestionsText string // "Hvis du har spørgsmål"
}

// Host finds one of the offer's caseworkers or teams.
func (o MeetingOffer) Host(id int64) (MeetingHost, bool) {
	for _, h := range o.Hosts {
		if h.ID == id {
			return h, true
		}
	}
	return MeetingHost{}, false
}

// MeetingHost is a caseworker or team the citizen can have the meeting with
// (Trin 2).
type MeetingHost struct {
	ID   int64
	Name string
}

// MeetingSlot is a free time for instant booking, in one mødeform.
type MeetingSlot struct {
	ID         int64
	OfferID    int64
	StartsAt   time.Time
	Form       MeetingForm
	Caseworker string
}

// MaxInstantSlots is how many times Jobnet shows for instant booking (seed
// 002 §3.1: "Der kan vises op til 30 tider").
const MaxInstantSlots = 30

// Meeting is a planned or past meeting of the citizen with the jobcenter or
// the a-kasse. Kind and TargetGroup place it in the plan, as a plan item.
type Meeting struct {
	ID          int64
	Title       string
	StartsAt    time.Time
	EndsAt      time.Time
	Form        MeetingForm
	Place       string // the address, when the citizen comes in person
	WithWhom    string
	OrgID       int64
	OrgName     string
	OrgKind     OrgKind
	Kind        PlanItemKind
	TargetGroup TargetGroup
	SelfBooked  bool
}

// MeetingsPage is what the Møder page shows: the offers the citizen may
// book, the free times of the caseworker or team chosen in Trin 2, and the
// planned meetings.
type MeetingsPage struct {
	Offers   []MeetingOffer
	Slots    []MeetingSlot // at most MaxInstantSlots, in time order
	Meetings []Meeting     // from now on, in time order
}

// MaySelfBook reports whether the citizen may book meetings on Jobnet today:
// only with a course in a kontaktgruppe open today (seed 002 §3.3: "det er
// ikke længere muligt for borgere uden en kontaktgruppe at booke møder").
// An afmeldt course is still a kontaktgruppe.
func MaySelfBook(f CitizenFacts, today time.Time) bool {
	for _, r := range f.Registrations {
		if r.Period.Covers(today) {
			return true
		}
	}
	return false
}

// RecentMessages is how many of the newest messages Min beskedbakke lists
// under "Seneste beskeder"; the rest are under "Ældre beskeder" (seed 001
// billede 20).
const RecentMessages = 5
