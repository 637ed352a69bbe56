package samlsp

import (
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
	"testing"
	"time"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"
	"github.com/google/go-cmp/cmp"

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
