package postgres_test

import (
	"context"
	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// BenchmarkLookUp measures "Log ind som denne borger" per outcome. SPEC §3
// asks that an unknown CPR, another a-kasse's member and the wrong
// kontaktgruppe cannot be told apart by timing: compare their ns/op (each
// does the same queries and one insert).
func BenchmarkLookUp(b *testing.B) {
	ctx := context.Background()
	pool := pgtest.Pool(b, pgtest.NewDemoDatabase(b))
	s := postgres.NewStore(pool)
	d, _ := demo.CaseworkerByUsername("berit")
	u, err := s.UserByIdentity(ctx, jobnet.Identity{CVR: d.CVR, UUID: d.UUID})
	if err != nil {
		b.Fatal(err)
	}
	cw := jobnet.Caseworker{User: u, Org: u.Memberships[0].Org}
	for _, bc := range []struct{ name, cpr string }{
		{"unknown", demo.UnknownCPR},
		{"other_akasse", demo.CitizenByKey("emma").CPR},
		{"wrong_kontaktgruppe", demo.CitizenByKey("dennis").CPR},
		{"granted", demo.CitizenByKey("anna").CPR},
	} {
		n, err := cpr.Parse(bc.cpr)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := s.LookUp(ctx, cw, n, time.Now()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
