package devidp

import (
	"crypto/x509"
	"encoding/xml"
	"io"
	"net/http"
	"testing"

	"github.com/crewjam/saml"

	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

func TestMetadata_SPCanFetchTheIdPsMetadata(t *testing.T) {
	e := newEnv(t)
	resp, err := http.Get(e.srv.URL + "/metadata")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "application/samlmetadata+xml" {
		t.Errorf("Content-Type %q", ct)
	}
	md := &saml.EntityDescriptor{}
	if err := xml.NewDecoder(resp.Body).Decode(md); err != nil {
		t.Fatal(err)
	}
	if md.EntityID != e.srv.URL+"/metadata" {
		t.Errorf("entity ID %q, want %q", md.EntityID, e.srv.URL+"/metadata")
	}
	idp := md.IDPSSODescriptors[0]
	if idp.WantAuthnRequestsSigned == nil || !*idp.WantAuthnRequestsSigned {
		t.Error("WantAuthnRequestsSigned is not true")
	}
	sp := saml.ServiceProvider{IDPMetadata: md}
	for _, tc := range []struct{ got, want string }{
		{sp.GetSSOBindingLocation(saml.HTTPRedirectBinding), e.srv.URL + "/sso"},
		{sp.GetSSOBindingLocation(saml.HTTPPostBinding), e.srv.URL + "/sso"},
		{sp.GetSLOBindingLocation(saml.HTTPRedirectBinding), e.srv.URL + "/slo"},
	} {
		if tc.got != tc.want {
			t.Errorf("endpoint %q, want %q", tc.got, tc.want)
		}
	}
	var formats []string
	for _, f := range idp.NameIDFormats {
		formats = append(formats, string(f))
	}
	if len(formats) != 2 || formats[0] != oiosaml.NameIDPersistent || formats[1] != oiosaml.NameIDX509Subject {
		t.Errorf("NameIDFormats %v", formats)
	}
}

func TestPages_StylesheetAndAutoPostScriptAreServed(t *testing.T) {
	e := newEnv(t)
	for path, ctype := range map[string]string{
		"/static/devidp.css":  "text/css; charset=utf-8",
		"/static/autopost.js": "text/javascript; charset=utf-8",
	} {
		resp, err := http.Get(e.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != ctype {
			t.Errorf("%s: status %d, Content-Type %q; want 200 %q", path, resp.StatusCode, resp.Header.Get("Content-Type"), ctype)
		}
	}
}

// The metadata is signed by the IdP's key, as NemLog-in's is, so that the
// product can be run checking it (IDP_METADATA_SIGNING_CERT_FILE).
func TestMetadata_IsSignedByTheIdP(t *testing.T) {
	e := newEnv(t)
	resp, err := http.Get(e.srv.URL + "/metadata")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	signed, err := verifyXMLMessage(body, []*x509.Certificate{idpKeys().cert})
	if err != nil {
		t.Fatalf("metadata signature: %v", err)
	}
	var md saml.EntityDescriptor
	if err := xml.Unmarshal(signed, &md); err != nil || md.EntityID != e.idp.EntityID() || len(md.IDPSSODescriptors) != 1 {
		t.Errorf("the signed metadata: %v, entity %q", err, md.EntityID)
	}
}
