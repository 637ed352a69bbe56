package samlsp

import (
	"cmp"
	"crypto/x509"
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"

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

// serviceName names the service in the AttributeConsumingService.
const serviceName = "Sagsbehandleradgang til Jobnet"

const attrNameFormatURI = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri"

// requestedAttributes are the OIOSAML 3 attributes the SP asks for. A
// caseworker signs in with a professional identity (CVR, UUID) and a
// citizen reading their own history with a person identity (cprNumber), so
// only what every assertion carries is required; identityFrom requires
// each kind's own.
var requestedAttributes = []struct {
	name     string
	required bool
}{
	{oiosaml.AttrSpecVer3, true},
	{oiosaml.AttrLoA, true},
	{oiosaml.AttrCVR, false},
	{oiosaml.AttrUUID, false},
	{oiosaml.AttrRID, false},
	{oiosaml.AttrFullName, false},
	{oiosaml.AttrOrgName, false},
	{oiosaml.AttrCPR, false},
}

// localized adds a child with Danish text, as metadata's localized names
// and URIs must say their language.
func localized(parent *etree.Element, tag, text string) {
	el := parent.CreateElement(tag)
	el.CreateAttr("xml:lang", "da")
	el.SetText(text)
}

// mailto makes an e-mail address the URI that metadata's EmailAddress is.
func mailto(email string) string {
	if strings.HasPrefix(email, "mailto:") {
		return email
	}
	return "mailto:" + email
}

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

	// The current certificate first, then the next one of a key rollover:
	// an IdP that reads the metadata again may encrypt to either, and
	// trusts our signatures with the next key as soon as we switch.
	certs := []*x509.Certificate{sp.cfg.Cert}
	if sp.cfg.NextCert != nil {
		certs = append(certs, sp.cfg.NextCert)
	}
	for _, use := range []string{"signing", "encryption"} {
		for _, c := range certs {
			kd := d.CreateElement("md:KeyDescriptor")
			kd.CreateAttr("use", use)
			kd.CreateElement("ds:KeyInfo").CreateElement("ds:X509Data").CreateElement("ds:X509Certificate").
				SetText(base64.StdEncoding.EncodeToString(c.Raw))
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

	// The attributes the product needs (SPEC §2.1), in the OIOSAML 3 profile
	// that NemLog-in registers: the identity, its organisation and the
	// assurance level are required; the rest is used when present.
	service := d.CreateElement("md:AttributeConsumingService")
	service.CreateAttr("index", "0")
	service.CreateAttr("isDefault", "true")
	localized(service, "md:ServiceName", serviceName)
	for _, ra := range requestedAttributes {
		el := service.CreateElement("md:RequestedAttribute")
		el.CreateAttr("Name", ra.name)
		el.CreateAttr("NameFormat", attrNameFormatURI)
		el.CreateAttr("isRequired", strconv.FormatBool(ra.required))
	}

	if o := sp.cfg.Organization; o.Name != "" {
		org := ed.CreateElement("md:Organization")
		localized(org, "md:OrganizationName", o.Name)
		localized(org, "md:OrganizationDisplayName", cmp.Or(o.DisplayName, o.Name))
		localized(org, "md:OrganizationURL", cmp.Or(o.URL, sp.cfg.RootURL.String()))
	}
	if c := sp.cfg.Contact; c.Email != "" {
		cp := ed.CreateElement("md:ContactPerson")
		cp.CreateAttr("contactType", "technical")
		for _, f := range []struct{ tag, value string }{
			{"md:Company", c.Company},
			{"md:GivenName", c.Name},
			{"md:EmailAddress", mailto(c.Email)},
			{"md:TelephoneNumber", c.Phone},
		} {
			if f.value != "" {
				cp.CreateElement(f.tag).SetText(f.value)
			}
		}
	}

	doc.Indent(2)
	out, err := doc.WriteToBytes()
	if err != nil {
		return nil, fmt.Errorf("samlsp: write metadata: %w", err)
	}
	return out, nil
}
