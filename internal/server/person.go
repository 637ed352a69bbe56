package server

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gorilla/sessions"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
	"github.com/star-dk/sagsbehandleradgang/internal/session"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// The citizen's own side (SPEC §6, seed 001 billede 1): a citizen signs in
// with MitID as themself and reads, in their Historik under Login, who
// looked at their Jobnet through this product. Such a session is a kind of
// its own: it holds keyPerson and never keyUser, it reaches only the pages
// under views.PersonEntryPath, and a caseworker's session never reaches
// those.

// Session values of a citizen's own session. The citizen is held by their
// id in the DFDG copy: the CPR number is never stored in the session, a
// cookie or a URL.
const (
	keyPerson    = "person"
	keyPersonLoA = "personloa"
)

// Texts of the citizen's own side.
const (
	// TextPersonUnknown answers a citizen whom the DFDG copy does not know:
	// no caseworker can have looked them up here.
	TextPersonUnknown = "Vi kan ikke finde dig i Jobnet. Der er derfor ingen historik at vise."
	// TextOnlyForPersons answers a caseworker at the citizen's own pages.
	TextOnlyForPersons = "Siden er kun for borgeren selv. Du er logget ind som sagsbehandler."
	// TextOnlyForCaseworkers answers a citizen at the caseworkers' pages.
	TextOnlyForCaseworkers = "Du er logget ind som borger. Sagsbehandleradgang til Jobnet er kun for sagsbehandlere i a-kasser og jobcentre."
)

// ownHistoryPerPage is how many Login entries a page of the history shows.
const ownHistoryPerPage = 20

type ownHistoryStore interface {
	CitizenByCPR(ctx context.Context, n cpr.Number) (jobnet.Citizen, error)
	OwnLoginHistory(ctx context.Context, p jobnet.Person, offset, limit int) (postgres.OwnLoginPage, error)
}

// personVisit is what signedInPerson learnt about the request's citizen.
type personVisit struct {
	sess   *sessions.Session
	person jobnet.Person
}

type personVisitKey struct{}

func personVisitFrom(ctx context.Context) *personVisit {
	v, _ := ctx.Value(personVisitKey{}).(*personVisit)
	return v
}

// isPersonSession reports whether the session is a citizen's own.
func isPersonSession(sess *sessions.Session) bool { return int64Value(sess, keyPerson) != 0 }

// personSignedIn ends the ACS for a person identity: the citizen is found by
// CPR number, access.MaySignInAsCitizen decides, and a new session holds the
// citizen's id and the level of assurance, never the CPR number.
func (s *Server) personSignedIn(w http.ResponseWriter, r *http.Request, id jobnet.Identity, returnTo string) error {
	n, err := cpr.Parse(id.CPR)
	if err != nil {
		// samlsp lets only valid numbers through.
		return fmt.Errorf("person sign-in: %w", jobnet.ErrInvalid)
	}
	c, err := s.store.CitizenByCPR(r.Context(), n)
	if err != nil {
		return err
	}
	if d := access.MaySignInAsCitizen(id, c); !d.Allowed {
		s.log.Info("citizen not admitted", "reason", d.Reason)
		return s.renderNoAccess(w, r, TextPersonUnknown)
	}
	_, err = s.startSession(w, r, id, map[string]any{keyPerson: c.ID, keyPersonLoA: id.LoA})
	if err != nil {
		return err
	}
	s.log.Info("citizen signed in", "citizen", c.ID)
	if !strings.HasPrefix(returnTo, views.PersonEntryPath+"/") {
		returnTo = views.PersonHistoryPath
	}
	http.Redirect(w, r, returnTo, http.StatusSeeOther)
	return nil
}

// renderNoAccess is the page "Ingen adgang" with why.
func (s *Server) renderNoAccess(w http.ResponseWriter, r *http.Request, why string) error {
	s.renderPage(w, r, http.StatusForbidden, views.UserDeniedPage(views.Chrome{}, "Ingen adgang", why))
	return nil
}

// signedInPerson lets a request through only for a citizen's own session.
// A caseworker's session gets "Ingen adgang"; without a session the citizen
// is sent to the entry page, which starts the sign-in.
func (s *Server) signedInPerson(next http.Handler) http.Handler {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		sess, err := s.sessions.Current(r)
		if err != nil {
			return fmt.Errorf("load session: %w: %w", jobnet.ErrUnavailable, err)
		}
		if int64Value(sess, keyUser) != 0 {
			return s.renderNoAccess(w, r, TextOnlyForPersons)
		}
		if !isPersonSession(sess) {
			if ending, ok := session.TimedOut(sess); ok {
				return s.renderTimedOut(w, r, sess, ending)
			}
			http.Redirect(w, r, views.PersonEntryPath, http.StatusSeeOther)
			return nil
		}
		if err := s.sessions.Touch(r.Context(), sess); err != nil {
			return fmt.Errorf("touch session: %w: %w", jobnet.ErrUnavailable, err)
		}
		v := &personVisit{sess: sess, person: jobnet.Person{
			CitizenID: int64Value(sess, keyPerson),
			LoA:       stringValue(sess.Values[keyPersonLoA]),
		}}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), personVisitKey{}, v)))
		return nil
	})
}

// personEntry is where a citizen starts. A citizen signed in already goes
// on to their history.
func (s *Server) personEntry(w http.ResponseWriter, r *http.Request) error {
	sess, err := s.sessions.Current(r)
	if err != nil {
		return fmt.Errorf("load session: %w: %w", jobnet.ErrUnavailable, err)
	}
	if isPersonSession(sess) {
		http.Redirect(w, r, views.PersonHistoryPath, http.StatusSeeOther)
		return nil
	}
	s.renderPage(w, r, http.StatusOK, views.PersonEntryPage(views.Chrome{}))
	return nil
}

// personLogin is "Log ind med MitID": the SAML log-in, back to the history.
func (s *Server) personLogin(w http.ResponseWriter, r *http.Request) error {
	return s.sp.StartLogin(w, r, views.PersonHistoryPath)
}

// personLogout ends the citizen's session and logs out at the IdP, as a
// caseworker's "Log ud" does.
func (s *Server) personLogout(w http.ResponseWriter, r *http.Request) error {
	v := personVisitFrom(r.Context())
	s.log.Info("citizen signed out", "citizen", v.person.CitizenID)
	return s.logOutSession(w, r, v.sess)
}

// ownHistoryPage is Historik → Login: the Login entries of the citizen's
// own history, newest first, ownHistoryPerPage a page (?side=n).
func (s *Server) ownHistoryPage(w http.ResponseWriter, r *http.Request) error {
	v := personVisitFrom(r.Context())
	page, bad := readPage(r.URL.Query(), jobnet.MaxPage)
	if bad {
		return jobnet.ErrNotFound
	}
	h, err := s.store.OwnLoginHistory(r.Context(), v.person, (page-1)*ownHistoryPerPage, ownHistoryPerPage)
	if err != nil {
		return err
	}
	pages := max(1, (h.Total+ownHistoryPerPage-1)/ownHistoryPerPage)
	if page > pages {
		return jobnet.ErrNotFound
	}
	view := views.OwnHistoryView{Page: page, Pages: pages}
	for _, e := range h.Entries {
		at := e.OccurredAt.In(jobnet.Copenhagen)
		view.Entries = append(view.Entries, views.OwnHistoryEntry{
			When:         views.ShortDate(at) + " kl. " + at.Format("15.04"),
			Organisation: e.OrganisationName,
			Caseworker:   e.CaseworkerName,
			Via:          "via " + e.Via,
		})
	}
	if page > 1 {
		view.Prev = ownHistoryPageHref(page - 1)
	}
	if page < pages {
		view.Next = ownHistoryPageHref(page + 1)
	}
	s.renderPage(w, r, http.StatusOK, views.OwnHistoryPage(views.Chrome{Title: "Historik", PersonName: h.CitizenName}, view))
	return nil
}

func ownHistoryPageHref(page int) string {
	if page == 1 {
		return views.PersonHistoryPath
	}
	return views.PersonHistoryPath + "?side=" + strconv.Itoa(page)
}
