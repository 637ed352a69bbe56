package dagpenge

import "time"

// Tally counts a period's history into its counters, as the a-kasse does at
// the end of each month: worked holds the hours worked in each month from
// start (the first day of a month), and the count is made up to the last
// day of the last of them. A month's dagpenge are its hours less the hours
// worked (supplerende dagpenge); each hour worked earns 2 hours of
// extension, at most the ceiling in each 18-month window; each completed
// 4-month window with no more hours than the karens limit cost a karens day.
func Tally(in Insurance, start time.Time, worked []float64) Counters {
	r := RulesFor(in)
	n := len(worked)
	c := Counters{
		Insurance: in,
		AsOf:      start.AddDate(0, n, -1),
		Period:    Period{Start: start, End: WindowEnd(start, r.PeriodMonths)},
	}
	var consumed, earned, window float64
	for i, h := range worked {
		m := Month{Month: start.AddDate(0, i, 0), Worked: round2(h), Consumed: round2(max(0, r.MonthHours-h))}
		c.History = append(c.History, m)
		consumed += m.Consumed
		c.Reearn.Worked += m.Worked
		window += m.Worked
		if (i+1)%r.ExtensionMonth == 0 {
			earned += min(r.ExtensionCap, r.ExtensionRate*window)
			window = 0
		}
	}
	earned += min(r.ExtensionCap, r.ExtensionRate*window)
	ext := n / r.ExtensionMonth * r.ExtensionMonth
	c.Extension = Extension{From: start.AddDate(0, ext, 0), To: WindowEnd(start.AddDate(0, ext, 0), r.ExtensionMonth), Earned: round2(earned)}

	c.Period.Used = round2(min(consumed, r.PeriodHours))
	c.Extension.Used = round2(min(c.Extension.Earned, max(0, consumed-r.PeriodHours)))
	c.Reearn.Worked = round2(c.Reearn.Worked)

	k := n / r.KarensMonths * r.KarensMonths
	c.Karens.From, c.Karens.To = r.karensWindow(start.AddDate(0, k, 0))
	for w := 0; w < n; w += r.KarensMonths {
		var sum float64
		for _, h := range worked[w:min(n, w+r.KarensMonths)] {
			sum += h
		}
		if w == k {
			c.Karens.Worked = round2(sum)
		} else if sum <= r.KarensLimit {
			c.Karens.Deductions++
		}
	}
	return c
}
