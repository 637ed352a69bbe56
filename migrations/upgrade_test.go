package migrations_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
	"github.com/star-dk/sagsbehandleradgang/migrations"
)

// databaseAt returns the owner's pool on a fresh database migrated down to
// version, and the goose provider to migrate it on with.
func databaseAt(t *testing.T, version int64) (*pgxpool.Pool, *goose.Provider) {
	t.Helper()
	owner := pgtest.OwnerPool(t, pgtest.NewDatabase(t, "", nil))
	db := stdlib.OpenDBFromPool(owner)
	t.Cleanup(func() { db.Close() })
	p, err := goose.NewProvider(goose.DialectPostgres, db, migrations.Files)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(context.Background(), version); err != nil {
		t.Fatalf("down to %d: %v", version, err)
	}
	return owner, p
}

// A database from before migration 10 upgrades (issue 7): its offers and
// notifications cannot yet say what they are about, so the migration ties
// the notifications it can — a message or offer of the citizen with the
// same title — and leaves the rest saying nothing, which no caseworker is
// shown. From then on the data must say it.
func TestMigration10_AnExistingDatabaseUpgrades(t *testing.T) {
	ctx := context.Background()
	owner, p := databaseAt(t, 9)

	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := owner.Exec(ctx, sql, args...); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	var jobcenter, citizen, offer, message int64
	mustScan(t, owner.QueryRow(ctx, `INSERT INTO organisations (kind, number, name, cvr) VALUES ('Jobcenter', '751', 'Jobcenter Aarhus', '55667788') RETURNING id`), &jobcenter)
	mustScan(t, owner.QueryRow(ctx, `INSERT INTO citizens (cpr, name, kommune_number, jobcenter_id) VALUES ('0101900000', 'Anna', '751', $1) RETURNING id`, jobcenter), &citizen)
	mustScan(t, owner.QueryRow(ctx, `INSERT INTO meeting_offers (jobcenter_id, title, description, duration_minutes, attention_text, questions_text, position)
		VALUES ($1, 'Jobsamtale', 'Om din jobsøgning', 30, 'Mød op', 'Ring til os', 1) RETURNING id`, jobcenter), &offer)
	exec(`INSERT INTO meeting_offer_citizens (offer_id, citizen_id, offered_at) VALUES ($1, $2, now())`, offer, citizen)
	mustScan(t, owner.QueryRow(ctx, `INSERT INTO messages (citizen_id, from_name, from_org_name, from_org_id, title, body, sent_at)
		VALUES ($1, 'Sagsbehandler', 'Jobcenter Aarhus', $2, 'Din plan er opdateret', 'Se Min Plan', now()) RETURNING id`, citizen, jobcenter), &message)
	exec(`INSERT INTO meetings (citizen_id, title, starts_at, ends_at, form, with_whom, organisation_id)
		VALUES ($1, 'Jobsamtale', now(), now() + interval '30 minutes', 'Telefonisk', 'Nina', $2)`, citizen, jobcenter)
	for _, n := range []struct{ kind, title string }{
		{"besked", "Din plan er opdateret"},
		{"selvbooking", "Jobsamtale"},
		{"min_plan", "Ny version af Min Plan"},
		{"besked", "En besked der ikke findes"},
	} {
		exec(`INSERT INTO frontpage_notifications (citizen_id, kind, title, occurred_at, link) VALUES ($1, $2, $3, now(), '/borger/forside')`, citizen, n.kind, n.title)
	}

	if _, err := p.UpTo(ctx, 10); err != nil {
		t.Fatalf("up to 10: %v", err)
	}

	tied := map[string]string{}
	rows, err := owner.Query(ctx, `SELECT title, coalesce(message_id::text, offer_id::text, plan_item_id::text, meeting_id::text, '')
		FROM frontpage_notifications ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var title, subject string
		mustScan(t, rows, &title, &subject)
		tied[title] = subject
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for title, want := range map[string]string{
		"Din plan er opdateret":     strconv.FormatInt(message, 10),
		"Jobsamtale":                strconv.FormatInt(offer, 10),
		"Ny version af Min Plan":    "",
		"En besked der ikke findes": "",
	} {
		if got, ok := tied[title]; !ok || got != want {
			t.Errorf("notification %q is about %q, want %q", title, got, want)
		}
	}
	var offerKind, offerGroup *string
	mustScan(t, owner.QueryRow(ctx, `SELECT kind, target_group FROM meeting_offers WHERE id = $1`, offer), &offerKind, &offerGroup)
	if offerKind != nil || offerGroup != nil {
		t.Errorf("an old offer claims to be %v in %v; it cannot say", offerKind, offerGroup)
	}

	// From now on: a meeting with a mentor can be said, a meeting that
	// says nothing cannot be added, nor a notification about nothing.
	exec(`INSERT INTO meetings (citizen_id, title, starts_at, ends_at, form, with_whom, organisation_id, kind, target_group)
		VALUES ($1, 'Møde med din mentor', now(), now() + interval '1 hour', 'Telefonisk', 'Peter', $2, 'mentor', 'dagpenge')`, citizen, jobcenter)
	for _, refused := range []string{
		`INSERT INTO meetings (citizen_id, title, starts_at, ends_at, form, with_whom, organisation_id)
			VALUES ($1, 'Møde', now(), now() + interval '1 hour', 'Telefonisk', 'Nina', $2)`,
		`INSERT INTO frontpage_notifications (citizen_id, kind, title, occurred_at, link) SELECT $1, 'besked', 'Om ingenting', now(), '/borger/forside' WHERE $2::bigint > 0`,
		`INSERT INTO frontpage_notifications (citizen_id, kind, title, occurred_at, link, offer_id) SELECT $1, 'besked', 'Forkert slags', now(), '/borger/forside', id FROM meeting_offers WHERE jobcenter_id = $2`,
	} {
		if _, err := owner.Exec(ctx, refused, citizen, jobcenter); err == nil || !strings.Contains(err.Error(), "violates") {
			t.Errorf("accepted, want refused: %s (err = %v)", refused, err)
		}
	}

	// And back down again, as far as the data allows.
	if _, err := p.DownTo(ctx, 9); err != nil {
		t.Fatalf("down to 9 again: %v", err)
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
}

// A database from before migration 11 upgrades (issue 8). Its old trigger
// chained each row to the row with the highest id, so look-ups at the same
// moment left rows chained out of id order (Anna: 1001 → 1003 → 1002) and
// forks (Bo: 2002 and 2004 both chained to 2003). The migration numbers the
// rows in the order they were chained: Anna's chain verifies, Bo's fork is
// reported as a fork and not as a removed row, and new rows chain to the
// last row of each.
func TestMigration11_AnExistingChainIsNumberedInChainOrder(t *testing.T) {
	ctx := context.Background()
	owner, p := databaseAt(t, 10)

	var anna, bo int64
	mustScan(t, owner.QueryRow(ctx, `INSERT INTO citizens (cpr, name, kommune_number) VALUES ('0101900000', 'Anna', '751') RETURNING id`), &anna)
	mustScan(t, owner.QueryRow(ctx, `INSERT INTO citizens (cpr, name, kommune_number) VALUES ('0202900000', 'Bo', '751') RETURNING id`), &bo)
	// The ids in the order the old trigger took the citizen's lock.
	for _, row := range []struct{ id, citizen int64 }{
		{1001, anna}, {1003, anna}, {1002, anna},
		{2001, bo}, {2003, bo}, {2002, bo}, {2004, bo},
	} {
		if _, err := owner.Exec(ctx, `INSERT INTO citizen_history (id, citizen_id, category, occurred_at, text)
			OVERRIDING SYSTEM VALUE VALUES ($1, $2, 'Planer', now(), 'Plan')`, row.id, row.citizen); err != nil {
			t.Fatal(err)
		}
	}

	if _, err := p.UpTo(ctx, 11); err != nil {
		t.Fatalf("up to 11: %v", err)
	}
	// New rows: their ids (from the identity sequence, which the rows above
	// did not advance) are lower than the old ones; the chain does not care.
	newRow := map[int64]int64{}
	for _, citizen := range []int64{anna, bo} {
		var id int64
		mustScan(t, owner.QueryRow(ctx, `INSERT INTO citizen_history (citizen_id, category, occurred_at, text)
			VALUES ($1, 'Planer', now(), 'Ny plan') RETURNING id`, citizen), &id)
		newRow[citizen] = id
	}
	type row struct {
		ID, Seq int64
		Chained bool // to the row before it in seq order
	}
	chain := func(citizen int64) []row {
		t.Helper()
		rows, err := owner.Query(ctx, `SELECT id, seq, prev_hash IS NOT DISTINCT FROM lag(hash) OVER (ORDER BY seq)
			FROM citizen_history WHERE citizen_id = $1 ORDER BY seq`, citizen)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []row
		for rows.Next() {
			var r row
			mustScan(t, rows, &r.ID, &r.Seq, &r.Chained)
			out = append(out, r)
		}
		return out
	}
	if diff := cmp.Diff([]row{{1001, 1, true}, {1003, 2, true}, {1002, 3, true}, {newRow[anna], 4, true}}, chain(anna)); diff != "" {
		t.Errorf("Anna's chain (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]row{{2001, 1, true}, {2003, 2, true}, {2002, 3, true}, {2004, 4, false}, {newRow[bo], 5, true}}, chain(bo)); diff != "" {
		t.Errorf("Bo's chain (-want +got):\n%s", diff)
	}

	rep, err := postgres.NewStore(owner).VerifyAccessLog(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []postgres.BrokenEntry{{ID: 2004, CitizenID: bo, LinkBroken: true, AfterID: 2002, ForkOf: 2003}}
	if diff := cmp.Diff(want, rep.Broken); diff != "" || rep.Rows != 9 {
		t.Errorf("VerifyAccessLog: %d rows; broken (-want +got):\n%s", rep.Rows, diff)
	}

	// And back down again, and up.
	if _, err := p.DownTo(ctx, 10); err != nil {
		t.Fatalf("down to 10 again: %v", err)
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
}

// Sessions live through migration 13 (issue 8), which gives the SAML
// subject columns of its own: a caseworker signed in before the upgrade
// stays signed in, and the session's subject is left to be read from its
// values (session.Store.EndSubject).
func TestMigration13_SessionsSurviveTheUpgrade(t *testing.T) {
	ctx := context.Background()
	owner, p := databaseAt(t, 12)
	if _, err := owner.Exec(ctx, `INSERT INTO sessions (id, data, created_at, last_seen, expires_at)
		VALUES ('before-13', '\x0102', now(), now(), now() + interval '20 minutes')`); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatalf("up: %v", err)
	}
	var data []byte
	var nameID, index *string
	mustScan(t, owner.QueryRow(ctx, `SELECT data, name_id, session_index FROM sessions WHERE id = 'before-13'`), &data, &nameID, &index)
	if string(data) != "\x01\x02" || nameID != nil || index != nil {
		t.Errorf("after the upgrade the session is %q with subject %v/%v; want its values and an unread (NULL) subject", data, nameID, index)
	}
	var indexed bool
	mustScan(t, owner.QueryRow(ctx, `SELECT EXISTS (SELECT FROM pg_indexes WHERE tablename = 'sessions' AND indexdef LIKE '%(name_id)%')`), &indexed)
	if !indexed {
		t.Error("sessions.name_id has no index: a logout from the IdP would read every session")
	}

	if _, err := p.DownTo(ctx, 12); err != nil {
		t.Fatalf("down to 12 again: %v", err)
	}
	var n int
	mustScan(t, owner.QueryRow(ctx, `SELECT count(*) FROM sessions`), &n)
	if n != 1 {
		t.Errorf("%d sessions after going down, want 1", n)
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
}
