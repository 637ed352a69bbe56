package postgres_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// twoInstances are two stores, each on its own pool, on one database: two
// app servers behind a load balancer.
func twoInstances(t *testing.T) (dsn string, instances [2]*postgres.Store) {
	t.Helper()
	dsn = pgtest.NewDemoDatabase(t)
	return dsn, [2]*postgres.Store{postgres.NewStore(pgtest.Pool(t, dsn)), postgres.NewStore(pgtest.Pool(t, dsn))}
}

// simultaneously runs f(0) … f(n-1) in goroutines released at once, and
// waits for them.
func simultaneously(n int, f func(i int)) {
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			f(i)
		})
	}
	close(start)
	wg.Wait()
}

// Issue 8: bursts of 50 simultaneous look-ups of one citizen, on two
// instances, leave one intact chain. Before migration 11 the row ids were
// drawn before the chain lock, rows were chained out of id order and forked,
// and the verifier reported a handful of rows as tampered with.
func TestAccessLog_OneChainAfterBurstsOfSimultaneousLookUpsOnTwoInstances(t *testing.T) {
	ctx := context.Background()
	dsn, instances := twoInstances(t)
	cws := [2]jobnet.Caseworker{caseworker(t, instances[0], "berit", jobnet.OrgAkasse), caseworker(t, instances[1], "nina", jobnet.OrgJobcenter)}
	anna := mustCPR(t, demo.CitizenByKey("anna").CPR)
	const bursts, burst = 4, 50
	for range bursts {
		simultaneously(burst, func(i int) {
			_, d, err := instances[i%2].LookUp(ctx, cws[i%2], anna, time.Now(), postgres.LookUpLimit{})
			if err != nil || !d.Allowed {
				t.Errorf("look-up %d: %+v, %v", i, d, err)
			}
		})
	}

	rep, err := instances[0].VerifyAccessLog(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || rep.Rows != bursts*burst || rep.Citizens != 1 {
		t.Errorf("VerifyAccessLog: %d rows of %d citizens, %d broken, first %+v; want %d intact rows of 1",
			rep.Rows, rep.Citizens, rep.BrokenCount, rep.Broken[:min(3, len(rep.Broken))], bursts*burst)
	}
	owner := pgtest.OwnerPool(t, dsn)
	annaID := citizenID(t, owner, "anna")
	if n := count(t, owner, `SELECT count(*) FROM (SELECT seq, row_number() OVER (ORDER BY id) AS n FROM citizen_history WHERE citizen_id = $1) r
		WHERE seq <> n`, annaID); n > 0 {
		t.Logf("%d rows have an id out of chain order: the look-ups overlapped", n)
	}
	if n := count(t, owner, `SELECT max(seq) FROM citizen_history WHERE citizen_id = $1 HAVING count(*) = max(seq)`, annaID); n != bursts*burst {
		t.Errorf("the chain is numbered up to %d, want 1 … %d", n, bursts*burst)
	}
}

// A writer that cannot see the citizen's last row — a REPEATABLE READ
// transaction that began before it was written — fails; it does not fork
// the chain.
func TestAccessLog_AWriterOnAnOldSnapshotFailsRatherThanForks(t *testing.T) {
	ctx := context.Background()
	dsn, instances := twoInstances(t)
	berit := caseworker(t, instances[0], "berit", jobnet.OrgAkasse)
	lookUp(t, instances[0], berit, demo.CitizenByKey("anna").CPR, time.Now())

	pool := pgtest.Pool(t, dsn)
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM citizen_history`).Scan(&n); err != nil { // the snapshot is taken here
		t.Fatal(err)
	}
	lookUp(t, instances[1], berit, demo.CitizenByKey("anna").CPR, time.Now())
	_, err = tx.Exec(ctx, `INSERT INTO citizen_history (citizen_id, category, occurred_at, text) VALUES ($1, 'Planer', now(), 'Ny plan')`,
		citizenID(t, pool, "anna"))
	if err == nil {
		err = tx.Commit(ctx)
	}
	if pgErr := (*pgconn.PgError)(nil); !errors.As(err, &pgErr) || pgErr.ConstraintName != "citizen_history_seq" {
		t.Errorf("a write on an old snapshot: err = %v, want the chain's unique (citizen_id, seq) to refuse it", err)
	}
	if rep, err := instances[0].VerifyAccessLog(ctx, nil); err != nil || !rep.OK() || rep.Rows != 2 {
		t.Errorf("VerifyAccessLog = %+v, %v; want 2 intact rows", rep, err)
	}
}

// Issue 8, point 9: 100 simultaneous look-ups by one caseworker, on two
// instances, with a limit of 5 grant exactly 5. Before, each look-up counted
// the others' before any had written its own, and about 90 were granted.
func TestLookUp_RateLimitHoldsForOneHundredSimultaneousLookUpsOnTwoInstances(t *testing.T) {
	ctx := context.Background()
	dsn, instances := twoInstances(t)
	berit := caseworker(t, instances[0], "berit", jobnet.OrgAkasse)
	anna := mustCPR(t, demo.CitizenByKey("anna").CPR)
	limit := postgres.LookUpLimit{Max: 5, Window: 10 * time.Minute}
	const n = 100
	var granted, limited atomic.Int64
	simultaneously(n, func(i int) {
		_, d, err := instances[i%2].LookUp(ctx, berit, anna, time.Now(), limit)
		switch {
		case errors.Is(err, postgres.ErrTooManyLookUps):
			limited.Add(1)
		case err != nil || !d.Allowed:
			t.Errorf("look-up %d: %+v, %v", i, d, err)
		default:
			granted.Add(1)
		}
	})
	if granted.Load() != 5 || limited.Load() != n-5 {
		t.Errorf("%d granted, %d over the limit; want 5 and %d", granted.Load(), limited.Load(), n-5)
	}
	if logged := count(t, pgtest.OwnerPool(t, dsn), `SELECT count(*) FROM citizen_history`); logged != 5 {
		t.Errorf("%d Login entries, want 5", logged)
	}
}
