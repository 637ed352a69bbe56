package devidp

import (
	"crypto"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/samlredirect"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"
	dsig "github.com/russellhaering/goxmldsig"
)

// maxSLOForm bounds a form posted to /slo.
const maxSLOForm = 1 << 20

// serveSLO is Single Logout. It takes:
//   - a LogoutRequest from an SP (HTTP-Redirect binding, signed): it ends
//     the IdP session and answers the SP (serveLogoutRequest);
//   - no message at all (the front page's log-out link): it ends the
//     browser's IdP session and sends a signed LogoutRequest to each SP the
//     session signed in to, one after the other through the browser; with
//     ?binding=post in the HTTP-POST binding (startLogout);
//   - an SP's LogoutResponse to such a request, in either binding: on to
//     the next SP, and "Du er logget ud" after the last (serveLogoutResponse).
func (p *IdP) serveSLO(w http.ResponseWriter, r *http.Request) error {
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, maxSLOForm)
		if err := r.ParseForm(); err != nil {
			return badLogoutResponse(err)
		}
		raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(r.PostForm.Get("SAMLResponse")))
		if err != nil || len(raw) == 0 {
			return badLogoutResponse(errors.New("no base64 SAMLResponse in the form"))
		}
		return p.serveLogoutResponse(w, r, raw)
	}
	q := r.URL.Query()
	switch {
	case q.Get("SAMLResponse") != "":
		raw, err := samlredirect.Decode(q.Get("SAMLResponse"))
		if err != nil {
			return badLogoutResponse(err)
		}
		return p.serveLogoutResponse(w, r, raw)
	case q.Get("SAMLRequest") != "":
		return p.serveLogoutRequest(w, r, q.Get("SAMLRequest"))
	default:
		return p.startLogout(w, r)
	}
}

// serveLogoutRequest takes an SP's LogoutRequest: signed by a known SP, it
// ends the IdP session and is answered with a signed LogoutResponse at the
// SP's SingleLogoutService, or with "Du er logget ud" when the SP has none.
func (p *IdP) serveLogoutRequest(w http.ResponseWriter, r *http.Request, samlRequest string) error {
	cookieID := ""
	if c, err := r.Cookie(sessionCookie); err == nil {
		cookieID = c.Value
	}
	raw, err := samlredirect.Decode(samlRequest)
	if err != nil {
		return badLogoutRequest(err)
	}
	var lr saml.LogoutRequest
	spID, err := p.readLogoutMessage(r, raw, "SAMLRequest", &lr)
	if err != nil {
		return err
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

// startLogout ends the browser's IdP session and starts sending its SPs
// LogoutRequests, as NemLog-in does when a user logs out there.
func (p *IdP) startLogout(w http.ResponseWriter, r *http.Request) error {
	p.clearSessionCookie(w)
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		p.render(w, http.StatusOK, messagePage, loggedOut())
		return nil
	}
	s, ok := p.store.takeSession(c.Value, time.Now())
	if !ok {
		p.render(w, http.StatusOK, messagePage, loggedOut())
		return nil
	}
	p.log.Info("devidp: logout at the IdP", "user", s.Username, "sps", len(s.SPs))
	return p.nextLogout(w, r, &logout{
		NameID: s.NameID, NameIDFormat: s.NameIDFormat, Index: s.Index,
		Remaining: s.SPs, PostBinding: r.URL.Query().Get("binding") == "post",
	})
}

// nextLogout sends a signed LogoutRequest for lo's subject and IdP session
// to the next SP that does Single Logout, or, when none is left, tells the
// user that they are logged out.
func (p *IdP) nextLogout(w http.ResponseWriter, r *http.Request, lo *logout) error {
	now := time.Now()
	for len(lo.Remaining) > 0 {
		spID := lo.Remaining[0]
		lo.Remaining = lo.Remaining[1:]
		ed, err := p.sps.lookup(r.Context(), spID, false)
		if err != nil {
			p.log.Warn("devidp: logout: unknown SP", "sp", spID, "err", err)
			lo.Failed = append(lo.Failed, spID)
			continue
		}
		ep, ok := spLogoutService(ed, lo.PostBinding)
		if !ok {
			continue // the SP does no Single Logout
		}
		req := saml.LogoutRequest{
			ID:           randomID(),
			Version:      "2.0",
			IssueInstant: now.UTC(),
			Destination:  ep.Location,
			Issuer:       &saml.Issuer{Format: "urn:oasis:names:tc:SAML:2.0:nameid-format:entity", Value: p.entityID},
			NameID:       &saml.NameID{Format: lo.NameIDFormat, Value: lo.NameID},
			SessionIndex: &saml.SessionIndex{Value: lo.Index},
		}
		lo.Current = spID
		p.store.addLogout(req.ID, lo, now)
		p.log.Info("devidp: logout request", "sp", spID, "binding", ep.Binding)
		if ep.Binding == saml.HTTPPostBinding {
			return p.postLogoutRequest(w, ep.Location, &req)
		}
		to, err := p.redirectURL(ep.Location, "SAMLRequest", req.Element(), "")
		if err != nil {
			return err
		}
		http.Redirect(w, r, to, http.StatusFound)
		return nil
	}
	v := loggedOut()
	if len(lo.Failed) > 0 {
		v = messageView{
			Title:   "Du er kun delvist logget ud",
			Message: "Du er logget ud af test-IdP'en, men disse tjenester kunne ikke logge dig ud: " + strings.Join(lo.Failed, ", "),
		}
	}
	p.render(w, http.StatusOK, messagePage, v)
	return nil
}

// postLogoutRequest sends req to dest in the HTTP-POST binding, with an
// enveloped XML signature, through an auto-submitting form.
func (p *IdP) postLogoutRequest(w http.ResponseWriter, dest string, req *saml.LogoutRequest) error {
	sc, err := p.signingContext()
	if err != nil {
		return err
	}
	signed, err := sc.SignEnveloped(req.Element())
	if err != nil {
		return fmt.Errorf("devidp: sign LogoutRequest: %w", err)
	}
	// The signature goes after the Issuer, where the schema has it.
	req.Signature = signed.ChildElements()[len(signed.ChildElements())-1]
	doc := etree.NewDocument()
	doc.SetRoot(req.Element())
	xmlBytes, err := doc.WriteToBytes()
	if err != nil {
		return err
	}
	p.render(w, http.StatusOK, postPage, postView{
		Title: "Du logges ud", URL: dest, Param: "SAMLRequest", Message: base64.StdEncoding.EncodeToString(xmlBytes),
	})
	return nil
}

// serveLogoutResponse takes an SP's answer to the LogoutRequest that
// nextLogout sent it, and goes on to the next SP.
func (p *IdP) serveLogoutResponse(w http.ResponseWriter, r *http.Request, raw []byte) error {
	var lr saml.LogoutResponse
	spID, err := p.readLogoutMessage(r, raw, "SAMLResponse", &lr)
	if err != nil {
		return err
	}
	lo, ok := p.store.takeLogout(lr.InResponseTo, time.Now())
	if !ok || lo.Current != spID {
		return refuse(http.StatusBadRequest, "Ukendt logout-svar",
			"Test-IdP'en venter ikke på dette svar fra tjenesten. Log ud forfra fra test-IdP'ens forside.", nil)
	}
	if code := lr.Status.StatusCode.Value; code != saml.StatusSuccess {
		p.log.Warn("devidp: SP did not log the user out", "sp", spID, "status", code)
		lo.Failed = append(lo.Failed, spID)
	}
	return p.nextLogout(w, r, lo)
}

// readLogoutMessage reads a LogoutRequest (param SAMLRequest) or
// LogoutResponse (SAMLResponse) from an SP into v: it must be signed by the
// SP its Issuer names, and be addressed to the IdP when it says where it
// goes. Only what the signature covers is read into v. It returns the SP's
// entity ID, or an error page.
func (p *IdP) readLogoutMessage(r *http.Request, raw []byte, param string, v any) (string, error) {
	bad, unsigned, invalid := badLogoutRequest, "Logout-forespørgslen er ikke signeret", "Logout-forespørgslens signatur er ikke gyldig"
	if param == "SAMLResponse" {
		bad, unsigned, invalid = badLogoutResponse, "Logout-svaret er ikke signeret", "Logout-svarets signatur er ikke gyldig"
	}
	var head struct {
		Issuer      string `xml:"urn:oasis:names:tc:SAML:2.0:assertion Issuer"`
		Destination string `xml:",attr"`
	}
	if err := xml.Unmarshal(raw, &head); err != nil {
		return "", bad(err)
	}
	spID := strings.TrimSpace(head.Issuer)
	if spID == "" {
		return "", bad(errors.New("no Issuer"))
	}
	signed, err := p.verifySigned(r, raw, param, spID)
	const how = "Test-IdP'en tager kun imod logout-beskeder, der er signeret med RSA-SHA256 med nøglen i tjenestens metadata."
	switch {
	case errors.Is(err, errUnknownSP):
		return "", unknownSP(spID, err)
	case errors.Is(err, errUnsigned):
		return "", refuse(http.StatusBadRequest, unsigned, "Tjenesten sendte en logout-besked uden signatur. "+how, err)
	case err != nil:
		return "", refuse(http.StatusBadRequest, invalid, how, err)
	}
	head.Issuer, head.Destination = "", "" // from here on, only what the signature covers
	if err := xml.Unmarshal(signed, &head); err != nil {
		return "", bad(err)
	}
	if strings.TrimSpace(head.Issuer) != spID {
		return "", bad(errors.New("the signed message names another Issuer"))
	}
	if want := p.url("/slo").String(); head.Destination != "" && head.Destination != want {
		return "", bad(fmt.Errorf("destination is %q, not %q", head.Destination, want))
	}
	if err := xml.Unmarshal(signed, v); err != nil {
		return "", bad(err)
	}
	return spID, nil
}

func loggedOut() messageView {
	return messageView{Title: "Du er logget ud", Message: "Du er logget ud af test-IdP'en."}
}

func badLogoutRequest(err error) error {
	return refuse(http.StatusBadRequest, "Ugyldig logout-forespørgsel",
		"Test-IdP'en kunne ikke læse tjenestens logout-forespørgsel (SAMLRequest).", err)
}

func badLogoutResponse(err error) error {
	return refuse(http.StatusBadRequest, "Ugyldigt logout-svar",
		"Test-IdP'en kunne ikke læse tjenestens svar på logout (SAMLResponse).", err)
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
	return p.redirectURL(dest, "SAMLResponse", resp.Element(), relayState)
}

// redirectURL is dest with msg as param in the HTTP-Redirect binding, the
// query signed with RSA-SHA256.
func (p *IdP) redirectURL(dest, param string, msg *etree.Element, relayState string) (string, error) {
	doc := etree.NewDocument()
	doc.SetRoot(msg)
	xmlBytes, err := doc.WriteToBytes()
	if err != nil {
		return "", err
	}
	signer, ok := p.saml.Key.(crypto.Signer)
	if !ok {
		return "", errors.New("devidp: key cannot sign")
	}
	return samlredirect.URL(dest, param, xmlBytes, relayState, signer)
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
