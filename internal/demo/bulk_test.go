package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
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

// The generated facts must be what the SPEC's access rule meets in real
// data: periods that end after they begin, mostly kontaktgruppe 1 members
// of the two demo a-kasser, and some of every other case.
func TestBulkCitizenAt_RealisticMix(t *testing.T) {
	count := map[string]int{}
	const n = 20_000
	for i := range n {
		c := demo.BulkCitizenAt(1, i)
		for _, m := range c.Memberships {
			if m.ToDays != nil && *m.ToDays < m.FromDays {
				t.Fatalf("citizen %d: membership ends before it begins", i)
			}
			if m.ToDays == nil {
				count["member "+m.Akasse.Number]++
			} else {
				count["former member"]++
			}
		}
		if len(c.Memberships) == 0 {
			count["never member"]++
		}
		for _, r := range c.Registrations {
			if r.ToDays != nil && *r.ToDays < r.FromDays {
				t.Fatalf("citizen %d: course ends before it begins", i)
			}
		}
		if len(c.Registrations) == 0 {
			count["no course"]++
		} else if r := c.Registrations[len(c.Registrations)-1]; r.Kontaktgruppe == 8 && r.Tilmeldekategori == 5 {
			count["dimittend"]++
		} else {
			count["kg "+string(rune('0'+r.Kontaktgruppe))]++
		}
		if len(c.Joblog) > 0 {
			count["joblog"]++
		}
		count[c.Jobcenter.Name]++
	}
	for key, want := range map[string][2]int{ // percent: at least, at most
		"member 022": {40, 60}, "member 031": {30, 50}, "former member": {5, 15}, "never member": {5, 20},
		"kg 1": {55, 80}, "dimittend": {5, 15}, "kg 7": {2, 10}, "kg 8": {1, 5}, "no course": {5, 20},
		"joblog": {20, 60}, "Jobcenter Aarhus": {50, 70}, "Jobcenter Odense": {30, 50},
	} {
		if p := count[key] * 100 / n; p < want[0] || p > want[1] {
			t.Errorf("%s: %d%%, want %d–%d%%", key, p, want[0], want[1])
		}
	}
}

func TestLoadBulk_AddsCitizensTheAccessRuleSees(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.NewDemoDatabase(t)
	owner := pgtest.OwnerPool(t, dsn)
	today := time.Now()
	const n = 500
	if err := demo.LoadBulk(ctx, owner, today, n, 7); err != nil {
		t.Fatal(err)
	}
	var want struct{ memberships, registrations, joblog int }
	for i := range n {
		c := demo.BulkCitizenAt(7, i)
		want.memberships += len(c.Memberships)
		want.registrations += len(c.Registrations)
		want.joblog += len(c.Joblog)
	}
	var handJoblog int
	for _, c := range demo.Citizens {
		handJoblog += len(demo.Joblogs[c.Key])
	}
	var got struct{ citizens, memberships, registrations, joblog int }
	if err := owner.QueryRow(ctx, `SELECT (SELECT count(*) FROM citizens), (SELECT count(*) FROM akasse_memberships),
		(SELECT count(*) FROM kontaktgruppe_registrations), (SELECT count(*) FROM joblog_entries)`).
		Scan(&got.citizens, &got.memberships, &got.registrations, &got.joblog); err != nil {
		t.Fatal(err)
	}
	var hand struct{ memberships, registrations int }
	for _, c := range demo.Citizens {
		hand.memberships += len(c.Memberships)
		hand.registrations += len(c.Registrations)
	}
	if got.citizens != len(demo.Citizens)+n || got.memberships != hand.memberships+want.memberships ||
		got.registrations != hand.registrations+want.registrations || got.joblog != handJoblog+want.joblog {
		t.Errorf("rows after the load: %+v; want %d citizens, %d memberships, %d registrations, %d joblog entries",
			got, len(demo.Citizens)+n, hand.memberships+want.memberships, hand.registrations+want.registrations, handJoblog+want.joblog)
	}

	// A new citizen row after the bulk ones still gets a fresh id.
	if _, err := owner.Exec(ctx, `INSERT INTO citizens (cpr, name, kommune_number) VALUES ('0101901234', 'Ny Borger', '751')`); err != nil {
		t.Errorf("insert after the bulk load: %v", err)
	}

	// Berit (A-kasse 22) may look up a bulk member of A-kasse 22 in
	// kontaktgruppe 1, tilmeldt, and not a member of A-kasse 31.
	s := postgres.NewStore(pgtest.Pool(t, dsn))
	d, _ := demo.CaseworkerByUsername("berit")
	u, err := s.UserByIdentity(ctx, jobnet.Identity{CVR: d.CVR, UUID: d.UUID})
	if err != nil {
		t.Fatal(err)
	}
	berit := jobnet.Caseworker{User: u, Org: u.Memberships[0].Org}
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
	if err := owner.QueryRow(ctx, `SELECT count(*) FROM citizens`).Scan(&after); err != nil || after != got.citizens+1 {
		t.Errorf("citizens after a failed load: %d (%v), want %d", after, err, got.citizens+1)
	}
}

func TestLoadBulk_NeedsTheDemoOrganisations(t *testing.T) {
	owner := pgtest.OwnerPool(t, pgtest.NewDatabase(t, "", nil))
	if err := demo.LoadBulk(context.Background(), owner, time.Now(), 10, 1); err == nil {
		t.Error("bulk load into an empty database: no error")
	}
}

// bulkIndex finds a bulk citizen that A-kasse 22's caseworkers may look up
// (a current member in kontaktgruppe 1, tilmeldt), or, with granted false,
// one they may not (a member of A-kasse 31 only).
func bulkIndex(t testing.TB, seed int64, n int, granted bool) int {
	for i := range n {
		c := demo.BulkCitizenAt(seed, i)
		var fagenes, kystens bool
		for _, m := range c.Memberships {
			if m.ToDays == nil && m.FromDays <= 0 {
				fagenes = fagenes || m.Akasse == demo.OrgFagenesAkasse
				kystens = kystens || m.Akasse == demo.OrgKystensAkasse
			}
		}
		kg1 := len(c.Registrations) > 0 && c.Registrations[len(c.Registrations)-1].Kontaktgruppe == 1 &&
			c.Registrations[len(c.Registrations)-1].Registered
		if granted && fagenes && kg1 || !granted && kystens && !fagenes {
			return i
		}
	}
	t.Fatalf("no bulk citizen with granted=%v among %d", granted, n)
	return 0
}
