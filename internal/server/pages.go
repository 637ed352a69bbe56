package server

import (
	"net/http"
	"strings"

	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// citizenPage is one page of the citizen's Jobnet: its path, its title (the
// label the breadcrumb gives it), its tab and the page above it in the
// breadcrumb. routes.go routes them, the handlers build their chrome and
// links from them, and refusedPages (errors.go) keeps their frame.
type citizenPage struct {
	Path   string
	Title  string
	Tab    string
	Parent *citizenPage
}

// citizenRoot is where the citizen's Jobnet is routed (r.Route in routes.go).
const citizenRoot = "/borger"

// The pages of the citizen's Jobnet, tab by tab (SPEC §5).
var (
	pageForside = &citizenPage{Path: "/borger/forside", Title: "Forside"}

	// Planer og aftaler (SPEC §5.3).
	pagePlaner         = &citizenPage{Path: "/borger/planer", Title: "Planer og aftaler", Tab: views.TabPlaner, Parent: pageForside}
	pageMinPlan        = &citizenPage{Path: "/borger/planer/min-plan", Title: "Min plan", Tab: views.TabPlaner, Parent: pagePlaner}
	pageKalender       = &citizenPage{Path: "/borger/planer/kalender", Title: "Kalender", Tab: views.TabPlaner, Parent: pagePlaner}
	pageMoeder         = &citizenPage{Path: "/borger/planer/moeder", Title: "Møder", Tab: views.TabPlaner, Parent: pagePlaner}
	pageBeskeder       = &citizenPage{Path: "/borger/planer/beskeder", Title: "Min beskedbakke", Tab: views.TabPlaner, Parent: pagePlaner}
	pageFravaer        = &citizenPage{Path: "/borger/planer/fravaer", Title: "Aktuelt fravær", Tab: views.TabPlaner, Parent: pagePlaner}
	pageMeldFerie      = &citizenPage{Path: "/borger/planer/meld-ferie", Title: "Meld ferie", Tab: views.TabPlaner, Parent: pagePlaner}
	pageMeldSygRask    = &citizenPage{Path: "/borger/planer/meld-syg-rask", Title: "Meld syg/rask", Tab: views.TabPlaner, Parent: pagePlaner}
	pageTilOgAfmelding = &citizenPage{Path: "/borger/planer/til-og-afmelding", Title: "Til- og afmelding", Tab: views.TabPlaner, Parent: pagePlaner}
	pageHistorik       = &citizenPage{Path: "/borger/planer/historik", Title: "Historik", Tab: views.TabPlaner, Parent: pagePlaner}
	pageDagpenge       = &citizenPage{Path: "/borger/planer/dagpengetaellere", Title: "Dagpengetællere", Tab: views.TabPlaner, Parent: pagePlaner}
	pageSupplementary  = &citizenPage{Path: "/borger/planer/supplerende-dagpenge", Title: "Tællere for supplerende dagpenge", Tab: views.TabPlaner, Parent: pagePlaner}
	pageJobsoegning    = &citizenPage{Path: "/borger/jobsoegning", Title: "Jobsøgning", Tab: views.TabJobsoegning, Parent: pageForside}
	pageFindJob        = &citizenPage{Path: "/borger/jobsoegning/find-job", Title: "Find Job", Tab: views.TabJobsoegning, Parent: pageJobsoegning}
	pageJobannonce     = &citizenPage{Path: "/borger/jobsoegning/jobannonce", Title: "Jobannonce", Tab: views.TabJobsoegning, Parent: pageFindJob}
	pageJobGoals       = &citizenPage{Path: "/borger/jobsoegning/jeg-soeger-job-som", Title: "Jeg søger job som", Tab: views.TabJobsoegning, Parent: pageJobsoegning}
	pageCV             = &citizenPage{Path: "/borger/jobsoegning/cv", Title: "Mit CV", Tab: views.TabJobsoegning, Parent: pageJobsoegning}
	pageCVPrint        = &citizenPage{Path: "/borger/jobsoegning/cv/vis", Title: "Vis, udskriv eller eksporter mit CV", Tab: views.TabJobsoegning, Parent: pageCV}
	pagePresentationCV = &citizenPage{Path: "/borger/jobsoegning/praesentations-cv", Title: "Præsentations-CV", Tab: views.TabJobsoegning, Parent: pageJobsoegning}
	pageEurope         = &citizenPage{Path: "/borger/jobsoegning/job-i-europa", Title: "Job i Europa", Tab: views.TabJobsoegning, Parent: pageJobsoegning}
	pagePreparation    = &citizenPage{Path: "/borger/jobsoegning/forberedelsesskema", Title: "Forberedelsesskema", Tab: views.TabJobsoegning, Parent: pageJobsoegning}
	pageJoblog         = &citizenPage{Path: "/borger/jobsoegning/joblog", Title: "Joblog", Tab: views.TabJobsoegning, Parent: pageJobsoegning}
	pageGemteJob       = &citizenPage{Path: "/borger/jobsoegning/joblog/gemte-job", Title: "Gemte job", Tab: views.TabJobsoegning, Parent: pageJoblog}
	pageJoblogKort     = &citizenPage{Path: "/borger/jobsoegning/joblog/kort", Title: "Vis på kort", Tab: views.TabJobsoegning, Parent: pageJoblog}
)

// route is the page's pattern inside r.Route(citizenRoot, …).
func (p *citizenPage) route() string {
	return strings.TrimPrefix(p.Path, citizenRoot)
}

// crumb is the breadcrumb entry that links to the page.
func (p *citizenPage) crumb() views.Crumb {
	return views.Crumb{Label: p.Title, Href: p.Path}
}

// trail is the breadcrumb after "Forside" down to and including p, every
// entry a link. The Forside's trail is empty.
func (p *citizenPage) trail() []views.Crumb {
	if p == nil || p.Parent == nil {
		return nil
	}
	return append(p.Parent.trail(), p.crumb())
}

// pageChrome is the chrome of page p: its title, its tab, and the
// breadcrumb down to it (p itself not a link).
func (s *Server) pageChrome(r *http.Request, p *citizenPage) views.Chrome {
	if p.Parent == nil {
		return s.citizenChrome(r, p.Title, p.Tab)
	}
	return s.citizenChrome(r, p.Title, p.Tab, append(p.Parent.trail(), views.Crumb{Label: p.Title})...)
}

// belowPageChrome is the chrome of a page titled title below page parent
// that the table does not name (a message, a job posting): the breadcrumb
// down to parent, then leaf.
func (s *Server) belowPageChrome(r *http.Request, title string, parent *citizenPage, leaf string) views.Chrome {
	return s.citizenChrome(r, title, parent.Tab, append(parent.trail(), views.Crumb{Label: leaf})...)
}
