package server

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"sync"

	"github.com/a-h/templ"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// pageBuffers keeps the buffers pages are rendered into: a page is 10-40
// kB, and growing a fresh buffer to that size for every request took 3 %
// of the server's CPU under load (bench/results.md's profile).
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBuffer bounds what goes back to the pool, so that one huge page
// does not stay in memory.
const maxPooledBuffer = 256 << 10

// renderPage renders a view into a buffer first, so that a failing view
// gives a clean 500 page instead of half a page.
//
// The page is rendered even when the request has run out of time (templ
// stops at a done context), so that a timeout gives the 503 page.
func (s *Server) renderPage(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	ctx := context.WithoutCancel(r.Context())
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= maxPooledBuffer {
			buf.Reset()
			pageBuffers.Put(buf)
		}
	}()
	if err := c.Render(ctx, buf); err != nil {
		s.log.Error("render", "err", err, "route", r.URL.Path)
		status = http.StatusInternalServerError
		buf.Reset()
		_ = views.ErrorPage(views.Chrome{Title: "Der er sket en fejl"}, views.ErrorInfo{Status: status}).Render(ctx, buf)
	}
	// With its length known the page goes out in one piece rather than in
	// chunks.
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// chrome builds the layout's top bar from what the middleware learnt.
func (s *Server) chrome(r *http.Request, title string, crumbs []views.Crumb) views.Chrome {
	c := views.Chrome{Title: title, Breadcrumb: crumbs}
	v := visitFrom(r.Context())
	if v == nil {
		return c
	}
	c.CaseworkerName = v.user.Name
	c.OrgName = v.org.Name
	if v.seesLoginActivity {
		c.LoginActivityHref = pathLoginActivity
	}
	c.CanSwitchOrg = len(v.orgs) > 1
	c.Session = s.sessionDeadline(r, v.sess)
	if int64Value(v.sess, keyCitizen) != 0 && v.citizen.Citizen.ID != 0 {
		c.CitizenName = v.citizen.Citizen.Name
	}
	return c
}

// citizenChrome is chrome for a page of the citizen's Jobnet.
func (s *Server) citizenChrome(r *http.Request, title, tab string, crumbs ...views.Crumb) views.Chrome {
	c := s.chrome(r, title, append([]views.Crumb{crumb(pages.Forside)}, crumbs...))
	if len(crumbs) == 0 {
		c.Breadcrumb = []views.Crumb{{Label: "Forside"}}
	}
	c.Tab = tab
	return c
}
