package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/chromedp/chromedp"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

const (
	cvMitCVPath        = "/borger/jobsoegning/cv"
	cvPresentationPath = "/borger/jobsoegning/praesentations-cv"
	cvEuropePath       = "/borger/jobsoegning/job-i-europa"
	cvPreparationPath  = "/borger/jobsoegning/forberedelsesskema"
	cvPrintPath        = "/borger/jobsoegning/cv/vis"
)

// cvAnnasLists are Anna's qualifications, languages, driving licences and
// contact details as cvItems reads them.
var cvAnnasLists = map[string]string{
	"cv-qualifications": "Bogføring, Fakturering, Kundeservice, Mødeplanlægning, Microsoft Office",
	"cv-languages":      "Dansk: Modersmål, Engelsk: Flydende",
	"cv-licences":       "B: Almindelig bil",
	"cv-contact":        "E-mail: anna.jensen@example.dk, Telefon: 20 11 22 33",
}

// cvTexts is the text of every element with the test id, whitespace collapsed, one entry each.
func cvTexts(p page, testid string) []string {
	var out []string
	p.Doc.Find(`[data-testid="` + testid + `"]`).Each(func(_ int, s *goquery.Selection) {
		out = append(out, strings.TrimSpace(whitespace.ReplaceAllString(s.Text(), " ")))
	})
	return out
}

func cvOneText(p page, testid string) string {
	return strings.Join(cvTexts(p, testid), " | ")
}

// cvItems reads the element with the test id as a user does, item by item:
// a list as "a, b", a table of labels and values as "label value, label value", a
// breadcrumb as "Forside > Jobsøgning > Mit CV".
func cvItems(p page, testid string) string {
	el := p.Doc.Find(`[data-testid="` + testid + `"]`)
	clean := func(s *goquery.Selection) string {
		return strings.TrimSpace(whitespace.ReplaceAllString(s.Text(), " "))
	}
	var items []string
	sep := ", "
	switch {
	case el.Is("nav"):
		sep = " > "
		el.Find("li").Each(func(_ int, li *goquery.Selection) { items = append(items, clean(li)) })
	case el.Is("table"):
		el.Find("tr").Each(func(_ int, tr *goquery.Selection) {
			items = append(items, clean(tr.Find("th"))+" "+clean(tr.Find("td")))
		})
	default:
		el.Find("li").Each(func(_ int, li *goquery.Selection) { items = append(items, clean(li)) })
	}
	return strings.Join(items, sep)
}

func cvContains(list []string, want string) bool {
	for _, s := range list {
		if s == want {
			return true
		}
	}
	return false
}

func TestMitCV_ShowsAnnasExperienceEducationLanguagesLicenceContactAndSearchable(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	today := jobnet.Day(time.Now())
	want, _ := demo.CVFor("anna", today)

	p := c.get(cvMitCVPath)
	if p.Status != http.StatusOK {
		t.Fatalf("Mit CV: status %d", p.Status)
	}
	if got := text(p, "page-heading"); got != "Mit CV" {
		t.Errorf("heading %q", got)
	}
	if got := cvItems(p, "breadcrumb"); got != "Forside > Jobsøgning > Mit CV" {
		t.Errorf("breadcrumb %q", got)
	}
	if _, ok := p.Doc.Find(`[data-testid="tab-jobsoegning"]`).Attr("aria-current"); !ok {
		t.Error("the tab Jobsøgning is not the active tab")
	}
	if got := text(p, "cv-searchable-state"); got != "Dit CV er søgbart" {
		t.Errorf("searchable state %q, want Dit CV er søgbart", got)
	}
	if got := text(p, "cv-profile"); got != want.Profile {
		t.Errorf("profile %q", got)
	}

	titles := cvTexts(p, "cv-experience-title")
	if len(titles) != 3 || titles[0] != "Kontorassistent" {
		t.Errorf("experience titles %q, want 3 with Kontorassistent first (newest)", titles)
	}
	kontor := p.Doc.Find(`[data-testid="cv-experience"]`).First()
	checks := map[string]string{
		"cv-experience-employer":         "Vestergaard & Holm Revision ApS",
		"cv-experience-responsibilities": want.Experiences[0].Responsibilities,
		"cv-experience-period":           views.CVPeriod(want.Experiences[0].From, want.Experiences[0].To),
	}
	for id, w := range checks {
		if got := strings.TrimSpace(whitespace.ReplaceAllString(kontor.Find(`[data-testid="`+id+`"]`).Text(), " ")); got != w {
			t.Errorf("Kontorassistent %s = %q, want %q", id, got, w)
		}
	}

	edu := cvTexts(p, "cv-education-title")
	for _, w := range []string{"Kontoruddannelse med speciale i administration", "Digital bogføring for kontorpersonale", "Microsoft Office Specialist: Excel Associate"} {
		if !cvContains(edu, w) {
			t.Errorf("educations %q lack %q", edu, w)
		}
	}
	kinds := cvTexts(p, "cv-education-kind")
	for _, w := range []string{"Uddannelse", "Kursus", "Certificering"} {
		if !cvContains(kinds, w) {
			t.Errorf("education kinds %q lack %q", kinds, w)
		}
	}
	for id, w := range cvAnnasLists {
		if got := cvItems(p, id); got != w {
			t.Errorf("%s = %q, want %q", id, got, w)
		}
	}
	// Edit buttons are there, as the citizen sees them.
	if n := p.Doc.Find(`main form[method="post"]`).Length(); n < 10 {
		t.Errorf("%d forms on Mit CV, want the citizen's add and edit buttons", n)
	}

	// Bo's CV is not searchable.
	c = s.actingFor(t, "berit", "bo")
	p = c.get(cvMitCVPath)
	if got := text(p, "cv-searchable-state"); got != "Dit CV er ikke søgbart" {
		t.Errorf("Bo: searchable state %q, want Dit CV er ikke søgbart", got)
	}
	if got := cvOneText(p, "cv-experience-employer"); got != "Kattegat Logistik A/S" {
		t.Errorf("Bo: employer %q", got)
	}
}

func TestMitCV_CitizenWithoutCVSeesInvitationAndNoCVIsCreated(t *testing.T) {
	s := startStack(t)
	camilla := demo.CitizenByKey("camilla")
	hers := func() int {
		return s.count(t, `SELECT count(*) FROM cvs JOIN citizens c ON c.id = cvs.citizen_id WHERE c.cpr = $1`, camilla.CPR)
	}
	all := s.count(t, `SELECT count(*) FROM cvs`)
	if hers() != 0 {
		t.Fatal("Camilla has a CV in the demo data")
	}
	c := s.actingFor(t, "berit", "camilla")
	p := c.get(cvMitCVPath)
	if p.Status != http.StatusOK || !strings.Contains(text(p, "no-cv"), "Du har ikke oprettet et CV endnu") {
		t.Fatalf("Mit CV without CV: status %d, %q", p.Status, text(p, "no-cv"))
	}
	if n := p.Doc.Find(`[data-testid="cv-experience"], [data-testid="cv-searchable"]`).Length(); n != 0 {
		t.Errorf("a citizen without CV sees %d CV parts", n)
	}
	// Seed 002 §2.3: opening "Jeg søger job som" once created an empty CV.
	c.get("/borger/jobsoegning/jeg-soeger-job-som")
	c.get(cvEuropePath)
	if r := c.submit(p, `form[data-testid="cv-form-create"]`, nil); r.Status != http.StatusForbidden || !strings.Contains(r.Body, server.TextActionRefused) {
		t.Errorf("Opret CV: status %d, want 403 %q", r.Status, server.TextActionRefused)
	}
	if hers() != 0 || s.count(t, `SELECT count(*) FROM cvs`) != all {
		t.Errorf("viewing and pressing Opret CV created a CV: Camilla has %d, %d in all (was %d)", hers(), s.count(t, `SELECT count(*) FROM cvs`), all)
	}
}

func TestPraesentationsCV_IsBlockedWithIngenAdgang(t *testing.T) {
	s := startStack(t)
	for _, who := range []struct{ user, citizen string }{{"berit", "anna"}, {"nina", "anna"}, {"berit", "bo"}} {
		c := s.actingFor(t, who.user, who.citizen)
		p := c.get(cvPresentationPath)
		if p.Status != http.StatusForbidden {
			t.Errorf("%s/%s: status %d, want 403", who.user, who.citizen, p.Status)
		}
		if got := text(p, "page-heading"); got != "Ingen adgang" || p.Doc.Find(`[data-testid="blocked"]`).Length() != 1 {
			t.Errorf("%s/%s: heading %q, want the blocked page Ingen adgang", who.user, who.citizen, got)
		}
		// In the normal layout: the citizen bar, the tabs and the breadcrumb.
		if got := cvItems(p, "breadcrumb"); got != "Forside > Jobsøgning > Præsentations-CV" {
			t.Errorf("breadcrumb %q", got)
		}
		if !strings.Contains(text(p, "citizen"), demo.CitizenByKey(who.citizen).Name) || text(p, "tab-jobsoegning") == "" {
			t.Errorf("%s/%s: the blocked page lacks the citizen bar or the tabs", who.user, who.citizen)
		}
		if strings.Contains(p.Body, "PRÆSENTATION-HEMMELIG") {
			t.Errorf("%s/%s: the presentation CV is on its blocked page", who.user, who.citizen)
		}
	}
}

// The presentation CV appears on no page of the product: every page a
// caseworker can reach for Anna and Bo, from the Forside through every link.
func TestPresentationCV_AppearsOnNoPage(t *testing.T) {
	s := startStack(t)
	known := []string{"/borger/forside", "/borger/jobsoegning", "/borger/planer", cvMitCVPath, cvPresentationPath, cvEuropePath, cvPreparationPath,
		"/borger/jobsoegning/find-job", "/borger/jobsoegning/jeg-soeger-job-som", "/borger/jobsoegning/joblog"}
	for _, who := range []struct{ user, citizen string }{{"berit", "anna"}, {"berit", "bo"}, {"nina", "anna"}} {
		c := s.actingFor(t, who.user, who.citizen)
		bodies := c.cvVisitAll(known, 300)
		if len(bodies) < len(known) {
			t.Errorf("%s/%s: only %d pages visited", who.user, who.citizen, len(bodies))
		}
		t.Logf("%s/%s: %d pages visited", who.user, who.citizen, len(bodies))
		for path, body := range bodies {
			for key, secret := range demo.PresentationCVs {
				if strings.Contains(body, secret) || strings.Contains(body, "PRÆSENTATION-HEMMELIG") {
					t.Errorf("%s/%s: %s shows %s's presentation CV", who.user, who.citizen, path, key)
				}
			}
		}
	}
}

// cvVisitAll GETs the pages and every /borger page linked from them, up to
// limit, and returns each page's body by path.
func (c *client) cvVisitAll(start []string, limit int) map[string]string {
	c.t.Helper()
	bodies := map[string]string{}
	queue := append([]string(nil), start...)
	for len(queue) > 0 && len(bodies) < limit {
		target := queue[0]
		queue = queue[1:]
		if _, seen := bodies[target]; seen {
			continue
		}
		p := c.get(target)
		bodies[target] = p.Body
		base, _ := url.Parse(p.URL)
		p.Doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
			u, err := base.Parse(a.AttrOr("href", ""))
			if err == nil && u.Host == base.Host && strings.HasPrefix(u.Path, "/borger") {
				u.Fragment = ""
				queue = append(queue, u.RequestURI())
			}
		})
	}
	return bodies
}

// The application's database role cannot read the presentation CV's content
// at all; it may only see that one exists.
func TestPresentationCV_ContentIsUnreadableByTheApplicationRole(t *testing.T) {
	s := startStack(t)
	ctx := context.Background()
	tx, err := s.Owner.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SET LOCAL ROLE "+postgres.AppRole); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM presentation_cvs`).Scan(&n); err != nil || n != 2 {
		t.Errorf("the application role counts %d presentation CVs (%v), want 2", n, err)
	}
	var content string
	err = tx.QueryRow(ctx, `SELECT content FROM presentation_cvs LIMIT 1`).Scan(&content)
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "42501" {
		t.Errorf("the application role read the content: %q, %v; want permission denied", content, err)
	}
}

func TestForberedelsesskema_ShowsAnnasAnswersAndMaskedCPR(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	anna := demo.CitizenByKey("anna")
	form := demo.PreparationForms["anna"][0]
	p := c.get(cvPreparationPath)
	if p.Status != http.StatusOK || text(p, "page-heading") != "Kvittering - forberedelsesskema" {
		t.Fatalf("status %d, heading %q", p.Status, text(p, "page-heading"))
	}
	if got := cvItems(p, "breadcrumb"); got != "Forside > Jobsøgning > Forberedelsesskema" {
		t.Errorf("breadcrumb %q", got)
	}
	wantDate := views.ShortDate(jobnet.Day(form.Submitted(jobnet.Day(time.Now()))))
	for id, w := range map[string]string{
		"preparation-date": wantDate,
		"preparation-name": "Anna Jensen",
		"preparation-cpr":  anna.CPR[:6] + "-XXXX",
	} {
		if got := text(p, id); got != w {
			t.Errorf("%s = %q, want %q", id, got, w)
		}
	}
	// The receipt dates as seed 001 billede 11 does: "20. maj 2020".
	if !regexp.MustCompile(`^\d{1,2}\. [a-zæø]+\.? \d{4}$`).MatchString(wantDate) {
		t.Errorf("date %q is not like \"20. maj 2020\"", wantDate)
	}
	if strings.Contains(p.Body, anna.CPR) || strings.Contains(p.Body, anna.CPR[:6]+"-"+anna.CPR[6:]) {
		t.Error("the page shows the full CPR number")
	}
	questions := cvTexts(p, "preparation-question")
	replies := cvTexts(p, "preparation-reply")
	if len(questions) != 8 || len(replies) != 8 {
		t.Fatalf("%d questions and %d replies, want 8", len(questions), len(replies))
	}
	if questions[4] != "5: Hvor mange job har du søgt, fra du vidste, at du blev ledig til nu?" || replies[4] != "Jeg har søgt 1 job" {
		t.Errorf("question 5: %q → %q", questions[4], replies[4])
	}
	if questions[7] != "8: Hvordan søger du/planlægger du at søge arbejde?" {
		t.Errorf("question 8: %q", questions[7])
	}
	var list []string
	p.Doc.Find(`[data-testid="preparation-reply"]`).Last().Find("li").Each(func(_ int, li *goquery.Selection) {
		list = append(list, strings.TrimSpace(li.Text()))
	})
	if len(list) != 4 || list[1] != "Sender uopfordrede ansøgninger" {
		t.Errorf("answers to question 8 = %q, want a list of 4", list)
	}
	if text(p, "preparation-none") != "" {
		t.Error("the receipt also says there is no form")
	}
}

// Bo's dagpenge form expired (4 months old) and Camilla's is the unge
// variant: both see that there is no form, and none of their answers.
func TestForberedelsesskema_ExpiredAndUngeFormsShowNoneAndNoAnswers(t *testing.T) {
	s := startStack(t)
	var mains []string
	for _, key := range []string{"bo", "camilla"} {
		c := s.actingFor(t, "berit", key)
		p := c.get(cvPreparationPath)
		if p.Status != http.StatusOK {
			t.Errorf("%s: status %d, want 200", key, p.Status)
		}
		if got := text(p, "preparation-none"); got != "Der er ikke noget udfyldt forberedelsesskema at vise." {
			t.Errorf("%s: %q, want the none-state", key, got)
		}
		if strings.Contains(p.Body, "Kvittering") || p.Doc.Find(`[data-testid="preparation-answer"]`).Length() != 0 {
			t.Errorf("%s: a receipt is shown", key)
		}
		for _, f := range demo.PreparationForms[key] {
			for _, a := range f.Answers {
				for _, ans := range a.Answers {
					if strings.Contains(p.Body, ans) {
						t.Errorf("%s: the page shows the answer %q", key, ans)
					}
				}
				if strings.Contains(p.Body, a.Question) {
					t.Errorf("%s: the page shows the question %q", key, a.Question)
				}
			}
			if strings.Contains(p.Body, views.ShortDate(jobnet.Day(f.Submitted(jobnet.Day(time.Now()))))) {
				t.Errorf("%s: the page shows the hidden form's date", key)
			}
		}
		main, _ := p.Doc.Find("main").Html()
		mains = append(mains, main)
	}
	if len(mains) == 2 && mains[0] != mains[1] {
		t.Error("an expired form and an unge form give different pages; they must look like no form at all")
	}
}

func TestJobIEuropa_ShowsYesForAnnaAndNoForBo(t *testing.T) {
	s := startStack(t)
	for _, tc := range []struct{ key, status, checked string }{
		{"anna", "Dit CV er synligt for arbejdsgivere i hele Europa.", "europe-yes"},
		{"bo", "Dit CV er ikke synligt for arbejdsgivere i Europa.", "europe-no"},
	} {
		c := s.actingFor(t, "berit", tc.key)
		p := c.get(cvEuropePath)
		if p.Status != http.StatusOK || text(p, "page-heading") != "Job i Europa" {
			t.Fatalf("%s: status %d, heading %q", tc.key, p.Status, text(p, "page-heading"))
		}
		if got := text(p, "europe-status"); got != tc.status {
			t.Errorf("%s: %q, want %q", tc.key, got, tc.status)
		}
		checked := p.Doc.Find(`input[type="radio"][checked]`)
		if checked.Length() != 1 || checked.AttrOr("data-testid", "") != tc.checked {
			t.Errorf("%s: checked choice %q, want %s", tc.key, checked.AttrOr("data-testid", ""), tc.checked)
		}
		if got := cvItems(p, "breadcrumb"); got != "Forside > Jobsøgning > Job i Europa" {
			t.Errorf("breadcrumb %q", got)
		}
	}
	c := s.actingFor(t, "berit", "camilla")
	if p := c.get(cvEuropePath); p.Status != http.StatusOK || text(p, "europe-no-cv") == "" || text(p, "europe-status") != "" {
		t.Errorf("Camilla (no CV): status %d, %q", p.Status, text(p, "europe-no-cv"))
	}
}

// Every edit button and form of Mit CV and Job i Europa is refused with 403
// and changes nothing.
func TestCVForms_AreRefusedAndChangeNothing(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	before := s.tableChecksums(t)

	for _, path := range []string{cvMitCVPath, cvPrintPath, cvEuropePath} {
		p := c.get(path)
		forms := p.Doc.Find(`main form`)
		if forms.Length() == 0 {
			t.Errorf("%s has no forms", path)
		}
		forms.Each(func(i int, form *goquery.Selection) {
			if m := form.AttrOr("method", ""); m != "post" {
				t.Errorf("%s form %d: method %q, want post", path, i, m)
			}
			action := form.AttrOr("action", "")
			if !strings.HasPrefix(action, "/borger/") {
				t.Errorf("%s form %d: action %q is not under /borger", path, i, action)
			}
			values := formValues(form)
			if path == cvEuropePath {
				values.Set("synlig", "nej")
			}
			r := c.post(action, values)
			if r.Status != http.StatusForbidden || !strings.Contains(r.Body, server.TextActionRefused) {
				t.Errorf("POST %s: status %d, want 403 %q", action, r.Status, server.TextActionRefused)
			}
		})
	}
	after := s.tableChecksums(t)
	for table, sum := range before {
		if after[table] != sum {
			t.Errorf("table %s changed: %s → %s", table, sum, after[table])
		}
	}
	if p := c.get(cvEuropePath); text(p, "europe-status") != "Dit CV er synligt for arbejdsgivere i hele Europa." {
		t.Errorf("after the refused change, Job i Europa says %q", text(p, "europe-status"))
	}
}

// "Gode råd til jobsøgningen" is the link out to info.jobnet.dk on the Jobsøgning overview.
func TestJobsoegning_GodeRaadTileLinksToInfoJobnet(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := c.get("/borger/jobsoegning")
	tile := p.Doc.Find(`[data-testid="tile-gode-raad"]`)
	if !strings.Contains(tile.Text(), "Gode råd til jobsøgningen") || !strings.HasPrefix(tile.AttrOr("href", ""), "https://info.jobnet.dk") {
		t.Errorf("tile Gode råd: %q → %q", strings.TrimSpace(tile.Text()), tile.AttrOr("href", ""))
	}
	for _, id := range []string{"tile-cv", "tile-praesentations-cv", "tile-forberedelsesskema", "tile-job-i-europa"} {
		href := p.Doc.Find(`[data-testid="`+id+`"]`).AttrOr("href", "")
		if r := c.get(href); r.Status >= 500 || r.Status == http.StatusNotFound {
			t.Errorf("%s → %s answers %d", id, href, r.Status)
		}
	}
}

// The CV pages in a real browser: no axe-core violations (SPEC §8), for a
// citizen with a CV and form and for one without.
func TestBrowser_CVPagesHaveNoAccessibilityViolations(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "berit")
	b.do(ctx, chromedp.WaitVisible(testid("cpr-input")))
	for _, tc := range []struct {
		citizen string
		pages   [][3]string // path, test id to wait for, name
	}{
		{"anna", [][3]string{
			{cvMitCVPath, "cv-searchable", "Mit CV"},
			{cvPresentationPath, "blocked", "Præsentations-CV"},
			{cvEuropePath, "europe-form", "Job i Europa"},
			{cvPreparationPath, "preparation-receipt", "Forberedelsesskema"},
		}},
		{"camilla", [][3]string{
			{cvMitCVPath, "no-cv", "Mit CV uden CV"},
			{cvEuropePath, "europe-no-cv", "Job i Europa uden CV"},
			{cvPreparationPath, "preparation-none", "Forberedelsesskema uden skema"},
		}},
	} {
		b.do(ctx, chromedp.Navigate(s.BaseURL+"/sagsbehandleradgang"))
		b.lookUp(ctx, demo.CitizenByKey(tc.citizen).CPR, "welcome")
		for i, pg := range tc.pages {
			b.do(ctx, chromedp.Navigate(s.BaseURL+pg[0]), chromedp.WaitVisible(testid(pg[1])))
			b.screenshot(ctx, fmt.Sprintf("cv-%s-%d", tc.citizen, i+1))
			b.checkAccessibility(ctx, pg[2])
		}
	}
}

// Mit CV writes its months as Jobnet's CV does (seed 001 billede 9:
// "01/2004 - 01/2016"), not as the rest of Jobnet writes dates.
func TestMitCV_DatesAreWrittenAsOnJobnetsCV(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	want, _ := demo.CVFor("anna", jobnet.Day(time.Now()))
	for _, path := range []string{cvMitCVPath, cvPrintPath} {
		p := c.get(path)
		periods := cvTexts(p, "cv-experience-period")
		if len(periods) != len(want.Experiences) {
			t.Fatalf("%s: %d periods %q, want %d", path, len(periods), periods, len(want.Experiences))
		}
		for i, e := range want.Experiences {
			w := fmt.Sprintf("%02d/%d - %02d/%d", e.From.Month(), e.From.Year(), e.To.Month(), e.To.Year())
			if periods[i] != w {
				t.Errorf("%s: %s period %q, want %q", path, e.Title, periods[i], w)
			}
		}
		completed := cvTexts(p, "cv-education-completed")
		if len(completed) != len(want.Educations) {
			t.Fatalf("%s: %d completion dates %q", path, len(completed), completed)
		}
		for i, e := range want.Educations {
			if w := fmt.Sprintf("%02d/%d", e.Completed.Month(), e.Completed.Year()); completed[i] != w {
				t.Errorf("%s: %s completed %q, want %q", path, e.Title, completed[i], w)
			}
		}
	}
}

// The sections of Mit CV fold out as on Jobnet (billede 9): each is a
// details element whose summary holds the section's heading, so it opens
// and closes without JavaScript; Erhvervserfaring is open, the rest folded.
func TestMitCV_SectionsFoldOutWithoutJavaScript(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := c.get(cvMitCVPath)
	var got []string
	p.Doc.Find(`[data-testid="cv-sections"] > details`).Each(func(_ int, d *goquery.Selection) {
		summary := d.Children().First()
		if goquery.NodeName(summary) != "summary" || summary.Find("h2").Length() != 1 {
			t.Errorf("section %q: the first child is <%s> without the heading, want <summary> with an h2", d.AttrOr("data-testid", ""), goquery.NodeName(summary))
		}
		state := "folded"
		if _, open := d.Attr("open"); open {
			state = "open"
		}
		got = append(got, strings.TrimSpace(summary.Find("h2").Text())+": "+state)
	})
	want := []string{
		"Profil: folded",
		"Erhvervserfaring (3): open",
		"Uddannelser, kurser og certificeringer (3): folded",
		"Kvalifikationer (5): folded",
		"Sprog (2): folded",
		"Kørekort (1): folded",
		"Kontaktoplysninger: folded",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sections:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A folded section still holds its content and its button.
	edu := p.Doc.Find(`details[data-testid="cv-section-education"]`)
	if edu.Find(`[data-testid="cv-education-title"]`).Length() != 3 || edu.Find(`form[data-testid="cv-form-education"]`).Length() != 1 {
		t.Error("the folded Uddannelser section lacks its entries or its button")
	}
}

// The LinkedIn box of billede 9, with the citizen's three buttons; each is
// refused and changes nothing. A citizen without a CV has no such box.
func TestMitCV_LinkedInBoxIsShownAndItsButtonsAreRefused(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := c.get(cvMitCVPath)
	box := p.Doc.Find(`[data-testid="cv-linkedin"]`)
	clean := func(sel *goquery.Selection) string {
		return strings.TrimSpace(whitespace.ReplaceAllString(sel.Text(), " "))
	}
	if got := clean(box.Find("h2")); got != "Vil du tilføje et link til fx din LinkedIn profil?" {
		t.Errorf("LinkedIn heading %q", got)
	}
	if got := clean(box.Find("p")); got != "Her kan du linke til din LinkedIn profil eller en anden webside - fx med dit portfolio. Vidste du, at virksomhederne i stigende grad anvender LinkedIn til at finde deres næste medarbejder?" {
		t.Errorf("LinkedIn text %q", got)
	}
	var buttons []string
	box.Find("form button").Each(func(_ int, b *goquery.Selection) { buttons = append(buttons, clean(b)) })
	if strings.Join(buttons, " | ") != "Tilføj link | Senere | Vis ikke denne besked igen" {
		t.Errorf("LinkedIn buttons %q", buttons)
	}
	before := s.tableChecksums(t)
	box.Find("form").Each(func(_ int, form *goquery.Selection) {
		if form.AttrOr("method", "") != "post" {
			t.Errorf("form %s is not a POST", form.AttrOr("data-testid", ""))
		}
		r := c.post(form.AttrOr("action", ""), formValues(form))
		if r.Status != http.StatusForbidden || !strings.Contains(r.Body, server.TextActionRefused) {
			t.Errorf("%s: status %d, want 403 %q", form.AttrOr("data-testid", ""), r.Status, server.TextActionRefused)
		}
	})
	after := s.tableChecksums(t)
	for table, sum := range before {
		if after[table] != sum {
			t.Errorf("table %s changed", table)
		}
	}
	if p := s.actingFor(t, "berit", "camilla").get(cvMitCVPath); p.Doc.Find(`[data-testid="cv-linkedin"]`).Length() != 0 {
		t.Error("Camilla, who has no CV, is offered to add a LinkedIn link")
	}
}

// "Vis, udskriv eller eksporter mit CV" is linked from Mit CV and shows the
// whole CV unfolded, headed by the citizen's name, without edit buttons;
// showing it is reading, exporting it is refused.
func TestMitCV_PrintViewShowsTheWholeCVAndExportIsRefused(t *testing.T) {
	s := startStack(t)
	for _, who := range []string{"berit", "nina"} {
		c := s.actingFor(t, who, "anna")
		mit := c.get(cvMitCVPath)
		link := mit.Doc.Find(`[data-testid="cv-print-link"]`)
		if got := strings.TrimSpace(link.Text()); got != "Vis, udskriv eller eksporter mit CV" || link.AttrOr("href", "") != cvPrintPath {
			t.Fatalf("%s: link %q → %q", who, got, link.AttrOr("href", ""))
		}
		before := s.tableChecksums(t)
		p := c.get(link.AttrOr("href", ""))
		if p.Status != http.StatusOK || text(p, "page-heading") != "Vis, udskriv eller eksporter mit CV" {
			t.Fatalf("%s: status %d, heading %q", who, p.Status, text(p, "page-heading"))
		}
		if got := cvItems(p, "breadcrumb"); got != "Forside > Jobsøgning > Mit CV > Vis, udskriv eller eksporter mit CV" {
			t.Errorf("%s: breadcrumb %q", who, got)
		}
		if got := text(p, "cv-document-name"); got != "Anna Jensen" {
			t.Errorf("%s: the CV is headed %q", who, got)
		}
		if p.Doc.Find("details").Length() != 0 {
			t.Errorf("%s: the print view has folded parts", who)
		}
		for id, w := range cvAnnasLists {
			if got := cvItems(p, id); got != w {
				t.Errorf("%s: %s = %q, want %q", who, id, got, w)
			}
		}
		if got := cvTexts(p, "cv-experience-title"); len(got) != 3 || got[0] != "Kontorassistent" {
			t.Errorf("%s: experiences %q", who, got)
		}
		if got := cvTexts(p, "cv-education-title"); len(got) != 3 {
			t.Errorf("%s: educations %q", who, got)
		}
		if got := text(p, "cv-profile"); !strings.HasPrefix(got, "Erfaren kontorassistent") {
			t.Errorf("%s: profile %q", who, got)
		}
		// Only the export is a form; it is refused and nothing changes.
		forms := p.Doc.Find("main form")
		if forms.Length() != 1 || forms.AttrOr("data-testid", "") != "cv-form-export" || forms.AttrOr("method", "") != "post" {
			t.Fatalf("%s: %d forms in the print view, want the export's POST form only", who, forms.Length())
		}
		if got := strings.TrimSpace(forms.Find("button").Text()); got != "Eksporter mit CV" {
			t.Errorf("%s: export button %q", who, got)
		}
		if r := c.submit(p, `form[data-testid="cv-form-export"]`, nil); r.Status != http.StatusForbidden || !strings.Contains(r.Body, server.TextActionRefused) {
			t.Errorf("%s: export: status %d, want 403 %q", who, r.Status, server.TextActionRefused)
		}
		after := s.tableChecksums(t)
		for table, sum := range before {
			if after[table] != sum {
				t.Errorf("%s: table %s changed by viewing or exporting", who, table)
			}
		}
	}
	c := s.actingFor(t, "berit", "camilla")
	p := c.get(cvPrintPath)
	if p.Status != http.StatusOK || text(p, "cv-print-none") != "Du har ikke oprettet et CV endnu." || p.Doc.Find("main form").Length() != 0 {
		t.Errorf("Camilla (no CV): status %d, %q", p.Status, text(p, "cv-print-none"))
	}
}

// cvVisible says whether the browser renders the element with the test id.
func cvVisible(b *browser, ctx context.Context, id string) bool {
	b.t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const e = document.querySelector('[data-testid=%q]'); return !!e && e.checkVisibility(); })()`, id)))
	if err != nil {
		b.t.Fatalf("visibility of %s: %v", id, err)
	}
	return v
}

// Mit CV in a real browser: its sections fold out and in without
// JavaScript, the print view's "Udskriv" appears only with JavaScript, and
// both pages are screenshot at 1280 and 320 px, checked with axe-core and
// do not scroll sideways at 320 px.
func TestBrowser_MitCVFoldsOutAndShowsThePrintView(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "berit")
	b.lookUp(ctx, demo.CitizenByKey("anna").CPR, "welcome")

	// Without JavaScript: Erhvervserfaring is open, Uddannelser folded
	// until its heading is clicked.
	b.do(ctx, scriptsDisabled(true), chromedp.Navigate(s.BaseURL+cvMitCVPath), chromedp.WaitVisible(testid("cv-sections")))
	if !cvVisible(b, ctx, "cv-experience-title") || cvVisible(b, ctx, "cv-education-title") {
		t.Errorf("at first: Erhvervserfaring shown %v, Uddannelser shown %v; want open and folded",
			cvVisible(b, ctx, "cv-experience-title"), cvVisible(b, ctx, "cv-education-title"))
	}
	b.do(ctx, chromedp.Click(testid("cv-summary-education")), chromedp.WaitVisible(testid("cv-education-title")))
	b.do(ctx, chromedp.Click(testid("cv-summary-experience")))
	if cvVisible(b, ctx, "cv-experience-title") {
		t.Error("Erhvervserfaring did not fold in when its heading was clicked")
	}
	b.do(ctx, chromedp.Navigate(s.BaseURL+cvPrintPath), chromedp.WaitVisible(testid("cv-document")))
	if cvVisible(b, ctx, "cv-print-button") {
		t.Error("without JavaScript the print view offers Udskriv, which needs JavaScript")
	}
	b.do(ctx, scriptsDisabled(false))

	for _, pg := range []struct{ path, wait, name string }{
		{cvMitCVPath, "cv-sections", "mit-cv"},
		{cvPrintPath, "cv-document", "mit-cv-vis-udskriv"},
	} {
		b.do(ctx, chromedp.EmulateViewport(1280, 1000), chromedp.Navigate(s.BaseURL+pg.path), chromedp.WaitVisible(testid(pg.wait)))
		if pg.path == cvPrintPath && !cvVisible(b, ctx, "cv-print-button") {
			t.Error("with JavaScript the print view lacks Udskriv")
		}
		b.screenshot(ctx, "cv-"+pg.name+"-1280")
		b.checkAccessibility(ctx, pg.name+" (1280 px)")
		b.do(ctx, chromedp.EmulateViewport(320, 800), chromedp.Reload(), chromedp.WaitVisible(testid(pg.wait)))
		b.screenshot(ctx, "cv-"+pg.name+"-320")
		b.checkAccessibility(ctx, pg.name+" (320 px)")
		b.noSidewaysScroll(ctx, pg.name)
	}
}
