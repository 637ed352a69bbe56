package postgres

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/accesslog"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// This file is the operator's side of the access log (SPEC §6): checking
// that the citizen_history hash chain is whole, and exporting the Login
// entries and refused look-ups for an organisation's own control. Both read
// in one read-only, repeatable-read transaction, so they see one snapshot
// and cannot write, whichever user runs them.

// HistoryRow is what the chain trigger (citizen_history_chain, migrations
// 00001 and 00011) hashes. Nullable columns are pointers: concat_ws skips a
// NULL altogether, separator included, while an empty string keeps its
// place. The row's place in the chain (seq) is not hashed: it only says in
// which order to walk the chain, and a changed seq breaks the links.
type HistoryRow struct {
	CitizenID        int64
	Category         string
	OccurredAt       time.Time
	Text             string
	CaseworkerName   *string
	OrganisationName *string
	UserID           *int64
	OrganisationID   *int64
	Via              *string
}

// HistoryHash computes a row's hash byte for byte as the trigger does:
//
//	sha256(coalesce(prev_hash, '') || convert_to(concat_ws(E'\x1f', citizen_id, category,
//	    to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
//	    text, caseworker_name, organisation_name, user_id, organisation_id, via), 'UTF8'))
//
// It is computed in Go rather than in SQL so that the check does not rest on
// the database's own functions, which whoever could change the rows could
// change too.
func HistoryHash(prev []byte, r HistoryRow) []byte {
	fields := []*string{
		ptr(strconv.FormatInt(r.CitizenID, 10)),
		&r.Category,
		ptr(r.OccurredAt.UTC().Format("2006-01-02T15:04:05.000000")),
		&r.Text,
		r.CaseworkerName,
		r.OrganisationName,
		formatID(r.UserID),
		formatID(r.OrganisationID),
		r.Via,
	}
	var b bytes.Buffer
	b.Write(prev)
	first := true
	for _, f := range fields {
		if f == nil {
			continue
		}
		if !first {
			b.WriteByte(0x1f)
		}
		first = false
		b.WriteString(*f)
	}
	sum := sha256.Sum256(b.Bytes())
	return sum[:]
}

func ptr(s string) *string { return &s }

func formatID(id *int64) *string {
	if id == nil {
		return nil
	}
	return ptr(strconv.FormatInt(*id, 10))
}

// BrokenEntry is a history row that does not fit the chain. It names the row
// and the citizen by their internal ids, never by CPR number.
type BrokenEntry struct {
	ID        int64
	CitizenID int64
	// ContentChanged: the row's columns no longer give its stored hash — the
	// row was changed after it was written.
	ContentChanged bool
	// LinkBroken: the row's prev_hash is not the hash of the citizen's
	// previous row (AfterID, 0 when it is the citizen's first row) — a row
	// before it was removed, or its hash rewritten.
	LinkBroken bool
	AfterID    int64
	// ForkOf, when the link is broken, is the earlier row of the citizen
	// (not the previous one) whose hash the row's prev_hash is: the chain
	// forks at that row. Simultaneous look-ups did this before migration
	// 11. A removed row leaves a prev_hash that no row has: ForkOf 0.
	ForkOf int64
}

// maxBrokenListed caps the report's list; BrokenCount still counts all.
const maxBrokenListed = 1000

// VerifyReport is the outcome of VerifyAccessLog.
type VerifyReport struct {
	Rows        int64
	Citizens    int64
	BrokenCount int64
	Broken      []BrokenEntry // the first maxBrokenListed, in chain order
}

// OK reports whether the whole chain is intact.
func (r VerifyReport) OK() bool { return r.BrokenCount == 0 }

// VerifyProgress is reported while VerifyAccessLog runs.
type VerifyProgress struct {
	Rows, Citizens, Broken int64
}

// progressEvery is how many rows pass between progress reports.
const progressEvery = 10000

// VerifyAccessLog walks the whole citizen_history in chain order (each
// citizen's rows by seq), streaming the rows, and checks each row's hash
// and its link to the citizen's previous row. progress, when not nil, is
// called every progressEvery rows and once at the end. A broken chain is not an error:
// it is in the report. The removal of a citizen's last rows cannot be seen
// from the table alone.
func (s *Store) VerifyAccessLog(ctx context.Context, progress func(VerifyProgress)) (VerifyReport, error) {
	var rep VerifyReport
	err := s.readOnly(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `
			SELECT id, citizen_id, category, occurred_at, text, caseworker_name, organisation_name,
			       user_id, organisation_id, via, prev_hash, hash
			FROM citizen_history ORDER BY citizen_id, seq`)
		if err != nil {
			return err
		}
		defer rows.Close()
		var (
			id, lastID, lastCitizen int64
			prev, hash, lastHash    []byte
			r                       HistoryRow
			// seen names the citizen's rows so far by hash, to tell a
			// fork from a link to a row that is not there.
			seen = map[string]int64{}
		)
		for rows.Next() {
			if err := rows.Scan(&id, &r.CitizenID, &r.Category, &r.OccurredAt, &r.Text, &r.CaseworkerName,
				&r.OrganisationName, &r.UserID, &r.OrganisationID, &r.Via, &prev, &hash); err != nil {
				return err
			}
			if rep.Rows == 0 || r.CitizenID != lastCitizen {
				rep.Citizens++
				lastID, lastHash = 0, nil
				clear(seen)
			}
			rep.Rows++
			b := BrokenEntry{
				ID:             id,
				CitizenID:      r.CitizenID,
				ContentChanged: !bytes.Equal(HistoryHash(prev, r), hash),
				LinkBroken:     !bytes.Equal(prev, lastHash) || (lastHash == nil) != (prev == nil),
				AfterID:        lastID,
			}
			if b.LinkBroken && prev != nil {
				b.ForkOf = seen[string(prev)]
			}
			if b.ContentChanged || b.LinkBroken {
				rep.BrokenCount++
				if len(rep.Broken) < maxBrokenListed {
					rep.Broken = append(rep.Broken, b)
				}
			}
			lastCitizen, lastID, lastHash = r.CitizenID, id, bytes.Clone(hash)
			if _, ok := seen[string(hash)]; !ok {
				seen[string(hash)] = id
			}
			if progress != nil && rep.Rows%progressEvery == 0 {
				progress(VerifyProgress{rep.Rows, rep.Citizens, rep.BrokenCount})
			}
		}
		return rows.Err()
	})
	if err != nil {
		return VerifyReport{}, wrap("verify access log", err)
	}
	if progress != nil {
		progress(VerifyProgress{rep.Rows, rep.Citizens, rep.BrokenCount})
	}
	return rep, nil
}

// ExportFilter chooses what ExportAccessLog writes.
type ExportFilter struct {
	From, To       time.Time // the period, From inclusive, To exclusive
	OrganisationID int64     // 0: every organisation
	// WithCPR writes the citizen's CPR number instead of the internal
	// citizen id. Only for one organisation: the organisation's own control
	// needs to know whom its caseworkers looked up, but nobody needs every
	// organisation's look-ups by CPR in one file.
	WithCPR bool
}

// ErrCPRNeedsOrganisation refuses an export with CPR numbers for more than
// one organisation.
var ErrCPRNeedsOrganisation = fmt.Errorf("an export with CPR numbers must be for one organisation: %w", jobnet.ErrInvalid)

// ExportAccessLog writes, as CSV, the Login entries in the citizens'
// histories and the refused look-ups in a period, oldest first, for one
// organisation or all; times are Danish time with their offset. The citizen is named by the internal citizen id
// (empty for a refused look-up of a CPR number that is no citizen), or by
// CPR number when f.WithCPR. The reason of a refusal is the access rule's
// code (access.Reason).
func (s *Store) ExportAccessLog(ctx context.Context, w io.Writer, f ExportFilter) error {
	if f.WithCPR && f.OrganisationID == 0 {
		return ErrCPRNeedsOrganisation
	}
	if !f.From.Before(f.To) {
		return fmt.Errorf("export period %s–%s is empty: %w", f.From.Format(time.DateOnly), f.To.Format(time.DateOnly), jobnet.ErrInvalid)
	}
	cols := accesslog.Columns{}
	if f.WithCPR {
		cols.CitizenHeader = "cpr"
	}
	var out *accesslog.Writer
	err := s.readOnly(ctx, func(tx pgx.Tx) error {
		if f.OrganisationID != 0 {
			var exists bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT FROM organisations WHERE id = $1)`, f.OrganisationID).Scan(&exists); err != nil {
				return err
			}
			if !exists {
				return fmt.Errorf("organisation %d: %w", f.OrganisationID, jobnet.ErrNotFound)
			}
		}
		var err error
		if out, err = accesslog.NewWriter(w, cols); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `
			SELECT h.occurred_at, true, coalesce(h.caseworker_name, ''), coalesce(h.organisation_name, ''),
			       CASE WHEN $4::boolean THEN c.cpr::text ELSE c.id::text END, '', 0 AS kind, h.id
			FROM citizen_history h JOIN citizens c ON c.id = h.citizen_id
			WHERE h.category = 'Login' AND h.occurred_at >= $1 AND h.occurred_at < $2
			  AND ($3::bigint = 0 OR h.organisation_id = $3::bigint)
			UNION ALL
			SELECT r.occurred_at, false, r.caseworker_name, o.name,
			       CASE WHEN $4::boolean THEN r.cpr::text ELSE coalesce(c.id::text, '') END, r.reason, 1 AS kind, r.id
			FROM refused_lookups r JOIN organisations o ON o.id = r.organisation_id
			LEFT JOIN citizens c ON c.cpr = r.cpr
			WHERE r.occurred_at >= $1 AND r.occurred_at < $2
			  AND ($3::bigint = 0 OR r.organisation_id = $3::bigint)
			ORDER BY 1, 7, 8`,
			f.From, f.To, f.OrganisationID, f.WithCPR)
		if err != nil {
			return err
		}
		defer rows.Close()
		var (
			row      accesslog.Row
			kind, id int64
		)
		for rows.Next() {
			if err := rows.Scan(&row.At, &row.Granted, &row.Caseworker, &row.Organisation, &row.Citizen, &row.Reason, &kind, &id); err != nil {
				return err
			}
			if err := out.Write(row); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	if err != nil {
		return wrap("export access log", err)
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("postgres: export access log: %w", err)
	}
	return nil
}

// readOnly runs f in a read-only transaction on one snapshot.
func (s *Store) readOnly(ctx context.Context, f func(pgx.Tx) error) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"); err != nil {
		return err
	}
	if err := f(tx); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil && !errors.Is(err, pgx.ErrTxClosed) {
		return err
	}
	return nil
}
