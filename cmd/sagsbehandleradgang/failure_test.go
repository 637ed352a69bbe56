package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// outage takes the stack's database away, as when its server stops: no new
// connections, and the open ones are ended. The function it returns gives
// the database back.
func (s *stack) outage(t *testing.T) (end func()) {
	t.Helper()
	ctx := context.Background()
	admin := s.adminPool(t)
	db := s.databaseName(t)
	allow := func(on bool) {
		t.Helper()
		if _, err := admin.Exec(ctx, fmt.Sprintf(`ALTER DATABASE %s WITH ALLOW_CONNECTIONS %v`, db, on)); err != nil {
			t.Fatal(err)
		}
	}
	allow(false)
	if _, err := admin.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, db); err != nil {
		t.Fatal(err)
	}
	return func() { allow(true) }
}

// unavailableHeading is the heading of the Danish 503 page.
var unavailableHeading = views.DefaultError(http.StatusServiceUnavailable).Heading

// A caseworker who signs in while the database is down is told that the
// product is unavailable for a while, not that the login failed: the IdP's
// response was fine, and signing in again works once the database is back.
func TestSignInDuringOutage_GivesThe503PageNotLoginFailed(t *testing.T) {
	s := startStack(t)
	c := s.newClient(t)
	p := c.get("/sagsbehandleradgang")
	p = c.submit(p, `form[data-testid="login-form"]`, url.Values{"username": {"berit"}, "password": {demo.Password}})

	end := s.outage(t)
	p = c.submit(p, `form[data-testid="saml-post-form"]`, nil)
	if p.Status != http.StatusServiceUnavailable {
		t.Errorf("status %d, want 503", p.Status)
	}
	if h := text(p, "page-heading"); h != unavailableHeading {
		t.Errorf("heading %q, want %q", h, unavailableHeading)
	}
	if strings.Contains(p.Body, "Login mislykkedes") {
		t.Error("the page says the login failed")
	}
	if strings.Contains(s.logs.String(), "SAML response refused") {
		t.Error("the outage is logged as a refused SAML response")
	}

	end()
	// Still signed in at the IdP, which answers at once.
	p = c.submit(c.get("/sagsbehandleradgang"), `form[data-testid="saml-post-form"]`, nil)
	if p.Status != http.StatusOK || !strings.HasSuffix(p.URL, "/sagsbehandleradgang") {
		t.Errorf("signing in after the outage: %d at %s", p.Status, p.URL)
	}
}
