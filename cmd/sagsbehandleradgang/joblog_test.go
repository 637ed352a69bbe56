package main

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

const joblogPath = "/borger/jobsoegning/joblog"

// joblogWhole is the Joblog with both dates emptied: the whole joblog, not
// the month Jobnet fills in.
const joblogWhole = joblogPath + "?fra=&til="

// joblogCounts reads "Filtrer ud fra loggens status" as the user sees it.
func joblogCounts(p page) []string {
	var out []string
	p.Doc.Find(`[data-testid="joblog-status-filter"] a`).Each(func(_ int, a *goquery.Selection) {
		out = append(out, strings.TrimSpace(whitespace.ReplaceAllString(a.Text(), " ")))
	})
	return out
}

// joblogWantCounts is the filter's text for the given counts.
func joblogWantCounts(c demo.JoblogCounts) []string {
	out := []string{fmt.Sprintf("Alle Logs (%d)", c.All)}
	for _, st := range jobnet.JoblogStatuses {
		out = append(out, fmt.Sprintf("%s (%d)", st, c.ByStatus[st]))
	}
	return out
}

// joblogShown is a log as the list shows it: "title | employer".
func joblogShown(p page) []string {
	var out []string
	p.Doc.Find(`[data-testid="joblog-entry"]`).Each(func(_ int, e *goquery.Selection) {
		out = append(out, textIn(e, "joblog-title")+" | "+textIn(e, "joblog-employer"))
	})
	return out
}

// joblogSearch fills in the search form on p as a browser without
// JavaScript sends it: every field, the checkbox only when ticked. A value
// in fields overrides the field; "afsluttede" "" unticks the checkbox.
func (c *client) joblogSearch(p page, fields url.Values) page {
	c.t.Helper()
	form := p.Doc.Find(`form[data-testid="joblog-search"]`)
	if form.Length() == 0 || form.AttrOr("method", "") != "get" {
		c.t.Fatalf("no GET search form on %s", p.URL)
	}
	values := url.Values{}
	form.Find("input").Each(func(_ int, in *goquery.Selection) {
		name := in.AttrOr("name", "")
		if in.AttrOr("type", "") == "checkbox" {
			if _, checked := in.Attr("checked"); !checked {
				return
			}
		}
		values.Set(name, in.AttrOr("value", ""))
	})
	for k, v := range fields {
		if len(v) == 1 && v[0] == "" {
			values.Del(k)
			continue
		}
		values[k] = v
	}
	return c.get(form.AttrOr("action", "") + "?" + values.Encode())
}

// joblogAllPages follows "Næste side" from p and returns every log shown.
func (c *client) joblogAllPages(p page) []string {
	c.t.Helper()
	out := joblogShown(p)
	for i := 0; i < 10; i++ {
		next, ok := p.Doc.Find(`[data-testid="joblog-next"]`).Attr("href")
		if !ok {
			return out
		}
		p = c.get(next)
		if p.Status != http.StatusOK {
			c.t.Fatalf("next page %s: status %d", next, p.Status)
		}
		out = append(out, joblogShown(p)...)
	}
	c.t.Fatal("more than 10 pages")
	return nil
}

// joblogExpected is the demo logs of a citizen that pass keep, in the
// order the page lists them: open logs by last change, newest first, then
// the closed ones.
func joblogExpected(key string, keep func(demo.JoblogEntry) bool) []string {
	var es []demo.JoblogEntry
	for _, e := range demo.Joblogs[key] {
		if keep(e) {
			es = append(es, e)
		}
	}
	today := jobnet.Day(time.Now())
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Closed != es[j].Closed {
			return !es[i].Closed
		}
		return es[i].UpdatedAt(today).After(es[j].UpdatedAt(today))
	})
	var out []string
	for _, e := range es {
		out = append(out, e.Title+" | "+e.Employer)
	}
	return out
}

func joblogOpen(e demo.JoblogEntry) bool { return !e.Closed }

func TestJoblog_AnnasCountsPerStatus(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := c.get(joblogWhole)
	if p.Status != http.StatusOK {
		t.Fatalf("status %d", p.Status)
	}
	if got := text(p, "page-heading"); got != "Joblog" {
		t.Errorf("heading %q", got)
	}
	var crumbs []string
	p.Doc.Find(`[data-testid="breadcrumb"] li`).Each(func(_ int, li *goquery.Selection) {
		crumbs = append(crumbs, strings.TrimSpace(li.Text()))
	})
	if diff := cmp.Diff([]string{"Forside", "Jobsøgning", "Joblog"}, crumbs); diff != "" {
		t.Errorf("breadcrumb (-want +got):\n%s", diff)
	}
	if _, ok := p.Doc.Find(`[data-testid="tab-jobsoegning"]`).Attr("aria-current"); !ok {
		t.Error("the tab Jobsøgning is not the current one")
	}
	if diff := cmp.Diff(joblogWantCounts(demo.AnnaJoblogOpen), joblogCounts(p)); diff != "" {
		t.Errorf("status filter, closed logs hidden (-want +got):\n%s", diff)
	}
	if got := textIn(p.Doc.Selection, "joblog-filter-alle"); got != "Alle Logs (17)" {
		t.Errorf("Alle Logs = %q", got)
	}
	p = c.joblogSearch(p, url.Values{"afsluttede": {"1"}})
	if diff := cmp.Diff(joblogWantCounts(demo.AnnaJoblogWithClosed), joblogCounts(p)); diff != "" {
		t.Errorf("status filter with closed logs (-want +got):\n%s", diff)
	}
	// A status lists as many logs as its count says.
	p = c.get(p.Doc.Find(`[data-testid="joblog-filter-afslag"]`).AttrOr("href", ""))
	if got := len(c.joblogAllPages(p)); got != 6 {
		t.Errorf("Afslag lists %d logs, want 6", got)
	}
	p.Doc.Find(`[data-testid="joblog-entry"]`).Each(func(_ int, e *goquery.Selection) {
		if got := textIn(e, "joblog-status"); got != "Afslag" {
			t.Errorf("Afslag lists a log with status %q", got)
		}
	})
}

func TestJoblog_ClosedLogsAreHiddenUntilTheCheckboxIsTicked(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := c.get(joblogWhole)
	if _, checked := p.Doc.Find(`[data-testid="afsluttede-checkbox"]`).Attr("checked"); checked {
		t.Error("the checkbox is ticked by default")
	}
	shown := c.joblogAllPages(p)
	if diff := cmp.Diff(joblogExpected("anna", joblogOpen), shown); diff != "" {
		t.Errorf("logs by default (-want +got):\n%s", diff)
	}
	if strings.Contains(strings.Join(shown, "\n"), "Lægesekretær") {
		t.Error("a closed log is shown by default")
	}

	p = c.joblogSearch(c.get(joblogWhole), url.Values{"afsluttede": {"1"}})
	if _, checked := p.Doc.Find(`[data-testid="afsluttede-checkbox"]`).Attr("checked"); !checked {
		t.Error("the checkbox is not ticked after searching with it")
	}
	shown = c.joblogAllPages(p)
	all := func(demo.JoblogEntry) bool { return true }
	if diff := cmp.Diff(joblogExpected("anna", all), shown); diff != "" {
		t.Errorf("logs with closed ones (-want +got):\n%s", diff)
	}
	// The closed ones come last, marked, even the one changed a week ago.
	p = c.get(p.Doc.Find(`[data-testid="joblog-filter-alle"]`).AttrOr("href", "") + "&side=3")
	last := p.Doc.Find(`[data-testid="joblog-entry"]`)
	if last.Length() != 5 {
		t.Fatalf("page 3 has %d logs, want 5", last.Length())
	}
	last.Each(func(i int, e *goquery.Selection) {
		if got := textIn(e, "joblog-closed"); got != "Markeret som afsluttet" {
			t.Errorf("log %d on page 3 is not marked closed: %q", i, got)
		}
		if e.Find(`[data-testid="joblog-afslut-form"]`).Length() != 0 {
			t.Errorf("log %d is closed but has \"Marker som afsluttet\"", i)
		}
	})
}

func TestJoblog_SortedByLastChangeNewestFirst(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := c.get(joblogWhole)
	if got := text(p, "joblog-sorting"); got != "Sorteret efter ændringsdato" {
		t.Errorf("sorting text %q", got)
	}
	today := jobnet.Day(time.Now())
	var updated []string
	p.Doc.Find(`[data-testid="joblog-entry"]`).Each(func(_ int, e *goquery.Selection) {
		updated = append(updated, textIn(e, "joblog-updated"))
	})
	var want []string
	for _, d := range []int{-2, -3, -5, -7, -10, -15, -20, -22, -26, -30} {
		want = append(want, views.ShortDate(demo.On(today, d)))
	}
	if diff := cmp.Diff(want, updated); diff != "" {
		t.Errorf("\"Sidst ændret\" on page 1 (-want +got):\n%s", diff)
	}
	first := p.Doc.Find(`[data-testid="joblog-entry"]`).First()
	if got := textIn(first, "joblog-title"); got != "Kontorassistent" {
		t.Errorf("newest log %q, want Kontorassistent", got)
	}
	if got := textIn(first, "joblog-employer"); got != "Aarhus Kommune, Borgerservice" {
		t.Errorf("newest log's employer %q", got)
	}
	if got := textIn(first, "joblog-status"); got != "Samtale" {
		t.Errorf("newest log's status %q", got)
	}
	if got := textIn(first, "joblog-applied"); got != views.ShortDate(demo.On(today, -14)) {
		t.Errorf("newest log's application date %q", got)
	}
	if got := textIn(first, "joblog-how"); got != "Skriftlig" {
		t.Errorf("newest log applied %q", got)
	}
	activity := p.Doc.Find(`[data-testid="joblog-entry"]`).Eq(3)
	if got := textIn(activity, "joblog-kind"); got != "Log om anden aktivitet" {
		t.Errorf("fourth log is %q, want Log om anden aktivitet", got)
	}
	if activity.Find(`[data-testid="joblog-status"]`).Length() != 0 {
		t.Error("another activity shows a status")
	}
}

func TestJoblog_FreeTextFindsAnEmployer(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := c.joblogSearch(c.get(joblogWhole), url.Values{"tekst": {"holm & vestergaard"}})
	if p.Status != http.StatusOK {
		t.Fatalf("status %d", p.Status)
	}
	if diff := cmp.Diff([]string{"Kontorassistent (barselsvikariat) | Advokatfirmaet Holm & Vestergaard"}, joblogShown(p)); diff != "" {
		t.Errorf("logs found (-want +got):\n%s", diff)
	}
	if got := textIn(p.Doc.Selection, "joblog-filter-soegt"); got != "Søgt (1)" {
		t.Errorf("Søgt = %q, want Søgt (1)", got)
	}
	if v := p.Doc.Find(`[data-testid="tekst-input"]`).AttrOr("value", ""); v != "holm & vestergaard" {
		t.Errorf("text field holds %q", v)
	}
	// The contact person and the note are searched too.
	p = c.joblogSearch(p, url.Values{"tekst": {"Jens Mikkelsen"}})
	if diff := cmp.Diff([]string{"Administrativ medarbejder til lønteamet | Kontorservice Aarhus ApS"}, joblogShown(p)); diff != "" {
		t.Errorf("contact person search (-want +got):\n%s", diff)
	}
	p = c.joblogSearch(p, url.Values{"tekst": {"Dokk1"}})
	if got := len(joblogShown(p)); got != 1 {
		t.Errorf("note search found %d logs, want 1", got)
	}
	// Wildcards are just characters.
	p = c.joblogSearch(p, url.Values{"tekst": {"%"}})
	if got := len(joblogShown(p)); got != 0 || text(p, "joblog-empty") != "Der er ingen logs, som passer til din søgning." {
		t.Errorf("%%: %d logs, empty text %q", got, text(p, "joblog-empty"))
	}
	if got := text(p, "joblog-filter-alle"); got != "Alle Logs (0)" {
		t.Errorf("Alle Logs = %q", got)
	}
}

func TestJoblog_PeriodFilterShowsLogsChangedInThePeriod(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	today := jobnet.Day(time.Now())
	from, to := demo.On(today, -30), demo.On(today, -6)
	// dd-mm-åååå as typed, and yyyy-mm-dd as a date field sends it.
	p := c.joblogSearch(c.get(joblogWhole), url.Values{"fra": {from.Format("02-01-2006")}, "til": {to.Format(time.DateOnly)}})
	if p.Status != http.StatusOK {
		t.Fatalf("status %d", p.Status)
	}
	inPeriod := func(e demo.JoblogEntry) bool { return !e.Closed && e.Updated >= -30 && e.Updated <= -6 }
	want := joblogExpected("anna", inPeriod)
	if len(want) == 0 {
		t.Fatal("no demo logs in the period")
	}
	if diff := cmp.Diff(want, c.joblogAllPages(p)); diff != "" {
		t.Errorf("logs in the period (-want +got):\n%s", diff)
	}
	if got, wantAll := text(p, "joblog-filter-alle"), fmt.Sprintf("Alle Logs (%d)", len(want)); got != wantAll {
		t.Errorf("%s, want %s", got, wantAll)
	}
	if v := p.Doc.Find(`[data-testid="fra-input"]`).AttrOr("value", ""); v != from.Format(time.DateOnly) {
		t.Errorf("Fra dato holds %q", v)
	}
}

func TestJoblog_PagingKeepsTheFilters(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	today := jobnet.Day(time.Now())
	from := demo.On(today, -100)
	p := c.joblogSearch(c.get(joblogWhole), url.Values{"fra": {from.Format(time.DateOnly)}, "afsluttede": {"1"}})
	want := joblogExpected("anna", func(e demo.JoblogEntry) bool { return e.Updated >= -100 })
	pages := (len(want) + 9) / 10
	if pages < 3 {
		t.Fatalf("%d logs in the demo period, want three pages", len(want))
	}
	if got := text(p, "joblog-page"); got != fmt.Sprintf("Side 1 af %d", pages) {
		t.Errorf("paging %q", got)
	}
	if p.Doc.Find(`[data-testid="joblog-prev"]`).Length() != 0 {
		t.Error("page 1 has a previous page")
	}
	var shown []string
	for i := 1; i <= pages; i++ {
		if got := text(p, "joblog-page"); got != fmt.Sprintf("Side %d af %d", i, pages) {
			t.Errorf("page %d says %q", i, got)
		}
		if v := p.Doc.Find(`[data-testid="fra-input"]`).AttrOr("value", ""); v != from.Format(time.DateOnly) {
			t.Errorf("page %d: Fra dato holds %q", i, v)
		}
		if _, checked := p.Doc.Find(`[data-testid="afsluttede-checkbox"]`).Attr("checked"); !checked {
			t.Errorf("page %d: the checkbox is not ticked", i)
		}
		shown = append(shown, joblogShown(p)...)
		next, ok := p.Doc.Find(`[data-testid="joblog-next"]`).Attr("href")
		if i == pages {
			if ok {
				t.Error("the last page has a next page")
			}
			break
		}
		if !ok {
			t.Fatalf("page %d has no next page", i)
		}
		p = c.get(next)
	}
	if diff := cmp.Diff(want, shown); diff != "" {
		t.Errorf("logs over the pages (-want +got):\n%s", diff)
	}
	prev, _ := p.Doc.Find(`[data-testid="joblog-prev"]`).Attr("href")
	if p = c.get(prev); text(p, "joblog-page") != fmt.Sprintf("Side %d af %d", pages-1, pages) {
		t.Errorf("previous page says %q", text(p, "joblog-page"))
	}
	// A status chosen from a later page starts at page 1 with the filter kept.
	p = c.get(p.Doc.Find(`[data-testid="joblog-filter-soegt"]`).AttrOr("href", ""))
	wantSoegt := joblogExpected("anna", func(e demo.JoblogEntry) bool { return e.Updated >= -100 && e.Status == jobnet.JoblogSoegt })
	if diff := cmp.Diff(wantSoegt, joblogShown(p)); diff != "" {
		t.Errorf("Søgt in the period (-want +got):\n%s", diff)
	}
	// Searching again keeps the status.
	p = c.joblogSearch(p, url.Values{"tekst": {"Aarhus"}})
	p.Doc.Find(`[data-testid="joblog-entry"]`).Each(func(_ int, e *goquery.Selection) {
		if got := textIn(e, "joblog-status"); got != "Søgt" {
			t.Errorf("after searching again, a log with status %q", got)
		}
	})
	if _, ok := p.Doc.Find(`[data-testid="joblog-filter-soegt"]`).Attr("aria-current"); !ok {
		t.Error("Søgt is no longer the chosen status")
	}
}

// Bad input in the search: the page, status 400, a Danish message at the
// field, the input kept, and the logs as if the field were empty.
func TestJoblog_BadInputGetsADanishMessageAtTheField(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	long := strings.Repeat("kontor ", 30)[:201]
	tests := []struct {
		name, query     string
		errID, message  string
		inputID, kept   string // the field that keeps the input; "" for none
		alle, pageLabel string
	}{
		{"Fra dato not a date", "fra=31-02-2026", "fra-error", server.TextJoblogBadDate, "fra-input", "31-02-2026", "Alle Logs (17)", "Side 1 af 2"},
		{"Fra dato text", "fra=i+sidste+uge", "fra-error", server.TextJoblogBadDate, "fra-input", "i sidste uge", "Alle Logs (17)", "Side 1 af 2"},
		{"Til dato not a date", "til=2026-13-01", "til-error", server.TextJoblogBadDate, "til-input", "2026-13-01", "Alle Logs (17)", "Side 1 af 2"},
		{"Til dato before Fra dato", "fra=01-01-2020&til=31-12-2019", "til-error", server.TextJoblogToBeforeFrom, "til-input", "31-12-2019", "Alle Logs (17)", "Side 1 af 2"},
		{"unknown status", "status=tilbud", "status-error", server.TextJoblogBadStatus, "", "", "Alle Logs (17)", "Side 1 af 2"},
		{"page 0", "side=0", "side-error", "Siden findes ikke. Vælg en side fra 1 til 2.", "", "", "Alle Logs (17)", "Side 1 af 2"},
		{"negative page", "side=-1", "side-error", "Siden findes ikke. Vælg en side fra 1 til 2.", "", "", "Alle Logs (17)", "Side 1 af 2"},
		{"page 10^9", "side=1000000000", "side-error", "Siden findes ikke. Vælg en side fra 1 til 2.", "", "", "Alle Logs (17)", "Side 1 af 2"},
		{"page not a number", "side=to", "side-error", "Siden findes ikke. Vælg en side fra 1 til 2.", "", "", "Alle Logs (17)", "Side 1 af 2"},
		{"page past the last", "side=3", "side-error", "Siden findes ikke. Vælg en side fra 1 til 2.", "", "", "Alle Logs (17)", "Side 1 af 2"},
		{"page past the only one", "status=samtale&side=2", "side-error", "Siden findes ikke. Der er kun én side.", "", "", "Alle Logs (17)", "Side 1 af 1"},
		{"free text with a NUL byte", "tekst=a%00b", "tekst-error", server.TextJoblogBadText, "tekst-input", "a\uFFFDb", "Alle Logs (17)", "Side 1 af 2"},
		{"free text not UTF-8", "tekst=%FF", "tekst-error", server.TextJoblogBadText, "tekst-input", "\uFFFD", "Alle Logs (17)", "Side 1 af 2"},
		{"free text over 200 characters", "tekst=" + url.QueryEscape(long), "tekst-error", server.TextJoblogTextTooLong, "tekst-input", strings.TrimSpace(long), "Alle Logs (17)", "Side 1 af 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.query
			if !strings.Contains(q, "fra=") && !strings.Contains(q, "til=") {
				q = "fra=&til=&" + q // the whole joblog, not Jobnet's month
			}
			p := c.get(joblogPath + "?" + q)
			if p.Status != http.StatusBadRequest {
				t.Errorf("status %d, want 400", p.Status)
			}
			if got := text(p, tt.errID); got != "Fejl: "+tt.message {
				t.Errorf("message %q, want %q", got, tt.message)
			}
			if tt.inputID != "" {
				in := p.Doc.Find(`[data-testid="` + tt.inputID + `"]`)
				if v := in.AttrOr("value", ""); v != tt.kept {
					t.Errorf("field holds %q, want %q", v, tt.kept)
				}
				if in.AttrOr("aria-invalid", "") != "true" {
					t.Error("field not marked invalid")
				}
			}
			if got := text(p, "joblog-filter-alle"); got != tt.alle {
				t.Errorf("%s, want %s", got, tt.alle)
			}
			if got := text(p, "joblog-page"); got != tt.pageLabel {
				t.Errorf("paging %q, want %q", got, tt.pageLabel)
			}
			if len(joblogShown(p)) == 0 {
				t.Error("no logs shown")
			}
		})
	}
	if strings.Contains(s.logs.String(), "internal error") {
		t.Error("a bad search was logged as an internal error")
	}
}

// The citizen's forms are shown as the citizen has them; submitting any of
// them is refused with 403 and changes no log.
func TestJoblog_CitizensFormsAreRefusedAndChangeNothing(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	before := s.tableChecksums(t)["joblog_entries"]
	if !strings.HasPrefix(before, "33:") {
		t.Errorf("joblog table %s, want the 33 demo logs", before)
	}
	p := c.get(joblogWhole)
	if got := text(p, "joblog-add-job"); got != "Log om jobsøgning" {
		t.Errorf("add button %q", got)
	}
	var posts []url.Values
	var actions []string
	add := p.Doc.Find(`form[data-testid="joblog-add-form"]`)
	add.Find("button").Each(func(_ int, b *goquery.Selection) {
		actions = append(actions, add.AttrOr("action", ""))
		posts = append(posts, url.Values{b.AttrOr("name", ""): {b.AttrOr("value", "")}})
	})
	first := p.Doc.Find(`[data-testid="joblog-entry"]`).First()
	for _, id := range []string{"joblog-rediger-form", "joblog-afslut-form", "joblog-slet-form"} {
		form := first.Find(`form[data-testid="` + id + `"]`)
		if form.Length() != 1 {
			t.Fatalf("no %s on the first log", id)
		}
		actions = append(actions, form.AttrOr("action", ""))
		posts = append(posts, url.Values{})
	}
	var buttons []string
	first.Find("form button").Each(func(_ int, b *goquery.Selection) {
		buttons = append(buttons, strings.TrimSpace(whitespace.ReplaceAllString(b.Text(), " ")))
	})
	if diff := cmp.Diff([]string{"Redigér", "Marker som afsluttet", "Slet"}, buttons); diff != "" {
		t.Errorf("the log's buttons (-want +got):\n%s", diff)
	}
	if len(actions) != 5 {
		t.Fatalf("%d forms, want 5", len(actions))
	}
	for i, action := range actions {
		if !strings.HasPrefix(action, "/borger/jobsoegning/joblog/") {
			t.Errorf("form %d posts to %q", i, action)
		}
		r := c.post(action, posts[i])
		if r.Status != http.StatusForbidden || !strings.Contains(r.Body, server.TextActionRefused) {
			t.Errorf("POST %s: status %d, want 403 %q", action, r.Status, server.TextActionRefused)
		}
	}
	if after := s.tableChecksums(t)["joblog_entries"]; after != before {
		t.Errorf("the joblog changed: %s, then %s", before, after)
	}
}

func TestJoblog_OtherCitizens(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "bo")
	p := c.get(joblogWhole)
	if got, want := len(joblogShown(p)), len(joblogExpected("bo", joblogOpen)); got != want || got != 5 {
		t.Errorf("Bo: %d open logs shown, want %d (5)", got, want)
	}
	if got := text(p, "joblog-page"); got != "Side 1 af 1" {
		t.Errorf("Bo's paging %q", got)
	}
	c = s.actingFor(t, "berit", "camilla")
	if diff := cmp.Diff(joblogExpected("camilla", joblogOpen), joblogShown(c.get(joblogWhole))); diff != "" {
		t.Errorf("Camilla's logs (-want +got):\n%s", diff)
	}
	// A jobcenter caseworker's citizen without logs.
	c = s.actingFor(t, "nina", "lars")
	p = c.get(joblogWhole)
	if p.Status != http.StatusOK || text(p, "joblog-empty") != "Du har ikke oprettet nogen logs endnu." || text(p, "joblog-filter-alle") != "Alle Logs (0)" {
		t.Errorf("Lars: status %d, empty %q, %q", p.Status, text(p, "joblog-empty"), text(p, "joblog-filter-alle"))
	}
}

// In a real browser: the Joblog reached from the Jobsøgning tab, the
// checkbox and "Søg" without JavaScript, and a bad date at its field, each
// without axe-core violations.
func TestBrowser_Joblog(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "berit")
	b.lookUp(ctx, demo.CitizenByKey("anna").CPR, "welcome")
	b.do(ctx,
		chromedp.Click(testid("tab-jobsoegning")), chromedp.WaitVisible(testid("tile-joblog")),
		chromedp.Click(testid("tile-joblog")), chromedp.WaitVisible(testid("joblog-list")),
		// The whole joblog, not the month Jobnet fills in (TestBrowser_JoblogAsJobnetShowsIt).
		chromedp.Navigate(s.BaseURL+joblogWhole), chromedp.WaitVisible(testid("joblog-list")),
	)
	if got := b.text(ctx, "joblog-filter-alle"); got != "Alle Logs (17)" {
		t.Errorf("Alle Logs: %q", got)
	}
	b.screenshot(ctx, "joblog-01-anna")
	b.checkAccessibility(ctx, "Joblog")

	b.do(ctx,
		chromedp.Click(chromedp.CSS(`label[for="afsluttede"]`)),
		chromedp.Click(testid("joblog-search-submit")),
		// The new page's links carry the checkbox.
		chromedp.WaitVisible(chromedp.CSS(`a[data-testid="joblog-filter-alle"][href*="afsluttede=1"]`)),
	)
	if got := b.text(ctx, "joblog-filter-alle"); got != "Alle Logs (25)" {
		t.Errorf("Alle Logs with closed logs: %q", got)
	}
	if got := b.text(ctx, "joblog-page"); got != "Side 1 af 3" {
		t.Errorf("paging: %q", got)
	}

	b.do(ctx, chromedp.Navigate(s.BaseURL+joblogPath+"?fra=31-02-2026&til=01-01-2026"), chromedp.WaitVisible(testid("fra-error")))
	if got := b.text(ctx, "fra-error"); got != "Fejl: "+server.TextJoblogBadDate {
		t.Errorf("Fra dato error: %q", got)
	}
	b.screenshot(ctx, "joblog-02-ugyldig-dato")
	b.checkAccessibility(ctx, "Joblog med fejl")
}

// Jobnet fills in the period from a month before today to today (seed 001
// billede 8), and the list is of the logs changed in it (issue 9, point 4).
func TestJoblog_OpensWithJobnetsPeriodFilledIn(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := c.get(joblogPath)
	today := jobnet.Day(time.Now())
	from := today.AddDate(0, -1, 0)
	if got := findJobTestID(p, "fra-input").AttrOr("value", ""); got != from.Format(time.DateOnly) {
		t.Errorf("Fra dato %q, want %s", got, from.Format(time.DateOnly))
	}
	if got := findJobTestID(p, "til-input").AttrOr("value", ""); got != today.Format(time.DateOnly) {
		t.Errorf("Til dato %q, want %s", got, today.Format(time.DateOnly))
	}
	want := joblogExpected("anna", func(e demo.JoblogEntry) bool {
		return !e.Closed && !demo.On(today, e.Updated).Before(from)
	})
	if got := c.joblogAllPages(p); !cmp.Equal(got, want) {
		t.Errorf("logs in the month %q, want %q", got, want)
	}
	if len(want) == 0 || len(want) == len(joblogExpected("anna", joblogOpen)) {
		t.Fatalf("the demo data does not tell the month from the whole joblog (%d logs)", len(want))
	}
	// The status links keep the period.
	if href := findJobTestID(p, "joblog-filter-soegt").AttrOr("href", ""); !strings.Contains(href, "fra="+from.Format(time.DateOnly)) {
		t.Errorf("Søgt link %q loses the period", href)
	}
}

// The status filter in force is marked for the eye and for a screen reader
// (issue 9, point 4).
func TestJoblog_TheStatusFilterInForceIsMarked(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "nina", "anna")
	for _, tc := range []struct{ query, current string }{
		{"", "joblog-filter-alle"},
		{"&status=soegt", "joblog-filter-soegt"},
		{"&status=ikke-soegt", "joblog-filter-ikke-soegt"},
	} {
		p := c.get(joblogWhole + tc.query)
		marked := p.Doc.Find(`[data-testid="joblog-status-filter"] a[aria-current="true"]`)
		if marked.Length() != 1 || marked.AttrOr("data-testid", "") != tc.current {
			t.Errorf("%q: aria-current on %d links (%q), want %s", tc.query, marked.Length(), marked.AttrOr("data-testid", ""), tc.current)
		}
		styled := p.Doc.Find(`[data-testid="joblog-status-filter"] a.app-filter-current`)
		if styled.Length() != 1 || styled.AttrOr("data-testid", "") != tc.current || styled.Find("svg").Length() != 1 {
			t.Errorf("%q: %d links marked for the eye, want %s with its tick", tc.query, styled.Length(), tc.current)
		}
	}
}

// Joblog as Jobnet shows it: the period filled in, the status filter marked,
// "Se gemte job" and "Vis på kort" (issue 9, point 4).
func TestBrowser_JoblogAsJobnetShowsIt(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "nina")
	b.lookUp(ctx, demo.CitizenByKey("anna").CPR, "welcome")
	b.do(ctx,
		chromedp.Click(testid("tab-jobsoegning")), chromedp.WaitVisible(testid("tile-joblog")),
		chromedp.Click(testid("tile-joblog")), chromedp.WaitVisible(testid("joblog-list")),
	)
	today := jobnet.Day(time.Now())
	if got, _ := chromedp.Run(ctx, chromedp.Value(testid("fra-input"))); got != today.AddDate(0, -1, 0).Format(time.DateOnly) {
		t.Errorf("Fra dato %q", got)
	}
	if got, _ := chromedp.Run(ctx, chromedp.Value(testid("til-input"))); got != today.Format(time.DateOnly) {
		t.Errorf("Til dato %q", got)
	}
	b.do(ctx, chromedp.Click(testid("joblog-filter-soegt")),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="joblog-filter-soegt"][aria-current="true"]`)))
	// The marked link looks different from the others.
	differs, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
		const on = getComputedStyle(document.querySelector('[data-testid="joblog-filter-soegt"]'));
		const off = getComputedStyle(document.querySelector('[data-testid="joblog-filter-samtale"]'));
		return on.borderBottomWidth !== off.borderBottomWidth && on.borderBottomStyle === "solid";
	})()`))
	if err != nil || !differs {
		t.Errorf("the status in force does not look marked (%v)", err)
	}
	b.screenshotWidths(ctx, "joblog-periode-og-status", "joblog-periode-og-status")
	b.checkAccessibility(ctx, "Joblog med status Søgt")

	b.do(ctx, chromedp.Click(testid("joblog-saved-jobs")), chromedp.WaitVisible(testid("saved-jobs")))
	if got := b.text(ctx, "saved-title"); got != demo.KontorPostingAarhus.Title {
		t.Errorf("first saved job %q", got)
	}
	b.screenshotWidths(ctx, "joblog-gemte-job", "joblog-gemte-job")
	b.checkAccessibility(ctx, "Gemte job")

	b.do(ctx, chromedp.Click(testid("back-to-joblog")), chromedp.WaitVisible(testid("joblog-map")),
		chromedp.Click(testid("joblog-map")), chromedp.WaitVisible(testid("maps-notice")))
	if got := b.text(ctx, "maps-place-name"); got == "" {
		t.Error("no place on the map")
	}
	b.screenshotWidths(ctx, "joblog-vis-paa-kort", "joblog-vis-paa-kort")
	b.checkAccessibility(ctx, "Vis på kort")
	b.do(ctx, chromedp.Click(testid("maps-cancel")), chromedp.WaitVisible(testid("joblog-list")))
}
