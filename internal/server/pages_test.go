package server

import (
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"slices"
	"strings"
	"testing"

	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// TestEveryPageIsRouted checks the page table against the router: every
// page's path is routed (the job posting with its id), and every page but
// the Forside has a parent in its own tab.
func TestEveryPageIsRouted(t *testing.T) {
	routes := CitizenRoutes()
	for _, p := range pages.All {
		path := p.Path
		if p == pages.Jobannonce {
			path += "/{id}"
		}
		if !strings.HasPrefix(path, pages.Root+"/") || !slices.Contains(routes, path) {
			t.Errorf("page %q: %s is not routed", p.Title, path)
		}
		if p != pages.Forside && (p.Parent == nil || p.Parent.Tab != p.Tab && p.Parent != pages.Forside) {
			t.Errorf("page %q: parent %v is not in tab %q", p.Title, p.Parent, p.Tab)
		}
	}
}

// TestTilesLinkToThePagesOfTheTable checks the overview pages' tiles (which
// web/views holds) against the page table: each tile of the citizen's
// Jobnet is a page of the table, with its title and path.
func TestTilesLinkToThePagesOfTheTable(t *testing.T) {
	tiles := append(append([]views.Tile{}, views.JobsoegningTiles...), views.PlanerTiles...)
	for _, tile := range tiles {
		if tile.External {
			continue
		}
		i := slices.IndexFunc(pages.All, func(p *pages.Page) bool { return p.Path == tile.Href })
		if i < 0 {
			t.Errorf("tile %q links to %s, which is no page of the table", tile.Title, tile.Href)
			continue
		}
		if pages.All[i].Title != tile.Title {
			t.Errorf("tile %q links to %s, whose title is %q", tile.Title, tile.Href, pages.All[i].Title)
		}
	}
}
