package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// This file is the citizen's own side of the access log (SPEC §6): a
// citizen signed in as themself reads, in their Historik under Login, who
// looked at their Jobnet through this product.

// CitizenByCPR returns the citizen with CPR number n, for a citizen's own
// sign-in; a number that is no citizen gives the zero Citizen, which
// access.MaySignInAsCitizen refuses.
func (s *Store) CitizenByCPR(ctx context.Context, n cpr.Number) (jobnet.Citizen, error) {
	var c jobnet.Citizen
	err := s.pool.QueryRow(ctx, citizenSQL+"c.cpr = $1", n.Digits()).
		Scan(&c.ID, &c.CPR, &c.Name, &c.KommuneNumber, &c.JobcenterOrgID)
	if err == pgx.ErrNoRows {
		return jobnet.Citizen{}, nil
	}
	return c, wrap("citizen by cpr", err)
}

// OwnLoginPage is one page of a citizen's Historik → Login.
type OwnLoginPage struct {
	CitizenName string
	Total       int // the citizen's Login entries on every page
	Entries     []jobnet.HistoryEntry
}

// OwnLoginHistory returns limit of the signed-in citizen's Login entries,
// after skipping offset, newest first, in one round trip. Entries at the
// same moment keep the order they were chained in (seq, unique per
// citizen), so that paging neither repeats nor loses one. The entries pass
// access.MaySeeOwnHistoryEntry; a person the rule lets see nothing gets
// jobnet.ErrForbidden and nothing is read.
func (s *Store) OwnLoginHistory(ctx context.Context, p jobnet.Person, offset, limit int) (OwnLoginPage, error) {
	if d := access.MaySeeOwnHistoryEntry(p, jobnet.HistoryEntry{CitizenID: p.CitizenID, Category: access.LoginCategory}); !d.Allowed {
		return OwnLoginPage{}, fmt.Errorf("postgres: own history: %s: %w", d.Reason, jobnet.ErrForbidden)
	}
	var page OwnLoginPage
	var rows []jobnet.HistoryEntry
	b := &pgx.Batch{}
	b.Queue(`SELECT c.name, (SELECT count(*) FROM citizen_history h WHERE h.citizen_id = c.id AND h.category = $2)
		FROM citizens c WHERE c.id = $1`, p.CitizenID, access.LoginCategory).
		QueryRow(func(r pgx.Row) error { return r.Scan(&page.CitizenName, &page.Total) })
	b.Queue(`SELECT citizen_id, category, occurred_at, coalesce(caseworker_name, ''), coalesce(organisation_name, ''), coalesce(via, '')
		FROM citizen_history WHERE citizen_id = $1 AND category = $2
		ORDER BY occurred_at DESC, seq DESC OFFSET $3 LIMIT $4`, p.CitizenID, access.LoginCategory, offset, limit).
		Query(func(r pgx.Rows) error {
			for r.Next() {
				var e jobnet.HistoryEntry
				if err := r.Scan(&e.CitizenID, &e.Category, &e.OccurredAt, &e.CaseworkerName, &e.OrganisationName, &e.Via); err != nil {
					return err
				}
				rows = append(rows, e)
			}
			return r.Err()
		})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return OwnLoginPage{}, wrap("own history", err)
	}
	page.Entries = access.OwnHistory(p, rows)
	return page, nil
}
