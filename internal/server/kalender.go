package server

import (
	"context"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// kalenderStore is what the Kalender needs of the store.
type kalenderStore interface {
	Calendar(ctx context.Context, cw jobnet.Caseworker, citizenID int64, first, last, today time.Time) (jobnet.Calendar, error)
}

// Messages at the Kalender's month.
const (
	TextKalenderBadMonth   = "Vælg en måned som åååå-mm"
	TextKalenderMonthRange = "Vælg en måned højst 20 år før eller efter i dag"
)

// kalenderCategories are the filter's checkboxes, in billede 19's order;
// each names its parameter and labels its entries.
var kalenderCategories = []struct{ Name, Label, Entry string }{
	{"moeder", "Møder", "Møde"},
	{"joblog", "Joblog", "Joblog"},
	{"indsatser", "Indsatser", "Indsats"},
	{"fravaer", "Fravær", "Fravær"},
}

// kalenderPage is the citizen's calendar (SPEC §5.3, seed 001 §5.3): one
// month of the titles of the plan's items, meetings, joblog entries and
// absences, as the store returns them for the caseworker (access.Calendar):
// items and meetings on Min plan's terms, absences on Aktuelt fravær's —
// the guide says historical absence is not accessible through this view
// (seed 001 §5.5), so past months show none.
func (s *Server) kalenderPage(w http.ResponseWriter, r *http.Request) error {
	v := visitFrom(r.Context())
	today := jobnet.Day(s.now())
	q := parseKalenderQuery(r.URL.Query(), today)
	first, last := q.Month, q.Month.AddDate(0, 1, -1)
	cal, err := s.pageData.Calendar(r.Context(), v.cw, v.citizen.Citizen.ID, first, last, today)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if q.MonthError != "" {
		status = http.StatusBadRequest
	}
	c := s.pageChrome(r, pages.Kalender)
	s.renderPage(w, r, status, views.KalenderPage(c, kalenderView(q, cal, today)))
	return nil
}

// kalenderQuery is the month and the filter. Without the filter form
// (filter=1), every category is shown.
type kalenderQuery struct {
	Month      time.Time // its first day
	Given      bool      // maaned was given and valid
	Filtered   bool
	Show       map[string]bool
	MonthError string
}

// parseKalenderQuery reads maaned (yyyy-mm; this month by default), filter
// and the categories' checkboxes.
func parseKalenderQuery(v url.Values, today time.Time) kalenderQuery {
	q := kalenderQuery{Month: time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC), Show: map[string]bool{}}
	if m := strings.TrimSpace(v.Get("maaned")); m != "" {
		d, err := time.Parse("2006-01", m)
		switch {
		case err != nil:
			q.MonthError = TextKalenderBadMonth
		case d.Before(q.Month.AddDate(-minPlanMaxYears, 0, 0)) || d.After(q.Month.AddDate(minPlanMaxYears, 0, 0)):
			q.MonthError = TextKalenderMonthRange
		default:
			q.Month, q.Given = d, true
		}
	}
	q.Filtered = v.Get("filter") != ""
	for _, c := range kalenderCategories {
		q.Show[c.Name] = !q.Filtered || v.Get(c.Name) != ""
	}
	return q
}

// url is the calendar of month with q's filter.
func (q kalenderQuery) url(month time.Time) string {
	v := url.Values{"maaned": {month.Format("2006-01")}}
	if q.Filtered {
		v.Set("filter", "1")
		for _, c := range kalenderCategories {
			if q.Show[c.Name] {
				v.Set(c.Name, "1")
			}
		}
	}
	return pages.Kalender.Path + "?" + v.Encode()
}

// kalenderView lays the month out in ISO weeks from Monday and puts each
// shown title on its days.
func kalenderView(q kalenderQuery, cal jobnet.Calendar, today time.Time) views.KalenderView {
	first, last := cal.First, cal.Last
	v := views.KalenderView{
		Month:      views.CalendarMonth(first),
		PrevHref:   q.url(first.AddDate(0, -1, 0)),
		NextHref:   q.url(first.AddDate(0, 1, 0)),
		MonthError: q.MonthError,
	}
	if q.Given {
		v.Hidden = append(v.Hidden, views.MinPlanHidden{Name: "maaned", Value: first.Format("2006-01")})
	}
	v.Hidden = append(v.Hidden, views.MinPlanHidden{Name: "filter", Value: "1"})
	label := map[string]string{}
	for _, c := range kalenderCategories {
		v.Filters = append(v.Filters, views.KalenderFilter{Name: c.Name, Label: c.Label, Checked: q.Show[c.Name]})
		label[c.Name] = c.Entry
	}

	entries := map[time.Time][]views.KalenderEntry{}
	addSpan := func(category string, day, to time.Time, title string) {
		if q.Show[category] && !day.IsZero() && !day.Before(first) && !day.After(last) {
			e := views.KalenderEntry{Category: category, CategoryLabel: label[category], Title: title}
			if to.After(day) {
				e.Days = views.DaySpan(day, to)
			}
			entries[day] = append(entries[day], e)
		}
	}
	add := func(category string, day time.Time, title string) { addSpan(category, day, day, title) }
	for _, m := range cal.Meetings {
		at := m.StartsAt.In(jobnet.Copenhagen)
		add("moeder", jobnet.Day(at), "kl. "+at.Format("15.04")+" "+m.Title)
	}
	for _, e := range cal.Joblog {
		if e.Kind == jobnet.JoblogAndenAktivitet {
			add("joblog", e.ActivityOn, e.Title)
			continue
		}
		add("joblog", e.AppliedOn, "Søgt: "+e.Title)
		add("joblog", e.Deadline, "Ansøgningsfrist: "+e.Title)
	}
	for _, it := range cal.Items {
		add("indsatser", it.Period.From, it.Title)
		if !it.Period.To.IsZero() && !it.Period.To.Equal(it.Period.From) {
			add("indsatser", it.Period.To, it.Title+" slutter")
		}
	}
	for _, a := range cal.Absences {
		// An absence without an end lasts until the citizen reports back:
		// it is shown up to today, not guessed into the future.
		end := a.Period.To
		if end.IsZero() {
			end = today
		}
		if end.After(last) {
			end = last
		}
		d := a.Period.From
		if d.Before(first) {
			d = first
		}
		// One entry per week row, on its first day, naming the days it
		// covers in that week: not one per day (issue 9, point 9).
		for !d.After(end) {
			sunday := d.AddDate(0, 0, 6-(int(d.Weekday())+6)%7)
			to := end
			if sunday.Before(end) {
				to = sunday
			}
			addSpan("fravaer", d, to, a.Type)
			d = to.AddDate(0, 0, 1)
		}
	}

	// The grid: whole weeks from the Monday on or before the 1st.
	start := first.AddDate(0, 0, -((int(first.Weekday()) + 6) % 7))
	for monday := start; !monday.After(last); monday = monday.AddDate(0, 0, 7) {
		_, week := monday.ISOWeek()
		w := views.KalenderWeek{Label: "UGE " + strconv.Itoa(week)}
		for i := range 7 {
			d := monday.AddDate(0, 0, i)
			day := views.KalenderDay{InMonth: d.Month() == first.Month()}
			if day.InMonth {
				day.Label = strconv.Itoa(d.Day()) + "."
				day.Date = views.LongDate(d)
				day.Today = d.Equal(today)
				day.Entries = entries[d]
			}
			w.Days = append(w.Days, day)
		}
		v.Weeks = append(v.Weeks, w)
	}
	return v
}
