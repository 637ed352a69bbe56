package postgres_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// A search profile runs only for its own citizen, in the SQL too: another
// citizen's profile id finds nothing (issue 9, point 2).
func TestSearchJobs_RunsOnlyTheCitizensOwnProfile(t *testing.T) {
	dsn := pgtest.NewDemoDatabase(t)
	pool := pgtest.Pool(t, dsn)
	store := postgres.NewStore(pool)
	ctx := context.Background()
	anna, bo := citizenID(t, pool, "anna"), citizenID(t, pool, "bo")
	profile := annasKontorjobProfile(t, pool, anna)
	today := jobnet.Day(time.Now())
	mine, err := store.SearchJobs(ctx, anna, jobnet.JobQuery{ProfileID: profile, Page: 1}, today)
	if err != nil || mine.Total == 0 {
		t.Fatalf("anna's profile: %d hits, %v", mine.Total, err)
	}
	for _, h := range mine.Hits {
		if h.Kommune != "Aarhus" || (h.Occupation != "Kontorassistent (kontorfunktionær)" && h.Occupation != "Receptionist") {
			t.Errorf("a hit outside the profile: %s, %s", h.Occupation, h.Kommune)
		}
	}
	if other, err := store.SearchJobs(ctx, bo, jobnet.JobQuery{ProfileID: profile, Page: 1}, today); err != nil || other.Total != 0 {
		t.Errorf("bo running anna's profile: %d hits, %v", other.Total, err)
	}
	// A posting's page: an open one loads, an id that is none does not.
	if _, err := store.JobPosting(ctx, mine.Hits[0].ID, today); err != nil {
		t.Errorf("open posting: %v", err)
	}
	if _, err := store.JobPosting(ctx, 1<<40, today); !errors.Is(err, jobnet.ErrNotFound) {
		t.Errorf("no posting: %v, want ErrNotFound", err)
	}
}

// annasKontorjobProfile is the id of anna's saved search "Kontorjob i
// Aarhus" (demo data).
func annasKontorjobProfile(t *testing.T, q postgres.Querier, anna int64) int64 {
	t.Helper()
	var profile int64
	if err := q.QueryRow(context.Background(), `SELECT id FROM search_profiles WHERE citizen_id = $1 AND name = 'Kontorjob i Aarhus'`, anna).Scan(&profile); err != nil {
		t.Fatal(err)
	}
	return profile
}
