package server

import (
	"net/http"

	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// The citizen's Jobnet's pages are the table in internal/pages: routes.go
// routes them, and the handlers build their chrome and links from them.

// crumb is the breadcrumb entry that links to page p.
func crumb(p *pages.Page) views.Crumb {
	return views.Crumb{Label: p.Title, Href: p.Path}
}

// trail is the breadcrumb after "Forside" down to and including p, every
// entry a link.
func trail(p *pages.Page) []views.Crumb {
	var crumbs []views.Crumb
	for _, q := range p.Trail() {
		crumbs = append(crumbs, crumb(q))
	}
	return crumbs
}

// pageChrome is the chrome of page p: its title, its tab, and the
// breadcrumb down to it (p itself not a link).
func (s *Server) pageChrome(r *http.Request, p *pages.Page) views.Chrome {
	if p.Parent == nil {
		return s.citizenChrome(r, p.Title, p.Tab)
	}
	return s.citizenChrome(r, p.Title, p.Tab, append(trail(p.Parent), views.Crumb{Label: p.Title})...)
}

// belowPageChrome is the chrome of a page titled title below page parent
// that the table does not name (a message, a job posting): the breadcrumb
// down to parent, then leaf.
func (s *Server) belowPageChrome(r *http.Request, title string, parent *pages.Page, leaf string) views.Chrome {
	return s.citizenChrome(r, title, parent.Tab, append(trail(parent), views.Crumb{Label: leaf})...)
}
