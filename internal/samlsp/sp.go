// Package samlsp is the product's SAML 2.0 Service Provider for NemLog-in /
// MitID Erhverv (OIOSAML 3) and the legacy NemID medarbejdersignatur
// (OIOSAML 2): it publishes the SP metadata, sends signed AuthnRequests,
// checks the IdP's responses at the ACS, maps the asserted attributes into a
// jobnet.Identity, and does Single Logout.
//
// It builds on github.com/crewjam/saml but does not trust it alone: that
// library accepts plaintext assertions, a signed Response around an unsigned
// Assertion, SHA-1 signatures and a missing AudienceRestriction, and keeps no
// replay cache. This package inspects the XML itself and refuses all of
// those before it lets crewjam/saml check the response a second time.
package samlsp

import (
	"context"
	"crypto/hkdf"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/crewjam/saml"
)

// ReplayCache remembers the IDs of assertions already accepted, shared by
// every instance of the server (internal/postgres.SAMLReplayCache).
type ReplayCache interface {
	// Use records an assertion ID until expires; it returns ErrReplayed if
	// the ID was already used.
	Use(ctx context.Context, assertionID string, expires time.Time) error
}

// ErrReplayed is what a ReplayCache returns for an assertion ID it has seen.
var ErrReplayed = errors.New("samlsp: assertion already used")

// Paths of the SP's endpoints below Config.RootURL.
const (
	MetadataPath = "/saml/metadata"
	ACSPath      = "/saml/acs"
	SLOPath      = "/saml/slo"
)

// DefaultReturnTo is where a login lands when no safe local path was given.
const DefaultReturnTo = "/sagsbehandleradgang"

// Config is what New needs. RootURL, Key, Cert, Replay and one of
// IdPMetadataURL and IdPMetadataFile are required.
type Config struct {
	RootURL  *url.URL // e.g. http://localhost:8080; the endpoints are RootURL + MetadataPath, ACSPath, SLOPath
	EntityID string   // defaults to RootURL + MetadataPath
	Key      *rsa.PrivateKey
	Cert     *x509.Certificate
	// NextKey and NextCert are the key pair of an overlapping key rollover:
	// published in the metadata beside Cert, for signing and encryption, and
	// accepted for decryption. Optional.
	NextKey         *rsa.PrivateKey
	NextCert        *x509.Certificate
	IdPMetadataURL  string
	IdPMetadataFile string
	// IdPMetadataCerts, when set, must have signed the IdP metadata: one
	// that is unsigned or signed otherwise is not used.
	IdPMetadataCerts []*x509.Certificate
	// Organization and Contact are named in the SP metadata for the IdP's
	// registration (NemLog-in requires both); left out when empty.
	Organization    Organization
	Contact         Contact
	MetadataRefresh time.Duration // how often the IdP metadata is read again; default 1h
	ClockSkew       time.Duration // allowed difference between the IdP's clock and ours, and the IssueInstant window; default 2m, at most 3m
	Replay          ReplayCache
	Logger          *slog.Logger
	HTTPClient      *http.Client
	Now             func() time.Time
}

// Organization is the organisation behind the SP, as its metadata names it.
type Organization struct {
	Name        string // e.g. Styrelsen for Arbejdsmarked og Rekruttering
	DisplayName string
	URL         string
}

// Contact is the SP's technical contact in its metadata.
type Contact struct {
	Company string
	Name    string
	Email   string
	Phone   string // optional
}

// SP is the service provider. It is safe for concurrent use.
type SP struct {
	cfg        Config
	entityID   string
	acsURL     string
	sloURL     string
	cookiePath string
	cookieKey  []byte
	metadata   []byte // our own metadata document, built once
	idp        atomic.Pointer[idpState]
}

// New checks cfg, loads the IdP metadata once (failing if it cannot) and
// starts a goroutine, stopped by ctx, that reloads it every
// cfg.MetadataRefresh so that the IdP can roll its key over.
func New(ctx context.Context, cfg Config) (*SP, error) {
	if err := cfg.setDefaults(); err != nil {
		return nil, err
	}
	sp := &SP{
		cfg:      cfg,
		entityID: cfg.EntityID,
		acsURL:   cfg.RootURL.JoinPath(ACSPath).String(),
		sloURL:   cfg.RootURL.JoinPath(SLOPath).String(),
	}
	// The tracking cookie goes only to the ACS, so it does not ride along on
	// every other request.
	sp.cookiePath = "/" + strings.TrimPrefix(cfg.RootURL.JoinPath(ACSPath).Path, "/")
	// Every instance behind a load balancer must accept the cookies of the
	// others; deriving the MAC key from the SP key they share gives that
	// without one more secret to configure.
	key, err := hkdf.Key(sha256.New, x509.MarshalPKCS1PrivateKey(cfg.Key), nil, "samlsp request-tracking cookie v1", 32)
	if err != nil {
		return nil, fmt.Errorf("samlsp: derive cookie key: %w", err)
	}
	sp.cookieKey = key
	if sp.metadata, err = sp.buildMetadata(); err != nil {
		return nil, err
	}
	if err := sp.refresh(ctx); err != nil {
		return nil, err
	}
	go sp.refreshLoop(ctx)
	return sp, nil
}

func (cfg *Config) setDefaults() error {
	switch {
	case cfg.RootURL == nil || cfg.RootURL.Scheme == "" || cfg.RootURL.Host == "":
		return errors.New("samlsp: RootURL must be an absolute URL such as https://host")
	case cfg.Key == nil || cfg.Cert == nil:
		return errors.New("samlsp: Key and Cert are required")
	case (cfg.IdPMetadataURL == "") == (cfg.IdPMetadataFile == ""):
		return errors.New("samlsp: set exactly one of IdPMetadataURL and IdPMetadataFile")
	case cfg.Replay == nil:
		return errors.New("samlsp: Replay is required")
	}
	if pub, ok := cfg.Cert.PublicKey.(*rsa.PublicKey); !ok || !pub.Equal(&cfg.Key.PublicKey) {
		return errors.New("samlsp: Cert does not hold the public half of Key")
	}
	if (cfg.NextKey == nil) != (cfg.NextCert == nil) {
		return errors.New("samlsp: set both NextKey and NextCert, or neither")
	}
	if cfg.NextKey != nil {
		if pub, ok := cfg.NextCert.PublicKey.(*rsa.PublicKey); !ok || !pub.Equal(&cfg.NextKey.PublicKey) {
			return errors.New("samlsp: NextCert does not hold the public half of NextKey")
		}
	}
	if cfg.EntityID == "" {
		cfg.EntityID = cfg.RootURL.JoinPath(MetadataPath).String()
	}
	if cfg.MetadataRefresh <= 0 {
		cfg.MetadataRefresh = time.Hour
	}
	if cfg.ClockSkew <= 0 {
		cfg.ClockSkew = 2 * time.Minute
	}
	if cfg.ClockSkew > saml.MaxClockSkew {
		// crewjam/saml's second check would refuse what ours lets through.
		return fmt.Errorf("samlsp: ClockSkew %s is more than crewjam/saml's MaxClockSkew %s", cfg.ClockSkew, saml.MaxClockSkew)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 30 * time.Second}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return nil
}

// EntityID is the SP's entity ID, the audience the IdP must address.
func (sp *SP) EntityID() string { return sp.entityID }

// IdPOrigins are the origins (scheme://host[:port]) of the IdP's SSO and
// SLO endpoints in the current metadata. The Content-Security-Policy's
// form-action must name them: a form whose answer redirects to the IdP (log
// out, say) is blocked otherwise. Read at start, they miss an IdP that
// moves hosts later; that takes a restart.
func (sp *SP) IdPOrigins() []string {
	st := sp.idp.Load()
	var out []string
	for _, s := range []string{st.ssoURL, st.sloURL} {
		u, err := url.Parse(s)
		if err != nil || u.Scheme == "" || u.Host == "" {
			continue
		}
		if o := u.Scheme + "://" + u.Host; !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	return out
}
