package devidp

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"time"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"

	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

// serveMetadata publishes the IdP's metadata: crewjam/saml's, plus
// WantAuthnRequestsSigned and the NameID formats the IdP issues, and a
// validUntil far enough ahead that an SP does not expire it between runs.
// Like NemLog-in's, it is signed (RSA-SHA256, by the IdP's own key), so that
// an SP can be set to check it (the product's IDP_METADATA_SIGNING_CERT_FILE).
func (p *IdP) serveMetadata(w http.ResponseWriter, _ *http.Request) error {
	buf, err := xml.MarshalIndent(p.Metadata(), "", "  ")
	if err != nil {
		return err
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(buf); err != nil {
		return err
	}
	root := doc.Root()
	root.CreateAttr("ID", "_devidp-metadata")
	sc, err := p.signingContext()
	if err != nil {
		return err
	}
	sig, err := sc.ConstructSignature(root, true)
	if err != nil {
		return fmt.Errorf("devidp: sign metadata: %w", err)
	}
	root.InsertChildAt(0, sig) // first, where the schema has it; no indenting after signing
	body, err := doc.WriteToBytes()
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/samlmetadata+xml")
	_, _ = w.Write(append([]byte(xml.Header), body...))
	return nil
}

// Metadata is the IdP's metadata, as served at /metadata.
func (p *IdP) Metadata() *saml.EntityDescriptor {
	ed := p.saml.Metadata()
	ed.ValidUntil = time.Now().AddDate(0, 0, 30).UTC().Truncate(time.Second)
	ed.CacheDuration = time.Hour
	yes := true
	idp := &ed.IDPSSODescriptors[0]
	idp.WantAuthnRequestsSigned = &yes
	idp.NameIDFormats = []saml.NameIDFormat{oiosaml.NameIDPersistent, oiosaml.NameIDX509Subject}
	return ed
}
