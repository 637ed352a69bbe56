package postgres_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// The pool of DATABASE_READ_URL acts as the application's role with its
// timeouts, as the primary's does, and writes nothing even when the URL
// names the primary by mistake.
func TestOpenReader_IsTheAppRoleAndReadOnly(t *testing.T) {
	dsn := pgtest.NewDatabase(t, "", nil)
	ctx := context.Background()
	pool, err := postgres.OpenReader(ctx, dsn, postgres.Timeouts{Statement: 4 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	var role, timeout, readOnly string
	if err := pool.QueryRow(ctx, `SELECT current_user, current_setting('statement_timeout'), current_setting('transaction_read_only')`).
		Scan(&role, &timeout, &readOnly); err != nil {
		t.Fatal(err)
	}
	if role != postgres.AppRole || timeout != "4s" || readOnly != "on" {
		t.Errorf("role %q, statement_timeout %q, read-only %q; want %s, 4s, on", role, timeout, readOnly, postgres.AppRole)
	}
	_, err = pool.Exec(ctx, `INSERT INTO saml_used_assertions (id, expires_at) VALUES ('x', now() + interval '1 hour')`)
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "25006" { // read_only_sql_transaction
		t.Errorf("a write through the reader: %v, want read_only_sql_transaction", err)
	}
}
