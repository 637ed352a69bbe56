package main

import (
	"context"
	"encoding/base64"
	"encoding/pem"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crewjam/saml"

	"github.com/star-dk/sagsbehandleradgang/internal/keypair"
)

// The SP metadata is what NemLog-in registers (issue 8, point 6): the
// configured organisation and contact, the attributes the product needs,
// Single Logout in both bindings, and the next certificate of a key
// rollover beside the current one. Sign-in still works meanwhile.
func TestMetadata_ReadyForRegistrationWithNemLogIn(t *testing.T) {
	dir := t.TempDir()
	_, next, err := keypair.LoadOrCreate(dir, "next", "Sagsbehandleradgang, næste nøgle (kun test)")
	if err != nil {
		t.Fatal(err)
	}
	s := startStack(t,
		"SAML_NEXT_KEY_FILE="+filepath.Join(dir, "next-key.pem"), "SAML_NEXT_CERT_FILE="+filepath.Join(dir, "next-cert.pem"),
		"SAML_ORG_NAME=Styrelsen for Arbejdsmarked og Rekruttering", "SAML_CONTACT_EMAIL=drift@star.example")
	c := s.newClient(t)
	p := c.get("/saml/metadata")
	var md saml.EntityDescriptor
	if err := xml.Unmarshal([]byte(p.Body), &md); err != nil {
		t.Fatal(err)
	}
	if md.Organization == nil || len(md.Organization.OrganizationNames) != 1 || md.Organization.OrganizationNames[0].Value != "Styrelsen for Arbejdsmarked og Rekruttering" {
		t.Errorf("Organization %+v", md.Organization)
	}
	if md.ContactPerson == nil || len(md.ContactPerson.EmailAddresses) != 1 || md.ContactPerson.EmailAddresses[0] != "mailto:drift@star.example" {
		t.Errorf("ContactPerson %+v", md.ContactPerson)
	}
	sd := md.SPSSODescriptors[0]
	if len(sd.AttributeConsumingServices) != 1 || len(sd.AttributeConsumingServices[0].RequestedAttributes) == 0 {
		t.Errorf("AttributeConsumingServices %+v", sd.AttributeConsumingServices)
	}
	if len(sd.SingleLogoutServices) != 2 {
		t.Errorf("SingleLogoutServices %+v, want HTTP-Redirect and HTTP-POST", sd.SingleLogoutServices)
	}
	nextB64 := base64.StdEncoding.EncodeToString(next.Raw)
	uses := map[string]bool{}
	for _, kd := range sd.KeyDescriptors {
		if kd.KeyInfo.X509Data.X509Certificates[0].Data == nextB64 {
			uses[kd.Use] = true
		}
	}
	if !uses["signing"] || !uses["encryption"] {
		t.Errorf("the next certificate is published for %v, want signing and encryption", uses)
	}
	if c.login("berit"); !c.signedIn() {
		t.Error("berit cannot sign in during the rollover")
	}
}

// With IDP_METADATA_SIGNING_CERT_FILE the IdP metadata must be signed by
// that certificate: every stack in these tests checks the development
// IdP's signature, and a server given another certificate does not start.
func TestIdPMetadata_SignedByAnotherKeyStopsTheStart(t *testing.T) {
	s := startStack(t)
	_, other, err := keypair.Generate(2048, "ikke IdP'ens metadata-nøgle (kun test)")
	if err != nil {
		t.Fatal(err)
	}
	otherFile := filepath.Join(t.TempDir(), "other.pem")
	if err := os.WriteFile(otherFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: other.Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{}
	for k, v := range s.env {
		env[k] = v
	}
	env["IDP_METADATA_SIGNING_CERT_FILE"] = otherFile
	env["IDP_WAIT"] = "0s"
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err = run(withListener(ctx, listen(t)), nil, func(k string) string { return env[k] }, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "IdP metadata signature does not verify") {
		t.Errorf("run = %v, want a refusal of the IdP metadata", err)
	}
}
