package main

import (
	"net/http"
	"regexp"
	"strconv"
	"testing"
)

// roundTrips reads the server's count of round trips to Postgres.
func (s *stack) roundTrips(t *testing.T, c *client) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^sagsbehandleradgang_db_round_trips_total (\S+)`).FindStringSubmatch(c.get(s.MetricsURL).Body)
	if m == nil {
		t.Fatal("no sagsbehandleradgang_db_round_trips_total in the metrics")
	}
	n, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

// A citizen page costs two round trips to Postgres: the session with the
// caseworker's standing (the access rule is checked again with fresh
// facts), and the page's data in one batch. The Forside's cards come from
// the cards another Forside computed today.
func TestCitizenPages_TakeTwoRoundTrips(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	c.get("/borger/forside") // the cards of anna's job goals, computed once
	for _, path := range []string{"/borger/forside", "/borger/planer/min-plan", "/borger/jobsoegning/joblog", "/borger/planer/kalender"} {
		before := s.roundTrips(t, c)
		if p := c.get(path); p.Status != http.StatusOK {
			t.Fatalf("%s: %d", path, p.Status)
		}
		if n := s.roundTrips(t, c) - before; n != 2 {
			t.Errorf("%s: %d round trips, want 2", path, n)
		}
	}
}
