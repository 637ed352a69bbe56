package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

func TestBulkCitizenAt_SameSeedSameCitizen(t *testing.T) {
	for _, i := range []int{0, 1, 4711, 999_999, demo.MaxBulk - 1} {
		if diff := cmp.Diff(demo.BulkCitizenAt(42, i), demo.BulkCitizenAt(42, i)); diff != "" {
			t.Errorf("citizen %d differs between two runs (-first +second):\n%s", i, diff)
		}
	}
	if a, b := demo.BulkCitizenAt(42, 7), demo.BulkCitizenAt(43, 7); a.CPR == b.CPR && a.Name == b.Name {
		t.Errorf("seeds 42 and 43 give the same citizen 7: %s", a.Name)
	}
}

// Bulk CPR numbers must parse (real birth dates), be distinct, and never be
// a hand-written case's number or the demo's unknown one.
func TestBulkCitizenAt_CPRsAreValidAndNeverHandWritten(t *testing.T) {
	handWritten := map[string]string{demo.UnknownCPR: "UnknownCPR"}
	for _, c := range demo.Citizens {
		handWritten[c.CPR] = c.Key
	}
	n := 200_000
	if testing.Short() {
		n = 20_000
	}
	seen := make(map[string]int, n)
	check := func(i int) {
		c := demo.BulkCitizenAt(1, i)
		num, err := cpr.Parse(c.CPR)
		if err != nil {
			t.Fatalf("citizen %d: CPR does not parse", i)
		}
		if y := num.BirthDate().Year(); y < 1959 || y > 2007 {
			t.Fatalf("citizen %d: born %d, want 1959–2007", i, y)
		}
		if key, ok := handWritten[c.CPR]; ok {
			t.Fatalf("citizen %d has the CPR number of %s", i, key)
		}
		if j, ok := seen[c.CPR]; ok {
			t.Fatalf("citizens %d and %d have the same CPR number", j, i)
		}
		seen[c.CPR] = i
		if s := c.CPR[6]; s != '0' && s != '9' {
			t.Fatalf("citizen %d: serial %s outside the bulk ranges", i, c.CPR[6:])
		}
	}
	for i := range n {
		check(i)
	}
	for i := demo.MaxBulk - 1000; i < demo.MaxBulk; i++ {
		check(i)
	}
}

// The generated facts must be the national mix (SPEC Appendix A): of a
// million citizens about 75,000 dagpengemodtagere, members of the two demo
// a-kasser in kontaktgruppe 1 since the first of their dagpenge period;
// citizens of every other target group; members without a course; and
// citizens with neither. Periods end after they begin.
func TestBulkCitizenAt_NationalMix(t *testing.T) {
	count := map[string]int{}
	const n = 40_000
	for i := range n {
		c := demo.BulkCitizenAt(1, i)
		count[string(c.Kind)]++
		for _, m := range c.Memberships {
			if m.ToDays != nil && *m.ToDays < m.FromDays {
				t.Fatalf("citizen %d: membership ends before it begins", i)
			}
			if m.ToDays == nil {
				count["member "+m.Akasse.Number]++
			}
		}
		if len(c.Groups) != len(c.Registrations) {
			t.Fatalf("citizen %d: %d target groups for %d courses", i, len(c.Groups), len(c.Registrations))
		}
		for k, r := range c.Registrations {
			if r.ToDays != nil && *r.ToDays < r.FromDays {
				t.Fatalf("citizen %d: course ends before it begins", i)
			}
			// Two years, and the days before the first of the month a
			// dagpenge period of 24 months began.
			if r.FromDays < -760 && c.Kind != demo.BulkMember && c.Kind != demo.BulkNone {
				t.Fatalf("citizen %d: course %d begins %d days ago, more than two years", i, k, -r.FromDays)
			}
			if k > 0 && r.FromDays <= *c.Registrations[k-1].ToDays {
				t.Fatalf("citizen %d: courses %d and %d overlap", i, k-1, k)
			}
		}
		switch c.Kind {
		case demo.BulkDagpenge, demo.BulkDimittend:
			last := c.Registrations[len(c.Registrations)-1]
			if last.ToDays != nil || c.Groups[len(c.Groups)-1] != jobnet.TargetDagpenge || len(c.Memberships) == 0 ||
				c.Memberships[len(c.Memberships)-1].ToDays != nil || c.Memberships[len(c.Memberships)-1].FromDays > last.FromDays {
				t.Fatalf("citizen %d (%s): not a member with an open dagpenge course: %+v %+v", i, c.Kind, c.Memberships, c.Registrations)
			}
			if c.Kind == demo.BulkDagpenge && (last.Kontaktgruppe != 1 || c.DagpengeMonths < 1 || c.DagpengeMonths > 24) {
				t.Fatalf("citizen %d: dagpengemodtager in kontaktgruppe %d, %d months in", i, last.Kontaktgruppe, c.DagpengeMonths)
			}
			if c.Kind == demo.BulkDimittend && (last.Kontaktgruppe != 8 || last.Tilmeldekategori != 5) {
				t.Fatalf("citizen %d: dimittend in kontaktgruppe %d/%d", i, last.Kontaktgruppe, last.Tilmeldekategori)
			}
		case demo.BulkOther:
			last := c.Registrations[len(c.Registrations)-1]
			g := c.Groups[len(c.Groups)-1]
			if last.ToDays != nil || g == jobnet.TargetDagpenge || last.Kontaktgruppe == 1 {
				t.Fatalf("citizen %d: another target group, but %s in kontaktgruppe %d", i, g, last.Kontaktgruppe)
			}
			count["group "+string(g)]++
		default:
			for _, r := range c.Registrations {
				if r.ToDays == nil {
					t.Fatalf("citizen %d (%s) has an open course", i, c.Kind)
				}
			}
		}
		count[c.Jobcenter.Name]++
	}
	for key, want := range map[string][2]int{ // per thousand: at least, at most
		string(demo.BulkDagpenge): {65, 85}, string(demo.BulkDimittend): {5, 12}, string(demo.BulkOther): {160, 205},
		string(demo.BulkMember): {330, 370}, string(demo.BulkNone): {360, 410},
		"member 022": {240, 300}, "member 031": {200, 260},
		"group sygedagpenge": {40, 60}, "group fleksjobvisiteret": {15, 25}, "group revalidering": {2, 8},
		"Jobcenter Aarhus": {570, 630}, "Jobcenter Odense": {370, 430},
	} {
		if p := count[key] * 1000 / n; p < want[0] || p > want[1] {
			t.Errorf("%s: %d‰, want %d–%d‰", key, p, want[0], want[1])
		}
	}
}

func TestLoadBulk_NeedsTheDemoOrganisations(t *testing.T) {
	owner := pgtest.OwnerPool(t, pgtest.NewDatabase(t, "", nil))
	if err := demo.LoadBulk(context.Background(), owner, time.Now(), 10, 1); err == nil {
		t.Error("bulk load into an empty database: no error")
	}
}

// bulkIndex finds a bulk citizen that A-kasse 22's caseworkers may look up,
// or, with granted false, one they may not (demo.BulkLookUpCase).
func bulkIndex(t testing.TB, seed int64, n int, granted bool) int {
	i, ok := demo.BulkLookUpCase(seed, n, granted)
	if !ok {
		t.Fatalf("no bulk citizen with granted=%v among %d", granted, n)
	}
	return i
}

// bulkTables are the tables the bulk load fills: every kind of data the
// pages show.
var bulkTables = []string{"employers", "job_postings", "temp_agencies", "temp_agency_groups", "citizens", "akasse_memberships",
	"kontaktgruppe_registrations", "target_group_periods", "plan_items", "plan_job_goals", "meetings", "meeting_offer_citizens",
	"messages", "message_parties", "absences", "dagpenge_counters", "dagpenge_months", "supplerende_dagpenge_counters",
	"joblog_entries", "saved_jobs", "cvs", "cv_experiences", "cv_educations", "cv_qualifications", "cv_languages",
	"cv_driving_licences", "presentation_cvs", "preparation_forms", "preparation_form_answers", "job_goals",
	"employment_conditions", "search_profiles", "search_profile_occupations", "search_profile_areas",
	"frontpage_notifications", "frontpage_reminders", "job_goal_banners"}

// bulkLoaded is a demo database with n bulk citizens of seed 7 added on the
// day today.
func bulkLoaded(t *testing.T, today time.Time, n int) (dsn string, owner *pgxpool.Pool) {
	t.Helper()
	dsn = pgtest.NewDemoDatabase(t)
	owner = pgtest.OwnerPool(t, dsn)
	if err := demo.LoadBulk(context.Background(), owner, today, n, 7); err != nil {
		t.Fatal(err)
	}
	return dsn, owner
}

// bulkFingerprint is a checksum of every row of every bulk table.
func bulkFingerprint(t *testing.T, owner *pgxpool.Pool) map[string]string {
	t.Helper()
	sums := map[string]string{}
	for _, table := range bulkTables {
		var sum string
		if err := owner.QueryRow(context.Background(),
			`SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, E'\n' ORDER BY t::text)), '') FROM `+table+` t`).Scan(&sum); err != nil {
			t.Fatal(err)
		}
		sums[table] = sum
	}
	return sums
}

const bulkTestCitizens = 2_000

// The load at a small size gives every kind of data, in the proportions of
// the national data set, consistent by the product's own rules, and the
// same rows again for the same seed and day.
func TestLoadBulk_EveryKindOfDataInProportion(t *testing.T) {
	ctx := context.Background()
	today := time.Now()
	_, owner := bulkLoaded(t, today, bulkTestCitizens)
	q := func(sql string, args ...any) int {
		t.Helper()
		var n int
		if err := owner.QueryRow(ctx, sql, args...).Scan(&n); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
		return n
	}
	for _, table := range bulkTables {
		if n := q(`SELECT count(*) FROM ` + table + ` WHERE ` + bulkOnly(table)); n == 0 {
			t.Errorf("%s: no generated rows", table)
		}
	}

	// The citizens the generator says are dagpengemodtagere or dimittends
	// are the ones with dagpenge counters, as many months of them as the
	// period has run, and every one is a current member of a demo a-kasse.
	var want struct{ dagpenge, dimittend, months int }
	for i := range bulkTestCitizens {
		c := demo.BulkCitizenAt(7, i)
		switch c.Kind {
		case demo.BulkDagpenge:
			want.dagpenge++
		case demo.BulkDimittend:
			want.dimittend++
		default:
			continue
		}
		want.months += c.DagpengeMonths
	}
	if got := q(`SELECT count(*) FROM dagpenge_counters c JOIN citizens z ON z.id = c.citizen_id WHERE z.cpr ~ '^[0-9]{6}[09]'`); got != want.dagpenge+want.dimittend {
		t.Errorf("dagpenge counters: %d, want %d dagpengemodtagere and %d dimittends", got, want.dagpenge, want.dimittend)
	}
	if got := q(`SELECT count(*) FROM dagpenge_months m JOIN citizens z ON z.id = m.citizen_id WHERE z.cpr ~ '^[0-9]{6}[09]'`); got != want.months {
		t.Errorf("dagpenge months: %d, want %d", got, want.months)
	}
	if p := want.dagpenge * 1000 / bulkTestCitizens; p < 60 || p > 90 {
		t.Errorf("dagpengemodtagere: %d‰ of the citizens, want about 75‰", p)
	}
	// What every page shows of them, per dagpengemodtager or dimittend
	// (two years, a joblog entry or two every week, a meeting every three
	// weeks …), and the share with a CV, counters of supplerende dagpenge,
	// a fresh preparation form.
	dp := float64(want.dagpenge + want.dimittend)
	for table, want := range map[string][2]float64{ // rows per dagpengemodtager: at least, at most
		"joblog_entries": {40, 200}, "plan_items": {10, 80}, "meetings": {5, 50}, "messages": {5, 40}, "absences": {0.5, 3},
		"cvs": {0.8, 1}, "job_goals": {1, 3}, "search_profiles": {0.8, 2.2}, "saved_jobs": {1, 3},
		"preparation_forms": {1, 2}, "frontpage_notifications": {3, 6}, "supplerende_dagpenge_counters": {0.2, 0.8},
	} {
		n := float64(q(`SELECT count(*) FROM ` + table + ` WHERE citizen_id IN (SELECT citizen_id FROM dagpenge_counters)
			AND citizen_id IN (SELECT id FROM citizens WHERE ` + bulkOnly("citizens") + `)`))
		if r := n / dp; r < want[0] || r > want[1] {
			t.Errorf("%s: %.2f per dagpengemodtager, want %.2f–%.2f", table, r, want[0], want[1])
		}
	}

	// Two years of history: every dagpengemodtager has a joblog entry in
	// every week of the course, Min plan items, meetings and messages from
	// the a-kasse, the jobcenter and others.
	if n := q(`
SELECT count(*) FROM kontaktgruppe_registrations r JOIN citizens z ON z.id = r.citizen_id
WHERE z.cpr ~ '^[0-9]{6}[09]' AND r.kontaktgruppe = 1 AND r.valid_to IS NULL AND r.valid_from < $1::date - 14
  AND ((SELECT count(*) FROM joblog_entries e WHERE e.citizen_id = r.citizen_id AND e.kind = 'Jobsøgning')
          < ($1::date - r.valid_from) / 7 - 1
    OR NOT EXISTS (SELECT FROM plan_items i WHERE i.citizen_id = r.citizen_id AND i.kind = 'aftale')
    OR NOT EXISTS (SELECT FROM meetings m WHERE m.citizen_id = r.citizen_id)
    OR NOT EXISTS (SELECT FROM messages m WHERE m.citizen_id = r.citizen_id))`, today); n > 0 {
		t.Errorf("%d dagpengemodtagere without a weekly joblog, agreements, meetings or messages", n)
	}
	for _, kind := range []string{"A-kasse", "Jobcenter"} {
		if n := q(`SELECT count(*) FROM messages m JOIN organisations o ON o.id = m.from_org_id WHERE o.kind = $1`, kind); n == 0 {
			t.Errorf("no message from an organisation of kind %s", kind)
		}
	}
	if n := q(`SELECT count(*) FROM messages WHERE from_org_id IS NULL AND from_org_name LIKE 'Styrelsen%'`); n == 0 {
		t.Error("no message from STAR")
	}
	if n := q(`SELECT count(*) FROM messages WHERE from_org_id IS NULL AND from_org_name NOT LIKE 'Styrelsen%'`); n == 0 {
		t.Error("no message from an employer")
	}
	if n := q(`SELECT count(*) FROM messages m WHERE NOT EXISTS (SELECT FROM message_parties p WHERE p.message_id = m.id) AND m.from_org_id IS NOT NULL`); n > 0 {
		t.Errorf("%d messages from an organisation that is not a party to them", n)
	}
	// Every target group has its citizens, with plans of their own.
	if n := q(`SELECT count(DISTINCT p.target_group) FROM target_group_periods p JOIN plan_items i ON i.target_group_period_id = p.id`); n < 10 {
		t.Errorf("plan items in %d target groups, want all 10", n)
	}
	// Notifications name what they are about (the constraint is NOT VALID
	// for old rows, so ask it of the new ones).
	if n := q(`SELECT count(*) FROM frontpage_notifications WHERE NOT (num_nonnulls(plan_item_id, meeting_id, offer_id, message_id) = 1)`); n > 0 {
		t.Errorf("%d notifications name nothing", n)
	}

	// The job market: 40 open postings and 50 employers per thousand
	// citizens, and six closed postings per open one.
	open := q(`SELECT count(*) FROM job_postings p WHERE `+bulkOnly("job_postings")+` AND (deadline IS NULL OR deadline >= $1::date)`, today)
	closed := q(`SELECT count(*) FROM job_postings p WHERE `+bulkOnly("job_postings")+` AND deadline < $1::date`, today)
	if open != bulkTestCitizens*40/1000 || closed != 6*open || q(`SELECT count(*) FROM employers WHERE `+bulkOnly("employers")) != bulkTestCitizens*50/1000 {
		t.Errorf("job market: %d open and %d closed postings; want %d and %d", open, closed, bulkTestCitizens*40/1000, 6*bulkTestCitizens*40/1000)
	}

	// The same seed on the same day gives the same rows.
	_, again := bulkLoaded(t, today, bulkTestCitizens)
	if diff := cmp.Diff(bulkFingerprint(t, owner), bulkFingerprint(t, again)); diff != "" {
		t.Errorf("two loads of seed 7 differ (-first +second):\n%s", diff)
	}
}

// bulkOnly selects the generated rows of a table: those of bulk citizens
// (CPR serials 0xxx and 9xxx) or, for the job market, of bulk employers
// (CVR 4xxxxxxx).
func bulkOnly(table string) string {
	switch table {
	case "employers":
		return `cvr LIKE '4%'`
	case "job_postings":
		return `employer_id IN (SELECT id FROM employers WHERE cvr LIKE '4%')`
	case "temp_agencies":
		return `phone LIKE '71%'`
	case "temp_agency_groups":
		return `agency_id IN (SELECT id FROM temp_agencies WHERE phone LIKE '71%')`
	case "citizens":
		return `cpr ~ '^[0-9]{6}[09]'`
	}
	return `true`
}

func TestLoadBulk_AddsCitizensTheAccessRuleSees(t *testing.T) {
	ctx := context.Background()
	today := time.Now()
	const n = 500
	dsn, owner := bulkLoaded(t, today, n)
	var got int
	if err := owner.QueryRow(ctx, `SELECT count(*) FROM citizens`).Scan(&got); err != nil || got != len(demo.Citizens)+n {
		t.Errorf("citizens after the load: %d (%v), want %d", got, err, len(demo.Citizens)+n)
	}

	// A new citizen row after the bulk ones still gets a fresh id.
	if _, err := owner.Exec(ctx, `INSERT INTO citizens (cpr, name, kommune_number) VALUES ('0101901234', 'Ny Borger', '751')`); err != nil {
		t.Errorf("insert after the bulk load: %v", err)
	}

	// Berit (A-kasse 22) may look up a bulk member of A-kasse 22 in
	// kontaktgruppe 1, tilmeldt, and not a member of A-kasse 31.
	s := postgres.NewStore(pgtest.Pool(t, dsn))
	berit := demoCaseworker(t, s, "berit", demo.OrgFagenesAkasse)
	granted, refused := demo.BulkCitizenAt(7, bulkIndex(t, 7, n, true)), demo.BulkCitizenAt(7, bulkIndex(t, 7, n, false))
	for _, tc := range []struct {
		c    demo.BulkCitizen
		want bool
	}{{granted, true}, {refused, false}} {
		num, _ := cpr.Parse(tc.c.CPR)
		got, dec, err := s.LookUp(ctx, berit, num, today, postgres.LookUpLimit{})
		if err != nil {
			t.Fatal(err)
		}
		if dec.Allowed != tc.want || (tc.want && got.Name != tc.c.Name) {
			t.Errorf("berit looks up %s: allowed %v (%s), name %q; want allowed %v", tc.c.Name, dec.Allowed, dec.Reason, got.Name, tc.want)
		}
	}

	// The same seed again collides and leaves nothing behind.
	if err := demo.LoadBulk(ctx, owner, today, n, 7); err == nil {
		t.Error("loading seed 7 twice: no error")
	}
	var after int
	if err := owner.QueryRow(ctx, `SELECT count(*) FROM citizens`).Scan(&after); err != nil || after != got+1 {
		t.Errorf("citizens after a failed load: %d (%v), want %d", after, err, got+1)
	}
}

// demoCaseworker is a demo caseworker working for org.
func demoCaseworker(t *testing.T, s *postgres.Store, username string, org jobnet.Organisation) jobnet.Caseworker {
	t.Helper()
	d, _ := demo.CaseworkerByUsername(username)
	u, err := s.UserByIdentity(context.Background(), jobnet.Identity{CVR: d.CVR, UUID: d.UUID, RID: d.RID})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range u.Memberships {
		if m.Org.Kind == org.Kind && m.Org.Number == org.Number {
			return jobnet.Caseworker{User: u, Org: m.Org}
		}
	}
	t.Fatalf("%s does not work for %s", username, org.Name)
	return jobnet.Caseworker{}
}

// The pages show a generated dagpengemodtager's data to the a-kasse that
// may see them, and a generated citizen of another target group's plan to
// the jobcenter.
func TestLoadBulk_PagesShowAGeneratedCitizen(t *testing.T) {
	ctx := context.Background()
	today := time.Now()
	const n = 500
	dsn, _ := bulkLoaded(t, today, n)
	s := postgres.NewStore(pgtest.Pool(t, dsn))
	berit, nina := demoCaseworker(t, s, "berit", demo.OrgFagenesAkasse), demoCaseworker(t, s, "nina", demo.OrgJobcenterAarhus)

	lookUp := func(cw jobnet.Caseworker, c demo.BulkCitizen) int64 {
		t.Helper()
		num, _ := cpr.Parse(c.CPR)
		got, dec, err := s.LookUp(ctx, cw, num, today, postgres.LookUpLimit{})
		if err != nil || !dec.Allowed {
			t.Fatalf("%s looks up %s: allowed %v (%s), %v", cw.User.Name, c.Name, dec.Allowed, dec.Reason, err)
		}
		return got.ID
	}
	var dp, other demo.BulkCitizen
	for i := range n {
		c := demo.BulkCitizenAt(7, i)
		last := len(c.Registrations) - 1
		if dp.CPR == "" && c.Kind == demo.BulkDagpenge && c.DagpengeMonths >= 6 && c.Registrations[last].Registered &&
			c.Memberships[len(c.Memberships)-1].Akasse == demo.OrgFagenesAkasse && c.Jobcenter == demo.OrgJobcenterAarhus {
			dp = c
		}
		if other.CPR == "" && c.Kind == demo.BulkOther && c.Jobcenter == demo.OrgJobcenterAarhus && c.Registrations[last].FromDays < -120 {
			other = c
		}
	}
	if dp.CPR == "" || other.CPR == "" {
		t.Fatal("no generated dagpengemodtager of A-kasse 22 in Aarhus, or no citizen of another target group there")
	}
	id := lookUp(berit, dp)

	plan, err := s.MinPlan(ctx, berit, id, today)
	if err != nil || len(plan.Items) == 0 || len(plan.Meetings) == 0 {
		t.Errorf("Min plan: %d items, %d meetings (%v)", len(plan.Items), len(plan.Meetings), err)
	}
	if _, ok := jobnet.LatestAgreement(plan.Items, jobnet.OwnerAkasse); !ok {
		t.Error("Min plan: no agreement with the a-kasse")
	}
	msgs, err := s.Messages(ctx, berit, id)
	if err != nil || len(msgs) < 3 {
		t.Errorf("Beskeder: %d (%v)", len(msgs), err)
	}
	log, err := s.Joblog(ctx, id, jobnet.JoblogFilter{Page: 1})
	if err != nil || log.Total < 6*4 || len(log.Entries) != jobnet.JoblogPageSize {
		t.Errorf("Joblog: %d in all, %d on the page (%v)", log.Total, len(log.Entries), err)
	}
	counters, found, err := s.DagpengeCounters(ctx, id)
	if err != nil || !found || len(counters.History) != dp.DagpengeMonths || counters.Period.Used <= 0 {
		t.Errorf("Dagpenge: found %v, %d months, %v used (%v); want %d months", found, len(counters.History), counters.Period.Used, err, dp.DagpengeMonths)
	}
	front, err := s.FrontPage(ctx, berit, id, today)
	if err != nil || len(front.Goals) == 0 || len(front.Notifications) == 0 {
		t.Errorf("Forside: %d goals, %d notifications (%v)", len(front.Goals), len(front.Notifications), err)
	}
	if _, _, err := s.CV(ctx, id); err != nil {
		t.Errorf("CV: %v", err)
	}
	if _, _, found, err := s.PreparationReceipt(ctx, berit, id, today); err != nil || !found {
		t.Errorf("Forberedelsesskema: found %v (%v)", found, err)
	}
	cal, err := s.Calendar(ctx, berit, id, today.AddDate(0, 0, -42), today.AddDate(0, 0, 42), today)
	if err != nil || len(cal.Joblog) == 0 || len(cal.Meetings) == 0 {
		t.Errorf("Kalender: %d joblog entries, %d meetings (%v)", len(cal.Joblog), len(cal.Meetings), err)
	}

	id = lookUp(nina, other)
	plan, err = s.MinPlan(ctx, nina, id, today)
	if err != nil || len(plan.Items) == 0 {
		t.Errorf("Min plan of %s (%s): %d items (%v)", other.Name, other.Groups[len(other.Groups)-1], len(plan.Items), err)
	}
}
