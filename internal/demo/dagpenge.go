package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/dagpenge"
)

// DagpengeCase is a demo citizen's dagpenge as the a-kasse reports them:
// the period began on the first day of the month MonthsIn months before
// this month, and Worked holds the hours worked in each month since, up to
// last month. The counters are tallied from it (dagpenge.Tally), counted up
// to the last day of last month, under the rules of dagpenge.RulesAsOf.
type DagpengeCase struct {
	Insurance dagpenge.Insurance
	MonthsIn  int
	Worked    map[int]float64 // by month of the period, from 0; other months 0
	// Supplementary dagpenge: the 104-week window began on the first day of
	// this month of the period, and this many weeks are used; 0 for none.
	SupplementaryFrom, SupplementaryWeeks int
}

// DagpengeCases are the demo citizens with dagpenge counters, by key. A
// period never covers a month Min plan shows in another target group.
var DagpengeCases = map[string]DagpengeCase{
	// Anna is 6 months into her period: it began on the first of the month
	// after her sygedagpenge ended (Min plan: sick until 215 days ago; six
	// months before the first of this month is 181–214 days ago). A
	// temporary job of 3 weeks × 37 hours (month 3, three months ago) and
	// her 15 hours a week since (months 4 and 5) earned 231 × 2 = 462 hours
	// of extension; the karens window in progress (months 4–7) holds 55 +
	// 65 = 120 hours, and the one before (months 0–3) only 111, which cost a
	// karens day; 12 of 30 weeks of supplerende dagpenge are used.
	"anna": {MonthsIn: 6, Worked: map[int]float64{3: 111, 4: 55, 5: 65}, SupplementaryFrom: 3, SupplementaryWeeks: 12},
	// Bo is insured part time (130 hours a month), 10 months in.
	"bo": {Insurance: dagpenge.Insurance{PartTime: true}, MonthsIn: 10, Worked: map[int]float64{7: 40, 8: 30, 9: 45},
		SupplementaryFrom: 7, SupplementaryWeeks: 9},
	// Camilla is a dimittend in kontaktgruppe 8, "Uden ydelse": she gets no
	// dagpenge yet. Her a-kasse has set up her period of 1,924 hours within
	// 24 months from this month, and nothing of it is used.
	"camilla": {Insurance: dagpenge.Insurance{Dimittend: true}, MonthsIn: 0},
	// Maja has had dagpenge since she was raskmeldt (Min plan: 61 days ago):
	// her period began on the first of last month, 28–61 days ago.
	"maja": {MonthsIn: 1},
}

// Counters tallies the case as of today.
func (dc DagpengeCase) Counters(today time.Time) dagpenge.Counters {
	worked := make([]float64, dc.MonthsIn)
	for m, h := range dc.Worked {
		worked[m] = h
	}
	return dagpenge.Tally(dc.Insurance, dc.start(today), worked)
}

// Supplementary is the case's counter of supplerende dagpenge.
func (dc DagpengeCase) Supplementary(today time.Time) (dagpenge.Supplementary, bool) {
	if dc.SupplementaryWeeks == 0 {
		return dagpenge.Supplementary{}, false
	}
	from := dc.start(today).AddDate(0, dc.SupplementaryFrom, 0)
	return dagpenge.Supplementary{
		AsOf:      firstOfMonth(today).AddDate(0, 0, -1),
		From:      from,
		To:        from.AddDate(0, 0, dagpenge.SupplementaryWindowWeeks*7-1),
		WeeksUsed: dc.SupplementaryWeeks,
	}, true
}

func (dc DagpengeCase) start(today time.Time) time.Time {
	return firstOfMonth(today).AddDate(0, -dc.MonthsIn, 0)
}

func firstOfMonth(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

var dagpengeLoader = areaLoader{name: "dagpenge", load: loadDagpenge}

func loadDagpenge(ctx context.Context, tx pgx.Tx, st *loadState) error {
	b := &pgx.Batch{}
	for _, c := range Citizens {
		dc, ok := DagpengeCases[c.Key]
		if !ok {
			continue
		}
		id := st.citizenIDs[c.Key]
		k := dc.Counters(st.today)
		b.Queue(`INSERT INTO dagpenge_counters (citizen_id, as_of, rules_as_of, part_time, dimittend, period_start, period_end, period_used,
				extension_from, extension_to, extension_earned, extension_used, reearn_worked,
				karens_from, karens_to, karens_worked, karens_deductions)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
			id, k.AsOf, dagpenge.RulesAsOf, k.Insurance.PartTime, k.Insurance.Dimittend, k.Period.Start, k.Period.End, k.Period.Used,
			k.Extension.From, k.Extension.To, k.Extension.Earned, k.Extension.Used, k.Reearn.Worked,
			k.Karens.From, k.Karens.To, k.Karens.Worked, k.Karens.Deductions)
		for _, m := range k.History {
			b.Queue(`INSERT INTO dagpenge_months (citizen_id, month, hours_worked, hours_consumed) VALUES ($1, $2, $3, $4)`,
				id, m.Month, m.Worked, m.Consumed)
		}
		if x, ok := dc.Supplementary(st.today); ok {
			b.Queue(`INSERT INTO supplerende_dagpenge_counters (citizen_id, as_of, window_from, window_to, weeks_used) VALUES ($1, $2, $3, $4, $5)`,
				id, x.AsOf, x.From, x.To, x.WeeksUsed)
		}
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("dagpenge counters: %w", err)
	}
	return nil
}
