package main

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
)

// The citizen's own side (SPEC §6, seed 001 billede 1): a citizen signs in
// with MitID as themself and sees in Historik → Login who looked.

// personLogin starts at the citizen's entry page, presses "Log ind med
// MitID" and signs in at the development IdP as the demo citizen.
func (c *client) personLogin(key string) page {
	c.t.Helper()
	p := c.get("/min-side")
	href, ok := p.Doc.Find(`[data-testid="person-login"]`).Attr("href")
	if !ok {
		c.t.Fatalf("no \"Log ind med MitID\" on /min-side (%d):\n%s", p.Status, p.Body)
	}
	p = c.get(href)
	if !strings.HasPrefix(p.URL, c.s.IdPURL) {
		c.t.Fatalf("not sent to the IdP to sign in: at %s (%d)", p.URL, p.Status)
	}
	p = c.submit(p, `form[data-testid="login-form"]`, url.Values{"username": {key}, "password": {demo.Password}})
	return c.submit(p, `form[data-testid="saml-post-form"]`, nil)
}

// ownHistory is the rows of Historik → Login as the citizen reads them:
// date and time, organisation, caseworker, way in.
func ownHistory(p page) [][]string {
	var rows [][]string
	p.Doc.Find(`[data-testid="own-history-entry"]`).Each(func(_ int, tr *goquery.Selection) {
		var cells []string
		tr.Find("td").Each(func(_ int, td *goquery.Selection) {
			cells = append(cells, strings.TrimSpace(whitespace.ReplaceAllString(td.Text(), " ")))
		})
		rows = append(rows, cells)
	})
	return rows
}

// danishTime is "2. dec. 2026 kl. 09.41".
var danishTime = regexp.MustCompile(`^\d{1,2}\. (jan\.|feb\.|mar\.|apr\.|maj|jun\.|jul\.|aug\.|sep\.|okt\.|nov\.|dec\.) \d{4} kl\. \d{2}\.\d{2}$`)

func TestPerson_SeesExactlyTheLookUpsOfThemAndNoOtherCitizens(t *testing.T) {
	s := startStack(t)
	s.actingFor(t, "berit", "anna")
	s.actingFor(t, "nina", "maja")
	berit := s.actingFor(t, "berit", "maja")
	if p := berit.lookUp(demo.CitizenByKey("emma").CPR); p.Status != http.StatusForbidden {
		t.Fatalf("Berit looking up Emma: %d, want refused", p.Status) // and no entry in Emma's history
	}

	tests := []struct {
		citizen string
		want    [][2]string // caseworker, organisation, newest first
	}{
		{"anna", [][2]string{{"Berit Hansen", demo.OrgFagenesAkasse.Name}}},
		{"maja", [][2]string{{"Berit Hansen", demo.OrgFagenesAkasse.Name}, {"Nina Pettersen", demo.OrgJobcenterAarhus.Name}}},
		{"emma", nil},
	}
	for _, tt := range tests {
		t.Run(tt.citizen, func(t *testing.T) {
			c := s.newClient(t)
			p := c.personLogin(tt.citizen)
			if p.Status != http.StatusOK || !strings.HasSuffix(p.URL, "/min-side/historik") {
				t.Fatalf("after sign-in: %d at %s", p.Status, p.URL)
			}
			if got := text(p, "person"); got != demo.CitizenByKey(tt.citizen).Name {
				t.Errorf("top bar names %q", got)
			}
			var got [][2]string
			for _, row := range ownHistory(p) {
				if len(row) != 4 {
					t.Fatalf("row %q: want 4 columns", row)
				}
				if !danishTime.MatchString(row[0]) {
					t.Errorf("date and time %q, want e.g. \"2. dec. 2026 kl. 09.41\"", row[0])
				}
				if row[3] != "via Sagsbehandleradgang til Jobnet" {
					t.Errorf("way in %q", row[3])
				}
				got = append(got, [2]string{row[2], row[1]})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Historik → Login (-want +got):\n%s", diff)
			}
			if tt.want == nil && text(p, "own-history-empty") != "Der er ingen logins i din historik." {
				t.Errorf("an empty history says %q", text(p, "own-history-empty"))
			}
			for _, other := range demo.Citizens {
				if other.Key != tt.citizen && strings.Contains(p.Body, other.Name) {
					t.Errorf("the page names %s", other.Name)
				}
			}
		})
	}
}

// A citizen's session is a kind of its own: it reaches no caseworker page
// and can look nobody up, and a caseworker's session does not reach the
// citizen's page.
func TestPerson_AndCaseworkerSessionsKeepToTheirOwnPages(t *testing.T) {
	s := startStack(t)
	anna := s.newClient(t)
	anna.personLogin("anna")
	// The session holds the citizen's id, not the CPR number.
	cprDigits := []byte(demo.CitizenByKey("anna").CPR)
	if n := s.count(t, `SELECT count(*) FROM sessions WHERE position($1::bytea IN data) > 0 OR name_id LIKE '%' || $2 || '%'`,
		cprDigits, string(cprDigits)); n != 0 {
		t.Errorf("%d sessions hold the citizen's CPR number", n)
	}
	if n := s.count(t, `SELECT count(*) FROM sessions`); n != 1 {
		t.Errorf("%d sessions after the citizen's sign-in, want 1", n)
	}
	for _, path := range []string{"/sagsbehandleradgang", "/borger/forside", "/sagsbehandleradgang/organisation"} {
		p := anna.get(path)
		if p.Status != http.StatusForbidden || text(p, "page-heading") != "Ingen adgang" {
			t.Errorf("citizen at %s: %d %q, want 403 Ingen adgang", path, p.Status, text(p, "page-heading"))
		}
	}
	if p := anna.lookUp(demo.CitizenByKey("maja").CPR); p.Status != http.StatusForbidden || strings.Contains(p.Body, "Maja") {
		t.Errorf("citizen's look-up: %d", p.Status)
	}
	if n := s.count(t, `SELECT count(*) FROM citizen_history`); n != 0 {
		t.Errorf("a citizen's session wrote %d history entries", n)
	}

	berit := s.actingFor(t, "berit", "anna")
	p := berit.get("/min-side/historik")
	if p.Status != http.StatusForbidden || text(p, "message") != "Siden er kun for borgeren selv. Du er logget ind som sagsbehandler." {
		t.Errorf("caseworker at the citizen's page: %d %q", p.Status, text(p, "message"))
	}
	if len(ownHistory(p)) != 0 {
		t.Error("the caseworker sees the citizen's history")
	}

	// Without a session the history leads to the entry page.
	if p := s.newClient(t).get("/min-side/historik"); !strings.HasSuffix(p.URL, "/min-side") || text(p, "person-login") != "Log ind med MitID" {
		t.Errorf("no session: at %s", p.URL)
	}
}

func TestPerson_LogsOutAtUsAndTheIdP(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	c.personLogin("anna")
	p := c.submit(c.get("/min-side/historik"), `form.app-logout`, nil)
	if p.Status != http.StatusOK || !strings.HasSuffix(p.URL, "/logget-ud") {
		t.Fatalf("after log out: %d at %s", p.Status, p.URL)
	}
	if n := s.count(t, `SELECT count(*) FROM sessions`); n != 0 {
		t.Errorf("%d sessions left after log out", n)
	}
	p = c.get("/min-side/log-ind")
	if !strings.HasPrefix(p.URL, s.IdPURL) || p.Doc.Find(`form[data-testid="login-form"]`).Length() == 0 {
		t.Errorf("after log out, signing in again leads to %s without the IdP's login form", p.URL)
	}
	anna := demo.CitizenByKey("anna")
	if strings.Contains(s.logs.String(), anna.CPR[:6]) {
		t.Error("the log contains the citizen's CPR date part")
	}
	for _, cookie := range c.http.Jar.Cookies(&url.URL{Scheme: "http", Host: strings.TrimPrefix(s.BaseURL, "http://")}) {
		if strings.Contains(cookie.Value, anna.CPR[:6]) {
			t.Errorf("cookie %s holds the CPR", cookie.Name)
		}
	}
}

// Caseworker Berit looks Anna up; Anna signs in as herself and sees it.
func TestBrowser_CitizenSeesWhoLookedInHistorikLogin(t *testing.T) {
	s := startStack(t)
	s.actingFor(t, "nina", "maja") // Maja's, which Anna must not see
	b := newBrowser(t, s)

	cw := b.tab()
	b.signIn(cw, "berit")
	b.lookUp(cw, demo.CitizenByKey("anna").CPR, "welcome")

	ctx := b.tab()
	b.do(ctx, chromedp.Navigate(s.BaseURL+"/min-side"), chromedp.WaitVisible(testid("person-login")))
	b.screenshot(ctx, "borger-01-log-ind")
	b.checkAccessibility(ctx, "Borgerens indgang")
	b.do(ctx,
		chromedp.Click(testid("person-login")),
		chromedp.WaitVisible(chromedp.ID("username")),
		chromedp.SendKeys(chromedp.ID("username"), "anna"),
		chromedp.SendKeys(chromedp.ID("password"), demo.Password),
		chromedp.Click(chromedp.CSS(`[data-testid="login-form"] button[type="submit"]`)),
		chromedp.WaitVisible(testid("own-history")),
	)
	if got := b.text(ctx, "own-history-entry"); !strings.Contains(got, "Berit Hansen") ||
		!strings.Contains(got, demo.OrgFagenesAkasse.Name) || !strings.Contains(got, "via Sagsbehandleradgang til Jobnet") {
		t.Errorf("the entry reads %q", got)
	}
	if got := b.text(ctx, "own-history"); strings.Contains(got, "Nina Pettersen") {
		t.Errorf("Anna sees Maja's entry: %q", got)
	}
	b.screenshotWidths(ctx, "borger-02-historik-login", "Historik → Login")

	// The caseworkers' pages are closed to her.
	b.do(ctx, chromedp.Navigate(s.BaseURL+"/sagsbehandleradgang"), chromedp.WaitVisible(testid("page-heading")))
	if got := b.text(ctx, "page-heading"); got != "Ingen adgang" {
		t.Errorf("citizen at /sagsbehandleradgang sees %q", got)
	}
	b.do(ctx, chromedp.Navigate(s.BaseURL+"/min-side/historik"), chromedp.WaitVisible(testid("logout")),
		chromedp.Click(testid("logout")), chromedp.WaitVisible(testid("login-again")))
}

// Twenty entries a page, newest first; "Næste side" leads on, and a page
// that does not exist is not found.
func TestPerson_HistoryIsPaged(t *testing.T) {
	s := startStack(t)
	berit := s.actingFor(t, "berit", "anna")
	for range 20 {
		berit.lookUp(demo.CitizenByKey("anna").CPR)
	}
	c := s.newClient(t)
	p := c.personLogin("anna")
	if n := len(ownHistory(p)); n != 20 {
		t.Errorf("page 1 has %d entries, want 20", n)
	}
	if got := text(p, "own-history-page"); got != "Side 1 af 2" {
		t.Errorf("paging says %q", got)
	}
	next, _ := p.Doc.Find(`[data-testid="own-history-next"]`).Attr("href")
	p2 := c.get(next)
	if n := len(ownHistory(p2)); p2.Status != http.StatusOK || n != 1 {
		t.Errorf("page 2: %d with %d entries, want 200 with 1", p2.Status, n)
	}
	if p2.Doc.Find(`[data-testid="own-history-next"]`).Length() != 0 || p2.Doc.Find(`[data-testid="own-history-prev"]`).Length() != 1 {
		t.Error("page 2 of 2 must link back and not on")
	}
	for _, side := range []string{"3", "0", "x"} {
		if p := c.get("/min-side/historik?side=" + side); p.Status != http.StatusNotFound {
			t.Errorf("?side=%s: %d, want 404", side, p.Status)
		}
	}
}

// A person the DFDG copy does not know gets "Ingen adgang" and no session.
func TestPerson_UnknownToJobnetIsToldSoAndGetsNoSession(t *testing.T) {
	s := startStack(t)
	if _, err := s.Owner.Exec(context.Background(), `UPDATE citizens SET cpr = $1 WHERE cpr = $2`,
		demo.UnknownCPR, demo.CitizenByKey("anna").CPR); err != nil {
		t.Fatal(err)
	}
	p := s.newClient(t).personLogin("anna")
	if p.Status != http.StatusForbidden || text(p, "page-heading") != "Ingen adgang" ||
		text(p, "message") != "Vi kan ikke finde dig i Jobnet. Der er derfor ingen historik at vise." {
		t.Errorf("unknown person: %d %q %q", p.Status, text(p, "page-heading"), text(p, "message"))
	}
	if n := s.count(t, `SELECT count(*) FROM sessions WHERE octet_length(data) > 0 AND name_id <> ''`); n != 0 {
		t.Errorf("%d signed-in sessions for a person Jobnet does not know", n)
	}
}
