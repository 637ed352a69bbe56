package samlsp

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"regexp"
	"strings"
	"time"
)

// TrackingCookiePrefix starts the name of the request-tracking cookie;
// the AuthnRequest's ID completes it. One cookie per login attempt lets a
// caseworker start logins in two tabs without one spoiling the other.
const TrackingCookiePrefix = "saml_req_"

// trackingTTL is how long a login may take at the IdP (MitID app approval
// included) before the ACS forgets the request.
const trackingTTL = 10 * time.Minute

// requestIDPattern is what our own request IDs look like (crewjam/saml's
// "id-" and 40 hex digits), and so what an InResponseTo must look like
// before we use it as part of a cookie name.
var requestIDPattern = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]{0,127}$`)

// tracking is what the cookie remembers about one AuthnRequest.
type tracking struct {
	ID       string `json:"id"`
	ReturnTo string `json:"rt"`
	Expires  int64  `json:"exp"` // Unix seconds
}

// setTracking sets the request-tracking cookie. It must be SameSite=None:
// the IdP's answer is a cross-site POST, on which a Lax cookie is not sent.
// SameSite=None in turn requires Secure (browsers treat localhost as secure).
func (sp *SP) setTracking(w http.ResponseWriter, t tracking) error {
	payload, err := json.Marshal(t)
	if err != nil {
		return err
	}
	name := TrackingCookiePrefix + t.ID
	value := base64.RawURLEncoding.EncodeToString(payload)
	value += "." + base64.RawURLEncoding.EncodeToString(sp.mac(name, value))
	http.SetCookie(w, sp.trackingCookie(name, value, int(trackingTTL/time.Second)))
	return nil
}

// clearTracking removes the request-tracking cookie for request id.
func (sp *SP) clearTracking(w http.ResponseWriter, id string) {
	http.SetCookie(w, sp.trackingCookie(TrackingCookiePrefix+id, "", -1))
}

func (sp *SP) trackingCookie(name, value string, maxAge int) *http.Cookie {
	return &http.Cookie{
		Name:     name,
		Value:    value,
		Path:     sp.cookiePath,
		MaxAge:   maxAge,
		Secure:   true,
		HttpOnly: true,
		SameSite: http.SameSiteNoneMode,
	}
}

// readTracking returns what the browser's cookie says about request id; it
// fails if this browser started no such login, or the cookie was forged or
// is too old.
func (sp *SP) readTracking(r *http.Request, id string) (tracking, error) {
	c, err := r.Cookie(TrackingCookiePrefix + id)
	if err != nil {
		return tracking{}, errors.New("no request-tracking cookie for it in this browser")
	}
	return sp.checkTracking(c, id)
}

// checkTracking reads the request-tracking cookie c of request id: its MAC,
// its content and its age.
func (sp *SP) checkTracking(c *http.Cookie, id string) (tracking, error) {
	if !requestIDPattern.MatchString(id) {
		return tracking{}, errors.New("malformed request ID")
	}
	name := TrackingCookiePrefix + id
	value, mac, ok := strings.Cut(c.Value, ".")
	got, err := base64.RawURLEncoding.DecodeString(mac)
	if !ok || err != nil || !hmac.Equal(got, sp.mac(name, value)) {
		return tracking{}, errors.New("request-tracking cookie has a bad MAC")
	}
	payload, err := base64.RawURLEncoding.DecodeString(value)
	if err != nil {
		return tracking{}, errors.New("request-tracking cookie is malformed")
	}
	var t tracking
	if err := json.Unmarshal(payload, &t); err != nil || t.ID != id {
		return tracking{}, errors.New("request-tracking cookie is malformed")
	}
	if !sp.cfg.Now().Before(time.Unix(t.Expires, 0)) {
		return tracking{}, errors.New("request-tracking cookie has expired")
	}
	return t, nil
}

// mac binds the cookie's value to its name, so a value cannot be moved to
// the cookie of another request.
func (sp *SP) mac(name, value string) []byte {
	h := hmac.New(sha256.New, sp.cookieKey)
	h.Write([]byte(name + "=" + value))
	return h.Sum(nil)
}
