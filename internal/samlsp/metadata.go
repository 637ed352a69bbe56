package samlsp

import (
	"encoding/base64"
	"fmt"
	"net/http"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"

	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

const (
	nsMetadata  = "urn:oasis:names:tc:SAML:2.0:metadata"
	nsDSig      = "http://www.w3.org/2000/09/xmldsig#"
	nsProtocol  = "urn:oasis:names:tc:SAML:2.0:protocol"
	nsAssertion = "urn:oasis:names:tc:SAML:2.0:assertion"
	nsXMLEnc    = "http://www.w3.org/2001/04/xmlenc#"
)

// ServeMetadata answers GET /saml/metadata with the SP's metadata, which
// the IdP (NemLog-in) registers.
func (sp *SP) ServeMetadata(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "application/samlmetadata+xml")
	_, _ = w.Write(sp.metadata)
}

// buildMetadata writes the metadata by hand rather than with crewjam/saml's
// ServiceProvider.Metadata, which stamps a validUntil 48 hours ahead (a real
// IdP turns that into the expiry of our registration), asks for transient
// NameIDs and offers an Artifact binding we do not serve.
func (sp *SP) buildMetadata() ([]byte, error) {
	doc := etree.NewDocument()
	doc.CreateProcInst("xml", `version="1.0" encoding="UTF-8"`)
	ed := doc.CreateElement("md:EntityDescriptor")
	ed.CreateAttr("xmlns:md", nsMetadata)
	ed.CreateAttr("xmlns:ds", nsDSig)
	ed.CreateAttr("entityID", sp.entityID)

	d := ed.CreateElement("md:SPSSODescriptor")
	d.CreateAttr("protocolSupportEnumeration", nsProtocol)
	d.CreateAttr("AuthnRequestsSigned", "true")
	d.CreateAttr("WantAssertionsSigned", "true")

	cert := base64.StdEncoding.EncodeToString(sp.cfg.Cert.Raw)
	for _, use := range []string{"signing", "encryption"} {
		kd := d.CreateElement("md:KeyDescriptor")
		kd.CreateAttr("use", use)
		kd.CreateElement("ds:KeyInfo").CreateElement("ds:X509Data").CreateElement("ds:X509Certificate").SetText(cert)
		if use == "encryption" {
			// Exactly what decryptAssertion accepts, strongest first.
			for _, alg := range acceptedDataEncryption {
				kd.CreateElement("md:EncryptionMethod").CreateAttr("Algorithm", alg)
			}
			for _, alg := range acceptedKeyTransport {
				kd.CreateElement("md:EncryptionMethod").CreateAttr("Algorithm", alg)
			}
		}
	}

	// The IdP's LogoutRequests may come in either binding; ReadLogoutRequest
	// reads both.
	for _, binding := range []string{saml.HTTPRedirectBinding, saml.HTTPPostBinding} {
		slo := d.CreateElement("md:SingleLogoutService")
		slo.CreateAttr("Binding", binding)
		slo.CreateAttr("Location", sp.sloURL)
	}

	d.CreateElement("md:NameIDFormat").SetText(oiosaml.NameIDPersistent)

	acs := d.CreateElement("md:AssertionConsumerService")
	acs.CreateAttr("Binding", saml.HTTPPostBinding)
	acs.CreateAttr("Location", sp.acsURL)
	acs.CreateAttr("index", "0")
	acs.CreateAttr("isDefault", "true")

	doc.Indent(2)
	out, err := doc.WriteToBytes()
	if err != nil {
		return nil, fmt.Errorf("samlsp: write metadata: %w", err)
	}
	return out, nil
}
