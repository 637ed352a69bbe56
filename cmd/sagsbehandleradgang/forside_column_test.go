package main

import (
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/chromedp/chromedp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
)

// The Forside has the right-hand column of seed 002 §1.1 (issue 9, point
// 1): "Din status" with the citizen's registration as job seeker, in the
// words of Til- og afmelding, and the contact panels of the citizen's own
// a-kasse and jobcenter from Postgres, Jobnet's support and Digital post.
func TestForside_DinStatusAndContactPanels(t *testing.T) {
	s := startStack(t)
	for _, tc := range []struct {
		username, citizen string
		akasse            bool
	}{{"berit", "anna", true}, {"nina", "lars", false}, {"nina", "anna", true}} {
		t.Run(tc.username+"/"+tc.citizen, func(t *testing.T) {
			c := s.actingFor(t, tc.username, tc.citizen)
			p := c.get("/borger/forside")
			if p.Status != http.StatusOK {
				t.Fatalf("Forside: %d", p.Status)
			}
			// The same status as on Til- og afmelding.
			tilOgAf := c.get("/borger/planer/til-og-afmelding")
			want := moederText(tilOgAf.Doc.Find(`[data-testid="jobseeker-status-text"]`))
			if got := moederText(p.Doc.Find(`[data-testid="din-status-text"]`)); got != want || got == "" {
				t.Errorf("Din status %q, want %q", got, want)
			}
			if !strings.HasPrefix(want, "Du er meldt ledig i jobcentret (d. ") && !strings.HasPrefix(want, "Du er ikke meldt ledig") {
				t.Errorf("status text %q", want)
			}
			var panels []string
			p.Doc.Find(`[data-testid="forside-column"] summary`).Each(func(_ int, s *goquery.Selection) { panels = append(panels, moederText(s)) })
			wantPanels := []string{"Din status", "Kontakt dit jobcenter", "Kontakt supporten", "Digital post"}
			if tc.akasse {
				wantPanels = []string{"Din status", "Kontakt din a-kasse", "Kontakt dit jobcenter", "Kontakt supporten", "Digital post"}
			}
			if strings.Join(panels, "|") != strings.Join(wantPanels, "|") {
				t.Errorf("panels %q, want %q", panels, wantPanels)
			}
			cit := demo.CitizenByKey(tc.citizen)
			jc := p.Doc.Find(`[data-testid="contact-jobcenter"]`)
			wantJC := demo.Contacts[cit.Jobcenter]
			if got := textIn(jc, "contact-name"); got != cit.Jobcenter.Name {
				t.Errorf("jobcenter %q, want %q", got, cit.Jobcenter.Name)
			}
			if got := textIn(jc, "contact-address"); got != wantJC.Address {
				t.Errorf("jobcenter address %q, want %q", got, wantJC.Address)
			}
			if got := textIn(jc, "contact-opening"); got != wantJC.OpeningHours {
				t.Errorf("jobcenter opening hours %q", got)
			}
			if tc.akasse {
				ak := p.Doc.Find(`[data-testid="contact-akasse"]`)
				org := cit.Memberships[len(cit.Memberships)-1].Akasse
				if got := textIn(ak, "contact-name"); got != org.Name {
					t.Errorf("a-kasse %q, want %q", got, org.Name)
				}
				if got := textIn(ak, "contact-email"); got != demo.Contacts[org].Email {
					t.Errorf("a-kasse e-mail %q", got)
				}
			}
		})
	}
}

// The Forside's column in a browser, 1280 px and 320 px, axe clean (issue
// 9, point 1).
func TestBrowser_ForsideDinStatusAndContact(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "berit")
	b.lookUp(ctx, demo.CitizenByKey("anna").CPR, "welcome")
	b.do(ctx, chromedp.WaitVisible(testid("din-status-text")))
	if got := b.text(ctx, "din-status-text"); !strings.HasPrefix(got, "Du er meldt ledig i jobcentret (d. ") {
		t.Errorf("Din status %q", got)
	}
	b.do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="contact-akasse"] summary`)),
		chromedp.Click(chromedp.CSS(`[data-testid="contact-jobcenter"] summary`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="contact-jobcenter"] [data-testid="contact-address"]`)),
	)
	b.screenshotWidths(ctx, "forside-din-status-og-kontakt", "Forside med Din status og kontakt")
}
