package server

import (
	"context"
	"errors"
	"fmt"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/dagpenge"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// dagpengeStore is what the two counter pages need of the store.
type dagpengeStore interface {
	DagpengeCounters(ctx context.Context, citizenID int64) (dagpenge.Counters, bool, error)
	SupplementaryCounter(ctx context.Context, citizenID int64) (dagpenge.Supplementary, bool, error)
}

// Messages at the fields of "Prøv at tilføje timer".
const (
	TextDagpengeHoursMissing  = "Indtast et antal timer"
	TextDagpengeHoursInvalid  = "Indtast antal timer som et tal, fx 37 eller 37,5"
	TextDagpengeHoursNegative = "Antal timer kan ikke være negativt"
	TextDagpengeHoursTooMany  = "Der er højst %s timer i perioden (24 timer i døgnet)"
	TextDagpengeDateMissing   = "Indtast en dato (dd-mm-åååå)"
	TextDagpengeBadDate       = "Indtast en gyldig dato (dd-mm-åååå)"
	TextDagpengeToBeforeFrom  = "Til dato må ikke være før Fra dato"
	TextDagpengeTooEarly      = "Fra dato kan tidligst være den %s, hvor den nuværende karensperiode begyndte"
	TextDagpengeTooLate       = "Til dato kan senest være den %s"
)

// TextDagpengeNone and TextSupplementaryNone are shown to a citizen the
// a-kasse has reported no counters for.
const (
	TextDagpengeNone      = "Der er ingen dagpengetællere for dig. Tællerne vises, når du får dagpenge fra din a-kasse."
	TextSupplementaryNone = "Der er ingen oplysninger om dit forbrug af supplerende dagpenge."
)

// dagpengePage is Dagpengetællere (SPEC §5.3, seed 001 §5.6). "Prøv at
// tilføje timer" is a GET form: the simulation is computed by
// internal/dagpenge and never saved. A bad field is reported at the field
// with status 400, and the counters are shown all the same.
func (s *Server) dagpengePage(w http.ResponseWriter, r *http.Request) error {
	c, found, err := s.pageData.DagpengeCounters(r.Context(), visitFrom(r.Context()).citizen.Citizen.ID)
	if err != nil {
		return err
	}
	chrome := s.pageChrome(r, pages.Dagpenge)
	if !found {
		s.renderPage(w, r, http.StatusOK, views.DagpengePage(chrome, views.DagpengeView{Empty: TextDagpengeNone}))
		return nil
	}
	today := jobnet.Day(s.now())
	form, added, ok := parseDagpengeTry(r.URL.Query(), c, today)
	var res *dagpenge.Result
	if ok {
		x, err := dagpenge.Simulate(c, added, today)
		var problems dagpenge.Problems
		switch {
		case errors.As(err, &problems):
			form.setProblems(problems)
		case err != nil:
			return err
		default:
			res = &x
		}
	}
	status := http.StatusOK
	if form.HoursError != "" || form.FromError != "" || form.ToError != "" {
		status = http.StatusBadRequest
	}
	s.renderPage(w, r, status, views.DagpengePage(chrome, dagpengeView(c, form.DagpengeForm, res)))
	return nil
}

// dagpengeTryForm is the form as filled in.
type dagpengeTryForm struct{ views.DagpengeForm }

// dagpengeHoursPattern is a number of hours as a caseworker types it: digits with at
// most two decimals after a comma or a point, perhaps with a minus.
var dagpengeHoursPattern = regexp.MustCompile(`^-?\d{1,7}(?:[.,]\d{1,2})?$`)

// parseDagpengeTry reads "Prøv at tilføje timer": timer (hours in all), fra
// and til. Without any of them the form shows its defaults — 37 hours, a
// week's work, in the next calendar month — and ok is false: nothing is
// tried. ok is also false when a field cannot be read.
func parseDagpengeTry(q url.Values, c dagpenge.Counters, today time.Time) (f dagpengeTryForm, a dagpenge.Added, ok bool) {
	earliest, latest := c.SimulationWindow(today)
	f.Earliest, f.Latest = earliest.Format(time.DateOnly), latest.Format(time.DateOnly)
	if !q.Has("timer") && !q.Has("fra") && !q.Has("til") {
		from := time.Date(today.Year(), today.Month()+1, 1, 0, 0, 0, 0, time.UTC)
		f.Hours, f.From, f.To = "37", from.Format(time.DateOnly), from.AddDate(0, 1, -1).Format(time.DateOnly)
		return f, a, false
	}
	ok = true
	hours, clean := cleanInput(q.Get("timer"))
	f.Hours = hours
	switch {
	case hours == "":
		f.HoursError, ok = TextDagpengeHoursMissing, false
	case !clean || !dagpengeHoursPattern.MatchString(hours):
		f.HoursError, ok = TextDagpengeHoursInvalid, false
	default:
		a.Hours, _ = strconv.ParseFloat(strings.Replace(hours, ",", ".", 1), 64)
	}
	var fromOK, toOK bool
	a.From, f.From, f.FromError, fromOK = parseDagpengeDate(q.Get("fra"))
	a.To, f.To, f.ToError, toOK = parseDagpengeDate(q.Get("til"))
	switch {
	case fromOK && toOK && !ok:
		// The hours cannot be read; the period can still be checked.
		f.setProblems(dagpenge.CheckPeriod(c, a.From, a.To, today))
	case ok && !(fromOK && toOK) && a.Hours < 0:
		f.HoursError = TextDagpengeHoursNegative
	}
	return f, a, ok && fromOK && toOK
}

func parseDagpengeDate(s string) (d time.Time, value, errText string, ok bool) {
	value, _ = cleanInput(s)
	if value == "" {
		return d, value, TextDagpengeDateMissing, false
	}
	d, ok = parseDanishDate(value)
	if !ok {
		return d, value, TextDagpengeBadDate, false
	}
	return d, d.Format(time.DateOnly), "", true
}

// setProblems puts a Danish message at each field internal/dagpenge found
// fault with.
func (f *dagpengeTryForm) setProblems(ps dagpenge.Problems) {
	for _, p := range ps {
		var msg string
		switch p.Kind {
		case dagpenge.Negative:
			msg = TextDagpengeHoursNegative
		case dagpenge.NotFinite:
			msg = TextDagpengeHoursInvalid
		case dagpenge.TooMany:
			msg = fmt.Sprintf(TextDagpengeHoursTooMany, dagpengeNumber(p.Limit))
		case dagpenge.ToBeforeFrom:
			msg = TextDagpengeToBeforeFrom
		case dagpenge.TooEarly:
			msg = fmt.Sprintf(TextDagpengeTooEarly, views.ShortDate(p.Day))
		case dagpenge.TooLate:
			msg = fmt.Sprintf(TextDagpengeTooLate, views.ShortDate(p.Day))
		}
		switch p.Field {
		case dagpenge.FieldHours:
			f.HoursError = msg
		case dagpenge.FieldFrom:
			f.FromError = msg
		case dagpenge.FieldTo:
			f.ToError = msg
		}
	}
}

// dagpengeView turns the counters, and the result of tried hours, into the
// page's view model.
func dagpengeView(c dagpenge.Counters, form views.DagpengeForm, res *dagpenge.Result) views.DagpengeView {
	rules := c.Rules()
	v := views.DagpengeView{AsOf: views.ShortDate(c.AsOf), Form: form}

	ext := views.DagpengeGauge{ID: "forlaengelse", Title: "Forlængelse af dagpengeperioden", TestID: "gauge-forlaengelse",
		Fraction: c.Extension.Earned / rules.ExtensionCap,
		Value:    dagpengeHoursText(c.Extension.Earned), Of: "af " + dagpengeHoursText(rules.ExtensionCap),
		Texts: []string{
			fmt.Sprintf("Hver time, du arbejder, giver %s timers forlængelse af din dagpengeperiode – højst %s i perioden %s.",
				dagpengeNumber(rules.ExtensionRate), dagpengeHoursText(rules.ExtensionCap), dagpengeSpan(c.Extension.From, c.Extension.To)),
		},
	}
	if c.Extension.Used > 0 {
		ext.Texts = append(ext.Texts, fmt.Sprintf("Du har brugt %s af forlængelsen.", dagpengeHoursText(c.Extension.Used)))
	}

	karens := views.DagpengeGauge{ID: "karens", Title: "Karens", TestID: "gauge-karens",
		Fraction: c.Karens.Worked / rules.KarensLimit,
		Value:    dagpengeHoursText(c.Karens.Worked), Of: "af " + dagpengeHoursText(rules.KarensLimit),
	}
	if c.KarensAvoided() {
		karens.Texts = append(karens.Texts, fmt.Sprintf("Du har arbejdet mere end %s i perioden %s og undgår en karensdag.",
			dagpengeHoursText(rules.KarensLimit), dagpengeSpan(c.Karens.From, c.Karens.To)))
	} else {
		karens.Texts = append(karens.Texts, fmt.Sprintf("Arbejder du mere end %s i perioden %s, undgår du en karensdag.",
			dagpengeHoursText(rules.KarensLimit), dagpengeSpan(c.Karens.From, c.Karens.To)))
	}
	karens.Texts = append(karens.Texts, dagpengeKarensDeductions(c.Karens.Deductions))

	reearn := views.DagpengeGauge{ID: "genoptjening", Title: "Genoptjening af en ny dagpengeperiode", TestID: "gauge-genoptjening",
		Fraction: c.Reearn.Worked / rules.ReearnHours,
		Value:    dagpengeHoursText(c.Reearn.Worked), Of: "af " + dagpengeHoursText(rules.ReearnHours),
	}
	if c.ReearnComplete() {
		reearn.Texts = []string{"Du har arbejdet nok timer til at optjene en ny dagpengeperiode."}
	} else {
		reearn.Texts = []string{fmt.Sprintf("Du kan optjene en ny dagpengeperiode ved at arbejde %s inden for %d år. Du mangler %s.",
			dagpengeHoursText(rules.ReearnHours), rules.ReearnYears, dagpengeHoursText(rules.ReearnHours-c.Reearn.Worked))}
	}

	used, total := c.Consumption()
	left := total - used
	v.Hourglass = views.DagpengeHourglass{
		UsedFraction: used / total,
		Summary:      fmt.Sprintf("Timeglas: du har brugt %s af %s, og der er %s tilbage", dagpengeHoursText(used), dagpengeHoursText(total), dagpengeHoursText(left)),
		Facts: []views.DagpengeFact{
			{Label: "Din dagpengeperiode", Value: fmt.Sprintf("%s fra %s, som skal bruges senest %s", dagpengeHoursText(rules.PeriodHours),
				views.ShortDate(c.Period.Start), views.ShortDate(c.Period.End)), TestID: "dagpenge-period"},
			{Label: "Optjent forlængelse", Value: dagpengeHoursText(c.Extension.Earned), TestID: "dagpenge-extension"},
			{Label: "Brugt", Value: dagpengeHoursText(used), TestID: "dagpenge-used"},
			{Label: "Tilbage", Value: dagpengeHoursText(left), TestID: "dagpenge-left"},
			{Label: "Forventet sidste dag med dagpenge", Value: views.LongDate(c.ExpectedEnd()) + ", hvis du får fulde dagpenge resten af perioden",
				TestID: "dagpenge-end"},
		},
	}

	if res != nil {
		ext.Simulated, ext.SimFraction, ext.SimValue = true, res.Extension.After/rules.ExtensionCap, dagpengeHoursText(res.Extension.After)
		reearn.Simulated, reearn.SimFraction, reearn.SimValue = true, res.Reearn.After/rules.ReearnHours, dagpengeHoursText(res.Reearn.After)
		for _, k := range res.Karens {
			if k.From.Equal(c.Karens.From) {
				karens.Simulated, karens.SimFraction, karens.SimValue = true, k.After/rules.KarensLimit, dagpengeHoursText(k.After)
			}
		}
		v.Result = dagpengeResult(c, *res)
	}
	v.Gauges = []views.DagpengeGauge{ext, karens, reearn}

	for i := len(c.History) - 1; i >= 0; i-- {
		m := c.History[i]
		v.History = append(v.History, views.DagpengeMonthRow{Month: views.MonthYear(m.Month), Worked: dagpengeNumber(m.Worked), Consumed: dagpengeNumber(m.Consumed)})
	}
	return v
}

// dagpengeResult says in words what the tried hours change.
func dagpengeResult(c dagpenge.Counters, res dagpenge.Result) *views.DagpengeResult {
	a := res.Added
	out := &views.DagpengeResult{
		Heading: fmt.Sprintf("Hvis du arbejder %s i perioden %s", dagpengeHoursText(a.Hours), dagpengeSpan(a.From, a.To)),
	}
	x := res.Extension
	out.Facts = append(out.Facts,
		views.DagpengeFact{Label: "Forlængelse af dagpengeperioden", TestID: "result-extension",
			Value: fmt.Sprintf("%s mere – i alt %s af %s", dagpengeHoursText(x.Earned), dagpengeHoursText(x.After), dagpengeHoursText(x.Cap))},
		views.DagpengeFact{Label: "Timer uden dagpenge", TestID: "result-saved",
			Value: fmt.Sprintf("%s, som du ikke bruger af din dagpengeperiode, fordi du arbejder", dagpengeHoursText(res.Saved))},
		views.DagpengeFact{Label: "Forventet sidste dag med dagpenge", TestID: "result-end", Value: dagpengeEndText(res.End)},
	)
	reearn := views.DagpengeFact{Label: "Genoptjening af en ny dagpengeperiode", TestID: "result-reearn",
		Value: fmt.Sprintf("%s af %s", dagpengeHoursText(res.Reearn.After), dagpengeHoursText(res.Reearn.Required))}
	switch {
	case res.Reearn.Completes:
		reearn.Value += " – du har arbejdet nok timer til en ny dagpengeperiode"
	case res.Reearn.AlreadyComplete:
		reearn.Value += " – du havde allerede arbejdet nok timer til en ny dagpengeperiode"
	default:
		reearn.Value += fmt.Sprintf(" – du mangler %s", dagpengeHoursText(res.Reearn.Required-res.Reearn.After))
	}
	out.Facts = append(out.Facts, reearn)

	for _, k := range res.Karens {
		f := views.DagpengeFact{Label: "Perioden " + dagpengeSpan(k.From, k.To), TestID: "result-karens",
			Value: fmt.Sprintf("%s af %s", dagpengeHoursText(k.After), dagpengeHoursText(k.Limit))}
		switch {
		case k.AvoidedBefore:
			f.Value += " – du undgår allerede karensdagen"
		case k.Avoided:
			f.Value += " – du undgår karensdagen"
		default:
			f.Value += fmt.Sprintf(" – du skal arbejde mere end %s for at undgå karensdagen", dagpengeHoursText(k.Limit))
		}
		out.Karens = append(out.Karens, f)
	}

	if x.Capped {
		out.Notes = append(out.Notes, fmt.Sprintf("Du kan højst optjene %s forlængelse i perioden %s.",
			dagpengeHoursText(x.Cap), dagpengeSpan(c.Extension.From, c.Extension.To)))
	}
	if x.Outside > 0 {
		out.Notes = append(out.Notes, fmt.Sprintf("%s ligger efter %s og giver ikke forlængelse i den nuværende optjeningsperiode.",
			dagpengeCapitalise(dagpengeHoursText(x.Outside)), views.ShortDate(c.Extension.To)))
	}
	return out
}

func dagpengeEndText(e dagpenge.EndEffect) string {
	s := views.LongDate(e.After)
	switch {
	case e.DaysLater == 1:
		return s + " (1 dag senere end " + views.ShortDate(e.Before) + ")"
	case e.DaysLater > 1:
		return s + fmt.Sprintf(" (%d dage senere end %s)", e.DaysLater, views.ShortDate(e.Before))
	}
	return s + " (uændret)"
}

func dagpengeKarensDeductions(n int) string {
	switch n {
	case 0:
		return "Du har ikke fået fratrukket nogen karensdage i din dagpengeperiode."
	case 1:
		return "Du har fået fratrukket 1 karensdag i din dagpengeperiode."
	}
	return fmt.Sprintf("Du har fået fratrukket %d karensdage i din dagpengeperiode.", n)
}

// supplementaryPage is Tællere for supplerende dagpenge (SPEC §5.3): the
// weeks used of 30 within the 104-week window.
func (s *Server) supplementaryPage(w http.ResponseWriter, r *http.Request) error {
	x, found, err := s.pageData.SupplementaryCounter(r.Context(), visitFrom(r.Context()).citizen.Citizen.ID)
	if err != nil {
		return err
	}
	c := s.pageChrome(r, pages.Supplementary)
	s.renderPage(w, r, http.StatusOK, views.SupplementaryPage(c, supplementaryView(x, found)))
	return nil
}

func supplementaryView(x dagpenge.Supplementary, found bool) views.SupplementaryView {
	if !found {
		return views.SupplementaryView{Empty: TextSupplementaryNone}
	}
	return views.SupplementaryView{
		AsOf: views.ShortDate(x.AsOf),
		Gauge: views.DagpengeGauge{ID: "supplerende", Title: "Forbrug af supplerende dagpenge", TestID: "gauge-supplerende",
			Fraction: float64(x.WeeksUsed) / dagpenge.SupplementaryWeeks,
			Value:    dagpengeWeeks(x.WeeksUsed), Of: "af " + dagpengeWeeks(dagpenge.SupplementaryWeeks)},
		Facts: []views.DagpengeFact{
			{Label: "Brugt", Value: dagpengeWeeks(x.WeeksUsed), TestID: "supplerende-used"},
			{Label: "Tilbage", Value: dagpengeWeeks(x.WeeksLeft()), TestID: "supplerende-left"},
			{Label: "Periode", Value: dagpengeSpan(x.From, x.To), TestID: "supplerende-window"},
		},
		Rule: fmt.Sprintf("Du kan få supplerende dagpenge i %d uger inden for en periode på %d uger.",
			dagpenge.SupplementaryWeeks, dagpenge.SupplementaryWindowWeeks),
	}
}

func dagpengeWeeks(n int) string {
	if n == 1 {
		return "1 uge"
	}
	return strconv.Itoa(n) + " uger"
}

// dagpengeHoursText is "462 timer", "1 time", "2.013,62 timer".
func dagpengeHoursText(h float64) string {
	if dagpengeNumber(h) == "1" {
		return "1 time"
	}
	return dagpengeNumber(h) + " timer"
}

// dagpengeNumber writes hours the Danish way: "1.924", "2.013,62", "37,5".
func dagpengeNumber(h float64) string {
	cents := int64(math.Round(h * 100))
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	whole := strconv.FormatInt(cents/100, 10)
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "." + whole[i:]
	}
	switch frac := cents % 100; {
	case frac == 0:
		return sign + whole
	case frac%10 == 0:
		return sign + whole + "," + strconv.FormatInt(frac/10, 10)
	default:
		return sign + whole + "," + fmt.Sprintf("%02d", frac)
	}
}

// dagpengeSpan is a period as "1. dec. 2025 – 31. mar. 2026".
func dagpengeSpan(from, to time.Time) string {
	return views.ShortDate(from) + " – " + views.ShortDate(to)
}

func dagpengeCapitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
