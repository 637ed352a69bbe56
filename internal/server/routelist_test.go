package server

import (
	"slices"
	"testing"
)

// The route list is the router's own: the Forside, a page with a parameter
// and the root that redirects to the Forside are in it, and nothing outside
// the citizen's Jobnet is.
func TestCitizenRoutes_AreTheRoutersGETRoutesUnderBorger(t *testing.T) {
	routes := CitizenRoutes()
	for _, want := range []string{"/borger/", "/borger/forside", "/borger/planer/beskeder/{id}", "/borger/jobsoegning/joblog"} {
		if !slices.Contains(routes, want) {
			t.Errorf("CitizenRoutes() lacks %q: %q", want, routes)
		}
	}
	for _, r := range routes {
		if r == "/sagsbehandleradgang" || r == "/saml/metadata" || r == "/healthz" {
			t.Errorf("CitizenRoutes() has %q, which is not a page of the citizen", r)
		}
	}
	if len(routes) < 20 {
		t.Errorf("CitizenRoutes() has %d routes, want every page of the citizen: %q", len(routes), routes)
	}
}
