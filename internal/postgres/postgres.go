// Package postgres is the store: it reads the DFDG copy and the
// Arbejdsmarkedsportalen user copy, and appends to the citizen's history and
// the refused look-ups. One file per aggregate, SQL beside its scan code.
// Every connection runs as the application's role, which may not change the
// DFDG copy nor UPDATE or DELETE the logs.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// AppRole is the database role the application acts as (see migrations).
const AppRole = "sagsbehandleradgang_app"

// Timeouts bound how long one statement of the application may take and
// wait for a lock, so that a query stuck behind a lock gives an error (and
// the caseworker the 503 page) instead of a page that never comes. Zero
// leaves the server's setting (by default no limit).
type Timeouts struct {
	Statement time.Duration // statement_timeout
	Lock      time.Duration // lock_timeout
}

// Open connects a pool whose every connection acts as AppRole with the
// timeouts t.
func Open(ctx context.Context, dsn string, t Timeouts) (*pgxpool.Pool, error) {
	return open(ctx, "DATABASE_URL", dsn, t, nil)
}

// OpenReader is Open for a streaming replica (DATABASE_READ_URL), which
// serves the citizens' pages. Its every transaction is read-only, so that a
// URL pointing at the primary by mistake still writes nothing through it.
func OpenReader(ctx context.Context, dsn string, t Timeouts) (*pgxpool.Pool, error) {
	return open(ctx, "DATABASE_READ_URL", dsn, t, map[string]string{"default_transaction_read_only": "on"})
}

func open(ctx context.Context, variable, dsn string, t Timeouts, params map[string]string) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: parse %s: %w", variable, err)
	}
	for k, v := range params {
		cfg.ConnConfig.RuntimeParams[k] = v
	}
	// Sent when each connection starts, so that no statement runs without them.
	for name, d := range map[string]time.Duration{"statement_timeout": t.Statement, "lock_timeout": t.Lock} {
		if d > 0 {
			cfg.ConnConfig.RuntimeParams[name] = strconv.FormatInt(max(d.Milliseconds(), 1), 10)
		}
	}
	cfg.ConnConfig.Tracer = &statementCounter{}
	cfg.AfterConnect = func(ctx context.Context, c *pgx.Conn) error {
		_, err := c.Exec(ctx, "SET ROLE "+AppRole)
		return err
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	return pool, nil
}

// OpenOwner connects a pool as the configured user itself, for migrations
// and the seed command.
func OpenOwner(ctx context.Context, dsn string) (*pgxpool.Pool, error) {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	return pool, nil
}

// wrap names the operation and turns a lost database into ErrUnavailable, so
// that the web layer answers 503 and the next request simply tries again.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("postgres: %s: %w", op, jobnet.ErrNotFound)
	}
	if outage(err) {
		return fmt.Errorf("postgres: %s: %w: %w", op, jobnet.ErrUnavailable, err)
	}
	return fmt.Errorf("postgres: %s: %w", op, err)
}

// outage reports whether err means the database cannot be reached or is
// going away — the next request may well succeed — as opposed to a mistake
// in a query, which must stay a 500 and be fixed.
func outage(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		// Connection exceptions, operator intervention (shutdown, terminated
		// connections, statement_timeout) and insufficient resources; and
		// lock_timeout: a lock held elsewhere, which the next try may get.
		class := pgErr.Code[:2]
		return class == "08" || class == "57" || class == "53" || pgErr.Code == "55P03"
	}
	var connErr *pgconn.ConnectError
	var netErr net.Error
	return errors.As(err, &connErr) || errors.As(err, &netErr) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		pgconn.Timeout(err) || pgconn.SafeToRetry(err)
}
