package main

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
)

// The Forside, Find Job and "Jeg søger job som" (SPEC §5.1, §5.2).

// findJobTexts is the trimmed text of every element matching selector.
func findJobTexts(sel *goquery.Selection) []string {
	var out []string
	sel.Each(func(_ int, s *goquery.Selection) {
		out = append(out, strings.Join(strings.Fields(s.Text()), " "))
	})
	return out
}

func findJobTestID(p page, id string) *goquery.Selection {
	return p.Doc.Find(`[data-testid="` + id + `"]`)
}

func TestForside_ShowsAnnasFiveCardsNotificationsAndBanner(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := c.get("/borger/forside")
	if p.Status != http.StatusOK {
		t.Fatalf("Forside: %d", p.Status)
	}
	headings := findJobTexts(p.Doc.Find(`[data-testid="forside-cards"] .card-heading`))
	want := []string{"Opslåede stillinger", "Lignende job", "Vikarbureauer", "Søgte job", "Uopfordret"}
	if diff := cmp.Diff(want, headings); diff != "" {
		t.Errorf("card headings (-want +got):\n%s", diff)
	}
	posted := findJobTestID(p, "card-opslaaede-stillinger")
	if lead := text(p, "card-opslaaede-stillinger"); !strings.Contains(lead, "som Kontorassistent (kontorfunktionær) og Receptionist i Østjylland") {
		t.Errorf("Opslåede stillinger says %q", lead)
	}
	if items := posted.Find(`[data-testid="card-items"]`).Text(); !strings.Contains(items, demo.KontorPostingAarhus.Title) {
		t.Errorf("Opslåede stillinger does not name the newest posting %q: %q", demo.KontorPostingAarhus.Title, items)
	}
	if href := posted.Find("a").First().AttrOr("href", ""); href != "/borger/jobsoegning/find-job?omraade=opland-9&stilling=1" {
		t.Errorf("Opslåede stillinger links to %q", href)
	}
	for id, want := range map[string]string{
		"card-lignende-job":  "Teamsekretær til byggeafdelingen",
		"card-vikarbureauer": "Kontorvikar Østjylland ApS",
		"card-soegte-job":    demo.KontorPostingAarhus.Title,
		"card-uopfordret":    "virksomheder i Østjylland har ansat inden for Kontor og administration",
	} {
		if got := text(p, id); !strings.Contains(got, want) {
			t.Errorf("%s does not name %q: %q", id, want, got)
		}
	}
	// An employer with an open posting for anna's goals is no case for an
	// unsolicited application.
	if got := text(p, "card-uopfordret"); strings.Contains(got, "Marselisborg") || findJobTestID(p, "card-uopfordret").Find("li").Length() != 3 {
		t.Errorf("Uopfordret: %q", got)
	}
	if strings.Contains(p.Body, demo.ExpiredKontorPosting.Title) {
		t.Error("the Forside shows a posting whose deadline has passed")
	}

	// Each notification on the terms of what it is about (SPEC §5.1): the
	// a-kasse is told of the employer's message, but not what it is about.
	notifications := findJobTexts(p.Doc.Find(`[data-testid^="notification-"]`))
	for _, want := range []string{
		"Du har fået en ny mulighed for at booke et møde: Jobsamtale i Jobcenter Aarhus",
		"Der er en ny version af Min Plan: Aftaler fra din samtale med A-kasse 22",
		"Du har fået et nyt møde: CV-samtale i A-kasse 22",
		"Du har fået en ny besked: Forberedelse til din CV-samtale",
		"Du har fået en ny besked fra Dansk Byggeadministration A/S",
	} {
		if !slices.ContainsFunc(notifications, func(n string) bool { return strings.Contains(n, want) }) {
			t.Errorf("no notification %q among %q", want, notifications)
		}
	}
	for _, hidden := range []string{demo.MessageAnnaEmployerTitle, demo.NotificationAnnaHjaelpemiddelTitle,
		demo.NotificationAnnaMentorTitle, demo.OfferSygeopfoelgningTitle} {
		if strings.Contains(p.Body, hidden) {
			t.Errorf("the a-kasse's Forside shows %q", hidden)
		}
	}
	if got := text(p, "reminder"); !strings.Contains(got, "Husk: Du skal sende din ledighedserklæring og dit dagpengekort til a-kassen") ||
		!strings.Contains(got, "Jeg har sendt dem") {
		t.Errorf("information box reminder: %q", got)
	}
	joblog := findJobTestID(p, "joblog-reminder")
	if !strings.Contains(joblog.Text(), "Husk: Du skal registrere alle dine jobsøgningsaktiviteter i din Joblog") ||
		joblog.Find(`a[href="/borger/jobsoegning/joblog"]`).Text() == "" {
		t.Errorf("Joblog reminder: %q", joblog.Text())
	}

	banner := findJobTestID(p, "job-goal-banner")
	if !strings.Contains(banner.Text(), "Tjek dine stillingsbetegnelser i 'Jeg søger job som'") {
		t.Errorf("banner: %q", banner.Text())
	}
	if banner.Find(`a[href="/borger/jobsoegning/jeg-soeger-job-som"]`).Length() != 1 {
		t.Error("the banner has no link to Jeg søger job som")
	}
	form := findJobTestID(p, "banner-dismiss-form")
	if form.AttrOr("method", "") != "post" || !strings.HasPrefix(form.AttrOr("action", ""), "/borger/") ||
		strings.TrimSpace(form.Find("button").Text()) != "Vis ikke denne besked igen" {
		t.Errorf("dismiss form: method %q action %q", form.AttrOr("method", ""), form.AttrOr("action", ""))
	}
}

func TestForside_BoDoesNotSeeTheBannerHeDismissed(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "bo")
	p := c.get("/borger/forside")
	if p.Status != http.StatusOK {
		t.Fatalf("Forside: %d", p.Status)
	}
	if findJobTestID(p, "job-goal-banner").Length() != 0 || strings.Contains(p.Body, "Tjek dine stillingsbetegnelser") {
		t.Error("bo sees the banner he dismissed")
	}
	if got := text(p, "card-opslaaede-stillinger"); !strings.Contains(got, "Lagermedarbejder") {
		t.Errorf("bo's cards are not made from his job goal: %q", got)
	}
	// bo is afmeldt: no duty to keep a Joblog, and no notifications.
	if findJobTestID(p, "joblog-reminder").Length() != 0 {
		t.Error("bo, who is afmeldt, is reminded to keep his Joblog")
	}
	if text(p, "no-notifications") != "Du har ingen nye notifikationer." {
		t.Errorf("bo's notifications: %q", text(p, "notifications"))
	}
}

func TestForside_CitizenWithoutJobGoalsIsInvitedToAddThem(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "nina", "dennis")
	p := c.get("/borger/forside")
	if p.Status != http.StatusOK {
		t.Fatalf("Forside: %d", p.Status)
	}
	cards := p.Doc.Find(`[data-testid="forside-cards"] section.card`)
	if cards.Length() != 5 {
		t.Fatalf("%d cards, want 5", cards.Length())
	}
	cards.Each(func(_ int, card *goquery.Selection) {
		if !strings.Contains(card.Text(), "Når du har tilføjet de job, du søger, under 'Jeg søger job som'") ||
			card.Find(`a[href="/borger/jobsoegning/jeg-soeger-job-som"]`).Length() != 1 {
			t.Errorf("card %q does not invite to add job goals", card.Find(".card-heading").Text())
		}
	})
}

func TestFindJob_FindsPostingsByFreeTextButNotExpiredOnes(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := c.get("/borger/jobsoegning/find-job?fritekst=Marselisborg")
	if p.Status != http.StatusOK {
		t.Fatalf("search: %d", p.Status)
	}
	if got := findJobTexts(p.Doc.Find(`[data-testid="hit-title"]`)); !cmp.Equal(got, []string{demo.KontorPostingAarhus.Title}) {
		t.Errorf("hits for Marselisborg: %q", got)
	}
	if got := text(p, "result-count"); got != "1 stilling" {
		t.Errorf("result count %q", got)
	}
	if got := text(p, "hit-workplace"); got != "Marselisborg Ejendomsadministration, 8000 Aarhus C" {
		t.Errorf("workplace %q", got)
	}
	if got := text(p, "fritekst-input"); findJobTestID(p, "fritekst-input").AttrOr("value", "") != "Marselisborg" {
		t.Errorf("the search field lost the text: %q", got)
	}
	// The deadline of the summer job has passed.
	if p = c.get("/borger/jobsoegning/find-job?fritekst=sommerafl%C3%B8ser"); text(p, "no-hits") == "" || text(p, "result-count") != "0 stillinger" {
		t.Errorf("an expired posting is found: %q", text(p, "hits"))
	}
	// Part of a compound word, in any case.
	p = c.get("/borger/jobsoegning/find-job?fritekst=LAGER")
	hits := p.Doc.Find(`[data-testid="hit"]`)
	if hits.Length() == 0 {
		t.Fatal("no hits for LAGER")
	}
	hits.Each(func(_ int, h *goquery.Selection) {
		if !strings.Contains(strings.ToLower(h.Text()), "lager") {
			t.Errorf("hit %q does not mention lager", text(page{Doc: goquery.NewDocumentFromNode(h.Nodes[0])}, "hit-title"))
		}
	})
}

func TestFindJob_FiltersByOccupationAndAreaAsTheDatabaseCounts(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	open := `p.posted_on <= $1::date AND (p.deadline IS NULL OR p.deadline >= $1::date)`
	for _, tc := range []struct{ query, sql string }{
		{"stilling=1", `SELECT count(*) FROM job_postings p WHERE occupation_id = 1 AND ` + open},
		{"stilling=1&omraade=kommune-751", `SELECT count(*) FROM job_postings p WHERE occupation_id = 1 AND kommune_number = '751' AND ` + open},
		{"omraade=region-1082", `SELECT count(*) FROM job_postings p JOIN kommuner k ON k.number = p.kommune_number
			JOIN labour_market_areas a ON a.id = k.area_id WHERE a.region_code = '1082' AND ` + open},
		{"omraade=opland-9&fritekst=aarhus+kontorassistent", `SELECT count(*) FROM job_postings p JOIN kommuner k ON k.number = p.kommune_number
			WHERE k.area_id = 9 AND p.search_text ILIKE '%aarhus%' AND p.search_text ILIKE '%kontorassistent%' AND ` + open},
	} {
		p := c.get("/borger/jobsoegning/find-job?" + tc.query)
		want := s.count(t, tc.sql, jobnet.Day(time.Now()))
		if want < 2 {
			t.Fatalf("%s: the demo data has %d such postings", tc.query, want)
		}
		if p.Status != http.StatusOK || text(p, "result-count") != strconv.Itoa(want)+" stillinger" {
			t.Errorf("%s: %d, %q, want %d stillinger", tc.query, p.Status, text(p, "result-count"), want)
		}
	}
	p := c.get("/borger/jobsoegning/find-job?stilling=1")
	p.Doc.Find(`[data-testid="hit-facts"]`).Each(func(_ int, f *goquery.Selection) {
		if !strings.HasPrefix(f.Text(), "Kontorassistent (kontorfunktionær) ·") {
			t.Errorf("a hit of another occupation: %q", f.Text())
		}
	})
	if sel := p.Doc.Find(`#stilling option[selected]`); sel.Text() != "Kontorassistent (kontorfunktionær)" {
		t.Errorf("the occupation chosen is not kept: %q", sel.Text())
	}
}

func TestFindJob_PagesNewestFirst(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	total := s.count(t, `SELECT count(*) FROM job_postings WHERE posted_on <= $1::date AND (deadline IS NULL OR deadline >= $1::date)`,
		jobnet.Day(time.Now()))
	pages := (total + jobnet.PageSize - 1) / jobnet.PageSize
	if pages < 3 {
		t.Fatalf("only %d pages of demo postings", pages)
	}
	p := c.get("/borger/jobsoegning/find-job")
	if text(p, "page-of") != "Side 1 af "+strconv.Itoa(pages) || text(p, "result-count") != strconv.Itoa(total)+" stillinger" {
		t.Errorf("first page: %q, %q", text(p, "page-of"), text(p, "result-count"))
	}
	if findJobTestID(p, "page-prev").Length() != 0 {
		t.Error("the first page links to a page before it")
	}
	seen := map[string]bool{}
	last := time.Now().AddDate(1, 0, 0)
	for n := 1; ; n++ {
		hits := p.Doc.Find(`[data-testid="hit"]`)
		if n < pages && hits.Length() != jobnet.PageSize {
			t.Errorf("page %d has %d hits", n, hits.Length())
		}
		hits.Each(func(_ int, h *goquery.Selection) {
			id := h.AttrOr("data-posting-id", "")
			if seen[id] {
				t.Errorf("posting %s on two pages", id)
			}
			seen[id] = true
			posted := findJobPostedOn(t, s, id)
			if posted.After(last) {
				t.Errorf("page %d: posting %s is newer than the one before it", n, id)
			}
			last = posted
		})
		next := findJobTestID(p, "page-next").AttrOr("href", "")
		if next == "" {
			if n != pages {
				t.Errorf("no next link on page %d of %d", n, pages)
			}
			break
		}
		p = c.get(next)
		if text(p, "page-of") != "Side "+strconv.Itoa(n+1)+" af "+strconv.Itoa(pages) {
			t.Fatalf("next page says %q", text(p, "page-of"))
		}
	}
	if len(seen) != total {
		t.Errorf("paging showed %d postings, want %d", len(seen), total)
	}
}

func findJobPostedOn(t *testing.T, s *stack, id string) time.Time {
	t.Helper()
	var d time.Time
	if err := s.Owner.QueryRow(context.Background(), `SELECT posted_on FROM job_postings WHERE id = $1::bigint`, id).Scan(&d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestFindJob_ShowsAnnasSearchProfilesAndMarksTheJobAgent(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := c.get("/borger/jobsoegning/find-job")
	type profile struct{ Name, Agent, Occupations, Areas, Text string }
	var got []profile
	p.Doc.Find(`[data-testid="profile"]`).Each(func(_ int, s *goquery.Selection) {
		f := func(id string) string { return strings.TrimSpace(s.Find(`[data-testid="` + id + `"]`).Text()) }
		got = append(got, profile{f("profile-name"), f("profile-agent"), f("profile-occupations"), f("profile-areas"), f("profile-text")})
	})
	want := []profile{
		{"Kontorjob i Aarhus", "Jobagent: Dagligt", "Kontorassistent (kontorfunktionær), Receptionist", "Aarhus", ""},
		{"Administration i Midtjylland", "", "Bogholder, Sekretær", "Region Midtjylland", "deltid"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("search profiles (-want +got):\n%s", diff)
	}
	for _, id := range []string{"save-search", "create-agent"} {
		if findJobTestID(p, id).Length() != 1 {
			t.Errorf("no %s button", id)
		}
	}
	// bo has none.
	c = s.actingFor(t, "berit", "bo")
	if p = c.get("/borger/jobsoegning/find-job"); text(p, "no-profiles") != "Du har ingen gemte søgeprofiler eller jobagenter." {
		t.Errorf("bo's profiles: %q", text(p, "profiles"))
	}
}

func TestFindJob_MalformedSearchGetsADanishMessageAnd400(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	total := s.count(t, `SELECT count(*) FROM job_postings WHERE posted_on <= $1::date AND (deadline IS NULL OR deadline >= $1::date)`,
		jobnet.Day(time.Now()))
	pages := (total + jobnet.PageSize - 1) / jobnet.PageSize
	pageErr := "Siden findes ikke. Vælg en side fra 1 til " + strconv.Itoa(pages)
	for _, tc := range []struct{ query, field, message string }{
		{"stilling=abc", "stilling-error", server.TextFindJobOccupation},
		{"stilling=99999", "stilling-error", server.TextFindJobOccupation},
		{"stilling=-1", "stilling-error", server.TextFindJobOccupation},
		{"omraade=hele-verden", "omraade-error", server.TextFindJobArea},
		{"omraade=kommune-999", "omraade-error", server.TextFindJobArea},
		{"fritekst=" + strings.Repeat("a", 201), "fritekst-error", server.TextFindJobTextTooLong},
		{"fritekst=1203854417", "fritekst-error", server.TextFindJobCPR},
		{"side=0", "side-error", pageErr},
		{"side=1000000000", "side-error", pageErr},
		{"side=abc", "side-error", pageErr},
		{"side=" + strconv.Itoa(pages+1), "side-error", pageErr},
	} {
		p := c.get("/borger/jobsoegning/find-job?" + tc.query)
		if p.Status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", tc.query, p.Status)
		}
		if got := text(p, tc.field); !strings.HasSuffix(got, tc.message) {
			t.Errorf("%s: %s = %q, want %q", tc.query, tc.field, got, tc.message)
		}
		// The page is still there: hits of the rest, and the profiles.
		if findJobTestID(p, "hit").Length() == 0 || text(p, "profile-name") == "" || text(p, "page-heading") != "Find Job" {
			t.Errorf("%s: the page did not render its content", tc.query)
		}
	}
	// A CPR number typed as free text is not shown again.
	if p := c.get("/borger/jobsoegning/find-job?fritekst=120385-4417"); strings.Contains(p.Body, "120385") {
		t.Error("the page repeats a CPR number typed in the search")
	}
}

func TestJegSoegerJobSom_ShowsAnnasJobGoalAsTheGuidesBillede7(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := c.get("/borger/jobsoegning/jeg-soeger-job-som")
	if p.Status != http.StatusOK {
		t.Fatalf("status %d", p.Status)
	}
	first := findJobTestID(p, "job-goal").First()
	got := map[string]string{}
	for _, id := range []string{"job-goal-title", "job-goal-educated", "job-goal-experience", "job-goal-last-worked"} {
		got[id] = strings.TrimSpace(first.Find(`[data-testid="` + id + `"]`).Text())
	}
	want := map[string]string{
		"job-goal-title": "Kontorassistent (kontorfunktionær)", "job-goal-educated": "Ja",
		"job-goal-experience": "12 år og 3 måneder", "job-goal-last-worked": "2008",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("first job goal (-want +got):\n%s", diff)
	}
	if titles := findJobTexts(p.Doc.Find(`[data-testid="job-goal-title"]`)); !cmp.Equal(titles, []string{"Kontorassistent (kontorfunktionær)", "Receptionist"}) {
		t.Errorf("job goals %q", titles)
	}
	if got := text(p, "weekly-hours"); got != "Fuldtid" {
		t.Errorf("Ugentlig arbejdstid: %q", got)
	}
	if got := findJobTexts(p.Doc.Find(`[data-testid="start"]`)); !cmp.Equal(got, []string{"Hurtigst muligt", "Efter aftale"}) {
		t.Errorf("Ansættelsesstart: %q", got)
	}
	for _, label := range []string{"Uddannet:", "Erfaring:", "Sidst arbejdet i faget:", "Ugentlig arbejdstid:", "Ansættelsesstart:", "Tilføj job", "Redigér"} {
		if !strings.Contains(p.Doc.Find("main").Text(), label) {
			t.Errorf("the page does not say %q", label)
		}
	}
	crumbs := findJobTexts(p.Doc.Find(`[data-testid="breadcrumb"] li`))
	if !cmp.Equal(crumbs, []string{"Forside", "Jobsøgning", "Jeg søger job som"}) {
		t.Errorf("breadcrumb %q", crumbs)
	}
	if findJobTestID(p, "tab-jobsoegning").AttrOr("aria-current", "") != "page" {
		t.Error("the Jobsøgning tab is not the current one")
	}
}

func TestJegSoegerJobSom_ForCamillaShowsWhatThereIsAndWritesNothing(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "camilla")
	before := s.tableChecksums(t)
	p := c.get("/borger/jobsoegning/jeg-soeger-job-som")
	after := s.tableChecksums(t)
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("opening Jeg søger job som wrote rows (-before +after):\n%s", diff)
	}
	if p.Status != http.StatusOK || text(p, "job-goal-title") != "Pædagog" || text(p, "job-goal-experience") != "5 måneder" {
		t.Errorf("camilla's job goal: %d %q %q", p.Status, text(p, "job-goal-title"), text(p, "job-goal-experience"))
	}
	if findJobTestID(p, "job-goal-last-worked").Length() != 0 {
		t.Error("a year last worked is shown that camilla never gave")
	}
	if text(p, "no-conditions") != "Du har ikke angivet dine ansættelsesbetingelser." {
		t.Errorf("camilla's conditions: %q", text(p, "conditions"))
	}
	c = s.actingFor(t, "berit", "bo")
	if p = c.get("/borger/jobsoegning/jeg-soeger-job-som"); text(p, "job-goal-experience") != "Ingen erfaring" {
		t.Errorf("bo's experience: %q", text(p, "job-goal-experience"))
	}
}

func TestFindJob_HasTheJobsoegningBreadcrumbAndTab(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := c.get("/borger/jobsoegning/find-job")
	if crumbs := findJobTexts(p.Doc.Find(`[data-testid="breadcrumb"] li`)); !cmp.Equal(crumbs, []string{"Forside", "Jobsøgning", "Find Job"}) {
		t.Errorf("breadcrumb %q", crumbs)
	}
	if findJobTestID(p, "tab-jobsoegning").AttrOr("aria-current", "") != "page" {
		t.Error("the Jobsøgning tab is not the current one")
	}
}

// Every form of the job search is the citizen's: submitting it is refused
// and changes nothing (SPEC §5.4).
func TestJobSearchForms_AreRefusedAndChangeNothing(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	forside := c.get("/borger/forside")
	findJob := c.get("/borger/jobsoegning/find-job?stilling=1")
	goals := c.get("/borger/jobsoegning/jeg-soeger-job-som")
	before := s.tableChecksums(t)
	for _, tc := range []struct {
		name     string
		page     page
		selector string
		fields   url.Values
	}{
		{"Vis ikke denne besked igen", forside, `form[data-testid="banner-dismiss-form"]`, nil},
		{"Jeg har sendt dem", forside, `[data-testid="reminder"] form`, nil},
		{"Gem søgning", findJob, `form[data-testid="save-search-form"]`, url.Values{"navn": {"Mine kontorjob"}}},
		{"Opret jobagent", findJob, `form[data-testid="create-agent-form"]`, url.Values{"navn": {"Kontorjob"}, "hyppighed": {"dagligt"}}},
		{"Tilføj job", goals, `form[data-testid="job-goal-add-form"]`, url.Values{"stilling": {"Bogholder"}}},
		{"Redigér (jobmål)", goals, `form[data-testid="job-goal-edit-form"]`, url.Values{"uddannet": {"nej"}}},
		{"Redigér (ansættelsesbetingelser)", goals, `form[data-testid="conditions-edit-form"]`, url.Values{"arbejdstid": {"Deltid"}}},
	} {
		p := c.submit(tc.page, tc.selector, tc.fields)
		if p.Status != http.StatusForbidden || !strings.Contains(p.Body, server.TextActionRefused) {
			t.Errorf("%s: %d, message shown %v", tc.name, p.Status, strings.Contains(p.Body, server.TextActionRefused))
		}
	}
	if diff := cmp.Diff(before, s.tableChecksums(t)); diff != "" {
		t.Errorf("refused forms changed rows (-before +after):\n%s", diff)
	}
	if n := s.count(t, `SELECT count(*) FROM job_goal_banners b JOIN citizens c ON c.id = b.citizen_id WHERE c.cpr = $1 AND b.dismissed_at IS NULL`,
		demo.CitizenByKey("anna").CPR); n != 1 {
		t.Error("anna's banner was dismissed")
	}
	if p := c.get("/borger/forside"); findJobTestID(p, "job-goal-banner").Length() != 1 {
		t.Error("the banner is gone after the caseworker pressed Vis ikke denne besked igen")
	}
}
