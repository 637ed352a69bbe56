package main

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/chromedp/chromedp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
)

func title(p page) string { return strings.TrimSpace(p.Doc.Find("title").Text()) }

// summaryLinks are the targets of the error summary's links.
func summaryLinks(p page) []string {
	var out []string
	p.Doc.Find(`[data-testid="error-summary"] a`).Each(func(_ int, a *goquery.Selection) {
		out = append(out, a.AttrOr("href", ""))
	})
	return out
}

// Every field in error is marked aria-invalid="true" and described by its
// message; the title starts with "Fejl:" and the summary links to the field.
func TestErrors_FieldsInErrorAreMarkedAndSummarised(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	for _, tc := range []struct {
		path, field, message string
	}{
		{"/borger/jobsoegning/find-job?stilling=abc", "stilling", "stilling-error"},
		{"/borger/jobsoegning/find-job?omraade=hele-verden", "omraade", "omraade-error"},
		{"/borger/jobsoegning/find-job?fritekst=" + url.QueryEscape(strings.Repeat("x", 300)), "fritekst", "fritekst-error"},
		{"/borger/planer/min-plan?periode=7", "periode", "periode-error"},
		{"/borger/jobsoegning/joblog?fra=31-02-2026", "fra", "fra-error"},
		{"/borger/planer/dagpengetaellere?timer=abc", "timer", "timer-error"},
	} {
		p := c.get(tc.path)
		field := p.Doc.Find("#" + tc.field)
		if got := field.AttrOr("aria-invalid", "(none)"); got != "true" {
			t.Errorf("%s: #%s aria-invalid=%q, want \"true\"", tc.path, tc.field, got)
		}
		if got := strings.Fields(field.AttrOr("aria-describedby", "")); !slices.Contains(got, tc.message) {
			t.Errorf("%s: #%s aria-describedby=%q, want it to name %s", tc.path, tc.field, got, tc.message)
		}
		if p.Doc.Find("#"+tc.message).Length() != 1 {
			t.Errorf("%s: no message #%s", tc.path, tc.message)
		}
		if !strings.HasPrefix(title(p), "Fejl: ") {
			t.Errorf("%s: title %q, want it to start with \"Fejl: \"", tc.path, title(p))
		}
		if got := summaryLinks(p); !slices.Contains(got, "#"+tc.field) {
			t.Errorf("%s: error summary links %q, want #%s", tc.path, got, tc.field)
		}
		if got := p.Doc.Find(`script[src^="/static/errorsummary.js"]`).Length(); got != 1 {
			t.Errorf("%s: errorsummary.js loaded %d times", tc.path, got)
		}
	}
	// Fields not in error carry no aria-invalid at all (never aria-invalid="").
	for _, path := range []string{"/borger/jobsoegning/find-job", "/borger/planer/min-plan"} {
		p := c.get(path)
		if n := p.Doc.Find("[aria-invalid]").Length(); n != 0 {
			t.Errorf("%s without errors: %d elements with aria-invalid", path, n)
		}
		if strings.HasPrefix(title(p), "Fejl") || p.Doc.Find(`[data-testid="error-summary"]`).Length() != 0 {
			t.Errorf("%s without errors: title %q or an error summary", path, title(p))
		}
	}
	// An error without a field of its own links to its message.
	p := c.get("/borger/jobsoegning/joblog?side=999")
	if got := summaryLinks(p); !slices.Contains(got, "#side-error") || !strings.HasPrefix(title(p), "Fejl: ") {
		t.Errorf("joblog side=999: title %q, summary %q", title(p), got)
	}
	// Kalender's month and the CPR field.
	p = c.get("/borger/planer/kalender?maaned=2026-13")
	if got := summaryLinks(p); !slices.Contains(got, "#maaned-error") || !strings.HasPrefix(title(p), "Fejl: ") {
		t.Errorf("kalender maaned=2026-13: title %q, summary %q", title(p), got)
	}
	p = c.post("/sagsbehandleradgang", url.Values{"cpr": {"311399"}})
	if got := summaryLinks(p); !slices.Contains(got, "#cpr") || !strings.HasPrefix(title(p), "Fejl: ") || p.Doc.Find("#cpr").AttrOr("aria-invalid", "") != "true" {
		t.Errorf("CPR 311399: title %q, summary %q", title(p), got)
	}
	// A date field in error keeps its hint.
	if got := c.get("/borger/jobsoegning/joblog?fra=31-02-2026").Doc.Find("#fra").AttrOr("aria-describedby", ""); got != "fra-hint fra-error" {
		t.Errorf("joblog fra in error: aria-describedby=%q, want the hint and the error", got)
	}
}

// Blocked pages are titled by their heading, the Kalender by its month and
// the booking flow by its step.
func TestTitles_BlockedPagesMonthsAndSteps(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	for _, path := range []string{"/borger/planer/historik", "/borger/jobsoegning/praesentations-cv"} {
		if p := c.get(path); p.Status != http.StatusForbidden || title(p) != "Ingen adgang – Sagsbehandleradgang til Jobnet" {
			t.Errorf("%s: %d, title %q", path, p.Status, title(p))
		}
	}
	p := c.get("/borger/planer/kalender?maaned=2026-04")
	if got := title(p); got != "April 2026 – Kalender – Sagsbehandleradgang til Jobnet" {
		t.Errorf("Kalender title %q", got)
	}
	if a, b := title(p), title(c.get("/borger/planer/kalender?maaned=2026-05")); a == b {
		t.Errorf("two months share the title %q", a)
	}

	moeder := c.get("/borger/planer/moeder")
	if got := title(moeder); got != "Møder – Sagsbehandleradgang til Jobnet" {
		t.Errorf("Møder title %q", got)
	}
	offer := moeder.Doc.Find(`input[name="tilbud"]`).First().AttrOr("value", "")
	if offer == "" {
		t.Fatal("no offer on Møder")
	}
	p = c.get("/borger/planer/moeder?trin=2&tilbud=" + url.QueryEscape(offer))
	if got := title(p); got != "Trin 2 af 4: Jeg vil gerne have et møde med – Møder – Sagsbehandleradgang til Jobnet" {
		t.Errorf("Møder trin 2 title %q", got)
	}
}

// With JavaScript the error summary takes the focus; axe finds nothing.
func TestBrowser_ErrorSummaryTakesFocus(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "berit")
	b.lookUp(ctx, demo.CitizenByKey("anna").CPR, "welcome")
	for _, tc := range []struct{ name, path string }{
		{"fejl-01-find-job", "/borger/jobsoegning/find-job?stilling=abc&omraade=hele-verden"},
		{"fejl-02-joblog", "/borger/jobsoegning/joblog?fra=31-02-2026&til=x"},
		{"fejl-03-min-plan", "/borger/planer/min-plan?periode=7"},
	} {
		b.do(ctx, chromedp.Navigate(s.BaseURL+tc.path), chromedp.WaitVisible(testid("error-summary")))
		focused, err := chromedp.Run(ctx, chromedp.Poll[string](`document.activeElement && document.activeElement.getAttribute("data-testid")`))
		if err != nil || focused != "error-summary" {
			t.Errorf("%s: focus on %q (%v), want the error summary", tc.path, focused, err)
		}
		b.checkAccessibility(ctx, tc.name)
		b.screenshotWidths(ctx, tc.name, tc.name)
	}
}
