package devidp

import (
	"crypto/x509"
	"encoding/base64"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/beevik/etree"
	"github.com/crewjam/saml"
	"github.com/crewjam/saml/xmlenc"
	"github.com/google/go-cmp/cmp"
	dsig "github.com/russellhaering/goxmldsig"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

func TestLogin_UserArrivesAtSPWithTheirAttributes(t *testing.T) {
	tests := []struct {
		username     string
		nameIDFormat string
		nameID       string
		classRef     string
		attrs        map[string][]string
	}{
		{
			username:     "berit", // OIOSAML 3, no RID
			nameIDFormat: oiosaml.NameIDPersistent,
			nameID:       "https://data.gov.dk/model/core/eid/professional/uuid/6f1c2a3e-4b5d-4e6f-8a7b-9c0d1e2f3a4b",
			classRef:     oiosaml.LoASubstantial,
			attrs: map[string][]string{
				oiosaml.AttrSpecVer3: {"OIO-SAML-3.0"},
				oiosaml.AttrCVR:      {"11223344"},
				oiosaml.AttrUUID:     {"urn:uuid:6f1c2a3e-4b5d-4e6f-8a7b-9c0d1e2f3a4b"},
				oiosaml.AttrOrgName:  {"A-kasse 22 Fagenes Fællesskab"},
				oiosaml.AttrFullName: {"Berit Hansen"},
				oiosaml.AttrLoA:      {"Substantial"},
				attrEmail3:           {"berit.hansen@fagenes.example"},
			},
		},
		{
			username:     "mads", // OIOSAML 3 with a legacy RID
			nameIDFormat: oiosaml.NameIDPersistent,
			nameID:       "https://data.gov.dk/model/core/eid/professional/uuid/0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d",
			classRef:     oiosaml.LoASubstantial,
			attrs: map[string][]string{
				oiosaml.AttrSpecVer3: {"OIO-SAML-3.0"},
				oiosaml.AttrCVR:      {"11223344"},
				oiosaml.AttrUUID:     {"urn:uuid:0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d"},
				oiosaml.AttrRID:      {"40223344"},
				oiosaml.AttrOrgName:  {"A-kasse 22 Fagenes Fællesskab"},
				oiosaml.AttrFullName: {"Mads Kjær"},
				oiosaml.AttrLoA:      {"Substantial"},
				attrEmail3:           {"mads.kjaer@fagenes.example"},
			},
		},
		{
			// A citizen as themself: the OIOSAML 3 person profile, no
			// professional attribute, and a NameID that is not the CPR.
			username:     "anna",
			nameIDFormat: oiosaml.NameIDPersistent,
			nameID:       "https://data.gov.dk/model/core/eid/person/uuid/53800c35-9bae-4f99-bafa-27d654672a04",
			classRef:     oiosaml.LoASubstantial,
			attrs: map[string][]string{
				oiosaml.AttrSpecVer3: {"OIO-SAML-3.0"},
				oiosaml.AttrCPR:      {"1203854417"},
				oiosaml.AttrFullName: {"Anna Jensen"},
				oiosaml.AttrLoA:      {"Substantial"},
			},
		},
		{
			username:     "nina", // OIOSAML 2, medarbejdersignatur
			nameIDFormat: oiosaml.NameIDX509Subject,
			nameID:       "CN=Nina Pettersen + SERIALNUMBER=CVR:55667788-RID:40112233",
			classRef:     "urn:oasis:names:tc:SAML:2.0:ac:classes:X509",
			attrs: map[string][]string{
				oiosaml.AttrSpecVer2:       {"DK-SAML-2.0"},
				oiosaml.AttrCVR2:           {"55667788"},
				oiosaml.AttrRID2:           {"40112233"},
				oiosaml.AttrCommonName2:    {"Nina Pettersen"},
				oiosaml.AttrAssuranceLevel: {"3"},
				attrOrgName2:               {"Aarhus Kommune"},
				attrEmail2:                 {"nina.pettersen@aarhus.example"},
			},
		},
	}
	e := newEnv(t)
	for _, tt := range tests {
		t.Run(tt.username, func(t *testing.T) {
			b := newBrowser(t)
			sp := e.sp.SP()
			ar := e.redirectAuthnRequest(sp, "/sagsbehandleradgang")
			login := e.send(b, ar)
			if login.status != http.StatusOK {
				t.Fatalf("login page: status %d:\n%s", login.status, login.body)
			}
			post := postForm(t, e.submitLogin(b, login, tt.username, demo.Password))
			if post.action != sp.AcsURL.String() {
				t.Errorf("form posts to %q, want the ACS %q", post.action, sp.AcsURL.String())
			}
			if post.relayState != "/sagsbehandleradgang" {
				t.Errorf("RelayState = %q, want it passed on", post.relayState)
			}

			a, err := parseAtSP(t, sp, post, ar.id)
			if err != nil {
				t.Fatalf("SP refused the response: %v", describe(err))
			}
			got := map[string][]string{}
			for _, st := range a.AttributeStatements {
				for _, at := range st.Attributes {
					if at.NameFormat != attrNameFormatURI {
						t.Errorf("attribute %s has NameFormat %q, want uri", at.Name, at.NameFormat)
					}
					for _, v := range at.Values {
						got[at.Name] = append(got[at.Name], v.Value)
					}
				}
			}
			if diff := cmp.Diff(tt.attrs, got); diff != "" {
				t.Errorf("attributes (-want +got):\n%s", diff)
			}
			if a.Subject.NameID.Format != tt.nameIDFormat || a.Subject.NameID.Value != tt.nameID {
				t.Errorf("NameID = %q (%s), want %q (%s)", a.Subject.NameID.Value, a.Subject.NameID.Format, tt.nameID, tt.nameIDFormat)
			}
			if got := a.Conditions.AudienceRestrictions; len(got) != 1 || got[0].Audience.Value != sp.EntityID {
				t.Errorf("AudienceRestriction = %+v, want the SP's entity ID %q", got, sp.EntityID)
			}
			if got := a.Subject.SubjectConfirmations[0].SubjectConfirmationData.Recipient; got != sp.AcsURL.String() {
				t.Errorf("Recipient = %q, want %q", got, sp.AcsURL.String())
			}
			st := a.AuthnStatements[0]
			if st.SessionIndex == "" {
				t.Error("no SessionIndex")
			}
			if st.AuthnContext.AuthnContextClassRef.Value != tt.classRef {
				t.Errorf("AuthnContextClassRef = %q, want %q", st.AuthnContext.AuthnContextClassRef.Value, tt.classRef)
			}
			if a.Issuer.Value != e.idp.EntityID() {
				t.Errorf("Issuer = %q, want %q", a.Issuer.Value, e.idp.EntityID())
			}
		})
	}
}

// describe unwraps crewjam's InvalidResponseError, whose Error() hides why.
func describe(err error) error {
	if ire, ok := err.(*saml.InvalidResponseError); ok {
		return ire.PrivateErr
	}
	return err
}

func TestLogin_ResponseCarriesAnEncryptedAssertionSignedWithRSASHA256(t *testing.T) {
	e := newEnv(t)
	b := newBrowser(t)
	sp := e.sp.SP()
	ar := e.redirectAuthnRequest(sp, "")
	post := postForm(t, e.submitLogin(b, e.send(b, ar), "berit", demo.Password))

	raw, err := base64.StdEncoding.DecodeString(post.samlResponse)
	if err != nil {
		t.Fatal(err)
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(raw); err != nil {
		t.Fatal(err)
	}
	resp := doc.Root()
	if got := resp.SelectAttrValue("Destination", ""); got != sp.AcsURL.String() {
		t.Errorf("Response Destination = %q, want %q", got, sp.AcsURL.String())
	}
	if n := len(resp.SelectElements("Assertion")); n != 0 {
		t.Fatalf("response has %d plaintext Assertion elements, want none", n)
	}
	encs := resp.SelectElements("EncryptedAssertion")
	if len(encs) != 1 {
		t.Fatalf("response has %d EncryptedAssertion elements, want 1", len(encs))
	}
	encData := encs[0].FindElement("./EncryptedData")
	if got := encData.FindElement("./EncryptionMethod").SelectAttrValue("Algorithm", ""); got != aes128CBC {
		t.Errorf("block cipher = %q, want %q", got, aes128CBC)
	}
	if got := encData.FindElement("./KeyInfo/EncryptedKey/EncryptionMethod").SelectAttrValue("Algorithm", ""); got != "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p" {
		t.Errorf("key transport = %q, want rsa-oaep-mgf1p", got)
	}

	plain, err := xmlenc.Decrypt(sp.Key, encData)
	if err != nil {
		t.Fatalf("decrypt with the SP's key: %v", err)
	}
	adoc := etree.NewDocument()
	if err := adoc.ReadFromBytes(plain); err != nil {
		t.Fatal(err)
	}
	assertion := adoc.Root()
	if assertion.Tag != "Assertion" {
		t.Fatalf("decrypted %s, want Assertion", assertion.Tag)
	}
	sig := assertion.SelectElement("Signature")
	if sig == nil {
		t.Fatal("the assertion itself is not signed")
	}
	if got := sig.FindElement("./SignedInfo/SignatureMethod").SelectAttrValue("Algorithm", ""); got != dsig.RSASHA256SignatureMethod {
		t.Errorf("assertion SignatureMethod = %q, want RSA-SHA256", got)
	}
	if got := sig.FindElement("./SignedInfo/Reference/DigestMethod").SelectAttrValue("Algorithm", ""); got != "http://www.w3.org/2001/04/xmlenc#sha256" {
		t.Errorf("assertion DigestMethod = %q, want SHA-256", got)
	}
	vc := dsig.NewDefaultValidationContext(&dsig.MemoryX509CertificateStore{Roots: []*x509.Certificate{idpKeys().cert}})
	vc.IdAttribute = "ID"
	if _, err := vc.Validate(assertion); err != nil {
		t.Errorf("assertion signature does not verify with the IdP's certificate: %v", err)
	}
	if got := resp.FindElement("./Signature/SignedInfo/SignatureMethod").SelectAttrValue("Algorithm", ""); got != dsig.RSASHA256SignatureMethod {
		t.Errorf("Response SignatureMethod = %q, want RSA-SHA256", got)
	}
}

func TestLogin_WrongPasswordShowsDanishErrorAndNoSAMLResponse(t *testing.T) {
	e := newEnv(t)
	b := newBrowser(t)
	sp := e.sp.SP()
	ar := e.redirectAuthnRequest(sp, "")
	login := e.send(b, ar)

	for _, tc := range []struct{ username, password string }{
		{"berit", "forkert"},
		{"ukendt", demo.Password},
	} {
		p := e.submitLogin(b, login, tc.username, tc.password)
		if got, want := text(p, `[data-testid="login-error"]`), "Forkert brugernavn eller adgangskode."; got != want {
			t.Errorf("%s/%s: error = %q, want %q", tc.username, tc.password, got, want)
		}
		if got, _ := p.doc.Find("#username").Attr("value"); got != tc.username {
			t.Errorf("username field = %q, want the typed %q kept", got, tc.username)
		}
		if strings.Contains(p.body, "SAMLResponse") {
			t.Errorf("%s/%s: page carries a SAMLResponse", tc.username, tc.password)
		}
	}

	// The same request can still be answered with the right password.
	post := postForm(t, e.submitLogin(b, login, "berit", demo.Password))
	if _, err := parseAtSP(t, sp, post, ar.id); err != nil {
		t.Fatalf("after a wrong password, the right one should log in: %v", describe(err))
	}
}

func TestLogin_UnsignedAuthnRequestIsRefusedWithAClearPage(t *testing.T) {
	e := newEnv(t)
	unsigned := *e.sp.SP()
	unsigned.SignatureMethod = ""
	for name, ar := range map[string]authnRequest{
		"redirect": e.redirectAuthnRequest(&unsigned, ""),
		"post":     e.postAuthnRequest(&unsigned, ""),
	} {
		t.Run(name, func(t *testing.T) {
			p := e.send(newBrowser(t), ar)
			if p.status != http.StatusBadRequest {
				t.Errorf("status %d, want 400", p.status)
			}
			if got, want := text(p, `[data-testid="message-title"]`), "Login-forespørgslen er ikke signeret"; got != want {
				t.Errorf("title %q, want %q", got, want)
			}
			if p.doc.Find(`[data-testid="login-form"]`).Length() != 0 {
				t.Error("login form shown for an unsigned request")
			}
		})
	}
}

func TestLogin_SHA1SignedAuthnRequestIsRefused(t *testing.T) {
	e := newEnv(t)
	sha1 := *e.sp.SP()
	sha1.SignatureMethod = dsig.RSASHA1SignatureMethod
	for name, ar := range map[string]authnRequest{
		"redirect": e.redirectAuthnRequest(&sha1, ""),
		"post":     e.postAuthnRequest(&sha1, ""),
	} {
		t.Run(name, func(t *testing.T) {
			p := e.send(newBrowser(t), ar)
			if p.status != http.StatusBadRequest {
				t.Errorf("status %d, want 400", p.status)
			}
			if got, want := text(p, `[data-testid="message-title"]`), "Login-forespørgslens signatur er ikke gyldig"; got != want {
				t.Errorf("title %q, want %q", got, want)
			}
		})
	}
}

func TestLogin_AuthnRequestSignedByAnotherKeyIsRefused(t *testing.T) {
	e := newEnv(t)
	other := *e.sp.SP()
	kp := mustKeyPair()
	other.Key, other.Certificate = kp.key, kp.cert
	p := e.send(newBrowser(t), e.redirectAuthnRequest(&other, ""))
	if got, want := text(p, `[data-testid="message-title"]`), "Login-forespørgslens signatur er ikke gyldig"; p.status != http.StatusBadRequest || got != want {
		t.Errorf("status %d, title %q; want 400 %q", p.status, got, want)
	}
}

func TestLogin_TamperedRelayStateIsRefused(t *testing.T) {
	e := newEnv(t)
	ar := e.redirectAuthnRequest(e.sp.SP(), "/sagsbehandleradgang")
	ar.url = strings.Replace(ar.url, "RelayState=/sagsbehandleradgang", "RelayState=https://evil.example/", 1)
	p := e.send(newBrowser(t), ar)
	if p.status != http.StatusBadRequest {
		t.Errorf("status %d, want 400", p.status)
	}
}

func TestLogin_SignedPostBindingRequestShowsLoginForm(t *testing.T) {
	e := newEnv(t)
	b := newBrowser(t)
	sp := e.sp.SP()
	ar := e.postAuthnRequest(sp, "relay")
	post := postForm(t, e.submitLogin(b, e.send(b, ar), "nina", demo.Password))
	if _, err := parseAtSP(t, sp, post, ar.id); err != nil {
		t.Fatalf("SP refused the response: %v", describe(err))
	}
}

func TestLogin_UnknownSPIsRefused(t *testing.T) {
	e := newEnv(t)
	stranger := *e.sp.SP()
	stranger.EntityID = "https://stranger.example/saml"
	p := e.send(newBrowser(t), e.redirectAuthnRequest(&stranger, ""))
	if got, want := text(p, `[data-testid="message-title"]`), "Ukendt tjeneste"; p.status != http.StatusForbidden || got != want {
		t.Errorf("status %d, title %q; want 403 %q", p.status, got, want)
	}
}

func TestLogin_SPWithoutEncryptionKeyIsRefused(t *testing.T) {
	e := newEnv(t, withMetadata(func(ed *saml.EntityDescriptor) {
		sp := &ed.SPSSODescriptors[0]
		var kept []saml.KeyDescriptor
		for _, kd := range sp.KeyDescriptors {
			if kd.Use == "signing" {
				kept = append(kept, kd)
			}
		}
		sp.KeyDescriptors = kept
	}))
	p := e.send(newBrowser(t), e.redirectAuthnRequest(e.sp.SP(), ""))
	if got, want := text(p, `[data-testid="message-title"]`), "Tjenesten kan ikke modtage en krypteret assertion"; p.status != http.StatusBadRequest || got != want {
		t.Errorf("status %d, title %q; want 400 %q", p.status, got, want)
	}
}

func TestLogin_SecondRequestIsAnsweredWithoutTheFormUnlessForceAuthn(t *testing.T) {
	e := newEnv(t)
	b := newBrowser(t)
	sp := e.sp.SP()
	e.submitLogin(b, e.send(b, e.redirectAuthnRequest(sp, "")), "berit", demo.Password)

	ar := e.redirectAuthnRequest(sp, "")
	a, err := parseAtSP(t, sp, postForm(t, e.send(b, ar)), ar.id)
	if err != nil {
		t.Fatalf("SSO answer refused: %v", describe(err))
	}
	if got := a.Subject.NameID.Value; !strings.HasSuffix(got, demo.Caseworkers[0].UUID) {
		t.Errorf("SSO answered for %q, want berit", got)
	}

	force := *sp
	force.ForceAuthn = new(true)
	p := e.send(b, e.redirectAuthnRequest(&force, ""))
	if p.doc.Find(`[data-testid="login-form"]`).Length() != 1 {
		t.Errorf("ForceAuthn should show the login form:\n%s", p.body)
	}
}

func TestLogin_SPThatStartsAfterTheIdPIsServedOnceItIsUp(t *testing.T) {
	e := newEnv(t, spUnavailable())
	sp := e.sp.SP()
	p := e.send(newBrowser(t), e.redirectAuthnRequest(sp, ""))
	if p.status != http.StatusForbidden {
		t.Fatalf("while the SP is down: status %d, want 403", p.status)
	}
	e.sp.setUnavailable(false)
	b := newBrowser(t)
	ar := e.redirectAuthnRequest(sp, "")
	post := postForm(t, e.submitLogin(b, e.send(b, ar), "berit", demo.Password))
	if _, err := parseAtSP(t, sp, post, ar.id); err != nil {
		t.Fatalf("SP refused the response: %v", describe(err))
	}
}

func TestLogin_SPRestartedWithANewKeyIsServed(t *testing.T) {
	e := newEnv(t)
	b := newBrowser(t)
	e.send(b, e.redirectAuthnRequest(e.sp.SP(), "")) // IdP caches the metadata

	e.sp.rollKey()
	sp := e.sp.SP()
	ar := e.redirectAuthnRequest(sp, "")
	post := postForm(t, e.submitLogin(b, e.send(b, ar), "nina", demo.Password))
	if _, err := parseAtSP(t, sp, post, ar.id); err != nil {
		t.Fatalf("SP with its new key cannot read the response: %v", describe(err))
	}
}

func TestLoginPage_ListsEveryDemoUserAndLabelsEveryField(t *testing.T) {
	e := newEnv(t)
	p := e.send(newBrowser(t), e.redirectAuthnRequest(e.sp.SP(), ""))

	if lang, _ := p.doc.Find("html").Attr("lang"); lang != "da" {
		t.Errorf("html lang = %q, want da", lang)
	}
	var want, got []string
	for _, c := range demo.Caseworkers {
		want = append(want, c.Username+"|"+c.Name+"|"+c.Description)
	}
	for _, c := range demo.Citizens {
		want = append(want, c.Key+"|"+c.Name+"|Borger (MitID, personlig): "+c.Case)
	}
	p.doc.Find(`[data-testid="demo-users"] tbody tr`).Each(func(_ int, tr *goquery.Selection) {
		var cells []string
		tr.Find("td").Each(func(_ int, td *goquery.Selection) { cells = append(cells, strings.TrimSpace(td.Text())) })
		got = append(got, strings.Join(cells, "|"))
	})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("demo users table (-want +got):\n%s", diff)
	}
	var headers []string
	p.doc.Find(`[data-testid="demo-users"] th`).Each(func(_ int, th *goquery.Selection) { headers = append(headers, th.Text()) })
	if diff := cmp.Diff([]string{"Brugernavn", "Navn", "Beskrivelse"}, headers); diff != "" {
		t.Errorf("table headers (-want +got):\n%s", diff)
	}

	labels := map[string]string{}
	p.doc.Find("label").Each(func(_ int, l *goquery.Selection) {
		labels[l.AttrOr("for", "")] = strings.TrimSpace(l.Text())
	})
	p.doc.Find(`input:not([type="hidden"]), select, textarea`).Each(func(_ int, in *goquery.Selection) {
		id := in.AttrOr("id", "")
		if id == "" || labels[id] == "" {
			t.Errorf("field %q has no label", in.AttrOr("name", "?"))
		}
	})
	if diff := cmp.Diff(map[string]string{"username": "Brugernavn", "password": "Adgangskode"}, labels); diff != "" {
		t.Errorf("labels (-want +got):\n%s", diff)
	}
	if got := text(p, `form[data-testid="login-form"] button`); got != "Log ind" {
		t.Errorf("button %q, want Log ind", got)
	}
	if n := p.doc.Find("script:not([src]), [style]").Length(); n != 0 {
		t.Errorf("%d inline scripts or style attributes", n)
	}
	if csp := p.header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("Content-Security-Policy = %q", csp)
	}
}

// A login name must name one user: a citizen's key that were also a
// caseworker's username would sign the citizen in as the caseworker.
func TestDemoUsers_UsernamesAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, u := range demoUsers() {
		if seen[u.Username] {
			t.Errorf("username %q names two demo users", u.Username)
		}
		seen[u.Username] = true
	}
	if len(seen) != len(demo.Caseworkers)+len(demo.Citizens) {
		t.Errorf("%d usernames for %d caseworkers and %d citizens", len(seen), len(demo.Caseworkers), len(demo.Citizens))
	}
}

// The bench caseworkers sign in only where the IdP was started with them,
// as many as asked for, and the pages go on listing the demo users alone.
func TestDirectory_BenchCaseworkersOnlyWhenAskedFor(t *testing.T) {
	if _, ok := newDirectory(0).user("bench001"); ok {
		t.Error("bench001 may sign in to an IdP started without bench caseworkers")
	}
	d := newDirectory(3)
	u, ok := d.user("bench003")
	if !ok || u.caseworker == nil || u.caseworker.CVR == "" || len(u.caseworker.Orgs) != 1 {
		t.Errorf("bench003 = %+v, %v; want a caseworker of one organisation", u, ok)
	}
	if _, ok := d.user("bench004"); ok {
		t.Error("bench004 may sign in to an IdP started with 3 bench caseworkers")
	}
	if _, ok := d.user("berit"); !ok {
		t.Error("the demo users may not sign in beside the bench caseworkers")
	}
	if len(d.listed) != len(demoUsers()) {
		t.Errorf("%d users listed, want the %d demo users", len(d.listed), len(demoUsers()))
	}
}
