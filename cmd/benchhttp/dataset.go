package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/migrations"
)

func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:5])
}

// templateName names a data set's template database: it changes with the
// migrations, the demo data, the number of citizens and of bench
// caseworkers, and the day (the data are dated relative to today), so a
// stale one is never used.
func templateName(scale string, citizens, caseworkers int, day time.Time) string {
	h := sha256.New()
	h.Write([]byte(migrations.Fingerprint()))
	h.Write([]byte(demo.Fingerprint()))
	h.Write([]byte(strconv.Itoa(citizens)))
	h.Write([]byte("/" + strconv.Itoa(caseworkers)))
	h.Write([]byte(day.Format("20060102")))
	return "bench_" + scale + "_" + hex.EncodeToString(h.Sum(nil)[:6])
}

// prepareDatabase returns the URL of a fresh copy of the scale's data set:
// the template is built with dfdgseed when today's is missing (older ones
// of the scale are dropped), and copied for the run, so that one run's
// access-log entries and sessions never reach the next.
func prepareDatabase(ctx context.Context, admin, bin, scale string, citizens, caseworkers int, stdout io.Writer) (string, error) {
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	tmpl := templateName(scale, citizens, caseworkers, time.Now())
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1 AND datistemplate)", tmpl).Scan(&exists); err != nil {
		return "", err
	}
	if !exists {
		rows, err := conn.Query(ctx, "SELECT datname FROM pg_database WHERE datname LIKE $1", "bench\\_"+scale+"\\_%")
		if err != nil {
			return "", err
		}
		old, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return "", err
		}
		for _, name := range old {
			if _, err := conn.Exec(ctx, "ALTER DATABASE "+pgx.Identifier{name}.Sanitize()+" WITH is_template false"); err != nil {
				return "", err
			}
			if _, err := conn.Exec(ctx, "DROP DATABASE "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
				return "", err
			}
		}
		if _, err := conn.Exec(ctx, "CREATE DATABASE "+tmpl); err != nil {
			return "", err
		}
		seed := exec.CommandContext(ctx, filepath.Join(bin, "dfdgseed"), "-database-url", withDatabase(admin, tmpl), "-citizens", strconv.Itoa(citizens),
			"-bench-caseworkers", strconv.Itoa(caseworkers))
		seed.Stderr = stdout
		began := time.Now()
		if out, err := seed.Output(); err != nil {
			return "", fmt.Errorf("dfdgseed: %w: %s", err, out)
		}
		// VACUUM sets the visibility map, so that index-only scans need
		// not visit the table, as in a database that has been running.
		tconn, err := pgx.Connect(ctx, withDatabase(admin, tmpl))
		if err != nil {
			return "", err
		}
		_, err = tconn.Exec(ctx, "VACUUM (ANALYZE)")
		tconn.Close(ctx)
		if err != nil {
			return "", fmt.Errorf("vacuum: %w", err)
		}
		if _, err := conn.Exec(ctx, "ALTER DATABASE "+tmpl+" WITH is_template true allow_connections false"); err != nil {
			return "", err
		}
		fmt.Fprintf(stdout, "benchhttp: %s built in %s\n", tmpl, time.Since(began).Round(time.Second))
	}
	runDB := "benchrun_" + scale
	if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+runDB+" WITH (FORCE)"); err != nil {
		return "", err
	}
	// By files, not through the WAL (PostgreSQL 15's default): a million
	// citizens' copy written to the WAL kept the checkpointer busy for
	// the first five minutes of the national run, a checkpoint every 3-5
	// s, and the first pages measured it (the 14:51 run). The CHECKPOINT
	// then starts every run from a clean slate.
	for _, sql := range []string{"CREATE DATABASE " + runDB + " TEMPLATE " + tmpl + " STRATEGY FILE_COPY", "CHECKPOINT"} {
		if _, err := conn.Exec(ctx, sql); err != nil {
			return "", err
		}
	}
	return withDatabase(admin, runDB), nil
}

// withDatabase is the admin URL (a Unix socket, from devdb) with another
// database; devdb prints URLs that parse.
func withDatabase(admin, db string) string {
	u, _ := url.Parse(admin)
	return u.JoinPath("..", db).String()
}
