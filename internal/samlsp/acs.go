package samlsp

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// maxResponseBytes bounds the ACS form; a real response is a few kB.
const maxResponseBytes = 1 << 20

// FinishLogin is the Assertion Consumer Service: it reads the SAMLResponse
// POSTed by the browser and checks it (see checkResponse). On success it
// clears the request-tracking cookie and returns the caseworker's identity
// and the local path to continue to. Every failure is an ErrRefused whose
// text says why, except a failing replay cache, which is
// jobnet.ErrUnavailable.
func (sp *SP) FinishLogin(w http.ResponseWriter, r *http.Request) (jobnet.Identity, string, error) {
	if r.Method != http.MethodPost {
		return jobnet.Identity{}, "", refuse("the ACS takes a POST, not %s", r.Method)
	}
	if err := sp.precheckACS(w, r); err != nil {
		return jobnet.Identity{}, "", err
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxResponseBytes)
	if err := r.ParseForm(); err != nil {
		return jobnet.Identity{}, "", refuseWith(err, "cannot read the ACS form")
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(r.PostForm.Get("SAMLResponse")))
	if err != nil || len(raw) == 0 {
		return jobnet.Identity{}, "", refuse("the form holds no base64 SAMLResponse")
	}
	resp, err := parseXML(raw)
	if err != nil {
		return jobnet.Identity{}, "", refuseWith(err, "SAMLResponse")
	}
	if !is(resp, nsProtocol, "Response") {
		return jobnet.Identity{}, "", refuse("SAMLResponse is a <%s>, not a samlp:Response", resp.Tag)
	}

	// First of all, the response must answer a login this browser started:
	// that refuses IdP-initiated logins, and a response planted on a
	// victim's browser (login CSRF).
	requestID := resp.SelectAttrValue("InResponseTo", "")
	if requestID == "" {
		return jobnet.Identity{}, "", refuse("unsolicited response (no InResponseTo): IdP-initiated login is not accepted")
	}
	if !requestIDPattern.MatchString(requestID) {
		return jobnet.Identity{}, "", refuse("response InResponseTo is malformed")
	}
	track, err := sp.readTracking(r, requestID)
	if err != nil {
		return jobnet.Identity{}, "", refuse("response InResponseTo %s matches no login started in this browser: %v", requestID, err)
	}

	st := sp.idp.Load()
	a, err := sp.checkResponse(st, resp, requestID, sp.cfg.Now())
	if err != nil {
		return jobnet.Identity{}, "", err
	}
	id, err := identityFrom(a)
	if err != nil {
		return jobnet.Identity{}, "", err
	}

	// Our checks passed; crewjam/saml checks once more what it knows how
	// to, so that a slip in either is caught by the other. It uses the real
	// clock (saml.TimeNow), not Config.Now.
	acs, _ := url.Parse(sp.acsURL)
	crewjam := st.crewjam
	if a.nextKey {
		crewjam = st.crewjamNext
	}
	if _, err := crewjam.ParseXMLResponse(raw, []string{requestID}, *acs); err != nil {
		var ire *saml.InvalidResponseError
		if errors.As(err, &ire) && ire.PrivateErr != nil {
			err = ire.PrivateErr
		}
		return jobnet.Identity{}, "", refuseWith(err, "crewjam/saml refused the response")
	}

	// Last, so that a response refused for any other reason does not use up
	// its assertion ID.
	if err := sp.cfg.Replay.Use(r.Context(), a.ID, a.expires); err != nil {
		if errors.Is(err, ErrReplayed) {
			return jobnet.Identity{}, "", refuseWith(err, "assertion %s was replayed", a.ID)
		}
		// Fail closed: without the replay check there is no login.
		if !errors.Is(err, jobnet.ErrUnavailable) {
			err = fmt.Errorf("%w: %w", jobnet.ErrUnavailable, err)
		}
		return jobnet.Identity{}, "", fmt.Errorf("samlsp: replay cache: %w", err)
	}
	sp.clearTracking(w, requestID)
	return id, SafeReturnTo(track.ReturnTo), nil
}

// checkResponse makes the checks on the samlp:Response around the
// assertion, then decrypts the assertion and has checkAssertion check it.
func (sp *SP) checkResponse(st *idpState, resp *etree.Element, requestID string, now time.Time) (*checkedAssertion, error) {
	if v := resp.SelectAttrValue("Version", ""); v != "2.0" {
		return nil, refuse("response Version is %q, not 2.0", v)
	}
	if err := checkIssueInstant(resp, "response", now, sp.cfg.ClockSkew); err != nil {
		return nil, err
	}
	if d := resp.SelectAttrValue("Destination", ""); d != sp.acsURL {
		return nil, refuse("response Destination %q is not our ACS URL %s", d, sp.acsURL)
	}
	// The Response's Issuer is optional in SAML; when present it must be the IdP.
	switch iss := children(resp, nsAssertion, "Issuer"); {
	case len(iss) > 1:
		return nil, refuse("response has %d Issuer elements", len(iss))
	case len(iss) == 1 && strings.TrimSpace(iss[0].Text()) != st.entityID:
		return nil, refuse("response Issuer is not the IdP's entity ID %s", st.entityID)
	}
	if err := checkStatus(resp); err != nil {
		return nil, err
	}

	// Exactly one assertion, encrypted, and nothing that looks like a
	// plaintext assertion anywhere (crewjam/saml would take one).
	if n := len(descendants(resp, nsAssertion, "Assertion")); n > 0 {
		return nil, refuse("response carries a plaintext assertion; only encrypted assertions are accepted")
	}
	enc := descendants(resp, nsAssertion, "EncryptedAssertion")
	if len(enc) != 1 || enc[0].Parent() != resp {
		return nil, refuse("response must carry exactly one EncryptedAssertion, it has %d", len(enc))
	}

	// A signature on the Response is optional, but if there is one it must
	// be good and strong. It never replaces the assertion's own signature.
	if _, err := verifySignature(resp, st.certs, now); err != nil && !errors.Is(err, errNotSigned) {
		return nil, refuseWith(err, "response signature")
	}

	assertionEl, nextKey, err := sp.decryptAssertion(enc[0])
	if err != nil {
		return nil, refuseWith(err, "cannot decrypt the assertion")
	}
	signed, err := verifySignature(assertionEl, st.certs, now)
	if errors.Is(err, errNotSigned) {
		return nil, refuse("the assertion itself is not signed (a signature on the Response alone is not enough)")
	}
	if err != nil {
		return nil, refuseWith(err, "assertion signature")
	}
	a, err := sp.checkAssertion(st, signed, requestID, now)
	if err != nil {
		return nil, err
	}
	a.nextKey = nextKey
	return a, nil
}

// checkStatus refuses any status but Success, keeping the IdP's codes.
func checkStatus(msg *etree.Element) error {
	var code *etree.Element
	if status := child(msg, nsProtocol, "Status"); status != nil {
		code = child(status, nsProtocol, "StatusCode")
	}
	if code == nil {
		return refuse("message has no Status/StatusCode")
	}
	if v := code.SelectAttrValue("Value", ""); v != saml.StatusSuccess {
		se := &StatusError{Code: v}
		if sub := child(code, nsProtocol, "StatusCode"); sub != nil {
			se.SubCode = sub.SelectAttrValue("Value", "")
		}
		return refuseWith(se, "status is not Success")
	}
	return nil
}
