package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// Via names this product in the citizen's history.
const Via = "Sagsbehandleradgang til Jobnet"

// LoginText is the Login entry's text in the citizen's history.
const LoginText = "Sagsbehandler har været logget ind og set din Jobnet"

// LookUpLimit is the rate limit on a caseworker's look-ups (SPEC §8): at
// most Max look-ups, granted or refused, in the Window before now, counted
// from the logs so that it holds across every instance. The zero
// LookUpLimit limits nothing.
type LookUpLimit struct {
	Max    int
	Window time.Duration
}

// ErrTooManyLookUps is LookUp's answer when the caseworker has made
// LookUpLimit.Max look-ups in the window already. Nothing is written.
var ErrTooManyLookUps = errors.New("postgres: too many look-ups")

// LookUp runs "Log ind som denne borger" in one transaction: it checks the
// rate limit, loads the citizen's facts, asks the access rule, and writes
// either the Login entry in the citizen's history (SPEC §6) or the refused
// look-up. Only when that write has committed does it return the citizen;
// if the write fails, the error is returned and nothing may be shown (fail
// closed).
//
// The transaction takes two round trips: one batch opens it, takes the
// caseworker's lock, counts and loads the facts; the access rule decides in
// Go; a second batch writes and commits. A caseworker's look-ups wait for
// each other from the lock to the commit, so every round trip saved there
// is time the next one does not wait.
func (s *Store) LookUp(ctx context.Context, cw jobnet.Caseworker, n cpr.Number, now time.Time, limit LookUpLimit) (jobnet.Citizen, access.Decision, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return jobnet.Citizen{}, access.Decision{}, wrap("look-up: connect", err)
	}
	defer releaseOutsideTransaction(ctx, conn)

	var (
		f    jobnet.CitizenFacts
		made int
	)
	b := &pgx.Batch{}
	// A BEGIN in a batch opens a transaction that outlasts the batch, so
	// that the lock is held until the write commits. READ COMMITTED is
	// named because the count below depends on it.
	b.Queue(`BEGIN ISOLATION LEVEL READ COMMITTED`)
	if limit.Max > 0 {
		// One caseworker's look-ups take turns, on every instance, each
		// holding the lock until it commits. The count is a statement of
		// its own after the lock, and in READ COMMITTED a statement sees
		// what was committed when it began: every look-up that held the
		// lock before this one.
		b.Queue(`SELECT pg_advisory_xact_lock(hashtext('lookup_rate_limit'), $1::int)`, cw.User.ID)
		b.Queue(countLookUpsSQL, cw.User.ID, now.Add(-limit.Window)).QueryRow(func(r pgx.Row) error { return r.Scan(&made) })
	}
	queueCitizenFacts(b, "c.cpr = $1", n.Digits(), &f)
	if err := conn.SendBatch(ctx, b).Close(); err != nil {
		return jobnet.Citizen{}, access.Decision{}, wrap("look-up: load citizen", err)
	}
	if limit.Max > 0 && made >= limit.Max {
		return jobnet.Citizen{}, access.Decision{}, ErrTooManyLookUps
	}

	d := access.MayLookUp(cw, f, jobnet.Day(now))
	b = &pgx.Batch{}
	if d.Allowed {
		b.Queue(`
			INSERT INTO citizen_history (citizen_id, category, occurred_at, text, caseworker_name, organisation_name, user_id, organisation_id, via)
			VALUES ($1, 'Login', $2, $3, $4, $5, $6, $7, $8)`,
			f.Citizen.ID, now, LoginText, cw.User.Name, cw.Org.Name, cw.User.ID, cw.Org.ID, Via)
	} else {
		b.Queue(`
			INSERT INTO refused_lookups (occurred_at, user_id, organisation_id, caseworker_name, cpr, reason)
			VALUES ($1, $2, $3, $4, $5, $6)`,
			now, cw.User.ID, cw.Org.ID, cw.User.Name, n.Digits(), string(d.Reason))
	}
	// A failed INSERT makes Postgres skip the rest of the batch, the COMMIT
	// too. A COMMIT of a transaction that failed earlier answers ROLLBACK,
	// not an error: that too is a write that did not happen.
	b.Queue(`COMMIT`).Exec(func(tag pgconn.CommandTag) error {
		if tag.String() != "COMMIT" {
			return fmt.Errorf("answered %q", tag)
		}
		return nil
	})
	if err := conn.SendBatch(ctx, b).Close(); err != nil {
		return jobnet.Citizen{}, access.Decision{}, wrap("look-up: write access log", err)
	}
	if !d.Allowed {
		return jobnet.Citizen{}, d, nil
	}
	return f.Citizen, d, nil
}

// releaseOutsideTransaction gives conn back to the pool after rolling back
// what a failed or refused look-up left open. pgxpool would close a
// connection returned inside a transaction, which is safe but costs a new
// connection; the rollback ends the transaction, and with it the
// caseworker's lock, at once. It runs even when ctx has ended, since a
// request given up on must not leave the lock held; a connection that
// cannot roll back is closed by the pool.
func releaseOutsideTransaction(ctx context.Context, conn *pgxpool.Conn) {
	defer conn.Release()
	if conn.Conn().PgConn().TxStatus() == 'I' || conn.Conn().IsClosed() {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), rollbackTimeout)
	defer cancel()
	_, _ = conn.Exec(ctx, `ROLLBACK`)
}

// rollbackTimeout bounds the rollback of an abandoned look-up; a healthy
// connection rolls back in a millisecond, and one that does not answer is
// better closed.
const rollbackTimeout = 5 * time.Second

// countLookUpsSQL counts the look-ups (granted and refused) user $1 made
// since $2, from the logs themselves, so that the rate limit holds across
// every instance without a write of its own.
const countLookUpsSQL = `
	SELECT (SELECT count(*) FROM citizen_history WHERE user_id = $1 AND category = 'Login' AND occurred_at >= $2)
	     + (SELECT count(*) FROM refused_lookups WHERE user_id = $1 AND occurred_at >= $2)`

// HistoryEntry is one row of a citizen's history.
type HistoryEntry struct {
	Category         string
	OccurredAt       time.Time
	Text             string
	CaseworkerName   string
	OrganisationName string
	Via              string
}

// History returns a citizen's history in a category, newest first.
func (s *Store) History(ctx context.Context, citizenID int64, category string) ([]HistoryEntry, error) {
	b := &pgx.Batch{}
	var out []HistoryEntry
	b.Queue(`SELECT category, occurred_at, text, coalesce(caseworker_name, ''), coalesce(organisation_name, ''), coalesce(via, '')
		FROM citizen_history WHERE citizen_id = $1 AND category = $2 ORDER BY occurred_at DESC, id DESC`, citizenID, category).
		Query(func(rows pgx.Rows) error {
			for rows.Next() {
				var e HistoryEntry
				if err := rows.Scan(&e.Category, &e.OccurredAt, &e.Text, &e.CaseworkerName, &e.OrganisationName, &e.Via); err != nil {
					return err
				}
				out = append(out, e)
			}
			return rows.Err()
		})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return nil, wrap(fmt.Sprintf("load history %q", category), err)
	}
	return out, nil
}
