package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/gorilla/sessions"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
	"github.com/star-dk/sagsbehandleradgang/internal/session"
)

// Session values. The session holds ids only: never a CPR number.
const (
	keyUser         = "uid"
	keyOrg          = "org"
	keyCitizen      = "cit"
	keyNameID       = "nameid"
	keyNameIDFormat = "nameidfmt"
	keySessionIndex = "sidx"
)

// visit is what the middleware learnt about the request's caseworker.
type visit struct {
	sess *sessions.Session
	user jobnet.User
	orgs []jobnet.Organisation // those the user may sign in for (access.SignInOrganisations)
	org  jobnet.Organisation   // the one chosen; zero until then
	cw   jobnet.Caseworker     // zero unless the user may act as caseworker for org
	// seesLoginActivity: the user is org's LBA (access.MaySeeLoginActivity),
	// so the top bar links to Loginaktivitet.
	seesLoginActivity bool
	citizen           jobnet.CitizenFacts // zero unless a citizen is selected
}

type visitKey struct{}

func visitFrom(ctx context.Context) *visit {
	v, _ := ctx.Value(visitKey{}).(*visit)
	return v
}

func int64Value(s *sessions.Session, key string) int64 {
	v, _ := s.Values[key].(int64)
	return v
}

// signedIn lets a request through only for a caseworker with a session whose
// user the user copy still lets in (SPEC §2.2), checked on every request.
// Without a session, it starts the SAML log-in and comes back here.
func (s *Server) signedIn(next http.Handler) http.Handler {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		sess, err := s.sessions.Current(r)
		if err != nil {
			return fmt.Errorf("load session: %w: %w", jobnet.ErrUnavailable, err)
		}
		if isPersonSession(sess) {
			// A citizen signed in as themself sees only their own history.
			return s.renderNoAccess(w, r, TextOnlyForCaseworkers)
		}
		userID := int64Value(sess, keyUser)
		if ending, ok := session.TimedOut(sess); ok && userID == 0 {
			return s.renderTimedOut(w, r, sess, ending)
		}
		if userID == 0 {
			returnTo := "/sagsbehandleradgang"
			if r.Method == http.MethodGet {
				returnTo = r.URL.Path
			}
			return s.sp.StartLogin(w, r, returnTo)
		}
		viewer, err := s.viewer(r, sess, userID)
		if err != nil {
			return err
		}
		orgs, reason := access.SignInOrganisations(viewer.User)
		if reason != "" {
			// Deactivated or stripped of the role during the session.
			s.log.Info("caseworker no longer admitted", "user", userID, "reason", reason)
			s.endSession(w, r, sess)
			return s.renderUserDenied(w, r, reason)
		}
		v := &visit{sess: sess, user: viewer.User, orgs: orgs, citizen: viewer.Citizen}
		v.choose(int64Value(sess, keyOrg))
		if v.org.ID == 0 && len(orgs) == 1 {
			v.choose(orgs[0].ID)
			sess.Values[keyOrg] = orgs[0].ID
			if err := s.save(w, r, sess); err != nil {
				return err
			}
		}
		if err := s.sessions.Touch(r.Context(), sess); err != nil {
			return fmt.Errorf("touch session: %w: %w", jobnet.ErrUnavailable, err)
		}
		setLogUser(r, userID)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), visitKey{}, v)))
		return nil
	})
}

// viewer is the caseworker's standing for this request, read afresh from
// the user copy and the DFDG copy: in the session's own round trip when the
// session store preloaded it for the ids the session names (SessionRefs),
// in one of its own otherwise (a row saved before the columns existed, a
// user the user copy no longer has).
func (s *Server) viewer(r *http.Request, sess *sessions.Session, userID int64) (postgres.Viewer, error) {
	citizenID := int64Value(sess, keyCitizen)
	if v, ok := session.Preloaded(sess).(postgres.Viewer); ok && v.User.ID == userID && v.Citizen.Citizen.ID == citizenID {
		return v, nil
	}
	return s.store.LoadViewer(r.Context(), userID, citizenID)
}

// SessionRefs are the user and citizen a session's values name, which the
// session store keeps in columns of their own so that the caseworker's
// standing loads with the session (session.Options.RefsOf).
func SessionRefs(values map[any]any) session.Refs {
	user, _ := values[keyUser].(int64)
	citizen, _ := values[keyCitizen].(int64)
	return session.Refs{User: user, Citizen: citizen}
}

// choose makes orgID the visit's organisation if the user may sign in for
// it, and the caseworker if they may also act as one there; false leaves
// the visit as it was.
func (v *visit) choose(orgID int64) bool {
	for _, o := range v.orgs {
		if o.ID == orgID {
			v.org = o
			v.cw, _ = access.ActAs(v.user, orgID)
			_, lba := access.MaySeeLoginActivity(v.user, orgID)
			v.seesLoginActivity = lba.Allowed
			return true
		}
	}
	return false
}

// withOrganisation sends a caseworker with several organisations to the
// picker until one is chosen. A user who signed in for an organisation as
// its LBA only, not as caseworker, is sent to its Loginaktivitet: no CPR
// page and no citizen for them.
func (s *Server) withOrganisation(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := visitFrom(r.Context())
		switch {
		case v.org.ID == 0:
			http.Redirect(w, r, "/sagsbehandleradgang/organisation", http.StatusSeeOther)
		case v.cw.Org.ID == 0:
			http.Redirect(w, r, pathLoginActivity, http.StatusSeeOther)
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// actingForCitizen checks the access rule again for the selected citizen on
// every request (SPEC §3): a citizen who left the a-kasse disappears from
// view at once, and the caseworker is told so on the CPR page.
func (s *Server) actingForCitizen(next http.Handler) http.Handler {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		v := visitFrom(r.Context())
		if int64Value(v.sess, keyCitizen) == 0 {
			http.Redirect(w, r, "/sagsbehandleradgang", http.StatusSeeOther)
			return nil
		}
		if d := access.MayLookUp(v.cw, v.citizen, jobnet.Day(s.now())); !d.Allowed {
			s.log.Info("citizen no longer visible", "user", v.user.ID, "org", v.cw.Org.ID, "reason", d.Reason)
			delete(v.sess.Values, keyCitizen)
			if err := s.save(w, r, v.sess); err != nil {
				return err
			}
			return s.renderRefusal(w, r)
		}
		next.ServeHTTP(w, r)
		return nil
	})
}

// readOnly refuses every request that could change the citizen's data
// (SPEC §5.4): the forms are shown as the citizen sees them, but what they
// submit is never carried out.
func (s *Server) readOnly(next http.Handler) http.Handler {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			v := visitFrom(r.Context())
			if d := access.MayChangeCitizenData(v.cw); !d.Allowed {
				s.log.Info("action refused", "user", v.user.ID, "org", v.cw.Org.ID, "route", r.URL.Path, "reason", d.Reason)
				return errActionRefused
			}
		}
		next.ServeHTTP(w, r)
		return nil
	})
}

// blockedUnless guards a page the law may block as a whole (SPEC §5: "the
// whole page is replaced by the given message"): where rule refuses the
// caseworker, blocked answers instead and the page's handler, which would
// load the data, never runs.
func (s *Server) blockedUnless(rule func(jobnet.Caseworker) access.Decision, blocked http.HandlerFunc) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if d := rule(visitFrom(r.Context()).cw); !d.Allowed {
				blocked(w, r)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// save writes the session; a session that ended meanwhile (log-out in
// another tab, timeout) sends the caseworker to sign in again.
func (s *Server) save(w http.ResponseWriter, r *http.Request, sess *sessions.Session) error {
	err := s.sessions.Save(r, w, sess)
	if errors.Is(err, session.ErrEnded) {
		return errSessionEnded
	}
	if err != nil {
		return fmt.Errorf("save session: %w: %w", jobnet.ErrUnavailable, err)
	}
	return nil
}

// endSession removes the session row and the cookie.
func (s *Server) endSession(w http.ResponseWriter, r *http.Request, sess *sessions.Session) {
	sess.Options.MaxAge = -1
	if err := s.sessions.Save(r, w, sess); err != nil && !errors.Is(err, session.ErrEnded) {
		s.log.Error("end session", "err", err)
	}
}

// securityHeaders sets the headers of SPEC §8 on every response.
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	formAction := strings.Join(append([]string{"'self'"}, s.cfg.FormActionOrigins...), " ")
	csp := "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
		"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action " + formAction
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if s.cfg.HTTPS {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		if !strings.HasPrefix(r.URL.Path, "/static/") {
			// Citizen data must never be kept by a browser or a proxy.
			h.Set("Cache-Control", "no-store")
		}
		next.ServeHTTP(w, r)
	})
}

// logUser carries the caseworker's id from the middleware to the request log.
type logUser struct{ id int64 }

type logUserKey struct{}

func setLogUser(r *http.Request, id int64) {
	if lu, ok := r.Context().Value(logUserKey{}).(*logUser); ok {
		lu.id = id
	}
}

// logRequests writes one structured line per request: the route pattern
// (never the raw query), status, duration and the caseworker's user id.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		lu := &logUser{}
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		next.ServeHTTP(ww, r.WithContext(context.WithValue(r.Context(), logUserKey{}, lu)))
		route := chi.RouteContext(r.Context()).RoutePattern()
		if route == "" {
			route = "unmatched"
		}
		s.log.Info("request", "method", r.Method, "route", route, "status", ww.Status(),
			"duration_ms", time.Since(start).Milliseconds(), "user", lu.id, "request_id", middleware.GetReqID(r.Context()))
	})
}

// deadline ends the request's context after the configured request timeout:
// a handler still waiting for the database then gets an error, which the
// error adapter answers with the 503 page.
func (s *Server) deadline(next http.Handler) http.Handler {
	if s.cfg.RequestTimeout <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// recoverPanics turns a panic into the Danish 500 page; the stack goes to
// the log only.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("panic", "panic", fmt.Sprint(p), "route", chi.RouteContext(r.Context()).RoutePattern())
				s.renderError(w, r, http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}
