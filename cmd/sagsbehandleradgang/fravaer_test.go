package main

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

const (
	fravaerPath         = "/borger/planer/fravaer"
	fravaerFeriePath    = "/borger/planer/meld-ferie"
	fravaerSygRaskPath  = "/borger/planer/meld-syg-rask"
	fravaerTilAfPath    = "/borger/planer/til-og-afmelding"
	fravaerHistorikPath = "/borger/planer/historik"
	fravaerSickLine     = "Du er registreret i jobcentret som sygemeldt resten af dagen."
)

// fravaerAbsence is an absence as a user reads it on "Aktuelt fravær".
type fravaerAbsence struct{ Type, From, To, Comment string }

func fravaerList(p page) []fravaerAbsence {
	var out []fravaerAbsence
	p.Doc.Find(`[data-testid="fravaer-item"]`).Each(func(_ int, s *goquery.Selection) {
		get := func(id string) string {
			return strings.TrimSpace(whitespace.ReplaceAllString(s.Find(`[data-testid="`+id+`"]`).Text(), " "))
		}
		out = append(out, fravaerAbsence{get("fravaer-type"), get("fravaer-from"), get("fravaer-to"), get("fravaer-comment")})
	})
	return out
}

// fravaerOn is a day relative to today as "Aktuelt fravær" writes it.
func fravaerOn(today time.Time, days int) string { return views.FravaerDate(today.AddDate(0, 0, days)) }

// fravaerHidden are Anna's absences no caseworker may see, by the text that
// would give them away.
var fravaerHidden = []string{demo.AnnaHistoricalHolidayComment, demo.AnnaKommunehjaelpComment, jobnet.AbsenceKommunehjaelp}

func fravaerCheckPage(t *testing.T, p page, heading, breadcrumb string) {
	t.Helper()
	if p.Status != http.StatusOK {
		t.Fatalf("%s: status %d", heading, p.Status)
	}
	if got := text(p, "page-heading"); got != heading {
		t.Errorf("heading %q, want %q", got, heading)
	}
	if got := cvItems(p, "breadcrumb"); got != breadcrumb {
		t.Errorf("breadcrumb %q, want %q", got, breadcrumb)
	}
	if _, ok := p.Doc.Find(`[data-testid="tab-planer"]`).Attr("aria-current"); !ok {
		t.Error("the tab Planer og aftaler is not the active tab")
	}
}

// fravaerRefused submits the form and checks that it is refused and that no
// table changed.
func fravaerRefused(t *testing.T, s *stack, c *client, p page, form string, fields url.Values) {
	t.Helper()
	before := s.tableChecksums(t)
	got := c.submit(p, `form[data-testid="`+form+`"]`, fields)
	if got.Status != http.StatusForbidden || !strings.Contains(got.Body, server.TextActionRefused) {
		t.Errorf("%s: status %d, want 403 %q", form, got.Status, server.TextActionRefused)
	}
	if diff := cmp.Diff(before, s.tableChecksums(t)); diff != "" {
		t.Errorf("%s changed the database (-before +after):\n%s", form, diff)
	}
}

func TestAktueltFravaer_AkasseSeesTheCurrentExemptionAndTheComingHolidayOnly(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	today := jobnet.Day(time.Now())

	p := c.get(fravaerPath)
	fravaerCheckPage(t, p, "Aktuelt fravær", "Forside > Planer og aftaler > Aktuelt fravær")
	intro := cvOneText(p, "fravaer-intro")
	for _, want := range []string{
		"Det er vigtigt, at du giver os besked, når der sker ændringer, der kan betyde noget for din ydelse",
		"Her på siden kan du se, hvad du har registreret aktuelt og i den kommende tid.",
		"Hvis du vil se en liste over, hvad du tidligere har haft registeret, kan du gå til Historik",
	} {
		if !strings.Contains(intro, want) {
			t.Errorf("the introduction lacks %q", want)
		}
	}
	if href, _ := p.Doc.Find(`[data-testid="fravaer-historik-link"]`).Attr("href"); href != fravaerHistorikPath {
		t.Errorf("Historik links to %q", href)
	}

	want := []fravaerAbsence{
		{jobnet.AbsenceFritagetSelvbooking, fravaerOn(today, -21), fravaerOn(today, 61), demo.AnnaExemptionComment},
		{jobnet.AbsenceFerie, fravaerOn(today, 21), fravaerOn(today, 27), demo.AnnaHolidayComment},
	}
	if diff := cmp.Diff(want, fravaerList(p)); diff != "" {
		t.Errorf("Liste over fravær (-want +got):\n%s", diff)
	}
	for _, hidden := range append(fravaerHidden, demo.AnnaUnlawfulAbsenceComment, jobnet.AbsenceUddannelse) {
		if strings.Contains(p.Body, hidden) {
			t.Errorf("the a-kasse sees %q", hidden)
		}
	}

	// The holiday can be changed by the citizen, not by the caseworker.
	fravaerRefused(t, s, c, p, "fravaer-ret-form", nil)
}

func TestAktueltFravaer_JobcenterAlsoSeesTheAbsenceUnlawfulForDagpengeButNoHistory(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "nina", "anna")
	today := jobnet.Day(time.Now())

	p := c.get(fravaerPath)
	fravaerCheckPage(t, p, "Aktuelt fravær", "Forside > Planer og aftaler > Aktuelt fravær")
	want := []fravaerAbsence{
		{jobnet.AbsenceUddannelse, fravaerOn(today, -30), fravaerOn(today, 30), demo.AnnaUnlawfulAbsenceComment},
		{jobnet.AbsenceFritagetSelvbooking, fravaerOn(today, -21), fravaerOn(today, 61), demo.AnnaExemptionComment},
		{jobnet.AbsenceFerie, fravaerOn(today, 21), fravaerOn(today, 27), demo.AnnaHolidayComment},
	}
	if diff := cmp.Diff(want, fravaerList(p)); diff != "" {
		t.Errorf("Liste over fravær (-want +got):\n%s", diff)
	}
	for _, hidden := range fravaerHidden {
		if strings.Contains(p.Body, hidden) {
			t.Errorf("the jobcenter sees %q", hidden)
		}
	}
}

// fravaerBodies opens the pages of the Planer og aftaler tab and every page
// under /borger reachable by links from them and from the Forside (GET
// only, forms are left alone), up to limit, and returns their bodies by
// path.
func fravaerBodies(c *client, limit int) map[string]string {
	c.t.Helper()
	bodies := map[string]string{}
	queue := []string{"/borger/forside", "/borger/planer", fravaerPath, fravaerFeriePath, fravaerSygRaskPath, fravaerTilAfPath,
		"/borger/planer/kalender", "/borger/planer/min-plan"}
	for len(queue) > 0 && len(bodies) < limit {
		target := queue[0]
		queue = queue[1:]
		if _, ok := bodies[target]; ok {
			continue
		}
		p := c.get(target)
		bodies[target] = p.Body
		if p.Doc == nil {
			continue
		}
		base, _ := url.Parse(p.URL)
		p.Doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
			if u, ok := internalCitizenURL(base, attr(a, "href")); ok {
				queue = append(queue, u)
			}
		})
	}
	return bodies
}

func TestAktueltFravaer_HiddenAbsencesAreOnNoPageOfTheCitizensJobnet(t *testing.T) {
	for _, tc := range []struct {
		username string
		hidden   []string
	}{
		{"berit", append(fravaerHidden, demo.AnnaUnlawfulAbsenceComment)},
		{"nina", fravaerHidden},
	} {
		t.Run(tc.username, func(t *testing.T) {
			s := startStack(t)
			c := s.actingFor(t, tc.username, "anna")
			bodies := fravaerBodies(c, 300)
			for path, body := range bodies {
				for _, hidden := range tc.hidden {
					if strings.Contains(body, hidden) {
						t.Errorf("%s shows %q", path, hidden)
					}
				}
			}
			t.Logf("%d pages read", len(bodies))
		})
	}
}

func TestMeldFerie_ShowsWhenToReportAHolidayAndRefusesTheForm(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	today := jobnet.Day(time.Now())

	p := c.get(fravaerFeriePath)
	fravaerCheckPage(t, p, "Meld ferie", "Forside > Planer og aftaler > Meld ferie")
	info := cvOneText(p, "ferie-info")
	for _, want := range []string{
		"Ferie",
		"Er der mere end 14 dage til din ferie?",
		"Hvis din ferie ligger om mere end 14 dage, kan du melde ferie her på Jobnet. Dit jobcenter får automatisk besked om din ferie. Hvis du er medlem af en a-kasse, får den også besked.",
		"Er der mindre end 14 dage til din ferie?",
		"Hvis din ferie ligger om mindre end 14 dage, kan du desværre ikke melde ferie her på Jobnet. Du skal i stedet kontakte dit jobcenter.",
		"Husk",
		"Hvis du deltager i en uddannelse, er på kursus osv., skal du aftale din ferie med uddannelsesstedet.",
		"Dit CV skal kunne søges af arbejdsgiverne, mens du holder ferie.",
	} {
		if !strings.Contains(info, want) {
			t.Errorf("Meld ferie lacks %q", want)
		}
	}
	earliest := today.AddDate(0, 0, 14)
	if got, want := text(p, "ferie-earliest"), "Din første feriedag kan tidligst være "+views.LongDate(earliest)+"."; got != want {
		t.Errorf("earliest day %q, want %q", got, want)
	}
	for _, field := range []string{"fra-input", "til-input"} {
		if min, _ := p.Doc.Find(`[data-testid="` + field + `"]`).Attr("min"); min != earliest.Format(time.DateOnly) {
			t.Errorf("%s: min %q, want 14 days ahead", field, min)
		}
	}
	var holidays []fravaerAbsence
	for _, a := range fravaerList(p) {
		holidays = append(holidays, a)
	}
	want := []fravaerAbsence{{jobnet.AbsenceFerie, fravaerOn(today, 21), fravaerOn(today, 27), demo.AnnaHolidayComment}}
	if diff := cmp.Diff(want, holidays); diff != "" {
		t.Errorf("coming holidays (-want +got):\n%s", diff)
	}
	if strings.Contains(p.Body, demo.AnnaHistoricalHolidayComment) {
		t.Error("Meld ferie shows the historical holiday")
	}

	day := func(n int) string { return today.AddDate(0, 0, n).Format(time.DateOnly) }
	fravaerRefused(t, s, c, p, "ferie-form", url.Values{"fra": {day(40)}, "til": {day(45)}})
}

func TestMeldSygRask_ShowsWhetherTheCitizenIsSickAndRefusesReportingSickOrWell(t *testing.T) {
	s := startStack(t)
	today := jobnet.Day(time.Now())

	anna := s.actingFor(t, "berit", "anna")
	p := anna.get(fravaerSygRaskPath)
	fravaerCheckPage(t, p, "Meld syg/rask", "Forside > Planer og aftaler > Meld syg/rask")
	if got := text(p, "syg-status-text"); got != "Du er ikke registreret som syg i jobcentret." {
		t.Errorf("Anna's status %q", got)
	}
	if got, want := text(p, "syg-from"), "Du melder dig syg fra i dag, "+views.LongDate(today)+"."; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if p.Doc.Find(`[data-testid="rask-form"]`).Length() != 0 {
		t.Error("Anna, who is not sick, is offered to report well")
	}
	fravaerRefused(t, s, anna, p, "syg-form", nil)

	camilla := s.actingFor(t, "berit", "camilla")
	p = camilla.get(fravaerSygRaskPath)
	if got, want := text(p, "syg-status-text"), "Du er registreret i jobcentret som sygemeldt fra "+fravaerOn(today, 0)+"."; got != want {
		t.Errorf("Camilla's status %q, want %q", got, want)
	}
	if p.Doc.Find(`[data-testid="syg-form"]`).Length() != 0 {
		t.Error("Camilla, who is sick, is offered to report sick")
	}
	if v, _ := p.Doc.Find(`[data-testid="rask-fra-input"]`).Attr("value"); v != today.Format(time.DateOnly) {
		t.Errorf("rask fra og med %q, want today", v)
	}
	fravaerRefused(t, s, camilla, p, "rask-form", nil)

	// Aktuelt fravær shows the open sygemelding with its "Meld rask".
	p = camilla.get(fravaerPath)
	want := []fravaerAbsence{{jobnet.AbsenceSygdom, fravaerOn(today, 0), "Indtil videre", ""}}
	if diff := cmp.Diff(want, fravaerList(p)); diff != "" {
		t.Errorf("Camilla's absences (-want +got):\n%s", diff)
	}
	fravaerRefused(t, s, camilla, p, "fravaer-meld-rask-form", nil)
}

func TestTilOgAfmelding_ShowsWhetherTheCitizenIsRegisteredAndRefusesTheForms(t *testing.T) {
	s := startStack(t)
	today := jobnet.Day(time.Now())

	anna := s.actingFor(t, "berit", "anna")
	p := anna.get(fravaerTilAfPath)
	fravaerCheckPage(t, p, "Til- og afmelding", "Forside > Planer og aftaler > Til- og afmelding")
	since := views.ShortDate(today.AddDate(0, 0, demo.CitizenByKey("anna").Registrations[0].FromDays))
	if got, want := text(p, "jobseeker-status-text"), "Du er meldt ledig i jobcentret (d. "+since+")."; got != want {
		t.Errorf("Anna's status %q, want %q", got, want)
	}
	if got := text(p, "jobseeker-jobcenter"); got != "Dit jobcenter: Jobcenter Aarhus" {
		t.Errorf("Anna's jobcenter %q", got)
	}
	if p.Doc.Find(`[data-testid="tilmeld-form"]`).Length() != 0 {
		t.Error("Anna, who is registered, is offered to register")
	}
	fravaerRefused(t, s, anna, p, "afmeld-form", url.Values{"aarsag": {"arbejde"}})

	bo := s.actingFor(t, "berit", "bo")
	p = bo.get(fravaerTilAfPath)
	since = views.ShortDate(today.AddDate(0, 0, demo.CitizenByKey("bo").Registrations[0].FromDays))
	if got, want := text(p, "jobseeker-status-text"), "Du er ikke meldt ledig i jobcentret. Du blev afmeldt d. "+since+"."; got != want {
		t.Errorf("Bo's status %q, want %q", got, want)
	}
	if p.Doc.Find(`[data-testid="afmeld-form"]`).Length() != 0 {
		t.Error("Bo, who is not registered, is offered to unregister")
	}
	fravaerRefused(t, s, bo, p, "tilmeld-form", nil)
}

func TestHistorik_IsBlockedForEveryCaseworker(t *testing.T) {
	s := startStack(t)
	for _, username := range []string{"berit", "nina"} {
		c := s.actingFor(t, username, "anna")
		p := c.get(fravaerHistorikPath)
		if p.Status != http.StatusForbidden {
			t.Errorf("%s: status %d, want 403", username, p.Status)
		}
		if got := text(p, "blocked-message"); got != "Du har ikke adgang til siden: /CV/Citizen/History." {
			t.Errorf("%s: message %q", username, got)
		}
		if got := cvItems(p, "breadcrumb"); got != "Forside > Planer og aftaler > Historik" {
			t.Errorf("%s: breadcrumb %q", username, got)
		}
		if strings.Contains(p.Body, "Ledighedsstatusser") || strings.Contains(p.Body, "Ferieregistreringer") {
			t.Errorf("%s: the blocked Historik shows the citizen's history", username)
		}
	}
}

func TestForside_SaysTheCitizenIsSickOnlyForTheSickCitizen(t *testing.T) {
	s := startStack(t)
	for _, tc := range []struct {
		username, citizen string
		sick              bool
	}{
		{"berit", "camilla", true},
		{"nina", "camilla", true},
		{"berit", "anna", false},
		{"nina", "lars", false},
	} {
		c := s.actingFor(t, tc.username, tc.citizen)
		p := c.get("/borger/forside")
		if p.Status != http.StatusOK {
			t.Fatalf("%s/%s: Forside status %d", tc.username, tc.citizen, p.Status)
		}
		got := text(p, "sick-status")
		if tc.sick && got != fravaerSickLine {
			t.Errorf("%s/%s: status line %q, want %q", tc.username, tc.citizen, got, fravaerSickLine)
		}
		if !tc.sick && strings.Contains(p.Body, fravaerSickLine) {
			t.Errorf("%s/%s: the Forside says the citizen is sick", tc.username, tc.citizen)
		}
	}
}

// The caseworker walks the absence pages of the Planer og aftaler tab from
// its tiles, for a citizen who is sick today, each page screenshot and
// checked with axe-core.
func TestBrowser_WalksTheFravaerPages(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "berit")
	b.lookUp(ctx, demo.CitizenByKey("camilla").CPR, "sick-status")
	b.screenshot(ctx, "fravaer-00-forside-sygemeldt")
	b.checkAccessibility(ctx, "Forside med sygemelding")

	for i, pg := range []struct{ tile, heading string }{
		{"tile-fravaer", "Aktuelt fravær"},
		{"tile-meld-ferie", "Meld ferie"},
		{"tile-meld-syg-rask", "Meld syg/rask"},
		{"tile-til-og-afmelding", "Til- og afmelding"},
		{"tile-historik", "Ingen adgang"},
	} {
		b.do(ctx,
			chromedp.Click(testid("tab-planer")),
			chromedp.WaitVisible(testid(pg.tile)),
			chromedp.Click(testid(pg.tile)),
			chromedp.WaitVisible(testid("breadcrumb")),
		)
		if got := b.text(ctx, "page-heading"); got != pg.heading {
			t.Errorf("%s leads to a page headed %q, want %q", pg.tile, got, pg.heading)
		}
		b.screenshot(ctx, fmt.Sprintf("fravaer-%02d-%s", i+1, strings.TrimPrefix(pg.tile, "tile-")))
		b.checkAccessibility(ctx, pg.heading)
	}
}
