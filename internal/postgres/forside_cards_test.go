package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// The Forside's cards are computed once per (job goals, area, day) and
// shared; what the law hides is still hidden per caseworker, and the next
// day has cards of its own.
func TestFrontPage_SharesTheCardsButAppliesTheLawPerCaseworker(t *testing.T) {
	dsn := pgtest.NewDemoDatabase(t)
	pool := pgtest.Pool(t, dsn)
	owner := pgtest.OwnerPool(t, dsn)
	ctx := context.Background()
	anna := citizenID(t, pool, "anna")
	akasse, jobcenter := orgID(t, pool, demo.OrgFagenesAkasse), orgID(t, pool, demo.OrgJobcenterAarhus)
	today := jobnet.Day(time.Now())

	// A notification of a message only the jobcenter is a party to: its
	// title is for the jobcenter's caseworker only.
	var message int64
	if err := pool.QueryRow(ctx, `SELECT m.id FROM messages m WHERE m.citizen_id = $1 AND m.from_org_id = $2
		AND NOT EXISTS (SELECT FROM message_parties p WHERE p.message_id = m.id AND p.organisation_id = $3) LIMIT 1`,
		anna, jobcenter, akasse).Scan(&message); err != nil {
		t.Fatal(err)
	}
	if _, err := owner.Exec(ctx, `INSERT INTO frontpage_notifications (citizen_id, kind, title, occurred_at, link, message_id)
		VALUES ($1, 'besked', 'KUN-JOBCENTRETS', $2, '/borger/planer/beskeder', $3)`, anna, time.Now(), message); err != nil {
		t.Fatal(err)
	}

	counting := &roundTrips{Querier: pool}
	shared := postgres.NewStore(counting)
	berit := caseworker(t, shared, "berit", jobnet.OrgAkasse)
	nina := caseworker(t, shared, "nina", jobnet.OrgJobcenter)
	load := func(s *postgres.Store, cw jobnet.Caseworker, day time.Time) (jobnet.FrontPage, int) {
		t.Helper()
		before := counting.n
		f, err := s.FrontPage(ctx, cw, anna, day)
		if err != nil {
			t.Fatal(err)
		}
		return f, counting.n - before
	}
	fresh := func(cw jobnet.Caseworker, day time.Time) jobnet.FrontPage {
		t.Helper()
		f, err := postgres.NewStore(pool).FrontPage(ctx, cw, anna, day)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}

	f, trips := load(shared, berit, today)
	if len(f.Goals) == 0 || f.Posted.Total == 0 {
		t.Fatalf("anna's Forside has no cards to share: goals %v, posted %d", f.Goals, f.Posted.Total)
	}
	if trips != 2 {
		t.Errorf("the first Forside of the day: %d round trips, want 2 (the citizen's, the cards')", trips)
	}
	for _, v := range []struct {
		name string
		cw   jobnet.Caseworker
	}{{"berit again", berit}, {"nina", nina}} {
		got, trips := load(shared, v.cw, today)
		if trips != 1 {
			t.Errorf("%s: %d round trips, want 1: the cards were not shared", v.name, trips)
		}
		if diff := cmp.Diff(fresh(v.cw, today), got); diff != "" {
			t.Errorf("%s: the shared cards changed the page (-alone +shared):\n%s", v.name, diff)
		}
	}
	titles := func(f jobnet.FrontPage) (out []string) {
		for _, n := range f.Notifications {
			if n.Title == "KUN-JOBCENTRETS" {
				out = append(out, n.Title)
			}
		}
		return out
	}
	fb, _ := load(shared, berit, today)
	fn, _ := load(shared, nina, today)
	if len(titles(fb)) != 0 || len(titles(fn)) != 1 {
		t.Errorf("the message's title: berit sees %v, nina %v; want only nina", titles(fb), titles(fn))
	}

	tomorrow := today.AddDate(0, 0, 1)
	got, trips := load(shared, berit, tomorrow)
	if trips != 2 {
		t.Errorf("the next day: %d round trips, want 2: yesterday's cards were shared", trips)
	}
	if diff := cmp.Diff(fresh(berit, tomorrow), got); diff != "" {
		t.Errorf("the next day's cards (-alone +shared):\n%s", diff)
	}
}
