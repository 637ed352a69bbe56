// Package pgtest gives each test a fresh PostgreSQL database, cloned from a
// migrated template, on the throwaway cluster that `make test` starts and
// names in PGTEST_ADMIN_URL. Cloning takes milliseconds, so every test is
// isolated from the others.
package pgtest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
	"github.com/star-dk/sagsbehandleradgang/migrations"
)

// EnvAdminURL names the cluster's admin URL.
const EnvAdminURL = "PGTEST_ADMIN_URL"

// Seeder loads data into a freshly migrated database, as its owner.
type Seeder func(ctx context.Context, owner *pgxpool.Pool) error

var (
	mu        sync.Mutex
	templates = map[string]string{} // key → template database name
)

// NewDatabase creates an empty, migrated database for t and returns its
// owner URL; the database is dropped when t ends. With a seeder, the
// template is seeded too (once per seeder key and day).
func NewDatabase(t testing.TB, seedKey string, seed Seeder) string {
	t.Helper()
	admin := os.Getenv(EnvAdminURL)
	if admin == "" {
		t.Fatalf("%s is not set: run the tests with `make test`, which starts the test cluster", EnvAdminURL)
	}
	ctx := context.Background()
	tmpl, err := template(ctx, admin, seedKey, seed)
	if err != nil {
		t.Fatalf("pgtest: template: %v", err)
	}
	name := "t_" + randomHex(8)
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	defer conn.Close(ctx)
	if err := retry(func() error {
		_, err := conn.Exec(ctx, fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s", name, tmpl))
		return err
	}); err != nil {
		t.Fatalf("pgtest: create database: %v", err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, admin)
		if err != nil {
			return
		}
		defer c.Close(ctx)
		_, _ = c.Exec(ctx, fmt.Sprintf("DROP DATABASE IF EXISTS %s WITH (FORCE)", name))
	})
	return withDatabase(admin, name)
}

// NewDB returns a pool on a fresh migrated database that acts as the
// application's role, closed when t ends.
func NewDB(t testing.TB) *pgxpool.Pool {
	t.Helper()
	return Pool(t, NewDatabase(t, "", nil))
}

// Pool opens an application-role pool on dsn, closed when t ends.
func Pool(t testing.TB, dsn string) *pgxpool.Pool {
	t.Helper()
	pool, err := postgres.Open(context.Background(), dsn, postgres.Timeouts{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return pool
}

// OwnerPool opens a pool on dsn as the owner (to break things on purpose).
func OwnerPool(t testing.TB, dsn string) *pgxpool.Pool {
	t.Helper()
	pool, err := postgres.OpenOwner(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return pool
}

// template returns the name of a migrated (and seeded) template database,
// creating it under an advisory lock, since test binaries of several
// packages run at once against the one cluster.
func template(ctx context.Context, admin, seedKey string, seed Seeder) (string, error) {
	mu.Lock()
	defer mu.Unlock()
	key := migrations.Fingerprint() + seedKey
	if seed != nil {
		key += time.Now().Format("20060102") // seeds are relative to today
	}
	if name, ok := templates[key]; ok {
		return name, nil
	}
	sum := sha256.Sum256([]byte(key))
	name := "tmpl_" + hex.EncodeToString(sum[:8])

	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock(724001)"); err != nil {
		return "", err
	}
	defer conn.Exec(ctx, "SELECT pg_advisory_unlock(724001)")

	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1 AND datistemplate)", name).Scan(&exists); err != nil {
		return "", err
	}
	if !exists {
		if _, err := conn.Exec(ctx, fmt.Sprintf("DROP DATABASE IF EXISTS %s WITH (FORCE)", name)); err != nil {
			return "", err
		}
		if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
			return "", err
		}
		if err := prepare(ctx, withDatabase(admin, name), seed); err != nil {
			return "", err
		}
		if _, err := conn.Exec(ctx, fmt.Sprintf("ALTER DATABASE %s WITH is_template true allow_connections false", name)); err != nil {
			return "", err
		}
	}
	templates[key] = name
	return name, nil
}

func prepare(ctx context.Context, dsn string, seed Seeder) error {
	pool, err := postgres.OpenOwner(ctx, dsn)
	if err != nil {
		return err
	}
	defer pool.Close()
	if err := migrations.Up(ctx, pool); err != nil {
		return err
	}
	if seed != nil {
		return seed(ctx, pool)
	}
	return nil
}

func withDatabase(dsn, db string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		panic(err)
	}
	u.Path = "/" + db
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// retry absorbs "source database is being accessed by other users", which a
// concurrent clone of the same template can cause for a moment.
func retry(f func() error) error {
	var err error
	for i := 0; i < 50; i++ {
		if err = f(); err == nil || !strings.Contains(err.Error(), "being accessed") {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
	return err
}

// NewDemoDatabase is NewDatabase with the demo data set loaded, dated today.
func NewDemoDatabase(t testing.TB) string {
	t.Helper()
	return NewDatabase(t, "demo"+demo.Fingerprint(), func(ctx context.Context, owner *pgxpool.Pool) error {
		return demo.Load(ctx, owner, time.Now())
	})
}
