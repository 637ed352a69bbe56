package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/dagpenge"
)

const dagpengeCountersSQL = `
SELECT as_of, part_time, dimittend, period_start, period_end, period_used,
       extension_from, extension_to, extension_earned, extension_used, reearn_worked,
       karens_from, karens_to, karens_worked, karens_deductions
FROM dagpenge_counters WHERE citizen_id = $1`

const dagpengeMonthsSQL = `
SELECT month, hours_worked, hours_consumed FROM dagpenge_months
WHERE citizen_id = $1 ORDER BY month`

const supplementarySQL = `
SELECT as_of, window_from, window_to, weeks_used
FROM supplerende_dagpenge_counters WHERE citizen_id = $1`

// DagpengeCounters loads the citizen's dagpenge counters with their monthly
// history, in one round trip; found is false for a citizen the a-kasse has
// reported none for.
func (s *Store) DagpengeCounters(ctx context.Context, citizenID int64) (c dagpenge.Counters, found bool, err error) {
	b := &pgx.Batch{}
	b.Queue(dagpengeCountersSQL, citizenID).QueryRow(func(row pgx.Row) error {
		err := row.Scan(&c.AsOf, &c.Insurance.PartTime, &c.Insurance.Dimittend, &c.Period.Start, &c.Period.End, &c.Period.Used,
			&c.Extension.From, &c.Extension.To, &c.Extension.Earned, &c.Extension.Used, &c.Reearn.Worked,
			&c.Karens.From, &c.Karens.To, &c.Karens.Worked, &c.Karens.Deductions)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		found = err == nil
		return err
	})
	b.Queue(dagpengeMonthsSQL, citizenID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var m dagpenge.Month
			if err := rows.Scan(&m.Month, &m.Worked, &m.Consumed); err != nil {
				return err
			}
			c.History = append(c.History, m)
		}
		return rows.Err()
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return dagpenge.Counters{}, false, wrap("load dagpenge counters", err)
	}
	if !found {
		return dagpenge.Counters{}, false, nil
	}
	return c, true, nil
}

// SupplementaryCounter loads the counter of supplerende dagpenge; found is
// false when the citizen has none.
func (s *Store) SupplementaryCounter(ctx context.Context, citizenID int64) (dagpenge.Supplementary, bool, error) {
	var x dagpenge.Supplementary
	err := s.pool.QueryRow(ctx, supplementarySQL, citizenID).Scan(&x.AsOf, &x.From, &x.To, &x.WeeksUsed)
	if errors.Is(err, pgx.ErrNoRows) {
		return dagpenge.Supplementary{}, false, nil
	}
	if err != nil {
		return dagpenge.Supplementary{}, false, wrap("load supplementary dagpenge counter", err)
	}
	return x, true, nil
}
