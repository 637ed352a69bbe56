package main

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// readPages visits every page under /borger reachable from start by links
// and GET forms, as the crawl of the read-only test does, without submitting
// anything; it returns the pages answered 200.
func (c *client) readPages(start string, limit int) []page {
	c.t.Helper()
	seen := map[string]bool{}
	var pages []page
	queue := []string{start}
	for len(queue) > 0 && len(seen) < limit {
		target := queue[0]
		queue = queue[1:]
		if seen[target] {
			continue
		}
		seen[target] = true
		p := c.get(target)
		if p.Doc == nil || p.Status != http.StatusOK {
			continue
		}
		pages = append(pages, p)
		base, _ := url.Parse(p.URL)
		p.Doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
			if u, ok := internalCitizenURL(base, attr(a, "href")); ok {
				queue = append(queue, u)
			}
		})
		p.Doc.Find(`form`).Each(func(_ int, form *goquery.Selection) {
			if strings.ToUpper(attr(form, "method")) == http.MethodPost {
				return
			}
			if u, ok := internalCitizenURL(base, attr(form, "action")); ok {
				v, _ := url.Parse(u)
				v.RawQuery = formValues(form).Encode()
				queue = append(queue, v.RequestURI())
			}
		})
	}
	return pages
}

// onlyCitizenProblems checks every button of every form on p that posts to
// the citizen's Jobnet (and so is refused): a screen reader must hear that
// only the citizen can do it, through aria-describedby pointing at a note
// "Kun borgeren kan …" on the page.
func onlyCitizenProblems(p page) (problems []string, buttons int) {
	p.Doc.Find(`form`).Each(func(_ int, form *goquery.Selection) {
		if strings.ToUpper(attr(form, "method")) != http.MethodPost || !strings.HasPrefix(attr(form, "action"), "/borger/") {
			return
		}
		form.Find(`button:not([type]), button[type="submit"], input[type="submit"]`).Each(func(_ int, b *goquery.Selection) {
			buttons++
			label := strings.Join(strings.Fields(b.Text()), " ")
			ids := strings.Fields(attr(b, "aria-describedby"))
			if len(ids) == 0 {
				problems = append(problems, p.URL+": button "+label+" ("+attr(form, "action")+") has no aria-describedby")
				return
			}
			for _, id := range ids {
				note := p.Doc.Find(`[id="` + id + `"]`)
				if note.Length() != 1 || !strings.HasPrefix(strings.TrimSpace(note.Text()), "Kun borgeren kan ") {
					problems = append(problems, p.URL+": button "+label+": aria-describedby "+id+" is not one note \"Kun borgeren kan …\"")
				}
			}
		})
	})
	return problems, buttons
}

// Every button that will be refused says so to a screen reader (issue 9,
// point 8): each posting form's button points with aria-describedby at a
// short note "Kun borgeren kan …". Both kinds of caseworker, on every page
// they can reach, and on Trin 4 of the booking, which only a choice reaches.
func TestRefusedActions_ButtonsSayOnlyTheCitizenCan(t *testing.T) {
	s := startStack(t)
	for _, tc := range []struct{ username, citizen string }{{"berit", "anna"}, {"nina", "lars"}, {"berit", "camilla"}} {
		t.Run(tc.username+"/"+tc.citizen, func(t *testing.T) {
			c := s.actingFor(t, tc.username, tc.citizen)
			pages := c.readPages("/borger/forside", 300)
			if step4 := c.moederStep4(); step4.Doc != nil {
				pages = append(pages, step4)
			}
			total := 0
			for _, p := range pages {
				problems, n := onlyCitizenProblems(p)
				total += n
				for _, pr := range problems {
					t.Error(pr)
				}
			}
			if total < 10 {
				t.Errorf("only %d refused buttons on %d pages", total, len(pages))
			}
			t.Logf("%d pages, %d refused buttons", len(pages), total)
		})
	}
}

// moederStep4 walks the booking to Trin 4 with the first choice of each
// step; a zero page when the citizen has nothing to book.
func (c *client) moederStep4() page {
	c.t.Helper()
	p := c.get(moederPath)
	for _, step := range []struct{ form, name string }{{"step-1-form", "tilbud"}, {"step-2-form", "med"}, {"step-3-form", "tid"}} {
		f := p.Doc.Find(`form[data-testid="` + step.form + `"]`)
		if f.Length() == 0 {
			return page{}
		}
		choice := f.Find(`input[type="radio"][name="`+step.name+`"]`).First().AttrOr("value", "")
		if choice == "" {
			choice = f.Find(`select[name="`+step.name+`"] option[value]:not([value=""])`).First().AttrOr("value", "")
		}
		p = c.moederStep(p, step.form, url.Values{step.name: {choice}})
	}
	if p.Doc.Find(`[data-testid="book-form"]`).Length() == 0 {
		c.t.Fatalf("Trin 4 not reached: %s", p.URL)
	}
	return p
}

// A refused action keeps the frame of the page its form was on, tab and
// breadcrumb, and offers "Tilbage" to that page as it was (issue 9, point
// 8; seed 001 billede 18).
func TestRefusedActions_KeepThePageFrameAndLeadBack(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	step4 := c.moederStep4()

	for _, tc := range []struct {
		name, from, form string
		crumbs, tab      string
		back             string
	}{
		{"Book mødet", step4.URL, `form[data-testid="book-form"]`, "Forside Planer og aftaler Møder Book et møde", "Planer og aftaler", strings.TrimPrefix(step4.URL, s.BaseURL)},
		{"Indmeld booking-fejl", step4.URL, `form[data-testid="booking-fault-form"]`, "Forside Planer og aftaler Møder Book et møde", "Planer og aftaler", strings.TrimPrefix(step4.URL, s.BaseURL)},
		{"Meld ferie", "/borger/planer/meld-ferie", `form[data-testid="ferie-form"]`, "Forside Planer og aftaler Meld ferie", "Planer og aftaler", "/borger/planer/meld-ferie"},
		{"Tilføj job", "/borger/jobsoegning/jeg-soeger-job-som", `form[data-testid="job-goal-add-form"]`, "Forside Jobsøgning Jeg søger job som", "Jobsøgning", "/borger/jobsoegning/jeg-soeger-job-som"},
		{"Log om jobsøgning", "/borger/jobsoegning/joblog", `form[data-testid="joblog-add-form"]`, "Forside Jobsøgning Joblog", "Jobsøgning", "/borger/jobsoegning/joblog"},
		{"Gem (Job i Europa)", "/borger/jobsoegning/job-i-europa", `form[data-testid="europe-form"]`, "Forside Jobsøgning Job i Europa", "Jobsøgning", "/borger/jobsoegning/job-i-europa"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from := c.get(tc.from)
			if from.Status != http.StatusOK {
				t.Fatalf("%s: status %d", tc.from, from.Status)
			}
			// The browser says where the form was (Referrer-Policy: same-origin).
			form := from.Doc.Find(tc.form)
			if form.Length() == 0 {
				t.Fatalf("no %s on %s", tc.form, tc.from)
			}
			req, _ := http.NewRequest(http.MethodPost, c.abs(form.AttrOr("action", "")), strings.NewReader(formValues(form).Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Referer", from.URL)
			p := c.do(req)
			if p.Status != http.StatusForbidden || text(p, "message") != server.TextActionRefused {
				t.Fatalf("status %d, message %q", p.Status, text(p, "message"))
			}
			if got := moederText(p.Doc.Find(`[data-testid="breadcrumb"]`)); got != tc.crumbs {
				t.Errorf("breadcrumb %q, want %q", got, tc.crumbs)
			}
			if got := strings.TrimSpace(p.Doc.Find(`[aria-current="page"], .active`).First().Text()); !strings.Contains(got, tc.tab) {
				t.Errorf("active tab %q, want %q", got, tc.tab)
			}
			back := p.Doc.Find(`[data-testid="refused-back"]`)
			if got := strings.TrimSpace(back.Text()); got != "Tilbage" || back.AttrOr("href", "") != tc.back {
				t.Errorf("back link %q → %q, want Tilbage → %q", got, back.AttrOr("href", ""), tc.back)
			}
			if got := p.Doc.Find("title").Text(); !strings.HasPrefix(got, "Ingen adgang") {
				t.Errorf("title %q", got)
			}
		})
	}

	// Without a Referer from the page, "Tilbage" leads to the page itself.
	p := c.post(views.MoederBookingFaultAction, url.Values{"fejltekst": {"Siden hang"}})
	if p.Status != http.StatusForbidden {
		t.Fatalf("Indmeld booking-fejl without Referer: %d", p.Status)
	}
	if got := p.Doc.Find(`[data-testid="refused-back"]`).AttrOr("href", ""); got != moederPath {
		t.Errorf("back without Referer → %q, want %q", got, moederPath)
	}
	// A Referer from another site is not followed.
	req, _ := http.NewRequest(http.MethodPost, c.abs("/borger/planer/meld-ferie"), strings.NewReader(""))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Referer", "https://evil.example/borger/planer/meld-ferie?x=1")
	if got := c.do(req).Doc.Find(`[data-testid="refused-back"]`).AttrOr("href", ""); got != "/borger/planer/meld-ferie" {
		t.Errorf("back with a foreign Referer → %q", got)
	}
}
