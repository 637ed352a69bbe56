package main

import (
	"context"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"github.com/prometheus/client_golang/prometheus"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"path/filepath"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/keypair"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
	"github.com/star-dk/sagsbehandleradgang/internal/samlsp"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
	"github.com/star-dk/sagsbehandleradgang/internal/session"
	"github.com/star-dk/sagsbehandleradgang/migrations"
)

// run starts the server and blocks until ctx ends; tests call it directly.
// A listener may be passed in through ctx (see withListener) so that tests
// can use a free port.
func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	cfg, err := loadConfig(args, getenv)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewJSONHandler(stdout, &slog.HandlerOptions{Level: cfg.LogLevel}))

	if err := migrate(ctx, cfg.DatabaseURL); err != nil {
		return err
	}
	timeouts := postgres.Timeouts{Statement: cfg.StatementTimeout, Lock: cfg.LockTimeout}
	pool, err := postgres.Open(ctx, cfg.DatabaseURL, timeouts)
	if err != nil {
		return err
	}
	defer pool.Close()
	store := postgres.NewStore(pool)
	pageData := store
	if cfg.DatabaseReadURL != "" {
		reader, err := postgres.OpenReader(ctx, cfg.DatabaseReadURL, timeouts)
		if err != nil {
			return err
		}
		defer reader.Close()
		pageData = postgres.NewStore(reader)
	}

	key, cert, err := samlKeys(cfg)
	if err != nil {
		return err
	}
	var nextKey *rsa.PrivateKey
	var nextCert *x509.Certificate
	if cfg.SAMLNextKeyFile != "" {
		if nextKey, nextCert, err = keypair.Load(cfg.SAMLNextKeyFile, cfg.SAMLNextCertFile); err != nil {
			return fmt.Errorf("next SAML key pair: %w", err)
		}
	}
	var metadataCerts []*x509.Certificate
	if cfg.IdPMetadataSigningCertFile != "" {
		if metadataCerts, err = readCertificates(cfg.IdPMetadataSigningCertFile); err != nil {
			return fmt.Errorf("IDP_METADATA_SIGNING_CERT_FILE: %w", err)
		}
	}
	if cfg.SessionKey == nil {
		if cfg.SessionKey, err = devSessionKey(cfg.DataDir); err != nil {
			return fmt.Errorf("session key: %w", err)
		}
	}
	sp, err := newSP(ctx, cfg, samlsp.Config{
		RootURL:          cfg.BaseURL,
		Key:              key,
		Cert:             cert,
		NextKey:          nextKey,
		NextCert:         nextCert,
		IdPMetadataURL:   cfg.IdPMetadataURL,
		IdPMetadataFile:  cfg.IdPMetadataFile,
		IdPMetadataCerts: metadataCerts,
		Organization:     cfg.Organization,
		Contact:          cfg.Contact,
		Replay:           postgres.SAMLReplayCache{Pool: pool},
		Logger:           log,
	}, log)
	if err != nil {
		return err
	}
	sessions := session.NewStore(pool, cfg.SessionKey, session.Options{Secure: !cfg.Development(), IdleTimeout: cfg.IdleTimeout,
		SubjectOf: server.SessionSubject, RefsOf: server.SessionRefs, Preload: postgres.QueueSessionViewer})
	handler, metrics := server.New(server.Config{
		HTTPS:              !cfg.Development(),
		FormActionOrigins:  sp.IdPOrigins(),
		LookUpLimit:        cfg.LookUpLimit,
		LookUpWindow:       cfg.LookUpWindow,
		RequestTimeout:     cfg.RequestTimeout,
		LaunchKeys:         cfg.LaunchKeys,
		LaunchCookieSecret: cfg.SessionKey,
		Collectors:         []prometheus.Collector{postgres.Collector(pool)},
	}, store, pageData, sp, sessions, log, time.Now)

	ln, ok := ctx.Value(listenerKey{}).(net.Listener)
	if !ok {
		if ln, err = net.Listen("tcp", cfg.Addr); err != nil {
			return err
		}
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	go cleanUp(ctx, log, sessions)
	if err := serveMetrics(ctx, cfg, metrics, log); err != nil {
		return err
	}

	log.Info("serving", "url", cfg.BaseURL.String(), "addr", ln.Addr().String())
	if cfg.DemoLogins {
		printDemoLogins(stdout, cfg.BaseURL.String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Graceful shutdown: finish the requests under way.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	log.Info("shutting down")
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

type listenerKey struct{}

type metricsListenerKey struct{}

// withMetricsListener makes run serve the metrics on ln.
func withMetricsListener(ctx context.Context, ln net.Listener) context.Context {
	return context.WithValue(ctx, metricsListenerKey{}, ln)
}

// serveMetrics serves the Prometheus metrics on METRICS_ADDR (or a
// listener given by a test) until ctx ends; without either, none are served.
func serveMetrics(ctx context.Context, cfg Config, h http.Handler, log *slog.Logger) error {
	ln, ok := ctx.Value(metricsListenerKey{}).(net.Listener)
	if !ok {
		if cfg.MetricsAddr == "" {
			return nil
		}
		var err error
		if ln, err = net.Listen("tcp", cfg.MetricsAddr); err != nil {
			return fmt.Errorf("metrics: %w", err)
		}
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", h)
	// The CPU profile, on the same internal port: `make bench-http` takes
	// one where a page misses its target.
	mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("metrics", "err", err)
		}
	}()
	log.Info("serving metrics", "addr", ln.Addr().String())
	return nil
}

// withListener makes run serve on ln instead of listening on ADDR.
func withListener(ctx context.Context, ln net.Listener) context.Context {
	return context.WithValue(ctx, listenerKey{}, ln)
}

func migrate(ctx context.Context, dsn string) error {
	owner, err := postgres.OpenOwner(ctx, dsn)
	if err != nil {
		return err
	}
	defer owner.Close()
	return migrations.Up(ctx, owner)
}

// samlKeys loads the SP's key pair from the configured files, or in
// development makes one on first start in DATA_DIR.
func samlKeys(cfg Config) (*rsa.PrivateKey, *x509.Certificate, error) {
	if cfg.SAMLKeyFile != "" {
		return keypair.Load(cfg.SAMLKeyFile, cfg.SAMLCertFile)
	}
	return keypair.LoadOrCreate(filepath.Join(cfg.DataDir, "sp"), "sp", "Sagsbehandleradgang til Jobnet, udvikling (kun test)")
}

// readCertificates reads the PEM certificates in path: one at least.
func readCertificates(path string) ([]*x509.Certificate, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var certs []*x509.Certificate
	for {
		var block *pem.Block
		if block, data = pem.Decode(data); block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, err
		}
		certs = append(certs, c)
	}
	if len(certs) == 0 {
		return nil, fmt.Errorf("%s holds no PEM certificate", path)
	}
	return certs, nil
}

// newSP makes the SAML SP, waiting a while for the IdP's metadata: in
// development the IdP may start a moment after us.
func newSP(ctx context.Context, cfg Config, spCfg samlsp.Config, log *slog.Logger) (*samlsp.SP, error) {
	deadline := time.Now().Add(cfg.IdPWait)
	for {
		sp, err := samlsp.New(ctx, spCfg)
		if err == nil || time.Now().After(deadline) {
			return sp, err
		}
		log.Info("waiting for the IdP's metadata", "err", err)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// cleanUp removes expired sessions and replay-cache entries now and then.
func cleanUp(ctx context.Context, log *slog.Logger, sessions *session.Store) {
	t := time.NewTicker(5 * time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := sessions.DeleteExpired(ctx); err != nil {
				log.Warn("delete expired sessions", "err", err)
			} else if n > 0 {
				log.Debug("deleted expired sessions", "count", n)
			}
		}
	}
}

func printDemoLogins(w io.Writer, baseURL string) {
	fmt.Fprintf(w, "\nSagsbehandleradgang til Jobnet kører på %s/sagsbehandleradgang\n", baseURL)
	fmt.Fprintf(w, "Log ind i udviklings-IdP'en med en af disse brugere (adgangskode %q):\n", demo.Password)
	for _, c := range demo.Caseworkers {
		fmt.Fprintf(w, "  %-8s %-16s %s\n", c.Username, c.Name, c.Description)
	}
	fmt.Fprintln(w, "De opdigtede demoborgere og deres CPR-numre står i README.md.")
	fmt.Fprintf(w, "En demoborger ser sin Historik → Login på %s/min-side: log ind med borgerens\n", baseURL)
	fmt.Fprintln(w, "fornavn med små bogstaver (anna, bo, … maja) og samme adgangskode.")
	fmt.Fprintln(w)
}
