package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// JoblogEntry is a demo joblog entry, with its days relative to today and
// its times of day in Copenhagen.
type JoblogEntry struct {
	Kind                     jobnet.JoblogKind
	Title, Employer          string
	Contact, Email, Phone    string
	Status                   jobnet.JoblogStatus
	How                      string // how the job was applied for
	Applied, Activity, Until *int   // applied on, activity date, deadline
	Closed                   bool
	Created, Updated         int    // days relative to today
	At                       string // time of the last change, "15:04"
	Note                     string
	Place                    *JobTown // where the workplace is ("Vis på kort"); nil: not given
}

// joblogTownAarhusN is where Aarhus Universitetshospital is.
var joblogTownAarhusN = JobTown{"8200", "Aarhus N", "751", 0}

// UpdatedAt is the instant the entry was last changed.
func (e JoblogEntry) UpdatedAt(today time.Time) time.Time { return at(today, e.Updated, e.At) }

// CreatedAt is the instant the entry was created: in the morning of its day,
// or an hour before its last change when that was the same day.
func (e JoblogEntry) CreatedAt(today time.Time) time.Time {
	if e.Created == e.Updated {
		return e.UpdatedAt(today).Add(-time.Hour)
	}
	return at(today, e.Created, "08:30")
}

func at(today time.Time, offset int, clock string) time.Time {
	c, err := time.Parse("15:04", clock)
	if err != nil {
		panic("demo: joblog time " + clock)
	}
	y, m, d := On(today, offset).Date()
	return time.Date(y, m, d, c.Hour(), c.Minute(), 0, 0, jobnet.Copenhagen)
}

const (
	skriftlig  = jobnet.AppliedSkriftlig
	telefonisk = jobnet.AppliedTelefonisk
	personligt = jobnet.AppliedPersonligt
	uopfordret = jobnet.AppliedUopfordret
	job        = jobnet.JoblogJobsoegning
	aktivitet  = jobnet.JoblogAndenAktivitet
)

// Joblogs are the demo citizens' joblogs, by citizen key. Anna, who looks for
// work as kontorassistent, has logs of every status over five months, some
// marked as closed; Bo and Camilla have a few; the others none.
var Joblogs = map[string][]JoblogEntry{
	"anna": {
		// Open logs, newest change first.
		{Kind: job, Title: "Kontorassistent", Employer: "Aarhus Kommune, Borgerservice", Contact: "Lene Bech", Email: "lene.bech@aarhus.example",
			Status: jobnet.JoblogSamtale, How: skriftlig, Applied: days(-14), Until: days(-10), Created: -18, Updated: -2, At: "09:40",
			Note: "Samtale i første runde på Dokk1. Medbring eksamensbeviser.", Place: &jobsTownAarhusC},
		{Kind: job, Title: "Receptionist", Employer: "Dansk Byggeadministration A/S",
			Status: jobnet.JoblogIkkeSoegt, Until: days(9), Created: -3, Updated: -3, At: "20:15",
			Note: "Skal have skrevet ansøgningen færdig i weekenden.", Place: &jobsTownRanders},
		{Kind: job, Title: "Administrativ medarbejder", Employer: "Region Midtjylland, Aarhus Universitetshospital", Contact: "Søren Kjær",
			Status: jobnet.JoblogSoegt, How: skriftlig, Applied: days(-5), Until: days(-4), Created: -9, Updated: -5, At: "14:05",
			Place: &joblogTownAarhusN},
		{Kind: aktivitet, Title: "Netværksmøde for ledige kontorfolk", Employer: "A-kasse 22 Fagenes Fællesskab",
			Activity: days(-7), Created: -8, Updated: -7, At: "16:30",
			Note: "Fik tip om to stillinger, som ikke er slået op endnu."},
		{Kind: job, Title: "Kundeservicemedarbejder", Employer: "Østjysk Energi A/S", Email: "job@oestjyskenergi.example",
			Status: jobnet.JoblogSoegt, How: skriftlig, Applied: days(-10), Until: days(-8), Created: -11, Updated: -10, At: "11:20"},
		{Kind: job, Title: "Kontorassistent (barselsvikariat)", Employer: "Advokatfirmaet Holm & Vestergaard", Contact: "Mette Vestergaard", Phone: "70 20 31 45",
			Status: jobnet.JoblogSoegt, How: skriftlig, Applied: days(-15), Until: days(-13), Created: -17, Updated: -15, At: "13:45"},
		{Kind: job, Title: "Sekretær", Employer: "Aarhus Universitet, Institut for Kultur og Samfund",
			Status: jobnet.JoblogAfslag, How: skriftlig, Applied: days(-40), Until: days(-38), Created: -44, Updated: -20, At: "08:55",
			Note: "Afslag pr. mail – de valgte en med erfaring fra universitetet."},
		{Kind: job, Title: "Administrativ medarbejder til lønteamet", Employer: "Kontorservice Aarhus ApS", Contact: "Jens Mikkelsen", Phone: "70 11 42 80",
			Status: jobnet.JoblogSamtale, How: telefonisk, Applied: days(-24), Created: -25, Updated: -22, At: "10:10",
			Note: "Anden samtale er aftalt."},
		{Kind: job, Title: "Kontorassistent, 30 timer", Employer: "Skanderborg Kommune, Jobcenter",
			Status: jobnet.JoblogIkkeSoegt, Until: days(14), Created: -26, Updated: -26, At: "19:30"},
		{Kind: job, Title: "Bogholderassistent", Employer: "Revisionsfirmaet Nørgaard & Co.",
			Status: jobnet.JoblogSoegt, How: uopfordret, Applied: days(-30), Created: -30, Updated: -30, At: "09:05",
			Note: "Uopfordret ansøgning sendt til kontorchefen."},
		{Kind: job, Title: "Receptionist", Employer: "Hotel Kysten Aarhus",
			Status: jobnet.JoblogSoegt, How: personligt, Applied: days(-35), Until: days(-33), Created: -36, Updated: -35, At: "15:00",
			Note: "Afleverede ansøgning og CV i receptionen."},
		{Kind: job, Title: "Kontorassistent, deltid 15 timer", Employer: "Boligforeningen Østbo", Contact: "Hanne Lauridsen",
			Status: jobnet.JoblogAnsat, How: skriftlig, Applied: days(-60), Until: days(-55), Created: -62, Updated: -41, At: "12:30",
			Note: "Ansat 15 timer om ugen – søger fortsat fuldtid."},
		{Kind: job, Title: "Kontorassistent", Employer: "Nordisk Fragt A/S", Email: "hr@nordiskfragt.example",
			Status: jobnet.JoblogSoegt, How: skriftlig, Applied: days(-48), Until: days(-45), Created: -50, Updated: -48, At: "10:45"},
		{Kind: job, Title: "Kundeservicemedarbejder", Employer: "Jysk Forsikringsservice A/S", Contact: "Peter Dam",
			Status: jobnet.JoblogSamtale, How: skriftlig, Applied: days(-58), Until: days(-56), Created: -59, Updated: -52, At: "14:20",
			Note: "Venter på svar efter samtalen."},
		{Kind: job, Title: "Sekretær", Employer: "Tandlægerne i Viby",
			Status: jobnet.JoblogIkkeSoegt, Created: -57, Updated: -57, At: "21:05",
			Note: "Spørg, om de tager imod uopfordrede ansøgninger."},
		{Kind: job, Title: "Administrativ koordinator", Employer: "Favrskov Kommune",
			Status: jobnet.JoblogSoegt, How: skriftlig, Applied: days(-66), Until: days(-64), Created: -70, Updated: -66, At: "11:00"},
		{Kind: job, Title: "Kontorassistent", Employer: "Erhvervsskolen Aarhus",
			Status: jobnet.JoblogAfslag, How: skriftlig, Applied: days(-80), Until: days(-78), Created: -82, Updated: -71, At: "09:30"},

		// Logs marked as closed.
		{Kind: job, Title: "Receptionist", Employer: "Bilhuset Aarhus A/S",
			Status: jobnet.JoblogAfslag, How: personligt, Applied: days(-30), Until: days(-28), Closed: true, Created: -31, Updated: -6, At: "10:25"},
		{Kind: job, Title: "Lægesekretær", Employer: "Region Midtjylland, Regionshospitalet Randers",
			Status: jobnet.JoblogAfslag, How: skriftlig, Applied: days(-95), Until: days(-92), Closed: true, Created: -97, Updated: -76, At: "13:10",
			Note: "Stillingen krævede uddannelse som lægesekretær."},
		{Kind: job, Title: "Kontorassistent, vikariat 3 uger", Employer: "Vikarservice Østjylland ApS", Contact: "Louise Friis",
			Status: jobnet.JoblogAnsat, How: telefonisk, Applied: days(-105), Closed: true, Created: -105, Updated: -84, At: "16:00",
			Note: "Vikariatet er slut."},
		{Kind: aktivitet, Title: "Kursus i Excel for øvede", Employer: "AOF Aarhus",
			Activity: days(-110), Closed: true, Created: -120, Updated: -96, At: "17:45",
			Note: "Gennemført. Kursusbeviset er lagt på CV'et."},
		{Kind: job, Title: "Administrativ medarbejder", Employer: "Dansk Varmeservice A/S",
			Status: jobnet.JoblogSoegt, How: skriftlig, Applied: days(-118), Until: days(-115), Closed: true, Created: -119, Updated: -103, At: "08:40",
			Note: "Har aldrig hørt fra dem."},
		{Kind: job, Title: "Kontorassistent", Employer: "Boligselskabet Århushuse",
			Status: jobnet.JoblogAfslag, How: skriftlig, Applied: days(-135), Until: days(-132), Closed: true, Created: -137, Updated: -117, At: "11:35"},
		{Kind: job, Title: "Kontorelev", Employer: "Aarhus Kommune, Teknik og Miljø",
			Status: jobnet.JoblogIkkeSoegt, Until: days(-125), Closed: true, Created: -131, Updated: -124, At: "19:00",
			Note: "Søgte ikke – det er en elevstilling på elevløn."},
		{Kind: job, Title: "Sekretær", Employer: "Bolig & Bo Ejendomsmæglere, Aarhus C",
			Status: jobnet.JoblogAfslag, How: uopfordret, Applied: days(-146), Closed: true, Created: -147, Updated: -140, At: "14:50"},
	},
	"bo": {
		{Kind: job, Title: "Lagermedarbejder", Employer: "Logistikhuset Hasselager A/S",
			Status: jobnet.JoblogSoegt, How: skriftlig, Applied: days(-5), Until: days(-3), Created: -6, Updated: -5, At: "10:00"},
		{Kind: job, Title: "Truckfører", Employer: "Aarhus Havneterminal ApS", Contact: "Kim Sørensen",
			Status: jobnet.JoblogSamtale, How: telefonisk, Applied: days(-12), Created: -12, Updated: -8, At: "13:15",
			Note: "Samtale på terminalen mandag kl. 7."},
		{Kind: job, Title: "Chauffør, kategori C", Employer: "Fragtmand Østjylland ApS",
			Status: jobnet.JoblogIkkeSoegt, Until: days(6), Created: -10, Updated: -10, At: "18:40"},
		{Kind: job, Title: "Pakkerimedarbejder", Employer: "Mejeriet Brabrand A/S",
			Status: jobnet.JoblogSoegt, How: personligt, Applied: days(-25), Created: -25, Updated: -25, At: "11:10"},
		{Kind: job, Title: "Lagermedarbejder, nathold", Employer: "Grossistcentret Aarhus A/S",
			Status: jobnet.JoblogAfslag, How: skriftlig, Applied: days(-30), Until: days(-28), Closed: true, Created: -32, Updated: -20, At: "09:20"},
		{Kind: aktivitet, Title: "Kursus: truckcertifikat B", Employer: "AMU Østjylland",
			Activity: days(-45), Created: -50, Updated: -44, At: "15:30"},
	},
	"camilla": {
		{Kind: job, Title: "Projektmedarbejder, dimittendstilling", Employer: "Region Midtjylland, Regional Udvikling",
			Status: jobnet.JoblogIkkeSoegt, Until: days(12), Created: -2, Updated: -2, At: "12:00"},
		{Kind: job, Title: "Kommunikationsmedarbejder", Employer: "Aarhus Universitet, Kommunikation", Contact: "Maria Holt",
			Status: jobnet.JoblogSoegt, How: skriftlig, Applied: days(-6), Until: days(-4), Created: -8, Updated: -6, At: "00:40"},
	},
}

// JoblogCounts is what the status filter shows: "Alle Logs (All)" and the
// number of logs of each status.
type JoblogCounts struct {
	All      int
	ByStatus map[jobnet.JoblogStatus]int
}

// Anna's status filter, written out by hand so that a test can hold the
// page to it: by default (closed logs hidden) and with "Vis også logs, som
// er markeret som afsluttede". Her two other activities have no status.
var (
	AnnaJoblogOpen = JoblogCounts{All: 17, ByStatus: map[jobnet.JoblogStatus]int{
		jobnet.JoblogIkkeSoegt: 3, jobnet.JoblogSoegt: 7, jobnet.JoblogSamtale: 3, jobnet.JoblogAnsat: 1, jobnet.JoblogAfslag: 2}}
	AnnaJoblogWithClosed = JoblogCounts{All: 25, ByStatus: map[jobnet.JoblogStatus]int{
		jobnet.JoblogIkkeSoegt: 4, jobnet.JoblogSoegt: 8, jobnet.JoblogSamtale: 3, jobnet.JoblogAnsat: 2, jobnet.JoblogAfslag: 6}}
)

var joblogLoader = areaLoader{name: "joblog", load: loadJoblogs}

func loadJoblogs(ctx context.Context, tx pgx.Tx, st *loadState) error {
	b := &pgx.Batch{}
	for _, c := range Citizens {
		for _, e := range Joblogs[c.Key] {
			var status, how *string
			if e.Status != "" {
				s := string(e.Status)
				status = &s
			}
			if e.How != "" {
				how = &e.How
			}
			var postal *string
			town := ""
			if e.Place != nil {
				postal, town = &e.Place.PostalCode, e.Place.Name
			}
			b.Queue(`INSERT INTO joblog_entries (citizen_id, kind, title, employer, contact_person, contact_email, contact_phone,
				status, how_applied, applied_on, activity_on, deadline, closed, created_at, updated_at, note, postal_code, town)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
				st.citizenIDs[c.Key], string(e.Kind), e.Title, e.Employer, e.Contact, e.Email, e.Phone,
				status, how, day(st.today, e.Applied), day(st.today, e.Activity), day(st.today, e.Until),
				e.Closed, e.CreatedAt(st.today), e.UpdatedAt(st.today), e.Note, postal, town)
		}
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("joblog entries: %w", err)
	}
	return nil
}
