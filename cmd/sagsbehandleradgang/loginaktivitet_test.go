package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/chromedp/chromedp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

const loginActivityPath = "/sagsbehandleradgang/loginaktivitet"

// lookUpsForLoginActivity makes look-ups to read: Berit (A-kasse 22) is
// granted Anna and refused Lars and an unknown number; Nina (Jobcenter
// Aarhus) is granted Anna, for the jobcenter, not the a-kasse.
func lookUpsForLoginActivity(t *testing.T, s *stack) {
	t.Helper()
	berit := s.newClient(t)
	berit.login("berit")
	for _, n := range []string{demo.CitizenByKey("anna").CPR, demo.CitizenByKey("lars").CPR, demo.UnknownCPR} {
		berit.lookUp(n)
	}
	s.actingFor(t, "nina", "anna")
}

// loginActivityRow is a row of the page as the LBA reads it.
type loginActivityRow struct{ When, Caseworker, Outcome, CPR, Name, Reason string }

func loginActivityRows(p page) []loginActivityRow {
	var rows []loginActivityRow
	p.Doc.Find(`[data-testid="login-activity-row"]`).Each(func(_ int, tr *goquery.Selection) {
		rows = append(rows, loginActivityRow{textIn(tr, "when"), textIn(tr, "caseworker-name"), textIn(tr, "outcome"),
			textIn(tr, "citizen-cpr"), textIn(tr, "citizen-name"), textIn(tr, "reason")})
	})
	return rows
}

// csvRows reads the download as the page's rows: the time as the page
// writes it, the type as the page names the outcome.
func csvRows(t *testing.T, body string) (header []string, rows []loginActivityRow) {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("CSV: %v\n%s", err, body)
	}
	outcome := map[string]string{"Login": "Adgang givet", "Afvist": "Afvist"}
	for _, r := range recs[1:] {
		at, err := time.Parse(time.RFC3339, r[0])
		if err != nil {
			t.Fatalf("CSV time %q: %v", r[0], err)
		}
		at = at.In(jobnet.Copenhagen)
		rows = append(rows, loginActivityRow{views.ShortDate(at) + " kl. " + at.Format("15.04.05"), r[2], outcome[r[1]], r[4], r[6], r[5]})
	}
	return recs[0], rows
}

func TestLoginActivity_LBASeesTheOrganisationsLookUpsOnly(t *testing.T) {
	s := startStack(t)
	lookUpsForLoginActivity(t, s)
	anna, lars := demo.CitizenByKey("anna"), demo.CitizenByKey("lars")

	// An LBA who is no caseworker signs in and lands on Loginaktivitet.
	c := s.newClient(t)
	p := c.login("lone")
	if p.Status != http.StatusOK || !strings.HasSuffix(p.URL, loginActivityPath) || text(p, "page-heading") != "Loginaktivitet" {
		t.Fatalf("after login: %d at %s, heading %q", p.Status, p.URL, text(p, "page-heading"))
	}
	rows := loginActivityRows(p)
	if len(rows) != 3 {
		t.Fatalf("rows: %+v; want Berit's three look-ups", rows)
	}
	for i, want := range []struct{ outcome, cpr, name string }{
		{"Afvist", demo.UnknownCPR[:6] + "-XXXX", ""},
		{"Afvist", lars.CPR[:6] + "-XXXX", ""},
		{"Adgang givet", anna.CPR[:6] + "-XXXX", anna.Name},
	} {
		r := rows[i]
		if r.Caseworker != "Berit Hansen" || r.Outcome != want.outcome || r.CPR != want.cpr || r.Name != want.name {
			t.Errorf("row %d = %+v; want Berit Hansen, %s, %s, name %q", i, r, want.outcome, want.cpr, want.name)
		}
		if (r.Reason == "") != (want.outcome == "Adgang givet") {
			t.Errorf("row %d: reason %q", i, r.Reason)
		}
	}
	for _, secret := range []string{anna.CPR, lars.CPR, demo.UnknownCPR, lars.Name, "Nina"} {
		if strings.Contains(p.Body, secret) {
			t.Errorf("the page shows %q", secret)
		}
	}

	// Filters: outcome, caseworker, period.
	if got := loginActivityRows(c.get(loginActivityPath + "?udfald=adgang")); len(got) != 1 || got[0].Name != anna.Name {
		t.Errorf("granted only: %+v", got)
	}
	var beritID, ninaID int64
	if err := s.Owner.QueryRow(context.Background(), `SELECT (SELECT id FROM amp_users WHERE name = 'Berit Hansen'), (SELECT id FROM amp_users WHERE name = 'Nina Pettersen')`).Scan(&beritID, &ninaID); err != nil {
		t.Fatal(err)
	}
	if got := loginActivityRows(c.get(fmt.Sprintf("%s?sagsbehandler=%d&udfald=afvist", loginActivityPath, beritID))); len(got) != 2 {
		t.Errorf("Berit's refused: %+v", got)
	}
	p = c.get(fmt.Sprintf("%s?sagsbehandler=%d", loginActivityPath, ninaID))
	if p.Status != http.StatusBadRequest || len(loginActivityRows(p)) != 0 || text(p, "sagsbehandler-error") == "" {
		t.Errorf("the jobcenter's caseworker: %d, rows %d, message %q", p.Status, len(loginActivityRows(p)), text(p, "sagsbehandler-error"))
	}
	tomorrow := jobnet.Day(time.Now()).AddDate(0, 0, 1).Format("02-01-2006")
	if got := loginActivityRows(c.get(loginActivityPath + "?fra=" + tomorrow + "&til=")); len(got) != 0 {
		t.Errorf("from tomorrow: %+v", got)
	}
	p = c.get(loginActivityPath + "?fra=31-02-2026&til=&udfald=x")
	if p.Status != http.StatusBadRequest || !strings.Contains(p.Body, `aria-invalid="true"`) || text(p, "error-summary") == "" ||
		text(p, "fra-error") == "" || text(p, "udfald-error") == "" {
		t.Errorf("bad filter: %d; summary %q; fra %q; udfald %q", p.Status, text(p, "error-summary"), text(p, "fra-error"), text(p, "udfald-error"))
	}

	// Paging: 60 more refusals make two pages; the CSV holds both, in order.
	if _, err := s.Owner.Exec(context.Background(), `
		INSERT INTO refused_lookups (occurred_at, user_id, organisation_id, caseworker_name, cpr, reason)
		SELECT now() - make_interval(mins => 10 + n), $1, o.id, 'Berit Hansen', '0101010000', 'unknown_citizen'
		FROM generate_series(1, 60) n, organisations o WHERE o.name = 'A-kasse 22 Fagenes Fællesskab'`, beritID); err != nil {
		t.Fatal(err)
	}
	first := c.get(loginActivityPath)
	if text(first, "login-activity-page") != "Side 1 af 2" || text(first, "login-activity-count") != "63 opslag" {
		t.Errorf("paging: %q, %q", text(first, "login-activity-page"), text(first, "login-activity-count"))
	}
	next := attr(first.Doc.Find(`[data-testid="login-activity-next"]`), "href")
	second := c.get(next)
	pageRows := append(loginActivityRows(first), loginActivityRows(second)...)
	if len(loginActivityRows(first)) != 50 || len(pageRows) != 63 || text(second, "login-activity-page") != "Side 2 af 2" {
		t.Errorf("pages: %d + %d rows, %q", len(loginActivityRows(first)), len(loginActivityRows(second)), text(second, "login-activity-page"))
	}
	dl := c.get(attr(first.Doc.Find(`[data-testid="login-activity-csv"]`), "href"))
	if dl.Status != http.StatusOK || !strings.HasPrefix(dl.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("CSV: %d %s", dl.Status, dl.Header.Get("Content-Type"))
	}
	header, csvR := csvRows(t, dl.Body)
	if got := strings.Join(header, ","); got != "tidspunkt,type,sagsbehandler,organisation,cpr,begrundelse,navn" {
		t.Errorf("CSV header %s", got)
	}
	if len(csvR) != len(pageRows) {
		t.Fatalf("CSV has %d rows, the pages %d", len(csvR), len(pageRows))
	}
	for i := range csvR {
		if csvR[i] != pageRows[i] {
			t.Errorf("row %d: CSV %+v, page %+v", i, csvR[i], pageRows[i])
		}
	}
	if strings.Contains(dl.Body, anna.CPR) || strings.Contains(dl.Body, lars.Name) {
		t.Error("the CSV holds a CPR number or a refused citizen's name")
	}

	// No citizen for the LBA: the CPR page and the citizen's pages lead to
	// Loginaktivitet, and a look-up writes nothing.
	for _, path := range []string{"/sagsbehandleradgang", "/borger/forside"} {
		if p := c.get(path); !strings.HasSuffix(p.URL, loginActivityPath) {
			t.Errorf("GET %s: at %s", path, p.URL)
		}
	}
	if p := c.lookUp(anna.CPR); !strings.HasSuffix(p.URL, loginActivityPath) || strings.Contains(p.Body, `data-testid="citizen"`) {
		t.Errorf("look-up by the LBA: at %s", p.URL)
	}
	if n := s.count(t, `SELECT count(*) FROM citizen_history h JOIN amp_users u ON u.id = h.user_id WHERE u.name = 'Lone Bach'`); n != 0 {
		t.Errorf("the LBA looked up %d citizens", n)
	}

	// Its own use is logged: each page opened, the download, with the rows;
	// and a log line without the filter's values.
	if n := s.count(t, `SELECT count(*) FROM login_activity_views v JOIN amp_users u ON u.id = v.user_id WHERE u.name = 'Lone Bach' AND action = 'page'`); n != 11 {
		t.Errorf("%d page views logged, want 11", n)
	}
	if n := s.count(t, `SELECT count(*) FROM login_activity_views WHERE action = 'csv' AND row_count = 63`); n != 1 {
		t.Errorf("%d downloads of 63 rows logged, want 1", n)
	}
	var lines int
	for _, line := range strings.Split(s.logs.String(), "\n") {
		var e struct{ Msg, Action string }
		if json.Unmarshal([]byte(line), &e) == nil && e.Msg == "login activity read" {
			lines++
			if regexp.MustCompile(`\d{6}-?\d{4}`).MatchString(strings.ReplaceAll(line, `"time":`, "")) {
				t.Errorf("log line with a CPR-shaped number: %s", line)
			}
		}
	}
	if lines != 12 {
		t.Errorf("%d log lines of reading the login activity, want 12", lines)
	}
}

func TestLoginActivity_OthersGetIngenAdgangOrTheirOwn(t *testing.T) {
	s := startStack(t)
	lookUpsForLoginActivity(t, s)

	// A caseworker without LBA: no link, and "Ingen adgang".
	berit := s.newClient(t)
	if p := berit.login("berit"); strings.Contains(p.Body, "login-activity-link") {
		t.Error("a caseworker without LBA has the link to Loginaktivitet")
	}
	for _, path := range []string{loginActivityPath, loginActivityPath + "/csv"} {
		if p := berit.get(path); p.Status != http.StatusForbidden || text(p, "page-heading") != "Ingen adgang" {
			t.Errorf("%s for a caseworker: %d %q", path, p.Status, text(p, "page-heading"))
		}
	}
	// The LBA of another a-kasse sees its own look-ups: none.
	henrik := s.newClient(t)
	if p := henrik.login("henrik"); len(loginActivityRows(p)) != 0 || text(p, "login-activity-empty") == "" {
		t.Errorf("A-kasse 31's LBA sees rows: %+v", loginActivityRows(p))
	}
	// A caseworker who is also LBA has the link in the top bar.
	mads := s.newClient(t)
	mads.login("mads")
	var fagenes int64
	if err := s.Owner.QueryRow(context.Background(), `SELECT id FROM organisations WHERE name = 'A-kasse 22 Fagenes Fællesskab'`).Scan(&fagenes); err != nil {
		t.Fatal(err)
	}
	p := mads.post("/sagsbehandleradgang/organisation", map[string][]string{"org": {fmt.Sprint(fagenes)}})
	link := p.Doc.Find(`[data-testid="login-activity-link"]`)
	if link.Length() != 1 || attr(link, "href") != loginActivityPath {
		t.Fatalf("mads on the CPR page: no link to Loginaktivitet")
	}
	if got := loginActivityRows(mads.get(loginActivityPath)); len(got) != 3 {
		t.Errorf("mads as LBA of A-kasse 22: %d rows, want 3", len(got))
	}
}

func TestBrowser_LoginActivity(t *testing.T) {
	s := startStack(t)
	lookUpsForLoginActivity(t, s)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "lone")
	b.do(ctx, chromedp.WaitVisible(testid("login-activity-table")))
	b.screenshotWidths(ctx, "loginaktivitet-01", "Loginaktivitet")
	// A wrong date: the message at the field and in the summary.
	b.do(ctx,
		chromedp.Navigate(s.BaseURL+loginActivityPath+"?fra=31-02-2026&til="),
		chromedp.WaitVisible(testid("error-summary")),
	)
	if got := b.text(ctx, "fra-error"); !strings.Contains(got, "Indtast en gyldig dato") {
		t.Errorf("message at Fra dato: %q", got)
	}
	b.screenshot(ctx, "loginaktivitet-02-fejl")
	b.checkAccessibility(ctx, "Loginaktivitet med fejl")
}
