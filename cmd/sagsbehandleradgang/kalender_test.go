package main

import (
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

const kalenderPath = "/borger/planer/kalender"

// kalenderMonthOf is the Kalender's maaned parameter for day.
func kalenderMonthOf(day time.Time) string { return day.Format("2006-01") }

// kalenderDay is the cell of day d of the month shown on p.
func kalenderDay(p page, d int) *goquery.Selection {
	return p.Doc.Find(`td[data-testid="kalender-day"][data-day="` + strconv.Itoa(d) + `."]`)
}

// kalenderEntries are a cell's entries as "category: title".
func kalenderEntries(cell *goquery.Selection) []string {
	var out []string
	cell.Find(`[data-testid="kalender-entry"]`).Each(func(_ int, e *goquery.Selection) {
		out = append(out, e.AttrOr("data-category", "")+": "+textIn(e, "kalender-entry-title"))
	})
	return out
}

// kalenderOn is the entries on day of its month.
func kalenderOn(t *testing.T, c *client, day time.Time, query string) []string {
	t.Helper()
	p := minPlanMustGet(t, c, kalenderPath+"?maaned="+kalenderMonthOf(day)+query)
	return kalenderEntries(kalenderDay(p, day.Day()))
}

// kalenderWeekOn is the entries in the week row of day, within its month:
// an absence of many days stands once in each row, on its first day there.
func kalenderWeekOn(t *testing.T, c *client, day time.Time, query string) []string {
	t.Helper()
	p := minPlanMustGet(t, c, kalenderPath+"?maaned="+kalenderMonthOf(day)+query)
	return kalenderEntries(kalenderDay(p, day.Day()).Closest(`[data-testid="kalender-week"]`))
}

func kalenderHas(entries []string, want string) bool {
	for _, e := range entries {
		if e == want {
			return true
		}
	}
	return false
}

func TestKalender_MonthGridHasWeekdaysAndISOWeekNumbers(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := minPlanMustGet(t, c, kalenderPath+"?maaned=2020-04")
	if got := text(p, "kalender-month"); got != "April 2020" {
		t.Errorf("month %q", got)
	}
	var weekdays, weeks []string
	p.Doc.Find(`[data-testid="kalender-weekday"]`).Each(func(_ int, s *goquery.Selection) { weekdays = append(weekdays, s.Text()) })
	p.Doc.Find(`[data-testid="kalender-week-number"]`).Each(func(_ int, s *goquery.Selection) { weeks = append(weeks, s.Text()) })
	if diff := cmp.Diff([]string{"MANDAG", "TIRSDAG", "ONSDAG", "TORSDAG", "FREDAG", "LØRDAG", "SØNDAG"}, weekdays); diff != "" {
		t.Errorf("weekdays (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"UGE 14", "UGE 15", "UGE 16", "UGE 17", "UGE 18"}, weeks); diff != "" {
		t.Errorf("weeks (-want +got):\n%s", diff)
	}
	// 1 April 2020 was a Wednesday: two empty days before it.
	first := p.Doc.Find(`[data-testid="kalender-week"]`).First().Find("td")
	if first.Eq(0).AttrOr("data-day", "") != "" || first.Eq(2).AttrOr("data-day", "") != "1." {
		t.Errorf("the first week starts with %q, %q, %q", first.Eq(0).AttrOr("data-day", ""), first.Eq(1).AttrOr("data-day", ""), first.Eq(2).AttrOr("data-day", ""))
	}
	if n := p.Doc.Find(`td[data-testid="kalender-day"]`).Length(); n != 30 {
		t.Errorf("April has %d days", n)
	}

	// January 2021 begins in ISO week 53 of 2020.
	p = minPlanMustGet(t, c, kalenderPath+"?maaned=2021-01")
	if got := text(p, "kalender-month"); got != "Januar 2021" {
		t.Errorf("month %q", got)
	}
	if got := textIn(p.Doc.Selection, "kalender-week-number"); got != "UGE 53" {
		t.Errorf("the first week of January 2021 is %q", got)
	}

	// ‹ and › step a month.
	if href := p.Doc.Find(`[data-testid="kalender-prev"]`).AttrOr("href", ""); href != kalenderPath+"?maaned=2020-12" {
		t.Errorf("‹ leads to %q", href)
	}
	p = minPlanMustGet(t, c, p.Doc.Find(`[data-testid="kalender-next"]`).AttrOr("href", ""))
	if got := text(p, "kalender-month"); got != "Februar 2021" {
		t.Errorf("› shows %q", got)
	}

	// Without maaned: this month, today marked.
	today := minPlanToday()
	p = minPlanMustGet(t, c, kalenderPath)
	if got := kalenderDay(p, today.Day()).AttrOr("aria-current", ""); got != "date" {
		t.Errorf("today is not marked: %q", got)
	}
}

func TestKalender_JoblogTitlesAppearOnTheirDays(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	today := minPlanToday()
	checked := 0
	for _, e := range demo.Joblogs["anna"] {
		if e.Applied != nil && *e.Applied > -60 {
			day := today.AddDate(0, 0, *e.Applied)
			if got := kalenderOn(t, c, day, ""); !kalenderHas(got, "joblog: Søgt: "+e.Title) {
				t.Errorf("%s: applied %s, the day shows %v", e.Title, day.Format(time.DateOnly), got)
			}
			checked++
		}
		if e.Until != nil && *e.Until > -60 && e.Status == jobnet.JoblogIkkeSoegt {
			day := today.AddDate(0, 0, *e.Until)
			if got := kalenderOn(t, c, day, ""); !kalenderHas(got, "joblog: Ansøgningsfrist: "+e.Title) {
				t.Errorf("%s: deadline %s, the day shows %v", e.Title, day.Format(time.DateOnly), got)
			}
			checked++
		}
	}
	if checked < 3 {
		t.Fatalf("only %d joblog dates checked", checked)
	}
}

func TestKalender_IndsatserAppearOnTheirFirstAndLastDay(t *testing.T) {
	s := startStack(t)
	today := minPlanToday()
	akasse := s.actingFor(t, "berit", "anna")
	jobcenter := s.actingFor(t, "nina", "anna")
	for _, c := range []*client{akasse, jobcenter} {
		if got := kalenderOn(t, c, today.AddDate(0, 0, 30), ""); !kalenderHas(got, "indsatser: Løntilskud") {
			t.Errorf("Løntilskud's first day shows %v", got)
		}
		if got := kalenderOn(t, c, today.AddDate(0, 0, 60), ""); !kalenderHas(got, "indsatser: Løntilskud slutter") {
			t.Errorf("Løntilskud's last day shows %v", got)
		}
	}
	day := today.AddDate(0, 0, -40)
	if got := kalenderOn(t, jobcenter, day, ""); !kalenderHas(got, "indsatser: Hjælpemiddel: ergonomisk kontorstol") {
		t.Errorf("the jobcenter's hjælpemiddel day shows %v", got)
	}
	if got := kalenderOn(t, akasse, day, ""); kalenderHas(got, "indsatser: Hjælpemiddel: ergonomisk kontorstol") {
		t.Errorf("the a-kasse sees the hjælpemiddel: %v", got)
	}
}

// Absences as on Aktuelt fravær: current and coming ones only (seed 001
// §5.5: historical absence is not accessible), and for the a-kasse only
// those lawful for a dagpengemodtager.
func TestKalender_ShowsCurrentAndComingAbsencesTheCaseworkerMaySee(t *testing.T) {
	s := startStack(t)
	today := minPlanToday()
	akasse := s.actingFor(t, "berit", "anna")
	jobcenter := s.actingFor(t, "nina", "anna")

	for _, c := range []*client{akasse, jobcenter} {
		if got := kalenderWeekOn(t, c, today, ""); !kalenderHas(got, "fravaer: "+jobnet.AbsenceFritagetSelvbooking) {
			t.Errorf("today's week shows %v", got)
		}
		if got := kalenderOn(t, c, today.AddDate(0, 0, 21), ""); !kalenderHas(got, "fravaer: Ferie") {
			t.Errorf("the coming holiday's first day shows %v", got)
		}
		if got := kalenderWeekOn(t, c, today.AddDate(0, 0, -117), ""); kalenderHas(got, "fravaer: Ferie") {
			t.Errorf("a historical holiday is shown: %v", got)
		}
	}
	if got := kalenderWeekOn(t, jobcenter, today, ""); !kalenderHas(got, "fravaer: "+jobnet.AbsenceUddannelse) {
		t.Errorf("the jobcenter does not see the absence lawful in other target groups: %v", got)
	}
	if got := kalenderWeekOn(t, akasse, today, ""); kalenderHas(got, "fravaer: "+jobnet.AbsenceUddannelse) {
		t.Errorf("the a-kasse sees an absence unlawful for dagpenge: %v", got)
	}
	for _, c := range []*client{akasse, jobcenter} {
		for m := -6; m <= 3; m++ {
			p := minPlanMustGet(t, c, kalenderPath+"?maaned="+kalenderMonthOf(time.Date(today.Year(), today.Month()+time.Month(m), 1, 0, 0, 0, 0, time.UTC)))
			if strings.Contains(p.Body, jobnet.AbsenceKommunehjaelp) {
				t.Errorf("%s shows %q", text(p, "kalender-month"), jobnet.AbsenceKommunehjaelp)
			}
		}
	}
}

// An absence of many days is one entry in each week row, on the row's first
// day of it, naming the days it covers there: not one entry per day (issue
// 9, point 9). Anna's exemption from self-booking runs from three weeks ago
// to two months ahead, so it covers every day of this month.
func TestKalender_AnAbsenceStandsOncePerWeekRow(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "nina", "anna")
	today := minPlanToday()
	p := minPlanMustGet(t, c, kalenderPath+"?maaned="+kalenderMonthOf(today))
	months := []string{"jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."}
	rows := p.Doc.Find(`[data-testid="kalender-week"]`)
	if rows.Length() < 4 {
		t.Fatalf("%d week rows", rows.Length())
	}
	rows.Each(func(i int, row *goquery.Selection) {
		days := row.Find(`td[data-testid="kalender-day"]`)
		var where, spans []string
		days.Each(func(_ int, d *goquery.Selection) {
			d.Find(`[data-testid="kalender-entry"]`).Each(func(_ int, e *goquery.Selection) {
				if textIn(e, "kalender-entry-title") == jobnet.AbsenceFritagetSelvbooking {
					where = append(where, d.AttrOr("data-day", ""))
					spans = append(spans, textIn(e, "kalender-entry-days"))
				}
			})
		})
		first, last := days.First().AttrOr("data-day", ""), days.Last().AttrOr("data-day", "")
		want := first[:len(first)-1] + ".–" + last + " " + months[today.Month()-1]
		if first == last {
			want = ""
		}
		if len(where) != 1 || where[0] != first || spans[0] != want {
			t.Errorf("week row %d (%s–%s): the exemption stands on days %v with days %q, want once on %s with %q",
				i+1, first, last, where, spans, first, want)
		}
	})
}

func TestKalender_FiltersHideCategories(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "nina", "anna")
	today := minPlanToday()
	// The month of anna's last jobsamtale has plan items, joblog entries and
	// her exemption from self-booking, whatever the day today.
	month := kalenderMonthOf(today.AddDate(0, 0, -20))

	p := minPlanMustGet(t, c, kalenderPath+"?maaned="+month)
	categories := func(p page) map[string]int {
		out := map[string]int{}
		p.Doc.Find(`[data-testid="kalender-entry"]`).Each(func(_ int, e *goquery.Selection) { out[e.AttrOr("data-category", "")]++ })
		return out
	}
	all := categories(p)
	for _, name := range []string{"joblog", "indsatser", "fravaer"} {
		if all[name] == 0 {
			t.Errorf("this month shows no %s: %v", name, all)
		}
	}
	for _, name := range []string{"moeder", "joblog", "indsatser", "fravaer"} {
		if _, checked := p.Doc.Find(`[data-testid="kalender-filter-` + name + `"]`).Attr("checked"); !checked {
			t.Errorf("%s is not ticked by default", name)
		}
	}

	// The filter form as a browser sends it with Joblog unticked.
	form := p.Doc.Find(`form[data-testid="kalender-filter"]`)
	if form.AttrOr("method", "") != "get" {
		t.Fatal("the filter is not a GET form")
	}
	values := url.Values{}
	form.Find("input").Each(func(_ int, in *goquery.Selection) {
		if _, checked := in.Attr("checked"); in.AttrOr("type", "") == "checkbox" && !checked {
			return
		}
		values.Set(in.AttrOr("name", ""), in.AttrOr("value", ""))
	})
	values.Del("joblog")
	p = minPlanMustGet(t, c, form.AttrOr("action", "")+"?"+values.Encode())
	got := categories(p)
	if got["joblog"] != 0 || got["indsatser"] != all["indsatser"] || got["fravaer"] != all["fravaer"] {
		t.Errorf("without Joblog: %v (all: %v)", got, all)
	}
	if _, checked := p.Doc.Find(`[data-testid="kalender-filter-joblog"]`).Attr("checked"); checked {
		t.Error("Joblog is still ticked")
	}
	// The month links keep the filter.
	next := p.Doc.Find(`[data-testid="kalender-next"]`).AttrOr("href", "")
	if u, _ := url.Parse(next); u.Query().Get("filter") == "" || u.Query().Get("joblog") != "" || u.Query().Get("indsatser") == "" {
		t.Errorf("› leads to %q", next)
	}

	// Only Indsatser.
	p = minPlanMustGet(t, c, kalenderPath+"?maaned="+month+"&filter=1&indsatser=1")
	if got := categories(p); len(got) != 1 || got["indsatser"] != all["indsatser"] {
		t.Errorf("only Indsatser: %v", got)
	}
	// Nothing ticked: an empty month.
	p = minPlanMustGet(t, c, kalenderPath+"?maaned="+month+"&filter=1")
	if got := categories(p); len(got) != 0 {
		t.Errorf("nothing ticked: %v", got)
	}
}

func TestKalender_MalformedMonthGivesADanishMessageAnd400WithThisMonth(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := minPlanMustGet(t, c, kalenderPath)
	thisMonth := text(p, "kalender-month")
	for _, tt := range []struct{ maaned, message string }{
		{"2020-13", server.TextKalenderBadMonth},
		{"april", server.TextKalenderBadMonth},
		{"2020-4-1", server.TextKalenderBadMonth},
		{"1800-01", server.TextKalenderMonthRange},
		{"2099-12", server.TextKalenderMonthRange},
	} {
		p := c.get(kalenderPath + "?maaned=" + url.QueryEscape(tt.maaned))
		if p.Status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", tt.maaned, p.Status)
		}
		if got := text(p, "maaned-error"); !strings.Contains(got, tt.message) {
			t.Errorf("%s: message %q, want %q", tt.maaned, got, tt.message)
		}
		if got := text(p, "kalender-month"); got != thisMonth {
			t.Errorf("%s: shows %q, want %q", tt.maaned, got, thisMonth)
		}
		if p.Doc.Find(`[data-testid="kalender-entry"]`).Length() == 0 {
			t.Errorf("%s: the month shows nothing", tt.maaned)
		}
	}
}

// The guide: the a-kasse sees the planned meetings "både under møder, i
// kalenderen og i tidslinjen i Min Plan" (seed 001 §5.2).
// akasseSeesMeeting is the law of SPEC §5.3 for a demo meeting, said again
// for the tests: the a-kasse sees a meeting of a kind it has a legal basis
// for, in a dagpenge course.
func akasseSeesMeeting(m demo.PlannedMeeting) bool {
	switch m.Kind {
	case jobnet.KindHjaelpemiddel, jobnet.KindPersonligAssistance, jobnet.KindMentor, jobnet.KindSocialSundhed,
		jobnet.KindRehabiliteringsteam, jobnet.KindIntegrationskontrakt:
		return false
	}
	return m.TargetGroup == jobnet.TargetDagpenge
}

// The a-kasse sees its meetings and the jobcenter's jobsamtaler on their
// days, and not the mentor meeting.
func TestKalender_MeetingsAppearOnTheirDaysWithTheirTime(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	today := minPlanToday()
	if len(demo.Meetings["anna"]) == 0 {
		t.Skip("anna has no meetings in the demo data")
	}
	for _, m := range demo.Meetings["anna"] {
		at := m.StartsAt(today)
		want := "moeder: kl. " + at.Format("15.04") + " " + m.Title
		if !akasseSeesMeeting(m) {
			if got := kalenderOn(t, c, jobnet.Day(at), ""); kalenderHas(got, want) || slices.ContainsFunc(got, func(e string) bool { return strings.Contains(e, m.Title) }) {
				t.Errorf("%s: the a-kasse sees the %s meeting %q", at.Format(time.DateOnly), m.Kind, m.Title)
			}
			continue
		}
		if got := kalenderOn(t, c, jobnet.Day(at), ""); !kalenderHas(got, want) {
			t.Errorf("%s: the day shows %v, want %q", at.Format(time.DateOnly), got, want)
		}
		if got := kalenderOn(t, c, jobnet.Day(at), "&filter=1&joblog=1&indsatser=1&fravaer=1"); kalenderHas(got, want) {
			t.Errorf("%s: Møder unticked, the day still shows %q", at.Format(time.DateOnly), want)
		}
	}
}
