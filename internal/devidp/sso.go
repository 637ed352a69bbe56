package devidp

import (
	"bytes"
	"crypto/x509"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/samlredirect"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"
	xrv "github.com/mattermost/xml-roundtrip-validator"
)

// The only block cipher crewjam/saml's IdentityProvider encrypts with (with
// rsa-oaep-mgf1p key transport); crewjam's SP decrypts it.
const aes128CBC = "http://www.w3.org/2001/04/xmlenc#aes128-cbc"

// serveSSO takes an AuthnRequest (HTTP-Redirect or HTTP-POST binding),
// refuses it unless the SP signed it, and answers at once when the browser
// has an IdP session, else shows the login form.
func (p *IdP) serveSSO(w http.ResponseWriter, r *http.Request) error {
	req, err := saml.NewIdpAuthnRequest(p.saml, r)
	if err != nil {
		return refuse(http.StatusBadRequest, "Ugyldig login-forespørgsel",
			"Test-IdP'en kunne ikke læse tjenestens login-forespørgsel (SAMLRequest).", err)
	}
	if err := p.verifyAuthnRequest(r, req); err != nil {
		return err
	}
	if err := req.Validate(); err != nil {
		return refuse(http.StatusBadRequest, "Login-forespørgslen er afvist",
			"Login-forespørgslen passer ikke til test-IdP'en eller til tjenestens metadata.", err)
	}
	if req.Request.Destination == "" {
		// crewjam checks Destination only when present; a signed request must carry it.
		return refuse(http.StatusBadRequest, "Login-forespørgslen er afvist",
			"En signeret login-forespørgsel skal angive, hvor den skal hen (Destination).", nil)
	}
	if err := checkEncryption(req.SPSSODescriptor); err != nil {
		return refuse(http.StatusBadRequest, "Tjenesten kan ikke modtage en krypteret assertion",
			"Test-IdP'en krypterer altid assertion til tjenesten, men tjenestens metadata giver ikke mulighed for det.", err)
	}
	now := time.Now()
	forceAuthn := req.Request.ForceAuthn != nil && *req.Request.ForceAuthn
	if s, ok := p.currentSession(r, now); ok && !forceAuthn {
		return p.respond(w, r, req, s)
	}
	p.render(w, http.StatusOK, loginPage, p.loginView(p.store.addPending(req, now), req, "", ""))
	return nil
}

func (p *IdP) loginView(requestID string, req *saml.IdpAuthnRequest, username, errMsg string) loginView {
	return loginView{
		Title:     "Log ind",
		RequestID: requestID,
		SP:        req.ServiceProviderMetadata.EntityID,
		Username:  username,
		Error:     errMsg,
		Users:     p.users.listed,
	}
}

// verifyAuthnRequest checks that a known SP signed the request with
// RSA-SHA256 or stronger. For the POST binding it replaces the request with
// the signed content, so that nothing outside the signature is used.
func (p *IdP) verifyAuthnRequest(r *http.Request, req *saml.IdpAuthnRequest) error {
	var ar saml.AuthnRequest
	if err := xml.Unmarshal(req.RequestBuffer, &ar); err != nil {
		return refuse(http.StatusBadRequest, "Ugyldig login-forespørgsel",
			"Test-IdP'en kunne ikke læse tjenestens login-forespørgsel (SAMLRequest).", err)
	}
	if ar.Issuer == nil || ar.Issuer.Value == "" {
		return refuse(http.StatusBadRequest, "Ugyldig login-forespørgsel",
			"Login-forespørgslen siger ikke, hvilken tjeneste den kommer fra (Issuer).", nil)
	}
	signed, err := p.verifySigned(r, req.RequestBuffer, "SAMLRequest", ar.Issuer.Value)
	switch {
	case errors.Is(err, errUnknownSP):
		return unknownSP(ar.Issuer.Value, err)
	case errors.Is(err, errUnsigned):
		return refuse(http.StatusBadRequest, "Login-forespørgslen er ikke signeret",
			"Tjenesten sendte en login-forespørgsel uden signatur. Test-IdP'en tager kun imod login-forespørgsler, "+
				"der er signeret med RSA-SHA256 med nøglen i tjenestens metadata.", err)
	case err != nil:
		return refuse(http.StatusBadRequest, "Login-forespørgslens signatur er ikke gyldig",
			"Test-IdP'en tager kun imod login-forespørgsler, der er signeret med RSA-SHA256 med nøglen i tjenestens metadata.", err)
	}
	req.RequestBuffer = signed
	return nil
}

func unknownSP(entityID string, err error) error {
	return refuse(http.StatusForbidden, "Ukendt tjeneste",
		fmt.Sprintf("Test-IdP'en kender ikke tjenesten %q. Den betjener kun tjenester fra den metadata, den er sat op med (DEVIDP_SP_METADATA).", entityID), err)
}

// verifySigned checks the signature on a message from the SP entityID,
// taken either from the query (HTTP-Redirect binding) or from the XML
// (HTTP-POST binding; also what crewjam/saml's SP puts in a redirected
// LogoutRequest). When the check fails with cached metadata, the metadata is
// read again once: the SP may have restarted with a new key. It returns the
// content the signature covers.
func (p *IdP) verifySigned(r *http.Request, raw []byte, param, entityID string) ([]byte, error) {
	var lastErr error
	for _, refresh := range []bool{false, true} {
		ed, err := p.sps.lookup(r.Context(), entityID, refresh)
		if err != nil {
			return nil, err
		}
		certs := spCertificates(ed, "signing")
		var signed []byte
		if r.Method == http.MethodGet && samlredirect.Signed(r.URL.RawQuery) {
			err = samlredirect.Verify(r.URL.RawQuery, param, certs)
			signed = raw
		} else {
			signed, err = verifyXMLMessage(raw, certs)
		}
		if err == nil || errors.Is(err, errUnsigned) {
			return signed, err
		}
		lastErr = err
	}
	return nil, lastErr
}

// verifyXMLMessage checks the enveloped signature of a SAML message and
// returns the signed element, serialised.
func verifyXMLMessage(raw []byte, certs []*x509.Certificate) ([]byte, error) {
	if err := xrv.Validate(bytes.NewReader(raw)); err != nil {
		return nil, err
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(raw); err != nil {
		return nil, err
	}
	if doc.Root() == nil {
		return nil, errors.New("empty message")
	}
	verified, err := verifyXMLSignature(doc.Root(), certs)
	if err != nil {
		return nil, err
	}
	out := etree.NewDocument()
	out.SetRoot(verified)
	return out.WriteToBytes()
}

// checkEncryption makes sure crewjam/saml will encrypt the assertion to this
// SP with a cipher the SP accepts; crewjam sends it in plaintext when the SP
// publishes no certificate.
func checkEncryption(sp *saml.SPSSODescriptor) error {
	for _, use := range []string{"encryption", ""} {
		for _, kd := range sp.KeyDescriptors {
			if kd.Use != use || len(kd.KeyInfo.X509Data.X509Certificates) == 0 {
				continue
			}
			if len(kd.EncryptionMethods) == 0 || slices.ContainsFunc(kd.EncryptionMethods, func(m saml.EncryptionMethod) bool {
				return m.Algorithm == aes128CBC
			}) {
				return nil
			}
			return fmt.Errorf("the SP's encryption key does not list %s", aes128CBC)
		}
	}
	return errors.New("the SP's metadata has no encryption certificate")
}

// currentSession is the browser's IdP session, if it has one.
func (p *IdP) currentSession(r *http.Request, now time.Time) (*session, bool) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return nil, false
	}
	return p.store.session(c.Value, now)
}

// respond sends the signed, encrypted assertion for session s to the SP's
// ACS with the HTTP-POST binding.
func (p *IdP) respond(w http.ResponseWriter, r *http.Request, req *saml.IdpAuthnRequest, s *session) error {
	req.HTTPRequest = r
	req.Now = time.Now()
	req.Assertion, req.AssertionEl, req.ResponseEl = nil, nil, nil
	ss := &saml.Session{
		ID: s.ID, CreateTime: s.Created, ExpireTime: s.Expires, Index: s.Index,
		NameID: s.NameID, UserName: s.Username,
	}
	if err := p.saml.AssertionMaker.MakeAssertion(req, ss); err != nil {
		return err
	}
	if err := req.MakeResponse(); err != nil {
		return fmt.Errorf("devidp: make response: %w", err)
	}
	if req.AssertionEl.Tag != "EncryptedAssertion" {
		return errors.New("devidp: the assertion was not encrypted")
	}
	form, err := req.PostBinding()
	if err != nil {
		return fmt.Errorf("devidp: post binding: %w", err)
	}
	p.log.Info("devidp: login", "user", s.Username, "sp", req.ServiceProviderMetadata.EntityID, "acs", form.URL)
	p.store.signedInTo(s.ID, req.ServiceProviderMetadata.EntityID)
	p.render(w, http.StatusOK, postPage, postView{
		Title: "Du er logget ind", URL: form.URL, Param: "SAMLResponse", Message: form.SAMLResponse, RelayState: form.RelayState,
	})
	return nil
}
