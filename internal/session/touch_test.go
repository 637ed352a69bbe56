package session

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestSession_TouchWritesAtMostEvery30Seconds(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	b := newBrowser()
	saved := b.save(t, f.store, map[any]any{"caseworker": "cw-1"})
	start := f.clock.Now()

	lastSeen := func() time.Time {
		var ls time.Time
		if err := f.pool.QueryRow(context.Background(), `SELECT last_seen FROM sessions WHERE id = $1`, saved.ID).Scan(&ls); err != nil {
			t.Fatal(err)
		}
		return ls
	}
	touch := func() {
		b.do(func(w http.ResponseWriter, r *http.Request) {
			sess, err := f.store.Current(r)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.store.Touch(r.Context(), sess); err != nil {
				t.Fatal(err)
			}
		})
	}

	f.clock.Advance(29 * time.Second)
	touch()
	if got := lastSeen(); !got.Equal(start) {
		t.Errorf("after a touch at +29s last_seen = %v, want it unchanged at %v", got, start)
	}
	f.clock.Advance(2 * time.Second)
	touch()
	if got := lastSeen(); !got.Equal(f.clock.Now()) {
		t.Errorf("after a touch at +31s last_seen = %v, want %v", got, f.clock.Now())
	}
}

func TestSession_TouchOnANewSessionWritesNothing(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	sess, err := f.store.Current(r)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.store.Touch(r.Context(), sess); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := f.pool.QueryRow(context.Background(), `SELECT count(*) FROM sessions`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d rows after touching a new session, want 0", n)
	}
}

func TestDeleteExpired_EndsExpiredSessionsAndDeletesThemWhenTheirCookieIsDead(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	idle := newBrowser().save(t, f.store, map[any]any{"n": int64(1)})
	f.clock.Advance(15 * time.Minute)
	live := newBrowser().save(t, f.store, map[any]any{"n": int64(2)})
	f.clock.Advance(10 * time.Minute)

	n, err := f.store.DeleteExpired(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("DeleteExpired = %d, want 1", n)
	}
	if len(f.data(t, idle.ID)) != 0 || len(f.data(t, live.ID)) == 0 {
		t.Errorf("values: idle %d bytes, live %d bytes; want none and some", len(f.data(t, idle.ID)), len(f.data(t, live.ID)))
	}

	// 8 hours after it ended, no cookie names the idle session any more.
	f.clock.Advance(8*time.Hour - 5*time.Minute)
	if _, err := f.store.DeleteExpired(context.Background()); err != nil {
		t.Fatal(err)
	}
	if f.rows(t, idle.ID) != 0 || f.rows(t, live.ID) != 1 {
		t.Errorf("rows: idle %d, live %d; want 0 and 1", f.rows(t, idle.ID), f.rows(t, live.ID))
	}
}
