package server

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/gorilla/sessions"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/session"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// acs receives the IdP's response. A response that fails any check gives a
// Danish error page and no session; a database outage gives the 503 page,
// not a failed login; an identity the user copy does not let in gives a
// page saying why. Otherwise a new session (new id) begins.
func (s *Server) acs(w http.ResponseWriter, r *http.Request) error {
	id, returnTo, err := s.sp.FinishLogin(w, r)
	if errors.Is(err, jobnet.ErrUnavailable) && !errors.Is(err, jobnet.ErrForbidden) {
		// The response may be fine; the database that records its
		// assertion ID is not. Not a failed login: the 503 page.
		return err
	}
	if err != nil {
		s.log.Warn("SAML response refused", "reason", err.Error())
		s.renderPage(w, r, http.StatusForbidden, views.ErrorPage(views.Chrome{Title: "Login mislykkedes"},
			views.ErrorInfo{Status: http.StatusForbidden, Heading: "Login mislykkedes", Message: TextSAMLFailed}))
		return nil
	}
	if id.IsPerson() {
		return s.personSignedIn(w, r, id, returnTo)
	}
	user, err := s.store.UserByIdentity(r.Context(), id)
	if err != nil {
		return err
	}
	orgs, reason := access.SignInOrganisations(user)
	if reason != "" {
		s.log.Info("caseworker not admitted", "reason", reason, "cvr", id.CVR, "rid", id.RID, "uuid", id.UUID, "user", user.ID)
		return s.renderUserDenied(w, r, reason)
	}
	values := map[string]any{keyUser: user.ID}
	if len(orgs) == 1 {
		values[keyOrg] = orgs[0].ID
	}
	sess, err := s.startSession(w, r, id, values)
	if err != nil {
		return err
	}
	s.log.Info("caseworker signed in", "user", user.ID, "organisations", len(orgs))
	if returnTo == launchPath {
		return s.launchAfterSignIn(w, r, &visit{sess: sess, user: user, orgs: orgs})
	}
	if len(orgs) > 1 {
		returnTo = "/sagsbehandleradgang/organisation"
	}
	http.Redirect(w, r, returnTo, http.StatusSeeOther)
	return nil
}

// startSession begins the session of a login: a new session id (no
// fixation) holding values and the SAML subject of id, for log-out.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, id jobnet.Identity, values map[string]any) (*sessions.Session, error) {
	sess, err := s.sessions.Current(r)
	if err != nil {
		return nil, fmt.Errorf("load session: %w: %w", jobnet.ErrUnavailable, err)
	}
	clear(sess.Values)
	for k, v := range values {
		sess.Values[k] = v
	}
	sess.Values[keyNameID] = id.NameID
	sess.Values[keyNameIDFormat] = id.NameIDFormat
	sess.Values[keySessionIndex] = id.SessionIndex
	if err := s.sessions.Renew(r, w, sess); err != nil {
		return nil, fmt.Errorf("renew session: %w: %w", jobnet.ErrUnavailable, err)
	}
	return sess, nil
}

func (s *Server) renderUserDenied(w http.ResponseWriter, r *http.Request, reason access.Reason) error {
	heading, message := userDenied(reason)
	s.renderPage(w, r, http.StatusForbidden, views.UserDeniedPage(views.Chrome{Title: heading}, heading, message))
	return nil
}

// logout ends the local session and sends a signed LogoutRequest to the IdP
// (SPEC §2.1, Single Logout).
func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	v := visitFrom(r.Context())
	s.log.Info("caseworker signed out", "user", v.user.ID)
	return s.logOutSession(w, r, v.sess)
}

// logOutSession ends sess and sends the browser to the IdP with a signed
// LogoutRequest for the session's SAML subject.
func (s *Server) logOutSession(w http.ResponseWriter, r *http.Request, sess *sessions.Session) error {
	id := jobnet.Identity{
		NameID:       stringValue(sess.Values[keyNameID]),
		NameIDFormat: stringValue(sess.Values[keyNameIDFormat]),
		SessionIndex: stringValue(sess.Values[keySessionIndex]),
	}
	s.endSession(w, r, sess)
	if id.NameID == "" {
		http.Redirect(w, r, "/logget-ud", http.StatusSeeOther)
		return nil
	}
	to, err := s.sp.LogoutRedirect(id)
	if err != nil {
		s.log.Error("logout request", "err", err)
		http.Redirect(w, r, "/logget-ud", http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// slo is the Single Logout endpoint. It receives the IdP's LogoutResponse
// to our own LogoutRequest (see logout), and LogoutRequests from the IdP
// when the caseworker logs out elsewhere (idpLogout). For a response, the
// local session ended before we went to the IdP, so a bad response is
// logged and the caseworker still sees that they are logged out.
func (s *Server) slo(w http.ResponseWriter, r *http.Request) error {
	if s.sp.IsLogoutRequest(w, r) {
		return s.idpLogout(w, r)
	}
	if err := s.sp.FinishLogout(r); err != nil && !errors.Is(err, http.ErrNoCookie) {
		s.log.Warn("logout response refused", "reason", err.Error())
	}
	http.Redirect(w, r, "/logget-ud", http.StatusSeeOther)
	return nil
}

// idpLogout ends the sessions that the IdP's LogoutRequest names, on every
// instance (they are rows in Postgres), and answers the IdP with a signed
// LogoutResponse: Success, or Responder if the sessions could not be ended.
// A request that fails a check ends nothing, and the browser is told so:
// never "Du er logget ud" while the session lives on.
func (s *Server) idpLogout(w http.ResponseWriter, r *http.Request) error {
	req, err := s.sp.ReadLogoutRequest(w, r)
	if err != nil {
		s.log.Warn("logout request refused", "reason", err.Error())
		s.renderPage(w, r, http.StatusForbidden, views.ErrorPage(views.Chrome{Title: "Log ud mislykkedes"},
			views.ErrorInfo{Status: http.StatusForbidden, Heading: "Log ud mislykkedes", Message: TextLogoutRequestRefused}))
		return nil
	}
	n, err := s.sessions.EndSubject(r.Context(), req.NameID, req.SessionIndexes)
	if err != nil {
		s.log.Error("logout request: end sessions", "err", err)
	} else {
		s.log.Info("caseworker signed out by the IdP", "sessions", n)
	}
	to, rerr := s.sp.LogoutResponseURL(req, err == nil)
	if rerr != nil {
		return fmt.Errorf("logout response: %w", rerr)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// SessionSubject is the SAML subject of a session, from the values acs
// stores: the session store keeps it where a logout from the IdP finds it
// (session.Options.SubjectOf).
func SessionSubject(values map[any]any) session.Subject {
	return session.Subject{NameID: stringValue(values[keyNameID]), SessionIndex: stringValue(values[keySessionIndex])}
}

func (s *Server) loggedOut(w http.ResponseWriter, r *http.Request) error {
	s.renderPage(w, r, http.StatusOK, views.LoggedOutPage(views.Chrome{Title: "Du er logget ud"}, ""))
	return nil
}

func stringValue(v any) string {
	s, _ := v.(string)
	return s
}
