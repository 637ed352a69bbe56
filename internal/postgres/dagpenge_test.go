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

// The counters come back from the database exactly as the a-kasse's tally
// made them, with their history, in one round trip.
func TestDagpengeCounters_ReadBackAsTalliedInOneRoundTrip(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	today := jobnet.Day(time.Now())
	for _, key := range []string{"anna", "bo", "camilla"} {
		rt := &roundTrips{Querier: pool}
		got, found, err := postgres.NewStore(rt).DagpengeCounters(context.Background(), citizenID(t, pool, key))
		if err != nil || !found {
			t.Fatalf("%s: found %v, err %v", key, found, err)
		}
		if rt.n != 1 {
			t.Errorf("%s: %d round trips, want 1", key, rt.n)
		}
		if diff := cmp.Diff(demo.DagpengeCases[key].Counters(today), got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", key, diff)
		}
	}

	s := postgres.NewStore(pool)
	if _, found, err := s.DagpengeCounters(context.Background(), citizenID(t, pool, "lars")); found || err != nil {
		t.Errorf("lars has no a-kasse: found %v, err %v", found, err)
	}
	x, found, err := s.SupplementaryCounter(context.Background(), citizenID(t, pool, "anna"))
	want, _ := demo.DagpengeCases["anna"].Supplementary(today)
	if err != nil || !found || x != want {
		t.Errorf("anna's supplementary counter = %+v (found %v, err %v), want %+v", x, found, err, want)
	}
	if _, found, err := s.SupplementaryCounter(context.Background(), citizenID(t, pool, "camilla")); found || err != nil {
		t.Errorf("camilla: found %v, err %v", found, err)
	}
}

// The application's role reads the counters and cannot change them.
func TestDagpengeCounters_ApplicationRoleCannotChangeThem(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	for _, sql := range []string{
		`UPDATE dagpenge_counters SET extension_earned = 1924`,
		`DELETE FROM dagpenge_months`,
		`UPDATE supplerende_dagpenge_counters SET weeks_used = 0`,
	} {
		if _, err := pool.Exec(context.Background(), sql); err == nil {
			t.Errorf("%s: allowed", sql)
		}
	}
}
