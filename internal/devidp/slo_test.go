package devidp

import (
	"crypto/x509"
	"encoding/base64"
	"encoding/xml"
	"net/http"
	"net/url"
	"testing"

	"github.com/star-dk/sagsbehandleradgang/internal/samlredirect"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"
	dsig "github.com/russellhaering/goxmldsig"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
)

// loggedIn logs berit in through a browser and returns her NameID.
func (e *env) loggedIn(b *browser) string {
	e.t.Helper()
	sp := e.sp.SP()
	ar := e.redirectAuthnRequest(sp, "")
	a, err := parseAtSP(e.t, sp, postForm(e.t, e.submitLogin(b, e.send(b, ar), "berit", demo.Password)), ar.id)
	if err != nil {
		e.t.Fatalf("login: %v", describe(err))
	}
	return a.Subject.NameID.Value
}

// showsLoginForm reports whether a new AuthnRequest gets the login form,
// i.e. the browser has no IdP session.
func (e *env) showsLoginForm(b *browser) bool {
	e.t.Helper()
	p := e.send(b, e.redirectAuthnRequest(e.sp.SP(), ""))
	return p.doc.Find(`[data-testid="login-form"]`).Length() == 1
}

// querySignedLogoutRequest is a LogoutRequest in the HTTP-Redirect binding
// as the bindings spec has it: no XML signature, SigAlg and Signature in
// the query.
func (e *env) querySignedLogoutRequest(sp *saml.ServiceProvider, nameID, relayState string) (id, u string) {
	e.t.Helper()
	plain := *sp
	plain.SignatureMethod = ""
	lr, err := plain.MakeLogoutRequest(sp.GetSLOBindingLocation(saml.HTTPRedirectBinding), nameID)
	if err != nil {
		e.t.Fatal(err)
	}
	doc := etree.NewDocument()
	doc.SetRoot(lr.Element())
	buf, err := doc.WriteToBytes()
	if err != nil {
		e.t.Fatal(err)
	}
	q := "SAMLRequest=" + url.QueryEscape(deflateBase64(e.t, buf)) +
		"&RelayState=" + url.QueryEscape(relayState) +
		"&SigAlg=" + url.QueryEscape(dsig.RSASHA256SignatureMethod)
	sc, err := saml.GetSigningContext(sp)
	if err != nil {
		e.t.Fatal(err)
	}
	sig, err := sc.SignString(q)
	if err != nil {
		e.t.Fatal(err)
	}
	q += "&Signature=" + url.QueryEscape(base64.StdEncoding.EncodeToString(sig))
	return lr.ID, e.srv.URL + "/slo?" + q
}

// checkLogoutResponse checks that p redirects to the SP's SLO endpoint with
// a successful LogoutResponse to requestID that crewjam's SP accepts and
// whose query signature verifies with the IdP's key.
func (e *env) checkLogoutResponse(p page, requestID, relayState string) {
	e.t.Helper()
	sp := e.sp.SP()
	if p.status != http.StatusFound {
		e.t.Fatalf("status %d, want a redirect to the SP:\n%s", p.status, p.body)
	}
	loc, err := url.Parse(p.header.Get("Location"))
	if err != nil {
		e.t.Fatal(err)
	}
	if got := loc.Scheme + "://" + loc.Host + loc.Path; got != sp.SloURL.String() {
		e.t.Errorf("redirects to %q, want the SP's SLO %q", got, sp.SloURL.String())
	}
	q := loc.Query()
	if got := q.Get("RelayState"); got != relayState {
		e.t.Errorf("RelayState = %q, want %q", got, relayState)
	}
	if err := sp.ValidateLogoutResponseRedirect(q.Get("SAMLResponse")); err != nil {
		e.t.Errorf("crewjam SP refuses the LogoutResponse: %v", describe(err))
	}
	if err := samlredirect.Verify(loc.RawQuery, "SAMLResponse", []*x509.Certificate{idpKeys().cert}); err != nil {
		e.t.Errorf("query signature: %v", err)
	}
	if got := q.Get("SigAlg"); got != dsig.RSASHA256SignatureMethod {
		e.t.Errorf("SigAlg = %q, want RSA-SHA256", got)
	}
	raw, err := samlredirect.Decode(q.Get("SAMLResponse"))
	if err != nil {
		e.t.Fatal(err)
	}
	var resp saml.LogoutResponse
	if err := xml.Unmarshal(raw, &resp); err != nil {
		e.t.Fatal(err)
	}
	if resp.InResponseTo != requestID || resp.Status.StatusCode.Value != saml.StatusSuccess {
		e.t.Errorf("LogoutResponse InResponseTo %q status %q, want %q success", resp.InResponseTo, resp.Status.StatusCode.Value, requestID)
	}
}

func TestLogout_SPsSignedLogoutRequestEndsSessionAndReturnsToSP(t *testing.T) {
	t.Run("crewjam's redirect with XML signature", func(t *testing.T) {
		e := newEnv(t)
		b := newBrowser(t)
		nameID := e.loggedIn(b)
		sp := e.sp.SP()
		lr, err := sp.MakeLogoutRequest(sp.GetSLOBindingLocation(saml.HTTPRedirectBinding), nameID)
		if err != nil {
			t.Fatal(err)
		}
		e.checkLogoutResponse(b.get(lr.Redirect("tilbage").String()), lr.ID, "tilbage")
		if !e.showsLoginForm(b) {
			t.Error("after logout, the next login should show the login form")
		}
	})
	t.Run("redirect binding with query signature", func(t *testing.T) {
		e := newEnv(t)
		b := newBrowser(t)
		nameID := e.loggedIn(b)
		id, u := e.querySignedLogoutRequest(e.sp.SP(), nameID, "/efter-logout")
		e.checkLogoutResponse(b.get(u), id, "/efter-logout")
		if !e.showsLoginForm(b) {
			t.Error("after logout, the next login should show the login form")
		}
	})
	t.Run("session ended by NameID when the cookie is not sent", func(t *testing.T) {
		e := newEnv(t)
		b := newBrowser(t)
		nameID := e.loggedIn(b)
		id, u := e.querySignedLogoutRequest(e.sp.SP(), nameID, "")
		e.checkLogoutResponse(newBrowser(t).get(u), id, "")
		if !e.showsLoginForm(b) {
			t.Error("the session of the logged-out NameID should have ended")
		}
	})
}

func TestLogout_UnsignedLogoutRequestIsRefusedAndSessionStays(t *testing.T) {
	e := newEnv(t)
	b := newBrowser(t)
	nameID := e.loggedIn(b)
	unsigned := *e.sp.SP()
	unsigned.SignatureMethod = ""
	u, err := unsigned.MakeRedirectLogoutRequest(nameID, "")
	if err != nil {
		t.Fatal(err)
	}
	p := b.get(u.String())
	if got, want := text(p, `[data-testid="message-title"]`), "Logout-forespørgslen er ikke signeret"; p.status != http.StatusBadRequest || got != want {
		t.Errorf("status %d, title %q; want 400 %q", p.status, got, want)
	}
	if e.showsLoginForm(b) {
		t.Error("a refused logout must not end the session")
	}
}

func TestLogout_SPWithoutLogoutEndpointShowsDuErLoggetUd(t *testing.T) {
	e := newEnv(t, withoutSLO())
	b := newBrowser(t)
	nameID := e.loggedIn(b)
	_, u := e.querySignedLogoutRequest(e.sp.SP(), nameID, "")
	p := b.get(u)
	if got := text(p, `[data-testid="message-title"]`); p.status != http.StatusOK || got != "Du er logget ud" {
		t.Errorf("status %d, title %q; want 200 Du er logget ud", p.status, got)
	}
	if !e.showsLoginForm(b) {
		t.Error("after logout, the next login should show the login form")
	}
}

func TestLogout_FrontPageLinkLogsOutOfTheIdP(t *testing.T) {
	e := newEnv(t, withoutSLO()) // with SLO, the SP is told first (TestLogout_AtTheIdP…)
	b := newBrowser(t)
	e.loggedIn(b)
	home := b.get(e.srv.URL + "/")
	if got := text(home, `[data-testid="logged-in-as"]`); got == "" {
		t.Fatalf("front page does not say who is logged in:\n%s", home.body)
	}
	href, _ := home.doc.Find(`[data-testid="logged-in-as"] a`).Attr("href")
	p := b.get(e.srv.URL + href)
	if got := text(p, `[data-testid="message-title"]`); got != "Du er logget ud" {
		t.Errorf("title %q, want Du er logget ud", got)
	}
	if !e.showsLoginForm(b) {
		t.Error("after logout, the next login should show the login form")
	}
}
