package postgres

import (
	"sync"
	"time"
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
