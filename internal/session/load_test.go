package session

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/gorilla/securecookie"
)

func TestSession_ValuesComeBackOnTheNextRequest(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	b := newBrowser()
	want := map[any]any{
		"caseworker":  "cw-0042",
		"citizen_id":  int64(1234567),
		"akasse":      true,
		"selected_at": time.Date(2026, 3, 2, 8, 15, 30, 0, time.UTC),
		"login_unix":  time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC).Unix(),
	}
	first := b.save(t, f.store, want)

	got := b.load(t, f.store)
	if got.IsNew {
		t.Fatal("session is new on the second request; want the saved one")
	}
	if got.ID != first.ID {
		t.Errorf("ID = %q, want %q", got.ID, first.ID)
	}
	if diff := cmp.Diff(want, userValues(got)); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
}

func TestSession_GetTwiceInOneRequestGivesTheSameSession(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	a, err := f.store.Get(r, "sba_session")
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.store.Get(r, "sba_session")
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Error("Get returned two sessions for one request; want gorilla's registry to hand back the same one")
	}
}

func TestSession_IdleFor20MinutesAnd1SecondIsGone(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	b := newBrowser()
	saved := b.save(t, f.store, map[any]any{"caseworker": "cw-1"})

	f.clock.Advance(20*time.Minute - time.Second)
	if sess := b.load(t, f.store); sess.IsNew {
		t.Fatal("session gone after 19m59s idle; want it still there")
	}

	// Loading is not activity; only Save and Touch are.
	f.clock.Advance(2 * time.Second)
	sess := b.load(t, f.store)
	if !sess.IsNew || len(userValues(sess)) != 0 {
		t.Errorf("after 20m1s idle: IsNew = %v, values = %v; want a new empty session", sess.IsNew, userValues(sess))
	}
	if e, ok := TimedOut(sess); !ok || e != Idle {
		t.Errorf("TimedOut = %v, %v; want Idle, true", e, ok)
	}
	if data := f.data(t, saved.ID); len(data) != 0 {
		t.Errorf("expired row keeps %d bytes of values; want none", len(data))
	}
	// The tombstone tells a later request too; a browser with no session
	// cookie is not told anything.
	if e, ok := TimedOut(b.load(t, f.store)); !ok || e != Idle {
		t.Errorf("second request: TimedOut = %v, %v; want Idle, true", e, ok)
	}
	if _, ok := TimedOut(newBrowser().load(t, f.store)); ok {
		t.Error("a browser without a session is told it timed out")
	}
}

func TestSession_OlderThan8HoursIsGoneEvenIfActive(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	b := newBrowser()
	b.save(t, f.store, map[any]any{"caseworker": "cw-1"})

	// A request every 10 minutes until 15:50, alternating between touching
	// and saving.
	for i := 1; i <= 47; i++ {
		f.clock.Advance(10 * time.Minute)
		b.do(func(w http.ResponseWriter, r *http.Request) {
			sess, err := f.store.Current(r)
			if err != nil {
				t.Fatal(err)
			}
			if sess.IsNew {
				t.Fatalf("session gone at %s; want it alive while active within 8 hours", f.clock.Now().Format(time.TimeOnly))
			}
			if i%2 == 0 {
				err = f.store.Touch(r.Context(), sess)
			} else {
				err = sess.Save(r, w)
			}
			if err != nil {
				t.Fatal(err)
			}
		})
	}

	f.clock.t = time.Date(2026, 3, 2, 15, 59, 59, 0, time.UTC)
	if sess := b.load(t, f.store); sess.IsNew {
		t.Fatal("session gone at 15:59:59; want it alive until 8 hours after 08:00")
	}
	f.clock.t = time.Date(2026, 3, 2, 16, 0, 1, 0, time.UTC)
	sess := b.load(t, f.store)
	if !sess.IsNew {
		t.Error("session alive 8h1s after it was created; want it gone")
	}
	if e, ok := TimedOut(sess); !ok || e != Lifetime {
		t.Errorf("TimedOut = %v, %v; want Lifetime, true", e, ok)
	}
}

func TestSession_TamperedCookieGivesNewSession(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	b := newBrowser()
	saved := b.save(t, f.store, map[any]any{"caseworker": "cw-1"})
	good := b.cookies["sba_session"].Value

	otherKey, err := securecookie.New([]byte("another-key-another-key-another-"), nil).Encode("sba_session", saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	flipped := []byte(good)
	flipped[len(flipped)/2] ^= 1
	tests := []struct {
		name, value string
	}{
		{"one character changed", string(flipped)},
		{"bare session id", saved.ID},
		{"signed with another key", otherKey},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.AddCookie(&http.Cookie{Name: "sba_session", Value: tt.value})
			sess, err := f.store.Current(r)
			if err != nil {
				t.Fatalf("Current: %v; want no error", err)
			}
			if !sess.IsNew || len(userValues(sess)) != 0 {
				t.Errorf("IsNew = %v, values = %v; want a new empty session", sess.IsNew, userValues(sess))
			}
		})
	}

	// The signature covers the cookie name: the value moved to another
	// cookie name does not load the session either.
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.AddCookie(&http.Cookie{Name: "other", Value: good})
	sess, err := f.store.Get(r, "other")
	if err != nil || !sess.IsNew {
		t.Errorf("cookie under another name: IsNew = %v, err = %v; want a new session", sess.IsNew, err)
	}
}

func TestSession_UnreadableValuesGiveNewSession(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	b := newBrowser()
	saved := b.save(t, f.store, map[any]any{"caseworker": "cw-1"})
	if _, err := f.pool.Exec(context.Background(), `UPDATE sessions SET data = '\x00ff' WHERE id = $1`, saved.ID); err != nil {
		t.Fatal(err)
	}
	b.do(func(w http.ResponseWriter, r *http.Request) {
		sess, err := f.store.Current(r)
		if err != nil {
			t.Fatalf("Current: %v; want no error", err)
		}
		if !sess.IsNew || len(userValues(sess)) != 0 {
			t.Errorf("IsNew = %v, values = %v; want a new empty session", sess.IsNew, userValues(sess))
		}
	})
}

func TestSession_DatabaseDownIsAnErrorNotANewSession(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	b := newBrowser()
	b.save(t, f.store, map[any]any{"caseworker": "cw-1"})
	f.pool.Close()
	f.clock.Advance(time.Minute)

	b.do(func(w http.ResponseWriter, r *http.Request) {
		sess, err := f.store.Current(r)
		if err == nil {
			t.Fatal("Current with the database down: no error; want one (the server answers 503)")
		}
		if sess == nil {
			t.Fatal("Current returned a nil session; gorilla's registry needs one")
		}
		sess.ID = "some-id"
		sess.IsNew = false
		if err := sess.Save(r, w); err == nil {
			t.Error("Save with the database down: no error")
		}
		if err := f.store.Touch(r.Context(), sess); err == nil {
			t.Error("Touch with the database down: no error")
		}
	})
	if _, err := f.store.DeleteExpired(context.Background()); err == nil {
		t.Error("DeleteExpired with the database down: no error")
	}
}

func TestSession_ExpiresAtSaysWhichDeadlineComesFirst(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	b := newBrowser()
	b.save(t, f.store, map[any]any{"caseworker": "cw-1"})
	start := f.clock.Now()

	f.clock.Advance(time.Minute)
	at, ending, ok := f.store.ExpiresAt(b.load(t, f.store))
	if !ok || !at.Equal(start.Add(20*time.Minute)) || ending != Idle {
		t.Errorf("fresh session: %v, %v, %v; want 08:20, Idle", at, ending, ok)
	}

	// Active until 07:50 hours in: the absolute lifetime comes first.
	f.clock.t = start.Add(7*time.Hour + 50*time.Minute)
	if _, err := f.pool.Exec(context.Background(), `UPDATE sessions SET last_seen = $1, expires_at = created_at + interval '8 hours'`, f.clock.Now()); err != nil {
		t.Fatal(err)
	}
	at, ending, ok = f.store.ExpiresAt(b.load(t, f.store))
	if !ok || !at.Equal(start.Add(8*time.Hour)) || ending != Lifetime {
		t.Errorf("near the lifetime: %v, %v, %v; want 16:00, Lifetime", at, ending, ok)
	}
	if _, _, ok := f.store.ExpiresAt(newBrowser().load(t, f.store)); ok {
		t.Error("a session without a row has a deadline")
	}
}
