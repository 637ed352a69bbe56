package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// joblogWhere selects one citizen's logs by the filter's period, text and
// closed checkbox, but not by status: the status filter's counts are taken
// over it. $1 citizen, $2 changed at or after (NULL: no limit), $3 changed
// before (NULL: no limit), $4 a LIKE pattern (empty: no text), $5 show closed.
const joblogWhere = `
WHERE e.citizen_id = $1
  AND ($2::timestamptz IS NULL OR e.updated_at >= $2)
  AND ($3::timestamptz IS NULL OR e.updated_at < $3)
  AND ($4 = '' OR e.title ILIKE $4 OR e.employer ILIKE $4 OR e.contact_person ILIKE $4
       OR e.contact_email ILIKE $4 OR e.contact_phone ILIKE $4 OR e.note ILIKE $4)
  AND ($5 OR NOT e.closed)`

// joblogStatus adds the status filter: $6, empty for all logs.
const joblogStatus = ` AND ($6 = '' OR e.status = $6)`

// joblogEntriesSQL is one page of the list: open logs by last change, newest
// first, then the closed ones ("fremgår nederst på listen over dine logs").
// A page past the last ($7 is the offset) gives the first page instead, so
// that the page can say so without a second round trip.
const joblogEntriesSQL = `
SELECT e.id, e.kind, e.title, e.employer, e.contact_person, e.contact_email, e.contact_phone,
       coalesce(e.status, ''), coalesce(e.how_applied, ''), e.applied_on, e.activity_on, e.deadline,
       e.closed, e.created_at, e.updated_at, e.note, coalesce(e.postal_code, ''), e.town
FROM joblog_entries e` + joblogWhere + joblogStatus + `
ORDER BY e.closed, e.updated_at DESC, e.id DESC
LIMIT $8 OFFSET (CASE WHEN $7 < (SELECT count(*) FROM joblog_entries e` + joblogWhere + joblogStatus + `) THEN $7 ELSE 0 END)`

const joblogCountsSQL = `
SELECT coalesce(e.status, ''), count(*) FROM joblog_entries e` + joblogWhere + `
GROUP BY 1`

const joblogTotalSQL = `SELECT count(*) FROM joblog_entries WHERE citizen_id = $1`

// Joblog loads one page of a citizen's joblog with the counts of the status
// filter and the citizen's number of logs, in one round trip.
func (s *Store) Joblog(ctx context.Context, citizenID int64, f jobnet.JoblogFilter) (jobnet.JoblogPage, error) {
	p := jobnet.JoblogPage{Counts: map[jobnet.JoblogStatus]int{}}
	page := max(f.Page, 1)
	offset := (page - 1) * jobnet.JoblogPageSize
	args := []any{citizenID, dayStart(f.From), dayStart(nextDay(f.To)), likePattern(f.Text), f.ShowClosed}

	b := &pgx.Batch{}
	b.Queue(joblogEntriesSQL, append(args[:len(args):len(args)], string(f.Status), offset, jobnet.JoblogPageSize)...).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var e jobnet.JoblogEntry
			var applied, activity, deadline *time.Time
			if err := rows.Scan(&e.ID, &e.Kind, &e.Title, &e.Employer, &e.ContactPerson, &e.ContactEmail, &e.ContactPhone,
				&e.Status, &e.HowApplied, &applied, &activity, &deadline,
				&e.Closed, &e.CreatedAt, &e.UpdatedAt, &e.Note, &e.PostalCode, &e.Town); err != nil {
				return err
			}
			e.AppliedOn, e.ActivityOn, e.Deadline = deref(applied), deref(activity), deref(deadline)
			p.Entries = append(p.Entries, e)
		}
		return rows.Err()
	})
	b.Queue(joblogCountsSQL, args...).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var status string
			var n int
			if err := rows.Scan(&status, &n); err != nil {
				return err
			}
			if status != "" {
				p.Counts[jobnet.JoblogStatus(status)] = n
			}
			p.All += n
		}
		return rows.Err()
	})
	b.Queue(joblogTotalSQL, citizenID).QueryRow(func(row pgx.Row) error {
		return row.Scan(&p.Total)
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return jobnet.JoblogPage{}, wrap("load joblog", err)
	}
	p.Page = page
	if offset >= p.Matching(f.Status) {
		p.Page = 1
	}
	return p, nil
}

// joblogMapSQL is every log the filter selects, for "Vis på kort": the
// logs with a place by place, then those without one.
const joblogMapSQL = `
SELECT e.id, e.kind, e.title, e.employer, coalesce(e.status, ''), e.closed, e.updated_at,
       coalesce(e.postal_code, ''), e.town
FROM joblog_entries e` + joblogWhere + joblogStatus + `
ORDER BY e.postal_code NULLS LAST, e.town, e.closed, e.updated_at DESC, e.id DESC`

// JoblogMap loads every log the filter selects (all pages) with its place,
// for the Joblog's "Vis på kort".
func (s *Store) JoblogMap(ctx context.Context, citizenID int64, f jobnet.JoblogFilter) ([]jobnet.JoblogEntry, error) {
	var out []jobnet.JoblogEntry
	b := &pgx.Batch{}
	b.Queue(joblogMapSQL, citizenID, dayStart(f.From), dayStart(nextDay(f.To)), likePattern(f.Text), f.ShowClosed, string(f.Status)).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var e jobnet.JoblogEntry
			if err := rows.Scan(&e.ID, &e.Kind, &e.Title, &e.Employer, &e.Status, &e.Closed, &e.UpdatedAt, &e.PostalCode, &e.Town); err != nil {
				return err
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return nil, wrap("load joblog map", err)
	}
	return out, nil
}

// savedJobsSQL lists a citizen's saved postings, newest saved first, and
// whether each can still be applied for ($2 is today).
var savedJobsSQL = `
SELECT s.saved_at, ` + jobsOpenOn("$2") + `, ` + jobsPostingColumns + `
FROM saved_jobs s JOIN job_postings p ON p.id = s.posting_id
     JOIN occupations o ON o.id = p.occupation_id JOIN kommuner k ON k.number = p.kommune_number
WHERE s.citizen_id = $1
ORDER BY s.saved_at DESC, p.id DESC`

// SavedJobs loads the Joblog's "Se gemte job".
func (s *Store) SavedJobs(ctx context.Context, citizenID int64, today time.Time) ([]jobnet.SavedJob, error) {
	var out []jobnet.SavedJob
	b := &pgx.Batch{}
	b.Queue(savedJobsSQL, citizenID, today).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var j jobnet.SavedJob
			p, err := scanJobPosting(rows, &j.SavedAt, &j.Open)
			if err != nil {
				return err
			}
			j.Posting = p
			out = append(out, j)
		}
		return rows.Err()
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return nil, wrap("load saved jobs", err)
	}
	return out, nil
}

// dayStart is the instant a calendar day begins in Copenhagen; nil for no day.
func dayStart(day time.Time) *time.Time {
	if day.IsZero() {
		return nil
	}
	y, m, d := day.Date()
	t := time.Date(y, m, d, 0, 0, 0, 0, jobnet.Copenhagen)
	return &t
}

func nextDay(day time.Time) time.Time {
	if day.IsZero() {
		return day
	}
	return day.AddDate(0, 0, 1)
}

// likePattern matches text anywhere, with LIKE's wildcards taken literally;
// empty for no text.
func likePattern(text string) string {
	if text == "" {
		return ""
	}
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(text) + "%"
}
