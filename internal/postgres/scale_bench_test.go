package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// scaleCitizens is how many bulk citizens BenchmarkLookUpAtScale adds to the
// demo data set, with scaleSeed.
const (
	scaleCitizens = 200_000
	scaleSeed     = 1
)

// BenchmarkLookUpAtScale measures "Log ind som denne borger" (granted and
// refused) and the per-request LoadViewer on the demo data set and on one
// with 200,000 more citizens. The indexes are right when each pair of
// numbers is the same: a look-up costs the same in a million citizens as in
// a dozen. The big database is built once (a pgtest template, kept across
// runs of the same day) and only when this benchmark runs, never in `make test`.
func BenchmarkLookUpAtScale(b *testing.B) {
	ctx := context.Background()
	for _, size := range []struct {
		name string
		open func(b *testing.B) string
	}{
		{"demo", func(b *testing.B) string { return pgtest.NewDemoDatabase(b) }},
		{"bulk200k", func(b *testing.B) string {
			return pgtest.NewDatabase(b, "bulk200k"+demo.Fingerprint(), func(ctx context.Context, owner *pgxpool.Pool) error {
				today := time.Now()
				if err := demo.Load(ctx, owner, today); err != nil {
					return err
				}
				return demo.LoadBulk(ctx, owner, today, scaleCitizens, scaleSeed)
			})
		}},
	} {
		b.Run(size.name, func(b *testing.B) {
			s := postgres.NewStore(pgtest.Pool(b, size.open(b)))
			d, _ := demo.CaseworkerByUsername("berit")
			u, err := s.UserByIdentity(ctx, jobnet.Identity{CVR: d.CVR, UUID: d.UUID})
			if err != nil {
				b.Fatal(err)
			}
			berit := jobnet.Caseworker{User: u, Org: u.Memberships[0].Org}
			granted, refused := demo.CitizenByKey("anna").CPR, demo.CitizenByKey("emma").CPR
			if size.name != "demo" { // a citizen among the bulk ones, so the index does the finding
				granted, refused = bulkCPR(b, true), bulkCPR(b, false)
			}
			lookUp := func(b *testing.B, digits string, want bool) jobnet.Citizen {
				n, err := cpr.Parse(digits)
				if err != nil {
					b.Fatal(err)
				}
				c, dec, err := s.LookUp(ctx, berit, n, time.Now(), postgres.LookUpLimit{})
				if err != nil {
					b.Fatal(err)
				}
				if dec.Allowed != want {
					b.Fatalf("berit: allowed %v (%s), want %v", dec.Allowed, dec.Reason, want)
				}
				return c
			}
			citizen := lookUp(b, granted, true)
			b.Run("granted", func(b *testing.B) {
				for b.Loop() {
					lookUp(b, granted, true)
				}
			})
			b.Run("refused", func(b *testing.B) {
				for b.Loop() {
					lookUp(b, refused, false)
				}
			})
			b.Run("load_viewer", func(b *testing.B) {
				for b.Loop() {
					v, err := s.LoadViewer(ctx, u.ID, citizen.ID)
					if err != nil {
						b.Fatal(err)
					}
					if v.Citizen.Citizen.ID != citizen.ID {
						b.Fatal("LoadViewer: another citizen")
					}
				}
			})
		})
	}
}

// bulkCPR finds the last bulk citizen (the newest rows) that A-kasse 22 may
// look up, or with granted false, a member of A-kasse 31 only
// (demo.BulkLookUpCase).
func bulkCPR(b *testing.B, granted bool) string {
	i, ok := demo.BulkLookUpCase(scaleSeed, scaleCitizens, granted)
	if !ok {
		b.Fatalf("no bulk citizen with granted=%v", granted)
	}
	return demo.BulkCitizenAt(scaleSeed, i).CPR
}
