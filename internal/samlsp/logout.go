package samlsp

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"

	"github.com/star-dk/sagsbehandleradgang/internal/samlredirect"

	"github.com/crewjam/saml"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// LogoutRedirect returns the IdP's Single Logout URL carrying a LogoutRequest
// for the identity's NameID and SessionIndex, signed with RSA-SHA256 in the
// HTTP-Redirect binding. The caller ends the local session first.
func (sp *SP) LogoutRedirect(id jobnet.Identity) (string, error) {
	st := sp.idp.Load()
	if st.sloURL == "" {
		return "", errors.New("samlsp: IdP metadata has no SingleLogoutService with the HTTP-Redirect binding")
	}
	if id.NameID == "" {
		return "", errors.New("samlsp: identity has no NameID to log out")
	}
	// crewjam/saml's MakeRedirectLogoutRequest would leave the query
	// unsigned, drop the SessionIndex and put our NameID format in place of
	// the one the IdP used, so we build the request ourselves.
	req := saml.LogoutRequest{
		ID:           newID(),
		Version:      "2.0",
		IssueInstant: sp.cfg.Now().UTC(),
		Destination:  st.sloURL,
		Issuer: &saml.Issuer{
			Format: "urn:oasis:names:tc:SAML:2.0:nameid-format:entity",
			Value:  sp.entityID,
		},
		NameID: &saml.NameID{Format: id.NameIDFormat, Value: id.NameID},
	}
	if id.SessionIndex != "" {
		req.SessionIndex = &saml.SessionIndex{Value: id.SessionIndex}
	}
	return sp.redirectURL(st.sloURL, "SAMLRequest", req.Element(), "")
}

// FinishLogout checks the IdP's LogoutResponse arriving at /saml/slo, in the
// HTTP-Redirect (GET) or HTTP-POST binding: its signature when it has one,
// its Issuer, its Destination when present, and its status. InResponseTo
// is not checked: we keep no state about logouts, and the local session has
// already ended when the IdP answers.
func (sp *SP) FinishLogout(r *http.Request) error {
	st := sp.idp.Load()
	var raw []byte
	switch r.Method {
	case http.MethodGet:
		q := r.URL.Query()
		if q.Get("SAMLRequest") != "" {
			return refuse("the message is a LogoutRequest (see ReadLogoutRequest), not a LogoutResponse")
		}
		switch err := samlredirect.Verify(r.URL.RawQuery, "SAMLResponse", st.certs); {
		case errors.Is(err, samlredirect.ErrUnsigned):
		case err != nil:
			return refuseWith(err, "LogoutResponse query signature")
		}
		var err error
		if raw, err = samlredirect.Decode(q.Get("SAMLResponse")); err != nil {
			return refuseWith(err, "LogoutResponse")
		}
	case http.MethodPost:
		if err := parseSLOForm(nil, r); err != nil {
			return refuseWith(err, "cannot read the SLO form")
		}
		if r.PostForm.Get("SAMLRequest") != "" {
			return refuse("the message is a LogoutRequest (see ReadLogoutRequest), not a LogoutResponse")
		}
		data, err := base64.StdEncoding.DecodeString(strings.TrimSpace(r.PostForm.Get("SAMLResponse")))
		if err != nil || len(data) == 0 {
			return refuse("no base64 SAMLResponse in the form")
		}
		raw = data
	default:
		return refuse("the SLO endpoint takes GET or POST, not %s", r.Method)
	}

	resp, err := parseXML(raw)
	if err != nil {
		return refuseWith(err, "LogoutResponse")
	}
	if !is(resp, nsProtocol, "LogoutResponse") {
		return refuse("SAMLResponse is a <%s>, not a samlp:LogoutResponse", resp.Tag)
	}
	if _, err := verifySignature(resp, st.certs, sp.cfg.Now()); err != nil && !errors.Is(err, errNotSigned) {
		return refuseWith(err, "LogoutResponse signature")
	}
	if iss := child(resp, nsAssertion, "Issuer"); iss == nil || strings.TrimSpace(iss.Text()) != st.entityID {
		return refuse("LogoutResponse Issuer is not the IdP's entity ID %s", st.entityID)
	}
	if d := resp.SelectAttrValue("Destination", ""); d != "" && d != sp.sloURL {
		return refuse("LogoutResponse Destination %q is not our SLO URL %s", d, sp.sloURL)
	}
	return checkStatus(resp)
}

// newID makes a SAML message ID with 130 random bits. It must be an XML
// NCName, so it starts with a letter.
func newID() string {
	return "id-" + rand.Text()
}
