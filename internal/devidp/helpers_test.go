package devidp

import (
	"bytes"
	"compress/flate"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/xml"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/beevik/etree"
	"github.com/crewjam/saml"
	dsig "github.com/russellhaering/goxmldsig"

	"github.com/star-dk/sagsbehandleradgang/internal/keypair"
	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

// testKeyBits keeps key generation quick in tests; the IdP itself makes
// RSA-3072 keys (keypair.Bits).
const testKeyBits = 2048

type keyPair struct {
	key  *rsa.PrivateKey
	cert *x509.Certificate
}

var idpKeys = sync.OnceValue(func() keyPair { return mustKeyPair() })

func mustKeyPair() keyPair {
	k, c, err := keypair.Generate(testKeyBits, "udviklings-IdP i test (kun test)")
	if err != nil {
		panic(err)
	}
	return keyPair{k, c}
}

// testSP is a service provider built on crewjam/saml, served by an
// httptest server that publishes its metadata at /saml/metadata.
type testSP struct {
	srv *httptest.Server

	mu          sync.Mutex
	sp          *saml.ServiceProvider
	unavailable bool                         // metadata answers 503, as before the SP has started
	mutate      func(*saml.EntityDescriptor) // changes the published metadata
}

func (s *testSP) SP() *saml.ServiceProvider {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sp
}

func (s *testSP) setUnavailable(v bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.unavailable = v
}

// rollKey gives the SP a new key pair, as when it restarts with new keys.
func (s *testSP) rollKey() {
	kp := mustKeyPair()
	s.mu.Lock()
	defer s.mu.Unlock()
	sp := *s.sp
	sp.Key, sp.Certificate = kp.key, kp.cert
	s.sp = &sp
}

func (s *testSP) serveMetadata(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.unavailable {
		http.Error(w, "starting", http.StatusServiceUnavailable)
		return
	}
	ed := s.sp.Metadata()
	if s.mutate != nil {
		s.mutate(ed)
	}
	buf, _ := xml.Marshal(ed)
	w.Header().Set("Content-Type", "application/samlmetadata+xml")
	_, _ = w.Write(buf)
}

// env is an IdP and one SP, both on loopback httptest servers.
type env struct {
	t   *testing.T
	idp *IdP
	srv *httptest.Server // the IdP
	sp  *testSP
}

type envOption func(*testSP)

func withoutSLO() envOption { return func(s *testSP) { s.sp.LogoutBindings = nil } }

// withPostSLO lets the SP take logout messages in the HTTP-POST binding too.
func withPostSLO() envOption {
	return func(s *testSP) { s.sp.LogoutBindings = []string{saml.HTTPRedirectBinding, saml.HTTPPostBinding} }
}

func withMetadata(f func(*saml.EntityDescriptor)) envOption {
	return func(s *testSP) { s.mutate = f }
}

func spUnavailable() envOption { return func(s *testSP) { s.unavailable = true } }

func newEnv(t *testing.T, opts ...envOption) *env {
	t.Helper()
	idpSrv := httptest.NewUnstartedServer(nil)
	spSrv := httptest.NewUnstartedServer(nil)
	idpBase := "http://" + idpSrv.Listener.Addr().String()
	spBase := "http://" + spSrv.Listener.Addr().String()

	kp := idpKeys()
	idp, err := New(Config{
		BaseURL:     idpBase,
		SPMetadata:  []string{spBase + "/saml/metadata"},
		Key:         kp.key,
		Certificate: kp.cert,
		Logger:      slog.New(slog.NewTextHandler(t.Output(), nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	idpSrv.Config.Handler = idp
	idpSrv.Start()
	t.Cleanup(idpSrv.Close)

	spKP := mustKeyPair()
	ts := &testSP{sp: &saml.ServiceProvider{
		EntityID:          spBase + "/saml/metadata",
		Key:               spKP.key,
		Certificate:       spKP.cert,
		MetadataURL:       mustURL(t, spBase+"/saml/metadata"),
		AcsURL:            mustURL(t, spBase+"/saml/acs"),
		SloURL:            mustURL(t, spBase+"/saml/slo"),
		IDPMetadata:       idp.Metadata(),
		SignatureMethod:   dsig.RSASHA256SignatureMethod,
		AuthnNameIDFormat: saml.NameIDFormat(oiosaml.NameIDPersistent),
		LogoutBindings:    []string{saml.HTTPRedirectBinding},
	}}
	for _, o := range opts {
		o(ts)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /saml/metadata", ts.serveMetadata)
	spSrv.Config.Handler = mux
	spSrv.Start()
	t.Cleanup(spSrv.Close)
	ts.srv = spSrv

	return &env{t: t, idp: idp, srv: idpSrv, sp: ts}
}

func mustURL(t *testing.T, s string) url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return *u
}

// browser is a cookie-keeping client that does not follow redirects.
type browser struct {
	t *testing.T
	c *http.Client
}

func newBrowser(t *testing.T) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, c: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

type page struct {
	status int
	header http.Header
	body   string
	doc    *goquery.Document
}

func (b *browser) do(req *http.Request) page {
	b.t.Helper()
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		b.t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		b.t.Fatal(err)
	}
	return page{status: resp.StatusCode, header: resp.Header, body: buf.String(), doc: doc}
}

func (b *browser) get(u string) page {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		b.t.Fatal(err)
	}
	return b.do(req)
}

func (b *browser) post(u string, form url.Values) page {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	if err != nil {
		b.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

func text(p page, sel string) string {
	return strings.TrimSpace(p.doc.Find(sel).First().Text())
}

// authnRequest is an AuthnRequest from sp and the URL or form that carries it.
type authnRequest struct {
	id   string
	url  string     // HTTP-Redirect binding
	form url.Values // HTTP-POST binding, to the IdP's /sso
}

// redirectAuthnRequest makes an AuthnRequest with the HTTP-Redirect binding,
// signed in the query when sp has a SignatureMethod.
func (e *env) redirectAuthnRequest(sp *saml.ServiceProvider, relayState string) authnRequest {
	e.t.Helper()
	ar, err := sp.MakeAuthenticationRequest(sp.GetSSOBindingLocation(saml.HTTPRedirectBinding), saml.HTTPRedirectBinding, saml.HTTPPostBinding)
	if err != nil {
		e.t.Fatal(err)
	}
	u, err := ar.Redirect(relayState, sp)
	if err != nil {
		e.t.Fatal(err)
	}
	return authnRequest{id: ar.ID, url: u.String()}
}

// postAuthnRequest makes an AuthnRequest with the HTTP-POST binding,
// with an enveloped signature when sp has a SignatureMethod.
func (e *env) postAuthnRequest(sp *saml.ServiceProvider, relayState string) authnRequest {
	e.t.Helper()
	ar, err := sp.MakeAuthenticationRequest(sp.GetSSOBindingLocation(saml.HTTPPostBinding), saml.HTTPPostBinding, saml.HTTPPostBinding)
	if err != nil {
		e.t.Fatal(err)
	}
	doc := etree.NewDocument()
	doc.SetRoot(ar.Element())
	buf, err := doc.WriteToBytes()
	if err != nil {
		e.t.Fatal(err)
	}
	return authnRequest{id: ar.ID, form: url.Values{
		"SAMLRequest": {base64.StdEncoding.EncodeToString(buf)},
		"RelayState":  {relayState},
	}}
}

func (e *env) send(b *browser, ar authnRequest) page {
	e.t.Helper()
	if ar.form != nil {
		return b.post(e.srv.URL+"/sso", ar.form)
	}
	return b.get(ar.url)
}

// submitLogin fills in and sends the login form on p.
func (e *env) submitLogin(b *browser, p page, username, password string) page {
	e.t.Helper()
	requestID, ok := p.doc.Find(`form[data-testid="login-form"] input[name="request"]`).Attr("value")
	if !ok {
		e.t.Fatalf("no login form on the page (status %d):\n%s", p.status, p.body)
	}
	return b.post(e.srv.URL+"/login", url.Values{
		"request": {requestID}, "username": {username}, "password": {password},
	})
}

// samlPost is what the IdP's auto-submitting form sends to the SP.
type samlPost struct {
	action       string
	samlResponse string
	relayState   string
}

func postForm(t *testing.T, p page) samlPost {
	t.Helper()
	f := p.doc.Find(`form[data-testid="saml-post-form"]`)
	if f.Length() == 0 {
		t.Fatalf("no SAMLResponse form on the page (status %d):\n%s", p.status, p.body)
	}
	action, _ := f.Attr("action")
	resp, _ := f.Find(`input[name="SAMLResponse"]`).Attr("value")
	relay, _ := f.Find(`input[name="RelayState"]`).Attr("value")
	return samlPost{action: action, samlResponse: resp, relayState: relay}
}

// parseAtSP lets the crewjam SP take the response at its ACS.
func parseAtSP(t *testing.T, sp *saml.ServiceProvider, sp0 samlPost, requestID string) (*saml.Assertion, error) {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, sp0.action, strings.NewReader(url.Values{
		"SAMLResponse": {sp0.samlResponse}, "RelayState": {sp0.relayState},
	}.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if err := r.ParseForm(); err != nil {
		t.Fatal(err)
	}
	return sp.ParseResponse(r, []string{requestID})
}

func deflateBase64(t *testing.T, data []byte) string {
	t.Helper()
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	_, _ = w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}
