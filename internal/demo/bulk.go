package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// The bulk generator: any number of made-up citizens for benchmarks (SPEC
// §7, "up to a million"), on top of the hand-written cases. Citizen i of a
// seed depends on nothing else, so the same seed and day give the same rows
// whatever the batch size, and the loader never holds more than a batch.

// Birth years of bulk citizens: aged 18 to 67 in 2026, the years a citizen
// can be a member of an a-kasse and registered at a jobcenter.
const (
	bulkFirstYear = 1959
	bulkLastYear  = 2007
	// bulkStride spreads consecutive citizens over birth dates; it is
	// prime, so i → i*bulkStride mod MaxBulk is a bijection.
	bulkStride = 1_000_003
	// bulkBatch citizens go in each round of COPY.
	bulkBatch = 10_000
)

var bulkDays = int(time.Date(bulkLastYear+1, 1, 1, 0, 0, 0, 0, time.UTC).Sub(
	time.Date(bulkFirstYear, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24)

// MaxBulk is how many distinct citizens the generator can make: a thousand
// serial numbers on every birth date.
var MaxBulk = bulkDays * 1000

// BulkCitizen is a generated citizen. Its memberships, registrations and
// joblog are in days relative to today, like the hand-written cases'.
type BulkCitizen struct {
	CPR           string
	Name          string
	Jobcenter     jobnet.Organisation // the citizen lives in its kommune
	Memberships   []Membership
	Registrations []Registration
	Joblog        []JoblogEntry
}

var (
	bulkWomen = []string{"Anne", "Kirsten", "Mette", "Hanne", "Helle", "Susanne", "Lene", "Maria", "Marianne", "Lone",
		"Camilla", "Pia", "Louise", "Charlotte", "Tina", "Gitte", "Julie", "Emma", "Ida", "Sofie", "Laura", "Freja",
		"Line", "Signe", "Maja", "Cecilie", "Katrine", "Rikke", "Trine", "Stine", "Nanna", "Mathilde"}
	bulkMen = []string{"Peter", "Michael", "Lars", "Jens", "Thomas", "Henrik", "Søren", "Christian", "Martin", "Jan",
		"Niels", "Anders", "Morten", "Jesper", "Mads", "Rasmus", "Per", "Kim", "Hans", "Mikkel", "Frederik", "Mathias",
		"Jonas", "Emil", "Oliver", "Magnus", "Kasper", "Nikolaj", "Simon", "Tobias", "Jakob", "Casper"}
	bulkMiddle   = []string{"Holm", "Bach", "Lund", "Dahl", "Skov", "Krogh", "Friis", "Juul", "Brandt", "Vestergaard", "Kjær", "Bech"}
	bulkSurnames = append(append([]string{}, jobsSurnames...), "Petersen", "Rasmussen", "Laursen", "Svendsen", "Jakobsen",
		"Iversen", "Frederiksen", "Mikkelsen", "Østergaard", "Knudsen", "Eriksen", "Simonsen", "Clausen", "Christiansen",
		"Kristiansen", "Mathiasen", "Hermansen", "Nygaard", "Lauridsen", "Jeppesen", "Winther", "Søndergaard")
	bulkEmployers = sync.OnceValue(func() []JobEmployer { return generateJobs(0).Employers })
)

// BulkCitizenAt makes citizen i (0 ≤ i < MaxBulk) of a seed.
//
// Its CPR number has a real birth date from 1959 to 2007 and a serial
// number no hand-written case uses: 0000–0999 (7th digit 0: born 19xx) or,
// for those born from 2000, 9000–9999 (7th digit 9 and year ≤ 36: born
// 20xx). The hand-written numbers all have 4, 5 or 6 there. An odd last
// digit is a man, as in real CPR numbers.
func BulkCitizenAt(seed int64, i int) BulkCitizen {
	j := int((uint64(i)*bulkStride + uint64(seed)%uint64(MaxBulk)) % uint64(MaxBulk))
	born := time.Date(bulkFirstYear, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, j/1000)
	serial := j % 1000
	if born.Year() >= 2000 {
		serial += 9000
	}
	rng := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	first := pick(bulkWomen)
	if serial%2 == 1 {
		first = pick(bulkMen)
	}
	name := first + " "
	if rng.IntN(100) < 15 {
		name += pick(bulkMiddle) + " "
	}
	c := BulkCitizen{
		CPR:       born.Format("020106") + fmt.Sprintf("%04d", serial),
		Name:      name + pick(bulkSurnames),
		Jobcenter: OrgJobcenterAarhus,
	}
	if rng.IntN(100) < 40 {
		c.Jobcenter = OrgJobcenterOdense
	}

	// A-kasse: most are members of one of the two demo a-kasser, some left
	// one (and some of those joined the other the next day), some never were.
	member := true
	joined := -30 - rng.IntN(6000)
	switch r := rng.IntN(100); {
	case r < 48:
		c.Memberships = []Membership{{OrgFagenesAkasse, joined, nil}}
	case r < 82:
		c.Memberships = []Membership{{OrgKystensAkasse, joined, nil}}
	case r < 92:
		from, to := OrgFagenesAkasse, OrgKystensAkasse
		if rng.IntN(2) == 0 {
			from, to = to, from
		}
		left := joined/2 + rng.IntN(-joined/2)
		c.Memberships = []Membership{{from, joined, days(left)}}
		if rng.IntN(2) == 0 {
			c.Memberships = append(c.Memberships, Membership{to, left + 1, nil})
		} else {
			member = false
		}
	default:
		member = false
	}

	// Kontaktgruppe: members are mostly dagpengemodtagere (1), some
	// dimittender (8, tilmeldekategori 5); the others are fleksjobvisiteret
	// (7), uden ydelse in another category, or have no course.
	since := -1 - rng.IntN(700)
	registered := rng.IntN(100) < 90
	r := rng.IntN(100)
	switch {
	case member && r < 80, !member && r < 10:
		c.Registrations = []Registration{{1, 0, registered, since, nil}}
	case member && r < 88, !member && r < 30:
		c.Registrations = []Registration{{8, 5, registered, since, nil}}
	case member && r < 90, !member && r < 55:
		c.Registrations = []Registration{{7, 0, registered, since, nil}}
	case !member && r < 70:
		c.Registrations = []Registration{{8, 1 + rng.IntN(4), registered, since, nil}}
	}
	if len(c.Registrations) > 0 && rng.IntN(100) < 20 { // an earlier course that ended
		end := since - 1 - rng.IntN(400)
		c.Registrations = append([]Registration{{1, 0, true, end - 30 - rng.IntN(900), days(end)}}, c.Registrations...)
	}

	// Joblog: a dagpengemodtager who is tilmeldt logs a few recent searches.
	if member && len(c.Registrations) > 0 && c.Registrations[len(c.Registrations)-1].Kontaktgruppe == 1 && registered {
		employers := bulkEmployers()
		for range rng.IntN(4) {
			e := employers[rng.IntN(len(employers))]
			kinds := jobsTrades[e.Group].kinds
			hires := kinds[rng.IntN(len(kinds))].occupations
			occ := jobsOccupation(hires[rng.IntN(len(hires))])
			created := -rng.IntN(60)
			updated := created + rng.IntN(-created+1)
			entry := JoblogEntry{Kind: job, Title: pick(occ.Variants), Employer: e.Name, Created: created, Updated: updated,
				At: fmt.Sprintf("%02d:%02d", 7+rng.IntN(15), rng.IntN(60)), Until: days(created + 7 + rng.IntN(30))}
			entry.Status = []jobnet.JoblogStatus{jobnet.JoblogIkkeSoegt, jobnet.JoblogSoegt, jobnet.JoblogSoegt,
				jobnet.JoblogSamtale, jobnet.JoblogAfslag}[rng.IntN(5)]
			if entry.Status != jobnet.JoblogIkkeSoegt {
				entry.How = []string{skriftlig, skriftlig, telefonisk, personligt, uopfordret}[rng.IntN(5)]
				entry.Applied = days(created)
			}
			c.Joblog = append(c.Joblog, entry)
		}
	}
	return c
}

// LoadBulk adds n generated citizens (BulkCitizenAt 0 … n-1 of seed), with
// their memberships, registrations and joblogs, to a database that Load has
// filled: it needs the demo organisations. It copies in batches in one
// transaction, so a failed load leaves nothing, and analyzes the tables
// after, so the planner knows their new size. A seed can be loaded once.
func LoadBulk(ctx context.Context, pool *pgxpool.Pool, today time.Time, n int, seed int64) error {
	if n <= 0 {
		return nil
	}
	if n > MaxBulk {
		return fmt.Errorf("demo: bulk: at most %d citizens", MaxBulk)
	}
	today = jobnet.Day(today)
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	orgIDs := map[jobnet.Organisation]int64{}
	for _, o := range []jobnet.Organisation{OrgFagenesAkasse, OrgKystensAkasse, OrgJobcenterAarhus, OrgJobcenterOdense} {
		var id int64
		err := tx.QueryRow(ctx, `SELECT id FROM organisations WHERE kind = $1 AND number = $2 AND cvr = $3`,
			string(o.Kind), o.Number, o.CVR).Scan(&id)
		if err == pgx.ErrNoRows {
			return fmt.Errorf("demo: bulk: no %s: load the demo data first", o.Name)
		} else if err != nil {
			return fmt.Errorf("demo: bulk: organisations: %w", err)
		}
		orgIDs[o] = id
	}
	// COPY writes the ids we give it, even to an identity column: the bulk
	// citizens are numbered after the highest id, and the sequence moved on.
	var base int64
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(id), 0) FROM citizens`).Scan(&base); err != nil {
		return fmt.Errorf("demo: bulk: %w", err)
	}
	handWritten := map[string]bool{UnknownCPR: true}
	for _, c := range Citizens {
		handWritten[c.CPR] = true
	}
	for start := 0; start < n; start += bulkBatch {
		var citizens, memberships, registrations, joblog [][]any
		for i := start; i < min(start+bulkBatch, n); i++ {
			c := BulkCitizenAt(seed, i)
			if handWritten[c.CPR] {
				return fmt.Errorf("demo: bulk: citizen %d has a hand-written CPR number", i)
			}
			id := base + int64(i) + 1
			jc := orgIDs[c.Jobcenter]
			citizens = append(citizens, []any{id, c.CPR, c.Name, c.Jobcenter.Number, jc})
			for _, m := range c.Memberships {
				memberships = append(memberships, []any{id, orgIDs[m.Akasse], On(today, m.FromDays), day(today, m.ToDays)})
			}
			for _, r := range c.Registrations {
				var cat *int
				if r.Tilmeldekategori != 0 {
					cat = &r.Tilmeldekategori
				}
				registrations = append(registrations, []any{id, r.Kontaktgruppe, cat, r.Registered, jc, On(today, r.FromDays), day(today, r.ToDays)})
			}
			for _, e := range c.Joblog {
				var how *string
				if e.How != "" {
					how = &e.How
				}
				joblog = append(joblog, []any{id, string(e.Kind), e.Title, e.Employer, string(e.Status), how,
					day(today, e.Applied), day(today, e.Until), e.CreatedAt(today), e.UpdatedAt(today)})
			}
		}
		for _, cp := range []struct {
			table   string
			columns []string
			rows    [][]any
		}{
			{"citizens", []string{"id", "cpr", "name", "kommune_number", "jobcenter_id"}, citizens},
			{"akasse_memberships", []string{"citizen_id", "akasse_id", "valid_from", "valid_to"}, memberships},
			{"kontaktgruppe_registrations", []string{"citizen_id", "kontaktgruppe", "tilmeldekategori", "registered", "jobcenter_id", "valid_from", "valid_to"}, registrations},
			{"joblog_entries", []string{"citizen_id", "kind", "title", "employer", "status", "how_applied", "applied_on", "deadline", "created_at", "updated_at"}, joblog},
		} {
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{cp.table}, cp.columns, pgx.CopyFromRows(cp.rows)); err != nil {
				return fmt.Errorf("demo: bulk: copy %s (citizens %d–%d): %w", cp.table, start, start+len(citizens)-1, err)
			}
		}
	}
	if _, err := tx.Exec(ctx, `SELECT setval(pg_get_serial_sequence('citizens', 'id'), (SELECT max(id) FROM citizens))`); err != nil {
		return fmt.Errorf("demo: bulk: citizen ids: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	if _, err := pool.Exec(ctx, `ANALYZE citizens, akasse_memberships, kontaktgruppe_registrations, joblog_entries`); err != nil {
		return fmt.Errorf("demo: bulk: analyze: %w", err)
	}
	return nil
}
