package server

import (
	"context"
	"crypto/hkdf"
	"crypto/sha256"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/gorilla/securecookie"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/launch"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// launchPath is where a case system's form posts a launch token (SPEC §1
// step 1; README "Launch from a case system").
const launchPath = "/sagsbehandleradgang/fagsystem"

// The launch kept while the caseworker signs in travels in a cookie of its
// own, encrypted and authenticated, sent only to the ACS: it holds the CPR
// number, which may go in neither a URL nor the RelayState. It lives as
// long as the SAML request it waits for (samlsp's tracking cookie), since
// signing in may take longer than the token's two minutes; the token's
// nonce is used already, so the cookie cannot be replayed into a second
// token.
const (
	launchCookie    = "sba_launch"
	launchCookieTTL = 10 * time.Minute
)

// Danish texts of a refused launch: the token itself is never described,
// nor the citizen it names.
const (
	TextLaunchHeading         = "Linket fra dit fagsystem kunne ikke bruges"
	TextLaunchUnusable        = "Linket er udløbet eller allerede brugt, eller det kunne ikke godkendes. Åbn borgeren igen fra dit fagsystem, eller skriv borgerens CPR-nummer i Sagsbehandleradgang til Jobnet."
	TextLaunchOtherCaseworker = "Linket er lavet til en anden sagsbehandler end den, der er logget ind. Åbn borgeren igen fra dit fagsystem, når du er logget ind som dig selv, eller skriv borgerens CPR-nummer i Sagsbehandleradgang til Jobnet."
	TextLaunchNoRole          = "Du har ikke rollen 'Sagsbehandler' og kan derfor ikke åbne borgeres Jobnet. Kontakt den lokale brugeransvarlige (LBA) i din organisation, hvis du skal have rollen."
	TextLaunchOrganisation    = "Linket gælder en organisation, som du ikke kan arbejde for her, eller som ikke entydigt er én af dine. Vælg organisation, og skriv borgerens CPR-nummer i Sagsbehandleradgang til Jobnet. Kontakt den lokale brugeransvarlige (LBA), hvis du mangler adgang."
)

// pendingLaunch is what the cookie holds: a checked token's content.
type pendingLaunch struct {
	System string `json:"s"`
	CPR    string `json:"c"`
	CVR    string `json:"v"`
	UUID   string `json:"u,omitempty"`
	RID    string `json:"r,omitempty"`
	OrgCVR string `json:"o,omitempty"`
}

// newLaunchCodec makes the cookie's codec from a key of its own, derived
// from secret (the session key): AES-256 and HMAC-SHA256 under keys used
// for nothing else.
func newLaunchCodec(secret []byte) (*securecookie.SecureCookie, error) {
	if len(secret) == 0 {
		secret = securecookie.GenerateRandomKey(32)
	}
	hashKey, err := hkdf.Key(sha256.New, secret, nil, "sagsbehandleradgang launch cookie mac", 32)
	if err != nil {
		return nil, err
	}
	blockKey, err := hkdf.Key(sha256.New, secret, nil, "sagsbehandleradgang launch cookie aes", 32)
	if err != nil {
		return nil, err
	}
	sc := securecookie.New(hashKey, blockKey)
	sc.MaxAge(int(launchCookieTTL / time.Second))
	sc.SetSerializer(securecookie.JSONEncoder{})
	return sc, nil
}

// launchStore uses a launch token's nonce once, on every instance.
type launchStore interface {
	UseLaunchNonce(ctx context.Context, caseSystem, nonce string, expires time.Time) (bool, error)
}

type launchKey struct{}

// launchToken checks the posted token and uses its nonce before anything
// else happens, signed in or not: a token that fails here leads nowhere, and
// a token that passes cannot be used again, on any instance. Neither the
// token nor anything in it is logged.
func (s *Server) launchToken(next http.Handler) http.Handler {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		r.Body = http.MaxBytesReader(w, r.Body, launch.MaxTokenBytes+1<<10)
		l, err := launch.Verify(r.PostFormValue("token"), s.cfg.LaunchKeys, s.now())
		if err != nil {
			var e *launch.Error
			errors.As(err, &e)
			s.metrics.launches.WithLabelValues(string(e.Reason)).Inc()
			s.log.Warn("launch token refused", "reason", e.Reason)
			return s.renderLaunchRefused(w, r, http.StatusBadRequest, TextLaunchUnusable)
		}
		fresh, err := s.store.UseLaunchNonce(r.Context(), l.System, l.Nonce, l.Expires)
		if err != nil {
			return err
		}
		if !fresh {
			s.metrics.launches.WithLabelValues("reused").Inc()
			s.log.Warn("launch token refused", "reason", "reused", "case_system", l.System)
			return s.renderLaunchRefused(w, r, http.StatusBadRequest, TextLaunchUnusable)
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), launchKey{}, l)))
		return nil
	})
}

// signInForLaunch keeps the checked launch in its cookie and starts the
// SAML log-in when no caseworker is signed in (which is the rule: the case
// system's form is a cross-site POST, on which the Lax session cookie is not
// sent). The ACS completes the launch (launchAfterSignIn).
func (s *Server) signInForLaunch(next http.Handler) http.Handler {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		sess, err := s.sessions.Current(r)
		if err != nil {
			return fmt.Errorf("load session: %w: %w", jobnet.ErrUnavailable, err)
		}
		if int64Value(sess, keyUser) != 0 {
			next.ServeHTTP(w, r)
			return nil
		}
		l := r.Context().Value(launchKey{}).(launch.Launch)
		p := launchFromToken(l)
		p.CPR = l.CPR.Digits()
		value, err := s.launchCodec.Encode(launchCookie, p)
		if err != nil {
			return err
		}
		http.SetCookie(w, launchCookieWith(value, int(launchCookieTTL/time.Second)))
		return s.sp.StartLogin(w, r, launchPath)
	})
}

// launchCookieWith is the cookie's attributes: SameSite=None and Secure as
// samlsp's tracking cookie, since the IdP's answer is a cross-site POST to
// the ACS, the only path it is sent to.
func launchCookieWith(value string, maxAge int) *http.Cookie {
	return &http.Cookie{
		Name: launchCookie, Value: value, Path: "/saml/acs", MaxAge: maxAge,
		Secure: true, HttpOnly: true, SameSite: http.SameSiteNoneMode,
	}
}

// launch completes a launch for a caseworker who was signed in already.
func (s *Server) launch(w http.ResponseWriter, r *http.Request) error {
	l := r.Context().Value(launchKey{}).(launch.Launch)
	return s.completeLaunch(w, r, visitFrom(r.Context()), launchFromToken(l), l.CPR)
}

// launchAfterSignIn completes, at the ACS, the launch kept in the cookie
// while the caseworker signed in; acs has made the session for v.
func (s *Server) launchAfterSignIn(w http.ResponseWriter, r *http.Request, v *visit) error {
	r = r.WithContext(context.WithValue(r.Context(), visitKey{}, v))
	setLogUser(r, v.user.ID)
	var p pendingLaunch
	c, err := r.Cookie(launchCookie)
	if err == nil {
		err = s.launchCodec.Decode(launchCookie, c.Value, &p)
	}
	http.SetCookie(w, launchCookieWith("", -1))
	n, cerr := cpr.Parse(p.CPR)
	if err != nil || cerr != nil {
		// Signing in took longer than the cookie lives, or the cookie
		// was lost: the caseworker is signed in, the citizen not opened.
		s.metrics.launches.WithLabelValues("lost").Inc()
		s.log.Warn("launch lost at sign-in", "user", v.user.ID)
		return s.renderLaunchRefused(w, r, http.StatusBadRequest, TextLaunchUnusable)
	}
	return s.completeLaunch(w, r, v, p, n)
}

func launchFromToken(l launch.Launch) pendingLaunch {
	return pendingLaunch{System: l.System, CVR: l.CVR, UUID: l.UUID, RID: l.RID, OrgCVR: l.OrgCVR}
}

// completeLaunch opens the citizen if the signed-in caseworker is the one
// the token names, for the organisation it names: through openCitizen, as
// if the CPR number had been typed, with the same rule, rate limit,
// access-log entry and answers.
func (s *Server) completeLaunch(w http.ResponseWriter, r *http.Request, v *visit, p pendingLaunch, n cpr.Number) error {
	cw, d := access.LaunchAs(v.user, access.Launcher{CVR: p.CVR, UUID: p.UUID, RID: p.RID, OrgCVR: p.OrgCVR})
	if !d.Allowed {
		s.metrics.launches.WithLabelValues(string(d.Reason)).Inc()
		s.log.Info("launch refused", "user", v.user.ID, "case_system", p.System, "reason", d.Reason)
		switch d.Reason {
		case access.ReasonOtherCaseworker:
			return s.renderLaunchRefused(w, r, http.StatusForbidden, TextLaunchOtherCaseworker)
		case access.ReasonLaunchOrganisation:
			return s.renderLaunchRefused(w, r, http.StatusForbidden, TextLaunchOrganisation)
		case access.ReasonNoRole:
			// Signed in, so an LBA without the Sagsbehandler role: they
			// stay signed in for Loginaktivitet, but open no citizen.
			return s.renderLaunchRefused(w, r, http.StatusForbidden, TextLaunchNoRole)
		default:
			// Another of UsableOrganisations' reasons, about the user and
			// not the token: sign-in's page for a user it refuses says why.
			return s.renderUserDenied(w, r, d.Reason)
		}
	}
	s.metrics.launches.WithLabelValues("accepted").Inc()
	s.log.Info("launch from case system", "user", v.user.ID, "org", cw.Org.ID, "case_system", p.System)
	v.cw = cw
	if _, ok := v.sess.Values[keyCitizen]; ok {
		// The citizen open before belongs to other work: not shown again
		// if this look-up is refused.
		delete(v.sess.Values, keyCitizen)
		v.citizen = jobnet.CitizenFacts{}
		if err := s.save(w, r, v.sess); err != nil {
			return err
		}
	}
	return s.openCitizen(w, r, v, n)
}

func (s *Server) renderLaunchRefused(w http.ResponseWriter, r *http.Request, status int, text string) error {
	s.renderPage(w, r, status, views.ErrorPage(s.chrome(r, TextLaunchHeading, nil),
		views.ErrorInfo{Status: status, Heading: TextLaunchHeading, Message: text}))
	return nil
}
