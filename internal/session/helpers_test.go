package session

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gorilla/sessions"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
)

var testHashKey = bytes.Repeat([]byte("k"), 32)

// clock is the store's Now, moved by hand.
type clock struct{ t time.Time }

func (c *clock) Now() time.Time          { return c.t }
func (c *clock) Advance(d time.Duration) { c.t = c.t.Add(d) }

type fixture struct {
	store *Store
	pool  *pgxpool.Pool
	clock *clock
}

func newFixture(t *testing.T, opts Options) fixture {
	t.Helper()
	pool := pgtest.NewDB(t)
	c := &clock{t: time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)}
	opts.Now = c.Now
	return fixture{store: NewStore(pool, testHashKey, opts), pool: pool, clock: c}
}

// rows counts the rows of the sessions table with id.
func (f fixture) rows(t *testing.T, id string) int {
	t.Helper()
	var n int
	if err := f.pool.QueryRow(context.Background(), `SELECT count(*) FROM sessions WHERE id = $1`, id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// data is the stored values of the row with id.
func (f fixture) data(t *testing.T, id string) []byte {
	t.Helper()
	var b []byte
	if err := f.pool.QueryRow(context.Background(), `SELECT data FROM sessions WHERE id = $1`, id).Scan(&b); err != nil {
		t.Fatal(err)
	}
	return b
}

// browser keeps cookies between requests, as a browser would.
type browser struct{ cookies map[string]*http.Cookie }

func newBrowser() *browser { return &browser{cookies: map[string]*http.Cookie{}} }

// do runs one request: handle gets a request carrying the browser's cookies,
// and the cookies it sets are kept for the next request.
func (b *browser) do(handle func(w http.ResponseWriter, r *http.Request)) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	for _, c := range b.cookies {
		r.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	w := httptest.NewRecorder()
	handle(w, r)
	for _, c := range w.Result().Cookies() {
		if c.MaxAge < 0 {
			delete(b.cookies, c.Name)
			continue
		}
		b.cookies[c.Name] = c
	}
	return w
}

// load runs a request that only loads the session.
func (b *browser) load(t *testing.T, s *Store) *sessions.Session {
	t.Helper()
	var sess *sessions.Session
	b.do(func(w http.ResponseWriter, r *http.Request) {
		var err error
		sess, err = s.Current(r)
		if err != nil {
			t.Fatalf("Current: %v", err)
		}
	})
	return sess
}

// save runs a request that sets values and saves the session.
func (b *browser) save(t *testing.T, s *Store, values map[any]any) *sessions.Session {
	t.Helper()
	var sess *sessions.Session
	b.do(func(w http.ResponseWriter, r *http.Request) {
		var err error
		sess, err = s.Current(r)
		if err != nil {
			t.Fatalf("Current: %v", err)
		}
		for k, v := range values {
			sess.Values[k] = v
		}
		if err := sess.Save(r, w); err != nil {
			t.Fatalf("Save: %v", err)
		}
	})
	return sess
}

// renew runs a request that renews the session, as the log-in does.
func (b *browser) renew(t *testing.T, s *Store) {
	t.Helper()
	b.do(func(w http.ResponseWriter, r *http.Request) {
		sess, err := s.Current(r)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Renew(r, w, sess); err != nil {
			t.Fatal(err)
		}
	})
}

// userValues is the session's values without the store's own bookkeeping.
func userValues(sess *sessions.Session) map[any]any {
	out := map[any]any{}
	for k, v := range sess.Values {
		switch k.(type) {
		case metaKey, endedKey, preloadKey:
		default:
			out[k] = v
		}
	}
	return out
}
