package server

import (
	"slices"
	"strings"
	"testing"
)

// TestEveryPageIsRouted checks the page table against the router: every
// page's path is routed (the job posting with its id), and every page but
// the Forside has a parent in its own tab.
func TestEveryPageIsRouted(t *testing.T) {
	routes := CitizenRoutes()
	pages := []*citizenPage{pageForside, pagePlaner, pageMinPlan, pageKalender, pageMoeder, pageBeskeder,
		pageFravaer, pageMeldFerie, pageMeldSygRask, pageTilOgAfmelding, pageHistorik, pageDagpenge,
		pageSupplementary, pageJobsoegning, pageFindJob, pageJobannonce, pageJobGoals, pageCV, pageCVPrint,
		pagePresentationCV, pageEurope, pagePreparation, pageJoblog, pageGemteJob, pageJoblogKort}
	for _, p := range pages {
		path := p.Path
		if p == pageJobannonce {
			path += "/{id}"
		}
		if !strings.HasPrefix(path, citizenRoot+"/") || !slices.Contains(routes, path) {
			t.Errorf("page %q: %s is not routed", p.Title, path)
		}
		if p != pageForside && (p.Parent == nil || p.Parent.Tab != p.Tab && p.Parent != pageForside) {
			t.Errorf("page %q: parent %v is not in tab %q", p.Title, p.Parent, p.Tab)
		}
	}
}
