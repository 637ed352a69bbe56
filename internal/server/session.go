package server

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/sessions"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/session"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// sessionDeadline is when the caseworker's session ends, for the top bar
// and the warning before it (SPEC §4).
func (s *Server) sessionDeadline(r *http.Request, sess *sessions.Session) views.SessionDeadline {
	at, ending, ok := s.sessions.ExpiresAt(sess)
	if !ok {
		return views.SessionDeadline{}
	}
	d := views.SessionDeadline{
		Ends:    "kl. " + at.In(jobnet.Copenhagen).Format("15.04"),
		Seconds: max(0, int(at.Sub(s.now()).Seconds())),
		Idle:    ending == session.Idle,
	}
	if r.Method == http.MethodGet {
		// The path only: a query may hold what the caseworker typed (a
		// search), which the page must not repeat.
		d.ReturnTo = r.URL.Path
	}
	return d
}

// extendSession is "Forlæng" in the warning before the idle timeout. It
// saves the session, which moves its idle deadline whenever it was last
// touched, and changes nothing of the citizen's: so it lives outside the
// read-only /borger routes, protected like every POST against cross-origin
// requests. session.js asks for JSON with the new deadline; without
// JavaScript the caseworker goes back to the page.
func (s *Server) extendSession(w http.ResponseWriter, r *http.Request) error {
	v := visitFrom(r.Context())
	if err := s.save(w, r, v.sess); err != nil {
		return err
	}
	d := s.sessionDeadline(r, v.sess)
	if strings.Contains(r.Header.Get("Accept"), "application/json") {
		w.Header().Set("Content-Type", "application/json")
		return json.NewEncoder(w).Encode(struct {
			Ends    string `json:"ends"`
			Seconds int    `json:"seconds"`
			Idle    bool   `json:"idle"`
		}{d.Ends, d.Seconds, d.Idle})
	}
	to := r.PostFormValue("tilbage")
	if !strings.HasPrefix(to, "/") || strings.HasPrefix(to, "//") || strings.HasPrefix(to, "/\\") {
		to = "/sagsbehandleradgang"
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// renderTimedOut tells a caseworker whose session ended by itself why they
// must log in again, instead of sending them silently to the IdP. The
// cookie goes, so the next request starts a new log-in.
func (s *Server) renderTimedOut(w http.ResponseWriter, r *http.Request, sess *sessions.Session, ending session.Ending) error {
	s.endSession(w, r, sess)
	why := "Du er blevet logget ud, fordi du ikke har været aktiv i " + minutes(s.sessions.IdleTimeout()) + "."
	if ending == session.Lifetime {
		why = "Du er blevet logget ud, fordi du har været logget ind i 8 timer, som er det længste, en session må vare."
	}
	s.renderPage(w, r, http.StatusOK, views.LoggedOutPage(views.Chrome{}, why))
	return nil
}

// minutes is "20 minutter" (or "1 minut").
func minutes(d time.Duration) string {
	n := int(d.Round(time.Minute) / time.Minute)
	if n == 1 {
		return "1 minut"
	}
	return strconv.Itoa(n) + " minutter"
}
