package samlsp

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/base64"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"
	"github.com/google/go-cmp/cmp"
	dsig "github.com/russellhaering/goxmldsig"

	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

func TestMetadata_AsNemLogInRegistersIt(t *testing.T) {
	f := newFixture(t)
	rec := httptest.NewRecorder()
	f.sp.ServeMetadata(rec, httptest.NewRequest(http.MethodGet, testRoot+MetadataPath, nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/samlmetadata+xml" {
		t.Errorf("Content-Type %q", ct)
	}
	body := rec.Body.Bytes()

	var ed saml.EntityDescriptor
	if err := xml.Unmarshal(body, &ed); err != nil {
		t.Fatal(err)
	}
	if ed.EntityID != testEntityID {
		t.Errorf("entityID %q, want %q", ed.EntityID, testEntityID)
	}
	if len(ed.SPSSODescriptors) != 1 {
		t.Fatalf("%d SPSSODescriptors", len(ed.SPSSODescriptors))
	}
	d := ed.SPSSODescriptors[0]
	if d.AuthnRequestsSigned == nil || !*d.AuthnRequestsSigned {
		t.Error(`AuthnRequestsSigned is not "true"`)
	}
	if d.WantAssertionsSigned == nil || !*d.WantAssertionsSigned {
		t.Error(`WantAssertionsSigned is not "true"`)
	}

	// A validUntil becomes the expiry of our registration at the IdP;
	// crewjam/saml's default of 48 hours would expire it the day after
	// tomorrow.
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(body); err != nil {
		t.Fatal(err)
	}
	for _, el := range append(doc.FindElements("//*"), doc.Root()) {
		if v := el.SelectAttrValue("validUntil", ""); v != "" {
			until, err := time.Parse(time.RFC3339, v)
			if err != nil || until.Before(time.Now().Add(48*time.Hour+time.Minute)) {
				t.Errorf("<%s validUntil=%q>: the registration would expire within 48 hours", el.Tag, v)
			}
		}
	}

	uses := map[string]bool{}
	for _, kd := range d.KeyDescriptors {
		uses[kd.Use] = true
		if got := kd.KeyInfo.X509Data.X509Certificates[0].Data; got != base64.StdEncoding.EncodeToString(f.spKey.cert.Raw) {
			t.Errorf("KeyDescriptor use=%s does not hold the SP certificate", kd.Use)
		}
	}
	if !uses["signing"] || !uses["encryption"] {
		t.Errorf("KeyDescriptor uses %v, want signing and encryption", uses)
	}
	if !slices.Contains(d.NameIDFormats, saml.NameIDFormat(oiosaml.NameIDPersistent)) {
		t.Errorf("NameIDFormats %q, want persistent", d.NameIDFormats)
	}
	if len(d.AssertionConsumerServices) != 1 || d.AssertionConsumerServices[0].Binding != saml.HTTPPostBinding ||
		d.AssertionConsumerServices[0].Location != testACS {
		t.Errorf("AssertionConsumerServices %+v, want one HTTP-POST at %s", d.AssertionConsumerServices, testACS)
	}
	wantSLO := []saml.Endpoint{
		{Binding: saml.HTTPRedirectBinding, Location: testRoot + SLOPath},
		{Binding: saml.HTTPPostBinding, Location: testRoot + SLOPath},
	}
	if diff := cmp.Diff(wantSLO, d.SingleLogoutServices); diff != "" {
		t.Errorf("SingleLogoutServices (-want +got):\n%s", diff)
	}
}

func TestMetadata_IdPKeyRollover(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()

	// The IdP publishes its next key beside the current one, then drops
	// the old one.
	for _, certs := range [][]*x509.Certificate{{f.idpKey.cert, f.otherKey.cert}, {f.otherKey.cert}} {
		if err := os.WriteFile(f.mdFile, idpMetadata(certs...), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := f.sp.refresh(ctx); err != nil {
			t.Fatal(err)
		}
	}
	requestID, cookies := f.login(t, "")
	s := f.goodOIOSAML3(requestID)
	s.SignWith = f.otherKey
	if _, _, err := f.sp.FinishLogin(httptest.NewRecorder(), post(f.build(t, s), cookies)); err != nil {
		t.Errorf("assertion signed with the IdP's new key: %v", err)
	}
	requestID, cookies = f.login(t, "")
	if _, _, err := f.sp.FinishLogin(httptest.NewRecorder(), post(f.build(t, f.goodOIOSAML3(requestID)), cookies)); err == nil {
		t.Errorf("assertion signed with the IdP's retired key was accepted")
	}

	// Broken metadata does not replace the last good copy.
	if err := os.WriteFile(f.mdFile, []byte("<oops"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := f.sp.refresh(ctx); err == nil {
		t.Error("refresh accepted broken metadata")
	}
	requestID, cookies = f.login(t, "")
	s = f.goodOIOSAML3(requestID)
	s.SignWith = f.otherKey
	if _, _, err := f.sp.FinishLogin(httptest.NewRecorder(), post(f.build(t, s), cookies)); err != nil {
		t.Errorf("after a failed refresh: %v", err)
	}
}

func TestNew_ReadsIdPMetadataFromURL(t *testing.T) {
	keys := testKeys()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(idpMetadata(keys["idp"].cert))
	}))
	defer srv.Close()
	root, _ := url.Parse(testRoot)
	sp, err := New(t.Context(), Config{
		RootURL: root, Key: keys["sp"].key, Cert: keys["sp"].cert,
		IdPMetadataURL: srv.URL, Replay: &memReplay{},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := sp.idp.Load().entityID; got != idpEntityID {
		t.Errorf("IdP entity ID %q", got)
	}
}

func TestNew_FailsWithoutIdPMetadata(t *testing.T) {
	keys := testKeys()
	root, _ := url.Parse(testRoot)
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	for name, cfg := range map[string]Config{
		"missing file": {IdPMetadataFile: "/nonexistent/idp.xml"},
		"HTTP 404":     {IdPMetadataURL: srv.URL},
	} {
		cfg.RootURL, cfg.Key, cfg.Cert, cfg.Replay = root, keys["sp"].key, keys["sp"].cert, &memReplay{}
		if _, err := New(t.Context(), cfg); err == nil {
			t.Errorf("%s: New succeeded", name)
		}
	}
}

func TestNew_RefusesMismatchedKeyAndCert(t *testing.T) {
	keys := testKeys()
	root, _ := url.Parse(testRoot)
	_, err := New(t.Context(), Config{
		RootURL: root, Key: keys["sp"].key, Cert: keys["idp"].cert,
		IdPMetadataFile: "unused", Replay: &memReplay{},
	})
	if err == nil {
		t.Error("New accepted a certificate for another key")
	}
}

func TestNew_FindsTheIdPInAnEntitiesDescriptor(t *testing.T) {
	keys := testKeys()
	inner := string(idpMetadata(keys["idp"].cert))
	// A federation's aggregate: some other entity first, then the IdP.
	md := `<md:EntitiesDescriptor xmlns:md="` + nsMetadata + `">` +
		`<md:EntityDescriptor entityID="https://some-sp.example"><md:SPSSODescriptor protocolSupportEnumeration="` + nsProtocol + `"/></md:EntityDescriptor>` +
		inner + `</md:EntitiesDescriptor>`
	file := filepath.Join(t.TempDir(), "aggregate.xml")
	if err := os.WriteFile(file, []byte(md), 0o600); err != nil {
		t.Fatal(err)
	}
	root, _ := url.Parse(testRoot)
	sp, err := New(t.Context(), Config{
		RootURL: root, Key: keys["sp"].key, Cert: keys["sp"].cert,
		IdPMetadataFile: file, Replay: &memReplay{},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := sp.idp.Load().entityID; got != idpEntityID {
		t.Errorf("IdP entity ID %q, want %q", got, idpEntityID)
	}
}

func TestIdPOrigins_ForTheFormActionPolicy(t *testing.T) {
	f := newFixture(t)
	if diff := cmp.Diff([]string{"https://idp.test.example"}, f.sp.IdPOrigins()); diff != "" {
		t.Errorf("IdPOrigins (-want +got):\n%s", diff)
	}
}

// The metadata NemLog-in registers (issue 8, point 6): who runs the SP and
// whom to call, the attributes the product needs, Single Logout in both
// bindings, and the next certificate of a key rollover beside the current
// one, each element where the metadata schema puts it.
func TestMetadata_ReadyForNemLogInRegistration(t *testing.T) {
	f := newFixture(t, func(f *fixture, cfg *Config) {
		cfg.NextKey, cfg.NextCert = f.otherKey.key, f.otherKey.cert
		cfg.Organization = Organization{Name: "Styrelsen for Arbejdsmarked og Rekruttering", DisplayName: "STAR", URL: "https://star.dk"}
		cfg.Contact = Contact{Company: "STAR", Name: "Driften", Email: "drift@star.example", Phone: "+45 72 21 74 00"}
	})
	rec := httptest.NewRecorder()
	f.sp.ServeMetadata(rec, httptest.NewRequest(http.MethodGet, testRoot+MetadataPath, nil))
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(rec.Body.Bytes()); err != nil {
		t.Fatal(err)
	}
	ed := doc.Root()
	tags := func(el *etree.Element) []string {
		var out []string
		for _, c := range el.ChildElements() {
			if len(out) == 0 || out[len(out)-1] != c.Tag {
				out = append(out, c.Tag)
			}
		}
		return out
	}
	if diff := cmp.Diff([]string{"SPSSODescriptor", "Organization", "ContactPerson"}, tags(ed)); diff != "" {
		t.Errorf("EntityDescriptor children in schema order (-want +got):\n%s", diff)
	}
	d := ed.SelectElement("SPSSODescriptor")
	want := []string{"KeyDescriptor", "SingleLogoutService", "NameIDFormat", "AssertionConsumerService", "AttributeConsumingService"}
	if diff := cmp.Diff(want, tags(d)); diff != "" {
		t.Errorf("SPSSODescriptor children in schema order (-want +got):\n%s", diff)
	}

	type text struct{ Tag, Lang, Text string }
	var got []text
	for _, el := range append(ed.SelectElement("Organization").ChildElements(), ed.SelectElement("ContactPerson").ChildElements()...) {
		got = append(got, text{el.Tag, el.SelectAttrValue("xml:lang", ""), el.Text()})
	}
	wantTexts := []text{
		{"OrganizationName", "da", "Styrelsen for Arbejdsmarked og Rekruttering"},
		{"OrganizationDisplayName", "da", "STAR"},
		{"OrganizationURL", "da", "https://star.dk"},
		{"Company", "", "STAR"},
		{"GivenName", "", "Driften"},
		{"EmailAddress", "", "mailto:drift@star.example"},
		{"TelephoneNumber", "", "+45 72 21 74 00"},
	}
	if diff := cmp.Diff(wantTexts, got); diff != "" {
		t.Errorf("Organization and ContactPerson (-want +got):\n%s", diff)
	}
	if ct := ed.SelectElement("ContactPerson").SelectAttrValue("contactType", ""); ct != "technical" {
		t.Errorf("contactType %q, want technical", ct)
	}

	var md saml.EntityDescriptor
	if err := xml.Unmarshal(rec.Body.Bytes(), &md); err != nil {
		t.Fatal(err)
	}
	sd := md.SPSSODescriptors[0]
	if len(sd.AttributeConsumingServices) != 1 {
		t.Fatalf("%d AttributeConsumingServices, want 1", len(sd.AttributeConsumingServices))
	}
	acs := sd.AttributeConsumingServices[0]
	if acs.IsDefault == nil || !*acs.IsDefault || len(acs.ServiceNames) != 1 || acs.ServiceNames[0].Value != "Sagsbehandleradgang til Jobnet" {
		t.Errorf("AttributeConsumingService isDefault %v, ServiceNames %+v", acs.IsDefault, acs.ServiceNames)
	}
	type requested struct {
		Name     string
		Required bool
	}
	var gotAttrs []requested
	for _, ra := range acs.RequestedAttributes {
		if ra.NameFormat != "urn:oasis:names:tc:SAML:2.0:attrname-format:uri" {
			t.Errorf("attribute %s has NameFormat %q", ra.Name, ra.NameFormat)
		}
		gotAttrs = append(gotAttrs, requested{ra.Name, ra.IsRequired != nil && *ra.IsRequired})
	}
	wantAttrs := []requested{
		{oiosaml.AttrSpecVer3, true}, {oiosaml.AttrLoA, true}, {oiosaml.AttrCVR, false}, {oiosaml.AttrUUID, false},
		{oiosaml.AttrRID, false}, {oiosaml.AttrFullName, false}, {oiosaml.AttrOrgName, false}, {oiosaml.AttrCPR, false},
	}
	if diff := cmp.Diff(wantAttrs, gotAttrs); diff != "" {
		t.Errorf("RequestedAttributes (-want +got):\n%s", diff)
	}

	certsFor := map[string][]string{}
	for _, kd := range sd.KeyDescriptors {
		certsFor[kd.Use] = append(certsFor[kd.Use], kd.KeyInfo.X509Data.X509Certificates[0].Data)
	}
	current, next := base64.StdEncoding.EncodeToString(f.spKey.cert.Raw), base64.StdEncoding.EncodeToString(f.otherKey.cert.Raw)
	if diff := cmp.Diff(map[string][]string{"signing": {current, next}, "encryption": {current, next}}, certsFor); diff != "" {
		t.Errorf("certificates by use, the current one first (-want +got):\n%s", diff)
	}
}

func TestNew_RefusesANextCertThatIsNotTheNextKeys(t *testing.T) {
	keys := testKeys()
	root, _ := url.Parse(testRoot)
	_, err := New(context.Background(), Config{
		RootURL: root, Key: keys["sp"].key, Cert: keys["sp"].cert, NextKey: keys["other"].key, NextCert: keys["idp"].cert,
		IdPMetadataFile: "unused", Replay: &memReplay{},
	})
	if err == nil {
		t.Error("New accepted a next certificate that does not belong to the next key")
	}
}

// signedMetadata is data with an enveloped signature on its root by kp.
func signedMetadata(t *testing.T, data []byte, kp keyPair, alg string) []byte {
	t.Helper()
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(data); err != nil {
		t.Fatal(err)
	}
	root := doc.Root()
	root.CreateAttr("ID", "_metadata")
	root.InsertChildAt(0, sign(t, root, kp, alg, false))
	out, err := doc.WriteToBytes()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// With a metadata signing certificate configured, the IdP metadata is used
// only when that certificate signed it (issue 8, point 6): at start, and at
// every refresh, where a bad copy leaves the last good one in force.
func TestNew_VerifiesTheIdPMetadataSignatureWhenConfigured(t *testing.T) {
	keys := testKeys()
	good := func(t *testing.T) []byte {
		return signedMetadata(t, idpMetadata(keys["idp"].cert), keys["sp"], dsig.RSASHA256SignatureMethod)
	}
	tests := []struct {
		name     string
		metadata func(t *testing.T) []byte
		want     string // "" for accepted
	}{
		{name: "signed by the metadata signing certificate", metadata: good},
		{
			name: "EntitiesDescriptor signed around it",
			metadata: func(t *testing.T) []byte {
				inner := idpMetadata(keys["idp"].cert)
				inner = inner[bytes.Index(inner, []byte("<md:EntityDescriptor")):]
				wrapped := `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">` + string(inner) + `</md:EntitiesDescriptor>`
				return signedMetadata(t, []byte(wrapped), keys["sp"], dsig.RSASHA256SignatureMethod)
			},
		},
		{name: "unsigned", metadata: func(*testing.T) []byte { return idpMetadata(keys["idp"].cert) }, want: "must be signed"},
		{
			name: "signed by the IdP's own key, not a metadata signing certificate",
			metadata: func(t *testing.T) []byte {
				return signedMetadata(t, idpMetadata(keys["idp"].cert), keys["idp"], dsig.RSASHA256SignatureMethod)
			},
			want: "does not verify",
		},
		{
			name: "an attacker's signing key added after signing",
			metadata: func(t *testing.T) []byte {
				return bytes.Replace(good(t), []byte(base64.StdEncoding.EncodeToString(keys["idp"].cert.Raw)),
					[]byte(base64.StdEncoding.EncodeToString(keys["other"].cert.Raw)), 1)
			},
			want: "does not verify",
		},
		{
			name: "SHA-1",
			metadata: func(t *testing.T) []byte {
				return signedMetadata(t, idpMetadata(keys["idp"].cert), keys["sp"], dsig.RSASHA1SignatureMethod)
			},
			want: "SHA-256 or stronger",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mdFile := filepath.Join(t.TempDir(), "idp-metadata.xml")
			if err := os.WriteFile(mdFile, tt.metadata(t), 0o600); err != nil {
				t.Fatal(err)
			}
			root, _ := url.Parse(testRoot)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			_, err := New(ctx, Config{
				RootURL: root, Key: keys["sp"].key, Cert: keys["sp"].cert, IdPMetadataFile: mdFile, Replay: &memReplay{},
				IdPMetadataCerts: []*x509.Certificate{keys["other"].cert, keys["sp"].cert}, // the second one signs
			})
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}

	t.Run("a bad copy at refresh leaves the last good one", func(t *testing.T) {
		f := newFixture(t, func(f *fixture, cfg *Config) {
			cfg.IdPMetadataCerts = []*x509.Certificate{f.spKey.cert}
			if err := os.WriteFile(f.mdFile, good(t), 0o600); err != nil {
				t.Fatal(err)
			}
		})
		// An attacker who can change the file names their own signing key.
		if err := os.WriteFile(f.mdFile, idpMetadata(f.otherKey.cert), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := f.sp.refresh(context.Background()); err == nil {
			t.Fatal("refresh accepted unsigned metadata")
		}
		requestID, cookies := f.login(t, "")
		s := f.goodOIOSAML3(requestID)
		s.SignWith = f.otherKey
		if _, _, err := f.sp.FinishLogin(httptest.NewRecorder(), post(f.build(t, s), cookies)); err == nil {
			t.Error("an assertion signed with the key of the unsigned metadata was accepted")
		}
		requestID, cookies = f.login(t, "")
		if _, _, err := f.sp.FinishLogin(httptest.NewRecorder(), post(f.build(t, f.goodOIOSAML3(requestID)), cookies)); err != nil {
			t.Errorf("the IdP of the last good metadata is refused: %v", err)
		}
	})
}
