package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// The bulk job market, sized by the citizens (SPEC Appendix A, issue 10):
// for a million citizens about 50,000 employers, 40,000 open postings, the
// postings of the two years before, which have closed, and a temp agency
// for every thousand citizens.
const (
	bulkEmployersPerMillion = 50_000
	bulkOpenPerMillion      = 40_000
	// bulkClosedPerOpen: a posting is open for about a month and a half, so
	// two years hold some sixteen times the postings open on one day; the
	// generator keeps six of them, spread over the two years: enough for the
	// Forside's two-year trade history, and the trigram index of their
	// texts, the slowest part of the load, stays a fifth of the load time.
	bulkClosedPerOpen    = 6
	bulkAgenciesPerMilli = 1 // per thousand citizens
)

// bulkGen makes a seed's rows. Its fields are set up before the first
// citizen and only read after, so batches can be made in another goroutine.
type bulkGen struct {
	today   time.Time
	seed    int64
	n       int
	orgIDs  map[jobnet.Organisation]int64
	offers  map[jobnet.TargetGroup][]bulkOffer // the demo meeting offers of Jobcenter Aarhus
	base    map[string]int64                   // the highest id before the load, by table
	ids     map[string]int64                   // the ids numbered so far, by table (the generator's goroutine only)
	emps    []bulkEmployer
	byGroup map[int][]int // employers by occupation group

	employers, postings, openPostings, agencies int
}

type bulkEmployer struct {
	name, address string
	town          JobTown
	group         int
	hires         []int
}

type bulkOffer struct {
	id    int64
	title string
}

func newBulkGen(ctx context.Context, tx pgx.Tx, today time.Time, n int, seed int64) (*bulkGen, error) {
	g := &bulkGen{today: today, seed: seed, n: n, orgIDs: map[jobnet.Organisation]int64{},
		offers: map[jobnet.TargetGroup][]bulkOffer{}, base: map[string]int64{}, byGroup: map[int][]int{}}
	for _, o := range []jobnet.Organisation{OrgFagenesAkasse, OrgKystensAkasse, OrgJobcenterAarhus, OrgJobcenterOdense} {
		var id int64
		err := tx.QueryRow(ctx, `SELECT id FROM organisations WHERE kind = $1 AND number = $2 AND cvr = $3`,
			string(o.Kind), o.Number, o.CVR).Scan(&id)
		if err == pgx.ErrNoRows {
			return nil, fmt.Errorf("demo: bulk: no %s: load the demo data first", o.Name)
		} else if err != nil {
			return nil, fmt.Errorf("demo: bulk: organisations: %w", err)
		}
		g.orgIDs[o] = id
	}
	for _, t := range bulkIDTables {
		var id int64
		if err := tx.QueryRow(ctx, fmt.Sprintf(`SELECT coalesce(max(id), 0) FROM %s`, t)).Scan(&id); err != nil {
			return nil, fmt.Errorf("demo: bulk: %s: %w", t, err)
		}
		g.base[t] = id
	}
	rows, _ := tx.Query(ctx, `SELECT id, title, target_group FROM meeting_offers
		WHERE jobcenter_id = $1 AND kind = 'jobsamtale' AND target_group IS NOT NULL ORDER BY position`, g.orgIDs[OrgJobcenterAarhus])
	var o bulkOffer
	var group string
	if _, err := pgx.ForEachRow(rows, []any{&o.id, &o.title, &group}, func() error {
		g.offers[jobnet.TargetGroup(group)] = append(g.offers[jobnet.TargetGroup(group)], o)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("demo: bulk: meeting offers: %w", err)
	}

	g.employers = max(20, int(int64(n)*bulkEmployersPerMillion/1_000_000))
	g.openPostings = max(40, int(int64(n)*bulkOpenPerMillion/1_000_000))
	g.postings = g.openPostings * (1 + bulkClosedPerOpen)
	g.agencies = max(2, n*bulkAgenciesPerMilli/1000)
	g.emps = make([]bulkEmployer, g.employers)
	var towns []JobTown
	for _, t := range JobTowns {
		for range t.Weight {
			towns = append(towns, t)
		}
	}
	groups := []int{JobGroupKontor, JobGroupLager, JobGroupSundhed, JobGroupByg, JobGroupSalg, JobGroupPaedagogik, JobGroupRestaurant, JobGroupRengoering}
	for k := range g.emps {
		rng := g.rng(1, k)
		t := towns[rng.IntN(len(towns))]
		grp := groups[rng.IntN(len(groups))]
		kind := jobsTrades[grp].kinds[rng.IntN(len(jobsTrades[grp].kinds))]
		pick := func(list []string) string { return list[rng.IntN(len(list))] }
		r := strings.NewReplacer("{S}", pick(bulkSurnames), "{S2}", pick(bulkSurnames), "{P}", pick(jobsPlaces), "{T}", strings.Fields(t.Name)[0])
		g.emps[k] = bulkEmployer{name: r.Replace(kind.name), address: fmt.Sprintf("%s %d", pick(jobsStreets), 1+rng.IntN(180)),
			town: t, group: grp, hires: kind.occupations}
		g.byGroup[grp] = append(g.byGroup[grp], k)
	}
	return g, nil
}

// rng is the random source of one thing of the seed: stream says which
// kind of thing (1 employers, 2 postings, 3 agencies, 4 citizens' data),
// k which one.
func (g *bulkGen) rng(stream, k int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(g.seed)<<8|uint64(stream), uint64(k)))
}

// employerID is employer k's id; postingID posting k's.
func (g *bulkGen) employerID(k int) int64 { return g.base["employers"] + int64(k) + 1 }
func (g *bulkGen) postingID(k int) int64  { return g.base["job_postings"] + int64(k) + 1 }

// openPosting is the index of the k-th open posting: the open ones are the
// last openPostings.
func (g *bulkGen) openPosting(k int) int { return g.postings - g.openPostings + k%g.openPostings }

// bulkPosting is a generated posting's facts, for the citizens' joblogs
// and saved jobs.
type bulkPosting struct {
	title, workplace string
	occupation       int
	employer         int
	town             JobTown
	posted           int  // days from today
	deadline         *int // nil: "Snarest"
	hours            string
	description      string
	applicants       int
}

// posting makes posting k: the closed ones first, posted over the two years
// before today, then the open ones, posted in the last 45 days with their
// deadline still to come (or "Snarest").
func (g *bulkGen) posting(k int) bulkPosting {
	rng := g.rng(2, k)
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	ek := rng.IntN(len(g.emps))
	e := g.emps[ek]
	occ := jobsOccupation(e.hires[rng.IntN(len(e.hires))])
	p := bulkPosting{title: pick(occ.Variants), workplace: e.name, occupation: occ.ID, employer: ek, town: e.town, hours: "Fuldtid"}
	if k < g.postings-g.openPostings {
		p.posted = -61 - rng.IntN(670)
		p.deadline = days(p.posted + 14 + rng.IntN(32))
	} else {
		p.posted = -rng.IntN(46)
		if rng.IntN(10) > 0 {
			p.deadline = days(max(p.posted+14+rng.IntN(32), rng.IntN(30)))
		}
		p.applicants = rng.IntN(40)
	}
	if rng.IntN(100) < jobsTrades[e.group].partTime {
		p.hours = "Deltid"
	}
	tasks := jobsTasks[occ.ID]
	t1 := rng.IntN(len(tasks))
	t2 := (t1 + 1 + rng.IntN(len(tasks)-1)) % len(tasks)
	p.description = fmt.Sprintf("%s søger en %s %s (%s) i %s. Du kommer til at arbejde med %s og %s. "+
		"Vi tilbyder en god arbejdsplads med %s. Løn efter overenskomst. Vi holder samtaler løbende.",
		e.name, pick(jobsAdjectives), occ.Noun, strings.ToLower(p.hours), e.town.Name, tasks[t1], tasks[t2], pick(jobsPerks))
	return p
}

// market makes the job market's rows: employers, postings and temp
// agencies. Its size grows with the citizens, and no more than that is
// held at once.
func (g *bulkGen) market() bulkRows {
	rows := newBulkRows()
	cvr := 40_000_000 + int(g.seed%50)*1_000_000
	for k, e := range g.emps {
		rows.add("employers", g.employerID(k), fmt.Sprintf("%08d", cvr+k), e.name, e.town.Name, e.town.Kommune)
	}
	for k := range g.postings {
		p := g.posting(k)
		var url *string
		if k%3 != 0 {
			u := fmt.Sprintf("https://%s.example/job/%d", jobsSlug(p.workplace), k+1)
			url = &u
		}
		e := g.emps[p.employer]
		rows.add("job_postings", g.postingID(k), p.title, p.occupation, g.employerID(p.employer), p.workplace, e.address,
			p.town.PostalCode, p.town.Name, p.town.Kommune, p.hours, On(g.today, p.posted), day(g.today, p.deadline),
			p.description, p.applicants, url)
	}
	names := []string{"Vikarcentralen {T}", "{T} Vikarservice ApS", "ProVikar {T}", "Jobpartner Vikar {T}", "{T} Bemanding A/S", "{S} Vikarbureau ApS"}
	groups := []int{JobGroupKontor, JobGroupLager, JobGroupSundhed, JobGroupByg, JobGroupSalg, JobGroupPaedagogik, JobGroupRestaurant, JobGroupRengoering}
	for k := range g.agencies {
		rng := g.rng(3, k)
		t := JobTowns[rng.IntN(len(JobTowns))]
		name := strings.NewReplacer("{T}", strings.Fields(t.Name)[0], "{S}", bulkSurnames[rng.IntN(len(bulkSurnames))]).
			Replace(names[rng.IntN(len(names))])
		id := g.base["temp_agencies"] + int64(k) + 1
		rows.add("temp_agencies", id, name, t.Name, t.Kommune, fmt.Sprintf("%08d", 71_000_000+k),
			fmt.Sprintf("job%d@%s.example", k+1, jobsSlug(name)))
		first := rng.IntN(len(groups))
		for j := range 1 + rng.IntN(3) {
			rows.add("temp_agency_groups", id, groups[(first+j)%len(groups)])
		}
	}
	return rows
}
