package dagpenge

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func d(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }

// The examples are counted by hand from these counters. A day is
// DaysPerMonth / MonthHours hours: 30.4375 / 160.33 for a full-time member.

// fullTime is a full-time member 14 months into her period, counted up to
// 31 Jan 2026: she has used 2,013.62 of 3,848 hours, earned 462 hours of
// extension, worked 231 hours towards a new period and 120 hours in the
// karens window Dec 2025 – Mar 2026.
//
// Expected end: 3,848 − 2,013.62 = 1,834.38 ordinary hours + 462 extension
// = 2,296.38 hours; 2,296.38 / 160.33 = 14.3228 months × 30.4375 = 435.95
// ≈ 436 days after 31 Jan 2026 = 12 Apr 2027.
func fullTime() Counters {
	return Counters{
		AsOf:      d(2026, 1, 31),
		Period:    Period{Start: d(2024, 12, 1), End: d(2027, 11, 30), Used: 2013.62},
		Extension: Extension{From: d(2024, 12, 1), To: d(2026, 5, 31), Earned: 462},
		Reearn:    Reearn{Worked: 231},
		Karens:    Karens{From: d(2025, 12, 1), To: d(2026, 3, 31), Worked: 120, Deductions: 3},
	}
}

// partTime is a part-time member 10 months into his period (3,120 hours,
// 130 hours a month): 1,185 hours used, 230 hours of extension, 115 hours
// towards a new period of 1,258, 75 hours in the karens window (limit 97).
//
// Expected end: 3,120 − 1,185 = 1,935 + 230 = 2,165 hours; 2,165 / 130 =
// 16.6538 months × 30.4375 = 506.90 ≈ 507 days = 22 Jun 2027.
func partTime() Counters {
	return Counters{
		Insurance: Insurance{PartTime: true},
		AsOf:      d(2026, 1, 31),
		Period:    Period{Start: d(2025, 4, 1), End: d(2028, 3, 31), Used: 1185},
		Extension: Extension{From: d(2025, 4, 1), To: d(2026, 9, 30), Earned: 230},
		Reearn:    Reearn{Worked: 115},
		Karens:    Karens{From: d(2025, 12, 1), To: d(2026, 3, 31), Worked: 75, Deductions: 2},
	}
}

// dimittend started in January 2026 with 1,924 hours within 24 months and
// has used that month, 160.33 hours.
//
// Expected end: 1,924 − 160.33 = 1,763.67 hours; / 160.33 = 11.0002 months
// × 30.4375 = 334.82 ≈ 335 days = 1 Jan 2027.
func dimittend() Counters {
	return Counters{
		Insurance: Insurance{Dimittend: true},
		AsOf:      d(2026, 1, 31),
		Period:    Period{Start: d(2026, 1, 1), End: d(2027, 12, 31), Used: 160.33},
		Extension: Extension{From: d(2026, 1, 1), To: d(2027, 6, 30)},
		Karens:    Karens{From: d(2026, 1, 1), To: d(2026, 4, 30)},
	}
}

var today = d(2026, 2, 10)

func TestRulesFor(t *testing.T) {
	for _, tc := range []struct {
		in   Insurance
		want Rules
	}{
		{Insurance{}, Rules{MonthHours: 160.33, PeriodHours: 3848, PeriodMonths: 36, ExtensionRate: 2, ExtensionCap: 1924, ExtensionMonth: 18,
			ReearnHours: 1924, ReearnYears: 3, KarensMonths: 4, KarensLimit: 148}},
		{Insurance{PartTime: true}, Rules{MonthHours: 130, PeriodHours: 3120, PeriodMonths: 36, ExtensionRate: 2, ExtensionCap: 1560, ExtensionMonth: 18,
			ReearnHours: 1258, ReearnYears: 3, KarensMonths: 4, KarensLimit: 97}},
		{Insurance{Dimittend: true}, Rules{MonthHours: 160.33, PeriodHours: 1924, PeriodMonths: 24, ExtensionRate: 2, ExtensionCap: 1924, ExtensionMonth: 18,
			ReearnHours: 1924, ReearnYears: 3, KarensMonths: 4, KarensLimit: 148}},
		// 12 months × 130 hours.
		{Insurance{PartTime: true, Dimittend: true}, Rules{MonthHours: 130, PeriodHours: 1560, PeriodMonths: 24, ExtensionRate: 2, ExtensionCap: 1560, ExtensionMonth: 18,
			ReearnHours: 1258, ReearnYears: 3, KarensMonths: 4, KarensLimit: 97}},
	} {
		if diff := cmp.Diff(tc.want, RulesFor(tc.in)); diff != "" {
			t.Errorf("RulesFor(%+v) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestCounters_ExpectedEndAndHourglass(t *testing.T) {
	// The period runs out on 31 Mar 2026, 59 days after the count, while
	// 3,848 − 3,000 = 848 hours are left: 848 / 160.33 × 30.4375 = 160.99
	// days, of which only 59 can be used. Then the 100 hours of extension:
	// 100 / 160.33 × 30.4375 = 18.98 days. 59 + 18.98 = 77.98 ≈ 78 days =
	// 19 Apr 2026.
	lapsing := fullTime()
	lapsing.Period.End = d(2026, 3, 31)
	lapsing.Period.Used = 3000
	lapsing.Extension.Earned = 100

	for _, tc := range []struct {
		name        string
		c           Counters
		end         time.Time
		used, total float64
	}{
		// 2,013.62 used of 3,848 + 462.
		{"full time", fullTime(), d(2027, 4, 12), 2013.62, 4310},
		{"part time", partTime(), d(2027, 6, 22), 1185, 3350},
		{"dimittend", dimittend(), d(2027, 1, 1), 160.33, 1924},
		{"hours left when the period lapses are lost", lapsing, d(2026, 4, 19), 3000, 3948},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.c.ExpectedEnd(); !got.Equal(tc.end) {
				t.Errorf("ExpectedEnd = %s, want %s", got.Format(time.DateOnly), tc.end.Format(time.DateOnly))
			}
			used, total := tc.c.Consumption()
			if used != tc.used || total != tc.total {
				t.Errorf("Consumption = %v of %v, want %v of %v", used, total, tc.used, tc.total)
			}
		})
	}
}

func TestSimulate(t *testing.T) {
	february := func(h float64) Added { return Added{Hours: h, From: d(2026, 2, 1), To: d(2026, 2, 28)} }
	decMar := func(before, after float64) KarensEffect {
		return KarensEffect{From: d(2025, 12, 1), To: d(2026, 3, 31), Before: before, After: after, Limit: 148,
			AvoidedBefore: before > 148, Avoided: after > 148}
	}
	nearlyRearned := fullTime()
	nearlyRearned.Reearn.Worked = 1900
	nearlyCapped := fullTime()
	nearlyCapped.Extension.Earned = 1900
	lapsing := fullTime()
	lapsing.Period.End = d(2026, 3, 31)
	lapsing.Period.Used = 3000
	lapsing.Extension.Earned = 100

	for _, tc := range []struct {
		name string
		c    Counters
		add  Added
		want Result
	}{
		{
			// 37 hours × 2 = 74 hours of extension (462 → 536). The 37 hours
			// are not paid out either: February's 28 days would consume
			// 28 × 160.33 / 30.4375 = 147.49 hours, so all 37 are saved.
			// 2,296.38 + 37 + 74 = 2,407.38 hours; / 160.33 = 15.0152 months
			// × 30.4375 = 457.02 ≈ 457 days = 3 May 2027: 21 days later
			// (74 / 160.33 × 30.4375 = 14.05 days of it from the extension).
			// Karens: 120 + 37 = 157 > 148, the day is avoided.
			// Genoptjening: 231 + 37 = 268 of 1,924.
			name: "37 hours in a month earn 74 hours and move the end 21 days",
			c:    fullTime(), add: february(37),
			want: Result{
				Added:     february(37),
				Extension: ExtensionEffect{Worked: 37, Earned: 74, Before: 462, After: 536, Cap: 1924},
				Saved:     37,
				End:       EndEffect{Before: d(2027, 4, 12), After: d(2027, 5, 3), DaysLater: 21},
				Reearn:    ReearnEffect{Before: 231, After: 268, Required: 1924},
				Karens:    []KarensEffect{decMar(120, 157)},
			},
		},
		{
			// Nothing added, nothing changes; the window still holds 120 hours.
			name: "zero hours change nothing",
			c:    fullTime(), add: february(0),
			want: Result{
				Added:     february(0),
				Extension: ExtensionEffect{Before: 462, After: 462, Cap: 1924},
				End:       EndEffect{Before: d(2027, 4, 12), After: d(2027, 4, 12)},
				Reearn:    ReearnEffect{Before: 231, After: 231, Required: 1924},
				Karens:    []KarensEffect{decMar(120, 120)},
			},
		},
		{
			// 120 + 28 = 148, not more than 148: the karens day stays.
			// 2,296.38 + 28 + 56 = 2,380.38 / 160.33 × 30.4375 = 451.90 ≈ 452
			// days = 28 Apr 2027, 16 days later.
			name: "148 hours in the window do not avoid the karens day",
			c:    fullTime(), add: february(28),
			want: Result{
				Added:     february(28),
				Extension: ExtensionEffect{Worked: 28, Earned: 56, Before: 462, After: 518, Cap: 1924},
				Saved:     28,
				End:       EndEffect{Before: d(2027, 4, 12), After: d(2027, 4, 28), DaysLater: 16},
				Reearn:    ReearnEffect{Before: 231, After: 259, Required: 1924},
				Karens:    []KarensEffect{decMar(120, 148)},
			},
		},
		{
			// 120 + 29 = 149 > 148: avoided. 2,296.38 + 29 + 58 = 2,383.38 /
			// 160.33 × 30.4375 = 452.47 ≈ 452 days = 28 Apr 2027.
			name: "149 hours in the window avoid the karens day",
			c:    fullTime(), add: february(29),
			want: Result{
				Added:     february(29),
				Extension: ExtensionEffect{Worked: 29, Earned: 58, Before: 462, After: 520, Cap: 1924},
				Saved:     29,
				End:       EndEffect{Before: d(2027, 4, 12), After: d(2027, 4, 28), DaysLater: 16},
				Reearn:    ReearnEffect{Before: 231, After: 260, Required: 1924},
				Karens:    []KarensEffect{decMar(120, 149)},
			},
		},
		{
			// 1,924 − 1,900 = 24 hours of room: 37 × 2 = 74 is capped at 24.
			// Before: 1,834.38 + 1,900 = 3,734.38 / 160.33 × 30.4375 = 708.95
			// ≈ 709 days = 10 Jan 2028. After: + 37 saved + 24 = 3,795.38 →
			// 720.53 ≈ 721 days = 22 Jan 2028, 12 days later.
			name: "the extension stops at the ceiling of 1,924 hours",
			c:    nearlyCapped, add: february(37),
			want: Result{
				Added:     february(37),
				Extension: ExtensionEffect{Worked: 37, Earned: 24, Before: 1900, After: 1924, Cap: 1924, Capped: true},
				Saved:     37,
				End:       EndEffect{Before: d(2028, 1, 10), After: d(2028, 1, 22), DaysLater: 12},
				Reearn:    ReearnEffect{Before: 231, After: 268, Required: 1924},
				Karens:    []KarensEffect{decMar(120, 157)},
			},
		},
		{
			// June lies after the extension window (ends 31 May 2026): the 37
			// hours earn nothing there, but they are still not consumed:
			// 2,296.38 + 37 = 2,333.38 / 160.33 × 30.4375 = 442.97 ≈ 443 days
			// = 19 Apr 2027, 7 days later. June is in the next karens window,
			// Apr – Jul 2026, which starts at 0: 37 hours.
			name: "hours after the extension window earn no extension",
			c:    fullTime(), add: Added{Hours: 37, From: d(2026, 6, 1), To: d(2026, 6, 30)},
			want: Result{
				Added:     Added{Hours: 37, From: d(2026, 6, 1), To: d(2026, 6, 30)},
				Extension: ExtensionEffect{Outside: 37, Before: 462, After: 462, Cap: 1924},
				Saved:     37,
				End:       EndEffect{Before: d(2027, 4, 12), After: d(2027, 4, 19), DaysLater: 7},
				Reearn:    ReearnEffect{Before: 231, After: 268, Required: 1924},
				Karens:    []KarensEffect{{From: d(2026, 4, 1), To: d(2026, 7, 31), After: 37, Limit: 148}},
			},
		},
		{
			// 60 hours over 17 Mar – 15 Apr 2026, 30 days: 15 days and 30
			// hours in each karens window. Dec – Mar: 120 + 30 = 150 > 148,
			// avoided; Apr – Jul: 30. Extension 60 × 2 = 120; 2,296.38 + 60 +
			// 120 = 2,476.38 / 160.33 × 30.4375 = 470.12 ≈ 470 days =
			// 16 May 2027, 34 days later.
			name: "hours across two karens windows count in each",
			c:    fullTime(), add: Added{Hours: 60, From: d(2026, 3, 17), To: d(2026, 4, 15)},
			want: Result{
				Added:     Added{Hours: 60, From: d(2026, 3, 17), To: d(2026, 4, 15)},
				Extension: ExtensionEffect{Worked: 60, Earned: 120, Before: 462, After: 582, Cap: 1924},
				Saved:     60,
				End:       EndEffect{Before: d(2027, 4, 12), After: d(2027, 5, 16), DaysLater: 34},
				Reearn:    ReearnEffect{Before: 231, After: 291, Required: 1924},
				Karens: []KarensEffect{decMar(120, 150),
					{From: d(2026, 4, 1), To: d(2026, 7, 31), After: 30, Limit: 148}},
			},
		},
		{
			// 1,900 + 24 = 1,924: exactly enough for a new period.
			name: "genoptjening completes at 1,924 hours",
			c:    nearlyRearned, add: february(24),
			want: Result{
				Added:     february(24),
				Extension: ExtensionEffect{Worked: 24, Earned: 48, Before: 462, After: 510, Cap: 1924},
				Saved:     24,
				// 2,296.38 + 24 + 48 = 2,368.38 / 160.33 × 30.4375 = 449.62 ≈
				// 450 days = 26 Apr 2027.
				End:    EndEffect{Before: d(2027, 4, 12), After: d(2027, 4, 26), DaysLater: 14},
				Reearn: ReearnEffect{Before: 1900, After: 1924, Required: 1924, Completes: true},
				Karens: []KarensEffect{decMar(120, 144)},
			},
		},
		{
			// 1,900 + 23 = 1,923: one hour short.
			// 2,296.38 + 23 + 46 = 2,365.38 → 449.05 ≈ 449 days = 25 Apr 2027.
			name: "genoptjening one hour short",
			c:    nearlyRearned, add: february(23),
			want: Result{
				Added:     february(23),
				Extension: ExtensionEffect{Worked: 23, Earned: 46, Before: 462, After: 508, Cap: 1924},
				Saved:     23,
				End:       EndEffect{Before: d(2027, 4, 12), After: d(2027, 4, 25), DaysLater: 13},
				Reearn:    ReearnEffect{Before: 1900, After: 1923, Required: 1924},
				Karens:    []KarensEffect{decMar(120, 143)},
			},
		},
		{
			// Part time: 30 × 2 = 60 hours of extension; 2,165 + 30 + 60 =
			// 2,255 / 130 = 17.3462 months × 30.4375 = 527.97 ≈ 528 days =
			// 13 Jul 2027, 21 days after 22 Jun 2027. Karens: 75 + 30 = 105
			// > 97. Genoptjening: 115 + 30 = 145 of 1,258.
			name: "part time counts 130 hours a month and 97 for karens",
			c:    partTime(), add: february(30),
			want: Result{
				Added:     february(30),
				Extension: ExtensionEffect{Worked: 30, Earned: 60, Before: 230, After: 290, Cap: 1560},
				Saved:     30,
				End:       EndEffect{Before: d(2027, 6, 22), After: d(2027, 7, 13), DaysLater: 21},
				Reearn:    ReearnEffect{Before: 115, After: 145, Required: 1258},
				Karens:    []KarensEffect{{From: d(2025, 12, 1), To: d(2026, 3, 31), Before: 75, After: 105, Limit: 97, Avoided: true}},
			},
		},
		{
			// Part time: 75 + 22 = 97, not more than 97. 2,165 + 22 + 44 =
			// 2,231 / 130 × 30.4375 = 522.35 ≈ 522 days = 7 Jul 2027.
			name: "part time 97 hours do not avoid the karens day",
			c:    partTime(), add: february(22),
			want: Result{
				Added:     february(22),
				Extension: ExtensionEffect{Worked: 22, Earned: 44, Before: 230, After: 274, Cap: 1560},
				Saved:     22,
				End:       EndEffect{Before: d(2027, 6, 22), After: d(2027, 7, 7), DaysLater: 15},
				Reearn:    ReearnEffect{Before: 115, After: 137, Required: 1258},
				Karens:    []KarensEffect{{From: d(2025, 12, 1), To: d(2026, 3, 31), Before: 75, After: 97, Limit: 97}},
			},
		},
		{
			// Dimittend: 74 × 2 = 148 hours of extension; 1,763.67 + 74 + 148
			// = 1,985.67 / 160.33 = 12.3849 months × 30.4375 = 376.97 ≈ 377
			// days = 12 Feb 2027, 42 days after 1 Jan 2027.
			name: "a dimittend's period of 1,924 hours",
			c:    dimittend(), add: february(74),
			want: Result{
				Added:     february(74),
				Extension: ExtensionEffect{Worked: 74, Earned: 148, Before: 0, After: 148, Cap: 1924},
				Saved:     74,
				End:       EndEffect{Before: d(2027, 1, 1), After: d(2027, 2, 12), DaysLater: 42},
				Reearn:    ReearnEffect{Before: 0, After: 74, Required: 1924},
				Karens:    []KarensEffect{{From: d(2026, 1, 1), To: d(2026, 4, 30), After: 74, Limit: 148}},
			},
		},
		{
			// The ordinary hours cannot all be used before the period lapses
			// on 31 Mar 2026, so the 37 hours saved change nothing; the 74
			// hours of extension do: 59 days + (100 + 74) / 160.33 × 30.4375
			// = 59 + 33.03 = 92.03 ≈ 92 days = 3 May 2026, 14 days later.
			name: "saved hours are lost when the period lapses first",
			c:    lapsing, add: february(37),
			want: Result{
				Added:     february(37),
				Extension: ExtensionEffect{Worked: 37, Earned: 74, Before: 100, After: 174, Cap: 1924},
				Saved:     37,
				End:       EndEffect{Before: d(2026, 4, 19), After: d(2026, 5, 3), DaysLater: 14},
				Reearn:    ReearnEffect{Before: 231, After: 268, Required: 1924},
				Karens:    []KarensEffect{decMar(120, 157)},
			},
		},
		{
			// 400 hours in February: more than its 28 days would consume
			// (28 × 160.33 / 30.4375 = 147.49), so 147.49 are saved.
			// Extension 800; 2,296.38 + 147.49 + 800 = 3,243.87 / 160.33 ×
			// 30.4375 = 615.83 ≈ 616 days = 9 Oct 2027, 180 days later.
			name: "full-time work saves at most a month's consumption",
			c:    fullTime(), add: february(400),
			want: Result{
				Added:     february(400),
				Extension: ExtensionEffect{Worked: 400, Earned: 800, Before: 462, After: 1262, Cap: 1924},
				Saved:     147.49,
				End:       EndEffect{Before: d(2027, 4, 12), After: d(2027, 10, 9), DaysLater: 180},
				Reearn:    ReearnEffect{Before: 231, After: 631, Required: 1924},
				Karens:    []KarensEffect{decMar(120, 520)},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Simulate(tc.c, tc.add, today)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Simulate (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSimulate_RefusesImpossibleInput(t *testing.T) {
	// The window of a simulation: from the karens window's first day, 1 Dec
	// 2025, to three years from today less a day, 9 Feb 2029.
	for _, tc := range []struct {
		name string
		add  Added
		want Problems
	}{
		{"negative hours", Added{-1, d(2026, 2, 1), d(2026, 2, 28)}, Problems{{Field: FieldHours, Kind: Negative}}},
		{"not a number", Added{math.NaN(), d(2026, 2, 1), d(2026, 2, 28)}, Problems{{Field: FieldHours, Kind: NotFinite}}},
		{"infinite", Added{math.Inf(1), d(2026, 2, 1), d(2026, 2, 28)}, Problems{{Field: FieldHours, Kind: NotFinite}}},
		// 28 days × 24 hours = 672.
		{"more hours than February holds", Added{672.01, d(2026, 2, 1), d(2026, 2, 28)}, Problems{{Field: FieldHours, Kind: TooMany, Limit: 672}}},
		{"to before from", Added{37, d(2026, 2, 28), d(2026, 2, 1)}, Problems{{Field: FieldTo, Kind: ToBeforeFrom}}},
		{"before the karens window", Added{37, d(2025, 11, 30), d(2026, 2, 1)}, Problems{{Field: FieldFrom, Kind: TooEarly, Day: d(2025, 12, 1)}}},
		{"beyond three years", Added{37, d(2029, 2, 1), d(2029, 2, 10)}, Problems{{Field: FieldTo, Kind: TooLate, Day: d(2029, 2, 9)}}},
		{"an absurd year", Added{37, d(1900, 1, 1), d(2099, 12, 31)}, Problems{
			{Field: FieldFrom, Kind: TooEarly, Day: d(2025, 12, 1)}, {Field: FieldTo, Kind: TooLate, Day: d(2029, 2, 9)}}},
		// Every field's fault at once; hours are not held to a period
		// that ends before it begins.
		{"negative hours in a backward past period", Added{-5, d(2020, 1, 1), d(2019, 1, 1)}, Problems{
			{Field: FieldHours, Kind: Negative}, {Field: FieldFrom, Kind: TooEarly, Day: d(2025, 12, 1)}, {Field: FieldTo, Kind: ToBeforeFrom}}},
		{"many hours in a backward period", Added{1000, d(2026, 2, 28), d(2026, 2, 1)}, Problems{{Field: FieldTo, Kind: ToBeforeFrom}}},
		{"too many hours and too late", Added{1000, d(2029, 2, 1), d(2029, 2, 28)}, Problems{
			{Field: FieldHours, Kind: TooMany, Limit: 672}, {Field: FieldTo, Kind: TooLate, Day: d(2029, 2, 9)}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Simulate(fullTime(), tc.add, today)
			var got Problems
			if !errors.As(err, &got) {
				t.Fatalf("err = %v, want Problems", err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Problems (-want +got):\n%s", diff)
			}
		})
	}
	// The edges themselves are allowed: 672 hours in February, the first and
	// the last day of the window.
	for _, ok := range []Added{{672, d(2026, 2, 1), d(2026, 2, 28)}, {1, d(2025, 12, 1), d(2025, 12, 1)}, {1, d(2029, 2, 9), d(2029, 2, 9)}} {
		if _, err := Simulate(fullTime(), ok, today); err != nil {
			t.Errorf("Simulate(%v): %v", ok, err)
		}
	}
}
