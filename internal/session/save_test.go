package session

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"
)

func TestSession_RenewGivesNewIDAndOldCookieNoLongerLoads(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	attacker := newBrowser()
	before := attacker.save(t, f.store, map[any]any{"return_to": "/borger"})

	// The victim's browser carries the attacker's cookie (session fixation),
	// then logs in.
	victim := newBrowser()
	for name, c := range attacker.cookies {
		victim.cookies[name] = c
	}
	var after *sessions.Session
	victim.do(func(w http.ResponseWriter, r *http.Request) {
		var err error
		after, err = f.store.Current(r)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.store.Renew(r, w, after); err != nil {
			t.Fatalf("Renew: %v", err)
		}
		after.Values["caseworker"] = "cw-1"
		if err := after.Save(r, w); err != nil {
			t.Fatalf("Save: %v", err)
		}
	})

	if after.ID == before.ID {
		t.Fatal("Renew kept the session id")
	}
	if n := f.rows(t, before.ID); n != 0 {
		t.Errorf("old row still in the table (%d rows)", n)
	}
	if sess := attacker.load(t, f.store); !sess.IsNew {
		t.Errorf("the old cookie still loads a session with %v", userValues(sess))
	}
	sess := victim.load(t, f.store)
	want := map[any]any{"return_to": "/borger", "caseworker": "cw-1"}
	if diff := cmp.Diff(want, userValues(sess)); diff != "" {
		t.Errorf("renewed session values (-want +got):\n%s", diff)
	}
}

func TestSession_RenewRestartsTheAbsoluteLifetime(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	b := newBrowser()
	b.save(t, f.store, map[any]any{"x": "y"})
	f.clock.Advance(10 * time.Minute)
	b.renew(t, f.store)
	var created time.Time
	if err := f.pool.QueryRow(context.Background(), `SELECT created_at FROM sessions`).Scan(&created); err != nil {
		t.Fatal(err)
	}
	if !created.Equal(f.clock.Now()) {
		t.Errorf("created_at = %v, want the time of Renew %v", created, f.clock.Now())
	}
}

func TestSession_LogOutWithMaxAgeMinus1DeletesTheRow(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	b := newBrowser()
	saved := b.save(t, f.store, map[any]any{"caseworker": "cw-1"})
	oldCookie := b.cookies["sba_session"]

	w := b.do(func(w http.ResponseWriter, r *http.Request) {
		sess, err := f.store.Current(r)
		if err != nil {
			t.Fatal(err)
		}
		sess.Options.MaxAge = -1
		if err := sess.Save(r, w); err != nil {
			t.Fatalf("Save: %v", err)
		}
	})

	if n := f.rows(t, saved.ID); n != 0 {
		t.Errorf("row still in the table after log out (%d rows)", n)
	}
	cookies := w.Result().Cookies()
	if len(cookies) != 1 || cookies[0].MaxAge >= 0 {
		t.Errorf("Set-Cookie = %v; want one cookie that expires now", cookies)
	}
	// A browser that ignores the expiry does not get back in.
	b.cookies["sba_session"] = oldCookie
	if sess := b.load(t, f.store); !sess.IsNew {
		t.Error("the logged-out cookie still loads a session")
	}
}

func TestSession_SaveAfterLogOutInAnotherTabDoesNotRevive(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	b := newBrowser()
	saved := b.save(t, f.store, map[any]any{"caseworker": "cw-1"})

	// Tab 1 loads the session; tab 2 logs out; tab 1 saves.
	r1 := httptest.NewRequest(http.MethodGet, "/", nil)
	r1.AddCookie(b.cookies["sba_session"])
	tab1, err := f.store.Current(r1)
	if err != nil {
		t.Fatal(err)
	}
	b.do(func(w http.ResponseWriter, r *http.Request) {
		sess, _ := f.store.Current(r)
		sess.Options.MaxAge = -1
		if err := sess.Save(r, w); err != nil {
			t.Fatal(err)
		}
	})
	tab1.Values["citizen_id"] = int64(7)
	if err := tab1.Save(r1, httptest.NewRecorder()); !errors.Is(err, ErrEnded) {
		t.Errorf("Save after log out = %v, want ErrEnded", err)
	}
	if n := f.rows(t, saved.ID); n != 0 {
		t.Errorf("log out undone: %d rows", n)
	}
}

func TestSession_CookieHoldsOnlyTheIDWithSecureFlags(t *testing.T) {
	t.Parallel()
	for _, secure := range []bool{true, false} {
		f := newFixture(t, Options{Secure: secure})
		b := newBrowser()
		var sess *sessions.Session
		w := b.do(func(w http.ResponseWriter, r *http.Request) {
			sess, _ = f.store.Current(r)
			sess.Values["caseworker"] = "cw-1"
			if err := sess.Save(r, w); err != nil {
				t.Fatal(err)
			}
		})
		cookies := w.Result().Cookies()
		if len(cookies) != 1 {
			t.Fatalf("Secure=%v: %d cookies set, want 1", secure, len(cookies))
		}
		c := cookies[0]
		type flags struct {
			Name     string
			Path     string
			HttpOnly bool
			Secure   bool
			SameSite http.SameSite
			MaxAge   int
		}
		got := flags{c.Name, c.Path, c.HttpOnly, c.Secure, c.SameSite, c.MaxAge}
		want := flags{"sba_session", "/", true, secure, http.SameSiteLaxMode, 0}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Secure=%v: cookie (-want +got):\n%s", secure, diff)
		}

		var id string
		if err := securecookie.New(testHashKey, nil).Decode("sba_session", c.Value, &id); err != nil {
			t.Fatalf("decode cookie: %v", err)
		}
		if id != sess.ID {
			t.Errorf("cookie holds %q, want only the session id %q", id, sess.ID)
		}
		if len(id) != 43 {
			t.Errorf("session id %q has %d characters, want 43 (256 bits, base64url)", id, len(id))
		}
	}
}
