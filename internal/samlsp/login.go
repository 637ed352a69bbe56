package samlsp

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/crewjam/saml"
)

// authnContextProfessional asks NemLog-in for a professional (MitID
// Erhverv) identity rather than a private person's.
const authnContextProfessional = "https://data.gov.dk/eid/Professional"

// StartLogin redirects the browser to the IdP with a signed (RSA-SHA256)
// AuthnRequest in the HTTP-Redirect binding, asking for at least LoA
// Substantial and a persistent NameID. It remembers the request ID and
// returnTo in a request-tracking cookie for FinishLogin. returnTo must be a
// local absolute path ("/x", not "//host/x"); anything else is replaced by
// DefaultReturnTo, so that a login can never lead off-site.
func (sp *SP) StartLogin(w http.ResponseWriter, r *http.Request, returnTo string) error {
	st := sp.idp.Load()
	req, err := st.crewjam.MakeAuthenticationRequest(st.ssoURL, saml.HTTPRedirectBinding, saml.HTTPPostBinding)
	if err != nil {
		return fmt.Errorf("samlsp: make AuthnRequest: %w", err)
	}
	now := sp.cfg.Now()
	req.IssueInstant = now.UTC()
	el := req.Element()
	if rac := child(el, nsProtocol, "RequestedAuthnContext"); rac != nil {
		rac.CreateElement("saml:AuthnContextClassRef").SetText(authnContextProfessional)
	}
	dest, err := sp.redirectURL(st.ssoURL, "SAMLRequest", el, "")
	if err != nil {
		return err
	}
	err = sp.setTracking(w, tracking{
		ID:       req.ID,
		ReturnTo: SafeReturnTo(returnTo),
		Expires:  now.Add(trackingTTL).Unix(),
	})
	if err != nil {
		return fmt.Errorf("samlsp: tracking cookie: %w", err)
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, dest, http.StatusFound)
	return nil
}

// SafeReturnTo returns p if it is a path on this site, and DefaultReturnTo
// otherwise. Browsers read "//host", "/\host" and "\\host" as other sites,
// and drop tabs and newlines inside URLs, so all of those are refused.
func SafeReturnTo(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.ContainsAny(p, "\\\t\r\n") {
		return DefaultReturnTo
	}
	for _, c := range p {
		if c < 0x20 || c == 0x7f {
			return DefaultReturnTo
		}
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return DefaultReturnTo
	}
	return p
}
