package devidp

import (
	"crypto"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/samlredirect"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"
	dsig "github.com/russellhaering/goxmldsig"
)

// serveSLO is Single Logout with the HTTP-Redirect binding. A LogoutRequest
// signed by a known SP ends the IdP session and is answered with a signed
// LogoutResponse at the SP's SingleLogoutService, or with "Du er logget ud"
// when the SP has none. Without a SAMLRequest it just ends the browser's
// IdP session (the front page's log-out link).
func (p *IdP) serveSLO(w http.ResponseWriter, r *http.Request) error {
	cookieID := ""
	if c, err := r.Cookie(sessionCookie); err == nil {
		cookieID = c.Value
	}
	samlRequest := r.URL.Query().Get("SAMLRequest")
	if samlRequest == "" {
		p.store.endSessions(cookieID, "")
		p.clearSessionCookie(w)
		p.render(w, http.StatusOK, messagePage, loggedOut())
		return nil
	}

	raw, err := samlredirect.Decode(samlRequest)
	if err != nil {
		return badLogoutRequest(err)
	}
	var lr saml.LogoutRequest
	if err := xml.Unmarshal(raw, &lr); err != nil {
		return badLogoutRequest(err)
	}
	if lr.Issuer == nil || lr.Issuer.Value == "" {
		return badLogoutRequest(errors.New("no Issuer"))
	}
	spID := lr.Issuer.Value
	signed, err := p.verifySigned(r, raw, "SAMLRequest", spID)
	switch {
	case errors.Is(err, errUnknownSP):
		return unknownSP(spID, err)
	case errors.Is(err, errUnsigned):
		return refuse(http.StatusBadRequest, "Logout-forespørgslen er ikke signeret",
			"Tjenesten sendte en logout-forespørgsel uden signatur. Test-IdP'en tager kun imod logout-forespørgsler, "+
				"der er signeret med RSA-SHA256 med nøglen i tjenestens metadata.", err)
	case err != nil:
		return refuse(http.StatusBadRequest, "Logout-forespørgslens signatur er ikke gyldig",
			"Test-IdP'en tager kun imod logout-forespørgsler, der er signeret med RSA-SHA256 med nøglen i tjenestens metadata.", err)
	}
	lr = saml.LogoutRequest{} // from here on, only what the signature covers
	if err := xml.Unmarshal(signed, &lr); err != nil {
		return badLogoutRequest(err)
	}
	if want := p.url("/slo").String(); lr.Destination != "" && lr.Destination != want {
		return badLogoutRequest(fmt.Errorf("destination is %q, not %q", lr.Destination, want))
	}

	nameID := ""
	if lr.NameID != nil {
		nameID = lr.NameID.Value
	}
	ended := p.store.endSessions(cookieID, nameID)
	p.clearSessionCookie(w)
	p.log.Info("devidp: logout", "sp", spID, "sessions_ended", ended)

	ed, err := p.sps.lookup(r.Context(), spID, false)
	if err != nil {
		return unknownSP(spID, err)
	}
	dest := spLogoutLocation(ed)
	if dest == "" {
		p.render(w, http.StatusOK, messagePage, loggedOut())
		return nil
	}
	to, err := p.logoutResponseURL(dest, lr.ID, r.URL.Query().Get("RelayState"), time.Now())
	if err != nil {
		return err
	}
	http.Redirect(w, r, to, http.StatusFound)
	return nil
}

func loggedOut() messageView {
	return messageView{Title: "Du er logget ud", Message: "Du er logget ud af test-IdP'en."}
}

func badLogoutRequest(err error) error {
	return refuse(http.StatusBadRequest, "Ugyldig logout-forespørgsel",
		"Test-IdP'en kunne ikke læse tjenestens logout-forespørgsel (SAMLRequest).", err)
}

func (p *IdP) clearSessionCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: p.secure, SameSite: http.SameSiteLaxMode,
	})
}

// logoutResponseURL is dest with a LogoutResponse in the HTTP-Redirect
// binding. The response is signed twice: in the query as the binding says,
// and inside the XML, because crewjam/saml's SP
// (ValidateLogoutResponseRedirect) checks only an XML signature.
func (p *IdP) logoutResponseURL(dest, inResponseTo, relayState string, now time.Time) (string, error) {
	resp := saml.LogoutResponse{
		ID:           randomID(),
		InResponseTo: inResponseTo,
		Version:      "2.0",
		IssueInstant: now,
		Destination:  dest,
		Issuer:       &saml.Issuer{Format: "urn:oasis:names:tc:SAML:2.0:nameid-format:entity", Value: p.entityID},
		Status:       saml.Status{StatusCode: saml.StatusCode{Value: saml.StatusSuccess}},
	}
	sc, err := p.signingContext()
	if err != nil {
		return "", err
	}
	signedEl, err := sc.SignEnveloped(resp.Element())
	if err != nil {
		return "", fmt.Errorf("devidp: sign LogoutResponse: %w", err)
	}
	resp.Signature = signedEl.ChildElements()[len(signedEl.ChildElements())-1]
	doc := etree.NewDocument()
	doc.SetRoot(resp.Element())
	xmlBytes, err := doc.WriteToBytes()
	if err != nil {
		return "", err
	}
	signer, ok := p.saml.Key.(crypto.Signer)
	if !ok {
		return "", errors.New("devidp: key cannot sign")
	}
	return samlredirect.URL(dest, "SAMLResponse", xmlBytes, relayState, signer)
}

// signingContext signs the IdP's own messages with RSA-SHA256 and
// exclusive canonicalisation, as crewjam/saml signs assertions.
func (p *IdP) signingContext() (*dsig.SigningContext, error) {
	signer, ok := p.saml.Key.(crypto.Signer)
	if !ok {
		return nil, errors.New("devidp: key cannot sign")
	}
	sc, err := dsig.NewSigningContext(signer, [][]byte{p.saml.Certificate.Raw})
	if err != nil {
		return nil, err
	}
	sc.Canonicalizer = dsig.MakeC14N10ExclusiveCanonicalizerWithPrefixList("")
	if err := sc.SetSignatureMethod(dsig.RSASHA256SignatureMethod); err != nil {
		return nil, err
	}
	return sc, nil
}
