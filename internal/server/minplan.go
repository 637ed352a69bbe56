package server

import (
	"context"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// minPlanStore is what Min plan needs of the store.
type minPlanStore interface {
	MinPlan(ctx context.Context, cw jobnet.Caseworker, citizenID int64, now time.Time) (jobnet.MinPlan, error)
}

// Messages at Min plan's controls.
const (
	TextMinPlanBadView   = "Vælg Tidslinje eller Liste"
	TextMinPlanBadPeriod = "Vælg en periode på 3, 6 eller 12 måneder"
	TextMinPlanBadDate   = "Indtast en gyldig dato (dd-mm-åååå)"
	TextMinPlanDateRange = "Vælg en dato højst 20 år før eller efter i dag"
	TextMinPlanBadFold   = "Vælg Fold alle ud eller Fold alle ind"
	TextMinPlanEmpty     = "Der er ingen indsatser eller aftaler i perioden."
)

// The period selector's choices, in months; the timeline's 12 columns
// divide each of them.
var minPlanPeriods = []int{3, 6, 12}

const (
	minPlanDefaultMonths = 6
	// minPlanMaxYears is how far from today the window may start: far
	// beyond any plan, near enough to keep the dates sane.
	minPlanMaxYears = 20
	minPlanColumns  = 12
)

// minPlanOwnerSTAR is how Jobnet names STAR as the owner of an item.
const minPlanOwnerSTAR = "Styrelsen for Arbejdsmarked og Rekruttering"

// minPlanPage is the citizen's Min Plan (SPEC §5.3, seed 001 §5.1). The
// store returns only what the caseworker may see (access.MinPlan), so
// "Seneste aftale med …" is the newest agreement the caseworker may see — an
// agreement made while the citizen was in another target group is skipped,
// not shown. The planned meetings are shown with the items (seed 001 §5.2).
// A bad parameter is reported at its control with status 400, and the page
// is shown as if it were not given.
func (s *Server) minPlanPage(w http.ResponseWriter, r *http.Request) error {
	v := visitFrom(r.Context())
	today := jobnet.Day(s.now())
	q := parseMinPlanQuery(r.URL.Query(), today)
	plan, err := s.pageData.MinPlan(r.Context(), v.cw, v.citizen.Citizen.ID, s.now())
	if err != nil {
		return err
	}
	status := http.StatusOK
	if q.ViewError != "" || q.PeriodError != "" || q.FromError != "" || q.FoldError != "" {
		status = http.StatusBadRequest
	}
	c := s.pageChrome(r, pages.MinPlan)
	s.renderPage(w, r, status, views.MinPlanPage(c, minPlanView(q, plan, today)))
	return nil
}

// minPlanQuery is the page's parameters as the caseworker gave them: the
// valid ones, and a message for each bad one, which is then left at its
// default.
type minPlanQuery struct {
	List   bool      // visning=liste; the timeline by default
	Months int       // periode: 3, 6 or 12
	From   time.Time // fra: the window's first day; zero for the default
	Fold   string    // udfold: "alle", "ingen" or "" (folded)

	ViewError, PeriodError, FromError, FoldError string
}

// minPlanMonthOffset is fra as months from today ("-6"), for links that
// stay relative to the day they are opened.
var minPlanMonthOffset = regexp.MustCompile(`^[+-]?[0-9]{1,3}$`)

// parseMinPlanQuery reads visning (tidslinje|liste), periode (3|6|12), fra
// (yyyy-mm-dd, dd-mm-yyyy, or a month offset from today such as -6) and
// udfold (alle|ingen).
func parseMinPlanQuery(v url.Values, today time.Time) minPlanQuery {
	q := minPlanQuery{Months: minPlanDefaultMonths}
	switch v.Get("visning") {
	case "", "tidslinje":
	case "liste":
		q.List = true
	default:
		q.ViewError = TextMinPlanBadView
	}

	if p := strings.TrimSpace(v.Get("periode")); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || !minPlanValidPeriod(n) {
			q.PeriodError = TextMinPlanBadPeriod
		} else {
			q.Months = n
		}
	}

	if f := strings.TrimSpace(v.Get("fra")); f != "" {
		earliest, latest := today.AddDate(-minPlanMaxYears, 0, 0), today.AddDate(minPlanMaxYears, 0, 0)
		var d time.Time
		ok := true
		if minPlanMonthOffset.MatchString(f) {
			n, _ := strconv.Atoi(f)
			if n < -12*minPlanMaxYears || n > 12*minPlanMaxYears {
				q.FromError = TextMinPlanDateRange
			} else {
				d = addMonths(today, n)
			}
		} else if d, ok = parseDanishDate(f); !ok {
			q.FromError = TextMinPlanBadDate
		} else if d.Before(earliest) || d.After(latest) {
			q.FromError = TextMinPlanDateRange
		}
		if q.FromError == "" {
			q.From = d
		}
	}

	switch f := v.Get("udfold"); f {
	case "", "alle", "ingen":
		q.Fold = f
	default:
		q.FoldError = TextMinPlanBadFold
	}
	return q
}

func minPlanValidPeriod(n int) bool {
	for _, p := range minPlanPeriods {
		if n == p {
			return true
		}
	}
	return false
}

// window is the days the page shows, both inclusive: by default the period
// with today in its middle.
func (q minPlanQuery) window(today time.Time) (first, last time.Time) {
	first = q.From
	if first.IsZero() {
		first = addMonths(today, -q.Months/2)
	}
	return first, addMonths(first, q.Months)
}

// url is the page with q's parameters, each left out at its default.
func (q minPlanQuery) url() string {
	v := url.Values{}
	if q.List {
		v.Set("visning", "liste")
	}
	if q.Months != minPlanDefaultMonths {
		v.Set("periode", strconv.Itoa(q.Months))
	}
	if !q.From.IsZero() {
		v.Set("fra", q.From.Format(time.DateOnly))
	}
	if q.Fold != "" {
		v.Set("udfold", q.Fold)
	}
	if len(v) == 0 {
		return pages.MinPlan.Path
	}
	return pages.MinPlan.Path + "?" + v.Encode()
}

// addMonths moves a calendar day by n months, keeping the day of the month
// where it exists and taking the month's last day where it does not
// (31 January + 1 month is 28 or 29 February, not 3 March).
func addMonths(day time.Time, n int) time.Time {
	y, m, d := day.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, day.Location())
	if last := first.AddDate(0, 1, -1).Day(); d > last {
		d = last
	}
	return first.AddDate(0, 0, d-1)
}

// minPlanView builds the page from the plan as the caseworker may see it.
func minPlanView(q minPlanQuery, plan jobnet.MinPlan, today time.Time) views.MinPlanView {
	goal, visible, meetings, orgNames := plan.JobGoal, plan.Items, plan.Meetings, plan.OrgNames
	first, last := q.window(today)
	v := views.MinPlanView{Timeline: !q.List, Open: q.Fold == "alle", Controls: minPlanControls(q, first, last)}
	if goal.OccupationID != 0 {
		v.JobGoal = views.MinPlanJobGoal{Occupation: goal.Occupation, AgreedBy: goal.AgreedBy,
			FindJobHref: pages.FindJob.Path + "?" + url.Values{"stilling": {strconv.Itoa(goal.OccupationID)}}.Encode()}
	}
	if a, ok := jobnet.LatestAgreement(visible, jobnet.OwnerJobcenter); ok {
		v.LatestJobcenter = views.MinPlanAgreement{Text: a.Text, Agreed: minPlanAgreed(a)}
	}
	if a, ok := jobnet.LatestAgreement(visible, jobnet.OwnerAkasse); ok {
		v.LatestAkasse = views.MinPlanAgreement{Text: a.Text, Agreed: minPlanAgreed(a)}
	}

	// The items and meetings in the window, each in its row of the
	// timeline: STAR's requirements first, then the jobcenter's and the
	// a-kasse's items, as billede 13 has them, then the planned meetings.
	type entry struct {
		item views.MinPlanItem
		from time.Time
		row  int
	}
	const rowMeetings = 3
	rowOf := map[jobnet.PlanOwner]int{jobnet.OwnerSTAR: 0, jobnet.OwnerJobcenter: 1, jobnet.OwnerAkasse: 2}
	rows := make([]views.MinPlanGroup, rowMeetings+1)
	rows[rowMeetings].Owner = "Planlagte møder"
	var entries []entry
	for _, it := range visible {
		if !it.Period.Overlaps(first, last) {
			continue
		}
		owner := minPlanOwner(it, orgNames)
		entries = append(entries, entry{from: it.Period.From, row: rowOf[it.Owner], item: views.MinPlanItem{
			ID: it.ID, Title: it.Title, Period: minPlanPeriodText(it.Period), Text: it.Text,
			Owner: "Ansvarlig: " + owner, Agreed: minPlanAgreed(it), Bar: minPlanBar(it.Period, first, last),
		}})
		if rows[rowOf[it.Owner]].Owner == "" {
			rows[rowOf[it.Owner]].Owner = owner
		}
	}
	for _, m := range meetings {
		at := m.StartsAt.In(jobnet.Copenhagen)
		day := jobnet.Day(at)
		p := jobnet.Period{From: day, To: day}
		if !p.Overlaps(first, last) {
			continue
		}
		text := string(m.Form)
		if m.Place != "" {
			text += ", " + m.Place
		}
		entries = append(entries, entry{from: day, row: rowMeetings, item: views.MinPlanItem{
			ID: m.ID, Title: m.Title, Period: views.PlanDate(day) + " kl. " + at.Format("15.04"), Text: text,
			Owner: "Med " + m.WithWhom + ", " + m.OrgName, Bar: minPlanBar(p, first, last), Meeting: true,
		}})
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].from.Before(entries[j].from) })
	for _, e := range entries {
		v.List = append(v.List, e.item)
		rows[e.row].Items = append(rows[e.row].Items, e.item)
	}
	for _, g := range rows {
		if len(g.Items) > 0 {
			v.Groups = append(v.Groups, g)
		}
	}
	if len(v.List) == 0 {
		v.Empty = TextMinPlanEmpty
	}
	if !today.Before(first) && !today.After(last) {
		v.Today = "mp-start-" + strconv.Itoa(minPlanColumn(first, last, today)) + " mp-span-1"
	}
	step := minPlanColumns / q.Months
	for i := range q.Months {
		mid := addMonths(first, i).AddDate(0, 0, 15)
		m := views.MinPlanMonth{Label: views.PlanMonth(mid), Class: "mp-span-" + strconv.Itoa(step)}
		if i == 0 || mid.Month() == time.January {
			m.Year = strconv.Itoa(mid.Year())
		}
		v.Months = append(v.Months, m)
	}
	return v
}

// minPlanControls are the links and the period form, each keeping the
// other valid parameters.
func minPlanControls(q minPlanQuery, first, last time.Time) views.MinPlanControls {
	with := func(change func(*minPlanQuery)) string {
		c := q
		change(&c)
		return c.url()
	}
	k := views.MinPlanControls{
		TimelineHref: with(func(c *minPlanQuery) { c.List = false }),
		ListHref:     with(func(c *minPlanQuery) { c.List = true }),
		Range:        views.PlanDate(first) + " - " + views.PlanDate(last),
		PrevHref:     with(func(c *minPlanQuery) { c.From = addMonths(first, -q.Months) }),
		NextHref:     with(func(c *minPlanQuery) { c.From = addMonths(first, q.Months) }),
		TodayHref:    with(func(c *minPlanQuery) { c.From = time.Time{} }),
		UnfoldHref:   with(func(c *minPlanQuery) { c.Fold = "alle" }),
		FoldHref:     with(func(c *minPlanQuery) { c.Fold = "ingen" }),
		ViewError:    q.ViewError, PeriodError: q.PeriodError, FromError: q.FromError, FoldError: q.FoldError,
	}
	for _, n := range minPlanPeriods {
		k.Periods = append(k.Periods, views.MinPlanPeriod{Months: n, Selected: n == q.Months})
	}
	if q.List {
		k.Hidden = append(k.Hidden, views.MinPlanHidden{Name: "visning", Value: "liste"})
	}
	if !q.From.IsZero() {
		k.Hidden = append(k.Hidden, views.MinPlanHidden{Name: "fra", Value: q.From.Format(time.DateOnly)})
	}
	if q.Fold != "" {
		k.Hidden = append(k.Hidden, views.MinPlanHidden{Name: "udfold", Value: q.Fold})
	}
	return k
}

// minPlanPeriodText is an item's period as Min Plan writes it: "20. maj
// 2020 - 20. juni 2020", one day alone, or "Hele tiden" when it has no end.
func minPlanPeriodText(p jobnet.Period) string {
	switch {
	case p.To.IsZero():
		return "Hele tiden"
	case p.To.Equal(p.From):
		return views.PlanDate(p.From)
	default:
		return views.PlanDate(p.From) + " - " + views.PlanDate(p.To)
	}
}

// minPlanAgreed is "Aftalt med Nina Pettersen, den 21. nov. 2019", or "" for
// an item not agreed with anyone (STAR's requirements).
func minPlanAgreed(it jobnet.PlanItem) string {
	if it.AgreedBy == "" {
		return ""
	}
	return "Aftalt med " + it.AgreedBy + ", den " + views.ShortDate(it.AgreedOn)
}

func minPlanOwner(it jobnet.PlanItem, orgNames map[int64]string) string {
	if it.Owner == jobnet.OwnerSTAR {
		return minPlanOwnerSTAR
	}
	if name := orgNames[it.OwnerOrgID]; name != "" {
		return name
	}
	if it.Owner == jobnet.OwnerAkasse {
		return "A-kasse"
	}
	return "Jobcenter"
}

// minPlanBar places an item's bar on the timeline's 12 columns: its first
// column and how many it spans (at least one), cut at the window's edges.
// The classes are a fixed set in minplan.css, as the Content-Security-Policy
// forbids inline style.
func minPlanBar(p jobnet.Period, first, last time.Time) string {
	total := minPlanDays(first, last) + 1
	from, to := p.From, p.To
	cls := ""
	if from.Before(first) {
		from = first
		cls += " mp-cut-start"
	}
	if to.IsZero() || to.After(last) {
		to = last
		cls += " mp-cut-end"
	}
	start := minPlanColumn(first, last, from)
	end := (minPlanColumns*(minPlanDays(first, to)+1)+total-1)/total + 1
	end = min(max(end, start+1), minPlanColumns+1)
	return "mp-start-" + strconv.Itoa(start) + " mp-span-" + strconv.Itoa(end-start) + cls
}

// minPlanColumn is the timeline column (1 to 12) that day falls in.
func minPlanColumn(first, last, day time.Time) int {
	total := minPlanDays(first, last) + 1
	return min(max(minPlanColumns*minPlanDays(first, day)/total+1, 1), minPlanColumns)
}

// minPlanDays is the number of days from a to b.
func minPlanDays(a, b time.Time) int {
	return int(b.Sub(a).Hours()+12) / 24
}
