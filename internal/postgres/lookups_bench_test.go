package postgres_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
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

// BenchmarkLookUpSimultaneous measures look-ups made at once from 16
// goroutines on two instances (two pools on one database), the load of
// issue 8: every look-up is Berit's or Nina's of Anna, granted, so each waits
// for Anna's chain lock. At the end the chain must verify.
func BenchmarkLookUpSimultaneous(b *testing.B) {
	ctx := context.Background()
	dsn := pgtest.NewDemoDatabase(b)
	instances := [2]*postgres.Store{postgres.NewStore(pgtest.Pool(b, dsn)), postgres.NewStore(pgtest.Pool(b, dsn))}
	cws := [2]jobnet.Caseworker{benchCaseworker(b, instances[0], "berit"), benchCaseworker(b, instances[1], "nina")}
	anna, err := cpr.Parse(demo.CitizenByKey("anna").CPR)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("one_citizen", func(b *testing.B) {
		var next atomic.Int64
		b.SetParallelism(8)
		b.RunParallel(func(pb *testing.PB) {
			i := next.Add(1) % 2
			for pb.Next() {
				if _, d, err := instances[i].LookUp(ctx, cws[i], anna, time.Now()); err != nil || !d.Allowed {
					b.Fatalf("look-up: %+v, %v", d, err)
				}
			}
		})
	})
	if rep, err := instances[0].VerifyAccessLog(ctx, nil); err != nil || !rep.OK() {
		b.Fatalf("after the benchmark: %d of %d rows broken (%v)", rep.BrokenCount, rep.Rows, err)
	}
}

// benchCaseworker is a demo caseworker acting for the first organisation.
func benchCaseworker(b *testing.B, s *postgres.Store, username string) jobnet.Caseworker {
	b.Helper()
	d, _ := demo.CaseworkerByUsername(username)
	u, err := s.UserByIdentity(context.Background(), jobnet.Identity{CVR: d.CVR, RID: d.RID, UUID: d.UUID})
	if err != nil {
		b.Fatal(err)
	}
	return jobnet.Caseworker{User: u, Org: u.Memberships[0].Org}
}
