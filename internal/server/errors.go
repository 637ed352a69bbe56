package server

import (
	"context"
	"errors"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"
	"net/url"
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
			c, e := s.refusal(r)
			s.renderPage(w, r, http.StatusForbidden, views.ErrorPage(c, e))
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

// refusedPages keep the frame of the page a refused form was on, by the
// form's action (first matching prefix), as Jobnet shows the refusal (seed
// 001 billede 18: "Forside » Planer og aftaler » Møder » Book et møde"):
// its tab, its breadcrumb, and "Tilbage" to the page. A form's action is
// the page's path or a path below it. Other refusals get the layout
// without a breadcrumb and "Tilbage" to the Forside.
var refusedPages = []struct {
	prefix string
	page   *pages.Page // the page the form was on
	step   string      // the step of it refused, "" for the page itself
}{
	// Booking and "Indmeld booking-fejl" (/booking-fejl) are steps of
	// "Book et møde" (seed 002 §3.2 shows the same breadcrumb).
	{pages.Moeder.Path + "/book", pages.Moeder, "Book et møde"},
	{pages.Moeder.Path + "/", pages.Moeder, ""},
	{pages.Fravaer.Path, pages.Fravaer, ""},
	{pages.MeldFerie.Path, pages.MeldFerie, ""},
	{pages.MeldSygRask.Path, pages.MeldSygRask, ""},
	{pages.TilOgAfmelding.Path, pages.TilOgAfmelding, ""},
	{pages.Jobannonce.Path + "/", pages.FindJob, ""},
	{pages.FindJob.Path, pages.FindJob, ""},
	{pages.JobGoals.Path, pages.JobGoals, ""},
	{pages.Joblog.Path, pages.Joblog, ""},
	{pages.CV.Path, pages.CV, ""},
	{pages.Europe.Path, pages.Europe, ""},
	{pages.Forside.Path, pages.Forside, ""},
}

// refusedCrumbs is the breadcrumb of a refusal on page p, after "Forside":
// down to the page, every entry a link, then the step refused.
func refusedCrumbs(p *pages.Page, step string) []views.Crumb {
	crumbs := trail(p)
	if step != "" {
		crumbs = append(crumbs, views.Crumb{Label: step})
	}
	return crumbs
}

// refusal is the page that refuses an action: the frame of the page the
// form was on, and the way back to it. The way back is the page as it was
// (its query string too, e.g. the booking flow's step) when the browser
// says the form came from that page, else the page itself.
func (s *Server) refusal(r *http.Request) (views.Chrome, views.ErrorInfo) {
	e := views.ErrorInfo{Status: http.StatusForbidden, Heading: "Ingen adgang", Message: TextActionRefused, Back: pages.Forside.Path}
	for _, p := range refusedPages {
		if strings.HasPrefix(r.URL.Path, p.prefix) {
			e.Back = refusedBack(r, p.page.Path)
			return s.citizenChrome(r, "Ingen adgang", p.page.Tab, refusedCrumbs(p.page, p.step)...), e
		}
	}
	if !strings.HasPrefix(r.URL.Path, pages.Root+"/") {
		e.Back = ""
	}
	return s.chrome(r, "Ingen adgang", nil), e
}

// refusedBack is the Referer's path and query when it is page on this
// site (the Referrer-Policy is same-origin), else page.
func refusedBack(r *http.Request, page string) string {
	ref, err := url.Parse(r.Referer())
	if err != nil || ref.Host != r.Host || ref.Path != page {
		return page
	}
	if ref.RawQuery == "" {
		return ref.Path
	}
	return ref.Path + "?" + ref.RawQuery
}
