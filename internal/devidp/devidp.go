// Package devidp is the local development SAML identity provider: it lets a
// developer or a browser test sign in as one of the demo caseworkers and
// asserts their professional identity in the OIOSAML 3 (NemLog-in 3) or
// OIOSAML 2 (NemID medarbejdersignatur) shape, or as one of the demo
// citizens with an OIOSAML 3 person identity (MitID, cprNumber). It never
// decides access; the product does.
//
// It is built on crewjam/saml's IdentityProvider and adds what that one
// leaves out: AuthnRequest signature checks, RSA-SHA256 signatures, an
// encrypted and signed assertion, Danish attributes, and Single Logout.
// It is a test tool: sessions live in memory and every password is
// demo.Password.
package devidp

import (
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/crewjam/saml"
	dsig "github.com/russellhaering/goxmldsig"
)

// Config is what the IdP needs. BaseURL, SPMetadata, Key and Certificate
// are required.
type Config struct {
	// BaseURL is where browsers reach the IdP, e.g. "http://localhost:8081",
	// without a path. The entity ID is BaseURL + "/metadata".
	BaseURL string
	// SPMetadata lists the service providers the IdP serves: each is an
	// http(s) URL of SP metadata, fetched when first needed and again when
	// it is old or no longer matches, or the path of a metadata file.
	SPMetadata []string
	// Key and Certificate sign the IdP's messages (keypair.LoadOrCreate).
	Key         *rsa.PrivateKey
	Certificate *x509.Certificate
	// Logger defaults to slog.Default().
	Logger *slog.Logger
	// HTTPClient fetches SP metadata; it defaults to one with a timeout.
	HTTPClient *http.Client
	// BenchCaseworkers lets demo.BenchCaseworkers(n) sign in too, for
	// `make bench-http`.
	BenchCaseworkers int
}

// IdP is the development identity provider. It is an http.Handler serving
// /metadata, /sso, /login, /slo, / and /static/.
type IdP struct {
	base     *url.URL
	entityID string
	saml     *saml.IdentityProvider
	sps      *spRegistry
	store    *store
	log      *slog.Logger
	secure   bool // cookies get Secure when the IdP runs on https
	users    *directory
	mux      *http.ServeMux
}

// New checks cfg and builds the IdP.
func New(cfg Config) (*IdP, error) {
	base, err := url.Parse(strings.TrimSuffix(cfg.BaseURL, "/"))
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("devidp: base URL %q must be an absolute http(s) URL", cfg.BaseURL)
	}
	if base.Path != "" || base.RawQuery != "" {
		return nil, fmt.Errorf("devidp: base URL %q must not have a path or query", cfg.BaseURL)
	}
	if len(cfg.SPMetadata) == 0 {
		return nil, errors.New("devidp: no SP metadata configured")
	}
	if cfg.Key == nil || cfg.Certificate == nil {
		return nil, errors.New("devidp: key and certificate are required")
	}
	if pub, ok := cfg.Certificate.PublicKey.(*rsa.PublicKey); !ok || !pub.Equal(&cfg.Key.PublicKey) {
		return nil, errors.New("devidp: certificate does not belong to the key")
	}
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	client := cfg.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}

	entityID := base.String() + "/metadata"
	p := &IdP{
		base:     base,
		entityID: entityID,
		sps:      newSPRegistry(cfg.SPMetadata, client, log),
		store:    newStore(),
		log:      log,
		secure:   base.Scheme == "https",
		users:    newDirectory(cfg.BenchCaseworkers),
	}
	metadataURL, ssoURL, sloURL := p.url("/metadata"), p.url("/sso"), p.url("/slo")
	p.saml = &saml.IdentityProvider{
		Key:                     cfg.Key,
		Certificate:             cfg.Certificate,
		Logger:                  slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		MetadataURL:             *metadataURL,
		SSOURL:                  *ssoURL,
		LogoutURL:               *sloURL,
		ServiceProviderProvider: p.sps,
		AssertionMaker:          assertionMaker{entityID: entityID, users: p.users},
		// samlidp and crewjam's IdentityProvider default to RSA-SHA1.
		SignatureMethod: dsig.RSASHA256SignatureMethod,
	}

	mux := http.NewServeMux()
	mux.Handle("GET /{$}", p.handle(p.serveHome))
	mux.Handle("GET /metadata", p.handle(p.serveMetadata))
	mux.Handle("GET /sso", p.handle(p.serveSSO))
	mux.Handle("POST /sso", p.handle(p.serveSSO))
	mux.Handle("POST /login", p.handle(p.serveLogin))
	mux.Handle("GET /slo", p.handle(p.serveSLO))
	mux.Handle("POST /slo", p.handle(p.serveSLO))
	mux.Handle("GET /static/", http.FileServerFS(staticFS))
	p.mux = mux
	return p, nil
}

// ServeHTTP implements http.Handler.
func (p *IdP) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mux.ServeHTTP(w, r)
}

// EntityID is the IdP's entity ID, which is also its metadata URL.
func (p *IdP) EntityID() string { return p.entityID }

func (p *IdP) url(path string) *url.URL {
	u := *p.base
	u.Path = path
	return &u
}
