// Package pages is the table of the citizen's Jobnet as the caseworker sees
// it: every page's path, title, tab and the page above it, and the paths of
// the forms on them. The router (internal/server/routes.go), the views'
// links, tabs, tiles and form actions, the breadcrumbs and the demo data's
// notification links all take their paths from here, so that a page's name
// and address are written once.
package pages

import (
	"strconv"
	"strings"
)

// Page is one page of the citizen's Jobnet.
type Page struct {
	Path   string
	Title  string // as the breadcrumb and the tiles name it
	Tab    string // TabJobsoegning, TabPlaner or "" (the Forside)
	Parent *Page  // the page above it in the breadcrumb; nil for the Forside
}

// Root is where the citizen's Jobnet is routed.
const Root = "/borger"

// The tabs of the citizen's Jobnet (SPEC §4).
const (
	TabJobsoegning = "jobsoegning"
	TabPlaner      = "planer"
)

// The pages, tab by tab (SPEC §5).
var (
	Forside = &Page{Path: Root + "/forside", Title: "Forside"}

	// Planer og aftaler (SPEC §5.3).
	Planer         = &Page{Path: Root + "/planer", Title: "Planer og aftaler", Tab: TabPlaner, Parent: Forside}
	MinPlan        = &Page{Path: Planer.Path + "/min-plan", Title: "Min plan", Tab: TabPlaner, Parent: Planer}
	Kalender       = &Page{Path: Planer.Path + "/kalender", Title: "Kalender", Tab: TabPlaner, Parent: Planer}
	Moeder         = &Page{Path: Planer.Path + "/moeder", Title: "Møder", Tab: TabPlaner, Parent: Planer}
	Beskeder       = &Page{Path: Planer.Path + "/beskeder", Title: "Min beskedbakke", Tab: TabPlaner, Parent: Planer}
	Fravaer        = &Page{Path: Planer.Path + "/fravaer", Title: "Aktuelt fravær", Tab: TabPlaner, Parent: Planer}
	MeldFerie      = &Page{Path: Planer.Path + "/meld-ferie", Title: "Meld ferie", Tab: TabPlaner, Parent: Planer}
	MeldSygRask    = &Page{Path: Planer.Path + "/meld-syg-rask", Title: "Meld syg/rask", Tab: TabPlaner, Parent: Planer}
	TilOgAfmelding = &Page{Path: Planer.Path + "/til-og-afmelding", Title: "Til- og afmelding", Tab: TabPlaner, Parent: Planer}
	Historik       = &Page{Path: Planer.Path + "/historik", Title: "Historik", Tab: TabPlaner, Parent: Planer}
	Dagpenge       = &Page{Path: Planer.Path + "/dagpengetaellere", Title: "Dagpengetællere", Tab: TabPlaner, Parent: Planer}
	Supplementary  = &Page{Path: Planer.Path + "/supplerende-dagpenge", Title: "Tællere for supplerende dagpenge", Tab: TabPlaner, Parent: Planer}

	// Jobsøgning (SPEC §5.2).
	Jobsoegning    = &Page{Path: Root + "/jobsoegning", Title: "Jobsøgning", Tab: TabJobsoegning, Parent: Forside}
	FindJob        = &Page{Path: Jobsoegning.Path + "/find-job", Title: "Find Job", Tab: TabJobsoegning, Parent: Jobsoegning}
	Jobannonce     = &Page{Path: Jobsoegning.Path + "/jobannonce", Title: "Jobannonce", Tab: TabJobsoegning, Parent: FindJob}
	JobGoals       = &Page{Path: Jobsoegning.Path + "/jeg-soeger-job-som", Title: "Jeg søger job som", Tab: TabJobsoegning, Parent: Jobsoegning}
	CV             = &Page{Path: Jobsoegning.Path + "/cv", Title: "Mit CV", Tab: TabJobsoegning, Parent: Jobsoegning}
	CVPrint        = &Page{Path: CV.Path + "/vis", Title: "Vis, udskriv eller eksporter mit CV", Tab: TabJobsoegning, Parent: CV}
	PresentationCV = &Page{Path: Jobsoegning.Path + "/praesentations-cv", Title: "Præsentations-CV", Tab: TabJobsoegning, Parent: Jobsoegning}
	Europe         = &Page{Path: Jobsoegning.Path + "/job-i-europa", Title: "Job i Europa", Tab: TabJobsoegning, Parent: Jobsoegning}
	Preparation    = &Page{Path: Jobsoegning.Path + "/forberedelsesskema", Title: "Forberedelsesskema", Tab: TabJobsoegning, Parent: Jobsoegning}
	Joblog         = &Page{Path: Jobsoegning.Path + "/joblog", Title: "Joblog", Tab: TabJobsoegning, Parent: Jobsoegning}
	GemteJob       = &Page{Path: Joblog.Path + "/gemte-job", Title: "Gemte job", Tab: TabJobsoegning, Parent: Joblog}
	JoblogKort     = &Page{Path: Joblog.Path + "/kort", Title: "Vis på kort", Tab: TabJobsoegning, Parent: Joblog}
)

// All are the pages of the table, in the order above.
var All = []*Page{Forside, Planer, MinPlan, Kalender, Moeder, Beskeder, Fravaer, MeldFerie,
	MeldSygRask, TilOgAfmelding, Historik, Dagpenge, Supplementary, Jobsoegning, FindJob,
	Jobannonce, JobGoals, CV, CVPrint, PresentationCV, Europe, Preparation, Joblog, GemteJob,
	JoblogKort}

// Route is the page's pattern inside the router's Root route.
func (p *Page) Route() string { return strings.TrimPrefix(p.Path, Root) }

// Trail is the breadcrumb after "Forside" down to and including p. The
// Forside's trail is empty.
func (p *Page) Trail() []*Page {
	if p == nil || p.Parent == nil {
		return nil
	}
	return append(p.Parent.Trail(), p)
}

// Below is a path below the page: a form's action on it, or one of its
// items (Below("ret"), Below(strconv…(id), "afbud")).
func (p *Page) Below(parts ...string) string {
	return p.Path + "/" + strings.Join(parts, "/")
}

// Item is the path of item id below the page: a message, a job posting.
func (p *Page) Item(id int64) string { return p.Below(strconv.FormatInt(id, 10)) }
