package server

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

var (
	// errActionRefused answers an action on the citizen's data (SPEC §5.4).
	errActionRefused = errors.New("action refused")
	// errSessionEnded answers a request whose session ended meanwhile.
	errSessionEnded = errors.New("session ended")
)

// handle adapts a handler that returns an error: the error kinds of
// internal/jobnet become the Danish page for 403, 404, 400 or 503, anything
// else a 500. Only 5xx are logged at error level, and no error text ever
// reaches the page. An error after the client went away is none of these.
func (s *Server) handle(h func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		switch {
		case clientGone(r):
			// The caseworker closed the tab or went on, which cut short
			// what the handler waited for: nobody to answer, and no fault
			// of ours to log at error level or count as a 5xx.
			s.log.Info("client closed the request", "err", err, "route", r.URL.Path)
			w.WriteHeader(statusClientClosedRequest)
		case errors.Is(err, errActionRefused):
			s.renderPage(w, r, http.StatusForbidden, views.ErrorPage(s.refusedChrome(r), views.ErrorInfo{
				Status: http.StatusForbidden, Heading: "Ingen adgang", Message: TextActionRefused}))
		case errors.Is(err, errSessionEnded):
			http.Redirect(w, r, "/sagsbehandleradgang", http.StatusSeeOther)
		case errors.Is(err, jobnet.ErrForbidden):
			s.renderError(w, r, http.StatusForbidden)
		case errors.Is(err, jobnet.ErrNotFound):
			s.renderError(w, r, http.StatusNotFound)
		case errors.Is(err, jobnet.ErrInvalid):
			s.renderError(w, r, http.StatusBadRequest)
		case errors.Is(err, jobnet.ErrUnavailable):
			s.log.Error("unavailable", "err", err, "route", r.URL.Path)
			s.renderError(w, r, http.StatusServiceUnavailable)
		default:
			s.log.Error("internal error", "err", err, "route", r.URL.Path)
			s.renderError(w, r, http.StatusInternalServerError)
		}
	}
}

// statusClientClosedRequest is what the request log and the metrics record
// for a request the client gave up on (nginx's 499).
const statusClientClosedRequest = 499

// clientGone reports whether the client closed the request: its context
// was cancelled, which a timeout (DeadlineExceeded) is not.
func clientGone(r *http.Request) bool {
	return errors.Is(r.Context().Err(), context.Canceled)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	return jobnet.ErrNotFound
}

// renderError writes the Danish error page for status.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int) {
	s.renderPage(w, r, status, views.ErrorPage(s.chrome(r, views.DefaultError(status).Heading, nil), views.ErrorInfo{Status: status}))
}

// refusedPages keep the tab and breadcrumb of the page a refused form
// belongs to, by the form's action (first matching prefix), as Jobnet shows
// the refusal (seed 001 billede 18: "Forside » Planer og aftaler » Møder »
// Book et møde"). Other refusals get the layout without a breadcrumb.
var refusedPages = []struct {
	prefix string
	tab    string
	crumbs []views.Crumb
}{
	{"/borger/planer/moeder/book", views.TabPlaner, []views.Crumb{
		{Label: "Planer og aftaler", Href: "/borger/planer"}, {Label: "Møder", Href: "/borger/planer/moeder"}, {Label: "Book et møde"}}},
	{"/borger/planer/moeder/", views.TabPlaner, []views.Crumb{
		{Label: "Planer og aftaler", Href: "/borger/planer"}, {Label: "Møder", Href: "/borger/planer/moeder"}}},
}

// refusedChrome is the chrome of the page that refuses an action.
func (s *Server) refusedChrome(r *http.Request) views.Chrome {
	for _, p := range refusedPages {
		if strings.HasPrefix(r.URL.Path, p.prefix) {
			return s.citizenChrome(r, "Ingen adgang", p.tab, p.crumbs...)
		}
	}
	return s.chrome(r, "Ingen adgang", nil)
}
