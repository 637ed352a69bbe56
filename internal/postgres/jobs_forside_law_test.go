package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// The SQL of the Forside's notifications is a second line for the law: a
// notification that names nothing of the citizen's is not loaded, and the
// title of one about a message leaves the database only for a party to it.
func TestFrontPage_TheSQLLoadsNotificationsOnlyWithTheirSubjects(t *testing.T) {
	dsn := pgtest.NewDemoDatabase(t)
	pool := pgtest.Pool(t, dsn)
	owner := pgtest.OwnerPool(t, dsn)
	ctx := context.Background()
	anna, lars := citizenID(t, pool, "anna"), citizenID(t, pool, "lars")
	akasse := orgID(t, pool, demo.OrgFagenesAkasse)
	jobcenter := orgID(t, pool, demo.OrgJobcenterAarhus)
	now := time.Now()

	// An old notification that names nothing (as the migration leaves one it
	// could not tie), one that names another citizen's message, and one of
	// a message only the jobcenter is a party to.
	var larsMessage, jobcenterMessage int64
	if err := pool.QueryRow(ctx, `SELECT id FROM messages WHERE citizen_id = $1 LIMIT 1`, lars).Scan(&larsMessage); err != nil {
		t.Fatal(err)
	}
	if err := pool.QueryRow(ctx, `SELECT m.id FROM messages m WHERE m.citizen_id = $1 AND m.from_org_id = $2
		AND NOT EXISTS (SELECT FROM message_parties p WHERE p.message_id = m.id AND p.organisation_id = $3) LIMIT 1`,
		anna, jobcenter, akasse).Scan(&jobcenterMessage); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []struct {
		sql  string
		args []any
	}{
		{`ALTER TABLE frontpage_notifications DROP CONSTRAINT frontpage_notifications_about`, nil},
		{`INSERT INTO frontpage_notifications (citizen_id, kind, title, occurred_at, link) VALUES ($1, 'besked', 'OM-INGENTING', $2, '/borger/planer/beskeder')`, []any{anna, now}},
		{`INSERT INTO frontpage_notifications (citizen_id, kind, title, occurred_at, link, message_id) VALUES ($1, 'besked', 'EN-ANDENS-BESKED', $2, '/borger/planer/beskeder', $3)`, []any{anna, now, larsMessage}},
		{`INSERT INTO frontpage_notifications (citizen_id, kind, title, occurred_at, link, message_id) VALUES ($1, 'besked', 'KUN-JOBCENTRETS', $2, '/borger/planer/beskeder', $3)`, []any{anna, now, jobcenterMessage}},
	} {
		if _, err := owner.Exec(ctx, stmt.sql, stmt.args...); err != nil {
			t.Fatal(err)
		}
	}

	s := postgres.NewStore(pool)
	titles := func(reader int64) map[string]bool {
		f, err := postgres.LoadFrontPage(s, ctx, anna, reader, jobnet.Day(now))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, n := range f.Notifications {
			out[n.Title] = true
			if n.PlanItem == nil && n.Meeting == nil && n.Offer == nil && n.Message == nil {
				t.Errorf("loaded a notification about nothing: %+v", n)
			}
		}
		return out
	}
	forAkasse, forJobcenter := titles(akasse), titles(jobcenter)
	for _, title := range []string{"OM-INGENTING", "EN-ANDENS-BESKED"} {
		if forAkasse[title] || forJobcenter[title] {
			t.Errorf("%s was loaded", title)
		}
	}
	if forAkasse["KUN-JOBCENTRETS"] {
		t.Error("the title of a message the a-kasse is no party to left the database")
	}
	if !forJobcenter["KUN-JOBCENTRETS"] {
		t.Error("the jobcenter did not get the title of its own message's notification")
	}
}
