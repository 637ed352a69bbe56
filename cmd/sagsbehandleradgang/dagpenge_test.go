package main

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

const (
	dagpengePath      = "/borger/planer/dagpengetaellere"
	supplerendePath   = "/borger/planer/supplerende-dagpenge"
	dagpengeDateShape = time.DateOnly
)

// dagpengeDays are the demo's dates, relative to today as the demo data is:
// counted up to the last day of last month; Anna's period began 6 months
// before this month (after her sygedagpenge), so the karens window in
// progress (months 4–7) began 2 months before this one and runs to the end
// of next month.
type dagpengeDays struct {
	today, asOf, nextFrom, nextTo, karensFrom, karensTo time.Time
}

func dagpengeToday() dagpengeDays {
	today := jobnet.Day(time.Now())
	first := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC)
	return dagpengeDays{
		today:      today,
		asOf:       first.AddDate(0, 0, -1),
		nextFrom:   first.AddDate(0, 1, 0),
		nextTo:     first.AddDate(0, 2, -1),
		karensFrom: first.AddDate(0, -2, 0),
		karensTo:   first.AddDate(0, 2, -1),
	}
}

// tryHours is the query of "Prøv at tilføje timer".
func tryHours(hours string, from, to time.Time) string {
	return dagpengePath + "?" + url.Values{"timer": {hours}, "fra": {from.Format(dagpengeDateShape)}, "til": {to.Format(dagpengeDateShape)}}.Encode()
}

func TestDagpengetaellere_AnnasGaugesAndHourglassShowHerCountsAsText(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	d := dagpengeToday()

	p := c.get(dagpengePath)
	if p.Status != http.StatusOK {
		t.Fatalf("status %d", p.Status)
	}
	// Anna worked 111 + 55 + 65 = 231 hours: 231 × 2 = 462 hours of
	// extension, 231 towards a new period, and 55 + 65 = 120 in the karens
	// window of the last two months and this one and the next.
	for testid, want := range map[string]string{
		"page-heading":                 "Dagpengetællere",
		"dagpenge-as-of":               "Tællerne er opgjort den " + views.ShortDate(d.asOf) + ".",
		"gauge-forlaengelse-value":     "462 timer",
		"gauge-forlaengelse-of":        "af 1.924 timer",
		"gauge-karens-value":           "120 timer",
		"gauge-karens-of":              "af 148 timer",
		"gauge-genoptjening-value":     "231 timer",
		"gauge-genoptjening-of":        "af 1.924 timer",
		"dagpenge-extension":           "462 timer",
		"dagpenge-used":                "730,98 timer",   // 6 × 160.33 − 231
		"dagpenge-left":                "3.579,02 timer", // 3,848 + 462 − 730.98
		"gauge-supplerende-value":      "",               // not on this page
		"gauge-forlaengelse-simulated": "",               // nothing tried yet
	} {
		if got := text(p, testid); got != want {
			t.Errorf("%s = %q, want %q", testid, got, want)
		}
	}
	// 3,579.02 / 160.33 × 30.4375 = 679.45 ≈ 679 days after the count (the
	// ordinary hours, 3,117.02 of them, last until long before the period's
	// 36 months are over, 30 months after the count).
	if got, want := text(p, "dagpenge-end"), views.LongDate(d.asOf.AddDate(0, 0, 679)); !strings.HasPrefix(got, want) {
		t.Errorf("expected end = %q, want %q", got, want)
	}
	karensText := p.Doc.Find(`[data-testid="gauge-karens-text"]`).First().Text()
	if want := "Arbejder du mere end 148 timer i perioden " + views.ShortDate(d.karensFrom) + " – " + views.ShortDate(d.karensTo) + ", undgår du en karensdag."; karensText != want {
		t.Errorf("karens text = %q, want %q", karensText, want)
	}
	// Three gauges and the hourglass, each an SVG with a title that holds
	// its numbers.
	titles := p.Doc.Find(`svg[role="img"] title`)
	if titles.Length() != 4 {
		t.Fatalf("%d SVG titles, want 4", titles.Length())
	}
	if got := titles.First().Text(); got != "Forlængelse af dagpengeperioden: 462 timer af 1.924 timer" {
		t.Errorf("first gauge's title = %q", got)
	}
	if n := p.Doc.Find(`[style]`).Length(); n != 0 {
		t.Errorf("%d elements with a style attribute", n)
	}
	// The form offers 37 hours next month; the history lists the period's 6
	// months, newest first.
	if got := p.Doc.Find(`form[data-testid="dagpenge-try-form"]`).AttrOr("method", ""); got != "get" {
		t.Errorf("form method = %q, want get", got)
	}
	if got := p.Doc.Find(`#fra`).AttrOr("value", ""); got != d.nextFrom.Format(dagpengeDateShape) {
		t.Errorf("default Fra dato = %q, want %s", got, d.nextFrom.Format(dagpengeDateShape))
	}
	months := p.Doc.Find(`[data-testid="dagpenge-month"]`)
	if months.Length() != 6 || !strings.Contains(months.First().Text(), views.MonthYear(d.asOf)) {
		t.Errorf("history: %d months, first %q", months.Length(), months.First().Text())
	}
}

func TestDagpengetaellere_TryingHoursShowsTheExtensionAndTheLaterEnd(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	d := dagpengeToday()
	before := s.tableChecksums(t)

	t.Run("37 hours next month", func(t *testing.T) {
		p := c.get(tryHours("37", d.nextFrom, d.nextTo))
		if p.Status != http.StatusOK {
			t.Fatalf("status %d", p.Status)
		}
		// 37 hours × 2 = 74 hours of extension: 462 + 74 = 536. The 37
		// hours are not paid out either (a month of 28–31 days would
		// consume about 147–163 hours). So 3,579.02 + 37 + 74 = 3,690.02
		// hours are left: / 160.33 = 23.0152 months × 30.4375 = 700.52 ≈
		// 701 days after the count, 22 days later than 679.
		// Karens: 120 + 37 = 157 > 148. Genoptjening: 231 + 37 = 268.
		for testid, want := range map[string]string{
			"result-extension":             "74 timer mere – i alt 536 timer af 1.924 timer",
			"result-saved":                 "37 timer, som du ikke bruger af din dagpengeperiode, fordi du arbejder",
			"result-end":                   fmt.Sprintf("%s (22 dage senere end %s)", views.LongDate(d.asOf.AddDate(0, 0, 701)), views.ShortDate(d.asOf.AddDate(0, 0, 679))),
			"result-reearn":                "268 timer af 1.924 timer – du mangler 1.656 timer",
			"result-karens":                "157 timer af 148 timer – du undgår karensdagen",
			"gauge-forlaengelse-simulated": "Med de tilføjede timer: 536 timer",
			"gauge-karens-simulated":       "Med de tilføjede timer: 157 timer",
			"gauge-genoptjening-simulated": "Med de tilføjede timer: 268 timer",
			"gauge-forlaengelse-value":     "462 timer", // the real count beside it
		} {
			if got := text(p, testid); got != want {
				t.Errorf("%s = %q, want %q", testid, got, want)
			}
		}
		if p.Doc.Find(`[data-testid="gauge-forlaengelse-sim-arc"]`).Length() != 1 {
			t.Error("the gauge does not draw the added extension")
		}
	})

	t.Run("the karens day is avoided above 148 hours, not at 148", func(t *testing.T) {
		// 120 + 28 = 148: not more than 148.
		p := c.get(tryHours("28", d.nextFrom, d.nextTo))
		if got, want := text(p, "result-karens"), "148 timer af 148 timer – du skal arbejde mere end 148 timer for at undgå karensdagen"; got != want {
			t.Errorf("28 hours: %q, want %q", got, want)
		}
		// 120 + 29 = 149 > 148.
		p = c.get(tryHours("29", d.nextFrom, d.nextTo))
		if got, want := text(p, "result-karens"), "149 timer af 148 timer – du undgår karensdagen"; got != want {
			t.Errorf("29 hours: %q, want %q", got, want)
		}
		// Decimals with a comma: 120 + 28,5 = 148,5 > 148.
		p = c.get(tryHours("28,5", d.nextFrom, d.nextTo))
		if got, want := text(p, "result-karens"), "148,5 timer af 148 timer – du undgår karensdagen"; got != want {
			t.Errorf("28,5 hours: %q, want %q", got, want)
		}
	})

	t.Run("the form submitted as it stands tries 37 hours next month", func(t *testing.T) {
		p := c.get(dagpengePath)
		form := p.Doc.Find(`form[data-testid="dagpenge-try-form"]`)
		got := c.get(dagpengePath + "?" + formValues(form).Encode())
		if got.Status != http.StatusOK || !strings.HasPrefix(text(got, "result-extension"), "74 timer mere") {
			t.Errorf("status %d, extension %q", got.Status, text(got, "result-extension"))
		}
	})

	after := s.tableChecksums(t)
	for table, sum := range before {
		if after[table] != sum {
			t.Errorf("table %s changed by trying hours: %s → %s", table, sum, after[table])
		}
	}
}

func TestDagpengetaellere_MalformedInputGets400AndAMessageAtTheField(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	d := dagpengeToday()
	days := int(d.nextTo.Sub(d.nextFrom).Hours()/24) + 1
	raw := func(hours, from, to string) string {
		return dagpengePath + "?" + url.Values{"timer": {hours}, "fra": {from}, "til": {to}}.Encode()
	}
	from, to := d.nextFrom.Format(dagpengeDateShape), d.nextTo.Format(dagpengeDateShape)
	earliest := views.ShortDate(d.karensFrom)
	latest := views.ShortDate(d.today.AddDate(3, 0, -1))

	for _, tc := range []struct {
		name, url, field, want string
	}{
		{"negative hours", raw("-5", from, to), "timer-error", server.TextDagpengeHoursNegative},
		{"not a number", raw("mange", from, to), "timer-error", server.TextDagpengeHoursInvalid},
		{"NaN", raw("NaN", from, to), "timer-error", server.TextDagpengeHoursInvalid},
		{"three decimals", raw("37,555", from, to), "timer-error", server.TextDagpengeHoursInvalid},
		{"no hours", raw("", from, to), "timer-error", server.TextDagpengeHoursMissing},
		{"more than 24 hours a day", raw(fmt.Sprint(24*days+1), from, to), "timer-error",
			fmt.Sprintf(server.TextDagpengeHoursTooMany, fmt.Sprint(24*days))},
		{"a date that does not exist", raw("37", "31-02-2027", to), "fra-error", server.TextDagpengeBadDate},
		{"an absurd year", raw("37", from, "20270-01-01"), "til-error", server.TextDagpengeBadDate},
		{"a year far ahead", raw("37", from, "2099-12-31"), "til-error", fmt.Sprintf(server.TextDagpengeTooLate, latest)},
		{"til before fra", raw("37", to, from), "til-error", server.TextDagpengeToBeforeFrom},
		{"before the karens window", raw("37", d.karensFrom.AddDate(0, 0, -1).Format(dagpengeDateShape), to), "fra-error",
			fmt.Sprintf(server.TextDagpengeTooEarly, earliest)},
		{"the past, with bad hours too", raw("x", "2001-01-01", "2001-01-31"), "fra-error", fmt.Sprintf(server.TextDagpengeTooEarly, earliest)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := c.get(tc.url)
			if p.Status != http.StatusBadRequest {
				t.Errorf("status %d, want 400", p.Status)
			}
			if got := strings.TrimPrefix(text(p, tc.field), "Fejl: "); got != tc.want {
				t.Errorf("%s = %q, want %q", tc.field, got, tc.want)
			}
			if got := text(p, "gauge-forlaengelse-value"); got != "462 timer" {
				t.Errorf("the counters are not shown: extension %q", got)
			}
			if p.Doc.Find(`[data-testid="dagpenge-result"]`).Length() != 0 {
				t.Error("a result is shown for malformed input")
			}
		})
	}
}

func TestDagpengetaellere_PartTimeAndDimittendCountTheirOwnHours(t *testing.T) {
	s := startStack(t)
	d := dagpengeToday()

	// Bo is insured part time: 130 hours a month, karens above 97 hours,
	// 1,258 hours for a new period. He worked 40, 30 and 45 hours: 115 × 2
	// = 230 hours of extension; the window in progress holds 30 + 45 = 75.
	c := s.actingFor(t, "berit", "bo")
	p := c.get(dagpengePath)
	for testid, want := range map[string]string{
		"gauge-forlaengelse-value": "230 timer", "gauge-forlaengelse-of": "af 1.560 timer",
		"gauge-karens-value": "75 timer", "gauge-karens-of": "af 97 timer",
		"gauge-genoptjening-value": "115 timer", "gauge-genoptjening-of": "af 1.258 timer",
		"dagpenge-used": "1.185 timer", // 10 × 130 − 115
	} {
		if got := text(p, testid); got != want {
			t.Errorf("bo: %s = %q, want %q", testid, got, want)
		}
	}
	// 75 + 23 = 98 > 97.
	if p := c.get(tryHours("23", d.nextFrom, d.nextTo)); !strings.HasSuffix(text(p, "result-karens"), "du undgår karensdagen") {
		t.Errorf("bo, 23 hours: karens %q", text(p, "result-karens"))
	}

	// Camilla is a dimittend in kontaktgruppe 8, "Uden ydelse": 1,924
	// hours from the first of this month, none used yet.
	c = s.actingFor(t, "berit", "camilla")
	p = c.get(dagpengePath)
	if got, want := text(p, "dagpenge-period"), "1.924 timer fra "+views.ShortDate(d.asOf.AddDate(0, 0, 1)); !strings.HasPrefix(got, want) {
		t.Errorf("camilla: period %q, want %q…", got, want)
	}
	if got := text(p, "dagpenge-used"); got != "0 timer" {
		t.Errorf("camilla: used %q", got)
	}
	// 1,924 / 160.33 × 30.4375 = 365.26 ≈ 365 days after the count.
	if got, want := text(p, "dagpenge-end"), views.LongDate(d.asOf.AddDate(0, 0, 365)); !strings.HasPrefix(got, want) {
		t.Errorf("camilla: end %q, want %q", got, want)
	}

	// Lars has no a-kasse: no counters, and no form to try hours in.
	c = s.actingFor(t, "nina", "lars")
	p = c.get(dagpengePath)
	if p.Status != http.StatusOK || text(p, "dagpenge-empty") != server.TextDagpengeNone {
		t.Errorf("lars: status %d, %q", p.Status, text(p, "dagpenge-empty"))
	}
	if p.Doc.Find("form[data-testid=dagpenge-try-form]").Length() != 0 {
		t.Error("lars: a form to try hours without counters")
	}
}

func TestSupplerendeDagpenge_ShowsWeeksUsedOfThirtyInTheWindow(t *testing.T) {
	s := startStack(t)
	d := dagpengeToday()
	c := s.actingFor(t, "berit", "anna")
	p := c.get(supplerendePath)
	if p.Status != http.StatusOK {
		t.Fatalf("status %d", p.Status)
	}
	// The window began in the month of Anna's temporary job, 3 months
	// before this one, and lasts 104 weeks: 728 days less the first.
	from := d.asOf.AddDate(0, 0, 1).AddDate(0, -3, 0)
	for testid, want := range map[string]string{
		"page-heading":            "Tællere for supplerende dagpenge",
		"gauge-supplerende-value": "12 uger",
		"gauge-supplerende-of":    "af 30 uger",
		"supplerende-used":        "12 uger",
		"supplerende-left":        "18 uger",
		"supplerende-window":      views.ShortDate(from) + " – " + views.ShortDate(from.AddDate(0, 0, 727)),
		"supplerende-rule":        "Du kan få supplerende dagpenge i 30 uger inden for en periode på 104 uger.",
	} {
		if got := text(p, testid); got != want {
			t.Errorf("%s = %q, want %q", testid, got, want)
		}
	}
	if got := p.Doc.Find("svg title").Text(); got != "Forbrug af supplerende dagpenge: 12 uger af 30 uger" {
		t.Errorf("gauge title %q", got)
	}

	c = s.actingFor(t, "berit", "camilla")
	if p := c.get(supplerendePath); text(p, "supplerende-empty") != server.TextSupplementaryNone {
		t.Errorf("camilla: %q", text(p, "supplerende-empty"))
	}
}

// In a browser, the counters and the tried hours are readable without
// JavaScript and pass axe-core.
func TestBrowser_DagpengetaellereAndTryingHours(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "berit")
	b.lookUp(ctx, demo.CitizenByKey("anna").CPR, "welcome")
	b.do(ctx,
		chromedp.Navigate(s.BaseURL+"/borger/planer"),
		chromedp.Click(testid("tile-dagpengetaellere")),
		chromedp.WaitVisible(testid("dagpenge-gauges")),
	)
	b.screenshot(ctx, "dagpenge-01-taellere")
	b.checkAccessibility(ctx, "Dagpengetællere")

	b.do(ctx,
		chromedp.Click(testid("dagpenge-try-submit")),
		chromedp.WaitVisible(testid("dagpenge-result")),
	)
	if got := b.text(ctx, "result-extension"); got != "74 timer mere – i alt 536 timer af 1.924 timer" {
		t.Errorf("extension after trying 37 hours: %q", got)
	}
	b.screenshot(ctx, "dagpenge-02-proev-timer")
	b.checkAccessibility(ctx, "Prøv at tilføje timer")

	b.do(ctx,
		chromedp.Navigate(s.BaseURL+dagpengePath+"?timer=-5&fra=2020-01-01&til=2019-01-01"),
		chromedp.WaitVisible(testid("timer-error")),
	)
	b.screenshot(ctx, "dagpenge-03-fejl")
	b.checkAccessibility(ctx, "Prøv at tilføje timer med fejl")

	b.do(ctx,
		chromedp.Navigate(s.BaseURL+"/borger/planer"),
		chromedp.Click(testid("tile-supplerende-dagpenge")),
		chromedp.WaitVisible(testid("gauge-supplerende")),
	)
	b.screenshot(ctx, "dagpenge-04-supplerende")
	b.checkAccessibility(ctx, "Tællere for supplerende dagpenge")
}

// The gauges are a carousel, as seed 001 §5.6 describes: one at a time,
// "Forrige tæller" and "Næste tæller", ← and → inside the carousel, the
// links above choosing a gauge, and a status saying which is shown (issue 9,
// point 6). Without JavaScript all three stand one after another, with the
// links to each, and no arrows.
func TestBrowser_DagpengeGaugesAreACarousel(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "berit")
	b.lookUp(ctx, demo.CitizenByKey("anna").CPR, "welcome")
	b.do(ctx,
		chromedp.Navigate(s.BaseURL+dagpengePath),
		chromedp.WaitVisible(testid("carousel-status")),
	)
	shown := func(want, status string) {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`[...document.querySelectorAll("[data-carousel-slide]")].filter(s => s.getClientRects().length > 0).map(s => s.id)`))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("shown %v, want only %s", got, want)
		}
		if got := b.text(ctx, "carousel-status"); got != status {
			t.Errorf("status %q, want %q", got, status)
		}
	}
	shown("forlaengelse", "1 af 3: Forlængelse af dagpengeperioden")
	b.screenshot(ctx, "dagpenge-karrusel-1280")
	b.checkAccessibility(ctx, "Dagpengetællere som karrusel")

	b.do(ctx, chromedp.Click(testid("carousel-next")))
	shown("karens", "2 af 3: Karens")
	b.do(ctx, chromedp.KeyEvent(kb.ArrowRight)) // focus is on "Næste tæller"
	shown("genoptjening", "3 af 3: Genoptjening af en ny dagpengeperiode")
	b.do(ctx, chromedp.KeyEvent(kb.ArrowRight))
	shown("forlaengelse", "1 af 3: Forlængelse af dagpengeperioden")
	b.do(ctx, chromedp.KeyEvent(kb.ArrowLeft))
	shown("genoptjening", "3 af 3: Genoptjening af en ny dagpengeperiode")
	b.do(ctx, chromedp.Click(testid("carousel-prev")))
	shown("karens", "2 af 3: Karens")
	b.do(ctx, chromedp.Click(testid("gauge-forlaengelse-link")))
	shown("forlaengelse", "1 af 3: Forlængelse af dagpengeperioden")
	focused, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`))
	if err != nil || focused != "forlaengelse" {
		t.Errorf("after the link, focus is on %q (%v), want the gauge", focused, err)
	}
	b.do(ctx, chromedp.EmulateViewport(320, 800))
	b.screenshot(ctx, "dagpenge-karrusel-320")
	b.checkAccessibility(ctx, "Dagpengetællere som karrusel at 320 px")

	// Signing in needs JavaScript (the SAML POST binding), so it is turned
	// off only now.
	noJS := ctx
	b.do(noJS,
		chromedp.EmulateViewport(1280, 1000),
		scriptsDisabled(true),
		chromedp.Navigate(s.BaseURL+dagpengePath),
		chromedp.WaitVisible(testid("gauge-genoptjening")),
	)
	got, err := chromedp.Run(noJS, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll("[data-carousel-slide], [data-carousel-controls]")].filter(s => s.getClientRects().length > 0).map(s => s.id || "controls")`))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, " ") != "forlaengelse karens genoptjening" {
		t.Errorf("without JavaScript, shown: %v", got)
	}
	b.screenshot(noJS, "dagpenge-uden-javascript")
	// axe is a script: the page's own, skipped at load, stay skipped.
	b.do(noJS, scriptsDisabled(false))
	b.checkAccessibility(noJS, "Dagpengetællere uden JavaScript")
}
