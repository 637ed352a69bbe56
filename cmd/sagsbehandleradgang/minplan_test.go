package main

import (
	"net/http"
	"net/url"
	"strconv"
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

const minPlanPath = "/borger/planer/min-plan"

// minPlanHiddenFromAkasse are the titles and texts of anna's plan that the
// a-kasse may never see (seed 001 §5.1): the hjælpemiddel, the mentor, the
// sygeopfølgning and the agreement of the sygedagpenge period, "Min sag til
// teamet" and the integration contract.
var minPlanHiddenFromAkasse = []string{
	"Hjælpemiddel", "ergonomisk kontorstol",
	"Mentor", "Mentorhuset",
	"Sygeopfølgning", "raskmelding", "gradvist genoptager",
	"Min sag til teamet", "rehabiliteringsteam",
	"Integrationskontrakt", "integrationsloven",
}

// minPlanTitles are the items' titles as the page shows them.
func minPlanTitles(p page) []string {
	var out []string
	p.Doc.Find(`[data-testid="minplan-item"] [data-testid="minplan-item-title"]`).Each(func(_ int, s *goquery.Selection) {
		out = append(out, strings.TrimSpace(s.Text()))
	})
	return out
}

// minPlanPlanTitles are the titles of the plan's items, without the
// planned meetings shown among them.
func minPlanPlanTitles(p page) []string {
	var out []string
	p.Doc.Find(`[data-testid="minplan-item"]:not([data-meeting])`).Each(func(_ int, s *goquery.Selection) {
		out = append(out, textIn(s, "minplan-item-title"))
	})
	return out
}

// minPlanItem finds the item with the title on p.
func minPlanItem(p page, title string) *goquery.Selection {
	return p.Doc.Find(`[data-testid="minplan-item"]`).FilterFunction(func(_ int, s *goquery.Selection) bool {
		return textIn(s, "minplan-item-title") == title
	}).First()
}

func minPlanToday() time.Time { return jobnet.Day(time.Now()) }

// minPlanAddMonths is n months from day, on the month's last day where the
// day does not exist.
func minPlanAddMonths(day time.Time, n int) time.Time {
	first := time.Date(day.Year(), day.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	d := min(day.Day(), first.AddDate(0, 1, -1).Day())
	return first.AddDate(0, 0, d-1)
}

func minPlanRange(first time.Time, months int) string {
	return views.PlanDate(first) + " - " + views.PlanDate(minPlanAddMonths(first, months))
}

func minPlanMustGet(t *testing.T, c *client, path string) page {
	t.Helper()
	p := c.get(path)
	if p.Status != http.StatusOK {
		t.Fatalf("%s: status %d\n%s", path, p.Status, text(p, "page-heading"))
	}
	return p
}

func minPlanAssertAbsent(t *testing.T, p page, where string) {
	t.Helper()
	body := strings.ToLower(p.Body)
	for _, s := range minPlanHiddenFromAkasse {
		if strings.Contains(body, strings.ToLower(s)) {
			t.Errorf("%s: the a-kasse sees %q", where, s)
		}
	}
}

func TestMinPlan_AkasseSeesJobmaalAndTheLatestAgreementWithJobcenterAndAkasse(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := minPlanMustGet(t, c, minPlanPath)
	today := minPlanToday()

	if got := text(p, "page-heading"); got != "Min plan" {
		t.Errorf("heading %q", got)
	}
	if got := text(p, "breadcrumb"); !strings.Contains(got, "Planer og aftaler") {
		t.Errorf("breadcrumb %q", got)
	}
	if got := text(p, "minplan-jobmaal-title"); got != "Kontorassistent (kontorfunktionær)" {
		t.Errorf("Jobmål %q", got)
	}
	if got := text(p, "minplan-jobmaal-agreed"); got != "Aftalt med Nina Pettersen" {
		t.Errorf("Jobmål agreed %q", got)
	}
	link := p.Doc.Find(`[data-testid="minplan-find-job"]`)
	if href, _ := link.Attr("href"); href != "/borger/jobsoegning/find-job?stilling="+strconv.Itoa(demo.OccupationID("Kontorassistent (kontorfunktionær)")) {
		t.Errorf("FIND JOB leads to %q", href)
	}
	if got := whitespace.ReplaceAllString(strings.TrimSpace(link.Text()), " "); got != "FIND JOB" {
		t.Errorf("Jobmål link %q", got)
	}

	if got := text(p, "minplan-seneste-jobcenter-text"); got != demo.PlanAnnaJobcenterAgreement {
		t.Errorf("Seneste aftale med jobcenter %q", got)
	}
	if got, want := text(p, "minplan-seneste-jobcenter-agreed"), "Aftalt med Nina Pettersen, den "+views.ShortDate(today.AddDate(0, 0, -20)); got != want {
		t.Errorf("jobcenter agreement: %q, want %q", got, want)
	}
	if got := text(p, "minplan-seneste-akasse-text"); got != demo.PlanAnnaAkasseAgreement {
		t.Errorf("Seneste aftale med a-kasse %q", got)
	}
	if got, want := text(p, "minplan-seneste-akasse-agreed"), "Aftalt med Berit Hansen, den "+views.ShortDate(today.AddDate(0, 0, -35)); got != want {
		t.Errorf("a-kasse agreement: %q, want %q", got, want)
	}
	for _, h := range []string{"Seneste aftale med jobcenter", "Seneste aftale med a-kasse", "Jobmål", "Indsatser og aftaler"} {
		if !strings.Contains(p.Body, h) {
			t.Errorf("no %q on the page", h)
		}
	}
}

func TestMinPlan_AkasseSeesKravTilJobsoegningLoentilskudAndJobsamtaleInBothViews(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	want := []string{
		"Krav til jobsøgning (Styrelsen for Arbejdsmarked og Rekruttering)",
		"Aftale med jobcenter",
		"Aftale med a-kasse",
		"Aftale med a-kasse",
		"Jobsamtale",
		"Aftale med jobcenter",
		"Kursus i regneark og digital sagsbehandling",
		"Løntilskud",
	}
	for _, visning := range []string{"tidslinje", "liste"} {
		p := minPlanMustGet(t, c, minPlanPath+"?visning="+visning)
		got := minPlanPlanTitles(p)
		if visning == "liste" {
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("list (-want +got):\n%s", diff)
			}
		} else {
			for _, w := range []string{"Krav til jobsøgning (Styrelsen for Arbejdsmarked og Rekruttering)", "Løntilskud", "Jobsamtale"} {
				if !strings.Contains(strings.Join(got, "|"), w) {
					t.Errorf("timeline has no %q: %v", w, got)
				}
			}
			if len(got) != len(want) {
				t.Errorf("timeline shows %d items, want %d: %v", len(got), len(want), got)
			}
		}
		minPlanAssertAbsent(t, p, visning)
	}
}

// The reference example of the guide: billede 14 is what the citizen (and
// the jobcenter) sees, billede 15 what the a-kasse sees, in every window
// and both views, however far back in time the caseworker goes.
func TestMinPlan_AkasseNeverSeesHjaelpemiddelSygeopfoelgningMentorTeametOrIntegrationskontrakt(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	today := minPlanToday()
	seenKrav := false
	for _, visning := range []string{"tidslinje", "liste"} {
		for _, months := range []int{3, 6, 12} {
			// From two windows ahead back to more than three years ago (the
			// ressourceforløb with "Min sag til teamet").
			path := minPlanPath + "?" + url.Values{"visning": {visning}, "periode": {strconv.Itoa(months)}, "udfold": {"alle"},
				"fra": {minPlanAddMonths(today, 2*months).Format(time.DateOnly)}}.Encode()
			for i := 0; ; i++ {
				p := minPlanMustGet(t, c, path)
				where := visning + " " + text(p, "minplan-range")
				minPlanAssertAbsent(t, p, where)
				if strings.Contains(p.Body, "Krav til jobsøgning") {
					seenKrav = true
				}
				prev, ok := p.Doc.Find(`[data-testid="minplan-prev"]`).Attr("href")
				if !ok {
					t.Fatalf("%s: no way back in time", where)
				}
				u, _ := url.Parse(prev)
				from, err := time.Parse(time.DateOnly, u.Query().Get("fra"))
				if err != nil {
					t.Fatalf("%s: back leads to %q", where, prev)
				}
				if from.Before(today.AddDate(-3, -1, 0)) || i > 60 {
					break
				}
				path = prev
			}
		}
	}
	if !seenKrav {
		t.Error("no window showed Krav til jobsøgning: the pages show nothing at all")
	}

	// The Kalender shows the same items: every month of the last three
	// years and the next three months.
	for m := -36; m <= 3; m++ {
		month := time.Date(today.Year(), today.Month()+time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		p := minPlanMustGet(t, c, kalenderPath+"?maaned="+month.Format("2006-01"))
		minPlanAssertAbsent(t, p, "Kalender "+month.Format("2006-01"))
	}
}

// The guide: "Du kan se planlagte samtaler i a-kassen både under møder, i
// kalenderen og i tidslinjen i Min Plan" (seed 001 §5.2).
func TestMinPlan_PlannedMeetingsAreShownWithTheItems(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	today := minPlanToday()
	var planned []demo.PlannedMeeting
	var hidden []string
	for _, m := range demo.Meetings["anna"] {
		switch {
		case m.Days < 0 || m.Days >= 60:
		case akasseSeesMeeting(m):
			planned = append(planned, m)
		default:
			hidden = append(hidden, m.Title)
		}
	}
	if len(hidden) == 0 {
		t.Error("anna has no planned meeting the a-kasse may not see")
	}
	if len(planned) == 0 {
		t.Skip("anna has no planned meetings in the demo data")
	}
	p := minPlanMustGet(t, c, minPlanPath)
	var owners []string
	p.Doc.Find(`[data-testid="minplan-owner"]`).Each(func(_ int, s *goquery.Selection) { owners = append(owners, strings.TrimSpace(s.Text())) })
	if len(owners) == 0 || owners[len(owners)-1] != "Planlagte møder" {
		t.Errorf("timeline rows %v, want the planned meetings last", owners)
	}
	p = minPlanMustGet(t, c, minPlanPath+"?visning=liste")
	for _, m := range planned {
		at := m.StartsAt(today)
		found := false
		p.Doc.Find(`[data-testid="minplan-item"][data-meeting]`).Each(func(_ int, s *goquery.Selection) {
			if textIn(s, "minplan-item-title") == m.Title && textIn(s, "minplan-item-period") == views.PlanDate(jobnet.Day(at))+" kl. "+at.Format("15.04") {
				found = true
			}
		})
		if !found {
			t.Errorf("the planned meeting %q on %s is not shown", m.Title, at)
		}
	}
	for _, title := range hidden {
		if strings.Contains(p.Body, title) {
			t.Errorf("the a-kasse's Min plan shows the meeting %q", title)
		}
	}
}

func TestMinPlan_JobcenterSeesEveryItemIncludingHjaelpemiddelSygeopfoelgningAndTeamet(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "nina", "anna")
	p := minPlanMustGet(t, c, minPlanPath+"?visning=liste&udfold=alle")
	titles := strings.Join(minPlanTitles(p), "|")
	for _, w := range []string{"Hjælpemiddel: ergonomisk kontorstol", "Mentor: Peter fra Mentorhuset",
		"Integrationskontrakt: danskuddannelse og sprogpraktik", "Løntilskud", "Jobsamtale"} {
		if !strings.Contains(titles, w) {
			t.Errorf("the jobcenter does not see %q: %v", w, titles)
		}
	}
	if got := textIn(minPlanItem(p, "Hjælpemiddel: ergonomisk kontorstol"), "minplan-item-text"); !strings.Contains(got, "ergonomisk kontorstol") {
		t.Errorf("hjælpemiddel unfolds to %q", got)
	}
	// Eight months back: the sygedagpenge period.
	p = minPlanMustGet(t, c, minPlanPath+"?visning=liste&fra=-9")
	if titles := minPlanTitles(p); !strings.Contains(strings.Join(titles, "|"), "Sygeopfølgningssamtale") {
		t.Errorf("no sygeopfølgning 9 months back: %v", titles)
	}
	// Three years back, in a 12-month window: the ressourceforløb.
	p = minPlanMustGet(t, c, minPlanPath+"?visning=liste&periode=12&fra=-36")
	if titles := minPlanTitles(p); !strings.Contains(strings.Join(titles, "|"), "Min sag til teamet") {
		t.Errorf("no Min sag til teamet 3 years back: %v", titles)
	}
	// The latest agreements are the same as the a-kasse's here.
	if got := text(p, "minplan-seneste-jobcenter-text"); got != demo.PlanAnnaJobcenterAgreement {
		t.Errorf("Seneste aftale med jobcenter %q", got)
	}
}

func TestMinPlan_JobcenterSeesLarsFleksjobPlanAndNoAkasseAgreement(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "nina", "lars")
	p := minPlanMustGet(t, c, minPlanPath+"?visning=liste")
	if got := text(p, "minplan-jobmaal-title"); got != "Ejendomsservicetekniker" {
		t.Errorf("Jobmål %q", got)
	}
	if got := text(p, "minplan-seneste-akasse-none"); got != "Der er endnu ingen aftale med a-kassen." {
		t.Errorf("a-kasse box %q", got)
	}
	titles := strings.Join(minPlanTitles(p), "|")
	for _, w := range []string{"Virksomhedspraktik i fleksjob hos Aarhus Vand", "Personlig assistance: hjælp til tunge løft", "Jobsamtale"} {
		if !strings.Contains(titles, w) {
			t.Errorf("no %q: %v", w, titles)
		}
	}
}

func TestMinPlan_CitizenWithoutPlanSaysSo(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "bo")
	p := minPlanMustGet(t, c, minPlanPath)
	if got := text(p, "minplan-jobmaal-none"); got != "Der er ikke aftalt et jobmål." {
		t.Errorf("Jobmål %q", got)
	}
	if got := text(p, "minplan-seneste-jobcenter-none"); got != "Der er endnu ingen aftale med jobcentret." {
		t.Errorf("jobcenter box %q", got)
	}
	if got := text(p, "minplan-empty"); got != server.TextMinPlanEmpty {
		t.Errorf("items: %q", got)
	}
}

func TestMinPlan_ListShowsEachItemsPeriodOrHeleTiden(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := minPlanMustGet(t, c, minPlanPath+"?visning=liste")
	today := minPlanToday()
	for title, want := range map[string]string{
		"Krav til jobsøgning (Styrelsen for Arbejdsmarked og Rekruttering)": "Hele tiden",
		"Løntilskud": views.PlanDate(today.AddDate(0, 0, 30)) + " - " + views.PlanDate(today.AddDate(0, 0, 60)),
		"Jobsamtale": views.PlanDate(today.AddDate(0, 0, -20)),
	} {
		if got := textIn(minPlanItem(p, title), "minplan-item-period"); got != want {
			t.Errorf("%s: period %q, want %q", title, got, want)
		}
	}
	// Unfolding Løntilskud shows the agreement.
	it := minPlanItem(p, "Løntilskud")
	if got := textIn(it, "minplan-item-agreed"); got != "Aftalt med Nina Pettersen, den "+views.ShortDate(today.AddDate(0, 0, -20)) {
		t.Errorf("Løntilskud agreed: %q", got)
	}
	if got := textIn(it, "minplan-item-owner"); got != "Ansvarlig: Jobcenter Aarhus" {
		t.Errorf("Løntilskud owner: %q", got)
	}
	if got := textIn(it, "minplan-item-text"); !strings.Contains(got, "Borgerservice") {
		t.Errorf("Løntilskud text: %q", got)
	}
}

func TestMinPlan_TimelineHasAMonthAxisAndBarsInRowsByOwner(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	today := minPlanToday()
	first := minPlanAddMonths(today, -3)
	p := minPlanMustGet(t, c, minPlanPath+"?fra="+first.Format(time.DateOnly))
	if strings.Contains(p.Body, "style=") {
		t.Error("the timeline uses inline style, which the Content-Security-Policy forbids")
	}
	var months []string
	p.Doc.Find(`[data-testid="minplan-month"]`).Each(func(_ int, s *goquery.Selection) {
		months = append(months, strings.Fields(s.Text())[0])
		if !s.HasClass("mp-span-2") {
			t.Errorf("a month of a 6-month window spans %q, want 2 of 12 columns", s.AttrOr("class", ""))
		}
	})
	var want []string
	for i := range 6 {
		want = append(want, views.PlanMonth(minPlanAddMonths(first, i).AddDate(0, 0, 15)))
	}
	if diff := cmp.Diff(want, months); diff != "" {
		t.Errorf("month axis (-want +got):\n%s", diff)
	}
	var owners []string
	p.Doc.Find(`[data-testid="minplan-owner"]`).Each(func(_ int, s *goquery.Selection) { owners = append(owners, strings.TrimSpace(s.Text())) })
	if diff := cmp.Diff([]string{"Styrelsen for Arbejdsmarked og Rekruttering", "Jobcenter Aarhus", "A-kasse 22 Fagenes Fællesskab"}, owners[:min(3, len(owners))]); diff != "" {
		t.Errorf("rows by owner (-want +got):\n%s", diff)
	}
	// "Hele tiden" runs off the window's end; Løntilskud lies inside it.
	krav := minPlanItem(p, "Krav til jobsøgning (Styrelsen for Arbejdsmarked og Rekruttering)").Find(`[data-testid="minplan-bar"]`)
	if !krav.HasClass("mp-cut-end") || !krav.HasClass("mp-cut-start") {
		t.Errorf("Krav til jobsøgning's bar: %q", krav.AttrOr("class", ""))
	}
	bar := minPlanItem(p, "Løntilskud").Find(`[data-testid="minplan-bar"]`)
	if bar.HasClass("mp-cut-end") || bar.HasClass("mp-cut-start") || !strings.Contains(bar.AttrOr("class", ""), "mp-start-") {
		t.Errorf("Løntilskud's bar: %q", bar.AttrOr("class", ""))
	}
	// Løntilskud (today+30 to today+60) starts in the second half of the window.
	var start int
	for _, cls := range strings.Fields(bar.AttrOr("class", "")) {
		if n, ok := strings.CutPrefix(cls, "mp-start-"); ok {
			start, _ = strconv.Atoi(n)
		}
	}
	if start < 7 || start > 9 {
		t.Errorf("Løntilskud starts in column %d of 12", start)
	}

	if p.Doc.Find(`[data-testid="minplan-today-mark"]`).Length() != 1 {
		t.Error("the timeline does not mark today")
	}
	if p := minPlanMustGet(t, c, minPlanPath+"?fra=-12"); p.Doc.Find(`[data-testid="minplan-today-mark"]`).Length() != 0 {
		t.Error("a window a year ago marks today")
	}

	for months, span := range map[int]string{3: "mp-span-4", 12: "mp-span-1"} {
		p := minPlanMustGet(t, c, minPlanPath+"?periode="+strconv.Itoa(months))
		axis := p.Doc.Find(`[data-testid="minplan-month"]`)
		if axis.Length() != months || !axis.First().HasClass(span) {
			t.Errorf("periode=%d: %d months on the axis, first %q", months, axis.Length(), axis.First().AttrOr("class", ""))
		}
	}
}

func TestMinPlan_BackAndForwardInTimeAndGaaTilIDag(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	today := minPlanToday()
	p := minPlanMustGet(t, c, minPlanPath+"?visning=liste")
	def := minPlanAddMonths(today, -3)
	if got, want := text(p, "minplan-range"), minPlanRange(def, 6); got != want {
		t.Fatalf("range %q, want %q", got, want)
	}
	// ‹ goes back six months and keeps the list.
	p = minPlanMustGet(t, c, p.Doc.Find(`[data-testid="minplan-prev"]`).AttrOr("href", ""))
	back := minPlanAddMonths(def, -6)
	if got, want := text(p, "minplan-range"), minPlanRange(back, 6); got != want {
		t.Errorf("back: range %q, want %q", got, want)
	}
	if p.Doc.Find(`[data-testid="minplan-list"]`).Length() != 1 {
		t.Error("back in time left the list")
	}
	titles := strings.Join(minPlanTitles(p), "|")
	if strings.Contains(titles, "Løntilskud") || !strings.Contains(titles, "Aftale med jobcenter") {
		t.Errorf("six months back shows %v", titles)
	}
	// › twice: six months ahead of the default.
	p = minPlanMustGet(t, c, p.Doc.Find(`[data-testid="minplan-next"]`).AttrOr("href", ""))
	p = minPlanMustGet(t, c, p.Doc.Find(`[data-testid="minplan-next"]`).AttrOr("href", ""))
	if got, want := text(p, "minplan-range"), minPlanRange(minPlanAddMonths(back, 12), 6); got != want {
		t.Errorf("forward: range %q, want %q", got, want)
	}
	// Gå til i dag.
	p = minPlanMustGet(t, c, p.Doc.Find(`[data-testid="minplan-today"]`).AttrOr("href", ""))
	if got, want := text(p, "minplan-range"), minPlanRange(def, 6); got != want {
		t.Errorf("Gå til i dag: range %q, want %q", got, want)
	}
	// A month offset works as well as a date.
	p = minPlanMustGet(t, c, minPlanPath+"?fra=-12&periode=12")
	if got, want := text(p, "minplan-range"), minPlanRange(minPlanAddMonths(today, -12), 12); got != want {
		t.Errorf("fra=-12: range %q, want %q", got, want)
	}
}

func TestMinPlan_PeriodSelectorAndViewSwitchWorkWithoutJavaScript(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := minPlanMustGet(t, c, minPlanPath)
	if p.Doc.Find(`[data-testid="minplan-timeline"]`).Length() != 1 {
		t.Error("the timeline is not the default view")
	}
	if got := p.Doc.Find(`[data-testid="minplan-periode"] option[selected]`).Text(); got != "6 måneder" {
		t.Errorf("selected period %q", got)
	}
	// Liste.
	p = minPlanMustGet(t, c, p.Doc.Find(`[data-testid="minplan-visning-liste"]`).AttrOr("href", ""))
	if p.Doc.Find(`[data-testid="minplan-list"]`).Length() != 1 {
		t.Fatal("Liste does not show the list")
	}
	if _, ok := p.Doc.Find(`[data-testid="minplan-visning-liste"]`).Attr("aria-current"); !ok {
		t.Error("Liste is not marked as the current view")
	}
	// The period form, as a browser sends it: its fields, 12 months chosen.
	form := p.Doc.Find(`form[data-testid="minplan-period-form"]`)
	if form.AttrOr("method", "") != "get" {
		t.Fatal("the period selector is not a GET form")
	}
	values := url.Values{}
	form.Find("input[type=hidden]").Each(func(_ int, in *goquery.Selection) { values.Set(in.AttrOr("name", ""), in.AttrOr("value", "")) })
	values.Set("periode", "12")
	p = minPlanMustGet(t, c, form.AttrOr("action", "")+"?"+values.Encode())
	if p.Doc.Find(`[data-testid="minplan-list"]`).Length() != 1 {
		t.Error("choosing a period left the list")
	}
	if got, want := text(p, "minplan-range"), minPlanRange(minPlanAddMonths(minPlanToday(), -6), 12); got != want {
		t.Errorf("12 months: range %q, want %q", got, want)
	}
	if got := p.Doc.Find(`[data-testid="minplan-periode"] option[selected]`).Text(); got != "12 måneder" {
		t.Errorf("selected period %q", got)
	}
}

func TestMinPlan_FoldAlleUdAndFoldAlleInd(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	for _, visning := range []string{"tidslinje", "liste"} {
		p := minPlanMustGet(t, c, minPlanPath+"?visning="+visning)
		items := p.Doc.Find(`details[data-testid="minplan-item"]`)
		if items.Length() == 0 || items.Filter("[open]").Length() != 0 {
			t.Errorf("%s: %d items, %d unfolded at first", visning, items.Length(), items.Filter("[open]").Length())
		}
		p = minPlanMustGet(t, c, p.Doc.Find(`[data-testid="minplan-fold-out"]`).AttrOr("href", ""))
		items = p.Doc.Find(`details[data-testid="minplan-item"]`)
		if items.Length() == 0 || items.Not("[open]").Length() != 0 {
			t.Errorf("%s: Fold alle ud left %d of %d folded", visning, items.Not("[open]").Length(), items.Length())
		}
		if (p.Doc.Find(`[data-testid="minplan-list"]`).Length() == 1) != (visning == "liste") {
			t.Errorf("%s: Fold alle ud changed the view", visning)
		}
		p = minPlanMustGet(t, c, p.Doc.Find(`[data-testid="minplan-fold-in"]`).AttrOr("href", ""))
		if n := p.Doc.Find(`details[data-testid="minplan-item"][open]`).Length(); n != 0 {
			t.Errorf("%s: Fold alle ind left %d unfolded", visning, n)
		}
	}
}

func TestMinPlan_MalformedParametersGiveADanishMessageAnd400WithTheDefaultView(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	def := minPlanRange(minPlanAddMonths(minPlanToday(), -3), 6)
	for _, tt := range []struct{ query, testid, message string }{
		{"periode=7", "periode-error", server.TextMinPlanBadPeriod},
		{"periode=abc", "periode-error", server.TextMinPlanBadPeriod},
		{"fra=garbage", "fra-error", server.TextMinPlanBadDate},
		{"fra=2020-02-30", "fra-error", server.TextMinPlanBadDate},
		{"fra=9999-01-01", "fra-error", server.TextMinPlanBadDate},
		{"fra=2091-01-01", "fra-error", server.TextMinPlanDateRange},
		{"fra=-999", "fra-error", server.TextMinPlanDateRange},
		{"visning=kalender", "visning-error", server.TextMinPlanBadView},
		{"udfold=maaske", "udfold-error", server.TextMinPlanBadFold},
	} {
		p := c.get(minPlanPath + "?" + tt.query)
		if p.Status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", tt.query, p.Status)
		}
		if got := text(p, tt.testid); !strings.Contains(got, tt.message) {
			t.Errorf("%s: message %q, want %q", tt.query, got, tt.message)
		}
		if got := text(p, "minplan-range"); got != def {
			t.Errorf("%s: range %q, want the default %q", tt.query, got, def)
		}
		if !strings.Contains(strings.Join(minPlanTitles(p), "|"), "Krav til jobsøgning") {
			t.Errorf("%s: the plan is not shown", tt.query)
		}
	}
}

// The a-kasse caseworker walks Min plan and the Kalender in a browser: the
// timeline, the list, "Fold alle ud" with JavaScript (no reload), and the
// month, each screenshot and checked with axe-core.
func TestBrowser_MinPlanAndKalender(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "berit")
	b.lookUp(ctx, demo.CitizenByKey("anna").CPR, "welcome")
	b.do(ctx,
		chromedp.Click(testid("tab-planer")),
		chromedp.WaitVisible(testid("tile-min-plan")),
		chromedp.Click(testid("tile-min-plan")),
		chromedp.WaitVisible(testid("minplan-timeline")),
	)
	b.screenshot(ctx, "minplan-01-tidslinje")
	b.checkAccessibility(ctx, "Min plan, tidslinje")

	b.do(ctx,
		chromedp.Click(testid("minplan-visning-liste")),
		chromedp.WaitVisible(testid("minplan-list")),
		chromedp.Click(testid("minplan-fold-out")),
	)
	closed, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("details.mp-item:not([open])").length`))
	if err != nil || closed != 0 {
		t.Errorf("Fold alle ud left %d items folded (%v)", closed, err)
	}
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if !strings.Contains(loc, "udfold=alle") {
		t.Errorf("after Fold alle ud the address is %s", loc)
	}
	b.screenshot(ctx, "minplan-02-liste-udfoldet")
	b.checkAccessibility(ctx, "Min plan, liste")

	b.do(ctx,
		chromedp.Click(testid("tab-planer")),
		chromedp.WaitVisible(testid("tile-kalender")),
		chromedp.Click(testid("tile-kalender")),
		chromedp.WaitVisible(testid("kalender-grid")),
	)
	b.screenshot(ctx, "kalender-01-maaned")
	b.checkAccessibility(ctx, "Kalender")
}
