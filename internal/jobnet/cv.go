package jobnet

import "time"

// CV is the citizen's CV on Jobnet ("Mit CV"), as the citizen sees it. Months
// (From, To, Completed) are the first day of the month; a zero To means the
// job lasts.
type CV struct {
	Searchable      bool // employers can find the CV
	EuropeVisible   bool // Job i Europa: visible to employers in all of Europe (EURES)
	Profile         string
	Contact         CVContact
	Experiences     []CVExperience // newest first
	Educations      []CVEducation  // uddannelser, kurser and certificeringer, newest first
	Qualifications  []string       // kvalifikationer (kompetencer), in the citizen's order
	Languages       []CVLanguage
	DrivingLicences []CVDrivingLicence
	ChangedAt       time.Time
}

// CVContact are the CV's contact details; at least one is required
// (seed 002 §2.2).
type CVContact struct {
	Email   string
	Phones  []string
	Address string
}

// CVExperience is one job of the CV's "Erhvervserfaring".
type CVExperience struct {
	Title            string
	Employer         string
	From, To         time.Time
	Responsibilities string // "Ansvar / arbejdsopgaver / resultater"
}

// EducationKind is what an entry of "Uddannelser, kurser og certificeringer" is.
type EducationKind string

const (
	EducationUddannelse    EducationKind = "uddannelse"
	EducationKursus        EducationKind = "kursus"
	EducationCertificering EducationKind = "certificering"
)

// CVEducation is one entry of "Uddannelser, kurser og certificeringer".
type CVEducation struct {
	Kind        EducationKind
	Title       string
	Institution string
	Completed   time.Time
}

// CVLanguage is a language the citizen masters, with the level.
type CVLanguage struct {
	Language string
	Level    string // "Begynder", "Øvet", "Flydende", "Modersmål"
}

// CVDrivingLicence is a driving licence category, e.g. B "Almindelig bil".
type CVDrivingLicence struct {
	Category    string
	Description string
}

// CVStanding is what the Job i Europa page needs: whether the citizen has a
// CV, whether it is searchable and whether it is visible in Europe.
type CVStanding struct {
	Exists        bool
	Searchable    bool
	EuropeVisible bool
}

// Preparation form variants (forberedelsesskema). The unge variant was
// changed in seed 002 §2.4; kontanthjælp forms belong to another target group.
const (
	PreparationDagpenge      = "dagpenge"
	PreparationKontanthjaelp = "kontanthjælp"
	PreparationUnge          = "unge"
)

// PreparationForm is a submitted forberedelsesskema without its answers: the
// answers are loaded only for a form the access rule lets the caseworker see.
type PreparationForm struct {
	ID        int64
	Variant   string
	Submitted time.Time
}

// PreparationAnswer is one numbered question with the citizen's answer (or
// answers, as for question 8 of the dagpenge variant).
type PreparationAnswer struct {
	Number   int
	Question string
	Answers  []string
}
