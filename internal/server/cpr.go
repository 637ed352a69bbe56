package server

import (
	"errors"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// cprPage is "Se Jobnet som borgeren ser det". Coming back here drops the
// citizen from the session ("Skift til anden borger").
func (s *Server) cprPage(w http.ResponseWriter, r *http.Request) error {
	v := visitFrom(r.Context())
	if _, ok := v.sess.Values[keyCitizen]; ok {
		delete(v.sess.Values, keyCitizen)
		v.citizen = jobnet.CitizenFacts{}
		if err := s.save(w, r, v.sess); err != nil {
			return err
		}
	}
	s.renderCPRPage(w, r, http.StatusOK, views.CPRForm{})
	return nil
}

func (s *Server) renderCPRPage(w http.ResponseWriter, r *http.Request, status int, f views.CPRForm) {
	s.renderPage(w, r, status, views.CPRPage(s.chrome(r, "Se Jobnet som borgeren ser det", nil), f))
}

// renderRefusal is the one answer to every refused look-up (SPEC §3):
// unknown, not a member, wrong kontaktgruppe — the same status and the same
// bytes, so that the form cannot be used to probe who exists.
func (s *Server) renderRefusal(w http.ResponseWriter, r *http.Request) error {
	s.renderCPRPage(w, r, http.StatusForbidden, views.CPRForm{Refused: true})
	return nil
}

// lookUp is "Log ind som denne borger": the access rule decides, and the
// look-up is written to the citizen's history (or the refusals) before
// anything of the citizen is shown.
func (s *Server) lookUp(w http.ResponseWriter, r *http.Request) error {
	v := visitFrom(r.Context())
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	input := r.PostFormValue("cpr")
	n, err := cpr.Parse(input)
	if err != nil {
		s.metrics.lookUps.WithLabelValues("malformed").Inc()
		s.renderCPRPage(w, r, http.StatusBadRequest, views.CPRForm{Value: echoed(input), FieldError: TextMalformedCPR})
		return nil
	}
	return s.openCitizen(w, r, v, n)
}

// openCitizen looks up citizen n for the caseworker v.cw, whether the CPR
// number was typed or came from a case system (launch.go): one rule, one
// rate limit, one access-log entry, one set of answers. Granted, the
// citizen (and the organisation acted for) go into the session and the
// caseworker to the citizen's Forside.
func (s *Server) openCitizen(w http.ResponseWriter, r *http.Request, v *visit, n cpr.Number) error {
	// The store counts and writes in one transaction, so that look-ups at
	// the same moment, on any instance, cannot all pass the count.
	limit := postgres.LookUpLimit{Max: s.cfg.LookUpLimit, Window: s.cfg.LookUpWindow}
	citizen, d, err := s.store.LookUp(r.Context(), v.cw, n, s.now(), limit)
	if errors.Is(err, postgres.ErrTooManyLookUps) {
		s.metrics.lookUps.WithLabelValues("rate_limited").Inc()
		s.log.Warn("look-up rate limit", "user", v.user.ID, "org", v.cw.Org.ID, "limit", limit.Max)
		s.renderCPRPage(w, r, http.StatusTooManyRequests, views.CPRForm{Notice: TextTooManyLookUps})
		return nil
	}
	if err != nil && clientGone(r) {
		return err // not a failed look-up: nobody waits for the answer
	}
	if err != nil {
		// Fail closed: without the access-log entry nothing is shown, and
		// the caseworker may try again when the log can be written.
		s.metrics.lookUps.WithLabelValues("failed").Inc()
		s.log.Error("look-up failed", "user", v.user.ID, "org", v.cw.Org.ID, "err", err)
		s.renderCPRPage(w, r, http.StatusServiceUnavailable, views.CPRForm{Notice: TextAccessLogDown})
		return nil
	}
	if !d.Allowed {
		s.metrics.lookUps.WithLabelValues("refused").Inc()
		s.log.Info("look-up refused", "user", v.user.ID, "org", v.cw.Org.ID, "reason", d.Reason)
		return s.renderRefusal(w, r)
	}
	v.sess.Values[keyOrg] = v.cw.Org.ID
	v.sess.Values[keyCitizen] = citizen.ID
	if err := s.save(w, r, v.sess); err != nil {
		return err
	}
	s.metrics.lookUps.WithLabelValues("granted").Inc()
	s.log.Info("look-up granted", "user", v.user.ID, "org", v.cw.Org.ID, "citizen", citizen.ID)
	http.Redirect(w, r, pages.Forside.Path, http.StatusSeeOther)
	return nil
}

// maxEchoed is how many characters of a malformed input the CPR field shows
// again.
const maxEchoed = 20

// echoed is what the CPR field shows again of a malformed input, so that a
// slip can be corrected. Input that holds ten digits or more is a CPR
// number with a typo: personal data that goes no further, so nothing is
// shown. Anything else is cut to maxEchoed characters (never inside one),
// without control and format characters (such as bidi overrides) or bytes
// that are not UTF-8.
func echoed(input string) string {
	digits := 0
	for _, r := range input {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	if digits >= 10 {
		return ""
	}
	var b strings.Builder
	n := 0
	for _, r := range input {
		if r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			continue
		}
		if n == maxEchoed {
			break
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
