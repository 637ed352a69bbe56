package main

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
)

// The Joblog's "Se gemte job" (issue 9, point 4).

func TestGemteJob_ListsAnnasSavedPostingsFromTheJoblog(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	before := s.tableChecksums(t)
	joblog := c.get(joblogPath)
	href, _ := findJobTestID(joblog, "joblog-saved-jobs").Attr("href")
	if href != "/borger/jobsoegning/joblog/gemte-job" || text(joblog, "joblog-saved-jobs") != "Se gemte job" {
		t.Fatalf("Se gemte job: %q %q", href, text(joblog, "joblog-saved-jobs"))
	}
	p := c.get(href)
	if p.Status != http.StatusOK || text(p, "page-heading") != "Gemte job" {
		t.Fatalf("saved jobs: %d %q", p.Status, text(p, "page-heading"))
	}
	// Newest saved first; the expired one is marked and has no link.
	want := []string{demo.KontorPostingAarhus.Title, demo.ExpiredKontorPosting.Title}
	if got := findJobTexts(p.Doc.Find(`[data-testid="saved-title"]`)); !cmp.Equal(got, want) {
		t.Errorf("saved jobs %q, want %q", got, want)
	}
	links := findJobTestID(p, "saved-link")
	if l, _ := links.Attr("href"); links.Length() != 1 || !strings.HasPrefix(l, "/borger/jobsoegning/jobannonce/") {
		t.Errorf("links %d %q, want one to the open posting", links.Length(), l)
	} else if a := c.get(l); a.Status != http.StatusOK || text(a, "page-heading") != demo.KontorPostingAarhus.Title {
		t.Errorf("the saved posting's page: %d %q", a.Status, text(a, "page-heading"))
	}
	if n := findJobTestID(p, "saved-expired").Length(); n != 1 {
		t.Errorf("%d marked Udløbet, want 1", n)
	}
	if got := text(p, "saved-workplace"); !strings.HasPrefix(got, "Marselisborg Ejendomsadministration, 8000 Aarhus C") {
		t.Errorf("workplace %q", got)
	}
	if diff := cmp.Diff(before, s.tableChecksums(t)); diff != "" {
		t.Errorf("reading saved jobs wrote:\n%s", diff)
	}
	// bo has none.
	if p := s.actingFor(t, "nina", "bo").get(href); text(p, "saved-empty") != "Du har ingen gemte job." {
		t.Errorf("bo: %q", text(p, "saved-empty"))
	}
}
