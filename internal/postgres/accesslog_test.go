package postgres_test

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// lookUp runs a look-up that must not fail, and returns whether it was allowed.
func lookUp(t *testing.T, s *postgres.Store, cw jobnet.Caseworker, cprDigits string, at time.Time) bool {
	t.Helper()
	_, d, err := s.LookUp(context.Background(), cw, mustCPR(t, cprDigits), at, postgres.LookUpLimit{})
	if err != nil {
		t.Fatal(err)
	}
	return d.Allowed
}

// historyIDs returns a citizen's history row ids, oldest first.
func historyIDs(t *testing.T, q *pgxpool.Pool, citizenID int64) []int64 {
	t.Helper()
	rows, err := q.Query(context.Background(), `SELECT id FROM citizen_history WHERE citizen_id = $1 ORDER BY id`, citizenID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

// tamper runs sql as the owner with the append-only trigger switched off,
// as an owner bent on hiding a look-up could.
func tamper(t *testing.T, owner *pgxpool.Pool, sql string, args ...any) {
	t.Helper()
	ctx := context.Background()
	for _, q := range []string{`ALTER TABLE citizen_history DISABLE TRIGGER citizen_history_append_only`, sql,
		`ALTER TABLE citizen_history ENABLE TRIGGER citizen_history_append_only`} {
		a := args
		if q != sql {
			a = nil
		}
		if _, err := owner.Exec(ctx, q, a...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// chainFixture writes three Login entries for Anna and one for Bo.
func chainFixture(t *testing.T) (dsn string, s *postgres.Store, anna, bo []int64) {
	t.Helper()
	dsn = pgtest.NewDemoDatabase(t)
	pool := pgtest.Pool(t, dsn)
	s = postgres.NewStore(pool)
	berit := caseworker(t, s, "berit", jobnet.OrgAkasse)
	nina := caseworker(t, s, "nina", jobnet.OrgJobcenter)
	now := time.Now()
	for i, cw := range []jobnet.Caseworker{berit, nina, berit} {
		if !lookUp(t, s, cw, demo.CitizenByKey("anna").CPR, now.Add(time.Duration(i)*time.Minute)) {
			t.Fatal("anna refused")
		}
	}
	if !lookUp(t, s, berit, demo.CitizenByKey("bo").CPR, now) || lookUp(t, s, berit, demo.CitizenByKey("emma").CPR, now) {
		t.Fatal("bo refused or emma allowed")
	}
	return dsn, s, historyIDs(t, pool, citizenID(t, pool, "anna")), historyIDs(t, pool, citizenID(t, pool, "bo"))
}

func TestVerifyAccessLog_IntactAfterLookUps(t *testing.T) {
	_, s, anna, bo := chainFixture(t)
	if len(anna) != 3 || len(bo) != 1 {
		t.Fatalf("history ids anna %v, bo %v; want 3 and 1", anna, bo)
	}
	var calls int
	rep, err := s.VerifyAccessLog(context.Background(), func(postgres.VerifyProgress) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(postgres.VerifyReport{Rows: 4, Citizens: 2}, rep); diff != "" || !rep.OK() {
		t.Errorf("report (-want +got):\n%s", diff)
	}
	if calls != 1 {
		t.Errorf("progress called %d times, want once at the end", calls)
	}
}

func TestVerifyAccessLog_ReportsTheChangedRow(t *testing.T) {
	dsn, s, anna, _ := chainFixture(t)
	owner := pgtest.OwnerPool(t, dsn)
	tamper(t, owner, `UPDATE citizen_history SET caseworker_name = 'Nogen andre' WHERE id = $1`, anna[1])

	rep, err := s.VerifyAccessLog(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	annaID := citizenID(t, owner, "anna")
	want := []postgres.BrokenEntry{{ID: anna[1], CitizenID: annaID, ContentChanged: true, AfterID: anna[0]}}
	if diff := cmp.Diff(want, rep.Broken); diff != "" || rep.BrokenCount != 1 || rep.OK() {
		t.Errorf("broken (-want +got):\n%s\ncount %d", diff, rep.BrokenCount)
	}
}

func TestVerifyAccessLog_ReportsTheRowAfterADeletedOne(t *testing.T) {
	dsn, s, anna, _ := chainFixture(t)
	owner := pgtest.OwnerPool(t, dsn)
	tamper(t, owner, `DELETE FROM citizen_history WHERE id = $1`, anna[1])

	rep, err := s.VerifyAccessLog(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []postgres.BrokenEntry{{ID: anna[2], CitizenID: citizenID(t, owner, "anna"), LinkBroken: true, AfterID: anna[0]}}
	if diff := cmp.Diff(want, rep.Broken); diff != "" || rep.BrokenCount != 1 || rep.Rows != 3 {
		t.Errorf("broken (-want +got):\n%s\ncount %d of %d rows", diff, rep.BrokenCount, rep.Rows)
	}
}

func TestVerifyAccessLog_ReportsADeletedFirstRow(t *testing.T) {
	dsn, s, anna, _ := chainFixture(t)
	owner := pgtest.OwnerPool(t, dsn)
	tamper(t, owner, `DELETE FROM citizen_history WHERE id = $1`, anna[0])

	rep, err := s.VerifyAccessLog(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []postgres.BrokenEntry{{ID: anna[1], CitizenID: citizenID(t, owner, "anna"), LinkBroken: true}}
	if diff := cmp.Diff(want, rep.Broken); diff != "" {
		t.Errorf("broken (-want +got):\n%s", diff)
	}
}

// TestHistoryHash_MatchesTheTrigger writes rows the application never
// writes — NULLs next to empty strings, non-ASCII text, microseconds, offsets, a
// year before 1000 — and checks that Go's hash is the
// trigger's, byte for byte.
func TestHistoryHash_MatchesTheTrigger(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.NewDemoDatabase(t)
	owner := pgtest.OwnerPool(t, dsn)
	anna := citizenID(t, owner, "anna")
	for _, q := range []string{
		`INSERT INTO citizen_history (citizen_id, category, occurred_at, text) VALUES ($1, 'Planer', '2026-03-29 01:59:59.123456+01', 'Plan æøå ÆØÅ – “citat”')`,
		`INSERT INTO citizen_history (citizen_id, category, occurred_at, text, caseworker_name, organisation_name, user_id, organisation_id, via)
			SELECT $1, 'Login', '2026-10-25 02:30:00.000001+02', '', '', NULL, u.id, NULL, ''
			FROM amp_users u ORDER BY u.id LIMIT 1`,
		`INSERT INTO citizen_history (citizen_id, category, occurred_at, text, caseworker_name) VALUES ($1, 'Møder', '0999-12-31 23:59:59Z', E'a\x1fb', 'x')`,
	} {
		if _, err := owner.Exec(ctx, q, anna); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := owner.Query(ctx, `SELECT citizen_id, category, occurred_at, text, caseworker_name, organisation_name,
		user_id, organisation_id, via, prev_hash, hash FROM citizen_history ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var r postgres.HistoryRow
		var prev, hash []byte
		if err := rows.Scan(&r.CitizenID, &r.Category, &r.OccurredAt, &r.Text, &r.CaseworkerName, &r.OrganisationName,
			&r.UserID, &r.OrganisationID, &r.Via, &prev, &hash); err != nil {
			t.Fatal(err)
		}
		if got := postgres.HistoryHash(prev, r); !bytes.Equal(got, hash) {
			t.Errorf("row %d (%+v): Go hash %x, trigger's %x", n, r, got, hash)
		}
		n++
	}
	if err := rows.Err(); err != nil || n != 3 {
		t.Fatalf("%d rows, %v", n, err)
	}
	rep, err := postgres.NewStore(owner).VerifyAccessLog(ctx, nil)
	if err != nil || !rep.OK() || rep.Rows != 3 {
		t.Errorf("VerifyAccessLog = %+v, %v; want 3 intact rows", rep, err)
	}
}

func TestExportAccessLog_LoginsAndRefusalsOfOneOrganisationInThePeriod(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.NewDemoDatabase(t)
	pool := pgtest.Pool(t, dsn)
	s := postgres.NewStore(pool)
	berit := caseworker(t, s, "berit", jobnet.OrgAkasse)
	nina := caseworker(t, s, "nina", jobnet.OrgJobcenter)
	y, m, d := time.Now().In(jobnet.Copenhagen).Date()
	at := func(daysAgo, hour int) time.Time { return time.Date(y, m, d-daysAgo, hour, 0, 0, 0, jobnet.Copenhagen) }

	anna, emma := demo.CitizenByKey("anna"), demo.CitizenByKey("emma")
	lookUp(t, s, berit, demo.CitizenByKey("bo").CPR, at(8, 9)) // before the period
	lookUp(t, s, berit, anna.CPR, at(4, 9))
	lookUp(t, s, berit, emma.CPR, at(3, 10))
	lookUp(t, s, berit, demo.UnknownCPR, at(3, 11))
	lookUp(t, s, nina, anna.CPR, at(2, 12))         // another organisation
	lookUp(t, s, berit, anna.CPR, at(0, 0).Add(-1)) // the period's last instant
	lookUp(t, s, berit, anna.CPR, at(0, 0))         // after the period
	period := postgres.ExportFilter{From: at(5, 0), To: at(0, 0), OrganisationID: berit.Org.ID}

	annaID, emmaID := strconv.FormatInt(citizenID(t, pool, "anna"), 10), strconv.FormatInt(citizenID(t, pool, "emma"), 10)
	ts := func(t time.Time) string { return t.Format(time.RFC3339) }
	org := demo.OrgFagenesAkasse.Name
	for _, tc := range []struct {
		name string
		f    postgres.ExportFilter
		want []string
	}{
		{"citizen ids", period, []string{
			"tidspunkt,type,sagsbehandler,organisation,borger-id,begrundelse",
			ts(at(4, 9)) + ",Login,Berit Hansen," + org + "," + annaID + ",",
			ts(at(3, 10)) + ",Afvist,Berit Hansen," + org + "," + emmaID + ",not_member_of_akasse",
			ts(at(3, 11)) + ",Afvist,Berit Hansen," + org + ",,unknown_citizen",
			ts(at(1, 23).Add(time.Hour-time.Second)) + ",Login,Berit Hansen," + org + "," + annaID + ",",
		}},
		{"CPR numbers", func() postgres.ExportFilter { f := period; f.WithCPR = true; return f }(), []string{
			"tidspunkt,type,sagsbehandler,organisation,cpr,begrundelse",
			ts(at(4, 9)) + ",Login,Berit Hansen," + org + "," + anna.CPR + ",",
			ts(at(3, 10)) + ",Afvist,Berit Hansen," + org + "," + emma.CPR + ",not_member_of_akasse",
			ts(at(3, 11)) + ",Afvist,Berit Hansen," + org + "," + demo.UnknownCPR + ",unknown_citizen",
			ts(at(1, 23).Add(time.Hour-time.Second)) + ",Login,Berit Hansen," + org + "," + anna.CPR + ",",
		}},
		{"every organisation", func() postgres.ExportFilter { f := period; f.OrganisationID = 0; return f }(), []string{
			"tidspunkt,type,sagsbehandler,organisation,borger-id,begrundelse",
			ts(at(4, 9)) + ",Login,Berit Hansen," + org + "," + annaID + ",",
			ts(at(3, 10)) + ",Afvist,Berit Hansen," + org + "," + emmaID + ",not_member_of_akasse",
			ts(at(3, 11)) + ",Afvist,Berit Hansen," + org + ",,unknown_citizen",
			ts(at(2, 12)) + ",Login,Nina Pettersen," + demo.OrgJobcenterAarhus.Name + "," + annaID + ",",
			ts(at(1, 23).Add(time.Hour-time.Second)) + ",Login,Berit Hansen," + org + "," + annaID + ",",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := s.ExportAccessLog(ctx, &buf, tc.f); err != nil {
				t.Fatal(err)
			}
			got := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("CSV (-want +got):\n%s", diff)
			}
			if !tc.f.WithCPR {
				for _, c := range []string{anna.CPR, emma.CPR, demo.UnknownCPR} {
					if strings.Contains(buf.String(), c) {
						t.Errorf("export without -with-cpr contains CPR %s", c)
					}
				}
			}
		})
	}
}

func TestExportAccessLog_RefusesCPRNumbersForEveryOrganisation(t *testing.T) {
	s := postgres.NewStore(pgtest.Pool(t, pgtest.NewDemoDatabase(t)))
	var buf bytes.Buffer
	err := s.ExportAccessLog(context.Background(), &buf, postgres.ExportFilter{From: time.Now().Add(-time.Hour), To: time.Now(), WithCPR: true})
	if !errors.Is(err, jobnet.ErrInvalid) || buf.Len() != 0 {
		t.Errorf("err = %v, output %q; want ErrInvalid and nothing written", err, buf.String())
	}
	err = s.ExportAccessLog(context.Background(), &buf, postgres.ExportFilter{From: time.Now().Add(-time.Hour), To: time.Now(), OrganisationID: 999999})
	if !errors.Is(err, jobnet.ErrNotFound) || buf.Len() != 0 {
		t.Errorf("unknown organisation: err = %v, output %q; want ErrNotFound and nothing written", err, buf.String())
	}
}
