package migrations_test

import (
	"context"
	"strings"
	"testing"

	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
)

// The access log is append-only for the application (SPEC §6): it may insert
// and read, never change or remove an entry, and a change made behind its
// back breaks the hash chain.
func TestAccessLogIsAppendOnly(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.NewDatabase(t, "", nil)
	owner := pgtest.OwnerPool(t, dsn)
	app := pgtest.Pool(t, dsn)

	var orgID, userID, citizenID int64
	mustScan(t, owner.QueryRow(ctx, `INSERT INTO organisations (kind, number, name, cvr) VALUES ('A-kasse', '022', 'A-kasse 22', '11223344') RETURNING id`), &orgID)
	mustScan(t, owner.QueryRow(ctx, `INSERT INTO amp_users (cvr, rid, name) VALUES ('11223344', '1', 'Berit') RETURNING id`), &userID)
	mustScan(t, owner.QueryRow(ctx, `INSERT INTO citizens (cpr, name, kommune_number) VALUES ('0101900000', 'Anna', '751') RETURNING id`), &citizenID)

	insert := `INSERT INTO citizen_history (citizen_id, category, occurred_at, text, caseworker_name, organisation_name, user_id, organisation_id, via)
		VALUES ($1, 'Login', now(), 'Sagsbehandler har set din Jobnet', 'Berit', 'A-kasse 22', $2, $3, 'Sagsbehandleradgang') RETURNING id`
	var first, second int64
	mustScan(t, app.QueryRow(ctx, insert, citizenID, userID, orgID), &first)
	mustScan(t, app.QueryRow(ctx, insert, citizenID, userID, orgID), &second)

	for _, stmt := range []string{
		`UPDATE citizen_history SET caseworker_name = 'Nogen andre' WHERE id = $1`,
		`DELETE FROM citizen_history WHERE id = $1`,
	} {
		if _, err := app.Exec(ctx, stmt, first); err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("application role: %q: err = %v, want permission denied", stmt, err)
		}
		if _, err := owner.Exec(ctx, stmt, first); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("owner: %q: err = %v, want append-only refusal", stmt, err)
		}
	}
	if _, err := app.Exec(ctx, `DELETE FROM refused_lookups`); err == nil {
		t.Error("application role deleted refused look-ups")
	}
	// The log of who read the login activity (Loginaktivitet) is append-only too.
	var viewID int64
	mustScan(t, app.QueryRow(ctx, `INSERT INTO login_activity_views (occurred_at, user_id, organisation_id, action, outcome, page, row_count)
		VALUES (now(), $1, $2, 'page', 'all', 1, 2) RETURNING id`, userID, orgID), &viewID)
	for _, stmt := range []string{
		`UPDATE login_activity_views SET row_count = 0 WHERE id = $1`,
		`DELETE FROM login_activity_views WHERE id = $1`,
	} {
		if _, err := app.Exec(ctx, stmt, viewID); err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("application role: %q: err = %v, want permission denied", stmt, err)
		}
		if _, err := owner.Exec(ctx, stmt, viewID); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("owner: %q: err = %v, want append-only refusal", stmt, err)
		}
	}
	if _, err := app.Exec(ctx, `UPDATE citizens SET name = 'x'`); err == nil {
		t.Error("application role changed the DFDG copy")
	}

	// The second entry is chained to the first.
	var chained bool
	mustScan(t, app.QueryRow(ctx, `SELECT b.prev_hash = a.hash FROM citizen_history a, citizen_history b WHERE a.id = $1 AND b.id = $2`, first, second), &chained)
	if !chained {
		t.Error("second history entry does not carry the first entry's hash")
	}
}

func mustScan(t *testing.T, row interface{ Scan(...any) error }, dest ...any) {
	t.Helper()
	if err := row.Scan(dest...); err != nil {
		t.Fatal(err)
	}
}
