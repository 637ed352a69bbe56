package postgres_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// roundTrips counts what a store sends to the database.
type roundTrips struct {
	postgres.Querier
	n int
}

func (r *roundTrips) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults {
	r.n++
	return r.Querier.SendBatch(ctx, b)
}

func (r *roundTrips) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	r.n++
	return r.Querier.QueryRow(ctx, sql, args...)
}

func (r *roundTrips) Begin(ctx context.Context) (pgx.Tx, error) {
	r.n++
	return r.Querier.Begin(ctx)
}

func citizenID(t *testing.T, q postgres.Querier, key string) int64 {
	t.Helper()
	var id int64
	if err := q.QueryRow(context.Background(), `SELECT id FROM citizens WHERE cpr = $1`, demo.CitizenByKey(key).CPR).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestJoblog_OnePageInOneRoundTrip(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	anna := citizenID(t, pool, "anna")
	rt := &roundTrips{Querier: pool}
	p, err := postgres.NewStore(rt).Joblog(context.Background(), anna, jobnet.JoblogFilter{Page: 2})
	if err != nil {
		t.Fatal(err)
	}
	if rt.n != 1 {
		t.Errorf("%d round trips, want 1", rt.n)
	}
	want := demo.AnnaJoblogOpen
	if diff := cmp.Diff(want, demo.JoblogCounts{All: p.All, ByStatus: p.Counts}); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
	if p.Page != 2 || len(p.Entries) != want.All-jobnet.JoblogPageSize || p.Total != len(demo.Joblogs["anna"]) {
		t.Errorf("page %d with %d logs of %d, want page 2 with %d of %d", p.Page, len(p.Entries), p.Total, want.All-jobnet.JoblogPageSize, len(demo.Joblogs["anna"]))
	}
}

func TestJoblog_PagePastTheLastGivesTheFirst(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	s := postgres.NewStore(pool)
	p, err := s.Joblog(context.Background(), citizenID(t, pool, "anna"), jobnet.JoblogFilter{Status: jobnet.JoblogSamtale, Page: 2})
	if err != nil {
		t.Fatal(err)
	}
	if p.Page != 1 || len(p.Entries) != 3 {
		t.Errorf("page %d with %d logs, want page 1 with the 3 Samtale logs", p.Page, len(p.Entries))
	}
}

func TestJoblog_PeriodIsOfCopenhagenDays(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	s := postgres.NewStore(pool)
	today := jobnet.Day(time.Now())
	// Camilla's Søgt log was last changed at 00:40 Copenhagen time, which is
	// the day before in UTC: it belongs to its Copenhagen day.
	day := demo.On(today, -6)
	p, err := s.Joblog(context.Background(), citizenID(t, pool, "camilla"), jobnet.JoblogFilter{From: day, To: day, Page: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Entries) != 1 || p.Entries[0].Title != "Kommunikationsmedarbejder" {
		t.Errorf("logs changed on %s: %+v", day.Format(time.DateOnly), p.Entries)
	}
	next := day.AddDate(0, 0, 1)
	if p, _ = s.Joblog(context.Background(), citizenID(t, pool, "camilla"), jobnet.JoblogFilter{From: next, To: next, Page: 1}); len(p.Entries) != 0 {
		t.Errorf("the log was found on the day after, too")
	}
}

// The application's role reads the joblog and cannot change it.
func TestJoblog_ApplicationRoleCannotChangeTheJoblog(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	ctx := context.Background()
	for _, sql := range []string{
		`UPDATE joblog_entries SET closed = true`,
		`DELETE FROM joblog_entries`,
		`INSERT INTO joblog_entries (citizen_id, kind, title, status, created_at, updated_at)
			SELECT id, 'Jobsøgning', 'Kontorassistent', 'Søgt', now(), now() FROM citizens LIMIT 1`,
	} {
		_, err := pool.Exec(ctx, sql)
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || pgErr.Code != "42501" {
			t.Errorf("%s: %v, want insufficient_privilege", sql[:20], err)
		}
	}
}
