package main

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// A job posting's own page, and Find Job's search profiles run and reached
// from the top (issue 9, point 2).

// postingID is the id of a demo posting, found by title and workplace.
func postingID(t *testing.T, s *stack, p demo.JobPosting) int64 {
	t.Helper()
	var id int64
	if err := s.Owner.QueryRow(context.Background(), `SELECT id FROM job_postings WHERE title = $1 AND workplace = $2`,
		p.Title, p.Workplace).Scan(&id); err != nil {
		t.Fatalf("posting %q: %v", p.Title, err)
	}
	return id
}

func TestJobannonce_OpensFromFindJobAsTheCitizenSeesIt(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	hits := c.get("/borger/jobsoegning/find-job?fritekst=Marselisborg")
	link := findJobTestID(hits, "hit-link")
	href, _ := link.Attr("href")
	want := "/borger/jobsoegning/jobannonce/" + strconv.FormatInt(postingID(t, s, demo.KontorPostingAarhus), 10)
	if link.Length() != 1 || href != want || strings.TrimSpace(link.Text()) != demo.KontorPostingAarhus.Title {
		t.Fatalf("the hit's link: %d, %q %q, want %q", link.Length(), href, link.Text(), want)
	}
	p := c.get(href)
	if p.Status != http.StatusOK {
		t.Fatalf("posting: %d", p.Status)
	}
	deadline := jobnet.Day(time.Now()).AddDate(0, 0, 21)
	got := map[string]string{}
	for _, id := range []string{"page-heading", "jobannonce-workplace", "jobannonce-place", "jobannonce-kommune",
		"jobannonce-occupation", "jobannonce-hours", "jobannonce-deadline", "jobannonce-text"} {
		got[id] = strings.Join(strings.Fields(text(p, id)), " ")
	}
	wantFacts := map[string]string{
		"page-heading":          "Kontorassistent til kundeteamet",
		"jobannonce-workplace":  "Marselisborg Ejendomsadministration",
		"jobannonce-place":      "Skovbrynet 4, 8000 Aarhus C",
		"jobannonce-kommune":    "Aarhus Kommune",
		"jobannonce-occupation": "Kontorassistent (kontorfunktionær)",
		"jobannonce-hours":      "Fuldtid",
		"jobannonce-deadline":   views.ShortDate(deadline),
		"jobannonce-text":       demo.KontorPostingAarhus.Description,
	}
	if diff := cmp.Diff(wantFacts, got); diff != "" {
		t.Errorf("the posting (-want +got):\n%s", diff)
	}
	apply := findJobTestID(p, "jobannonce-apply")
	if a, _ := apply.Attr("href"); a != demo.KontorPostingAarhus.ApplyURL || !strings.Contains(apply.Text(), "Søg jobbet") {
		t.Errorf("Søg jobbet: %q %q", a, apply.Text())
	}
	if got := text(p, "jobannonce-apply-url"); got != demo.KontorPostingAarhus.ApplyURL {
		t.Errorf("the apply address shown: %q", got)
	}
	if strings.Contains(p.Body, demo.CitizenByKey("anna").CPR) {
		t.Error("the page holds the citizen's CPR number")
	}
	// Find Job > the posting in the breadcrumb.
	if got := findJobTexts(p.Doc.Find(`.breadcrumbs__list-item`)); len(got) < 2 || got[len(got)-2] != "Find Job" {
		t.Errorf("breadcrumb %q", got)
	}
	// "Gem job" is the citizen's: refused, nothing written.
	before := s.tableChecksums(t)
	if r := c.submit(p, `form[data-testid="jobannonce-save-form"]`, nil); r.Status != http.StatusForbidden || !strings.Contains(r.Body, server.TextActionRefused) {
		t.Errorf("Gem job: %d", r.Status)
	}
	if diff := cmp.Diff(before, s.tableChecksums(t)); diff != "" {
		t.Errorf("Gem job changed rows:\n%s", diff)
	}
}

func TestJobannonce_AnUnknownOrExpiredPostingIsTheNormal404(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "nina", "anna")
	notFound := c.get("/borger/findes-ikke")
	expired := strconv.FormatInt(postingID(t, s, demo.ExpiredKontorPosting), 10)
	for _, id := range []string{"999999999", "0", "-1", "x", "1e3", expired} {
		p := c.get("/borger/jobsoegning/jobannonce/" + id)
		if p.Status != http.StatusNotFound || text(p, "page-heading") != text(notFound, "page-heading") {
			t.Errorf("posting %s: %d %q, want the 404 page %q", id, p.Status, text(p, "page-heading"), text(notFound, "page-heading"))
		}
	}
}

func TestFindJob_RunsASavedSearchProfile(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := c.get("/borger/jobsoegning/find-job")
	runs := findJobTestID(p, "profile-run")
	if runs.Length() != 2 {
		t.Fatalf("%d links to run a profile, want 2", runs.Length())
	}
	href, _ := runs.First().Attr("href")
	if !strings.HasPrefix(href, "/borger/jobsoegning/find-job?soegeprofil=") {
		t.Fatalf("run link %q", href)
	}
	p = c.get(href)
	if p.Status != http.StatusOK || text(p, "running-profile") != "Søgeprofil: Kontorjob i Aarhus" {
		t.Fatalf("running Kontorjob i Aarhus: %d %q", p.Status, text(p, "running-profile"))
	}
	open := `p.posted_on <= $1::date AND (p.deadline IS NULL OR p.deadline >= $1::date)`
	want := s.count(t, `SELECT count(*) FROM job_postings p JOIN occupations o ON o.id = p.occupation_id
		WHERE o.title IN ('Kontorassistent (kontorfunktionær)', 'Receptionist') AND p.kommune_number = '751' AND `+open, jobnet.Day(time.Now()))
	if want < 2 || text(p, "result-count") != strconv.Itoa(want)+" stillinger" {
		t.Errorf("hits %q, want %d stillinger", text(p, "result-count"), want)
	}
	// The second: Sekretær or Bogholder in Region Midtjylland, with "deltid".
	href2, _ := runs.Eq(1).Attr("href")
	p = c.get(href2)
	want = s.count(t, `SELECT count(*) FROM job_postings p JOIN occupations o ON o.id = p.occupation_id
		JOIN kommuner k ON k.number = p.kommune_number JOIN labour_market_areas a ON a.id = k.area_id
		WHERE o.title IN ('Sekretær', 'Bogholder') AND a.region_code = '1082' AND p.search_text ILIKE '%deltid%' AND `+open, jobnet.Day(time.Now()))
	if text(p, "running-profile") != "Søgeprofil: Administration i Midtjylland" || text(p, "result-count") != strconv.Itoa(want)+" stillinger" && !(want == 1 && text(p, "result-count") == "1 stilling") {
		t.Errorf("Administration i Midtjylland: %q %q, want %d", text(p, "running-profile"), text(p, "result-count"), want)
	}
	// The next page keeps the profile.
	first, _ := runs.First().Attr("href")
	if p = c.get(first); findJobTestID(p, "page-next").Length() == 1 {
		if next, _ := findJobTestID(p, "page-next").Attr("href"); !strings.Contains(next, "soegeprofil=") {
			t.Errorf("the next page forgets the profile: %q", next)
		}
	}
	// Another citizen's profile, or no profile id, is the normal 404.
	bo := s.actingFor(t, "berit", "bo")
	for _, q := range []string{strings.TrimPrefix(href, "/borger/jobsoegning/find-job?"), "soegeprofil=x", "soegeprofil=0", "soegeprofil=99999999"} {
		if p := bo.get("/borger/jobsoegning/find-job?" + q); p.Status != http.StatusNotFound {
			t.Errorf("bo, %s: %d, want 404", q, p.Status)
		}
	}
}

func TestFindJob_ProfilesAndJobAgentsAreReachedFromTheTop(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "nina", "anna")
	p := c.get("/borger/jobsoegning/find-job?fritekst=kontor")
	html, _ := p.Doc.Find("main").Html()
	short, search := strings.Index(html, `data-testid="findjob-shortcuts"`), strings.Index(html, `data-testid="findjob-search"`)
	if short < 0 || short > search {
		t.Fatalf("the shortcuts are not above the search (%d, %d)", short, search)
	}
	for id, target := range map[string]string{"shortcut-profiles": "soegeprofiler", "shortcut-save": "gem-soegning"} {
		if href, _ := findJobTestID(p, id).Attr("href"); href != "#"+target || p.Doc.Find("#"+target).Length() != 1 {
			t.Errorf("%s: %q", id, href)
		}
	}
	if got := text(p, "shortcut-profiles"); got != "Dine søgeprofiler og jobagenter (2)" {
		t.Errorf("shortcut text %q", got)
	}
}

func TestBrowser_JobannonceAndSearchProfiles(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "berit")
	b.lookUp(ctx, demo.CitizenByKey("anna").CPR, "welcome")
	b.do(ctx,
		chromedp.Click(testid("tab-jobsoegning")), chromedp.WaitVisible(testid("tile-find-job")),
		chromedp.Click(testid("tile-find-job")), chromedp.WaitVisible(testid("findjob-shortcuts")),
		// From the top to the profiles, then run the job agent's search.
		chromedp.Click(testid("shortcut-profiles")), chromedp.WaitVisible(testid("profile-run")),
		chromedp.Click(testid("profile-run")), chromedp.WaitVisible(testid("running-profile")),
	)
	if got := b.text(ctx, "running-profile"); got != "Søgeprofil: Kontorjob i Aarhus" {
		t.Errorf("running %q", got)
	}
	b.screenshotWidths(ctx, "findjob-soegeprofil", "Find Job med søgeprofil")

	b.do(ctx,
		chromedp.Navigate(s.BaseURL+"/borger/jobsoegning/find-job?fritekst=Marselisborg"), chromedp.WaitVisible(testid("hit-link")),
		chromedp.Click(testid("hit-link")), chromedp.WaitVisible(testid("jobannonce")),
	)
	if got := b.text(ctx, "page-heading"); got != demo.KontorPostingAarhus.Title {
		t.Errorf("posting heading %q", got)
	}
	if got := b.text(ctx, "jobannonce-apply"); !strings.HasPrefix(got, "Søg jobbet") {
		t.Errorf("apply link %q", got)
	}
	b.screenshotWidths(ctx, "jobannonce", "Jobannonce")
}
