package main

import (
	"html/template"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
)

// caseSystemPage is the case system's side of a launch: a form that posts
// the token to the product and submits itself.
var caseSystemPage = template.Must(template.New("fagsystem").Parse(`<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>Fagsystem</title></head><body>
<form method="post" action="{{.Action}}"><input type="hidden" name="token" value="{{.Token}}"><button>Åbn</button></form>
<script>document.forms[0].submit()</script>
</body></html>`))

// serveCaseSystem serves the page on 127.0.0.1, another site than the
// product on localhost, so that the browser treats the launch as the
// cross-site POST it is in production.
func serveCaseSystem(t *testing.T, baseURL string, token func() string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		caseSystemPage.Execute(w, struct{ Action, Token string }{baseURL + "/sagsbehandleradgang/fagsystem", token()})
	}))
	t.Cleanup(srv.Close)
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		t.Fatalf("the case system is at %s, want another site than localhost", srv.URL)
	}
	return srv.URL
}

// In a real browser, a case system on another site opens a citizen: the
// cross-site POST is let through, the caseworker signs in at the IdP, and
// lands on the citizen's Forside; a token that cannot be used gets the
// Danish page (axe-checked). No page the browser stops at has the CPR
// number in its URL (TestLaunch_FromTheCaseSystem checks every redirect).
func TestBrowser_LaunchFromTheCaseSystem(t *testing.T) {
	s := startLaunchStack(t)
	anna := demo.CitizenByKey("anna")
	b := newBrowser(t, s.stack)
	valid := serveCaseSystem(t, s.BaseURL, func() string { return s.token(t, "berit", anna.CPR, "", time.Now(), s.key) })

	ctx := b.tab()
	var urls []string
	b.do(ctx,
		chromedp.Navigate(valid),
		chromedp.WaitVisible(chromedp.ID("username")),
	)
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	urls = append(urls, loc)
	if !strings.HasPrefix(loc, s.IdPURL) {
		t.Fatalf("the launch led to %s, want the IdP's login", loc)
	}
	b.do(ctx,
		chromedp.SendKeys(chromedp.ID("username"), "berit"),
		chromedp.SendKeys(chromedp.ID("password"), demo.Password),
		chromedp.Click(chromedp.CSS(`[data-testid="login-form"] button[type="submit"]`)),
		chromedp.WaitVisible(testid("welcome")),
	)
	loc, _ = chromedp.Run(ctx, chromedp.Location())
	urls = append(urls, loc)
	if !strings.HasSuffix(loc, "/borger/forside") {
		t.Errorf("after sign-in at %s, want the citizen's Forside", loc)
	}
	if got := b.text(ctx, "citizen"); !strings.Contains(got, "Anna Jensen") {
		t.Errorf("top bar says %q, want Anna Jensen", got)
	}
	if n := s.logins(t, anna.CPR, "Berit Hansen"); n != 1 {
		t.Errorf("%d Login entries, want 1", n)
	}

	// An expired token, from a browser with no session.
	expired := serveCaseSystem(t, s.BaseURL, func() string {
		return s.token(t, "berit", anna.CPR, "", time.Now().Add(-5*time.Minute), s.key)
	})
	ctx = b.tab()
	b.do(ctx, chromedp.Navigate(expired), chromedp.WaitVisible(testid("page-heading")))
	if got := b.text(ctx, "page-heading"); got != server.TextLaunchHeading {
		t.Errorf("expired token: heading %q", got)
	}
	loc, _ = chromedp.Run(ctx, chromedp.Location())
	urls = append(urls, loc)
	b.checkAccessibility(ctx, "launch refused")
	b.screenshot(ctx, "launch-refused")

	for _, u := range urls {
		if strings.Contains(u, anna.CPR) || strings.Contains(u, anna.CPR[:6]) {
			t.Errorf("a CPR number is in the URL %s", u)
		}
	}
}
