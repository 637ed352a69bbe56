package main

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
)

// Issue 8, point 9: a caseworker who sends 100 look-ups at once with
// LOOKUP_LIMIT=5 is granted exactly 5. The count and the look-up share one
// transaction under the caseworker's lock; before, each request counted the
// look-ups before any of the others had written theirs, and about 90 were
// granted.
func TestLookUps_RateLimitHoldsForOneHundredSimultaneousLookUps(t *testing.T) {
	s := startStack(t, "LOOKUP_LIMIT=5")
	c := s.newClient(t)
	c.login("berit")
	anna := demo.CitizenByKey("anna")

	const n = 100
	statuses := make([]int, n)
	errs := make([]error, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			resp, err := c.http.PostForm(s.BaseURL+"/sagsbehandleradgang", url.Values{"cpr": {anna.CPR}})
			if err != nil {
				errs[i] = err
				return
			}
			resp.Body.Close()
			statuses[i] = resp.StatusCode
		})
	}
	close(start)
	wg.Wait()

	got := map[int]int{}
	for i, st := range statuses {
		if errs[i] != nil {
			t.Fatalf("look-up %d: %v", i, errs[i])
		}
		got[st]++
	}
	// A granted look-up ends on the citizen's Forside (200), a refused one
	// on the CPR page with 429.
	if got[http.StatusOK] != 5 || got[http.StatusTooManyRequests] != n-5 {
		t.Errorf("statuses %v; want 5 × 200 and %d × 429", got, n-5)
	}
	if logins := s.count(t, `SELECT count(*) FROM citizen_history WHERE category = 'Login'`); logins != 5 {
		t.Errorf("%d Login entries in the history, want 5", logins)
	}
	if p := c.get("/borger/forside"); p.Status != http.StatusOK || !strings.Contains(p.Body, anna.Name) {
		t.Errorf("after the look-ups, the Forside: %d", p.Status)
	}
}
