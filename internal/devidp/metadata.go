package devidp

import (
	"encoding/xml"
	"net/http"
	"time"

	"github.com/crewjam/saml"

	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

// serveMetadata publishes the IdP's metadata: crewjam/saml's, plus
// WantAuthnRequestsSigned and the NameID formats the IdP issues, and a
// validUntil far enough ahead that an SP does not expire it between runs.
func (p *IdP) serveMetadata(w http.ResponseWriter, _ *http.Request) error {
	buf, err := xml.MarshalIndent(p.Metadata(), "", "  ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/samlmetadata+xml")
	_, _ = w.Write(append([]byte(xml.Header), buf...))
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
