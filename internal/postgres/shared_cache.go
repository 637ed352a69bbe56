package postgres

import (
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// sharedCache holds what many requests compute alike and nothing about a
// citizen in particular (the Forside's cards, Find Job's counts): one
// request computes it, the others on this instance share it for ttl, so
// that what the DFDG copy receives during the day still shows within ttl.
// It keeps at most size entries. It is safe for concurrent use.
type sharedCache[K comparable, V any] struct {
	size    int
	ttl     time.Duration
	now     func() time.Time
	mu      sync.Mutex
	entries map[K]sharedEntry[V]
	loading singleflight.Group
}

type sharedEntry[V any] struct {
	value V
	made  time.Time
}

func newSharedCache[K comparable, V any](size int, ttl time.Duration, now func() time.Time) *sharedCache[K, V] {
	return &sharedCache[K, V]{size: size, ttl: ttl, now: now, entries: map[K]sharedEntry[V]{}}
}

func (c *sharedCache[K, V]) get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok || c.now().Sub(e.made) > c.ttl {
		var zero V
		return zero, false
	}
	return e.value, true
}

func (c *sharedCache[K, V]) put(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	if len(c.entries) >= c.size {
		// Stale entries go first (a day's keys all go stale the next
		// morning); if none are, any.
		for old, e := range c.entries {
			if now.Sub(e.made) > c.ttl {
				delete(c.entries, old)
			}
		}
		for old := range c.entries {
			if len(c.entries) < c.size {
				break
			}
			delete(c.entries, old)
		}
	}
	c.entries[k] = sharedEntry[V]{value: v, made: now}
}

// load returns k's value: the cached one, or else the one fn computes. The
// requests that miss at the same moment wait for the first one's fn rather
// than each run their own: at the start of the day, or after the TTL, every
// request of a busy page misses at once, and 64 computations of the same
// count were the page's p99. If the fn waited for fails (its request may
// have ended), the caller runs its own.
func (c *sharedCache[K, V]) load(k K, fn func() (V, error)) (V, error) {
	if v, ok := c.get(k); ok {
		return v, nil
	}
	ran := false
	run := func() (V, error) {
		ran = true
		v, err := fn()
		if err == nil {
			c.put(k, v)
		}
		return v, err
	}
	shared, err, _ := c.loading.Do(fmt.Sprintf("%#v", k), func() (any, error) { return run() })
	switch {
	case err != nil && !ran:
		return run()
	case err != nil:
		var zero V
		return zero, err
	}
	return shared.(V), nil
}
