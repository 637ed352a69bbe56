package postgres_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// The viewer that loads with the session is LoadViewer's, for the user and
// citizen the session's row names; a row that names none gives none.
func TestQueueSessionViewer_IsLoadViewerOfTheSessionsIds(t *testing.T) {
	dsn := pgtest.NewDemoDatabase(t)
	pool := pgtest.Pool(t, dsn)
	owner := pgtest.OwnerPool(t, dsn)
	ctx := context.Background()
	s := postgres.NewStore(pool)
	berit := caseworker(t, s, "berit", jobnet.OrgAkasse)
	anna := citizenID(t, pool, "anna")
	for _, row := range []struct {
		id            string
		user, citizen any
	}{{"with-citizen", berit.User.ID, anna}, {"without-citizen", berit.User.ID, nil}, {"from-before", nil, nil}} {
		if _, err := owner.Exec(ctx, `INSERT INTO sessions (id, data, created_at, last_seen, expires_at, user_id, citizen_id)
			VALUES ($1, '\x00', now(), now(), now() + interval '1 hour', $2, $3)`, row.id, row.user, row.citizen); err != nil {
			t.Fatal(err)
		}
	}
	preload := func(id string) postgres.Viewer {
		t.Helper()
		b := &pgx.Batch{}
		result := postgres.QueueSessionViewer(b, id)
		if err := pool.SendBatch(ctx, b).Close(); err != nil {
			t.Fatal(err)
		}
		return result().(postgres.Viewer)
	}
	for id, want := range map[string]struct{ user, citizen int64 }{
		"with-citizen": {berit.User.ID, anna}, "without-citizen": {berit.User.ID, 0}, "from-before": {0, 0}, "unknown": {0, 0},
	} {
		wantViewer, err := s.LoadViewer(ctx, want.user, want.citizen)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(wantViewer, preload(id)); diff != "" {
			t.Errorf("%s: preloaded viewer (-LoadViewer +preloaded):\n%s", id, diff)
		}
	}
	if v := preload("with-citizen"); v.User.ID != berit.User.ID || v.Citizen.Citizen.ID != anna || len(v.Citizen.Memberships) == 0 {
		t.Errorf("with-citizen: user %d, citizen %d, %d memberships", v.User.ID, v.Citizen.Citizen.ID, len(v.Citizen.Memberships))
	}
}
