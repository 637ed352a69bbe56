package dagpenge

import (
	"math"
	"strings"
	"time"
)

// Added is work the caseworker tries adding ("Prøv at tilføje timer"):
// Hours in all, spread evenly over the days From–To.
type Added struct {
	Hours    float64
	From, To time.Time
}

// Result is what the added hours change, each counter before and after.
type Result struct {
	Added     Added
	Extension ExtensionEffect
	// Saved is the hours of dagpenge not paid out, and so not consumed,
	// because the citizen works them.
	Saved  float64
	End    EndEffect
	Reearn ReearnEffect
	Karens []KarensEffect // each 4-month window the added hours fall in
}

// ExtensionEffect is what the hours earn of forlængelse.
type ExtensionEffect struct {
	Worked        float64 // the added hours within the extension window
	Outside       float64 // the added hours after the window: they earn nothing in it
	Earned        float64 // hours of dagpenge earned, within the ceiling
	Before, After float64
	Cap           float64
	Capped        bool // the ceiling stopped some of it
}

// EndEffect is the expected last day of dagpenge before and after.
type EndEffect struct {
	Before, After time.Time
	DaysLater     int
}

// ReearnEffect is the progress towards a new dagpenge period.
type ReearnEffect struct {
	Before, After, Required float64
	Completes               bool // the added hours complete it
	AlreadyComplete         bool
}

// KarensEffect is one 4-month window the added hours fall in.
type KarensEffect struct {
	From, To      time.Time
	Before, After float64 // hours worked in the window
	Limit         float64
	AvoidedBefore bool
	Avoided       bool // more than Limit hours after adding
}

// Field names a field of the simulation form.
type Field string

const (
	FieldHours Field = "timer"
	FieldFrom  Field = "fra"
	FieldTo    Field = "til"
)

// ProblemKind is what is wrong with a field.
type ProblemKind int

const (
	Negative     ProblemKind = iota + 1 // hours below zero
	NotFinite                           // hours that are not a number
	TooMany                             // more hours than the days hold (Limit)
	ToBeforeFrom                        // the period ends before it begins
	TooEarly                            // From before the earliest day (Day)
	TooLate                             // To after the latest day (Day)
)

// Problem is one field's fault.
type Problem struct {
	Field Field
	Kind  ProblemKind
	Limit float64   // TooMany: the most hours the period can hold
	Day   time.Time // TooEarly, TooLate: the limit
}

// Problems are the faults of a simulation's input.
type Problems []Problem

func (p Problems) Error() string {
	var fields []string
	for _, x := range p {
		fields = append(fields, string(x.Field))
	}
	return "dagpenge: invalid simulation: " + strings.Join(fields, ", ")
}

// HoursPerDay is the most anyone can work in a day.
const HoursPerDay = 24

// SimulationWindow is the days added hours may fall on: from the first day
// of the karens window in progress (earlier work is counted already), until
// the genoptjening's horizon of 3 years from today.
func (c Counters) SimulationWindow(today time.Time) (earliest, latest time.Time) {
	return c.Karens.From, today.AddDate(c.Rules().ReearnYears, 0, -1)
}

// CheckPeriod reports what is wrong with a period of added work.
func CheckPeriod(c Counters, from, to, today time.Time) Problems {
	var p Problems
	earliest, latest := c.SimulationWindow(today)
	if from.Before(earliest) {
		p = append(p, Problem{Field: FieldFrom, Kind: TooEarly, Day: earliest})
	}
	switch {
	case to.Before(from):
		p = append(p, Problem{Field: FieldTo, Kind: ToBeforeFrom})
	case to.After(latest):
		p = append(p, Problem{Field: FieldTo, Kind: TooLate, Day: latest})
	}
	return p
}

// CheckHours reports what is wrong with hours of work from–to; whether
// they fit in the days is only checked when to is not before from.
func CheckHours(hours float64, from, to time.Time) Problems {
	switch {
	case math.IsNaN(hours) || math.IsInf(hours, 0):
		return Problems{{Field: FieldHours, Kind: NotFinite}}
	case hours < 0:
		return Problems{{Field: FieldHours, Kind: Negative}}
	case to.Before(from):
		return nil
	}
	if limit := float64(HoursPerDay * days(from, to)); hours > limit {
		return Problems{{Field: FieldHours, Kind: TooMany, Limit: limit}}
	}
	return nil
}

// Simulate says what the added hours of work would change: the extension
// they earn, the dagpenge they save, the new expected end of the period, the
// progress towards a new period and the karens of each window they fall in.
// It is a calculation only; the counters are not changed. Input outside
// what a period can hold, or outside SimulationWindow(today), gives Problems.
func Simulate(c Counters, a Added, today time.Time) (Result, error) {
	if p := append(CheckHours(a.Hours, a.From, a.To), CheckPeriod(c, a.From, a.To, today)...); p != nil {
		return Result{}, p
	}
	r := c.Rules()
	a.Hours = round2(a.Hours)
	total := float64(days(a.From, a.To))
	// share is the added hours that fall on the days from–to.
	share := func(from, to time.Time) float64 {
		return round2(a.Hours * float64(overlap(a.From, a.To, from, to)) / total)
	}
	res := Result{Added: a}

	// Forlængelse: 2 hours per hour worked within the window, up to the ceiling.
	x := ExtensionEffect{Before: c.Extension.Earned, Cap: r.ExtensionCap}
	x.Worked = share(c.Extension.From, c.Extension.To)
	x.Outside = round2(a.Hours - x.Worked)
	room := max(0, r.ExtensionCap-c.Extension.Earned)
	x.Earned = round2(min(x.Worked*r.ExtensionRate, room))
	x.Capped = x.Worked*r.ExtensionRate > room
	x.After = round2(x.Before + x.Earned)
	res.Extension = x

	// Hours worked are not paid out, so they are not consumed: on the days
	// after the count and up to the expected end, at most what those days
	// would have consumed.
	endBefore := c.ExpectedEnd()
	if from, to := later(a.From, c.AsOf.AddDate(0, 0, 1)), earlier(a.To, endBefore); !to.Before(from) {
		full := float64(days(from, to)) * r.MonthHours / DaysPerMonth
		res.Saved = round2(min(share(from, to), full))
	}
	ordinary, extension := c.Remaining(), c.ExtensionLeft()
	if ordinary > 0 {
		ordinary += res.Saved
	} else {
		extension += res.Saved
	}
	endAfter := expectedEnd(c, ordinary, extension+x.Earned)
	res.End = EndEffect{Before: endBefore, After: endAfter, DaysLater: daysBetween(endBefore, endAfter)}

	// Genoptjening: every hour of work counts.
	res.Reearn = ReearnEffect{Before: c.Reearn.Worked, After: round2(c.Reearn.Worked + a.Hours), Required: r.ReearnHours}
	res.Reearn.AlreadyComplete = res.Reearn.Before >= r.ReearnHours
	res.Reearn.Completes = !res.Reearn.AlreadyComplete && res.Reearn.After >= r.ReearnHours

	// Karens: the window in progress, and the windows after it.
	worked := c.Karens.Worked
	for from, to := c.Karens.From, c.Karens.To; !from.After(a.To); from, to = r.karensWindow(to.AddDate(0, 0, 1)) {
		if overlap(a.From, a.To, from, to) > 0 {
			k := KarensEffect{From: from, To: to, Before: worked, After: round2(worked + share(from, to)), Limit: r.KarensLimit}
			k.AvoidedBefore, k.Avoided = k.Before > k.Limit, k.After > k.Limit
			res.Karens = append(res.Karens, k)
		}
		worked = 0 // a window after the one in progress has no hours yet
	}
	return res, nil
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
