package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// The job search's demo data (SPEC §5.1, §5.2): the occupation catalogue,
// a generated job market (jobs_gen.go) with a few hand-written postings the
// tests look for, and the demo citizens' job goals, employment conditions,
// search profiles, reminders and banner. The Forside's notifications are in
// notifications.go, loaded after what they are about.

// Occupation groups.
const (
	JobGroupKontor = iota + 1
	JobGroupLager
	JobGroupSundhed
	JobGroupByg
	JobGroupSalg
	JobGroupPaedagogik
	JobGroupRestaurant
	JobGroupRengoering
)

// JobGroups names the occupation groups.
var JobGroups = map[int]string{
	JobGroupKontor:     "Kontor og administration",
	JobGroupLager:      "Lager, transport og logistik",
	JobGroupSundhed:    "Social og sundhed",
	JobGroupByg:        "Bygge og anlæg",
	JobGroupSalg:       "Salg, butik og kundeservice",
	JobGroupPaedagogik: "Pædagogik og undervisning",
	JobGroupRestaurant: "Hotel, restaurant og køkken",
	JobGroupRengoering: "Rengøring og ejendomsservice",
}

// JobOccupation is an occupation of the demo catalogue: its title, group,
// the noun a posting's text uses, and the titles postings give it.
type JobOccupation struct {
	ID       int
	Title    string
	Group    int
	Noun     string
	Variants []string
}

// JobOccupations is the demo occupation catalogue.
var JobOccupations = []JobOccupation{
	{1, "Kontorassistent (kontorfunktionær)", JobGroupKontor, "kontorassistent", []string{"Kontorassistent", "Kontorassistent til administrationen", "Kontorfunktionær – barselsvikariat", "Administrativ medarbejder"}},
	{2, "Receptionist", JobGroupKontor, "receptionist", []string{"Receptionist", "Receptionist til hovedkontoret", "Receptionist og omstilling"}},
	{3, "Sekretær", JobGroupKontor, "sekretær", []string{"Sekretær", "Sekretær til direktionen", "Teamsekretær"}},
	{4, "Bogholder", JobGroupKontor, "bogholder", []string{"Bogholder", "Bogholder på deltid", "Erfaren bogholder"}},
	{5, "Lønbogholder", JobGroupKontor, "lønbogholder", []string{"Lønbogholder", "Løn- og personaleadministrator"}},
	{6, "Lagermedarbejder", JobGroupLager, "lagermedarbejder", []string{"Lagermedarbejder", "Lagermedarbejder til plukteam", "Lagermedarbejder – aftenhold"}},
	{7, "Truckfører", JobGroupLager, "truckfører", []string{"Truckfører", "Truckfører til varemodtagelsen"}},
	{8, "Buschauffør", JobGroupLager, "buschauffør", []string{"Buschauffør", "Buschauffør til bybusser", "Buschauffør – faste ruter"}},
	{9, "Lastbilchauffør", JobGroupLager, "lastbilchauffør", []string{"Lastbilchauffør", "Chauffør til distributionskørsel", "Lastbilchauffør med kategori C/E"}},
	{10, "Postbud", JobGroupLager, "postbud", []string{"Postbud", "Pakkeomdeler"}},
	{11, "Social- og sundhedshjælper", JobGroupSundhed, "social- og sundhedshjælper", []string{"Social- og sundhedshjælper", "SOSU-hjælper til hjemmeplejen", "Social- og sundhedshjælper – aftenvagt"}},
	{12, "Social- og sundhedsassistent", JobGroupSundhed, "social- og sundhedsassistent", []string{"Social- og sundhedsassistent", "SOSU-assistent til plejecenter", "Social- og sundhedsassistent – nattevagt"}},
	{13, "Sygeplejerske", JobGroupSundhed, "sygeplejerske", []string{"Sygeplejerske", "Sygeplejerske til akutteamet", "Sygeplejerske i hjemmesygeplejen"}},
	{14, "Handicaphjælper", JobGroupSundhed, "handicaphjælper", []string{"Handicaphjælper", "Hjælper til ung mand med handicap"}},
	{15, "Rørlægger", JobGroupByg, "rørlægger", []string{"Rørlægger", "VVS-montør / rørlægger", "Rørlægger til service"}},
	{16, "Elektriker", JobGroupByg, "elektriker", []string{"Elektriker", "Elektriker til service og installation", "Erfaren elektriker"}},
	{17, "Tømrer", JobGroupByg, "tømrer", []string{"Tømrer", "Tømrer til renovering", "Tømrer/snedker"}},
	{18, "Murer", JobGroupByg, "murer", []string{"Murer", "Murer til nybyggeri"}},
	{19, "Maler", JobGroupByg, "maler", []string{"Maler", "Malersvend"}},
	{20, "Salgsassistent", JobGroupSalg, "salgsassistent", []string{"Salgsassistent", "Salgsassistent til butik", "Salgsassistent på deltid"}},
	{21, "Kassemedarbejder", JobGroupSalg, "kassemedarbejder", []string{"Kassemedarbejder", "Kassemedarbejder – weekend"}},
	{22, "Kundeservicemedarbejder", JobGroupSalg, "kundeservicemedarbejder", []string{"Kundeservicemedarbejder", "Kundeservicemedarbejder til hotline"}},
	{23, "Pædagog", JobGroupPaedagogik, "pædagog", []string{"Pædagog", "Pædagog til vuggestue", "Pædagog til børnehave", "Pædagog i SFO"}},
	{24, "Pædagogmedhjælper", JobGroupPaedagogik, "pædagogmedhjælper", []string{"Pædagogmedhjælper", "Pædagogisk assistent"}},
	{25, "Folkeskolelærer", JobGroupPaedagogik, "lærer", []string{"Lærer", "Lærer til indskolingen", "Dansklærer til udskolingen"}},
	{26, "Dagplejer", JobGroupPaedagogik, "dagplejer", []string{"Dagplejer"}},
	{27, "Kok", JobGroupRestaurant, "kok", []string{"Kok", "Kok til kantine", "Kok til restaurant"}},
	{28, "Tjener", JobGroupRestaurant, "tjener", []string{"Tjener", "Tjener – aften og weekend"}},
	{29, "Opvasker", JobGroupRestaurant, "opvasker", []string{"Opvasker", "Opvasker og køkkenhjælp"}},
	{30, "Rengøringsassistent", JobGroupRengoering, "rengøringsassistent", []string{"Rengøringsassistent", "Rengøringsassistent – morgenhold"}},
	{31, "Ejendomsservicetekniker", JobGroupRengoering, "ejendomsservicetekniker", []string{"Ejendomsservicetekniker", "Vicevært / ejendomsservicetekniker"}},
}

// OccupationID finds an occupation of the catalogue by title.
func OccupationID(title string) int {
	for _, o := range JobOccupations {
		if o.Title == title {
			return o.ID
		}
	}
	panic("demo: no occupation " + title)
}

// JobEmployer is a made-up employer in one trade.
type JobEmployer struct {
	CVR     string
	Name    string
	Address string
	Town    JobTown
	Group   int
}

// JobPosting is a demo job posting; dates are days relative to today.
type JobPosting struct {
	Title        string
	OccupationID int
	EmployerName string
	Workplace    string
	Address      string
	Town         JobTown
	Hours        string
	PostedDays   int
	DeadlineDays *int // nil: "Snarest"
	Description  string
	Applicants   int
	ApplyURL     string // "Søg jobbet"; "": the posting gives no link
}

// JobAgency is a made-up temp agency and the occupation groups it places
// people in.
type JobAgency struct {
	Name   string
	Town   JobTown
	Groups []int
	Phone  string
	Email  string
}

var (
	jobsTownAarhusC = JobTown{"8000", "Aarhus C", "751", 0}
	jobsTownRanders = JobTown{"8900", "Randers C", "730", 0}
)

// jobsHandEmployers are the employers of the hand-written postings.
var jobsHandEmployers = []JobEmployer{
	{CVR: "29110001", Name: "Marselisborg Ejendomsadministration A/S", Address: "Skovbrynet 4", Town: jobsTownAarhusC, Group: JobGroupKontor},
	{CVR: "29110002", Name: "Havnehuset Konferencecenter A/S", Address: "Havnegade 12", Town: jobsTownAarhusC, Group: JobGroupKontor},
	{CVR: "29110003", Name: "Randers Boligselskab", Address: "Østergade 30", Town: jobsTownRanders, Group: JobGroupKontor},
	{CVR: "29110004", Name: "Aarhus Tolkeservice ApS", Address: "Nørregade 51", Town: jobsTownAarhusC, Group: JobGroupKontor},
}

// Hand-written postings that the tests look for.
var (
	// KontorPostingAarhus is an open posting for anna's first job goal in
	// her labour-market area.
	KontorPostingAarhus = JobPosting{
		Title: "Kontorassistent til kundeteamet", OccupationID: 1,
		EmployerName: "Marselisborg Ejendomsadministration A/S", Workplace: "Marselisborg Ejendomsadministration",
		Address: "Skovbrynet 4", Town: jobsTownAarhusC, Hours: "Fuldtid", PostedDays: -1, DeadlineDays: days(21),
		Description: "Marselisborg Ejendomsadministration søger en struktureret kontorassistent til vores kundeteam i Aarhus C. " +
			"Du besvarer henvendelser fra lejere, booker syn af lejligheder og holder styr på vores sagsarkiv. " +
			"Vi tilbyder fast ansættelse, 37 timer om ugen og grundig oplæring. Løn efter overenskomst.",
		Applicants: 24, ApplyURL: "https://marselisborg-ejendomsadministration.example/job/kontorassistent-kundeteam",
	}
	// ExpiredKontorPosting's deadline passed two days ago: Find Job and the
	// Forside leave it out.
	ExpiredKontorPosting = JobPosting{
		Title: "Kontorassistent – sommerafløser", OccupationID: 1,
		EmployerName: "Marselisborg Ejendomsadministration A/S", Workplace: "Marselisborg Ejendomsadministration",
		Address: "Skovbrynet 4", Town: jobsTownAarhusC, Hours: "Fuldtid", PostedDays: -40, DeadlineDays: days(-2),
		Description: "Vi søger en sommerafløser til administrationen i juli og august.", Applicants: 31,
	}
	jobsHandPostings = []JobPosting{
		KontorPostingAarhus,
		ExpiredKontorPosting,
		{Title: "Receptionist til Havnehuset", OccupationID: 2, EmployerName: "Havnehuset Konferencecenter A/S",
			Workplace: "Havnehuset Konferencecenter", Address: "Havnegade 12", Town: jobsTownAarhusC, Hours: "Deltid",
			PostedDays: -4, DeadlineDays: days(10), Applicants: 12,
			Description: "Havnehuset Konferencecenter søger en smilende receptionist til at tage imod vores gæster, " +
				"passe omstillingen og hjælpe med mødebooking. 25 timer om ugen, dagtimer."},
		{Title: "Teamsekretær til byggeafdelingen", OccupationID: 3, EmployerName: "Randers Boligselskab",
			Workplace: "Randers Boligselskab", Address: "Østergade 30", Town: jobsTownRanders, Hours: "Fuldtid",
			PostedDays: -6, DeadlineDays: days(14), Applicants: 7,
			Description: "Randers Boligselskab søger en teamsekretær, der kan holde styr på byggemøder, referater og fakturaer."},
		{Title: "Kontorassistent til tolkebooking", OccupationID: 1, EmployerName: "Aarhus Tolkeservice ApS",
			Workplace: "Aarhus Tolkeservice", Address: "Nørregade 51", Town: jobsTownAarhusC, Hours: "Fuldtid",
			PostedDays: -200, DeadlineDays: days(-170), Applicants: 18,
			Description: "Aarhus Tolkeservice søger en kontorassistent til booking af tolke og fakturering."},
	}
	jobsHandAgencies = []JobAgency{
		{Name: "Kontorvikar Østjylland ApS", Town: jobsTownAarhusC, Groups: []int{JobGroupKontor},
			Phone: "86120000", Email: "kontakt@kontorvikar-oestjylland.example"},
	}
)

// JobGoal is a demo job goal ("Jeg søger job som").
type JobGoal struct {
	Occupation       string // title in the catalogue
	Educated         bool
	ExperienceMonths int
	LastWorkedYear   int // 0: not given
}

// JobSearchProfile is a demo saved search; with a frequency it is a job agent.
type JobSearchProfile struct {
	Name           string
	FreeText       string
	Occupations    []string // titles
	Kommuner       []string // kommune numbers
	Regions        []string // region codes
	AgentFrequency string
	CreatedDays    int
}

// JobSaved is a posting the citizen saved on Find Job ("Gem job").
type JobSaved struct {
	Posting   JobPosting // found by title and workplace
	SavedDays int
}

// JobBanner is the banner of seed 002 §1.1 for a citizen.
type JobBanner struct {
	RaisedDays    int
	DismissedDays *int // nil: not dismissed
}

// JobCase is one demo citizen's job search.
type JobCase struct {
	Citizen     string // Citizen.Key
	Goals       []JobGoal
	WeeklyHours string   // "" with Starts nil: no employment conditions given
	Starts      []string // "Ansættelsesstart"
	Profiles    []JobSearchProfile
	Reminders   []int // days of open "ledighedserklæring" reminders
	Banner      *JobBanner
	Saved       []JobSaved // "Se gemte job", newest first
}

// JobCases are the hand-written job searches. anna's first job goal and
// conditions are the guide's billede 7.
var JobCases = []JobCase{
	{
		Citizen: "anna",
		Goals: []JobGoal{
			{Occupation: "Kontorassistent (kontorfunktionær)", Educated: true, ExperienceMonths: 12*12 + 3, LastWorkedYear: 2008},
			{Occupation: "Receptionist", Educated: false, ExperienceMonths: 2*12 + 6, LastWorkedYear: 2012},
		},
		WeeklyHours: "Fuldtid", Starts: []string{"Hurtigst muligt", "Efter aftale"},
		Profiles: []JobSearchProfile{
			{Name: "Kontorjob i Aarhus", Occupations: []string{"Kontorassistent (kontorfunktionær)", "Receptionist"},
				Kommuner: []string{"751"}, AgentFrequency: "Dagligt", CreatedDays: -30},
			{Name: "Administration i Midtjylland", FreeText: "deltid", Occupations: []string{"Sekretær", "Bogholder"},
				Regions: []string{"1082"}, CreatedDays: -62},
		},
		Reminders: []int{-3},
		Banner:    &JobBanner{RaisedDays: -400},
		Saved: []JobSaved{
			{Posting: KontorPostingAarhus, SavedDays: -1},
			{Posting: ExpiredKontorPosting, SavedDays: -20},
		},
	},
	{
		Citizen:     "bo",
		Goals:       []JobGoal{{Occupation: "Lagermedarbejder", Educated: false, ExperienceMonths: 0}},
		WeeklyHours: "Fuldtid eller deltid", Starts: []string{"Hurtigst muligt"},
		Banner: &JobBanner{RaisedDays: -400, DismissedDays: days(-380)},
	},
	{
		Citizen: "camilla",
		Goals:   []JobGoal{{Occupation: "Pædagog", Educated: true, ExperienceMonths: 5}},
	},
	// Maja looks for work in her own trade again; the Jobmål agreed while
	// she was sick (Plans) is another.
	{
		Citizen:     "maja",
		Goals:       []JobGoal{{Occupation: "Social- og sundhedsassistent", Educated: true, ExperienceMonths: 9*12 + 4}},
		WeeklyHours: "Fuldtid eller deltid", Starts: []string{"Hurtigst muligt"},
		Reminders: []int{-2},
	},
}

// JobCaseFor finds a citizen's job case by key.
func JobCaseFor(key string) JobCase {
	for _, c := range JobCases {
		if c.Citizen == key {
			return c
		}
	}
	return JobCase{Citizen: key}
}

// nullable is NULL for "".
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// jobsPostingCount is how many postings the generator makes.
const jobsPostingCount = 400

var jobsLoader = areaLoader{name: "jobsøgning: stillinger og jobmål", load: loadJobs}

// jobsAt is a day relative to today at a time of day in Copenhagen.
func jobsAt(today time.Time, offset, hour, minute int) time.Time {
	d := On(today, offset)
	return time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, jobnet.Copenhagen)
}

func loadJobs(ctx context.Context, tx pgx.Tx, st *loadState) error {
	gen := generateJobs(jobsPostingCount)
	b := &pgx.Batch{}
	for id, name := range JobGroups {
		b.Queue(`INSERT INTO occupation_groups (id, name) VALUES ($1, $2)`, id, name)
	}
	for _, o := range JobOccupations {
		b.Queue(`INSERT INTO occupations (id, title, group_id) VALUES ($1, $2, $3)`, o.ID, o.Title, o.Group)
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("occupations: %w", err)
	}

	employers := append(append([]JobEmployer{}, jobsHandEmployers...), gen.Employers...)
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"employers"}, []string{"cvr", "name", "town", "kommune_number"},
		pgx.CopyFromSlice(len(employers), func(i int) ([]any, error) {
			e := employers[i]
			return []any{e.CVR, e.Name, e.Town.Name, e.Town.Kommune}, nil
		})); err != nil {
		return fmt.Errorf("employers: %w", err)
	}
	employerIDs := map[string]int64{}
	rows, _ := tx.Query(ctx, `SELECT name, id FROM employers`)
	var name string
	var id int64
	if _, err := pgx.ForEachRow(rows, []any{&name, &id}, func() error {
		employerIDs[name] = id
		return nil
	}); err != nil {
		return fmt.Errorf("employer ids: %w", err)
	}

	postings := append(append([]JobPosting{}, jobsHandPostings...), gen.Postings...)
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"job_postings"},
		[]string{"title", "occupation_id", "employer_id", "workplace", "address", "postal_code", "town", "kommune_number",
			"working_hours", "posted_on", "deadline", "description", "applicants", "apply_url"},
		pgx.CopyFromSlice(len(postings), func(i int) ([]any, error) {
			p := postings[i]
			eid, ok := employerIDs[p.EmployerName]
			if !ok {
				return nil, fmt.Errorf("posting %q: no employer %q", p.Title, p.EmployerName)
			}
			return []any{p.Title, p.OccupationID, eid, p.Workplace, p.Address, p.Town.PostalCode, p.Town.Name, p.Town.Kommune,
				p.Hours, On(st.today, p.PostedDays), day(st.today, p.DeadlineDays), p.Description, p.Applicants, nullable(p.ApplyURL)}, nil
		})); err != nil {
		return fmt.Errorf("postings: %w", err)
	}

	b = &pgx.Batch{}
	for _, a := range append(append([]JobAgency{}, jobsHandAgencies...), gen.Agencies...) {
		b.Queue(`WITH a AS (INSERT INTO temp_agencies (name, town, kommune_number, phone, email) VALUES ($1, $2, $3, $4, $5) RETURNING id)
			INSERT INTO temp_agency_groups (agency_id, group_id) SELECT a.id, g FROM a, unnest($6::smallint[]) g`,
			a.Name, a.Town.Name, a.Town.Kommune, a.Phone, a.Email, a.Groups)
	}
	for _, c := range JobCases {
		if err := queueJobCase(b, c, st); err != nil {
			return err
		}
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("agencies and job cases: %w", err)
	}
	return nil
}

func queueJobCase(b *pgx.Batch, c JobCase, st *loadState) error {
	cid, ok := st.citizenIDs[c.Citizen]
	if !ok {
		return fmt.Errorf("job case: no citizen %q", c.Citizen)
	}
	for i, g := range c.Goals {
		b.Queue(`INSERT INTO job_goals (citizen_id, occupation_id, position, educated, experience_months, last_worked_year)
			VALUES ($1, $2, $3, $4, $5, nullif($6, 0))`,
			cid, OccupationID(g.Occupation), i+1, g.Educated, g.ExperienceMonths, g.LastWorkedYear)
	}
	if c.WeeklyHours != "" || len(c.Starts) > 0 {
		b.Queue(`INSERT INTO employment_conditions (citizen_id, weekly_hours, starts) VALUES ($1, nullif($2, ''), $3)`,
			cid, c.WeeklyHours, c.Starts)
	}
	for _, p := range c.Profiles {
		occ := make([]int32, len(p.Occupations))
		for i, title := range p.Occupations {
			occ[i] = int32(OccupationID(title))
		}
		b.Queue(`WITH p AS (INSERT INTO search_profiles (citizen_id, name, free_text, agent_frequency, created_at)
				VALUES ($1, $2, $3, nullif($4, ''), $5) RETURNING id),
			o AS (INSERT INTO search_profile_occupations (profile_id, occupation_id) SELECT p.id, o FROM p, unnest($6::integer[]) o),
			k AS (INSERT INTO search_profile_areas (profile_id, kommune_number) SELECT p.id, k FROM p, unnest($7::text[]) k)
			INSERT INTO search_profile_areas (profile_id, region_code) SELECT p.id, r FROM p, unnest($8::text[]) r`,
			cid, p.Name, p.FreeText, p.AgentFrequency, jobsAt(st.today, p.CreatedDays, 20, 15), occ, p.Kommuner, p.Regions)
	}
	for _, j := range c.Saved {
		b.Queue(`INSERT INTO saved_jobs (citizen_id, posting_id, saved_at)
			SELECT $1, id, $4 FROM job_postings WHERE title = $2 AND workplace = $3`,
			cid, j.Posting.Title, j.Posting.Workplace, jobsAt(st.today, j.SavedDays, 18, 40))
	}
	for _, d := range c.Reminders {
		b.Queue(`INSERT INTO frontpage_reminders (citizen_id, kind, created_on) VALUES ($1, $2, $3)`,
			cid, string(jobnet.ReminderUnemploymentDeclaration), On(st.today, d))
	}
	if c.Banner != nil {
		var dismissed *time.Time
		if c.Banner.DismissedDays != nil {
			t := jobsAt(st.today, *c.Banner.DismissedDays, 19, 5)
			dismissed = &t
		}
		b.Queue(`INSERT INTO job_goal_banners (citizen_id, raised_on, dismissed_at) VALUES ($1, $2, $3)`,
			cid, On(st.today, c.Banner.RaisedDays), dismissed)
	}
	return nil
}
