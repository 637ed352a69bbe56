package dagpenge

import (
	"math"
	"time"
)

// Dates in this package are calendar days: midnight UTC of the date, as
// jobnet.Day makes them. Periods include both their first and last day.

// Counters are one citizen's dagpenge counters as the a-kasse reported them,
// counted up to and including AsOf.
type Counters struct {
	Insurance Insurance
	AsOf      time.Time
	Period    Period
	Extension Extension
	Reearn    Reearn
	Karens    Karens
	History   []Month // oldest first
}

// Period is the dagpenge period: its hours must be used from Start to End
// (36 months, or 24 for a dimittend). Used is the hours consumed of its
// ordinary hours.
type Period struct {
	Start, End time.Time
	Used       float64
}

// Extension is the account of forlængelse: the hours of dagpenge earned by
// work within the window From–To (18 months), and the hours of them used
// once the ordinary hours were gone.
type Extension struct {
	From, To     time.Time
	Earned, Used float64
}

// Reearn is genoptjening: the hours of work within the last 3 years that no
// dagpenge period has been earned by yet.
type Reearn struct {
	Worked float64
}

// Karens is the 4-month window in progress: the hours worked in it so far,
// and the karens days deducted in the period until now.
type Karens struct {
	From, To   time.Time
	Worked     float64
	Deductions int
}

// Month is one month of the history: the hours worked, and the hours of
// dagpenge consumed.
type Month struct {
	Month            time.Time // the first day of the month
	Worked, Consumed float64
}

// Supplementary is the counter of supplerende dagpenge: weeks used within
// the 104-week window From–To.
type Supplementary struct {
	AsOf      time.Time
	From, To  time.Time
	WeeksUsed int
}

// WeeksLeft is the weeks of supplementary dagpenge still to be had in the
// window.
func (s Supplementary) WeeksLeft() int { return max(0, SupplementaryWeeks-s.WeeksUsed) }

// Rules are the figures for the citizen's insurance.
func (c Counters) Rules() Rules { return RulesFor(c.Insurance) }

// Remaining is the ordinary hours of the period not yet used.
func (c Counters) Remaining() float64 {
	return round2(max(0, c.Rules().PeriodHours-c.Period.Used))
}

// ExtensionLeft is the hours of forlængelse earned and not yet used.
func (c Counters) ExtensionLeft() float64 {
	return round2(max(0, c.Extension.Earned-c.Extension.Used))
}

// Consumption is the hourglass: the hours used of all the hours the citizen
// has (the period and the extension earned).
func (c Counters) Consumption() (used, total float64) {
	return round2(c.Period.Used + c.Extension.Used), round2(c.Rules().PeriodHours + c.Extension.Earned)
}

// ExpectedEnd is the last day of dagpenge if the citizen receives full
// dagpenge from the day after AsOf: the ordinary hours left, which must be
// used by the period's End, then the extension left.
func (c Counters) ExpectedEnd() time.Time {
	return expectedEnd(c, c.Remaining(), c.ExtensionLeft())
}

func expectedEnd(c Counters, ordinary, extension float64) time.Time {
	r := c.Rules()
	ordDays := ordinary / r.MonthHours * DaysPerMonth
	if limit := float64(daysBetween(c.AsOf, c.Period.End)); ordDays > limit {
		// Hours left when the 36 months are over are lost.
		ordDays = max(0, limit)
	}
	days := ordDays + extension/r.MonthHours*DaysPerMonth
	return c.AsOf.AddDate(0, 0, int(math.Round(days)))
}

// KarensAvoided says whether the window in progress already holds more
// hours of work than the limit.
func (c Counters) KarensAvoided() bool { return c.Karens.Worked > c.Rules().KarensLimit }

// ReearnComplete says whether the hours of work already earn a new period.
func (c Counters) ReearnComplete() bool { return c.Reearn.Worked >= c.Rules().ReearnHours }

// karensWindow is the 4-month window that starts on from.
func (r Rules) karensWindow(from time.Time) (time.Time, time.Time) {
	return from, from.AddDate(0, r.KarensMonths, -1)
}

// WindowEnd is the last day of a window of n months starting on from.
func WindowEnd(from time.Time, months int) time.Time { return from.AddDate(0, months, -1) }

// daysBetween is the number of days from a to b (b − a).
func daysBetween(a, b time.Time) int { return int(math.Round(b.Sub(a).Hours() / 24)) }

// days is the number of days in the period from–to, both included.
func days(from, to time.Time) int { return daysBetween(from, to) + 1 }

// overlap is the number of days two periods share.
func overlap(aFrom, aTo, bFrom, bTo time.Time) int {
	from, to := aFrom, aTo
	if bFrom.After(from) {
		from = bFrom
	}
	if bTo.Before(to) {
		to = bTo
	}
	if to.Before(from) {
		return 0
	}
	return days(from, to)
}

// round2 rounds hours to hundredths, the precision the a-kasse counts in.
func round2(h float64) float64 { return math.Round(h*100) / 100 }
