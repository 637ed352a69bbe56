package postgres

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

func TestCardKey_IsTheSetOfOccupationsInTheAreaOnTheDay(t *testing.T) {
	day := jobnet.Date(2026, time.December, 2)
	goals := func(ids ...int) []jobnet.JobGoal {
		var out []jobnet.JobGoal
		for _, id := range ids {
			out = append(out, jobnet.JobGoal{OccupationID: id})
		}
		return out
	}
	k := newCardKey(goals(7, 3), 9, day)
	if k != newCardKey(goals(3, 7, 7), 9, day.Add(20*time.Hour)) {
		t.Error("the same occupations in another order, or later the same day, got other cards")
	}
	for name, other := range map[string]cardKey{
		"the next day":         newCardKey(goals(3, 7), 9, day.AddDate(0, 0, 1)),
		"another area":         newCardKey(goals(3, 7), 10, day),
		"another occupation":   newCardKey(goals(3, 8), 9, day),
		"a goal fewer":         newCardKey(goals(3), 9, day),
		"ids that run on (37)": newCardKey(goals(37), 9, day),
	} {
		if other == k {
			t.Errorf("%s shares the cards", name)
		}
	}
}

func TestSharedCache_ForgetsStaleEntriesAndStaysBounded(t *testing.T) {
	now := time.Date(2026, time.December, 2, 9, 0, 0, 0, time.UTC)
	c := newSharedCache[cardKey, forsideCards](cardCacheSize, cardCacheTTL, func() time.Time { return now })
	k := cardKey{occupations: "1", area: 9, day: "2026-12-02"}
	c.put(k, forsideCards{Posted: jobnet.JobList[jobnet.JobPosting]{Total: 4}})
	if got, ok := c.get(k); !ok || got.Posted.Total != 4 {
		t.Fatalf("get = %+v, %v", got, ok)
	}
	now = now.Add(cardCacheTTL + time.Second)
	if _, ok := c.get(k); ok {
		t.Error("cards older than the TTL were shared")
	}
	for i := range cardCacheSize + 10 {
		c.put(cardKey{occupations: "x", area: i, day: "2026-12-02"}, forsideCards{})
	}
	if n := len(c.entries); n > cardCacheSize {
		t.Errorf("%d sets kept, at most %d allowed", n, cardCacheSize)
	}
}

// Requests that miss at the same moment wait for the first one's
// computation instead of each running their own; when it fails, they run
// their own.
func TestSharedCache_LoadsOnceForThoseWhoMissTogether(t *testing.T) {
	c := newSharedCache[cardKey, int](cardCacheSize, cardCacheTTL, time.Now)
	k := cardKey{occupations: "1", area: 9, day: "2026-12-02"}
	var runs atomic.Int32
	release := make(chan struct{})
	fn := func() (int, error) {
		runs.Add(1)
		<-release
		return 42, nil
	}
	const n = 8
	var wg sync.WaitGroup
	results := make(chan int, n)
	for range n {
		wg.Go(func() {
			v, err := c.load(k, fn)
			if err != nil {
				t.Error(err)
			}
			results <- v
		})
	}
	time.Sleep(100 * time.Millisecond) // let them all miss and wait
	close(release)
	wg.Wait()
	close(results)
	for v := range results {
		if v != 42 {
			t.Errorf("a waiter got %d, want 42", v)
		}
	}
	if runs.Load() != 1 {
		t.Errorf("%d computations for %d requests that missed together, want 1", runs.Load(), n)
	}
	if v, _ := c.load(k, fn); v != 42 || runs.Load() != 1 {
		t.Errorf("after the load: %d after %d computations; want the cached 42", v, runs.Load())
	}

	failing := cardKey{occupations: "2", area: 9, day: "2026-12-02"}
	if _, err := c.load(failing, func() (int, error) { return 0, errors.New("the database went away") }); err == nil {
		t.Error("a failed computation gave no error")
	}
	ran := false
	if v, err := c.load(failing, func() (int, error) { ran = true; return 7, nil }); v != 7 || !ran || err != nil {
		t.Errorf("after a failure: %d, ran %v, %v; want a computation of its own", v, ran, err)
	}
}
