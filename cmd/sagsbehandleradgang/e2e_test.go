package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
)

const refusalText = "Du har ikke rettigheder til den valgte borger"

func (s *stack) count(t *testing.T, sql string, args ...any) int {
	t.Helper()
	return count(t, s.Owner, sql, args...)
}

func count(t *testing.T, pool *pgxpool.Pool, sql string, args ...any) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestAkasseCaseworker_SeesPermittedCitizenAndHistoryGetsOneLoginEntry(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	p := c.login("berit")
	if p.Status != http.StatusOK || text(p, "page-heading") != "Se Jobnet som borgeren ser det" {
		t.Fatalf("after login: %d at %s, heading %q", p.Status, p.URL, text(p, "page-heading"))
	}
	anna := demo.CitizenByKey("anna")
	p = c.lookUp(anna.CPR[:6] + "-" + anna.CPR[6:])
	if p.Status != http.StatusOK || !strings.HasSuffix(p.URL, "/borger/forside") {
		t.Fatalf("look-up: %d at %s", p.Status, p.URL)
	}
	if got := text(p, "citizen"); !strings.Contains(got, "På vegne af borger: Anna Jensen") {
		t.Errorf("top bar says %q, want På vegne af borger: Anna Jensen", got)
	}
	if got := text(p, "caseworker"); !strings.Contains(got, "Berit Hansen") {
		t.Errorf("top bar caseworker = %q", got)
	}
	if got := text(p, "organisation"); !strings.Contains(got, demo.OrgFagenesAkasse.Name) {
		t.Errorf("top bar organisation = %q", got)
	}
	if strings.Contains(p.URL, anna.CPR) || strings.Contains(p.URL, anna.CPR[:6]) {
		t.Errorf("CPR in URL %s", p.URL)
	}
	if n := s.count(t, `SELECT count(*) FROM citizen_history h JOIN citizens c ON c.id = h.citizen_id
		WHERE c.cpr = $1 AND h.category = 'Login' AND h.caseworker_name = 'Berit Hansen' AND h.organisation_name = $2 AND h.via = $3`,
		anna.CPR, demo.OrgFagenesAkasse.Name, postgres.Via); n != 1 {
		t.Errorf("%d Login entries naming Berit Hansen of %s, want exactly 1", n, demo.OrgFagenesAkasse.Name)
	}
	// Reading pages does not write the history again.
	c.get("/borger/jobsoegning")
	c.get("/borger/planer")
	if n := s.count(t, `SELECT count(*) FROM citizen_history`); n != 1 {
		t.Errorf("%d history entries after browsing, want 1", n)
	}

	// "Skift til anden borger" drops the citizen.
	p = c.get("/sagsbehandleradgang")
	if strings.Contains(p.Body, "Anna Jensen") {
		t.Error("CPR page still shows the previous citizen")
	}
	if p = c.get("/borger/forside"); !strings.HasSuffix(p.URL, "/sagsbehandleradgang") {
		t.Errorf("citizen page after switching leads to %s, want the CPR page", p.URL)
	}
	// Another a-kasse's member: the refusal, and no history entry.
	emma := demo.CitizenByKey("emma")
	p = c.lookUp(emma.CPR)
	if p.Status != http.StatusForbidden || text(p, "refusal") != refusalText {
		t.Errorf("other a-kasse's member: %d, refusal %q", p.Status, text(p, "refusal"))
	}
	if n := s.count(t, `SELECT count(*) FROM citizen_history h JOIN citizens c ON c.id = h.citizen_id WHERE c.cpr = $1`, emma.CPR); n != 0 {
		t.Errorf("refused look-up wrote %d history entries", n)
	}
	if n := s.count(t, `SELECT count(*) FROM refused_lookups WHERE cpr = $1 AND reason = 'not_member_of_akasse'`, emma.CPR); n != 1 {
		t.Errorf("refused look-up recorded %d times, want 1", n)
	}
}

// Unknown CPR, another a-kasse's member and the wrong kontaktgruppe get the
// same status and the same bytes (SPEC §3).
func TestRefusals_AreIndistinguishable(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	c.login("berit")
	var first page
	for i, cpr := range []string{demo.UnknownCPR, demo.CitizenByKey("emma").CPR, demo.CitizenByKey("dennis").CPR,
		demo.CitizenByKey("ida").CPR, demo.CitizenByKey("frederik").CPR, demo.CitizenByKey("karen").CPR} {
		p := c.lookUp(cpr)
		if p.Status != http.StatusForbidden {
			t.Errorf("look-up %d: status %d, want 403", i, p.Status)
		}
		if i == 0 {
			first = p
			if text(p, "refusal") != refusalText {
				t.Fatalf("refusal text = %q", text(p, "refusal"))
			}
			continue
		}
		if p.Body != first.Body {
			t.Errorf("look-up %d: body differs from the unknown CPR's", i)
		}
	}
}

// The field keeps a malformed input to correct, but not one that holds a
// CPR number with a typo (ten digits or more): that is shown nowhere.
func TestMalformedCPR_GetsTheFormatMessageAndKeepsTheInputButNoNumber(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	c.login("berit")
	for _, tt := range []struct{ in, field string }{
		{"12345", "12345"},
		{"abcdefghij", "abcdefghij"},
		{"3104901234", ""},   // 31 April
		{"1203854417x", ""},  // a letter too many
		{"120385-44170", ""}, // a digit too many
		{"tol\x07 æøåæøåæøåæøåæøåæøå", "tol æøåæøåæøåæøåæøåæ"}, // 20 characters, no control character
	} {
		p := c.lookUp(tt.in)
		if p.Status != http.StatusBadRequest || !strings.HasSuffix(text(p, "cpr-error"), server.TextMalformedCPR) {
			t.Errorf("%q: status %d, error %q", tt.in, p.Status, text(p, "cpr-error"))
		}
		if v, _ := p.Doc.Find(`[data-testid="cpr-input"]`).Attr("value"); v != tt.field {
			t.Errorf("%q: field holds %q, want %q", tt.in, v, tt.field)
		}
		if tt.field == "" && strings.Contains(p.Body, tt.in[:10]) {
			t.Errorf("%q: the page shows the number", tt.in)
		}
	}
	if n := s.count(t, `SELECT count(*) FROM refused_lookups`); n != 0 {
		t.Errorf("malformed input recorded %d refused look-ups", n)
	}
}

func TestAccessLogFailure_ShowsNoCitizenData(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	c.login("berit")
	if _, err := s.Owner.Exec(context.Background(), `REVOKE INSERT ON citizen_history FROM `+postgres.AppRole); err != nil {
		t.Fatal(err)
	}
	anna := demo.CitizenByKey("anna")
	p := c.lookUp(anna.CPR)
	if p.Status != http.StatusServiceUnavailable {
		t.Errorf("status %d, want 503", p.Status)
	}
	if strings.Contains(p.Body, anna.Name) {
		t.Error("the citizen's name is shown although the access log was not written")
	}
	if !strings.Contains(p.Body, server.TextAccessLogDown) {
		t.Error("no clear message that the look-up could not be logged")
	}
	if p = c.get("/borger/forside"); strings.Contains(p.Body, anna.Name) || !strings.HasSuffix(p.URL, "/sagsbehandleradgang") {
		t.Errorf("citizen page reachable after a failed access log: %d at %s", p.Status, p.URL)
	}
}

// The access rule holds on every request: a citizen who leaves the a-kasse
// disappears from view at once (SPEC §3).
func TestCitizenWhoLeavesTheAkasse_DisappearsAtOnce(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	c.login("berit")
	anna := demo.CitizenByKey("anna")
	if p := c.lookUp(anna.CPR); p.Status != http.StatusOK {
		t.Fatalf("look-up: %d", p.Status)
	}
	if _, err := s.Owner.Exec(context.Background(), `UPDATE akasse_memberships SET valid_to = current_date - 1
		WHERE citizen_id = (SELECT id FROM citizens WHERE cpr = $1)`, anna.CPR); err != nil {
		t.Fatal(err)
	}
	p := c.get("/borger/jobsoegning")
	if p.Status != http.StatusForbidden || text(p, "refusal") != refusalText || strings.Contains(p.Body, anna.Name) {
		t.Errorf("after leaving the a-kasse: %d, refusal %q, name shown %v", p.Status, text(p, "refusal"), strings.Contains(p.Body, anna.Name))
	}
}

func TestJobcenterCaseworker_SeesOwnCitizensOnly(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	c.login("nina")
	if p := c.lookUp(demo.CitizenByKey("lars").CPR); p.Status != http.StatusOK || !strings.Contains(text(p, "citizen"), "Lars Winther") {
		t.Errorf("own kontaktgruppe 7 citizen: %d, top bar %q", p.Status, text(p, "citizen"))
	}
	c.get("/sagsbehandleradgang")
	if p := c.lookUp(demo.CitizenByKey("hans").CPR); p.Status != http.StatusForbidden || text(p, "refusal") != refusalText {
		t.Errorf("other jobcenter's citizen: %d", p.Status)
	}
	if n := s.count(t, `SELECT count(*) FROM citizen_history WHERE organisation_name = 'Jobcenter Aarhus'`); n != 1 {
		t.Errorf("%d Login entries for Jobcenter Aarhus, want 1", n)
	}
}

func TestCaseworkerWithTwoOrganisations_PicksOne(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	p := c.login("mads")
	if !strings.HasSuffix(p.URL, "/sagsbehandleradgang/organisation") {
		t.Fatalf("after login at %s, want the organisation picker", p.URL)
	}
	// Without a choice, the CPR page sends back to the picker.
	if p = c.get("/sagsbehandleradgang"); !strings.HasSuffix(p.URL, "/sagsbehandleradgang/organisation") {
		t.Errorf("CPR page without an organisation: at %s", p.URL)
	}
	var jobcenterID, akasseID string
	p.Doc.Find(`input[name="org"]`).Each(func(_ int, in *goquery.Selection) {
		id, _ := in.Attr("value")
		label := p.Doc.Find(`label[for="` + attr(in, "id") + `"]`).Text()
		if strings.Contains(label, "Jobcenter Aarhus") {
			jobcenterID = id
		}
		if strings.Contains(label, demo.OrgFagenesAkasse.Name) {
			akasseID = id
		}
	})
	if jobcenterID == "" || akasseID == "" {
		t.Fatalf("picker does not offer both organisations:\n%s", p.Body)
	}
	p = c.post("/sagsbehandleradgang/organisation", url.Values{"org": {jobcenterID}})
	if !strings.HasSuffix(p.URL, "/sagsbehandleradgang") || !strings.Contains(text(p, "organisation"), "Jobcenter Aarhus") {
		t.Fatalf("after choosing the jobcenter: at %s, organisation %q", p.URL, text(p, "organisation"))
	}
	lars := demo.CitizenByKey("lars").CPR
	if p = c.lookUp(lars); p.Status != http.StatusOK {
		t.Errorf("jobcenter: kontaktgruppe 7 citizen refused (%d)", p.Status)
	}
	// Changing organisation returns to the CPR page and drops the citizen.
	p = c.post("/sagsbehandleradgang/organisation", url.Values{"org": {akasseID}})
	if strings.Contains(p.Body, "Lars Winther") || !strings.Contains(text(p, "organisation"), demo.OrgFagenesAkasse.Name) {
		t.Errorf("after switching to the a-kasse: organisation %q", text(p, "organisation"))
	}
	if p = c.lookUp(lars); p.Status != http.StatusForbidden {
		t.Errorf("a-kasse: non-member allowed (%d)", p.Status)
	}
	// An organisation the user is not in is refused.
	if p = c.post("/sagsbehandleradgang/organisation", url.Values{"org": {"999999"}}); p.Status != http.StatusBadRequest {
		t.Errorf("foreign organisation: status %d, want 400", p.Status)
	}
}

func attr(s *goquery.Selection, name string) string {
	v, _ := s.Attr(name)
	return v
}

func TestUsersWithoutAccess_AreToldWhyAndGetNoSession(t *testing.T) {
	s := startStack(t)
	for _, tc := range []struct{ username, want string }{
		{"ole", "anden aktør"},
		{"kirsten", "deaktiveret"},
		{"peter", "rollen 'Sagsbehandler'"},
		{"sofie", "ikke oprettet som bruger"},
	} {
		t.Run(tc.username, func(t *testing.T) {
			c := s.newClient(t)
			p := c.login(tc.username)
			if p.Status != http.StatusForbidden || !strings.Contains(text(p, "message"), tc.want) {
				t.Errorf("status %d; page says %q, want it to say %q", p.Status, text(p, "message"), tc.want)
			}
			if p = c.get("/sagsbehandleradgang"); !strings.HasPrefix(p.URL, s.IdPURL) {
				t.Errorf("a session was made: CPR page at %s", p.URL)
			}
		})
	}
	if n := s.count(t, `SELECT count(*) FROM sessions`); n != 0 {
		t.Errorf("%d sessions stored for users without access", n)
	}
}

func TestCitizenPages_RefuseEveryChange(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	c.login("berit")
	c.lookUp(demo.CitizenByKey("anna").CPR)
	for _, path := range []string{"/borger/forside", "/borger/jobsoegning/joblog", "/borger/planer/moeder"} {
		p := c.post(path, url.Values{"titel": {"Ny log"}})
		if p.Status != http.StatusForbidden || !strings.Contains(p.Body, server.TextActionRefused) {
			t.Errorf("POST %s: %d, message shown %v", path, p.Status, strings.Contains(p.Body, server.TextActionRefused))
		}
	}
}

func TestSecurityHeadersAndCookies(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	c.login("berit")
	p := c.lookUp(demo.CitizenByKey("anna").CPR)
	csp := p.Header.Get("Content-Security-Policy")
	for _, want := range []string{"script-src 'self'", "frame-ancestors 'none'", "default-src 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP allows inline: %q", csp)
	}
	if got := p.Header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("citizen page Cache-Control = %q, want no-store", got)
	}
	if p.Header.Get("Strict-Transport-Security") != "" {
		t.Error("HSTS sent over plain http")
	}
	u, _ := url.Parse(s.BaseURL)
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == "sba_session" {
			return
		}
	}
	t.Error("no session cookie")
}

func TestSessionCookie_HasTheRightFlags(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	c.http.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	p := c.get("/sagsbehandleradgang")
	idp := &client{t: t, s: s, http: &http.Client{Jar: c.http.Jar}}
	p = idp.get(p.Header.Get("Location"))
	p = idp.submit(p, `form[data-testid="login-form"]`, url.Values{"username": {"berit"}, "password": {demo.Password}})
	p = c.submit(p, `form[data-testid="saml-post-form"]`, nil)
	var cookie string
	for _, sc := range p.Header.Values("Set-Cookie") {
		if strings.HasPrefix(sc, "sba_session=") {
			cookie = sc
		}
	}
	if cookie == "" {
		t.Fatalf("ACS set no session cookie: %v", p.Header.Values("Set-Cookie"))
	}
	for _, want := range []string{"HttpOnly", "SameSite=Lax", "Path=/"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("session cookie %q lacks %s", cookie, want)
		}
	}
}

func TestCrossOriginPost_IsRefused(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	c.login("berit")
	req, _ := http.NewRequest(http.MethodPost, s.BaseURL+"/sagsbehandleradgang", strings.NewReader("cpr="+demo.CitizenByKey("anna").CPR))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if p := c.do(req); p.Status != http.StatusForbidden {
		t.Errorf("cross-site POST: %d, want 403", p.Status)
	}
	if n := s.count(t, `SELECT count(*) FROM citizen_history`); n != 0 {
		t.Errorf("cross-site POST wrote %d history entries", n)
	}
}

func TestLogout_EndsTheSessionAtUsAndTheIdP(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	c.login("berit")
	c.lookUp(demo.CitizenByKey("anna").CPR)
	p := c.post("/logout", nil)
	if p.Status != http.StatusOK || !strings.HasSuffix(p.URL, "/logget-ud") || !strings.Contains(p.Body, "Du er logget ud") {
		t.Fatalf("after log out: %d at %s", p.Status, p.URL)
	}
	if n := s.count(t, `SELECT count(*) FROM sessions`); n != 0 {
		t.Errorf("%d sessions left after log out", n)
	}
	// The IdP's session is gone too: signing in asks for the password again.
	p = c.get("/borger/forside")
	if !strings.HasPrefix(p.URL, s.IdPURL) || p.Doc.Find(`form[data-testid="login-form"]`).Length() == 0 {
		t.Errorf("after log out, a citizen page leads to %s without the IdP's login form", p.URL)
	}
}

func TestLookUps_AreRateLimitedPerCaseworker(t *testing.T) {
	s := startStack(t, "LOOKUP_LIMIT=3")
	c := s.newClient(t)
	c.login("berit")
	for i := 0; i < 3; i++ {
		c.lookUp(demo.CitizenByKey("emma").CPR)
	}
	p := c.lookUp(demo.CitizenByKey("anna").CPR)
	if p.Status != http.StatusTooManyRequests || strings.Contains(p.Body, "Anna Jensen") {
		t.Errorf("fourth look-up: %d", p.Status)
	}
}

// No CPR number, masked or not, reaches the log (SPEC §3, §8).
func TestLogs_NeverContainACPRNumber(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	c.login("berit")
	for _, cz := range demo.Citizens {
		c.lookUp(cz.CPR)
		c.get("/borger/forside")
		c.get("/sagsbehandleradgang")
	}
	c.lookUp(demo.UnknownCPR)
	c.lookUp("1203854417x")
	// Look at what was logged, not when: a timestamp's nanoseconds can hold
	// any six digits by chance.
	var logs strings.Builder
	for _, line := range strings.Split(s.logs.String(), "\n") {
		var entry map[string]any
		if json.Unmarshal([]byte(line), &entry) != nil {
			continue
		}
		delete(entry, "time")
		b, _ := json.Marshal(entry)
		logs.Write(b)
		logs.WriteByte('\n')
	}
	for _, cz := range append(demo.Citizens, demo.Citizen{CPR: demo.UnknownCPR}) {
		if regexp.MustCompile(`(^|\D)` + cz.CPR[:6] + `(\D|$)`).MatchString(logs.String()) {
			t.Errorf("the log contains the CPR date part %s-…", cz.CPR[:6])
		}
	}
	if regexp.MustCompile(`(^|\D)\d{6}-?\d{4}(\D|$)`).MatchString(logs.String()) {
		t.Error("the log contains something shaped like a CPR number")
	}
	// Nor do the metrics; they count the outcomes: berit may see anna, bo,
	// camilla and maja.
	if p := c.get("/metrics"); p.Status != http.StatusNotFound {
		t.Errorf("the public port serves /metrics: %d", p.Status)
	}
	m := c.get(s.MetricsURL).Body
	for _, want := range []string{`sagsbehandleradgang_lookups_total{outcome="granted"} 4`, `sagsbehandleradgang_lookups_total{outcome="refused"} 10`,
		`sagsbehandleradgang_lookups_total{outcome="malformed"} 1`} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	// The pool counts what it sends, for `make bench-http`'s queries per
	// request: these requests sent something.
	for _, counter := range []string{"sagsbehandleradgang_db_statements_total", "sagsbehandleradgang_db_round_trips_total"} {
		if v := regexp.MustCompile(`(?m)^` + counter + ` (\d+)`).FindStringSubmatch(m); v == nil || v[1] == "0" {
			t.Errorf("metrics: %s is missing or zero (%v)", counter, v)
		}
	}
	for _, cz := range demo.Citizens {
		if strings.Contains(m, cz.CPR[:6]) {
			t.Errorf("the metrics contain the CPR date part %s-…", cz.CPR[:6])
		}
	}
}

// A SAML response that fails a check gives a Danish page, the reason in the
// log, and no session (SPEC §2.1); the detailed checks are samlsp's tests.
func TestForgedSAMLResponse_GetsADanishPageAndNoSession(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	p := c.get("/sagsbehandleradgang") // a real AuthnRequest, so a tracking cookie exists
	if !strings.HasPrefix(p.URL, s.IdPURL) {
		t.Fatalf("not sent to the IdP: %s", p.URL)
	}
	forged := base64.StdEncoding.EncodeToString([]byte(`<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_x" Version="2.0" IssueInstant="2026-01-01T00:00:00Z"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:Response>`))
	p = c.post("/saml/acs", url.Values{"SAMLResponse": {forged}})
	if p.Status != http.StatusForbidden || !strings.Contains(text(p, "page-heading"), "Login mislykkedes") {
		t.Errorf("forged response: %d, heading %q", p.Status, text(p, "page-heading"))
	}
	if strings.Contains(p.Body, "goroutine") || strings.Contains(p.Body, "samlsp:") {
		t.Error("the page shows technical details")
	}
	if !strings.Contains(s.logs.String(), "SAML response refused") {
		t.Error("the refusal is not logged")
	}
	if n := s.count(t, `SELECT count(*) FROM sessions`); n != 0 {
		t.Errorf("%d sessions after a forged response", n)
	}
	// Unsolicited: no request was made by this browser.
	fresh := s.newClient(t)
	if p = fresh.post("/saml/acs", url.Values{"SAMLResponse": {forged}}); p.Status != http.StatusForbidden {
		t.Errorf("unsolicited response: %d, want 403", p.Status)
	}
}

// A database outage gives the Danish 503 page, and the product recovers by
// itself when the database returns: the session lives on (SPEC §8).
func TestDatabaseOutage_GivesA503PageAndRecovers(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	c.login("berit")
	anna := demo.CitizenByKey("anna")
	if p := c.lookUp(anna.CPR); p.Status != http.StatusOK {
		t.Fatalf("look-up: %d", p.Status)
	}
	end := s.outage(t)
	p := c.get("/borger/forside")
	if p.Status != http.StatusServiceUnavailable {
		t.Errorf("during the outage: %d, want 503", p.Status)
	}
	if strings.Contains(p.Body, anna.Name) || strings.Contains(p.Body, "pgconn") || strings.Contains(p.Body, "goroutine") {
		t.Error("the outage page shows citizen data or technical details")
	}
	if h := text(p, "page-heading"); h == "" {
		t.Error("the outage page has no Danish heading")
	}
	if r := c.get("/readyz"); r.Status != http.StatusServiceUnavailable {
		t.Errorf("readyz during the outage: %d", r.Status)
	}
	end()
	if p = c.get("/borger/forside"); p.Status != http.StatusOK || !strings.Contains(text(p, "citizen"), anna.Name) {
		t.Errorf("after the outage: %d, top bar %q", p.Status, text(p, "citizen"))
	}
}
