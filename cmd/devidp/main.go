// Command devidp is the local SAML identity provider for development and
// browser tests: sign in as one of the demo caseworkers and arrive at the
// product with an OIOSAML 3 or OIOSAML 2 professional identity. See
// internal/devidp. Not for production: every password is "demo".
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/devidp"
	"github.com/star-dk/sagsbehandleradgang/internal/keypair"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "devidp:", err)
		os.Exit(1)
	}
}

// config is read once from flags, which default to the environment.
type config struct {
	addr       string
	baseURL    string
	dataDir    string
	spMetadata []string
	bench      int
}

func loadConfig(args []string, getenv func(string) string, out io.Writer) (config, error) {
	env := func(name, def string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return def
	}
	fs := flag.NewFlagSet("devidp", flag.ContinueOnError)
	fs.SetOutput(out)
	addr := fs.String("addr", env("DEVIDP_ADDR", "localhost:8081"), "address to listen on (env DEVIDP_ADDR)")
	baseURL := fs.String("url", getenv("DEVIDP_URL"), "base URL browsers use; the entity ID is this + /metadata (env DEVIDP_URL; default http://<addr>)")
	dataDir := fs.String("data", env("DEVIDP_DATA", ".data/devidp"), "folder for the IdP's key and certificate, made at first start (env DEVIDP_DATA)")
	spMetadata := fs.String("sp-metadata", env("DEVIDP_SP_METADATA", "http://localhost:8080/saml/metadata"),
		"comma-separated SP metadata URLs or files; URLs are fetched when first needed (env DEVIDP_SP_METADATA)")
	bench := fs.String("bench-caseworkers", getenv("DEVIDP_BENCH_CASEWORKERS"),
		"also let the bench caseworkers bench001 … of make bench-http sign in, this many (env DEVIDP_BENCH_CASEWORKERS)")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	if fs.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	cfg := config{addr: *addr, baseURL: *baseURL, dataDir: *dataDir}
	if cfg.baseURL == "" {
		host, port, err := net.SplitHostPort(cfg.addr)
		if err != nil {
			return config{}, fmt.Errorf("DEVIDP_ADDR %q: %w", cfg.addr, err)
		}
		if host == "" {
			host = "localhost"
		}
		cfg.baseURL = "http://" + net.JoinHostPort(host, port)
	}
	for s := range strings.SplitSeq(*spMetadata, ",") {
		if s = strings.TrimSpace(s); s != "" {
			cfg.spMetadata = append(cfg.spMetadata, s)
		}
	}
	if len(cfg.spMetadata) == 0 {
		return config{}, errors.New("DEVIDP_SP_METADATA names no SP metadata")
	}
	if cfg.dataDir == "" {
		return config{}, errors.New("DEVIDP_DATA is empty")
	}
	if *bench != "" {
		n, err := strconv.Atoi(*bench)
		if err != nil || n < 0 || n > demo.MaxBenchCaseworkers {
			return config{}, fmt.Errorf("DEVIDP_BENCH_CASEWORKERS %q: a number from 0 to %d", *bench, demo.MaxBenchCaseworkers)
		}
		cfg.bench = n
	}
	return cfg, nil
}

// run starts the IdP and serves until ctx is cancelled, then shuts down
// gracefully.
func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	cfg, err := loadConfig(args, getenv, stdout)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stdout, nil))

	key, cert, err := keypair.LoadOrCreate(cfg.dataDir, "idp", devidpCertName)
	if err != nil {
		return err
	}
	idp, err := devidp.New(devidp.Config{
		BaseURL:     cfg.baseURL,
		SPMetadata:  cfg.spMetadata,
		Key:         key,
		Certificate: cert,
		Logger:      log,

		BenchCaseworkers: cfg.bench,
	})
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: idp, ReadHeaderTimeout: 10 * time.Second}
	log.Info("devidp: listening", "addr", ln.Addr().String(), "metadata", idp.EntityID(),
		"sp_metadata", strings.Join(cfg.spMetadata, ","), "data", cfg.dataDir)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	log.Info("devidp: stopped")
	return nil
}

// devidpCertName is the common name of the IdP's generated certificate.
const devidpCertName = "Sagsbehandleradgang udviklings-IdP (kun test)"
