// Package dagpenge owns the arithmetic of the dagpenge counters that Jobnet
// shows a citizen under Planer og aftaler — Dagpengetællere (forlængelse af
// dagpengeperioden, karens, genoptjening and the consumption of the period)
// and Tællere for supplerende dagpenge — and of "Prøv at tilføje timer", the
// simulation of added work hours. Everything here is a pure function over
// the counters the a-kasse reports to DFDG; nothing is read or saved.
//
// It models the rules in force on 1 January 2026 (RulesAsOf), as SPEC
// Appendix A gives them:
//
//   - the dagpenge period is 3,848 hours to be used within 36 months
//     (part-time insured 3,120); a dimittend placed from 1 May 2023 has
//     1,924 hours within 24 months;
//   - forlængelse: each hour worked earns 2 hours of dagpenge, at most 1,924
//     hours within the 18 months of the extension account's window;
//   - genoptjening: 1,924 hours of work within 3 years earn a new period
//     (part-time 1,258);
//   - karens: one day is deducted every 4 months unless more than 148 hours
//     were worked in those 4 months (part-time 97);
//   - a month counts 160.33 hours (part-time 130);
//   - supplerende dagpenge: 30 weeks within 104 weeks.
//
// Where the appendix gives no part-time figure, the package follows its own
// pattern (a part-time month is 130 hours instead of 160.33, the number of
// months is the same): a part-time dimittend's period and a part-time
// extension ceiling are 12 × 130 = 1,560 hours, as 1,924 is 12 × 160.33.
package dagpenge

import "time"

// RulesAsOf is the day whose rules the package models.
var RulesAsOf = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// DaysPerMonth turns months into calendar days: the average Gregorian month
// (365.25 / 12), so that 160.33 hours are one month of 30.4375 days.
const DaysPerMonth = 365.25 / 12

// Insurance is how the citizen is insured in the a-kasse.
type Insurance struct {
	PartTime  bool // deltidsforsikret
	Dimittend bool // dimittend placed on or after 1 May 2023
}

// Rules are the figures that apply to one kind of insurance.
type Rules struct {
	MonthHours     float64 // hours a month of dagpenge counts
	PeriodHours    float64 // the dagpenge period
	PeriodMonths   int     // the months within which the period must be used
	ExtensionRate  float64 // hours of dagpenge earned per hour worked
	ExtensionCap   float64 // the most extension one window can hold
	ExtensionMonth int     // the extension window, in months
	ReearnHours    float64 // hours of work that earn a new period
	ReearnYears    int     // within this many years
	KarensMonths   int     // length of a karens window
	KarensLimit    float64 // more than this many hours worked in a window avoid the karens day
}

// Supplementary dagpenge: weeks that may be used within the window.
const (
	SupplementaryWeeks       = 30
	SupplementaryWindowWeeks = 104
)

// RulesFor gives the figures for the insurance.
func RulesFor(in Insurance) Rules {
	r := Rules{
		MonthHours:     160.33,
		PeriodHours:    3848,
		PeriodMonths:   36,
		ExtensionRate:  2,
		ExtensionCap:   1924,
		ExtensionMonth: 18,
		ReearnHours:    1924,
		ReearnYears:    3,
		KarensMonths:   4,
		KarensLimit:    148,
	}
	if in.PartTime {
		r.MonthHours = 130
		r.PeriodHours = 3120
		r.ExtensionCap = 1560
		r.ReearnHours = 1258
		r.KarensLimit = 97
	}
	if in.Dimittend {
		r.PeriodMonths = 24
		r.PeriodHours = 1924
		if in.PartTime {
			r.PeriodHours = 1560
		}
	}
	return r
}
