package samlsp

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/samlredirect"

	dsig "github.com/russellhaering/goxmldsig"

	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

func TestStartLogin_SignsAuthnRequestWithRSASHA256(t *testing.T) {
	f := newFixture(t)
	rec := httptest.NewRecorder()
	if err := f.sp.StartLogin(rec, httptest.NewRequest(http.MethodGet, testRoot+"/login", nil), "/sagsbehandleradgang"); err != nil {
		t.Fatal(err)
	}
	resp := rec.Result()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("status %d, want 302", resp.StatusCode)
	}
	loc, _ := resp.Location()
	if got := loc.Scheme + "://" + loc.Host + loc.Path; got != idpSSO {
		t.Errorf("redirect goes to %s, want the IdP's SSO %s", got, idpSSO)
	}

	// The query signature (HTTP-Redirect binding §3.4.4.1) is RSA-SHA256
	// over SAMLRequest and SigAlg as sent, by the key in our metadata.
	q := loc.Query()
	if got := q.Get("SigAlg"); got != dsig.RSASHA256SignatureMethod {
		t.Errorf("SigAlg = %q, want %s", got, dsig.RSASHA256SignatureMethod)
	}
	raw, err := samlredirect.RawParams(loc.RawQuery)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := base64.StdEncoding.DecodeString(q.Get("Signature"))
	if err != nil {
		t.Fatal(err)
	}
	digest := sha256.Sum256([]byte("SAMLRequest=" + raw["SAMLRequest"] + "&SigAlg=" + raw["SigAlg"]))
	if err := rsa.VerifyPKCS1v15(&f.spKey.key.PublicKey, crypto.SHA256, digest[:], sig); err != nil {
		t.Errorf("AuthnRequest signature does not verify with RSA-SHA256 and the SP key: %v", err)
	}

	req := authnRequestFrom(t, resp)
	checks := []struct{ what, got, want string }{
		{"Destination", req.SelectAttrValue("Destination", ""), idpSSO},
		{"AssertionConsumerServiceURL", req.SelectAttrValue("AssertionConsumerServiceURL", ""), testACS},
		{"ProtocolBinding", req.SelectAttrValue("ProtocolBinding", ""), "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"},
		{"Issuer", req.SelectElement("Issuer").Text(), testEntityID},
		{"NameIDPolicy Format", req.SelectElement("NameIDPolicy").SelectAttrValue("Format", ""), oiosaml.NameIDPersistent},
		{"RequestedAuthnContext Comparison", req.SelectElement("RequestedAuthnContext").SelectAttrValue("Comparison", ""), "minimum"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	var refs []string
	for _, r := range req.SelectElement("RequestedAuthnContext").SelectElements("AuthnContextClassRef") {
		refs = append(refs, r.Text())
	}
	if len(refs) == 0 || refs[0] != oiosaml.LoASubstantial {
		t.Errorf("AuthnContextClassRefs = %q, want %s first", refs, oiosaml.LoASubstantial)
	}
	if req.SelectElement("Signature") != nil {
		t.Errorf("AuthnRequest carries an XML signature; the HTTP-Redirect binding signs the query instead")
	}
}

func TestStartLogin_SetsACrossSiteTrackingCookie(t *testing.T) {
	f := newFixture(t)
	requestID, cookies := f.login(t, "/sagsbehandleradgang")
	if len(cookies) != 1 {
		t.Fatalf("got %d cookies, want 1", len(cookies))
	}
	c := cookies[0]
	if c.Name != TrackingCookiePrefix+requestID {
		t.Errorf("cookie name %q, want %q", c.Name, TrackingCookiePrefix+requestID)
	}
	// The IdP answers with a cross-site POST: only a SameSite=None cookie
	// comes along, and browsers take those only when Secure.
	if c.SameSite != http.SameSiteNoneMode || !c.Secure || !c.HttpOnly {
		t.Errorf("cookie SameSite=%v Secure=%v HttpOnly=%v, want None, true, true", c.SameSite, c.Secure, c.HttpOnly)
	}
	if c.Path != ACSPath {
		t.Errorf("cookie Path %q, want %q", c.Path, ACSPath)
	}
	if c.MaxAge <= 0 || time.Duration(c.MaxAge)*time.Second > 15*time.Minute {
		t.Errorf("cookie MaxAge %d s, want short-lived", c.MaxAge)
	}
}

func TestStartLogin_RejectsOffSiteReturnTo(t *testing.T) {
	tests := []struct{ returnTo, want string }{
		{"//evil.example", DefaultReturnTo},
		{"https://evil.example/x", DefaultReturnTo},
		{"/\\evil.example", DefaultReturnTo},
		{"javascript:alert(1)", DefaultReturnTo},
		{"", DefaultReturnTo},
		{"/sagsbehandleradgang/cpr?tab=1", "/sagsbehandleradgang/cpr?tab=1"},
	}
	for _, tt := range tests {
		t.Run(tt.returnTo, func(t *testing.T) {
			f := newFixture(t)
			requestID, cookies := f.login(t, tt.returnTo)
			_, got, err := f.sp.FinishLogin(httptest.NewRecorder(), post(f.build(t, f.goodOIOSAML3(requestID)), cookies))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("after StartLogin(%q), FinishLogin returns %q, want %q", tt.returnTo, got, tt.want)
			}
		})
	}
}

func TestSafeReturnTo(t *testing.T) {
	tests := map[string]string{
		"/sagsbehandleradgang":        "/sagsbehandleradgang",
		"/a/b?c=d#e":                  "/a/b?c=d#e",
		"//evil.example":              DefaultReturnTo,
		"///evil.example":             DefaultReturnTo,
		"/\\evil.example":             DefaultReturnTo,
		"\\\\evil.example":            DefaultReturnTo,
		"/\t/evil.example":            DefaultReturnTo,
		"/%0a/evil.example":           "/%0a/evil.example", // percent-encoded: stays a path
		"https://evil.example/x":      DefaultReturnTo,
		"HTTPS://evil.example":        DefaultReturnTo,
		"evil.example":                DefaultReturnTo,
		"":                            DefaultReturnTo,
		"/x\x00":                      DefaultReturnTo,
		"/" + strings.Repeat("a", 10): "/" + strings.Repeat("a", 10),
	}
	for in, want := range tests {
		if got := SafeReturnTo(in); got != want {
			t.Errorf("SafeReturnTo(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStartLogin_EachLoginHasItsOwnRequestID(t *testing.T) {
	f := newFixture(t)
	id1, c1 := f.login(t, "/a")
	id2, c2 := f.login(t, "/b")
	if id1 == id2 {
		t.Fatal("two logins got the same request ID")
	}
	// Both tabs can finish, each to its own page.
	for _, l := range []struct {
		id      string
		cookies []*http.Cookie
		want    string
	}{{id2, c2, "/b"}, {id1, c1, "/a"}} {
		both := append(append([]*http.Cookie{}, c1...), c2...)
		_, got, err := f.sp.FinishLogin(httptest.NewRecorder(), post(f.build(t, f.goodOIOSAML3(l.id)), both))
		if err != nil || got != l.want {
			t.Errorf("login %s: returnTo %q, err %v; want %q", l.id, got, err, l.want)
		}
	}
}
