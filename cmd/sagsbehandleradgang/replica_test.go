package main

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
	"github.com/star-dk/sagsbehandleradgang/migrations"
)

// replicaPair is a fresh primary with the demo data and a real streaming
// replica of it (pg_basebackup -R), both started by cmd/devdb: a small
// cluster of its own, not a copy of the shared test cluster with every
// other test's databases.
type replicaPair struct {
	PrimaryURL, ReplicaURL string // the database "sba" on each
	Primary, Replica       *pgxpool.Pool
	devdb, replicaDir      string
}

func startReplicaPair(t *testing.T) *replicaPair {
	t.Helper()
	// Under /tmp, not t.TempDir(): the postgres user must reach the folder
	// and the socket path must stay short (TOOLING.md).
	dir, err := os.MkdirTemp("", "sba-replica-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	r := &replicaPair{devdb: filepath.Join(dir, "devdb"), replicaDir: filepath.Join(dir, "r")}
	if out, err := exec.Command("go", "build", "-o", r.devdb, "../devdb").CombinedOutput(); err != nil {
		t.Fatalf("build devdb: %v\n%s", err, out)
	}
	primaryDir := filepath.Join(dir, "p")
	t.Cleanup(func() {
		r.run(t, "down", "-dir", r.replicaDir)
		r.run(t, "down", "-dir", primaryDir)
		os.RemoveAll(dir)
	})
	r.PrimaryURL = r.run(t, "up", "-dir", primaryDir, "-fast", "-db", "sba")
	ctx := context.Background()
	owner, err := postgres.OpenOwner(ctx, r.PrimaryURL)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	if err := migrations.Up(ctx, owner); err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(ctx, owner, time.Now()); err != nil {
		t.Fatal(err)
	}
	r.ReplicaURL = r.run(t, "replica", "-dir", r.replicaDir, "-primary", primaryDir, "-fast", "-db", "sba")
	// The owner is the clusters' superuser, who may pause the replay.
	r.Primary, r.Replica = pgtest.OwnerPool(t, r.PrimaryURL), pgtest.OwnerPool(t, r.ReplicaURL)
	return r
}

// run runs devdb and returns what it prints.
func (r *replicaPair) run(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command(r.devdb, args...).Output()
	if err != nil {
		msg := err.Error()
		if ee, ok := err.(*exec.ExitError); ok {
			msg += ": " + string(ee.Stderr)
		}
		t.Fatalf("devdb %s: %s", strings.Join(args, " "), msg)
	}
	return strings.TrimSpace(string(out))
}

// pause stops the replica from applying the primary's changes: it still
// receives them, but what it serves stays as it is.
func (r *replicaPair) pause(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	if _, err := r.Replica.Exec(ctx, `SELECT pg_wal_replay_pause()`); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		var state string
		if err := r.Replica.QueryRow(ctx, `SELECT pg_get_wal_replay_pause_state()`).Scan(&state); err != nil {
			t.Fatal(err)
		}
		if state == "paused" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("replay is %q after 10s, want paused", state)
		}
	}
}

// resume lets the replica apply the primary's changes again and waits
// until it has applied every one made so far (inserted into the WAL: the
// test cluster commits without waiting for the flush).
func (r *replicaPair) resume(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	var lsn string
	if err := r.Primary.QueryRow(ctx, `SELECT pg_current_wal_insert_lsn()::text`).Scan(&lsn); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Replica.Exec(ctx, `SELECT pg_wal_replay_resume()`); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		var done bool
		if err := r.Replica.QueryRow(ctx, `SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn`, lsn).Scan(&done); err != nil {
			t.Fatal(err)
		}
		if done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the replica has not replayed up to %s after 10s", lsn)
		}
	}
}

// With DATABASE_READ_URL the citizen's pages are read from a streaming
// replica, while sessions, the access rule's re-check on every request and
// the access log stay on the primary: a citizen who leaves the a-kasse still
// disappears at once, however far the replica is behind (issue 10, point 4).
func TestReplica_ServesPagesWhileTheRuleAndTheLogStayOnThePrimary(t *testing.T) {
	r := startReplicaPair(t)
	s := startStackOn(t, r.PrimaryURL, "DATABASE_READ_URL="+r.ReplicaURL)
	ctx := context.Background()
	anna := demo.CitizenByKey("anna")
	const annaID = `(SELECT id FROM citizens WHERE cpr = $1)`

	// With the replica frozen, signing in and looking up work: the session
	// and the look-up are the primary's.
	r.pause(t)
	c := s.newClient(t)
	c.login("berit")
	if p := c.lookUp(anna.CPR); p.Status != http.StatusOK || !strings.Contains(text(p, "citizen"), anna.Name) {
		t.Fatalf("look-up with the replica paused: %d, top bar %q", p.Status, text(p, "citizen"))
	}
	logins := `SELECT count(*) FROM citizen_history WHERE category = 'Login' AND citizen_id = ` + annaID
	if n := count(t, r.Primary, logins, anna.CPR); n != 1 {
		t.Errorf("the primary holds %d Login entries of the look-up, want 1", n)
	}
	if n := count(t, r.Replica, logins, anna.CPR); n != 0 {
		t.Errorf("the paused replica holds %d Login entries: the entry was not written on the primary alone", n)
	}

	// A datum changed on the primary is not on the page until the replica
	// has applied it: the page is read from the replica.
	const goals = "/borger/jobsoegning/jeg-soeger-job-som"
	lastWorked := func() string {
		t.Helper()
		p := c.get(goals)
		if p.Status != http.StatusOK {
			t.Fatalf("GET %s: %d", goals, p.Status)
		}
		return textIn(p.Doc.Selection, "job-goal-last-worked")
	}
	if got := lastWorked(); got != "2008" {
		t.Fatalf("Sidst arbejdet i faget = %q, want the demo's 2008", got)
	}
	if _, err := r.Primary.Exec(ctx, `UPDATE job_goals SET last_worked_year = 2019 WHERE position = 1 AND citizen_id = `+annaID, anna.CPR); err != nil {
		t.Fatal(err)
	}
	if got := lastWorked(); got != "2008" {
		t.Errorf("with replay paused the page shows %q, want the replica's 2008", got)
	}
	r.resume(t)
	if got := lastWorked(); got != "2019" {
		t.Errorf("after the replica caught up the page shows %q, want 2019", got)
	}

	// Every page of the citizen's Jobnet works on the read-only replica.
	for _, route := range server.CitizenRoutes() {
		if strings.Contains(route, "{") {
			continue
		}
		if p := c.get(route); p.Status >= 500 {
			t.Errorf("GET %s from the replica: %d", route, p.Status)
		}
	}

	// The access rule is checked on the primary: with the replica frozen
	// before Anna leaves the a-kasse, the next page is refused at once.
	r.pause(t)
	leave := `UPDATE akasse_memberships SET valid_to = current_date - 1 WHERE citizen_id = ` + annaID
	if _, err := r.Primary.Exec(ctx, leave, anna.CPR); err != nil {
		t.Fatal(err)
	}
	current := `SELECT count(*) FROM akasse_memberships WHERE (valid_to IS NULL OR valid_to >= current_date) AND citizen_id = ` + annaID
	if n := count(t, r.Replica, current, anna.CPR); n == 0 {
		t.Fatal("the paused replica already knows Anna left the a-kasse: the test shows nothing")
	}
	if p := c.get(goals); p.Status != http.StatusForbidden || text(p, "refusal") != refusalText || strings.Contains(p.Body, anna.Name) {
		t.Errorf("after leaving the a-kasse: %d, refusal %q, name shown %v", p.Status, text(p, "refusal"), strings.Contains(p.Body, anna.Name))
	}

	// /readyz reports the replica too.
	if p := c.get("/readyz"); p.Status != http.StatusOK {
		t.Errorf("readyz with primary and replica up: %d", p.Status)
	}
	r.run(t, "down", "-dir", r.replicaDir)
	if p := c.get("/readyz"); p.Status != http.StatusServiceUnavailable || !strings.Contains(p.Body, "replica") {
		t.Errorf("readyz with the replica down: %d %q", p.Status, p.Body)
	}
}
