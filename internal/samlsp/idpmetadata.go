package samlsp

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"
	xrv "github.com/mattermost/xml-roundtrip-validator"
	dsig "github.com/russellhaering/goxmldsig"

	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

// maxMetadataBytes bounds what we read from the IdP's metadata URL.
const maxMetadataBytes = 10 << 20

// idpState is one good reading of the IdP metadata. It is replaced as a
// whole when the metadata is read again, so a request sees one consistent
// set of keys and endpoints.
type idpState struct {
	entityID string
	certs    []*x509.Certificate // signing certificates; any of them may sign
	ssoURL   string              // SingleSignOnService, HTTP-Redirect binding
	sloURL   string              // SingleLogoutService, HTTP-Redirect binding; may be empty
	// sloResponseURL is where our LogoutResponses go: the same service's
	// ResponseLocation, or its Location.
	sloResponseURL string
	crewjam        *saml.ServiceProvider
	// crewjamNext is crewjam with the next key of a key rollover, for an
	// assertion encrypted to the next certificate; nil without one.
	crewjamNext *saml.ServiceProvider
}

// refresh reads the IdP metadata and, if it is usable, makes it current.
// On any error the previous metadata stays in force.
func (sp *SP) refresh(ctx context.Context) error {
	data, err := sp.readIdPMetadata(ctx)
	if err != nil {
		return err
	}
	if len(sp.cfg.IdPMetadataCerts) > 0 {
		if data, err = verifyIdPMetadata(data, sp.cfg.IdPMetadataCerts, sp.cfg.Now()); err != nil {
			return err
		}
	}
	ed, err := parseIdPMetadata(data)
	if err != nil {
		return err
	}
	st, err := sp.newIdPState(ed)
	if err != nil {
		return err
	}
	if old := sp.idp.Swap(st); old != nil && !sameCerts(old.certs, st.certs) {
		sp.cfg.Logger.Info("samlsp: IdP signing certificates changed", "idp", st.entityID, "certificates", len(st.certs))
	}
	return nil
}

func (sp *SP) refreshLoop(ctx context.Context) {
	t := time.NewTicker(sp.cfg.MetadataRefresh)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := sp.refresh(ctx); err != nil && ctx.Err() == nil {
				sp.cfg.Logger.Warn("samlsp: reading IdP metadata failed; keeping the last good copy", "err", err)
			}
		}
	}
}

func (sp *SP) readIdPMetadata(ctx context.Context) ([]byte, error) {
	if sp.cfg.IdPMetadataFile != "" {
		data, err := os.ReadFile(sp.cfg.IdPMetadataFile)
		if err != nil {
			return nil, fmt.Errorf("samlsp: read IdP metadata: %w", err)
		}
		return data, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, sp.cfg.IdPMetadataURL, nil)
	if err != nil {
		return nil, fmt.Errorf("samlsp: IdP metadata URL: %w", err)
	}
	resp, err := sp.cfg.HTTPClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("samlsp: fetch IdP metadata: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("samlsp: fetch IdP metadata: HTTP %s", resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxMetadataBytes))
	if err != nil {
		return nil, fmt.Errorf("samlsp: fetch IdP metadata: %w", err)
	}
	return data, nil
}

// verifyIdPMetadata checks the enveloped signature on the metadata's root
// element (an EntityDescriptor or EntitiesDescriptor) with the metadata
// signing certificates, SHA-256 or stronger, and returns the document as
// the signature covers it: nothing outside the signature is read.
func verifyIdPMetadata(data []byte, certs []*x509.Certificate, now time.Time) ([]byte, error) {
	root, err := parseXML(data)
	if err != nil {
		return nil, fmt.Errorf("samlsp: IdP metadata: %w", err)
	}
	// Entities inside an EntitiesDescriptor may carry signatures of their
	// own; it is the root's that counts.
	sigs := children(root, nsDSig, "Signature")
	if len(sigs) != 1 {
		return nil, fmt.Errorf("samlsp: IdP metadata must be signed (a metadata signing certificate is configured), its root has %d signatures", len(sigs))
	}
	if err := checkSignatureAlgorithms(root, sigs[0]); err != nil {
		return nil, fmt.Errorf("samlsp: IdP metadata signature: %w", err)
	}
	var lastErr error
	for _, c := range certs {
		// The signer is whom we configured, whatever KeyInfo says.
		el := root.Copy()
		if ki := child(child(el, nsDSig, "Signature"), nsDSig, "KeyInfo"); ki != nil {
			ki.Parent().RemoveChild(ki)
		}
		vc := dsig.NewDefaultValidationContext(&dsig.MemoryX509CertificateStore{Roots: []*x509.Certificate{c}})
		vc.IdAttribute = "ID"
		vc.Clock = dsig.NewFakeClockAt(now)
		signed, err := vc.Validate(el)
		if err != nil {
			lastErr = err
			continue
		}
		doc := etree.NewDocument()
		doc.SetRoot(signed)
		return doc.WriteToBytes()
	}
	return nil, fmt.Errorf("samlsp: IdP metadata signature does not verify with the metadata signing certificate: %w", lastErr)
}

// parseIdPMetadata reads an EntityDescriptor, or the first EntityDescriptor
// with an IDPSSODescriptor inside an EntitiesDescriptor.
func parseIdPMetadata(data []byte) (*saml.EntityDescriptor, error) {
	if err := xrv.Validate(bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("samlsp: IdP metadata is not well-formed: %w", err)
	}
	var ed saml.EntityDescriptor
	if err := xml.Unmarshal(data, &ed); err == nil {
		return &ed, nil
	}
	var eds saml.EntitiesDescriptor
	if err := xml.Unmarshal(data, &eds); err != nil {
		return nil, fmt.Errorf("samlsp: IdP metadata is neither an EntityDescriptor nor an EntitiesDescriptor: %w", err)
	}
	if found := findIdP(&eds); found != nil {
		return found, nil
	}
	return nil, errors.New("samlsp: IdP metadata holds no IDPSSODescriptor")
}

func findIdP(eds *saml.EntitiesDescriptor) *saml.EntityDescriptor {
	for i := range eds.EntityDescriptors {
		if len(eds.EntityDescriptors[i].IDPSSODescriptors) > 0 {
			return &eds.EntityDescriptors[i]
		}
	}
	for i := range eds.EntitiesDescriptors {
		if found := findIdP(&eds.EntitiesDescriptors[i]); found != nil {
			return found
		}
	}
	return nil
}

func (sp *SP) newIdPState(ed *saml.EntityDescriptor) (*idpState, error) {
	if ed.EntityID == "" || len(ed.IDPSSODescriptors) == 0 {
		return nil, errors.New("samlsp: IdP metadata has no entityID or no IDPSSODescriptor")
	}
	st := &idpState{entityID: ed.EntityID}
	for _, d := range ed.IDPSSODescriptors {
		for _, kd := range d.KeyDescriptors {
			// A KeyDescriptor without use serves both signing and encryption.
			if kd.Use != "" && kd.Use != "signing" {
				continue
			}
			for _, c := range kd.KeyInfo.X509Data.X509Certificates {
				cert, err := parseBase64Cert(c.Data)
				if err != nil {
					return nil, fmt.Errorf("samlsp: IdP metadata signing certificate: %w", err)
				}
				st.certs = append(st.certs, cert)
			}
		}
		for _, s := range d.SingleSignOnServices {
			if s.Binding == saml.HTTPRedirectBinding && st.ssoURL == "" {
				st.ssoURL = s.Location
			}
		}
		for _, s := range d.SingleLogoutServices {
			if s.Binding == saml.HTTPRedirectBinding && st.sloURL == "" {
				st.sloURL, st.sloResponseURL = s.Location, s.Location
				if s.ResponseLocation != "" {
					st.sloResponseURL = s.ResponseLocation
				}
			}
		}
	}
	if len(st.certs) == 0 {
		return nil, errors.New("samlsp: IdP metadata has no signing certificate")
	}
	if st.ssoURL == "" {
		return nil, errors.New("samlsp: IdP metadata has no SingleSignOnService with the HTTP-Redirect binding")
	}
	metadataURL, _ := url.Parse(sp.cfg.RootURL.JoinPath(MetadataPath).String())
	acsURL, _ := url.Parse(sp.acsURL)
	sloURL, _ := url.Parse(sp.sloURL)
	st.crewjam = &saml.ServiceProvider{
		EntityID:          sp.entityID,
		Key:               sp.cfg.Key,
		Certificate:       sp.cfg.Cert,
		HTTPClient:        sp.cfg.HTTPClient,
		MetadataURL:       *metadataURL,
		AcsURL:            *acsURL,
		SloURL:            *sloURL,
		IDPMetadata:       ed,
		AuthnNameIDFormat: saml.PersistentNameIDFormat,
		// crewjam/saml signs with RSA-SHA1 unless told otherwise.
		SignatureMethod: dsig.RSASHA256SignatureMethod,
		RequestedAuthnContext: &saml.RequestedAuthnContext{
			Comparison:           "minimum",
			AuthnContextClassRef: oiosaml.LoASubstantial,
		},
		LogoutBindings: []string{saml.HTTPRedirectBinding},
	}
	if sp.cfg.NextKey != nil {
		next := *st.crewjam
		next.Key, next.Certificate = sp.cfg.NextKey, sp.cfg.NextCert
		st.crewjamNext = &next
	}
	return st, nil
}

func parseBase64Cert(s string) (*x509.Certificate, error) {
	der, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		return nil, err
	}
	return x509.ParseCertificate(der)
}

func sameCerts(a, b []*x509.Certificate) bool {
	return slices.EqualFunc(a, b, func(x, y *x509.Certificate) bool { return x.Equal(y) })
}
