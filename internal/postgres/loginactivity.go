package postgres

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/accesslog"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// Loginaktivitet (issue 11): one organisation's look-ups for its LBA. Only
// the CPR number's birth date leaves the database on this path, and the
// citizen's name only where the look-up was granted; access.
// LoginActivityCitizen then names the citizen as the LBA sees them. Every read is first written to login_activity_views
// (migration 00018), in the same round trip: no log, no rows.

// loginActivityCTE is the organisation's look-ups that the filter matches:
// $1 organisation, $2 and $3 the period's instants (NULL: open), $4 the
// caseworker (NULL: all), $5 the outcome.
const loginActivityCTE = `
WITH rows AS (
	SELECT h.occurred_at AS at, true AS granted, coalesce(h.caseworker_name, '') AS caseworker,
	       coalesce(h.organisation_name, '') AS organisation, left(c.cpr, 6) AS citizen,
	       c.name AS citizen_name, '' AS reason, 0 AS kind, h.id
	FROM citizen_history h JOIN citizens c ON c.id = h.citizen_id
	WHERE h.category = 'Login' AND h.organisation_id = $1
	  AND h.occurred_at >= coalesce($2::timestamptz, '-infinity') AND h.occurred_at < coalesce($3::timestamptz, 'infinity')
	  AND ($4::bigint IS NULL OR h.user_id = $4::bigint) AND $5::text <> 'refused'
	UNION ALL
	SELECT r.occurred_at, false, r.caseworker_name, o.name, left(r.cpr, 6), '', r.reason, 1, r.id
	FROM refused_lookups r JOIN organisations o ON o.id = r.organisation_id
	WHERE r.organisation_id = $1
	  AND r.occurred_at >= coalesce($2::timestamptz, '-infinity') AND r.occurred_at < coalesce($3::timestamptz, 'infinity')
	  AND ($4::bigint IS NULL OR r.user_id = $4::bigint) AND $5::text <> 'granted'
)`

// The newest first; a granted and a refused look-up in the same microsecond
// keep their order from page to page.
const loginActivityOrder = ` ORDER BY at DESC, kind, id DESC`

const loginActivityColumns = `SELECT at, granted, caseworker, organisation, citizen, citizen_name, reason FROM rows`

// loginActivityLogSQL logs the read and counts what it matches: $6 now, $7
// the reader, $8 page or csv, $9 and $10 the period's days, $11 the offset
// asked for, $12 the page asked for (NULL for a download). It returns the
// count and the page shown: the first when the offset is past the end.
const loginActivityLogSQL = loginActivityCTE + `
INSERT INTO login_activity_views (occurred_at, user_id, organisation_id, action, period_from, period_to, caseworker_id, outcome, page, row_count)
SELECT $6, $7, $1, $8, $9::date, $10::date, $4, $5, CASE WHEN $12::int IS NULL THEN NULL WHEN $11::bigint < count(*) THEN $12::int ELSE 1 END, count(*)
FROM rows
RETURNING row_count, coalesce(page, 1)`

// loginActivityPageSQL is one page: $6 the page size, $7 the offset, or 0
// when it is past the end.
const loginActivityPageSQL = loginActivityCTE + loginActivityColumns + loginActivityOrder + `
LIMIT $6 OFFSET CASE WHEN $7::bigint < (SELECT count(*) FROM rows) THEN $7::bigint ELSE 0 END`

// loginActivityCaseworkersSQL is whom the filter offers: the organisation's
// active caseworkers today, and whoever looked up citizens for it in the period
// (a caseworker since stripped of the role included).
const loginActivityCaseworkersSQL = `
SELECT u.id, u.name FROM amp_users u
WHERE u.id IN (
	SELECT r.user_id FROM amp_user_roles r JOIN amp_users a ON a.id = r.user_id
	WHERE r.organisation_id = $1 AND r.role = 'Sagsbehandler' AND a.active
	UNION
	SELECT user_id FROM citizen_history WHERE category = 'Login' AND organisation_id = $1
	  AND occurred_at >= coalesce($2::timestamptz, '-infinity') AND occurred_at < coalesce($3::timestamptz, 'infinity')
	UNION
	SELECT user_id FROM refused_lookups WHERE organisation_id = $1
	  AND occurred_at >= coalesce($2::timestamptz, '-infinity') AND occurred_at < coalesce($3::timestamptz, 'infinity')
)
ORDER BY u.name, u.id`

// loginActivityArgs are $1–$5 of loginActivityCTE.
func loginActivityArgs(orgID int64, f accesslog.Filter) []any {
	var caseworker any
	if f.CaseworkerID != 0 {
		caseworker = f.CaseworkerID
	}
	outcome := f.Outcome
	if outcome == "" {
		outcome = accesslog.OutcomeAll
	}
	return []any{orgID, dayStart(f.From), dayStart(nextDay(f.To)), caseworker, string(outcome)}
}

// loginActivityLogArgs are the arguments of loginActivityLogSQL.
func loginActivityLogArgs(u jobnet.User, orgID int64, f accesslog.Filter, now time.Time, action string, offset int64, page any) []any {
	var from, to any
	if !f.From.IsZero() {
		from = f.From.Format(time.DateOnly)
	}
	if !f.To.IsZero() {
		to = f.To.Format(time.DateOnly)
	}
	return append(loginActivityArgs(orgID, f), now, u.ID, action, from, to, offset, page)
}

// mayReadLoginActivity applies the access rule before anything is read.
func mayReadLoginActivity(u jobnet.User, orgID int64) error {
	if _, d := access.MaySeeLoginActivity(u, orgID); !d.Allowed {
		return fmt.Errorf("login activity of organisation %d (%s): %w", orgID, d.Reason, jobnet.ErrForbidden)
	}
	return nil
}

// LoginActivity returns one page of organisation orgID's look-ups for user
// u, its LBA, and logs that u read it — in one round trip.
func (s *Store) LoginActivity(ctx context.Context, u jobnet.User, orgID int64, f accesslog.Filter, now time.Time) (accesslog.Page, error) {
	if err := mayReadLoginActivity(u, orgID); err != nil {
		return accesslog.Page{}, err
	}
	if f.Page < 1 {
		f.Page = 1
	}
	offset := int64(f.Page-1) * int64(f.PerPage)
	args := loginActivityArgs(orgID, f)
	b := &pgx.Batch{}
	var p accesslog.Page
	b.Queue(loginActivityLogSQL, loginActivityLogArgs(u, orgID, f, now, "page", offset, f.Page)...).QueryRow(func(row pgx.Row) error {
		return row.Scan(&p.Total, &p.Page)
	})
	b.Queue(loginActivityPageSQL, append(args, f.PerPage, offset)...).Query(func(rows pgx.Rows) error {
		var err error
		p.Rows, err = pgx.CollectRows(rows, scanLoginActivityRow)
		return err
	})
	b.Queue(loginActivityCaseworkersSQL, args[:3]...).Query(func(rows pgx.Rows) error {
		var err error
		p.Caseworkers, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (accesslog.Caseworker, error) {
			var c accesslog.Caseworker
			return c, row.Scan(&c.ID, &c.Name)
		})
		return err
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return accesslog.Page{}, wrap("login activity", err)
	}
	return p, nil
}

// LoginActivityCSV writes every look-up the filter matches as CSV, the
// page's rows in the page's order, and logs the download first. It returns
// the number of rows.
func (s *Store) LoginActivityCSV(ctx context.Context, w io.Writer, u jobnet.User, orgID int64, f accesslog.Filter, now time.Time) (int64, error) {
	if err := mayReadLoginActivity(u, orgID); err != nil {
		return 0, err
	}
	b := &pgx.Batch{}
	b.Queue(loginActivityLogSQL, loginActivityLogArgs(u, orgID, f, now, "csv", 0, nil)...)
	b.Queue(loginActivityCTE+loginActivityColumns+loginActivityOrder, loginActivityArgs(orgID, f)...)
	br := s.pool.SendBatch(ctx, b)
	defer br.Close()
	var total, page int64
	if err := br.QueryRow().Scan(&total, &page); err != nil {
		return 0, wrap("login activity csv: log", err)
	}
	rows, err := br.Query()
	if err != nil {
		return 0, wrap("login activity csv", err)
	}
	defer rows.Close()
	out, err := accesslog.NewWriter(w, accesslog.Columns{CitizenHeader: "cpr", ReasonText: accesslog.ReasonText, WithName: true})
	if err != nil {
		return 0, fmt.Errorf("postgres: login activity csv: %w", err)
	}
	var n int64
	for rows.Next() {
		r, err := scanLoginActivityRow(rows)
		if err != nil {
			return n, wrap("login activity csv", err)
		}
		if err := out.Write(r); err != nil {
			return n, fmt.Errorf("postgres: login activity csv: %w", err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, wrap("login activity csv", err)
	}
	if err := out.Flush(); err != nil {
		return n, fmt.Errorf("postgres: login activity csv: %w", err)
	}
	return n, nil
}

func scanLoginActivityRow(row pgx.CollectableRow) (accesslog.Row, error) {
	var r accesslog.Row
	var birth, name string
	if err := row.Scan(&r.At, &r.Granted, &r.Caseworker, &r.Organisation, &birth, &name, &r.Reason); err != nil {
		return r, err
	}
	r.Citizen, r.CitizenName = access.LoginActivityCitizen(r.Granted, birth, name)
	return r, nil
}
