package main

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/beevik/etree"
	dsig "github.com/russellhaering/goxmldsig"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/keypair"
	"github.com/star-dk/sagsbehandleradgang/internal/samlredirect"
)

// noFollow sends req with the client's cookies and returns the response
// without following a redirect.
func (c *client) noFollow(req *http.Request) *http.Response {
	c.t.Helper()
	hc := *c.http
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := hc.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	resp.Body.Close()
	return resp
}

// idpLogoutRequest has the caseworker log out on the development IdP's own
// page and returns the LogoutRequest the IdP sends the product for it: the
// URL of the HTTP-Redirect binding, not yet followed.
func (c *client) idpLogoutRequest() *url.URL {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.s.IdPURL+"/slo", nil)
	resp := c.noFollow(req)
	loc, err := resp.Location()
	if err != nil || !strings.HasPrefix(loc.String(), c.s.BaseURL+"/saml/slo?") {
		c.t.Fatalf("the IdP's log-out page answers %d to %v, want a LogoutRequest to the product", resp.StatusCode, loc)
	}
	return loc
}

// signedIn reports whether the client's session still lets it in: the CPR
// page rather than the IdP's login form.
func (c *client) signedIn() bool {
	c.t.Helper()
	p := c.get("/sagsbehandleradgang")
	return p.Status == http.StatusOK && strings.HasPrefix(p.URL, c.s.BaseURL)
}

// A caseworker who logs out at NemLog-in is logged out here too, on every
// instance (issue 8, point 5): the IdP's signed LogoutRequest, in either
// binding and taken by another instance than the one that made the
// session, ends the session of that NameID and IdP session, and the IdP
// gets a signed LogoutResponse. Other sessions live on.
func TestLogoutAtTheIdP_EndsTheSessionOnEveryInstance(t *testing.T) {
	s := startStack(t)
	second := s.startInstance(t)
	for _, binding := range []string{"redirect", "post"} {
		t.Run(binding, func(t *testing.T) {
			berit := s.newClient(t)
			berit.login("berit")
			if p := berit.get(second + "/sagsbehandleradgang"); p.Status != http.StatusOK || !strings.HasPrefix(p.URL, second) {
				t.Fatalf("the session does not work on the second instance: %d at %s", p.Status, p.URL)
			}
			beritElsewhere := s.newClient(t) // her other browser: another IdP session
			beritElsewhere.login("berit")
			nina := s.newClient(t)
			nina.login("nina")

			var p page
			if binding == "redirect" {
				lr := berit.idpLogoutRequest()
				p = berit.get(second + "/saml/slo?" + lr.RawQuery)
			} else {
				form := berit.get(s.IdPURL + "/slo?binding=post")
				action, _ := form.Doc.Find(`form[data-testid="saml-post-form"]`).Attr("action")
				if action != s.BaseURL+"/saml/slo" {
					t.Fatalf("the IdP posts its LogoutRequest to %q (status %d):\n%s", action, form.Status, form.Body)
				}
				samlRequest, _ := form.Doc.Find(`input[name="SAMLRequest"]`).Attr("value")
				p = berit.post(second+"/saml/slo", url.Values{"SAMLRequest": {samlRequest}})
			}
			// The product answered the IdP, which accepted the answer.
			if !strings.HasPrefix(p.URL, s.IdPURL+"/slo") || !strings.Contains(p.Body, "Du er logget ud") {
				t.Errorf("after the LogoutRequest: %d at %s:\n%s", p.Status, p.URL, p.Body)
			}
			if berit.signedIn() {
				t.Error("the session lives on after the IdP's logout")
			}
			if !beritElsewhere.signedIn() || !nina.signedIn() {
				t.Error("a session of another IdP session or another caseworker ended too")
			}
		})
	}
	if !strings.Contains(s.logs.String(), "caseworker signed out by the IdP") {
		t.Error("the logout is not logged")
	}
}

// An unsigned or wrongly signed LogoutRequest changes nothing, and the page
// does not say "Du er logget ud" (issue 8: it did, while the session lived on).
func TestLogoutRequestFromTheIdP_UnsignedOrWronglySignedChangesNothing(t *testing.T) {
	s := startStack(t)
	berit := s.newClient(t)
	berit.login("berit")
	berit.lookUp(demo.CitizenByKey("anna").CPR)
	genuine := berit.idpLogoutRequest()
	msg, err := samlredirect.Decode(genuine.Query().Get("SAMLRequest"))
	if err != nil {
		t.Fatal(err)
	}
	otherKey, otherCert, err := keypair.Generate(2048, "ikke IdP'en (kun test)")
	if err != nil {
		t.Fatal(err)
	}
	wronglySigned, err := samlredirect.URL(s.BaseURL+"/saml/slo", "SAMLRequest", msg, "", otherKey)
	if err != nil {
		t.Fatal(err)
	}
	postSignedBy := func(key dsig.X509KeyStore) string {
		doc := etree.NewDocument()
		if err := doc.ReadFromBytes(msg); err != nil {
			t.Fatal(err)
		}
		el := doc.Root()
		if key != nil {
			sc := dsig.NewDefaultSigningContext(key)
			sc.Canonicalizer = dsig.MakeC14N10ExclusiveCanonicalizerWithPrefixList("")
			if el, err = sc.SignEnveloped(el); err != nil {
				t.Fatal(err)
			}
		}
		out := etree.NewDocument()
		out.SetRoot(el)
		b, err := out.WriteToBytes()
		if err != nil {
			t.Fatal(err)
		}
		return base64.StdEncoding.EncodeToString(b)
	}
	unsignedQuery := url.Values{"SAMLRequest": {genuine.Query().Get("SAMLRequest")}}.Encode()

	sessions := s.count(t, `SELECT count(*) FROM sessions`)
	for name, send := range map[string]func() page{
		"HTTP-Redirect, unsigned":          func() page { return berit.get("/saml/slo?" + unsignedQuery) },
		"HTTP-Redirect, signed by another": func() page { return berit.get(wronglySigned) },
		"HTTP-POST, unsigned": func() page {
			return berit.post("/saml/slo", url.Values{"SAMLRequest": {postSignedBy(nil)}})
		},
		"HTTP-POST, signed by another": func() page {
			return berit.post("/saml/slo", url.Values{"SAMLRequest": {postSignedBy(dsig.TLSCertKeyStore{PrivateKey: otherKey, Certificate: [][]byte{otherCert.Raw}})}})
		},
	} {
		p := send()
		if p.Status != http.StatusForbidden || strings.Contains(p.Body, "Du er logget ud") || text(p, "page-heading") != "Log ud mislykkedes" {
			t.Errorf("%s: %d, heading %q; want 403 Log ud mislykkedes", name, p.Status, text(p, "page-heading"))
		}
		if n := s.count(t, `SELECT count(*) FROM sessions`); n != sessions {
			t.Errorf("%s: %d sessions, want %d", name, n, sessions)
		}
		if p := berit.get("/borger/forside"); p.Status != http.StatusOK || !strings.Contains(p.Body, "Anna") {
			t.Errorf("%s: the caseworker lost the citizen or the session: %d at %s", name, p.Status, p.URL)
		}
	}
	if !strings.Contains(s.logs.String(), "logout request refused") {
		t.Error("the refusals are not logged")
	}

	// The genuine request, for comparison, does end the session.
	berit.get(genuine.String())
	if berit.signedIn() {
		t.Error("the genuine LogoutRequest did not end the session")
	}
}
