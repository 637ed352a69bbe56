package demo

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

// MaxBenchCaseworkers is how many bench caseworkers there can be: their
// usernames have three digits.
const MaxBenchCaseworkers = 999

// BenchCaseworkers are n made-up caseworkers for `make bench-http`, bench001
// … benchNNN, each of whom may see Anna: in turn of Fagenes A-kasse (as
// Berit) and of Jobcenter Aarhus (as Nina), the two kinds of reader of her
// pages. The load needs many of them because one caseworker's look-ups
// take turns (the rate limit, SPEC §8), as they would for real
// caseworkers, who each look up a few citizens. They exist only where the
// bench asks for them: dfdgseed -bench-caseworkers and devidp
// -bench-caseworkers; `make run` knows none.
func BenchCaseworkers(n int) []Caseworker {
	out := make([]Caseworker, 0, n)
	for i := 1; i <= min(n, MaxBenchCaseworkers); i++ {
		org, domain := OrgFagenesAkasse, "fagenes"
		if i%2 == 0 {
			org, domain = OrgJobcenterAarhus, "aarhus"
		}
		username := fmt.Sprintf("bench%03d", i)
		out = append(out, Caseworker{
			Username: username, Description: "Sagsbehandler til belastningstest (make bench-http)",
			Name: fmt.Sprintf("Testsagsbehandler %03d", i), Email: username + "@" + domain + ".example", CVR: org.CVR,
			UUID: fmt.Sprintf("be0c4000-0000-4000-8000-%012d", i), Profile: oiosaml.Profile3,
			Active: true, InUserCopy: true,
			Orgs: []OrgRoles{{org, []jobnet.Role{jobnet.RoleSagsbehandler}}},
		})
	}
	return out
}

// LoadBenchCaseworkers writes BenchCaseworkers(n) to the user copy of a
// database that Load has filled.
func LoadBenchCaseworkers(ctx context.Context, pool *pgxpool.Pool, n int) error {
	if n == 0 {
		return nil
	}
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		orgIDs := map[jobnet.Organisation]int64{}
		for _, o := range Organisations {
			var id int64
			if err := tx.QueryRow(ctx, `SELECT id FROM organisations WHERE kind = $1 AND name = $2`, string(o.Kind), o.Name).Scan(&id); err != nil {
				return fmt.Errorf("demo: organisation %s: %w", o.Name, err)
			}
			orgIDs[o] = id
		}
		for _, c := range BenchCaseworkers(n) {
			if err := insertCaseworker(ctx, tx, c, orgIDs); err != nil {
				return err
			}
		}
		return nil
	})
}
