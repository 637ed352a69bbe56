package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// lookUp runs "Log ind som denne borger" as a demo caseworker through the
// store, as the server does.
func lookUp(t *testing.T, s *postgres.Store, username string, kind jobnet.OrgKind, citizenCPR string, at time.Time) jobnet.Caseworker {
	t.Helper()
	ctx := context.Background()
	d, _ := demo.CaseworkerByUsername(username)
	u, err := s.UserByIdentity(ctx, jobnet.Identity{CVR: d.CVR, RID: d.RID, UUID: d.UUID})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range u.Memberships {
		if m.Org.Kind != kind {
			continue
		}
		cw, dec := access.ActAs(u, m.Org.ID)
		if !dec.Allowed {
			t.Fatalf("%s may not act for %s", username, m.Org.Name)
		}
		n, err := cpr.Parse(citizenCPR)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.LookUp(ctx, cw, n, at, postgres.LookUpLimit{}); err != nil {
			t.Fatal(err)
		}
		return cw
	}
	t.Fatalf("%s has no %s", username, kind)
	return jobnet.Caseworker{}
}

func env(dsn string) func(string) string {
	return func(k string) string {
		if k == "DATABASE_URL" {
			return dsn
		}
		return ""
	}
}

func TestVerify_SaysIntactThenNamesTheChangedRow(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.NewDemoDatabase(t)
	s := postgres.NewStore(pgtest.Pool(t, dsn))
	anna := demo.CitizenByKey("anna").CPR
	lookUp(t, s, "berit", jobnet.OrgAkasse, anna, time.Now())
	lookUp(t, s, "nina", jobnet.OrgJobcenter, anna, time.Now())

	var out bytes.Buffer
	if err := run(ctx, []string{"verify"}, env(dsn), &out); err != nil {
		t.Fatalf("verify: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "Adgangsloggen er intakt: 2 rækker for 1 borgere.") {
		t.Errorf("verify said:\n%s", out.String())
	}

	owner := pgtest.OwnerPool(t, dsn)
	var id, citizenID int64
	if err := owner.QueryRow(ctx, `SELECT id, citizen_id FROM citizen_history ORDER BY id LIMIT 1`).Scan(&id, &citizenID); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`ALTER TABLE citizen_history DISABLE TRIGGER citizen_history_append_only`,
		fmt.Sprintf(`UPDATE citizen_history SET caseworker_name = 'Nogen andre' WHERE id = %d`, id),
		`ALTER TABLE citizen_history ENABLE TRIGGER citizen_history_append_only`,
	} {
		if _, err := owner.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	out.Reset()
	err := run(ctx, []string{"verify", "-database-url", dsn}, env(""), &out)
	if !errors.Is(err, errChainBroken) {
		t.Fatalf("verify of a changed log: err = %v, want errChainBroken", err)
	}
	want := fmt.Sprintf("række %d (borger-id %d): indholdet er ændret", id, citizenID)
	if !strings.Contains(out.String(), want) || strings.Count(out.String(), "række ") != 1 || strings.Contains(out.String(), anna) {
		t.Errorf("verify said:\n%s\nwant exactly one broken row: %q, and no CPR", out.String(), want)
	}
}

// A fork — two rows chained to the same row, as look-ups at the same moment
// left them before migration 11 — is told apart from a removed row.
func TestVerify_TellsAForkFromARemovedRow(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.NewDemoDatabase(t)
	s := postgres.NewStore(pgtest.Pool(t, dsn))
	for range 3 {
		lookUp(t, s, "berit", jobnet.OrgAkasse, demo.CitizenByKey("anna").CPR, time.Now())
	}
	owner := pgtest.OwnerPool(t, dsn)
	var ids [3]int64
	var second []byte
	var citizenID int64
	if err := owner.QueryRow(ctx, `SELECT array_agg(id ORDER BY seq), (array_agg(hash ORDER BY seq))[2], min(citizen_id) FROM citizen_history`).
		Scan(&ids, &second, &citizenID); err != nil {
		t.Fatal(err)
	}
	fork := postgres.HistoryRow{CitizenID: citizenID, Category: "Planer", OccurredAt: time.Now().UTC().Truncate(time.Microsecond), Text: "Plan"}
	var forkID int64
	for _, q := range []string{
		`ALTER TABLE citizen_history DISABLE TRIGGER USER`,
		`DELETE FROM citizen_history WHERE id = $1`,
		`INSERT INTO citizen_history (citizen_id, category, occurred_at, text, seq, prev_hash, hash) VALUES ($1, $2, $3, $4, 4, $5, $6) RETURNING id`,
		`ALTER TABLE citizen_history ENABLE TRIGGER USER`,
	} {
		var err error
		switch {
		case strings.HasPrefix(q, "DELETE"):
			_, err = owner.Exec(ctx, q, ids[0])
		case strings.HasPrefix(q, "INSERT"):
			err = owner.QueryRow(ctx, q, fork.CitizenID, fork.Category, fork.OccurredAt, fork.Text, second, postgres.HistoryHash(second, fork)).Scan(&forkID)
		default:
			_, err = owner.Exec(ctx, q)
		}
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}

	var out bytes.Buffer
	if err := run(ctx, []string{"verify"}, env(dsn), &out); !errors.Is(err, errChainBroken) {
		t.Fatalf("verify: err = %v, want errChainBroken\n%s", err, out.String())
	}
	for _, want := range []string{
		fmt.Sprintf("række %d (borger-id %d): kæden er brudt før borgerens første række: en række er slettet", ids[1], citizenID),
		fmt.Sprintf("række %d (borger-id %d): kæden forgrener sig: rækken er kædet til en tidligere række, %d, og ikke til den forrige, %d", forkID, citizenID, ids[1], ids[2]),
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("verify said:\n%s\nwant a line %q", out.String(), want)
		}
	}
	if n := strings.Count(out.String(), "\nrække "); n != 2 {
		t.Errorf("verify named %d rows, want 2:\n%s", n, out.String())
	}
}

func TestExport_OneOrganisationWithAndWithoutCPR(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.NewDemoDatabase(t)
	pool := pgtest.Pool(t, dsn)
	s := postgres.NewStore(pool)
	y, m, d := time.Now().In(jobnet.Copenhagen).Date()
	yesterday := time.Date(y, m, d-1, 10, 0, 0, 0, jobnet.Copenhagen)
	anna, emma := demo.CitizenByKey("anna"), demo.CitizenByKey("emma")
	berit := lookUp(t, s, "berit", jobnet.OrgAkasse, anna.CPR, yesterday)
	lookUp(t, s, "berit", jobnet.OrgAkasse, emma.CPR, yesterday.Add(time.Hour))
	lookUp(t, s, "nina", jobnet.OrgJobcenter, anna.CPR, yesterday.Add(2*time.Hour))
	lookUp(t, s, "berit", jobnet.OrgAkasse, anna.CPR, yesterday.AddDate(0, 0, -7)) // before the period
	var annaID, emmaID int64
	if err := pool.QueryRow(ctx, `SELECT (SELECT id FROM citizens WHERE cpr = $1), (SELECT id FROM citizens WHERE cpr = $2)`, anna.CPR, emma.CPR).Scan(&annaID, &emmaID); err != nil {
		t.Fatal(err)
	}
	day := yesterday.Format(time.DateOnly)
	org := fmt.Sprint(berit.Org.ID)
	at := func(t time.Time) string { return t.Format(time.RFC3339) }
	orgName := demo.OrgFagenesAkasse.Name

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "-from", day, "-to", day, "-org", org}, "tidspunkt,type,sagsbehandler,organisation,borger-id,begrundelse\n" +
			fmt.Sprintf("%s,Login,Berit Hansen,%s,%d,\n", at(yesterday), orgName, annaID) +
			fmt.Sprintf("%s,Afvist,Berit Hansen,%s,%d,not_member_of_akasse\n", at(yesterday.Add(time.Hour)), orgName, emmaID)},
		{[]string{"export", "-from", day, "-to", day, "-org", org, "-with-cpr"}, "tidspunkt,type,sagsbehandler,organisation,cpr,begrundelse\n" +
			fmt.Sprintf("%s,Login,Berit Hansen,%s,%s,\n", at(yesterday), orgName, anna.CPR) +
			fmt.Sprintf("%s,Afvist,Berit Hansen,%s,%s,not_member_of_akasse\n", at(yesterday.Add(time.Hour)), orgName, emma.CPR)},
	} {
		var out bytes.Buffer
		if err := run(ctx, tc.args, env(dsn), &out); err != nil {
			t.Fatalf("%v: %v", tc.args, err)
		}
		if out.String() != tc.want {
			t.Errorf("%v wrote:\n%s\nwant:\n%s", tc.args, out.String(), tc.want)
		}
	}
}

func TestExport_RefusesBadArguments(t *testing.T) {
	for _, args := range [][]string{
		{"export", "-from", "2026-01-01", "-to", "2026-12-31", "-with-cpr"}, // CPR for every organisation
		{"export", "-from", "2026-12-31", "-to", "2026-01-01"},
		{"export", "-from", "1/1/2026", "-to", "2026-12-31"},
		{"export", "-to", "2026-12-31"},
		{"export", "-from", "2026-01-01", "-to", "2026-12-31"}, // no database
		{"verify"}, // no database
		{"prune"},
		{},
	} {
		var out bytes.Buffer
		if err := run(context.Background(), args, env(""), &out); err == nil || out.Len() != 0 {
			t.Errorf("%v: err = %v, output %q; want an error and no output", args, err, out.String())
		}
	}
}
