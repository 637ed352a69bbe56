package main

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/launch"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
)

// launchStack is the product with one case system's key configured, as a
// case system's integration would use it.
type launchStack struct {
	*stack
	key []byte
}

func startLaunchStack(t *testing.T, extraEnv ...string) launchStack {
	t.Helper()
	key := make([]byte, 32) // a key made for this test only
	rand.Read(key)
	keysFile := filepath.Join(t.TempDir(), "launch.keys")
	if err := os.WriteFile(keysFile, []byte("# kun test\ntest-fagsystem "+hex.EncodeToString(key)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return launchStack{startStack(t, append([]string{"LAUNCH_KEYS_FILE=" + keysFile}, extraEnv...)...), key}
}

// token mints what the case system posts: citizen for the demo caseworker
// username, acting for the organisation with CVR orgCVR (empty: their own).
func (s launchStack) token(t *testing.T, username, citizenCPR, orgCVR string, issued time.Time, key []byte) string {
	t.Helper()
	cw, ok := demo.CaseworkerByUsername(username)
	if !ok {
		t.Fatalf("no demo caseworker %s", username)
	}
	n, err := cpr.Parse(citizenCPR)
	if err != nil {
		t.Fatal(err)
	}
	nonce := make([]byte, 16)
	rand.Read(nonce)
	tok, err := launch.Mint(launch.Launch{
		System: "test-fagsystem", CPR: n, CVR: cw.CVR, UUID: cw.UUID, RID: cw.RID, OrgCVR: orgCVR,
		Nonce: base64.RawURLEncoding.EncodeToString(nonce),
	}, key, issued, 90*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// launchClient is a browser that records every URL it visits, to show that
// no CPR number ever is in one.
type launchClient struct {
	*client
	urls []string
}

func (s launchStack) newLaunchClient(t *testing.T) *launchClient {
	c := &launchClient{client: s.newClient(t)}
	c.http.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		c.urls = append(c.urls, req.URL.String())
		if len(via) >= 10 {
			return http.ErrUseLastResponse
		}
		return nil
	}
	return c
}

// launch posts the token as the case system's form does, a cross-site
// POST with the token in the body.
func (c *launchClient) launch(token string) page {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.abs("/sagsbehandleradgang/fagsystem"), strings.NewReader(url.Values{"token": {token}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://fagsystem.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	c.urls = append(c.urls, req.URL.String())
	return c.do(req)
}

// signInAtIdP signs in on the IdP's login page p, where a launch sent the
// caseworker, and returns the page the product shows after the ACS.
func (c *launchClient) signInAtIdP(p page, username string) page {
	c.t.Helper()
	if !strings.HasPrefix(p.URL, c.s.IdPURL) {
		c.t.Fatalf("not sent to the IdP to sign in: at %s (%d)\n%s", p.URL, p.Status, p.Body)
	}
	p = c.submit(p, `form[data-testid="login-form"]`, url.Values{"username": {username}, "password": {demo.Password}})
	c.urls = append(c.urls, p.URL)
	return c.submit(p, `form[data-testid="saml-post-form"]`, nil)
}

func (c *launchClient) noCPRInURLs(t *testing.T, cprs ...string) {
	t.Helper()
	for _, u := range c.urls {
		for _, n := range cprs {
			if strings.Contains(u, n) || strings.Contains(u, n[:6]) {
				t.Errorf("a CPR number is in the URL %s", u)
			}
		}
	}
}

func (s launchStack) logins(t *testing.T, citizenCPR, caseworker string) int {
	return s.count(t, `SELECT count(*) FROM citizen_history h JOIN citizens c ON c.id = h.citizen_id
		WHERE c.cpr = $1 AND h.category = 'Login' AND h.caseworker_name = $2`, citizenCPR, caseworker)
}

// A case system opens a citizen for its caseworker (issue 11, point 3): a
// valid token lands on the citizen's Forside with one access-log entry,
// signed in first or not; every bad token is refused with a Danish page
// before anything is looked up; a token for someone else is refused after
// sign-in; a citizen the caseworker may not see gets the refusal of the
// typed look-up, and the rate limit is the typed look-up's. No CPR number
// is in a URL or a log line, nor the token in a log line.
func TestLaunch_FromTheCaseSystem(t *testing.T) {
	s := startLaunchStack(t, "LOOKUP_LIMIT=5")
	anna, bo, emma := demo.CitizenByKey("anna"), demo.CitizenByKey("bo"), demo.CitizenByKey("emma")
	berit := demo.Caseworkers[0]
	var tokens []string
	mint := func(username, citizenCPR, orgCVR string, issued time.Time, key []byte) string {
		tok := s.token(t, username, citizenCPR, orgCVR, issued, key)
		tokens = append(tokens, tok)
		return tok
	}
	var p page
	var clients []*launchClient
	newClient := func() *launchClient {
		c := s.newLaunchClient(t)
		clients = append(clients, c)
		return c
	}
	lookUps := 0 // berit's, for the rate limit

	// Not signed in: the token is checked, then the IdP, then the Forside.
	valid := mint("berit", anna.CPR, "", time.Now(), s.key)
	c := newClient()
	p = c.launch(valid)
	// While the caseworker signs in, the launch waits in a cookie for the
	// ACS, sealed: the browser cannot read the CPR number in it.
	var kept string
	for _, ck := range c.http.Jar.Cookies(mustParse(t, s.BaseURL+"/saml/acs")) {
		if ck.Name == "sba_launch" {
			kept = ck.Value
		}
	}
	if kept == "" {
		t.Error("no launch cookie for the ACS while signing in")
	}
	if decoded, _ := base64.URLEncoding.DecodeString(kept); strings.Contains(kept, anna.CPR) || strings.Contains(string(decoded), anna.CPR) {
		t.Error("the launch cookie shows the CPR number")
	}
	for _, ck := range c.http.Jar.Cookies(mustParse(t, s.BaseURL+"/sagsbehandleradgang")) {
		if ck.Name == "sba_launch" {
			t.Error("the launch cookie is sent beyond the ACS")
		}
	}
	p = c.signInAtIdP(p, "berit")
	lookUps++
	if p.Status != http.StatusOK || !strings.HasSuffix(p.URL, "/borger/forside") || !strings.Contains(text(p, "citizen"), "Anna Jensen") {
		t.Fatalf("valid launch: %d at %s, top bar %q", p.Status, p.URL, text(p, "citizen"))
	}
	if n := s.logins(t, anna.CPR, berit.Name); n != 1 {
		t.Errorf("valid launch wrote %d Login entries, want 1", n)
	}
	for _, ck := range c.http.Jar.Cookies(mustParse(t, s.BaseURL+"/saml/acs")) {
		if ck.Name == "sba_launch" {
			t.Error("the launch cookie outlives the sign-in")
		}
	}

	// The same token again, from the same browser, now signed in: used.
	p = c.launch(valid)
	if p.Status != http.StatusBadRequest || text(p, "page-heading") != server.TextLaunchHeading || text(p, "message") != server.TextLaunchUnusable {
		t.Errorf("reused token: %d, %q / %q", p.Status, text(p, "page-heading"), text(p, "message"))
	}
	if n := s.logins(t, anna.CPR, berit.Name); n != 1 {
		t.Errorf("after the reused token: %d Login entries, want still 1", n)
	}

	// Signed in already: the launch completes at once.
	p = c.launch(mint("berit", bo.CPR, "", time.Now(), s.key))
	lookUps++
	if p.Status != http.StatusOK || !strings.HasSuffix(p.URL, "/borger/forside") || !strings.Contains(text(p, "citizen"), "Bo Nielsen") {
		t.Fatalf("launch when signed in: %d at %s, top bar %q", p.Status, p.URL, text(p, "citizen"))
	}
	if n := s.logins(t, bo.CPR, berit.Name); n != 1 {
		t.Errorf("launch when signed in wrote %d Login entries, want 1", n)
	}

	// Tokens refused before anything else: no sign-in, no look-up.
	otherKey := make([]byte, 32)
	rand.Read(otherKey)
	good := mint("berit", anna.CPR, "", time.Now(), s.key)
	parts := strings.Split(good, ".")
	for name, tok := range map[string]string{
		"expired":         mint("berit", anna.CPR, "", time.Now().Add(-3*time.Minute), s.key),
		"wrongly signed":  mint("berit", anna.CPR, "", time.Now(), otherKey),
		"malformed":       "dette-er-ikke-et-token",
		"cut short":       parts[0] + "." + parts[1],
		"not a signature": parts[0] + "." + parts[1] + "." + base64.RawURLEncoding.EncodeToString(otherKey),
		"empty":           "",
	} {
		fresh := newClient()
		p := fresh.launch(tok)
		if p.Status != http.StatusBadRequest || strings.HasPrefix(p.URL, s.IdPURL) ||
			text(p, "page-heading") != server.TextLaunchHeading || text(p, "message") != server.TextLaunchUnusable {
			t.Errorf("%s token: %d at %s, %q", name, p.Status, p.URL, text(p, "page-heading"))
		}
		for _, ck := range p.Header.Values("Set-Cookie") {
			if strings.HasPrefix(ck, "sba_launch=") {
				t.Errorf("%s token: the launch was kept for after sign-in", name)
			}
		}
	}
	if n := s.logins(t, anna.CPR, berit.Name); n != 1 {
		t.Errorf("after the bad tokens: %d Login entries, want still 1", n)
	}

	// A token for Berit, and Nina signs in: refused after sign-in.
	c2 := newClient()
	p = c2.signInAtIdP(c2.launch(mint("berit", anna.CPR, "", time.Now(), s.key)), "nina")
	if p.Status != http.StatusForbidden || text(p, "page-heading") != server.TextLaunchHeading || text(p, "message") != server.TextLaunchOtherCaseworker {
		t.Errorf("wrong caseworker: %d at %s, %q", p.Status, p.URL, text(p, "message"))
	}
	if n := s.count(t, `SELECT count(*) FROM citizen_history WHERE caseworker_name = 'Nina Pettersen'`); n != 0 {
		t.Errorf("the wrong caseworker's launch wrote %d history entries", n)
	}
	if n := s.count(t, `SELECT count(*) FROM refused_lookups WHERE caseworker_name = 'Nina Pettersen'`); n != 0 {
		t.Errorf("the wrong caseworker's launch was recorded as %d look-ups", n)
	}

	// The launch cookie lost or forged while signing in: signed in, the
	// citizen not opened.
	for name, value := range map[string]string{"lost": "", "forged": base64.URLEncoding.EncodeToString([]byte(`{"c":"` + anna.CPR + `"}`))} {
		cl := newClient()
		p = cl.launch(mint("berit", anna.CPR, "", time.Now(), s.key))
		acs := mustParse(t, s.BaseURL+"/saml/acs")
		maxAge := 600
		if value == "" {
			maxAge = -1
		}
		cl.http.Jar.SetCookies(acs, []*http.Cookie{{Name: "sba_launch", Value: value, Path: "/saml/acs", MaxAge: maxAge}})
		p = cl.signInAtIdP(p, "berit")
		if p.Status != http.StatusBadRequest || text(p, "message") != server.TextLaunchUnusable || !strings.Contains(text(p, "caseworker"), "Berit Hansen") {
			t.Errorf("launch cookie %s: %d at %s, %q", name, p.Status, p.URL, text(p, "message"))
		}
	}
	if n := s.logins(t, anna.CPR, berit.Name); n != 1 {
		t.Errorf("after the lost launches: %d Login entries, want still 1", n)
	}

	// A caseworker with two organisations: the token's organisation CVR
	// picks, without the organisation picker.
	c3 := newClient()
	p = c3.signInAtIdP(c3.launch(mint("mads", anna.CPR, demo.OrgJobcenterAarhus.CVR, time.Now(), s.key)), "mads")
	if p.Status != http.StatusOK || !strings.HasSuffix(p.URL, "/borger/forside") || !strings.Contains(text(p, "organisation"), demo.OrgJobcenterAarhus.Name) {
		t.Errorf("launch for Mads as Jobcenter Aarhus: %d at %s, organisation %q", p.Status, p.URL, text(p, "organisation"))
	}
	c4 := newClient()
	p = c4.signInAtIdP(c4.launch(mint("mads", anna.CPR, demo.OrgKystensAkasse.CVR, time.Now(), s.key)), "mads")
	if p.Status != http.StatusForbidden || text(p, "message") != server.TextLaunchOrganisation {
		t.Errorf("launch for Mads as an organisation not his: %d, %q", p.Status, text(p, "message"))
	}

	// A citizen Berit may not see: the typed look-up's refusal, recorded.
	c5 := newClient()
	p = c5.signInAtIdP(c5.launch(mint("berit", emma.CPR, "", time.Now(), s.key)), "berit")
	lookUps++
	if p.Status != http.StatusForbidden || text(p, "refusal") != refusalText {
		t.Errorf("launch for a citizen not permitted: %d, refusal %q", p.Status, text(p, "refusal"))
	}
	typed := c5.lookUp(emma.CPR)
	lookUps++
	if typed.Status != p.Status || text(typed, "refusal") != text(p, "refusal") {
		t.Errorf("typed look-up of the same citizen: %d %q, launch: %d %q", typed.Status, text(typed, "refusal"), p.Status, text(p, "refusal"))
	}
	if n := s.count(t, `SELECT count(*) FROM refused_lookups WHERE cpr = $1 AND reason = 'not_member_of_akasse'`, emma.CPR); n != 2 {
		t.Errorf("%d refused look-ups recorded, want 2 (launch and typed)", n)
	}

	// The rate limit counts typed look-ups and launches together.
	for ; lookUps < 5; lookUps++ {
		c5.lookUp(emma.CPR)
	}
	p = c5.launch(mint("berit", anna.CPR, "", time.Now(), s.key))
	if p.Status != http.StatusTooManyRequests || strings.Contains(p.Body, "Anna Jensen") {
		t.Errorf("launch over the rate limit: %d", p.Status)
	}

	m := c.get(s.MetricsURL).Body
	for _, want := range []string{`sagsbehandleradgang_launches_total{outcome="accepted"} 5`, `sagsbehandleradgang_launches_total{outcome="lost"} 2`, `sagsbehandleradgang_launches_total{outcome="reused"} 1`,
		`sagsbehandleradgang_launches_total{outcome="signature"} 2`, `sagsbehandleradgang_launches_total{outcome="launch_other_caseworker"} 1`} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %s", want)
		}
	}

	for _, c := range clients {
		c.noCPRInURLs(t, anna.CPR, bo.CPR, emma.CPR)
	}
	logs := s.logs.String()
	for _, n := range []string{anna.CPR, bo.CPR, emma.CPR} {
		if strings.Contains(logs, n) || strings.Contains(logs, n[:6]+"-") {
			t.Errorf("the log contains the CPR number %s-…", n[:6])
		}
	}
	for _, tok := range tokens {
		// Each part of the token: the payload holds the CPR number,
		// base64-encoded.
		for _, part := range strings.Split(tok, ".")[1:] {
			if strings.Contains(logs, part) {
				t.Error("the log contains a part of a launch token")
			}
		}
	}
	if !strings.Contains(logs, `"msg":"launch token refused","reason":"signature"`) || !strings.Contains(logs, `"reason":"launch_other_caseworker"`) {
		t.Error("the log does not say why tokens were refused")
	}
}

// An LBA without the Sagsbehandler role may sign in, for Loginaktivitet,
// but opens no citizen (issue 11, point 3): a launch naming her, signed in
// first or not, is told she lacks the role (she stays signed in), not that
// the link was made for someone else, and nothing is written to the
// citizen's history.
func TestLaunch_LBAWithoutSagsbehandlerRole(t *testing.T) {
	s := startLaunchStack(t)
	anna := demo.CitizenByKey("anna")
	lone, _ := demo.CaseworkerByUsername("lone")
	for _, signedIn := range []bool{false, true} {
		c := s.newLaunchClient(t)
		var p page
		if signedIn {
			c.login("lone")
			p = c.launch(s.token(t, "lone", anna.CPR, "", time.Now(), s.key))
		} else {
			p = c.signInAtIdP(c.launch(s.token(t, "lone", anna.CPR, "", time.Now(), s.key)), "lone")
		}
		heading, message := text(p, "page-heading"), text(p, "message")
		if p.Status != http.StatusForbidden || heading != server.TextLaunchHeading ||
			!strings.Contains(message, "Du har ikke rollen 'Sagsbehandler' og kan derfor ikke åbne borgeres Jobnet.") {
			t.Errorf("signed in first %v: %d at %s, %q / %q", signedIn, p.Status, p.URL, heading, message)
		}
		if strings.Contains(message, "anden sagsbehandler") || strings.Contains(message, "'LBA' i en a-kasse") {
			t.Errorf("signed in first %v: told %q", signedIn, message)
		}
		c.noCPRInURLs(t, anna.CPR)
	}
	if n := s.logins(t, anna.CPR, lone.Name); n != 0 {
		t.Errorf("the LBA's launches wrote %d Login entries in the citizen's history", n)
	}
	if n := s.count(t, `SELECT count(*) FROM citizen_history WHERE caseworker_name = $1`, lone.Name); n != 0 {
		t.Errorf("the LBA's launches wrote %d history entries", n)
	}
	if n := s.count(t, `SELECT count(*) FROM refused_lookups WHERE caseworker_name = $1`, lone.Name); n != 0 {
		t.Errorf("the LBA's launches were recorded as %d look-ups", n)
	}
	if !strings.Contains(s.logs.String(), `"reason":"no_role"`) {
		t.Error("the log does not say why the launch was refused")
	}
}

func mustParse(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
