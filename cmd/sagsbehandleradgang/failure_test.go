package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// outage takes the stack's database away, as when its server stops: no new
// connections, and the open ones are ended. The function it returns gives
// the database back.
func (s *stack) outage(t *testing.T) (end func()) {
	t.Helper()
	ctx := context.Background()
	admin := s.adminPool(t)
	db := s.databaseName(t)
	allow := func(on bool) {
		t.Helper()
		if _, err := admin.Exec(ctx, fmt.Sprintf(`ALTER DATABASE %s WITH ALLOW_CONNECTIONS %v`, db, on)); err != nil {
			t.Fatal(err)
		}
	}
	allow(false)
	if _, err := admin.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, db); err != nil {
		t.Fatal(err)
	}
	return func() { allow(true) }
}

// unavailableHeading is the heading of the Danish 503 page.
var unavailableHeading = views.DefaultError(http.StatusServiceUnavailable).Heading

// A caseworker who signs in while the database is down is told that the
// product is unavailable for a while, not that the login failed: the IdP's
// response was fine, and signing in again works once the database is back.
func TestSignInDuringOutage_GivesThe503PageNotLoginFailed(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	p := c.get("/sagsbehandleradgang")
	p = c.submit(p, `form[data-testid="login-form"]`, url.Values{"username": {"berit"}, "password": {demo.Password}})

	end := s.outage(t)
	p = c.submit(p, `form[data-testid="saml-post-form"]`, nil)
	if p.Status != http.StatusServiceUnavailable {
		t.Errorf("status %d, want 503", p.Status)
	}
	if h := text(p, "page-heading"); h != unavailableHeading {
		t.Errorf("heading %q, want %q", h, unavailableHeading)
	}
	if strings.Contains(p.Body, "Login mislykkedes") {
		t.Error("the page says the login failed")
	}
	if strings.Contains(s.logs.String(), "SAML response refused") {
		t.Error("the outage is logged as a refused SAML response")
	}

	end()
	// Still signed in at the IdP, which answers at once.
	p = c.submit(c.get("/sagsbehandleradgang"), `form[data-testid="saml-post-form"]`, nil)
	if p.Status != http.StatusOK || !strings.HasSuffix(p.URL, "/sagsbehandleradgang") {
		t.Errorf("signing in after the outage: %d at %s", p.Status, p.URL)
	}
}

// lock takes a table lock in a transaction of the owner's, as a long
// migration or a stuck batch job would; the function it returns lets go.
func (s *stack) lock(t *testing.T, table, mode string) (release func()) {
	t.Helper()
	ctx := context.Background()
	tx, err := s.Owner.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, fmt.Sprintf(`LOCK TABLE %s IN %s MODE`, table, mode)); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() { once.Do(func() { _ = tx.Rollback(ctx) }) }
	t.Cleanup(release)
	return release
}

// A page whose query waits on a lock held elsewhere gives the 503 page
// within a few seconds instead of hanging: whichever of the statement
// timeout, the lock timeout and the request timeout is set ends the wait,
// and the defaults do too. The session lives on.
func TestQueryWaitingOnALock_Gives503WithinSeconds(t *testing.T) {
	for _, tt := range []struct {
		name   string
		env    []string
		within time.Duration
	}{
		{"lock timeout", []string{"DB_LOCK_TIMEOUT=300ms", "DB_STATEMENT_TIMEOUT=0", "REQUEST_TIMEOUT=0"}, 3 * time.Second},
		{"statement timeout", []string{"DB_LOCK_TIMEOUT=0", "DB_STATEMENT_TIMEOUT=300ms", "REQUEST_TIMEOUT=0"}, 3 * time.Second},
		{"request timeout", []string{"DB_LOCK_TIMEOUT=0", "DB_STATEMENT_TIMEOUT=0", "REQUEST_TIMEOUT=500ms"}, 3 * time.Second},
		{"defaults", nil, 8 * time.Second},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := startStack(t, tt.env...)
			c := s.actingFor(t, "berit", "anna")
			c.http.Timeout = 15 * time.Second
			release := s.lock(t, "citizens", "ACCESS EXCLUSIVE")

			start := time.Now()
			p := c.get("/borger/forside")
			if took := time.Since(start); took > tt.within {
				t.Errorf("the page took %v, want at most %v", took.Round(time.Millisecond), tt.within)
			}
			if p.Status != http.StatusServiceUnavailable {
				t.Errorf("status %d, want 503", p.Status)
			}
			if h := text(p, "page-heading"); h != unavailableHeading {
				t.Errorf("heading %q, want %q", h, unavailableHeading)
			}

			release()
			if p = c.get("/borger/forside"); p.Status != http.StatusOK {
				t.Errorf("after the lock is gone: status %d, want 200", p.Status)
			}
		})
	}
}

func TestLoadConfig_TimeoutsHaveDefaultsAndCanBeTurnedOff(t *testing.T) {
	load := func(env map[string]string) (Config, error) {
		env["DATABASE_URL"] = "postgres://localhost/x"
		return loadConfig(nil, func(k string) string { return env[k] })
	}
	c, err := load(map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := []time.Duration{c.StatementTimeout, c.LockTimeout, c.RequestTimeout}, []time.Duration{5 * time.Second, 3 * time.Second, 10 * time.Second}; !slices.Equal(got, want) {
		t.Errorf("defaults %v, want %v", got, want)
	}
	c, err = load(map[string]string{"DB_STATEMENT_TIMEOUT": "0", "DB_LOCK_TIMEOUT": "250ms", "REQUEST_TIMEOUT": "1m"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := []time.Duration{c.StatementTimeout, c.LockTimeout, c.RequestTimeout}, []time.Duration{0, 250 * time.Millisecond, time.Minute}; !slices.Equal(got, want) {
		t.Errorf("set %v, want %v", got, want)
	}
	_, err = load(map[string]string{"DB_STATEMENT_TIMEOUT": "-1s", "DB_LOCK_TIMEOUT": "soon"})
	for _, name := range []string{"DB_STATEMENT_TIMEOUT", "DB_LOCK_TIMEOUT"} {
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("error %v does not name %s", err, name)
		}
	}
}
