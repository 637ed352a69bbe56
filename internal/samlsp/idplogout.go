package samlsp

import (
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"

	"github.com/star-dk/sagsbehandleradgang/internal/samlredirect"
)

// maxSLOBodyBytes bounds a form posted to the SLO endpoint; a logout
// message is a few kilobytes.
const maxSLOBodyBytes = 64 << 10

// maxRelayState is the most a RelayState may hold (SAML bindings §3.4.3).
const maxRelayState = 80

// LogoutRequest is a Single Logout request from the IdP that ReadLogoutRequest
// has checked: end the sessions of NameID (only those of the IdP sessions in
// SessionIndexes, when there are any), then answer with LogoutResponseURL.
type LogoutRequest struct {
	ID             string
	NameID         string
	SessionIndexes []string
	RelayState     string
}

// IsLogoutRequest reports whether the message at the SLO endpoint is a
// LogoutRequest from the IdP (SAMLRequest, in the query or the form)
// rather than the IdP's LogoutResponse to our own request.
func (sp *SP) IsLogoutRequest(w http.ResponseWriter, r *http.Request) bool {
	if err := parseSLOForm(w, r); err != nil {
		return false
	}
	return r.Form.Has("SAMLRequest")
}

func parseSLOForm(w http.ResponseWriter, r *http.Request) error {
	if r.PostForm == nil {
		r.Body = http.MaxBytesReader(w, r.Body, maxSLOBodyBytes)
	}
	return r.ParseForm()
}

// ReadLogoutRequest checks the IdP's LogoutRequest at /saml/slo: in the
// HTTP-Redirect binding (GET) the query must be signed, in the HTTP-POST
// binding the XML, either with a key in the IdP metadata and SHA-256 or
// stronger. It must come from the IdP, be addressed to our SLO URL, be
// fresh (IssueInstant within the clock skew) and name one subject. Every
// failure is an ErrRefused, and the caller must then change nothing.
func (sp *SP) ReadLogoutRequest(w http.ResponseWriter, r *http.Request) (LogoutRequest, error) {
	st := sp.idp.Load()
	now := sp.cfg.Now()
	var (
		el         *etree.Element
		relayState string
	)
	switch r.Method {
	case http.MethodGet:
		q := r.URL.Query()
		switch err := samlredirect.Verify(r.URL.RawQuery, "SAMLRequest", st.certs); {
		case errors.Is(err, samlredirect.ErrUnsigned):
			return LogoutRequest{}, refuse("the LogoutRequest is not signed")
		case err != nil:
			return LogoutRequest{}, refuseWith(err, "LogoutRequest query signature")
		}
		raw, err := samlredirect.Decode(q.Get("SAMLRequest"))
		if err != nil {
			return LogoutRequest{}, refuseWith(err, "LogoutRequest")
		}
		// The query signature covers the whole message.
		if el, err = parseXML(raw); err != nil {
			return LogoutRequest{}, refuseWith(err, "LogoutRequest")
		}
		relayState = q.Get("RelayState")
	case http.MethodPost:
		if err := parseSLOForm(w, r); err != nil {
			return LogoutRequest{}, refuseWith(err, "cannot read the SLO form")
		}
		raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(r.PostForm.Get("SAMLRequest")))
		if err != nil || len(raw) == 0 {
			return LogoutRequest{}, refuse("no base64 SAMLRequest in the form")
		}
		doc, err := parseXML(raw)
		if err != nil {
			return LogoutRequest{}, refuseWith(err, "LogoutRequest")
		}
		// Only what the signature covers is read from here on.
		el, err = verifySignature(doc, st.certs, now)
		if errors.Is(err, errNotSigned) {
			return LogoutRequest{}, refuse("the LogoutRequest is not signed")
		}
		if err != nil {
			return LogoutRequest{}, refuseWith(err, "LogoutRequest signature")
		}
		relayState = r.PostForm.Get("RelayState")
	default:
		return LogoutRequest{}, refuse("the SLO endpoint takes GET or POST, not %s", r.Method)
	}
	if len(relayState) > maxRelayState {
		return LogoutRequest{}, refuse("RelayState is %d bytes, more than %d", len(relayState), maxRelayState)
	}
	req, err := sp.checkLogoutRequest(st, el, now)
	if err != nil {
		return LogoutRequest{}, err
	}
	req.RelayState = relayState
	return req, nil
}

// checkLogoutRequest checks the signed LogoutRequest el and reads it.
func (sp *SP) checkLogoutRequest(st *idpState, el *etree.Element, now time.Time) (LogoutRequest, error) {
	if !is(el, nsProtocol, "LogoutRequest") {
		return LogoutRequest{}, refuse("SAMLRequest is a <%s>, not a samlp:LogoutRequest", el.Tag)
	}
	if v := el.SelectAttrValue("Version", ""); v != "2.0" {
		return LogoutRequest{}, refuse("LogoutRequest Version is %q, not 2.0", v)
	}
	id := el.SelectAttrValue("ID", "")
	if !requestIDPattern.MatchString(id) {
		return LogoutRequest{}, refuse("LogoutRequest ID is missing or malformed")
	}
	if iss := children(el, nsAssertion, "Issuer"); len(iss) != 1 || strings.TrimSpace(iss[0].Text()) != st.entityID {
		return LogoutRequest{}, refuse("LogoutRequest Issuer is not the IdP's entity ID %s", st.entityID)
	}
	// A signed message must say where it is going (SAML bindings §3.4.5.2,
	// §3.5.5.2), or one meant for another SP could be used here.
	if d := el.SelectAttrValue("Destination", ""); d != sp.sloURL {
		return LogoutRequest{}, refuse("LogoutRequest Destination %q is not our SLO URL %s", d, sp.sloURL)
	}
	// Without a record of the requests seen, freshness is what keeps an old
	// one from being used again.
	skew := sp.cfg.ClockSkew
	issued, err := time.Parse(time.RFC3339Nano, el.SelectAttrValue("IssueInstant", ""))
	if err != nil {
		return LogoutRequest{}, refuse("LogoutRequest IssueInstant is missing or malformed")
	}
	if issued.After(now.Add(skew)) || issued.Before(now.Add(-skew)) {
		return LogoutRequest{}, refuse("LogoutRequest was issued at %s, more than %s from our clock", issued.UTC().Format(time.RFC3339), skew)
	}
	if v := el.SelectAttrValue("NotOnOrAfter", ""); v != "" {
		until, err := time.Parse(time.RFC3339Nano, v)
		if err != nil || !now.Before(until.Add(skew)) {
			return LogoutRequest{}, refuse("LogoutRequest has expired (NotOnOrAfter %q)", v)
		}
	}
	if len(children(el, nsAssertion, "EncryptedID")) > 0 {
		return LogoutRequest{}, refuse("an encrypted NameID in a LogoutRequest is not supported")
	}
	nameIDs := children(el, nsAssertion, "NameID")
	if len(nameIDs) != 1 || strings.TrimSpace(nameIDs[0].Text()) == "" {
		return LogoutRequest{}, refuse("LogoutRequest must name exactly one NameID, it has %d", len(nameIDs))
	}
	req := LogoutRequest{ID: id, NameID: strings.TrimSpace(nameIDs[0].Text())}
	for _, si := range children(el, nsProtocol, "SessionIndex") {
		if v := strings.TrimSpace(si.Text()); v != "" {
			req.SessionIndexes = append(req.SessionIndexes, v)
		}
	}
	return req, nil
}

// LogoutResponseURL answers req: the IdP's Single Logout URL carrying a
// LogoutResponse, signed with RSA-SHA256 in the HTTP-Redirect binding, with
// req's RelayState. ended says whether the sessions were ended; if not, the
// status is Responder, and the IdP can tell the user that logout failed here.
func (sp *SP) LogoutResponseURL(req LogoutRequest, ended bool) (string, error) {
	st := sp.idp.Load()
	if st.sloResponseURL == "" {
		return "", errors.New("samlsp: IdP metadata has no SingleLogoutService with the HTTP-Redirect binding")
	}
	status := saml.StatusSuccess
	if !ended {
		status = saml.StatusResponder
	}
	resp := saml.LogoutResponse{
		ID:           newID(),
		InResponseTo: req.ID,
		Version:      "2.0",
		IssueInstant: sp.cfg.Now().UTC(),
		Destination:  st.sloResponseURL,
		Issuer: &saml.Issuer{
			Format: "urn:oasis:names:tc:SAML:2.0:nameid-format:entity",
			Value:  sp.entityID,
		},
		Status: saml.Status{StatusCode: saml.StatusCode{Value: status}},
	}
	return sp.redirectURL(st.sloResponseURL, "SAMLResponse", resp.Element(), req.RelayState)
}
