package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// idleFor makes every stored session look idle since d ago, as if the
// caseworker had left the desk.
func (s *stack) idleFor(t *testing.T, d time.Duration) {
	t.Helper()
	_, err := s.Owner.Exec(context.Background(), `
		UPDATE sessions SET last_seen = now() - $1::interval,
		    expires_at = LEAST(created_at + interval '8 hours', now() - $1::interval + interval '20 minutes')`, d)
	if err != nil {
		t.Fatal(err)
	}
}

func TestTopBar_SaysWhenTheSessionEnds(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	before := time.Now()
	p := c.get("/borger/forside")
	got := strings.Join(strings.Fields(text(p, "session-ends")), " ")
	var ok bool
	for _, at := range []time.Time{before.Add(20 * time.Minute), time.Now().Add(20 * time.Minute)} {
		want := "Du bliver logget ud kl. " + at.In(jobnet.Copenhagen).Format("15.04") + ", hvis du ikke er aktiv"
		ok = ok || got == want
	}
	if !ok {
		t.Errorf("top bar: %q, want it to say the session ends 20 minutes from now", got)
	}
	secs, _ := p.Doc.Find(`[data-testid="session-ends"]`).Attr("data-session-seconds")
	if secs < "1170" || secs > "1200" || len(secs) != 4 {
		t.Errorf("data-session-seconds = %q, want about 1200", secs)
	}
	if p.Doc.Find(`[data-testid="session-warning"][hidden] form[action="/sagsbehandleradgang/forlaeng"] [data-testid="session-extend"]`).Length() != 1 {
		t.Error("no hidden warning with the Forlæng form")
	}
	if p.Doc.Find(`script[src^="/static/session.js"]`).Length() != 1 {
		t.Error("session.js is not loaded")
	}
}

// Forlæng touches the session; it is no action on the citizen's data, so
// the read-only rule does not refuse it, and it moves the deadline.
func TestForlaeng_ExtendsTheSession(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	s.idleFor(t, 18*time.Minute)

	req, _ := http.NewRequest(http.MethodPost, s.BaseURL+"/sagsbehandleradgang/forlaeng", strings.NewReader("tilbage=%2Fborger%2Fforside"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	p := c.do(req)
	if p.Status != http.StatusOK {
		t.Fatalf("Forlæng: %d\n%s", p.Status, p.Body)
	}
	var got struct {
		Ends    string `json:"ends"`
		Seconds int    `json:"seconds"`
		Idle    bool   `json:"idle"`
	}
	if err := json.Unmarshal([]byte(p.Body), &got); err != nil {
		t.Fatalf("Forlæng answered %q: %v", p.Body, err)
	}
	if got.Seconds < 1170 || !got.Idle || !strings.HasPrefix(got.Ends, "kl. ") {
		t.Errorf("after Forlæng: %+v, want about 20 minutes left", got)
	}
	var left float64
	if err := s.Owner.QueryRow(context.Background(), `SELECT extract(epoch FROM max(expires_at) - now()) FROM sessions`).Scan(&left); err != nil {
		t.Fatal(err)
	}
	if left < 1170 {
		t.Errorf("the stored session ends in %.0f s after Forlæng, want about 1200", left)
	}

	// Without JavaScript the form leads back to the page, never elsewhere.
	if p := c.post("/sagsbehandleradgang/forlaeng", url.Values{"tilbage": {"/borger/planer"}}); p.Status != http.StatusOK || !strings.HasSuffix(p.URL, "/borger/planer") {
		t.Errorf("Forlæng without JavaScript: %d at %s, want /borger/planer", p.Status, p.URL)
	}
	if p := c.post("/sagsbehandleradgang/forlaeng", url.Values{"tilbage": {"//evil.example/"}}); !strings.HasPrefix(p.URL, s.BaseURL+"/sagsbehandleradgang") {
		t.Errorf("Forlæng with a foreign tilbage went to %s", p.URL)
	}
}

func TestIdleTimeout_SaysWhyTheCaseworkerWasLoggedOut(t *testing.T) {
	for _, tc := range []struct {
		name    string
		cleaned bool // the periodic clean-up has run since the timeout
	}{{"just now", false}, {"after the clean-up", true}} {
		t.Run(tc.name, func(t *testing.T) {
			s := startStack(t)
			c := s.actingFor(t, "berit", "anna")
			s.idleFor(t, 21*time.Minute)
			if tc.cleaned {
				if _, err := s.Owner.Exec(context.Background(), `UPDATE sessions SET data = '', name_id = '', session_index = ''`); err != nil {
					t.Fatal(err)
				}
			}
			p := c.get("/borger/jobsoegning/joblog")
			if p.Status != http.StatusOK || strings.HasPrefix(p.URL, s.IdPURL) {
				t.Fatalf("after 21 idle minutes: %d at %s", p.Status, p.URL)
			}
			if got, want := text(p, "logged-out-reason"), "Du er blevet logget ud, fordi du ikke har været aktiv i 20 minutter."; got != want {
				t.Errorf("reason %q, want %q", got, want)
			}
			if href, _ := p.Doc.Find(`[data-testid="login-again"]`).Attr("href"); href != "/sagsbehandleradgang" || text(p, "login-again") != "Log ind igen" {
				t.Errorf("Log ind igen: %q → %q", text(p, "login-again"), href)
			}
			if strings.Contains(p.Body, "Anna") || text(p, "citizen") != "" {
				t.Error("the timeout page shows the citizen")
			}
			// "Log ind igen" starts a new log-in.
			if p := c.get("/sagsbehandleradgang"); !strings.HasPrefix(p.URL, s.IdPURL) {
				t.Errorf("Log ind igen led to %s, want the IdP", p.URL)
			}
		})
	}
}

func TestLifetime_SaysWhyTheCaseworkerWasLoggedOut(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	if _, err := s.Owner.Exec(context.Background(), `UPDATE sessions SET created_at = now() - interval '8 hours 1 second',
		expires_at = now() - interval '1 second'`); err != nil {
		t.Fatal(err)
	}
	p := c.post("/sagsbehandleradgang", url.Values{"cpr": {"0101011234"}})
	if got := text(p, "logged-out-reason"); !strings.Contains(got, "8 timer") {
		t.Errorf("reason %q, want it to name the 8 hours", got)
	}
}

// With JavaScript, the caseworker is warned two minutes before the idle
// timeout, can press Forlæng without leaving the page, and after a timeout
// is told why they were logged out.
func TestBrowser_SessionWarningForlaengAndTimeout(t *testing.T) {
	s := startStack(t, "SESSION_IDLE_TIMEOUT=2m5s")
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "berit")
	b.lookUp(ctx, demo.CitizenByKey("anna").CPR, "welcome")
	if got := b.text(ctx, "session-ends"); !strings.HasPrefix(got, "Du bliver logget ud kl. ") || !strings.HasSuffix(got, ", hvis du ikke er aktiv") {
		t.Errorf("top bar: %q", got)
	}

	// 2 minutes 5 seconds idle: the warning comes after 5 seconds.
	b.do(ctx, chromedp.WaitVisible(testid("session-warning")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('[data-testid="session-warning-text"]').textContent !== ""`)); err != nil {
		t.Fatalf("warning text: %v", err)
	}
	if got := b.text(ctx, "session-warning-text"); !strings.Contains(got, "Du bliver logget ud kl. ") || !strings.Contains(got, "Forlæng") {
		t.Errorf("warning: %q", got)
	}
	focused, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.getAttribute("data-testid") || ""`))
	if err != nil || focused != "session-extend" {
		t.Errorf("focus on %q (%v), want the Forlæng button", focused, err)
	}
	b.checkAccessibility(ctx, "advarsel om log ud")
	b.screenshotWidths(ctx, "session-01-advarsel", "Advarsel om log-ud")

	// Forlæng 5 seconds after the last request still moves the deadline.
	b.do(ctx, chromedp.Click(testid("session-extend")), chromedp.WaitNotVisible(testid("session-warning")))
	var left float64
	if err := s.Owner.QueryRow(context.Background(), `SELECT extract(epoch FROM max(expires_at) - now()) FROM sessions`).Scan(&left); err != nil {
		t.Fatal(err)
	}
	if left < 123 {
		t.Errorf("after Forlæng the session ends in %.0f s, want 125", left)
	}
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.HasSuffix(loc, "/borger/forside") {
		t.Errorf("Forlæng left the page for %s", loc)
	}

	// The caseworker went away; the session timed out.
	if _, err := s.Owner.Exec(context.Background(), `UPDATE sessions SET last_seen = now() - interval '3 minutes', expires_at = now() - interval '1 second'`); err != nil {
		t.Fatal(err)
	}
	b.do(ctx, chromedp.Click(testid("tab-planer")), chromedp.WaitVisible(testid("logged-out-reason")))
	if got := b.text(ctx, "logged-out-reason"); got != "Du er blevet logget ud, fordi du ikke har været aktiv i 2 minutter." {
		t.Errorf("reason: %q", got)
	}
	b.checkAccessibility(ctx, "logget ud efter inaktivitet")
	b.screenshotWidths(ctx, "session-02-logget-ud-inaktiv", "Logget ud efter inaktivitet")
	// Log ind igen: a new log-in (the development IdP may remember the caseworker).
	b.do(ctx, chromedp.Click(testid("login-again")), chromedp.WaitVisible(chromedp.CSS(`#username, [data-testid="cpr-input"]`)))
}
