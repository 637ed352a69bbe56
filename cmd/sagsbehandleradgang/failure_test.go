package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
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

// A caseworker who closes the tab while the server waits for the database
// is no error of ours: the request is logged and counted with status 499
// (nginx's "client closed request"), nothing is logged at error level, no
// 5xx is counted, and a look-up is not counted as failed.
func TestClientThatGoesAway_IsNotLoggedOrCountedAsAnError(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	for _, tt := range []struct {
		name        string
		table, mode string // the lock the request waits on
		req         func() *http.Request
	}{
		{"page", "citizens", "ACCESS EXCLUSIVE", func() *http.Request {
			r, _ := http.NewRequest(http.MethodGet, s.BaseURL+"/borger/forside", nil)
			return r
		}},
		{"look-up", "citizen_history", "EXCLUSIVE", func() *http.Request {
			form := url.Values{"cpr": {demo.CitizenByKey("anna").CPR}}
			r, _ := http.NewRequest(http.MethodPost, s.BaseURL+"/sagsbehandleradgang", strings.NewReader(form.Encode()))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			return r
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			release := s.lock(t, tt.table, tt.mode)
			defer release()
			before := len(s.requestLogs(t))
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan struct{})
			go func() {
				defer close(done)
				if resp, err := c.http.Do(tt.req().WithContext(ctx)); err == nil {
					resp.Body.Close()
					t.Errorf("the request was answered: %d", resp.StatusCode)
				}
			}()
			s.waitForLockWait(t)
			cancel()
			<-done

			var logged map[string]any
			for deadline := time.Now().Add(5 * time.Second); logged == nil; {
				if l := s.requestLogs(t); len(l) > before {
					logged = l[before]
				} else if time.Now().After(deadline) {
					t.Fatal("the request is not logged")
				}
				time.Sleep(20 * time.Millisecond)
			}
			if logged["status"] != float64(499) {
				t.Errorf("logged with status %v, want 499", logged["status"])
			}
		})
	}
	if strings.Contains(s.logs.String(), `"level":"ERROR"`) {
		t.Errorf("errors logged:\n%s", s.logs)
	}
	m := c.get(s.MetricsURL).Body
	if regexp.MustCompile(`status="5\d\d"`).MatchString(m) {
		t.Errorf("a 5xx is counted:\n%s", grepLines(m, `status="`))
	}
	if strings.Contains(m, `outcome="failed"`) {
		t.Errorf("a failed look-up is counted:\n%s", grepLines(m, `outcome="`))
	}
}

// waitForLockWait waits until a query in the stack's database waits for a lock.
func (s *stack) waitForLockWait(t *testing.T) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		var n int
		if err := s.Owner.QueryRow(context.Background(), `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("no query waits for the lock")
		}
	}
}

// requestLogs are the server's request log lines so far.
func (s *stack) requestLogs(t *testing.T) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(s.logs.String(), "\n") {
		var rec map[string]any
		if json.Unmarshal([]byte(line), &rec) == nil && rec["msg"] == "request" {
			out = append(out, rec)
		}
	}
	return out
}

// grepLines are the lines of s that contain substr.
func grepLines(s, substr string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, substr) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// HEAD works wherever GET does (monitoring and link checkers use it): the
// same status and content type, and no body.
func TestHEAD_AnswersLikeGET(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	for _, path := range []string{
		"/healthz", "/readyz", "/saml/metadata", "/logget-ud", "/static/app.css",
		"/borger/forside", "/borger/planer/min-plan", "/borger/jobsoegning/cv", "/findes-ikke",
		"/sagsbehandleradgang",
	} {
		get := c.get(path)
		req, _ := http.NewRequest(http.MethodHead, c.abs(path), nil)
		head := c.do(req)
		if head.Status != get.Status || head.Header.Get("Content-Type") != get.Header.Get("Content-Type") {
			t.Errorf("HEAD %s: %d %q; GET: %d %q", path, head.Status, head.Header.Get("Content-Type"), get.Status, get.Header.Get("Content-Type"))
		}
		if head.Body != "" {
			t.Errorf("HEAD %s has a body", path)
		}
	}
}

// /static/ serves files only: a folder is not listed, and a folder or a
// missing file gets the Danish 404 page, which browsers are not told to keep.
func TestStatic_ListsNoFoldersAndAnswersTheDanish404(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	notFound := views.DefaultError(http.StatusNotFound).Heading
	for _, path := range []string{
		"/static/", "/static/dkfds/", "/static/dkfds", "/static/dkfds/css/",
		"/static/findes-ikke.css", "/static/dkfds/css/findes-ikke.css", "/static/../go.mod",
	} {
		p := c.get(path)
		if p.Status != http.StatusNotFound || text(p, "page-heading") != notFound {
			t.Errorf("%s: %d, heading %q; want 404 %q", path, p.Status, text(p, "page-heading"), notFound)
		}
		if strings.Contains(p.Body, "<pre>") || strings.Contains(p.Body, `href="app.css"`) || strings.Contains(p.Body, `href="css/"`) {
			t.Errorf("%s lists a folder:\n%s", path, p.Body)
		}
		if strings.Contains(p.Header.Get("Cache-Control"), "max-age") {
			t.Errorf("%s: browsers may keep the 404 (Cache-Control %q)", path, p.Header.Get("Cache-Control"))
		}
	}
	for _, path := range []string{"/static/app.css", "/static/dkfds/css/dkfds.min.css"} {
		if p := c.get(path); p.Status != http.StatusOK || p.Header.Get("Cache-Control") != "public, max-age=86400" {
			t.Errorf("%s: %d, Cache-Control %q", path, p.Status, p.Header.Get("Cache-Control"))
		}
	}
}
