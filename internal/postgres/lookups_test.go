package postgres_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

func caseworker(t *testing.T, s *postgres.Store, username string, kind jobnet.OrgKind) jobnet.Caseworker {
	t.Helper()
	u := demoUser(t, s, username)
	for _, m := range u.Memberships {
		if m.Org.Kind == kind {
			cw, dec := access.ActAs(u, m.Org.ID)
			if !dec.Allowed {
				t.Fatalf("%s may not act for %s: %s", username, m.Org.Name, dec.Reason)
			}
			return cw
		}
	}
	t.Fatalf("%s has no %s", username, kind)
	return jobnet.Caseworker{}
}

func mustCPR(t *testing.T, s string) cpr.Number {
	t.Helper()
	n, err := cpr.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func count(t *testing.T, q postgres.Querier, sql string, args ...any) int {
	t.Helper()
	var n int
	if err := q.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestLookUp_PermittedWritesOneLoginEntryNamingCaseworkerAndOrganisation(t *testing.T) {
	ctx := context.Background()
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	s := postgres.NewStore(pool)
	cw := caseworker(t, s, "berit", jobnet.OrgAkasse)
	anna := demo.CitizenByKey("anna")

	c, d, err := s.LookUp(ctx, cw, mustCPR(t, anna.CPR), time.Now(), postgres.LookUpLimit{})
	if err != nil || !d.Allowed {
		t.Fatalf("LookUp = %+v, %v; want allowed", d, err)
	}
	if c.Name != anna.Name {
		t.Errorf("citizen = %q, want %q", c.Name, anna.Name)
	}
	h, err := s.History(ctx, c.ID, "Login")
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 1 {
		t.Fatalf("history has %d Login entries, want exactly 1", len(h))
	}
	if h[0].CaseworkerName != "Berit Hansen" || h[0].OrganisationName != demo.OrgFagenesAkasse.Name || h[0].Via != postgres.Via {
		t.Errorf("Login entry = %+v, want Berit Hansen of %s via %s", h[0], demo.OrgFagenesAkasse.Name, postgres.Via)
	}
	if n := count(t, pool, `SELECT count(*) FROM refused_lookups`); n != 0 {
		t.Errorf("%d refused look-ups recorded for a permitted one", n)
	}
}

func TestLookUp_RefusedWritesNoHistoryAndRecordsTheRefusal(t *testing.T) {
	ctx := context.Background()
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	s := postgres.NewStore(pool)
	cw := caseworker(t, s, "berit", jobnet.OrgAkasse)

	for _, tc := range []struct {
		cpr    string
		reason access.Reason
	}{
		{demo.CitizenByKey("emma").CPR, access.ReasonNotAkasseMember},
		{demo.CitizenByKey("dennis").CPR, access.ReasonWrongKontaktgruppe},
		{demo.UnknownCPR, access.ReasonUnknownCitizen},
	} {
		c, d, err := s.LookUp(ctx, cw, mustCPR(t, tc.cpr), time.Now(), postgres.LookUpLimit{})
		if err != nil || d.Allowed || d.Reason != tc.reason || c.ID != 0 {
			t.Errorf("LookUp = %+v, %+v, %v; want refused for %s and no citizen", c, d, err, tc.reason)
		}
		if n := count(t, pool, `SELECT count(*) FROM refused_lookups WHERE cpr = $1 AND reason = $2 AND user_id = $3 AND organisation_id = $4`,
			tc.cpr, string(tc.reason), cw.User.ID, cw.Org.ID); n != 1 {
			t.Errorf("refusal for %s recorded %d times, want 1", tc.reason, n)
		}
	}
	if n := count(t, pool, `SELECT count(*) FROM citizen_history`); n != 0 {
		t.Errorf("refused look-ups wrote %d history entries", n)
	}
	// The refusals count towards the rate limit: a fourth look-up passes a
	// limit of 4 and not one of 3.
	anna := mustCPR(t, demo.CitizenByKey("anna").CPR)
	if _, _, err := s.LookUp(ctx, cw, anna, time.Now(), postgres.LookUpLimit{Max: 3, Window: time.Minute}); !errors.Is(err, postgres.ErrTooManyLookUps) {
		t.Errorf("fourth look-up with a limit of 3: err = %v, want ErrTooManyLookUps", err)
	}
	if _, d, err := s.LookUp(ctx, cw, anna, time.Now(), postgres.LookUpLimit{Max: 4, Window: time.Minute}); err != nil || !d.Allowed {
		t.Errorf("fourth look-up with a limit of 4: %+v, %v; want allowed", d, err)
	}
}

// The rate limit counts the look-ups in the window only, and writes
// nothing when it refuses.
func TestLookUp_RateLimitCountsTheWindowAndWritesNothing(t *testing.T) {
	ctx := context.Background()
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	s := postgres.NewStore(pool)
	cw := caseworker(t, s, "berit", jobnet.OrgAkasse)
	anna := mustCPR(t, demo.CitizenByKey("anna").CPR)
	limit := postgres.LookUpLimit{Max: 2, Window: 10 * time.Minute}
	now := time.Now()
	// Only the second and third are in the window before the fourth.
	for _, at := range []time.Time{now.Add(-15 * time.Minute), now.Add(-5 * time.Minute), now.Add(-time.Minute)} {
		if _, _, err := s.LookUp(ctx, cw, anna, at, limit); err != nil {
			t.Fatalf("look-up at %s: %v", at, err)
		}
	}
	if _, _, err := s.LookUp(ctx, cw, anna, now, limit); !errors.Is(err, postgres.ErrTooManyLookUps) {
		t.Errorf("fourth look-up, the third in the window: err = %v, want ErrTooManyLookUps", err)
	}
	if n := count(t, pool, `SELECT (SELECT count(*) FROM citizen_history) + (SELECT count(*) FROM refused_lookups)`); n != 3 {
		t.Errorf("%d entries in the logs, want the 3 look-ups that passed", n)
	}
	other := caseworker(t, s, "nina", jobnet.OrgJobcenter)
	if _, d, err := s.LookUp(ctx, other, anna, now, limit); err != nil || !d.Allowed {
		t.Errorf("another caseworker: %+v, %v; want allowed", d, err)
	}
}

func TestLookUp_AccessLogFailureShowsNoCitizen(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.NewDemoDatabase(t)
	pool := pgtest.Pool(t, dsn)
	// Break the access log the way an operator's mistake would: the
	// application role loses INSERT on the history.
	owner := pgtest.OwnerPool(t, dsn)
	if _, err := owner.Exec(ctx, `REVOKE INSERT ON citizen_history FROM `+postgres.AppRole); err != nil {
		t.Fatal(err)
	}
	s := postgres.NewStore(pool)
	cw := caseworker(t, s, "berit", jobnet.OrgAkasse)
	c, d, err := s.LookUp(ctx, cw, mustCPR(t, demo.CitizenByKey("anna").CPR), time.Now(), postgres.LookUpLimit{})
	if err == nil {
		t.Fatal("LookUp succeeded although the access log could not be written")
	}
	if c.ID != 0 || c.Name != "" || d.Allowed {
		t.Errorf("LookUp returned citizen %+v, decision %+v with a failed access log", c, d)
	}
	if n := count(t, pool, `SELECT count(*) FROM citizen_history`); n != 0 {
		t.Errorf("%d history entries after a failed look-up", n)
	}
}

// The rate limit's count runs on every look-up while the caseworker's other
// look-ups wait: it must find the caseworker's look-ups by index, not read
// the whole history (migration 12).
func TestLookUp_RateLimitCountReadsIndexesNotTheLogs(t *testing.T) {
	ctx := context.Background()
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	conn, err := pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	// The demo logs are small enough that reading them whole would be the
	// cheapest plan; forbid it, as a big log does.
	if _, err := conn.Exec(ctx, `SET enable_seqscan = off`); err != nil {
		t.Fatal(err)
	}
	defer conn.Exec(ctx, `RESET enable_seqscan`)
	rows, err := conn.Query(ctx, `EXPLAIN `+postgres.CountLookUpsSQL, 1, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan strings.Builder
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		plan.WriteString(line + "\n")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	// Both tables are searched by caseworker, not read whole nor by time
	// alone.
	if strings.Count(plan.String(), "Index Cond: ((user_id = ") != 2 {
		t.Errorf("the rate limit's count does not find the caseworker's look-ups by index in both logs:\n%s", plan.String())
	}
}

// A look-up is two round trips, granted, refused or over the limit: the
// caseworker's next look-up waits for the lock through both.
func TestLookUp_TakesTwoRoundTrips(t *testing.T) {
	ctx := context.Background()
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	s := postgres.NewStore(pool)
	cw := caseworker(t, s, "berit", jobnet.OrgAkasse)
	limit := postgres.LookUpLimit{Max: 2, Window: time.Minute}
	for _, tc := range []struct {
		name, cpr string
		granted   bool
		err       error
	}{
		{"granted", demo.CitizenByKey("anna").CPR, true, nil},
		{"refused", demo.CitizenByKey("emma").CPR, false, nil},
		{"over the limit", demo.CitizenByKey("anna").CPR, false, postgres.ErrTooManyLookUps},
	} {
		before := postgres.RoundTrips(pool)
		_, d, err := s.LookUp(ctx, cw, mustCPR(t, tc.cpr), time.Now(), limit)
		if !errors.Is(err, tc.err) || d.Allowed != tc.granted {
			t.Fatalf("%s: LookUp = %+v, %v", tc.name, d, err)
		}
		if n := postgres.RoundTrips(pool) - before; n != 2 {
			t.Errorf("%s: %d round trips, want 2", tc.name, n)
		}
	}
}

// beritLooksUpAnna is a fresh demo database, a store on it, and Berit
// acting for her a-kasse, about to look Anna up.
type beritLooksUpAnna struct {
	dsn  string
	pool *pgxpool.Pool
	s    *postgres.Store
	cw   jobnet.Caseworker
	anna cpr.Number
}

func newBeritLooksUpAnna(t *testing.T) beritLooksUpAnna {
	t.Helper()
	f := beritLooksUpAnna{dsn: pgtest.NewDemoDatabase(t), anna: mustCPR(t, demo.CitizenByKey("anna").CPR)}
	f.pool = pgtest.Pool(t, f.dsn)
	f.s = postgres.NewStore(f.pool)
	f.cw = caseworker(t, f.s, "berit", jobnet.OrgAkasse)
	return f
}

// noTransactionOpen fails the test if a session of the database is still
// in a transaction or holds a caseworker's look-up lock.
func noTransactionOpen(t *testing.T, dsn string) {
	t.Helper()
	owner := pgtest.OwnerPool(t, dsn)
	if n := count(t, owner, `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
		AND (state LIKE 'idle in transaction%' OR backend_xid IS NOT NULL)`); n != 0 {
		t.Errorf("%d sessions left in a transaction", n)
	}
	if n := count(t, owner, `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'`); n != 0 {
		t.Errorf("%d look-up locks still held", n)
	}
}

// A look-up whose write fails, or that the rate limit refuses, rolls back
// before its connection goes back to the pool: the caseworker's lock is
// free at once, and the connection serves the next look-up instead of
// being closed.
func TestLookUp_FailedWriteLeavesNoTransactionOpen(t *testing.T) {
	ctx := context.Background()
	f := newBeritLooksUpAnna(t)
	limit := postgres.LookUpLimit{Max: 1, Window: time.Minute}
	owner := pgtest.OwnerPool(t, f.dsn)
	conns := f.pool.Stat().NewConnsCount() // the one that loaded berit

	if _, err := owner.Exec(ctx, `REVOKE INSERT ON citizen_history FROM `+postgres.AppRole); err != nil {
		t.Fatal(err)
	}
	if c, _, err := f.s.LookUp(ctx, f.cw, f.anna, time.Now(), limit); err == nil || c.ID != 0 {
		t.Fatalf("LookUp = %+v, %v; want an error and no citizen", c, err)
	}
	noTransactionOpen(t, f.dsn)
	if _, err := owner.Exec(ctx, `GRANT INSERT ON citizen_history TO `+postgres.AppRole); err != nil {
		t.Fatal(err)
	}
	if _, d, err := f.s.LookUp(ctx, f.cw, f.anna, time.Now(), limit); err != nil || !d.Allowed {
		t.Fatalf("look-up after the failed one: %+v, %v; want allowed", d, err)
	}
	if _, _, err := f.s.LookUp(ctx, f.cw, f.anna, time.Now(), limit); !errors.Is(err, postgres.ErrTooManyLookUps) {
		t.Fatalf("look-up over the limit: err = %v, want ErrTooManyLookUps", err)
	}
	noTransactionOpen(t, f.dsn)
	if n := f.pool.Stat().NewConnsCount() - conns; n != 0 {
		t.Errorf("%d new connections for three look-ups one after the other, want the one already open", n)
	}
}

// A look-up given up on while it waits for the caseworker's lock (the
// request timed out) shows no citizen and leaves no transaction behind: the
// caseworker's next look-up goes through.
func TestLookUp_GivenUpWhileWaitingLeavesNoTransactionOpen(t *testing.T) {
	ctx := context.Background()
	f := newBeritLooksUpAnna(t)
	limit := postgres.LookUpLimit{Max: 5, Window: time.Minute}

	// Another instance's look-up by the same caseworker holds the lock.
	holder, err := pgtest.OwnerPool(t, f.dsn).Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Release()
	if _, err := holder.Exec(ctx, `SELECT pg_advisory_lock(hashtext('lookup_rate_limit'), $1::int)`, f.cw.User.ID); err != nil {
		t.Fatal(err)
	}
	waiting, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if c, _, err := f.s.LookUp(waiting, f.cw, f.anna, time.Now(), limit); err == nil || c.ID != 0 {
		t.Fatalf("LookUp behind a held lock = %+v, %v; want an error and no citizen", c, err)
	}
	if _, err := holder.Exec(ctx, `SELECT pg_advisory_unlock(hashtext('lookup_rate_limit'), $1::int)`, f.cw.User.ID); err != nil {
		t.Fatal(err)
	}
	next, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, d, err := f.s.LookUp(next, f.cw, f.anna, time.Now(), limit); err != nil || !d.Allowed {
		t.Fatalf("the next look-up: %+v, %v; want allowed", d, err)
	}
	noTransactionOpen(t, f.dsn)
}

// The bench caseworkers of `make bench-http` are what their name says: each
// signs in through the user copy and may look Anna up, so the bench's
// look-ups are granted ones.
func TestLookUp_EveryBenchCaseworkerMaySeeAnna(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.NewDemoDatabase(t)
	if err := demo.LoadBenchCaseworkers(ctx, pgtest.OwnerPool(t, dsn), 4); err != nil {
		t.Fatal(err)
	}
	s := postgres.NewStore(pgtest.Pool(t, dsn))
	anna := mustCPR(t, demo.CitizenByKey("anna").CPR)
	for _, b := range demo.BenchCaseworkers(4) {
		u, err := s.UserByIdentity(ctx, jobnet.Identity{CVR: b.CVR, UUID: b.UUID})
		if err != nil || u.ID == 0 || len(u.Memberships) != 1 {
			t.Fatalf("%s in the user copy: %+v, %v; want one membership", b.Username, u, err)
		}
		cw, dec := access.ActAs(u, u.Memberships[0].Org.ID)
		if !dec.Allowed {
			t.Fatalf("%s may not act for %s: %s", b.Username, u.Memberships[0].Org.Name, dec.Reason)
		}
		if _, d, err := s.LookUp(ctx, cw, anna, time.Now(), postgres.LookUpLimit{}); err != nil || !d.Allowed {
			t.Errorf("%s looks Anna up: %+v, %v; want allowed", b.Username, d, err)
		}
	}
}
