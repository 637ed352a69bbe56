// Package session owns the caseworker's server-side session: a gorilla/sessions
// store whose values live in the Postgres table sessions, with the idle timeout
// (20 minutes) and the absolute lifetime (8 hours) of SPEC §4.
//
// The browser holds only the session id, in a cookie authenticated with
// securecookie (HttpOnly, SameSite=Lax, Secure outside plain-http development).
// Everything else — who is logged in, which citizen is selected — stays in the
// database, so any app server behind the load balancer can serve any request.
package session

import (
	"errors"
	"net/http"
	"time"

	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Options configures a Store. Zero fields get the defaults named beside them.
type Options struct {
	CookieName  string        // default "sba_session"
	Secure      bool          // false only for plain-http development
	IdleTimeout time.Duration // default 20*time.Minute (SPEC §4)
	MaxLifetime time.Duration // default 8*time.Hour
	Now         func() time.Time
	// SubjectOf reads the SAML subject from a session's values; the store
	// writes it to columns of its own with every save, for EndSubject. Nil:
	// sessions have no subject.
	SubjectOf func(values map[any]any) Subject
	// RefsOf reads the user and citizen ids from a session's values; the
	// store writes them to columns of their own with every save. Nil:
	// sessions refer to nothing.
	RefsOf func(values map[any]any) Refs
	// Preload queues, in the batch that loads the session with the given
	// id, queries that find what they need through that id (and the Refs
	// columns): one round trip for the session and what each request needs
	// with it. The function it returns gives the result once the batch has
	// run; Preloaded hands it to the caller. Nil: nothing is preloaded.
	Preload func(b *pgx.Batch, sessionID string) func() any
}

// ErrEnded is returned by Save when the session's row is gone or expired —
// logged out in another tab, or timed out while the request ran. The store
// does not bring such a session back to life; the caller should treat the
// caseworker as logged out.
var ErrEnded = errors.New("session has ended")

// touchInterval is how young last_seen may be before Touch skips the write.
const touchInterval = 30 * time.Second

// Store is a sessions.Store on Postgres. It is safe for concurrent use.
type Store struct {
	pool   *pgxpool.Pool
	cookie *securecookie.SecureCookie
	opts   Options
}

var _ sessions.Store = (*Store)(nil)

// NewStore returns a store on pool. hashKey authenticates the cookie that holds
// the session id; it must be at least 32 bytes (NewStore panics otherwise: a
// short key is a configuration error to be caught at start).
func NewStore(pool *pgxpool.Pool, hashKey []byte, opts Options) *Store {
	if len(hashKey) < 32 {
		panic("session: hash key must be at least 32 bytes")
	}
	if opts.CookieName == "" {
		opts.CookieName = "sba_session"
	}
	if opts.IdleTimeout <= 0 {
		opts.IdleTimeout = 20 * time.Minute
	}
	if opts.MaxLifetime <= 0 {
		opts.MaxLifetime = 8 * time.Hour
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	// The cookie's own timestamp check is a second line behind the database:
	// no cookie is accepted after the absolute lifetime, whatever the table says.
	cookie := securecookie.New(hashKey, nil).MaxAge(int(opts.MaxLifetime / time.Second))
	return &Store{pool: pool, cookie: cookie, opts: opts}
}

// CookieName is the name of the session cookie, for use with Get.
func (s *Store) CookieName() string { return s.opts.CookieName }

// Current returns the request's session under the configured cookie name.
func (s *Store) Current(r *http.Request) (*sessions.Session, error) {
	return s.Get(r, s.opts.CookieName)
}

// Get returns the named session from the request's registry, loading it with
// New on first use. On error the session is new and empty, and must not be used
// as a login: the caller answers 503.
func (s *Store) Get(r *http.Request, name string) (*sessions.Session, error) {
	return sessions.GetRegistry(r).Get(s, name)
}

func (s *Store) now() time.Time { return s.opts.Now() }

// expiresAt is the moment a session created at created and last active at
// lastSeen ends: the earlier of the absolute and the idle deadline.
func (s *Store) expiresAt(created, lastSeen time.Time) time.Time {
	abs := created.Add(s.opts.MaxLifetime)
	idle := lastSeen.Add(s.opts.IdleTimeout)
	if idle.Before(abs) {
		return idle
	}
	return abs
}

// newSession returns an empty session with the store's cookie options.
func (s *Store) newSession(name string) *sessions.Session {
	sess := sessions.NewSession(s, name)
	sess.IsNew = true
	sess.Options = &sessions.Options{
		Path:     "/",
		Secure:   s.opts.Secure,
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
	}
	return sess
}
