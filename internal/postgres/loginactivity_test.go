package postgres_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/accesslog"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

func demoUser(t testing.TB, s *postgres.Store, username string) jobnet.User {
	t.Helper()
	d, _ := demo.CaseworkerByUsername(username)
	u, err := s.UserByIdentity(context.Background(), jobnet.Identity{CVR: d.CVR, RID: d.RID, UUID: d.UUID})
	if err != nil || u.ID == 0 {
		t.Fatalf("user %s: %v (id %d)", username, err, u.ID)
	}
	return u
}

// The LBA of A-kasse 22 sees the a-kasse's look-ups, granted and refused,
// newest first, and nobody else's; each citizen by the masked CPR number,
// named only where the look-up was granted.
func TestLoginActivity_OwnOrganisationFiltersPagingAndCSV(t *testing.T) {
	ctx := context.Background()
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	s := postgres.NewStore(pool)
	berit := caseworker(t, s, "berit", jobnet.OrgAkasse)
	mads := caseworker(t, s, "mads", jobnet.OrgAkasse)
	nina := caseworker(t, s, "nina", jobnet.OrgJobcenter)
	lone, henrik := demoUser(t, s, "lone"), demoUser(t, s, "henrik")
	org := berit.Org.ID

	start := time.Now().Add(-time.Hour).Truncate(time.Second)
	at := func(minutes int) time.Time { return start.Add(time.Duration(minutes) * time.Minute) }
	for i, l := range []struct {
		cw  jobnet.Caseworker
		key string
	}{
		{berit, "anna"}, // granted
		{berit, "lars"}, // refused: not a member
		{nina, "anna"},  // the jobcenter's: not A-kasse 22's
		{mads, "anna"},  // granted
	} {
		if _, _, err := s.LookUp(ctx, l.cw, mustCPR(t, demo.CitizenByKey(l.key).CPR), at(i), postgres.LookUpLimit{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := s.LookUp(ctx, berit, mustCPR(t, "0101010000"), at(4), postgres.LookUpLimit{}); err != nil {
		t.Fatal(err)
	}
	annaMasked, larsMasked := demo.CitizenByKey("anna").CPR[:6]+"-XXXX", demo.CitizenByKey("lars").CPR[:6]+"-XXXX"
	want := []accesslog.Row{
		{At: at(4), Caseworker: "Berit Hansen", Organisation: berit.Org.Name, Citizen: "010101-XXXX", Reason: "unknown_citizen"},
		{At: at(3), Granted: true, Caseworker: "Mads Kjær", Organisation: berit.Org.Name, Citizen: annaMasked, CitizenName: "Anna Jensen"},
		{At: at(1), Caseworker: "Berit Hansen", Organisation: berit.Org.Name, Citizen: larsMasked, Reason: "not_member_of_akasse"},
		{At: at(0), Granted: true, Caseworker: "Berit Hansen", Organisation: berit.Org.Name, Citizen: annaMasked, CitizenName: "Anna Jensen"},
	}
	now := time.Now()
	page := func(f accesslog.Filter) accesslog.Page {
		t.Helper()
		if f.PerPage == 0 {
			f.PerPage = 50
		}
		p, err := s.LoginActivity(ctx, lone, org, f, now)
		if err != nil {
			t.Fatal(err)
		}
		for i := range p.Rows {
			p.Rows[i].At = p.Rows[i].At.Truncate(time.Second)
		}
		return p
	}
	same := func(name string, got, want []accesslog.Row) {
		t.Helper()
		if len(got) != len(want) {
			t.Errorf("%s: %d rows, want %d: %+v", name, len(got), len(want), got)
			return
		}
		for i := range got {
			if !got[i].At.Equal(want[i].At) || got[i].Granted != want[i].Granted || got[i].Caseworker != want[i].Caseworker ||
				got[i].Organisation != want[i].Organisation || got[i].Citizen != want[i].Citizen ||
				got[i].CitizenName != want[i].CitizenName || got[i].Reason != want[i].Reason {
				t.Errorf("%s: row %d = %+v, want %+v", name, i, got[i], want[i])
			}
		}
	}

	all := page(accesslog.Filter{})
	same("all", all.Rows, want)
	if all.Total != 4 || all.Page != 1 {
		t.Errorf("total %d, page %d; want 4, 1", all.Total, all.Page)
	}
	var names []string
	for _, c := range all.Caseworkers {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, ", "); got != "Berit Hansen, Mads Kjær" {
		t.Errorf("caseworkers to choose: %s; want the a-kasse's own", got)
	}

	same("Berit's", page(accesslog.Filter{CaseworkerID: berit.User.ID}).Rows, []accesslog.Row{want[0], want[2], want[3]})
	same("refused", page(accesslog.Filter{Outcome: accesslog.OutcomeRefused}).Rows, []accesslog.Row{want[0], want[2]})
	same("granted", page(accesslog.Filter{Outcome: accesslog.OutcomeGranted}).Rows, []accesslog.Row{want[1], want[3]})
	tomorrow := jobnet.Day(now).AddDate(0, 0, 1)
	same("from tomorrow", page(accesslog.Filter{From: tomorrow}).Rows, nil)
	same("until yesterday", page(accesslog.Filter{To: tomorrow.AddDate(0, 0, -2)}).Rows, nil)
	same("today", page(accesslog.Filter{From: jobnet.Day(now), To: jobnet.Day(now)}).Rows, want)

	p2 := page(accesslog.Filter{PerPage: 3, Page: 2})
	same("page 2 of 2", p2.Rows, want[3:])
	if p2.Page != 2 || p2.Pages(3) != 2 {
		t.Errorf("page %d of %d, want 2 of 2", p2.Page, p2.Pages(3))
	}
	past := page(accesslog.Filter{PerPage: 3, Page: 9})
	same("past the end: the first page", past.Rows, want[:3])
	if past.Page != 1 {
		t.Errorf("past the end: page %d shown, want 1", past.Page)
	}

	// The download holds the page's rows, in the page's order.
	var b bytes.Buffer
	n, err := s.LoginActivityCSV(ctx, &b, lone, org, accesslog.Filter{CaseworkerID: berit.User.ID}, now)
	if err != nil || n != 3 {
		t.Fatalf("CSV: %d rows, %v", n, err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantCSV := [][]string{
		{"tidspunkt", "type", "sagsbehandler", "organisation", "cpr", "begrundelse", "navn"},
		{at(4).In(jobnet.Copenhagen).Format(time.RFC3339), "Afvist", "Berit Hansen", berit.Org.Name, "010101-XXXX", accesslog.ReasonText("unknown_citizen"), ""},
		{at(1).In(jobnet.Copenhagen).Format(time.RFC3339), "Afvist", "Berit Hansen", berit.Org.Name, larsMasked, accesslog.ReasonText("not_member_of_akasse"), ""},
		{at(0).In(jobnet.Copenhagen).Format(time.RFC3339), "Login", "Berit Hansen", berit.Org.Name, annaMasked, "", "Anna Jensen"},
	}
	if got, want := strings.Join(flatten(recs), "|"), strings.Join(flatten(wantCSV), "|"); got != want {
		t.Errorf("CSV:\n%s\nwant:\n%s", got, want)
	}
	if strings.Contains(b.String(), demo.CitizenByKey("anna").CPR) {
		t.Error("the CSV holds a full CPR number")
	}

	// Every reading was logged, with its filter and row count.
	if got := count(t, pool, `SELECT count(*) FROM login_activity_views WHERE user_id = $1 AND organisation_id = $2 AND action = 'page'`, lone.ID, org); got != 9 {
		t.Errorf("%d page views logged, want 9", got)
	}
	if got := count(t, pool, `SELECT count(*) FROM login_activity_views WHERE user_id = $1 AND action = 'csv' AND row_count = 3 AND caseworker_id = $2 AND page IS NULL`, lone.ID, berit.User.ID); got != 1 {
		t.Errorf("%d downloads logged with 3 rows and Berit as the filter, want 1", got)
	}
	if got := count(t, pool, `SELECT count(*) FROM login_activity_views WHERE action = 'page' AND page = 1 AND row_count = 4 AND outcome = 'all'`); got != 3 {
		t.Errorf("%d views of the first page of all four look-ups (the page past the end included), want 3", got)
	}

	// Another organisation's LBA, and a caseworker, read nothing.
	for _, u := range []jobnet.User{henrik, berit.User} {
		if _, err := s.LoginActivity(ctx, u, org, accesslog.Filter{PerPage: 50}, now); !errors.Is(err, jobnet.ErrForbidden) {
			t.Errorf("%s: err = %v, want forbidden", u.Name, err)
		}
		if _, err := s.LoginActivityCSV(ctx, &b, u, org, accesslog.Filter{}, now); !errors.Is(err, jobnet.ErrForbidden) {
			t.Errorf("%s: CSV: err = %v, want forbidden", u.Name, err)
		}
	}
	own, err := s.LoginActivity(ctx, henrik, henrik.Memberships[0].Org.ID, accesslog.Filter{PerPage: 50}, now)
	if err != nil || own.Total != 0 || len(own.Rows) != 0 {
		t.Errorf("A-kasse 31's LBA: %d rows, %v; want none", own.Total, err)
	}
}

func flatten(recs [][]string) []string {
	var out []string
	for _, r := range recs {
		out = append(out, strings.Join(r, ","))
	}
	return out
}
