package samlsp

// A test identity provider: it builds OIOSAML-shaped responses with the
// TEST ONLY keys in testdata/saml, signs, encrypts and, for the refusal
// tests, spoils them one way at a time.

import (
	"context"
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/samlredirect"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"
	"github.com/crewjam/saml/xmlenc"
	dsig "github.com/russellhaering/goxmldsig"

	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

const (
	testRoot       = "https://sp.test.example"
	testEntityID   = testRoot + MetadataPath
	testACS        = testRoot + ACSPath
	idpEntityID    = "https://idp.test.example/saml"
	idpSSO         = "https://idp.test.example/sso"
	idpSLO         = "https://idp.test.example/slo"
	testSessionIdx = "_session-0001"

	bertiUUID   = "6f1c2a3e-4b5d-4e6f-8a7b-9c0d1e2f3a4b"
	bertiNameID = oiosaml.UUIDNameIDPrefix + bertiUUID
	jensNameID  = "C=DK,O=Fagenes Faellesskab // CVR:11223344,CN=Jens Jensen,Serial=CVR:11223344-RID:80123456"
)

type keyPair struct {
	key  *rsa.PrivateKey
	cert *x509.Certificate
}

var testKeys = sync.OnceValue(func() map[string]keyPair {
	out := map[string]keyPair{}
	for _, name := range []string{"idp", "sp", "other"} {
		out[name] = readKeyPair(name)
	}
	return out
})

func readKeyPair(name string) keyPair {
	dir := filepath.Join("..", "..", "testdata", "saml")
	keyPEM, err := os.ReadFile(filepath.Join(dir, name+"-key.pem"))
	if err != nil {
		panic(err)
	}
	certPEM, err := os.ReadFile(filepath.Join(dir, name+"-cert.pem"))
	if err != nil {
		panic(err)
	}
	kb, _ := pem.Decode(keyPEM)
	cb, _ := pem.Decode(certPEM)
	key, err := x509.ParsePKCS8PrivateKey(kb.Bytes)
	if err != nil {
		panic(err)
	}
	cert, err := x509.ParseCertificate(cb.Bytes)
	if err != nil {
		panic(err)
	}
	return keyPair{key: key.(*rsa.PrivateKey), cert: cert}
}

// idpMetadata is the test IdP's metadata with the given signing certificates.
func idpMetadata(certs ...*x509.Certificate) []byte {
	doc := etree.NewDocument()
	ed := doc.CreateElement("md:EntityDescriptor")
	ed.CreateAttr("xmlns:md", nsMetadata)
	ed.CreateAttr("xmlns:ds", nsDSig)
	ed.CreateAttr("entityID", idpEntityID)
	d := ed.CreateElement("md:IDPSSODescriptor")
	d.CreateAttr("protocolSupportEnumeration", nsProtocol)
	d.CreateAttr("WantAuthnRequestsSigned", "true")
	for _, c := range certs {
		kd := d.CreateElement("md:KeyDescriptor")
		kd.CreateAttr("use", "signing")
		kd.CreateElement("ds:KeyInfo").CreateElement("ds:X509Data").CreateElement("ds:X509Certificate").
			SetText(base64.StdEncoding.EncodeToString(c.Raw))
	}
	slo := d.CreateElement("md:SingleLogoutService")
	slo.CreateAttr("Binding", saml.HTTPRedirectBinding)
	slo.CreateAttr("Location", idpSLO)
	sso := d.CreateElement("md:SingleSignOnService")
	sso.CreateAttr("Binding", saml.HTTPRedirectBinding)
	sso.CreateAttr("Location", idpSSO)
	out, err := doc.WriteToBytes()
	if err != nil {
		panic(err)
	}
	return out
}

// memReplay is an in-memory ReplayCache.
type memReplay struct {
	mu   sync.Mutex
	used map[string]time.Time
}

func (m *memReplay) Use(_ context.Context, id string, expires time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.used == nil {
		m.used = map[string]time.Time{}
	}
	if _, ok := m.used[id]; ok {
		return ErrReplayed
	}
	m.used[id] = expires
	return nil
}

// fixture is an SP under test with its IdP metadata file and clock.
type fixture struct {
	sp       *SP
	now      time.Time
	mdFile   string
	replay   *memReplay
	spKey    keyPair
	idpKey   keyPair
	otherKey keyPair
}

// fixtureOption changes the SP's configuration, or the IdP metadata file,
// before the SP starts.
type fixtureOption func(f *fixture, cfg *Config)

// newFixture starts an SP that trusts the test IdP. Its clock is the real
// one, read once: crewjam/saml's second check uses the real clock.
func newFixture(t testing.TB, opts ...fixtureOption) *fixture {
	t.Helper()
	keys := testKeys()
	f := &fixture{
		now:      time.Now().UTC().Truncate(time.Millisecond),
		mdFile:   filepath.Join(t.TempDir(), "idp-metadata.xml"),
		replay:   &memReplay{},
		spKey:    keys["sp"],
		idpKey:   keys["idp"],
		otherKey: keys["other"],
	}
	if err := os.WriteFile(f.mdFile, idpMetadata(f.idpKey.cert), 0o600); err != nil {
		t.Fatal(err)
	}
	root, _ := url.Parse(testRoot)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	cfg := Config{
		RootURL:         root,
		Key:             f.spKey.key,
		Cert:            f.spKey.cert,
		IdPMetadataFile: f.mdFile,
		Replay:          f.replay,
		Now:             func() time.Time { return f.now },
	}
	for _, o := range opts {
		o(f, &cfg)
	}
	sp, err := New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	f.sp = sp
	return f
}

// login runs StartLogin and returns the AuthnRequest's ID and the cookies
// the browser would send back to the ACS.
func (f *fixture) login(t testing.TB, returnTo string) (string, []*http.Cookie) {
	t.Helper()
	rec := httptest.NewRecorder()
	if err := f.sp.StartLogin(rec, httptest.NewRequest(http.MethodGet, testRoot+"/login", nil), returnTo); err != nil {
		t.Fatal(err)
	}
	req := authnRequestFrom(t, rec.Result())
	return req.SelectAttrValue("ID", ""), rec.Result().Cookies()
}

// authnRequestFrom decodes the AuthnRequest in a StartLogin redirect.
func authnRequestFrom(t testing.TB, resp *http.Response) *etree.Element {
	t.Helper()
	loc, err := resp.Location()
	if err != nil {
		t.Fatalf("StartLogin did not redirect: %v", err)
	}
	xmlBytes, err := samlredirect.Decode(loc.Query().Get("SAMLRequest"))
	if err != nil {
		t.Fatal(err)
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(xmlBytes); err != nil {
		t.Fatal(err)
	}
	return doc.Root()
}

// post makes the browser's POST of a SAMLResponse to the ACS.
func post(samlResponse string, cookies []*http.Cookie) *http.Request {
	form := url.Values{"SAMLResponse": {samlResponse}}
	r := httptest.NewRequest(http.MethodPost, testACS, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range cookies {
		r.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	return r
}

// respSpec describes one response of the test IdP. The good* functions
// give a correct one; tests then spoil one thing.
type respSpec struct {
	// Response
	Destination  string
	InResponseTo string
	RespIssuer   string
	IssueInstant time.Time
	Status       string
	SubStatus    string
	SignResponse bool
	RespSigAlg   string

	// Assertion
	AssertionID    string
	AssertionIssue time.Time // the assertion's IssueInstant; zero: IssueInstant
	Issuer         string
	NameID         string
	NameIDFormat   string
	Recipient      string
	SCInResponseTo string
	SCNotOnOrAfter time.Time
	NotBefore      time.Time
	NotOnOrAfter   time.Time
	Audiences      []string // nil: no AudienceRestriction
	Attrs          []saml.Attribute
	MoreAttrs      []saml.Attribute // when set, a second AttributeStatement
	ClassRef       string           // the AuthnContextClassRef; "" for none

	// Signing and encryption of the assertion
	SignAssertion bool
	SignWith      keyPair
	SigAlg        string
	SHA1Digest    bool // SignatureMethod RSA-SHA256, but a SHA-1 digest
	Encrypt       bool
	Cipher        string // "aes128-cbc" (default), "aes256-gcm", or "rsa-1_5"

	// Document type declarations, e.g. "DOCTYPE x [<!ENTITY e 'v'>]", put
	// before the Response, and before the assertion inside the encryption.
	Doctype          string
	AssertionDoctype string

	// Hooks for what the fields cannot say.
	MutateAssertion func(el *etree.Element)                    // the assertion, before it is signed
	MutateSigned    func(signed *etree.Element) *etree.Element // the signed assertion, before encryption
	MutateResponse  func(resp *etree.Element)                  // before the response is signed
}

func attr(name string, values ...string) saml.Attribute {
	a := saml.Attribute{Name: name, NameFormat: "urn:oasis:names:tc:SAML:2.0:attrname-format:uri"}
	for _, v := range values {
		a.Values = append(a.Values, saml.AttributeValue{Type: "xs:string", Value: v})
	}
	return a
}

// setAttr replaces attribute name's values, or adds the attribute; with no
// values it removes the attribute.
func (s *respSpec) setAttr(name string, values ...string) {
	for i, a := range s.Attrs {
		if a.Name == name {
			if len(values) == 0 {
				s.Attrs = append(s.Attrs[:i], s.Attrs[i+1:]...)
			} else {
				s.Attrs[i] = attr(name, values...)
			}
			return
		}
	}
	if len(values) > 0 {
		s.Attrs = append(s.Attrs, attr(name, values...))
	}
}

func (f *fixture) good(requestID string) respSpec {
	return respSpec{
		Destination:    testACS,
		InResponseTo:   requestID,
		RespIssuer:     idpEntityID,
		IssueInstant:   f.now,
		Status:         saml.StatusSuccess,
		AssertionID:    "_a" + rand.Text(),
		Issuer:         idpEntityID,
		Recipient:      testACS,
		SCInResponseTo: requestID,
		SCNotOnOrAfter: f.now.Add(5 * time.Minute),
		NotBefore:      f.now.Add(-time.Minute),
		NotOnOrAfter:   f.now.Add(5 * time.Minute),
		Audiences:      []string{testEntityID},
		ClassRef:       oiosaml.LoASubstantial,
		SignAssertion:  true,
		SignWith:       f.idpKey,
		SigAlg:         dsig.RSASHA256SignatureMethod,
		Encrypt:        true,
	}
}

// goodOIOSAML3 is a NemLog-in 3 professional login at LoA Substantial.
func (f *fixture) goodOIOSAML3(requestID string) respSpec {
	s := f.good(requestID)
	s.NameID, s.NameIDFormat = bertiNameID, oiosaml.NameIDPersistent
	s.Attrs = []saml.Attribute{
		attr(oiosaml.AttrSpecVer3, oiosaml.Profile3),
		attr(oiosaml.AttrLoA, "Substantial"),
		attr(oiosaml.AttrCVR, "11223344"),
		attr(oiosaml.AttrUUID, "urn:uuid:"+bertiUUID),
		attr(oiosaml.AttrOrgName, "A-kasse 22 Fagenes Fællesskab"),
		attr(oiosaml.AttrFullName, "Berit Hansen"),
	}
	return s
}

// goodOIOSAML2 is a NemID medarbejdersignatur login at AssuranceLevel 3.
func (f *fixture) goodOIOSAML2(requestID string) respSpec {
	s := f.good(requestID)
	s.NameID, s.NameIDFormat = jensNameID, oiosaml.NameIDX509Subject
	s.ClassRef = "urn:oasis:names:tc:SAML:2.0:ac:classes:X509" // what NemID sent for a medarbejdersignatur
	s.Attrs = []saml.Attribute{
		attr(oiosaml.AttrSpecVer2, oiosaml.Profile2),
		attr(oiosaml.AttrAssuranceLevel, "3"),
		attr(oiosaml.AttrCVR2, "11223344"),
		attr(oiosaml.AttrRID2, "80123456"),
		attr(oiosaml.AttrCommonName2, "Jens Jensen"),
	}
	return s
}

// build makes the base64 SAMLResponse that s describes.
func (f *fixture) build(t *testing.T, s respSpec) string {
	t.Helper()
	assertionIssue := s.AssertionIssue
	if assertionIssue.IsZero() {
		assertionIssue = s.IssueInstant
	}
	a := &saml.Assertion{
		ID:           s.AssertionID,
		IssueInstant: assertionIssue,
		Version:      "2.0",
		Issuer:       saml.Issuer{Format: "urn:oasis:names:tc:SAML:2.0:nameid-format:entity", Value: s.Issuer},
		Subject: &saml.Subject{
			NameID: &saml.NameID{Format: s.NameIDFormat, Value: s.NameID},
			SubjectConfirmations: []saml.SubjectConfirmation{{
				Method: bearer,
				SubjectConfirmationData: &saml.SubjectConfirmationData{
					InResponseTo: s.SCInResponseTo,
					NotOnOrAfter: s.SCNotOnOrAfter,
					Recipient:    s.Recipient,
				},
			}},
		},
		Conditions: &saml.Conditions{NotBefore: s.NotBefore, NotOnOrAfter: s.NotOnOrAfter},
		AuthnStatements: []saml.AuthnStatement{{
			AuthnInstant: s.IssueInstant,
			SessionIndex: testSessionIdx,
		}},
		AttributeStatements: []saml.AttributeStatement{{Attributes: s.Attrs}},
	}
	if s.MoreAttrs != nil {
		a.AttributeStatements = append(a.AttributeStatements, saml.AttributeStatement{Attributes: s.MoreAttrs})
	}
	if s.ClassRef != "" {
		a.AuthnStatements[0].AuthnContext.AuthnContextClassRef = &saml.AuthnContextClassRef{Value: s.ClassRef}
	}
	for _, aud := range s.Audiences {
		a.Conditions.AudienceRestrictions = append(a.Conditions.AudienceRestrictions,
			saml.AudienceRestriction{Audience: saml.Audience{Value: aud}})
	}
	assertionEl := a.Element()
	if s.MutateAssertion != nil {
		s.MutateAssertion(assertionEl)
	}
	if s.SignAssertion {
		sig := sign(t, assertionEl, s.SignWith, s.SigAlg, s.SHA1Digest)
		// The signature goes right after the Issuer (schema order).
		assertionEl.InsertChildAt(assertionEl.SelectElement("Issuer").Index()+1, sig)
	}
	if s.MutateSigned != nil {
		assertionEl = s.MutateSigned(assertionEl)
	}
	if s.Encrypt {
		assertionEl = f.encrypt(t, assertionEl, s.Cipher, s.AssertionDoctype)
	}

	status := saml.Status{StatusCode: saml.StatusCode{Value: s.Status}}
	if s.SubStatus != "" {
		status.StatusCode.StatusCode = &saml.StatusCode{Value: s.SubStatus}
	}
	resp := &saml.Response{
		ID:           "_r" + rand.Text(),
		InResponseTo: s.InResponseTo,
		Version:      "2.0",
		IssueInstant: s.IssueInstant,
		Destination:  s.Destination,
		Issuer:       &saml.Issuer{Format: "urn:oasis:names:tc:SAML:2.0:nameid-format:entity", Value: s.RespIssuer},
		Status:       status,
	}
	respEl := resp.Element()
	respEl.AddChild(assertionEl)
	if s.MutateResponse != nil {
		s.MutateResponse(respEl)
	}
	if s.SignResponse {
		alg := s.RespSigAlg
		if alg == "" {
			alg = dsig.RSASHA256SignatureMethod
		}
		sig := sign(t, respEl, f.idpKey, alg, false)
		// The signature goes right after the Issuer (schema order).
		respEl.InsertChildAt(respEl.SelectElement("Issuer").Index()+1, sig)
	}
	doc := etree.NewDocument()
	if s.Doctype != "" {
		doc.CreateDirective(s.Doctype)
	}
	doc.SetRoot(respEl)
	out, err := doc.WriteToBytes()
	if err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(out)
}

// sign returns an enveloped signature over el with exclusive c14n. With
// sha1Digest it computes a SHA-1 digest but says (and signs) RSA-SHA256, so
// that only the digest is weak.
func sign(t *testing.T, el *etree.Element, kp keyPair, alg string, sha1Digest bool) *etree.Element {
	t.Helper()
	ctx, err := dsig.NewSigningContext(kp.key, [][]byte{kp.cert.Raw})
	if err != nil {
		t.Fatal(err)
	}
	ctx.Canonicalizer = dsig.MakeC14N10ExclusiveCanonicalizerWithPrefixList("")
	if sha1Digest {
		alg = dsig.RSASHA1SignatureMethod
	}
	if err := ctx.SetSignatureMethod(alg); err != nil {
		t.Fatal(err)
	}
	sig, err := ctx.ConstructSignature(el, true)
	if err != nil {
		t.Fatal(err)
	}
	if sha1Digest {
		si := sig.SelectElement("SignedInfo")
		si.SelectElement("SignatureMethod").CreateAttr("Algorithm", dsig.RSASHA256SignatureMethod)
		detached := si.Copy()
		detached.CreateAttr("xmlns:ds", nsDSig)
		c14n, err := ctx.Canonicalizer.Canonicalize(detached)
		if err != nil {
			t.Fatal(err)
		}
		digest := sha256.Sum256(c14n)
		value, err := rsa.SignPKCS1v15(rand.Reader, kp.key, crypto.SHA256, digest[:])
		if err != nil {
			t.Fatal(err)
		}
		sig.SelectElement("SignatureValue").SetText(base64.StdEncoding.EncodeToString(value))
	}
	return sig
}

// encrypt wraps el in a saml:EncryptedAssertion for the SP's key.
func (f *fixture) encrypt(t *testing.T, el *etree.Element, cipherName, doctype string) *etree.Element {
	t.Helper()
	doc := etree.NewDocument()
	if doctype != "" {
		doc.CreateDirective(doctype)
	}
	doc.SetRoot(el.Copy())
	plain, err := doc.WriteToBytes()
	if err != nil {
		t.Fatal(err)
	}
	enc := etree.NewElement("saml:EncryptedAssertion")
	switch cipherName {
	case "", "aes128-cbc", "rsa-1_5":
		// What crewjam/saml's IdP and SimpleSAMLphp send.
		e := xmlenc.OAEP()
		if cipherName == "rsa-1_5" {
			e = xmlenc.PKCS1v15()
		}
		e.BlockCipher = xmlenc.AES128CBC
		if cipherName != "rsa-1_5" {
			e.DigestMethod = &xmlenc.SHA1
		}
		data, err := e.Encrypt(f.spKey.cert, plain, nil)
		if err != nil {
			t.Fatal(err)
		}
		data.CreateAttr("Type", "http://www.w3.org/2001/04/xmlenc#Element")
		enc.AddChild(data)
	case "aes256-gcm":
		// XML Encryption 1.1: AES-256-GCM data, RSA-OAEP (SHA-256, MGF1
		// SHA-256) key, and the EncryptedKey beside the EncryptedData.
		key := make([]byte, 32)
		rand.Read(key)
		block, _ := aes.NewCipher(key)
		aead, _ := cipher.NewGCM(block)
		nonce := make([]byte, aead.NonceSize())
		rand.Read(nonce)
		data := enc.CreateElement("xenc:EncryptedData")
		data.CreateAttr("xmlns:xenc", nsXMLEnc)
		data.CreateAttr("Type", "http://www.w3.org/2001/04/xmlenc#Element")
		data.CreateElement("xenc:EncryptionMethod").CreateAttr("Algorithm", algAES256GCM)
		data.CreateElement("xenc:CipherData").CreateElement("xenc:CipherValue").
			SetText(base64.StdEncoding.EncodeToString(aead.Seal(nonce, nonce, plain, nil)))
		wrapped, err := rsa.EncryptOAEPWithOptions(rand.Reader, &f.spKey.key.PublicKey, key, &rsa.OAEPOptions{Hash: crypto.SHA256, MGFHash: crypto.SHA256})
		if err != nil {
			t.Fatal(err)
		}
		ek := enc.CreateElement("xenc:EncryptedKey")
		ek.CreateAttr("xmlns:xenc", nsXMLEnc)
		em := ek.CreateElement("xenc:EncryptionMethod")
		em.CreateAttr("Algorithm", algRSAOAEP)
		dm := em.CreateElement("ds:DigestMethod")
		dm.CreateAttr("xmlns:ds", nsDSig)
		dm.CreateAttr("Algorithm", "http://www.w3.org/2001/04/xmlenc#sha256")
		mgf := em.CreateElement("xenc11:MGF")
		mgf.CreateAttr("xmlns:xenc11", "http://www.w3.org/2009/xmlenc11#")
		mgf.CreateAttr("Algorithm", "http://www.w3.org/2009/xmlenc11#mgf1sha256")
		ek.CreateElement("xenc:CipherData").CreateElement("xenc:CipherValue").
			SetText(base64.StdEncoding.EncodeToString(wrapped))
	default:
		t.Fatalf("unknown cipher %q", cipherName)
	}
	return enc
}
