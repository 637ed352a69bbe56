package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// The Kalender's sources for the days $2 to $3 (inclusive) of citizen $1.
const (
	// calendarItemsSQL: plan items that start or end on one of the days.
	calendarItemsSQL = planItemsSelect + `
WHERE i.citizen_id = $1
  AND (i.valid_from BETWEEN $2 AND $3 OR i.valid_to BETWEEN $2 AND $3)
ORDER BY i.valid_from, i.id`

	// calendarMeetingsSQL: meetings that begin on one of the days in
	// Copenhagen ($2 the first instant, $3 the instant after the last day).
	calendarMeetingsSQL = `
SELECT m.id, m.title, m.starts_at, m.ends_at, m.organisation_id, o.name, o.kind, m.kind, m.target_group
FROM meetings m JOIN organisations o ON o.id = m.organisation_id
WHERE m.citizen_id = $1 AND m.starts_at >= $2 AND m.starts_at < $3
ORDER BY m.starts_at, m.id`

	// calendarJoblogSQL: joblog entries applied for, held or due on one of
	// the days. Only what the calendar shows is read.
	calendarJoblogSQL = `
SELECT id, kind, title, coalesce(status, ''), applied_on, activity_on, deadline
FROM joblog_entries
WHERE citizen_id = $1
  AND (applied_on BETWEEN $2 AND $3 OR activity_on BETWEEN $2 AND $3 OR deadline BETWEEN $2 AND $3)
ORDER BY coalesce(applied_on, activity_on, deadline), id`

	// calendarAbsencesSQL: absences that cover one of the days, without
	// their comments, which the calendar never shows.
	calendarAbsencesSQL = `
SELECT id, type, valid_from, valid_to, lawful_for
FROM absences
WHERE citizen_id = $1 AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $2)
ORDER BY valid_from, id`
)

// Calendar loads what the Kalender shows of the days from first to last
// (calendar days, inclusive) as the caseworker may see it today
// (access.Calendar), in one round trip.
func (s *Store) Calendar(ctx context.Context, cw jobnet.Caseworker, citizenID int64, first, last, today time.Time) (jobnet.Calendar, error) {
	c, err := s.loadCalendar(ctx, citizenID, first, last)
	if err != nil {
		return jobnet.Calendar{}, err
	}
	return access.Calendar(cw, c, today), nil
}

// loadCalendar loads the days' entries, before the law is applied.
func (s *Store) loadCalendar(ctx context.Context, citizenID int64, first, last time.Time) (jobnet.Calendar, error) {
	c := jobnet.Calendar{First: first, Last: last}
	b := &pgx.Batch{}
	b.Queue(calendarItemsSQL, citizenID, first, last).Query(func(rows pgx.Rows) error {
		var err error
		c.Items, err = scanPlanItems(rows, nil)
		return err
	})
	b.Queue(calendarMeetingsSQL, citizenID, dayStart(first), dayStart(nextDay(last))).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var m jobnet.Meeting
			if err := rows.Scan(&m.ID, &m.Title, &m.StartsAt, &m.EndsAt, &m.OrgID, &m.OrgName, &m.OrgKind, &m.Kind, &m.TargetGroup); err != nil {
				return err
			}
			c.Meetings = append(c.Meetings, m)
		}
		return rows.Err()
	})
	b.Queue(calendarJoblogSQL, citizenID, first, last).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var e jobnet.JoblogEntry
			var applied, activity, deadline *time.Time
			if err := rows.Scan(&e.ID, &e.Kind, &e.Title, &e.Status, &applied, &activity, &deadline); err != nil {
				return err
			}
			e.AppliedOn, e.ActivityOn, e.Deadline = deref(applied), deref(activity), deref(deadline)
			c.Joblog = append(c.Joblog, e)
		}
		return rows.Err()
	})
	b.Queue(calendarAbsencesSQL, citizenID, first, last).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var a jobnet.Absence
			var to *time.Time
			var lawful []string
			if err := rows.Scan(&a.ID, &a.Type, &a.Period.From, &to, &lawful); err != nil {
				return err
			}
			a.Period.To = deref(to)
			for _, g := range lawful {
				a.LawfulFor = append(a.LawfulFor, jobnet.TargetGroup(g))
			}
			c.Absences = append(c.Absences, a)
		}
		return rows.Err()
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return jobnet.Calendar{}, wrap("load calendar", err)
	}
	return c, nil
}
