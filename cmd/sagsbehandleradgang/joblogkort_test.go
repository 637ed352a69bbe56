package main

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The Joblog's "Vis på kort" (issue 9, point 4): Jobnet's Google Maps
// notice, and the places the map would show, without any map service.

func TestJoblogKort_ShowsTheNoticeAndTheLogsByPlace(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "nina", "anna")
	joblog := c.get(joblogWhole)
	href, _ := findJobTestID(joblog, "joblog-map").Attr("href")
	if !strings.HasPrefix(href, "/borger/jobsoegning/joblog/kort?") || !strings.Contains(href, "fra=&") {
		t.Fatalf("Vis på kort: %q", href)
	}
	p := c.get(href)
	if p.Status != http.StatusOK || text(p, "page-heading") != "Vis på kort" {
		t.Fatalf("map: %d %q", p.Status, text(p, "page-heading"))
	}
	if got := text(p, "maps-notice"); !strings.Contains(got, "Advisering om Google Maps") ||
		!strings.Contains(got, "Jobnet oplyser kun Google Maps om arbejdspladsens beliggenhed.") {
		t.Errorf("notice %q", got)
	}
	if strings.Contains(p.Body, "google.com") || strings.Contains(p.Body, "maps.google") {
		t.Error("the page reaches for Google Maps")
	}
	names := findJobTexts(p.Doc.Find(`[data-testid="maps-place-name"]`))
	if diff := cmp.Diff([]string{"8000 Aarhus C", "8200 Aarhus N", "8900 Randers C"}, names); diff != "" {
		t.Errorf("places (-want +got):\n%s", diff)
	}
	if logs := findJobTexts(p.Doc.Find(`[data-testid="maps-log"]`)); len(logs) != 3 || !strings.HasPrefix(logs[0], "Kontorassistent, Aarhus Kommune, Borgerservice") {
		t.Errorf("logs on the map %q", logs)
	}
	if got := text(p, "maps-unplaced"); got != "14 logs har ingen adresse og vises ikke på kortet." {
		t.Errorf("unplaced %q", got)
	}
	// Fortryd is the Joblog with the filter in force.
	if back, _ := findJobTestID(p, "maps-cancel").Attr("href"); back != joblogPath+"?fra=&til=" {
		t.Errorf("Fortryd: %q", back)
	}
	// The filter carries: only the logs with status Søgt.
	p = c.get("/borger/jobsoegning/joblog/kort?fra=&til=&status=soegt")
	if names := findJobTexts(p.Doc.Find(`[data-testid="maps-place-name"]`)); !cmp.Equal(names, []string{"8200 Aarhus N"}) {
		t.Errorf("Søgt on the map: %q", names)
	}
}
