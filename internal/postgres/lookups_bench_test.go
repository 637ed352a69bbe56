package postgres_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
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
				if _, _, err := s.LookUp(ctx, cw, n, time.Now(), postgres.LookUpLimit{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLookUpSimultaneous measures look-ups made at once by 16
// goroutines on two instances (two pools on one database), each case on a
// fresh database (issue 8), against a baseline of SELECT 1 on one pool:
//   - one_citizen: Berit and Nina look up Anna without a rate limit; each
//     look-up is granted and waits for Anna's chain lock. Afterwards the
//     chain must verify.
//   - one_caseworker_limit_5: Berit looks up Anna with a limit of 5; each
//     look-up waits for Berit's rate-limit lock. Exactly 5 must be granted.
func BenchmarkLookUpSimultaneous(b *testing.B) {
	ctx := context.Background()
	anna, err := cpr.Parse(demo.CitizenByKey("anna").CPR)
	if err != nil {
		b.Fatal(err)
	}
	lookUps := func(b *testing.B, limit postgres.LookUpLimit, usernames [2]string) (*postgres.Store, int64) {
		dsn := pgtest.NewDemoDatabase(b)
		pools := [2]*pgxpool.Pool{pgtest.Pool(b, dsn), pgtest.Pool(b, dsn)}
		for _, p := range pools {
			warm(b, p)
		}
		instances := [2]*postgres.Store{postgres.NewStore(pools[0]), postgres.NewStore(pools[1])}
		cws := [2]jobnet.Caseworker{benchCaseworker(b, instances[0], usernames[0]), benchCaseworker(b, instances[1], usernames[1])}
		var next, granted atomic.Int64
		b.SetParallelism(8)
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			i := next.Add(1) % 2
			for pb.Next() {
				_, d, err := instances[i].LookUp(ctx, cws[i], anna, time.Now(), limit)
				switch {
				case errors.Is(err, postgres.ErrTooManyLookUps):
				case err != nil || !d.Allowed:
					b.Errorf("look-up: %+v, %v", d, err)
					return
				default:
					granted.Add(1)
				}
			}
		})
		b.StopTimer()
		return instances[0], granted.Load()
	}
	b.Run("baseline_select_1", func(b *testing.B) {
		pool := pgtest.Pool(b, pgtest.NewDemoDatabase(b))
		warm(b, pool)
		b.SetParallelism(8)
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			var one int
			for pb.Next() {
				if err := pool.QueryRow(ctx, `SELECT 1`).Scan(&one); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
	b.Run("one_citizen", func(b *testing.B) {
		s, granted := lookUps(b, postgres.LookUpLimit{}, [2]string{"berit", "nina"})
		if rep, err := s.VerifyAccessLog(ctx, nil); err != nil || !rep.OK() || granted != int64(b.N) {
			b.Fatalf("%d of %d granted; afterwards %d of %d rows broken (%v)", granted, b.N, rep.BrokenCount, rep.Rows, err)
		}
	})
	b.Run("one_caseworker_limit_5", func(b *testing.B) {
		_, granted := lookUps(b, postgres.LookUpLimit{Max: 5, Window: time.Hour}, [2]string{"berit", "berit"})
		if granted != int64(min(5, b.N)) {
			b.Fatalf("%d of %d granted, want %d", granted, b.N, min(5, b.N))
		}
	})
}

// warm opens every connection the pool may have, so that a benchmark does
// not time their opening.
func warm(b *testing.B, p *pgxpool.Pool) {
	b.Helper()
	conns := make([]*pgxpool.Conn, p.Config().MaxConns)
	for i := range conns {
		c, err := p.Acquire(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		conns[i] = c
	}
	for _, c := range conns {
		c.Release()
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
