package demo

import (
	"regexp"
	"testing"
)

// Each bench caseworker is someone else to the IdP and the user copy: a
// username and a UUID of their own, and none of a demo caseworker's.
func TestBenchCaseworkers_AreDistinctFromEachOtherAndTheDemo(t *testing.T) {
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for _, c := range Caseworkers {
		seen[c.Username], seen[c.UUID] = true, true
	}
	bench := BenchCaseworkers(MaxBenchCaseworkers + 1)
	if len(bench) != MaxBenchCaseworkers {
		t.Fatalf("%d bench caseworkers, want at most %d", len(bench), MaxBenchCaseworkers)
	}
	for _, c := range bench {
		if seen[c.Username] || seen[c.UUID] {
			t.Errorf("%s: username or UUID %s already taken", c.Username, c.UUID)
		}
		if !uuid.MatchString(c.UUID) {
			t.Errorf("%s: UUID %q is not in the shape of a version 4 UUID", c.Username, c.UUID)
		}
		seen[c.Username], seen[c.UUID] = true, true
	}
	if got := BenchCaseworkers(2); got[0].Username != "bench001" || got[1].Username != "bench002" || got[0].Orgs[0].Org == got[1].Orgs[0].Org {
		t.Errorf("BenchCaseworkers(2) = %s of %s, %s of %s; want bench001 and bench002 of an a-kasse and a jobcenter",
			got[0].Username, got[0].Orgs[0].Org.Name, got[1].Username, got[1].Orgs[0].Org.Name)
	}
}
