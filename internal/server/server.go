// Package server is the web application: the route table, the middleware
// that checks the caseworker and the access rule on every request, one
// handler file per page, and the adapter that turns errors into Danish pages.
// Handlers parse, call the store and internal/access, and render web/views.
package server

import (
	"context"
	"github.com/prometheus/client_golang/prometheus"
	"log/slog"
	"net/http"
	"time"

	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/launch"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
	"github.com/star-dk/sagsbehandleradgang/internal/samlsp"
	"github.com/star-dk/sagsbehandleradgang/internal/session"
)

// Store is what the handlers need of the primary database: who the
// caseworker is, the facts the access rule is checked against on every
// request, and the look-up that writes the access log. These must be
// current — a citizen who leaves the a-kasse disappears at once — so they
// never come from a replica.
type Store interface {
	Ping(ctx context.Context) error
	UserByIdentity(ctx context.Context, id jobnet.Identity) (jobnet.User, error)
	LoadViewer(ctx context.Context, userID, citizenID int64) (postgres.Viewer, error)
	LookUp(ctx context.Context, cw jobnet.Caseworker, n cpr.Number, now time.Time, limit postgres.LookUpLimit) (jobnet.Citizen, access.Decision, error)
	launchStore
	// A citizen's own Login history (person.go) is the access log.
	ownHistoryStore
	// Loginaktivitet reads the access log and records that it was read.
	loginActivityStore
}

// PageStore is what the citizen's pages read, once the access rule has let
// the caseworker through: the citizen's data, which a streaming replica may
// serve a moment behind the primary (DATABASE_READ_URL).
type PageStore interface {
	Ping(ctx context.Context) error

	// The citizen's pages, each interface declared beside its handler.
	forsideStore
	findJobStore
	jobannonceStore
	jobGoalsStore
	cvStore
	joblogStore
	gemteJobStore
	joblogKortStore
	moederStore
	beskederStore
	fravaerStore
	minPlanStore
	kalenderStore
	dagpengeStore
}

// ServiceProvider is the SAML SP (internal/samlsp).
type ServiceProvider interface {
	ServeMetadata(w http.ResponseWriter, r *http.Request)
	StartLogin(w http.ResponseWriter, r *http.Request, returnTo string) error
	FinishLogin(w http.ResponseWriter, r *http.Request) (jobnet.Identity, string, error)
	LogoutRedirect(id jobnet.Identity) (string, error)
	FinishLogout(r *http.Request) error
	// Single Logout started at the IdP.
	IsLogoutRequest(w http.ResponseWriter, r *http.Request) bool
	ReadLogoutRequest(w http.ResponseWriter, r *http.Request) (samlsp.LogoutRequest, error)
	LogoutResponseURL(req samlsp.LogoutRequest, ended bool) (string, error)
}

// SessionStore is the Postgres session store (internal/session).
type SessionStore interface {
	Current(r *http.Request) (*sessions.Session, error)
	Save(r *http.Request, w http.ResponseWriter, s *sessions.Session) error
	Renew(r *http.Request, w http.ResponseWriter, s *sessions.Session) error
	Touch(ctx context.Context, s *sessions.Session) error
	EndSubject(ctx context.Context, nameID string, sessionIndexes []string) (int64, error)
	ExpiresAt(s *sessions.Session) (time.Time, session.Ending, bool)
	IdleTimeout() time.Duration
}

// Config is the server's part of the configuration.
type Config struct {
	// HTTPS turns on HSTS; the base URL decides it.
	HTTPS bool
	// FormActionOrigins are the origins besides our own that a form may lead
	// to through redirects: the IdP, for log-in and log-out.
	FormActionOrigins []string
	// LookUpLimit look-ups per LookUpWindow per caseworker (SPEC §8).
	LookUpLimit  int
	LookUpWindow time.Duration
	// RequestTimeout bounds a request's work: its context ends then, so that
	// what still waits (the database) gives up and the 503 page is shown.
	// 0: no limit.
	RequestTimeout time.Duration
	// Collectors are more metrics to serve beside the server's own: the
	// database pool's statements and round trips.
	Collectors []prometheus.Collector
	// LaunchKeys are the case systems' keys for launch tokens, by
	// case-system id; without any, every token is refused.
	LaunchKeys launch.Keys
	// LaunchCookieSecret is what the key of the cookie that keeps a launch
	// while the caseworker signs in is derived from (the session key, so
	// that every instance can read it). Empty: a random key, this instance
	// only.
	LaunchCookieSecret []byte
}

// Server holds the handlers' dependencies.
type Server struct {
	cfg      Config
	store    Store     // the primary
	pageData PageStore // the citizen's pages: a replica, or the primary
	sp       ServiceProvider
	sessions SessionStore
	log      *slog.Logger
	now      func() time.Time
	metrics  *metrics
	// launchCodec seals the launch kept while the caseworker signs in.
	launchCodec *securecookie.SecureCookie
}

// New returns the application's HTTP handler, and the handler of its
// Prometheus metrics, which is served apart from it (METRICS_ADDR) so that
// the public port does not show it. Without a replica, pageData is the primary's
// store too.
func New(cfg Config, store Store, pageData PageStore, sp ServiceProvider, ss SessionStore, log *slog.Logger, now func() time.Time) (app, metrics http.Handler) {
	if cfg.LookUpLimit <= 0 {
		cfg.LookUpLimit = 60
	}
	if cfg.LookUpWindow <= 0 {
		cfg.LookUpWindow = 10 * time.Minute
	}
	if now == nil {
		now = time.Now
	}
	codec, err := newLaunchCodec(cfg.LaunchCookieSecret)
	if err != nil {
		panic(err) // hkdf fails only for a length SHA-256 cannot give
	}
	s := &Server{cfg: cfg, store: store, pageData: pageData, sp: sp, sessions: ss, log: log, now: now, metrics: newMetrics(), launchCodec: codec}
	s.metrics.registry.MustRegister(cfg.Collectors...)
	return s.routes(), s.metrics.handler()
}
