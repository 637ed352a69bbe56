package devidp

import (
	"crypto/x509"
	"encoding/base64"
	"encoding/xml"
	"net/http"
	"net/url"
	"testing"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/samlredirect"
)

// logoutAtIdP logs berit in, has her log out on the IdP's front page (with
// ?binding=post for HTTP-POST) and returns the LogoutRequest the IdP sends
// the SP, after checking its signature.
func (e *env) logoutAtIdP(b *browser, binding string) (*saml.LogoutRequest, *saml.Assertion) {
	e.t.Helper()
	sp := e.sp.SP()
	ar := e.redirectAuthnRequest(sp, "")
	a, err := parseAtSP(e.t, sp, postForm(e.t, e.submitLogin(b, e.send(b, ar), "berit", demo.Password)), ar.id)
	if err != nil {
		e.t.Fatalf("login: %v", describe(err))
	}
	u := e.srv.URL + "/slo"
	if binding == "post" {
		u += "?binding=post"
	}
	p := b.get(u)
	certs := []*x509.Certificate{idpKeys().cert}
	var raw []byte
	switch binding {
	case "post":
		f := p.doc.Find(`form[data-testid="saml-post-form"]`)
		action, _ := f.Attr("action")
		value, _ := f.Find(`input[name="SAMLRequest"]`).Attr("value")
		if action != sp.SloURL.String() {
			e.t.Fatalf("the LogoutRequest form posts to %q, want the SP's SLO %q (status %d):\n%s", action, sp.SloURL.String(), p.status, p.body)
		}
		signed, err := base64.StdEncoding.DecodeString(value)
		if err != nil {
			e.t.Fatal(err)
		}
		if raw, err = verifyXMLMessage(signed, certs); err != nil {
			e.t.Fatalf("the LogoutRequest's XML signature: %v", err)
		}
	default:
		loc, err := url.Parse(p.header.Get("Location"))
		if err != nil || p.status != http.StatusFound {
			e.t.Fatalf("status %d to %q, want a redirect to the SP", p.status, p.header.Get("Location"))
		}
		if got := loc.Scheme + "://" + loc.Host + loc.Path; got != sp.SloURL.String() {
			e.t.Fatalf("redirects to %q, want the SP's SLO %q", got, sp.SloURL.String())
		}
		if err := samlredirect.Verify(loc.RawQuery, "SAMLRequest", certs); err != nil {
			e.t.Fatalf("the LogoutRequest's query signature: %v", err)
		}
		if raw, err = samlredirect.Decode(loc.Query().Get("SAMLRequest")); err != nil {
			e.t.Fatal(err)
		}
	}
	var lr saml.LogoutRequest
	if err := xml.Unmarshal(raw, &lr); err != nil {
		e.t.Fatal(err)
	}
	return &lr, a
}

// When the user logs out at the IdP, each SP the IdP session signed in to
// gets a signed LogoutRequest for the subject and the IdP session, and the
// user is logged out when the SPs have answered: what the product's tests
// use to show IdP-initiated Single Logout (issue 8).
func TestLogout_AtTheIdPSendsTheSPASignedLogoutRequest(t *testing.T) {
	for _, binding := range []string{"redirect", "post"} {
		t.Run(binding, func(t *testing.T) {
			e := newEnv(t, withPostSLO())
			b := newBrowser(t)
			lr, a := e.logoutAtIdP(b, binding)
			sp := e.sp.SP()
			switch {
			case lr.Issuer == nil || lr.Issuer.Value != e.idp.EntityID():
				t.Errorf("Issuer %+v, want the IdP", lr.Issuer)
			case lr.Destination != sp.SloURL.String():
				t.Errorf("Destination %q, want the SP's SLO", lr.Destination)
			case lr.NameID == nil || lr.NameID.Value != a.Subject.NameID.Value || lr.NameID.Format != a.Subject.NameID.Format:
				t.Errorf("NameID %+v, want the asserted %+v", lr.NameID, a.Subject.NameID)
			case lr.SessionIndex == nil || lr.SessionIndex.Value != a.AuthnStatements[0].SessionIndex:
				t.Errorf("SessionIndex %+v, want the asserted %q", lr.SessionIndex, a.AuthnStatements[0].SessionIndex)
			}
			if !e.showsLoginForm(b) {
				t.Error("the IdP session lives on")
			}

			resp, err := sp.MakeRedirectLogoutResponse(lr.ID, "")
			if err != nil {
				t.Fatal(err)
			}
			p := b.get(resp.String())
			if got := text(p, `[data-testid="message-title"]`); p.status != http.StatusOK || got != "Du er logget ud" {
				t.Errorf("after the SP's answer: %d %q, want Du er logget ud", p.status, got)
			}
		})
	}
}

func TestLogout_AtTheIdPSaysWhenAnSPFailed(t *testing.T) {
	e := newEnv(t, withPostSLO())
	b := newBrowser(t)
	lr, _ := e.logoutAtIdP(b, "post")
	sp := e.sp.SP()
	resp, err := sp.MakeLogoutResponse(e.srv.URL+"/slo", lr.ID)
	if err != nil {
		t.Fatal(err)
	}
	resp.Status.StatusCode.Value = saml.StatusResponder
	resp.Signature = nil
	if err := sp.SignLogoutResponse(resp); err != nil {
		t.Fatal(err)
	}
	p := b.post(e.srv.URL+"/slo", url.Values{"SAMLResponse": {encodeElement(t, resp.Element())}})
	if got := text(p, `[data-testid="message-title"]`); got != "Du er kun delvist logget ud" {
		t.Errorf("title %q after the SP answered Responder", got)
	}
}

func TestLogout_AtTheIdPRefusesUnsignedAndUnexpectedAnswers(t *testing.T) {
	e := newEnv(t)
	b := newBrowser(t)
	lr, _ := e.logoutAtIdP(b, "redirect")
	unsigned := *e.sp.SP()
	unsigned.SignatureMethod = ""
	resp, err := unsigned.MakeRedirectLogoutResponse(lr.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := text(b.get(resp.String()), `[data-testid="message-title"]`); got != "Logout-svaret er ikke signeret" {
		t.Errorf("unsigned answer: title %q", got)
	}
	resp, err = e.sp.SP().MakeRedirectLogoutResponse("_never-sent", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := text(b.get(resp.String()), `[data-testid="message-title"]`); got != "Ukendt logout-svar" {
		t.Errorf("answer to a request never sent: title %q", got)
	}
}

func encodeElement(t *testing.T, el *etree.Element) string {
	t.Helper()
	doc := etree.NewDocument()
	doc.SetRoot(el)
	b, err := doc.WriteToBytes()
	if err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(b)
}
