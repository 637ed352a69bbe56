package main

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
	"github.com/star-dk/sagsbehandleradgang/internal/ssptest"
)

// The product against an IdP it shares no code with: Debian's SimpleSAMLphp
// (PHP, xmlseclibs), asserting berit in the OIOSAML 3 shape, signing its
// assertions with RSA-SHA256, encrypting them (AES128-CBC, RSA-OAEP) and
// checking the signatures on our AuthnRequests and logout messages. The
// steps run in order on one SP and one IdP; each starts with a fresh
// browser.
func TestSimpleSAMLphp_SignsInLooksUpAndLogsOutBothWays(t *testing.T) {
	berit, _ := demo.CaseworkerByUsername("berit")
	idp := ssptest.Start(t, ssptest.Config{
		Users:                []ssptest.User{oiosaml3User(berit)},
		AuthnContextClassRef: oiosaml.LoASubstantial,
	})
	// startStack also starts the development IdP; nothing here uses it.
	// SimpleSAMLphp does not sign its metadata: the check is left off.
	s := startStack(t, "IDP_METADATA_URL="+idp.MetadataURL(), "IDP_METADATA_SIGNING_CERT_FILE=")
	// SimpleSAMLphp reads our metadata from us and parses it itself.
	spMetadata := strings.Replace(s.BaseURL, "localhost", "127.0.0.1", 1) + "/saml/metadata"
	idp.TrustSP(t, ssptest.SP{MetadataURL: spMetadata, EncryptAssertions: true})
	defer func() {
		if t.Failed() {
			t.Logf("SimpleSAMLphp's log:\n%s", idp.Log())
		}
	}()
	anna := demo.CitizenByKey("anna")

	t.Run("SignInAndLookUp", func(t *testing.T) {
		c := s.newClient(t)
		p, response := c.loginAt(idp, berit)
		if !strings.Contains(response, "EncryptedAssertion") || strings.Contains(response, "<saml:Assertion") {
			t.Errorf("SimpleSAMLphp's response carries no EncryptedAssertion, or a plaintext one:\n%s", response)
		}
		if p.Status != http.StatusOK || !strings.HasSuffix(p.URL, "/sagsbehandleradgang") {
			t.Fatalf("after the ACS: %d at %s\n%s", p.Status, p.URL, s.logs)
		}
		if !strings.Contains(p.Body, berit.Name) {
			t.Errorf("the CPR page does not name the signed-in caseworker %s", berit.Name)
		}
		p = c.lookUp(anna.CPR)
		if p.Status != http.StatusOK || !strings.Contains(p.Body, anna.Name) {
			t.Errorf("looking up %s: %d at %s, without the citizen's name", anna.Key, p.Status, p.URL)
		}
	})

	// The IdP really checks our signature, so the sign-in above proves our
	// AuthnRequest's RSA-SHA256 signature good to an independent verifier.
	t.Run("IdPRefusesAnUnsignedAuthnRequest", func(t *testing.T) {
		c := s.newClient(t)
		to := c.redirectFrom("/sagsbehandleradgang")
		if !strings.HasPrefix(to.String(), idp.URL) || to.Query().Get("Signature") == "" {
			t.Fatalf("sign-in redirects to %s, not to SimpleSAMLphp with a signed request", to)
		}
		q := to.Query()
		q.Del("Signature")
		q.Del("SigAlg")
		to.RawQuery = q.Encode()
		p := c.get(to.String())
		if p.Doc.Find(`input[name="password"]`).Length() > 0 || !strings.Contains(p.Body, "no signature found") {
			t.Errorf("SimpleSAMLphp took our AuthnRequest without its signature: %d at %s", p.Status, p.URL)
		}
	})

	t.Run("SPInitiatedLogout", func(t *testing.T) {
		c := s.newClient(t)
		c.loginAt(idp, berit)
		c.lookUp(anna.CPR)
		// Our signed LogoutRequest goes to SimpleSAMLphp, which checks it,
		// ends its session and answers our SLO endpoint with a signed
		// LogoutResponse.
		p := c.followSAMLForms(c.post("/logout", nil))
		if p.Status != http.StatusOK || !strings.HasPrefix(p.URL, s.BaseURL+"/logget-ud") || !strings.Contains(p.Body, "Du er logget ud") {
			t.Errorf("after log out: %d at %s, want our /logget-ud", p.Status, p.URL)
		}
		if reasons := s.logged("logout response refused"); len(reasons) > 0 {
			t.Errorf("the SP refused SimpleSAMLphp's LogoutResponse: %q", reasons)
		}
		c.wantSignInAgain(idp)
	})

	// Point 5 of issue 8: a LogoutRequest from the IdP ends our session and
	// is answered with a LogoutResponse, so that the IdP's logout can go on
	// to its ReturnTo.
	t.Run("IdPInitiatedLogout", func(t *testing.T) {
		c := s.newClient(t)
		c.loginAt(idp, berit)
		c.lookUp(anna.CPR)
		p := c.followSAMLForms(c.get(idp.LogoutURL(idp.LoggedOutURL())))
		if !strings.HasPrefix(p.URL, idp.LoggedOutURL()) {
			t.Errorf("logout at the IdP ended at %s (%d), not back at the IdP's ReturnTo %s: the SP did not answer the IdP's LogoutRequest (SP log: %q)",
				p.URL, p.Status, idp.LoggedOutURL(), s.logged("logout response refused"))
		}
		c.wantSignInAgain(idp)
	})

	t.Run("UnencryptedAssertionIsRefused", func(t *testing.T) {
		idp.TrustSP(t, ssptest.SP{MetadataURL: spMetadata, EncryptAssertions: false})
		defer idp.TrustSP(t, ssptest.SP{MetadataURL: spMetadata, EncryptAssertions: true})
		sessions := s.count(t, `SELECT count(*) FROM sessions`)
		c := s.newClient(t)
		p, response := c.loginAt(idp, berit)
		// The same IdP, the same signed assertion, only in plaintext.
		if strings.Contains(response, "EncryptedAssertion") || !strings.Contains(response, "<saml:Assertion") || !strings.Contains(response, "<ds:Signature") {
			t.Fatalf("SimpleSAMLphp did not send a signed plaintext assertion:\n%s", response)
		}
		if p.Status != http.StatusForbidden || !strings.Contains(p.Body, "Login mislykkedes") {
			t.Errorf("a plaintext assertion: %d at %s, want 403 Login mislykkedes", p.Status, p.URL)
		}
		if reasons := s.logged("SAML response refused"); !strings.Contains(strings.Join(reasons, "\n"), "ncrypt") {
			t.Errorf("the SP refused the response, but not for want of encryption: %q", reasons)
		}
		if n := s.count(t, `SELECT count(*) FROM sessions`); n != sessions {
			t.Errorf("refused sign-in changed the number of sessions from %d to %d", sessions, n)
		}
	})
}

// oiosaml3User is the demo caseworker as SimpleSAMLphp asserts them: the
// OIOSAML 3 professional attributes and the persistent UUID NameID.
func oiosaml3User(cw demo.Caseworker) ssptest.User {
	var orgName string
	for _, o := range cw.Orgs {
		if o.Org.CVR == cw.CVR {
			orgName = o.Org.Name
		}
	}
	return ssptest.User{
		Username: cw.Username,
		Password: demo.Password,
		NameID:   oiosaml.UUIDNameIDPrefix + cw.UUID,
		Attributes: map[string][]string{
			oiosaml.AttrSpecVer3: {oiosaml.Profile3},
			oiosaml.AttrCVR:      {cw.CVR},
			oiosaml.AttrUUID:     {"urn:uuid:" + cw.UUID},
			oiosaml.AttrOrgName:  {orgName},
			oiosaml.AttrFullName: {cw.Name},
			oiosaml.AttrLoA:      {"Substantial"},
		},
	}
}

// loginAt signs in through SimpleSAMLphp's login form and returns the page
// the product shows after the ACS, and the SAML response the IdP posted.
func (c *client) loginAt(idp *ssptest.IdP, cw demo.Caseworker) (page, string) {
	c.t.Helper()
	p := c.get("/sagsbehandleradgang")
	if !strings.HasPrefix(p.URL, idp.URL) {
		c.t.Fatalf("not sent to SimpleSAMLphp to sign in: at %s (%d)", p.URL, p.Status)
	}
	p = c.submit(p, `form:has(input[name="password"])`, url.Values{"username": {cw.Username}, "password": {demo.Password}})
	encoded, ok := p.Doc.Find(`form input[name="SAMLResponse"]`).Attr("value")
	if !ok {
		c.t.Fatalf("SimpleSAMLphp did not answer the login with a SAML response: %d at %s\n%s", p.Status, p.URL, p.Body)
	}
	response, err := base64.StdEncoding.DecodeString(encoded)
	if err != nil {
		c.t.Fatalf("SimpleSAMLphp's SAMLResponse: %v", err)
	}
	return c.submit(p, `form:has(input[name="SAMLResponse"])`, nil), string(response)
}

// followSAMLForms submits the auto-posting forms of the HTTP-POST binding,
// as a browser's JavaScript would, until a page has none.
func (c *client) followSAMLForms(p page) page {
	c.t.Helper()
	const form = `form:has(input[name="SAMLRequest"]), form:has(input[name="SAMLResponse"])`
	for i := 0; i < 5 && p.Doc.Find(form).Length() > 0; i++ {
		p = c.submit(p, form, nil)
	}
	return p
}

// logged is the reason of every entry in the SP's log with the message msg.
func (s *stack) logged(msg string) []string {
	var reasons []string
	for _, line := range strings.Split(s.logs.String(), "\n") {
		var entry struct{ Msg, Reason string }
		if json.Unmarshal([]byte(line), &entry) == nil && entry.Msg == msg {
			reasons = append(reasons, entry.Reason)
		}
	}
	return reasons
}

// redirectFrom is where the product sends the browser from path, without
// going there.
func (c *client) redirectFrom(path string) *url.URL {
	c.t.Helper()
	noFollow := *c.http
	noFollow.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := noFollow.Get(c.abs(path))
	if err != nil {
		c.t.Fatal(err)
	}
	resp.Body.Close()
	to, err := resp.Location()
	if err != nil {
		c.t.Fatalf("GET %s: %d without a redirect", path, resp.StatusCode)
	}
	return to
}

// wantSignInAgain checks that both the product's session and the IdP's
// have ended: a citizen page leads to the IdP, which asks for the password.
func (c *client) wantSignInAgain(idp *ssptest.IdP) {
	c.t.Helper()
	p := c.get("/borger/forside")
	if !strings.HasPrefix(p.URL, idp.URL) {
		c.t.Errorf("after logging out, the product's session lives on: the citizen page answers %d at %s", p.Status, p.URL)
		return
	}
	if p.Doc.Find(`input[name="password"]`).Length() == 0 {
		c.t.Errorf("after logging out, SimpleSAMLphp's session lives on: it does not ask for the password (%d at %s)", p.Status, p.URL)
	}
}
