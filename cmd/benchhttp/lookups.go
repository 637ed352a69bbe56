package main

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// maxLookUpCitizens is how many citizens the look-up run takes in turn.
// Every look-up of one citizen waits for the one before it to commit (the
// history's hash chain is per citizen, migrations 00011), so a run that
// looked up Anna alone measured her chain, not the product: real look-ups
// are of many citizens.
const maxLookUpCitizens = 2000

// lookUpCitizens finds, in the database at dsn, the CPR numbers of up to
// maxLookUpCitizens citizens whom every bench caseworker may look up
// today, as the access rule itself decides for a caseworker of each of
// their organisations. The look-ups then succeed whichever session sends
// them.
func lookUpCitizens(ctx context.Context, dsn string, caseworkers []demo.Caseworker, now time.Time) ([]string, error) {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer pool.Close()
	store := postgres.NewStore(pool)

	// One caseworker per organisation stands for all of that organisation.
	var readers []int64
	seen := map[string]bool{}
	for _, cw := range caseworkers {
		if seen[cw.CVR] {
			continue
		}
		seen[cw.CVR] = true
		var id int64
		if err := pool.QueryRow(ctx, `SELECT id FROM amp_users WHERE uuid = $1`, cw.UUID).Scan(&id); err != nil {
			return nil, fmt.Errorf("bench caseworker %s: %w", cw.Username, err)
		}
		readers = append(readers, id)
	}
	var orgs []int64
	for _, id := range readers {
		v, err := store.LoadViewer(ctx, id, 0)
		if err != nil || len(v.User.Memberships) == 0 {
			return nil, fmt.Errorf("bench caseworker %d: no organisation (%v)", id, err)
		}
		orgs = append(orgs, v.User.Memberships[0].Org.ID)
	}

	// Candidates: citizens of every reader's organisation, as a member of
	// the a-kasse or registered at the jobcenter; the rule decides.
	rows, err := pool.Query(ctx, `
		SELECT c.id, c.cpr FROM citizens c
		WHERE (SELECT bool_and(c.jobcenter_id = o OR EXISTS (SELECT FROM akasse_memberships m WHERE m.citizen_id = c.id AND m.akasse_id = o))
		       FROM unnest($1::bigint[]) o)
		ORDER BY c.id LIMIT $2`, orgs, 4*maxLookUpCitizens)
	if err != nil {
		return nil, err
	}
	type candidate struct {
		id  int64
		cpr string
	}
	var candidates []candidate
	for rows.Next() {
		var c candidate
		if err := rows.Scan(&c.id, &c.cpr); err != nil {
			return nil, err
		}
		candidates = append(candidates, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}

	today := jobnet.Day(now)
	var out []string
	for _, c := range candidates {
		visible := true
		for i, id := range readers {
			v, err := store.LoadViewer(ctx, id, c.id)
			if err != nil {
				return nil, err
			}
			cw, d := access.ActAs(v.User, orgs[i])
			if !d.Allowed || !access.MayLookUp(cw, v.Citizen, today).Allowed {
				visible = false
				break
			}
		}
		if visible {
			out = append(out, c.cpr)
		}
		if len(out) == maxLookUpCitizens {
			break
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no citizen that every bench caseworker may look up")
	}
	return out, nil
}
