package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/accesslog"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// BenchmarkLoginActivity measures a page of Loginaktivitet for the LBA of
// A-kasse 22 when the access log holds a year of refused look-ups: 100,000
// of the a-kasse's and 100,000 of Jobcenter Aarhus's. The filter's month
// holds about 8,000 of the a-kasse's; the page reads 50 of them by the
// (organisation_id, occurred_at) indexes, and counts the month: about 11 ms
// of SQL for the page on a quiet machine, linear in the month's look-ups.
func BenchmarkLoginActivity(b *testing.B) {
	ctx := context.Background()
	dsn := pgtest.NewDatabase(b, "loginactivity"+demo.Fingerprint(), func(ctx context.Context, owner *pgxpool.Pool) error {
		if err := demo.Load(ctx, owner, time.Now()); err != nil {
			return err
		}
		_, err := owner.Exec(ctx, `
			INSERT INTO refused_lookups (occurred_at, user_id, organisation_id, caseworker_name, cpr, reason)
			SELECT now() - make_interval(secs => n * 315), u.id, o.id, u.name, '0101010000', 'unknown_citizen'
			FROM generate_series(1, 100000) n,
			     amp_users u JOIN amp_user_roles r ON r.user_id = u.id AND r.role = 'Sagsbehandler'
			     JOIN organisations o ON o.id = r.organisation_id
			WHERE u.name IN ('Berit Hansen', 'Nina Pettersen') AND o.kind IN ('A-kasse', 'Jobcenter')
			  AND (u.name = 'Berit Hansen') = (o.kind = 'A-kasse')`)
		if err == nil {
			_, err = owner.Exec(ctx, `ANALYZE refused_lookups`)
		}
		return err
	})
	s := postgres.NewStore(pgtest.Pool(b, dsn))
	lone := demoUser(b, s, "lone")
	org := lone.Memberships[0].Org.ID
	today := time.Now()
	f := accesslog.Filter{From: today.AddDate(0, -1, 0), To: today, Page: 1, PerPage: 50}
	b.ResetTimer()
	for b.Loop() {
		p, err := s.LoginActivity(ctx, lone, org, f, time.Now())
		if err != nil || len(p.Rows) != 50 {
			b.Fatalf("%d rows, %v", len(p.Rows), err)
		}
	}
}
