package main

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/star-dk/sagsbehandleradgang/internal/launch"
	"github.com/star-dk/sagsbehandleradgang/internal/samlsp"
)

// Config is the whole configuration, read once from the environment and
// flags, and validated before anything starts.
type Config struct {
	Addr         string   // ADDR, -addr
	BaseURL      *url.URL // BASE_URL: how browsers reach us; https turns on Secure cookies and HSTS
	DatabaseURL  string   // DATABASE_URL
	DataDir      string   // DATA_DIR: development keys are generated here
	SAMLKeyFile  string   // SAML_KEY_FILE
	SAMLCertFile string   // SAML_CERT_FILE
	// SAML_NEXT_KEY_FILE, SAML_NEXT_CERT_FILE: the next key pair of an
	// overlapping rollover, published in the metadata and accepted for
	// decryption.
	SAMLNextKeyFile  string
	SAMLNextCertFile string
	IdPMetadataURL   string // IDP_METADATA_URL
	IdPMetadataFile  string // IDP_METADATA_FILE
	// IDP_METADATA_SIGNING_CERT_FILE: PEM certificates, one of which must
	// have signed the IdP metadata; empty: the metadata is not checked.
	IdPMetadataSigningCertFile string
	// SAML_ORG_NAME, SAML_ORG_DISPLAY_NAME, SAML_ORG_URL and SAML_CONTACT_*:
	// named in the SP metadata for the registration with NemLog-in.
	Organization samlsp.Organization
	Contact      samlsp.Contact
	IdPWait      time.Duration // IDP_WAIT: how long to wait for the IdP's metadata at start
	SessionKey   []byte        // SESSION_KEY: at least 32 bytes, hex or base64
	IdleTimeout  time.Duration // SESSION_IDLE_TIMEOUT: 20m, as Jobnet (SPEC §4)
	LookUpLimit  int           // LOOKUP_LIMIT look-ups per LOOKUP_WINDOW per caseworker
	LookUpWindow time.Duration // LOOKUP_WINDOW
	LogLevel     slog.Level    // LOG_LEVEL: debug, info, warn, error
	MetricsAddr  string        // METRICS_ADDR: where /metrics is served; empty: not served
	DemoLogins   bool          // -demo-logins: print the demo caseworkers' logins at start
	// LAUNCH_KEYS_FILE: the case systems' keys for launch tokens, one
	// "case-system-id key" a line (README, "Launch from a case
	// system"); empty: no case system can launch.
	LaunchKeys launch.Keys

	// DATABASE_READ_URL: a streaming replica of DATABASE_URL's primary that
	// serves the citizen's pages; empty: the primary serves them. Sessions,
	// the access rule, the access log and the SAML replay cache always stay
	// on the primary.
	DatabaseReadURL string

	// Failure stays quick: a statement, a wait for a lock and a whole
	// request are cut off after these, and the caseworker gets the 503
	// page instead of a page that never comes. 0 turns one off.
	StatementTimeout time.Duration // DB_STATEMENT_TIMEOUT
	LockTimeout      time.Duration // DB_LOCK_TIMEOUT
	RequestTimeout   time.Duration // REQUEST_TIMEOUT
}

// Development reports whether we serve plain http (localhost development),
// where keys may be generated and cookies cannot be Secure.
func (c Config) Development() bool { return c.BaseURL.Scheme == "http" }

func loadConfig(args []string, getenv func(string) string) (Config, error) {
	env := func(key, def string) string {
		if v := getenv(key); v != "" {
			return v
		}
		return def
	}
	fs := flag.NewFlagSet("sagsbehandleradgang", flag.ContinueOnError)
	addr := fs.String("addr", env("ADDR", "localhost:8080"), "listen address (env ADDR)")
	demo := fs.Bool("demo-logins", false, "print the demo caseworkers' logins at start")
	if err := fs.Parse(args); err != nil {
		return Config{}, err
	}
	c := Config{
		Addr:                       *addr,
		DatabaseURL:                getenv("DATABASE_URL"),
		DataDir:                    env("DATA_DIR", ".data"),
		SAMLKeyFile:                getenv("SAML_KEY_FILE"),
		SAMLCertFile:               getenv("SAML_CERT_FILE"),
		IdPMetadataURL:             getenv("IDP_METADATA_URL"),
		IdPMetadataFile:            getenv("IDP_METADATA_FILE"),
		SAMLNextKeyFile:            getenv("SAML_NEXT_KEY_FILE"),
		SAMLNextCertFile:           getenv("SAML_NEXT_CERT_FILE"),
		IdPMetadataSigningCertFile: getenv("IDP_METADATA_SIGNING_CERT_FILE"),
		DatabaseReadURL:            getenv("DATABASE_READ_URL"),
		DemoLogins:                 *demo,
		MetricsAddr:                getenv("METRICS_ADDR"),
	}
	var errs []error
	base, err := url.Parse(env("BASE_URL", "http://localhost:8080"))
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		errs = append(errs, errors.New("BASE_URL must be an absolute http(s) URL, e.g. https://sagsbehandleradgang.example"))
		base = &url.URL{Scheme: "http", Host: "localhost"}
	}
	c.BaseURL = base
	if c.DatabaseURL == "" {
		errs = append(errs, errors.New("DATABASE_URL is required, e.g. postgres://user@host/sagsbehandleradgang"))
	}
	if c.DatabaseReadURL != "" {
		// The parser's error would quote the URL, password and all.
		if _, err := pgconn.ParseConfig(c.DatabaseReadURL); err != nil {
			errs = append(errs, errors.New("DATABASE_READ_URL must be a PostgreSQL URL, e.g. postgres://user@replica/sagsbehandleradgang, or unset"))
		}
	}
	if c.IdPMetadataURL == "" && c.IdPMetadataFile == "" {
		c.IdPMetadataURL = "http://localhost:8081/metadata"
	}
	if c.IdPMetadataURL != "" && c.IdPMetadataFile != "" {
		errs = append(errs, errors.New("set only one of IDP_METADATA_URL and IDP_METADATA_FILE"))
	}
	if (c.SAMLKeyFile == "") != (c.SAMLCertFile == "") {
		errs = append(errs, errors.New("set both SAML_KEY_FILE and SAML_CERT_FILE, or neither"))
	}
	if c.SAMLKeyFile == "" && !c.Development() {
		errs = append(errs, errors.New("SAML_KEY_FILE and SAML_CERT_FILE are required when BASE_URL is https"))
	}
	if (c.SAMLNextKeyFile == "") != (c.SAMLNextCertFile == "") {
		errs = append(errs, errors.New("set both SAML_NEXT_KEY_FILE and SAML_NEXT_CERT_FILE, or neither"))
	}
	errs = append(errs, c.loadMetadataNames(env)...)
	if c.IdPWait, err = time.ParseDuration(env("IDP_WAIT", "30s")); err != nil {
		errs = append(errs, errors.New("IDP_WAIT must be a duration such as 30s"))
	}
	if c.LookUpLimit, err = strconv.Atoi(env("LOOKUP_LIMIT", "60")); err != nil || c.LookUpLimit < 1 {
		errs = append(errs, errors.New("LOOKUP_LIMIT must be a positive whole number"))
	}
	if c.LookUpWindow, err = time.ParseDuration(env("LOOKUP_WINDOW", "10m")); err != nil || c.LookUpWindow <= 0 {
		errs = append(errs, errors.New("LOOKUP_WINDOW must be a positive duration such as 10m"))
	}
	if c.IdleTimeout, err = time.ParseDuration(env("SESSION_IDLE_TIMEOUT", "20m")); err != nil || c.IdleTimeout < time.Minute {
		errs = append(errs, errors.New("SESSION_IDLE_TIMEOUT must be a duration of at least 1m such as 20m"))
	}
	for _, d := range []struct {
		to   *time.Duration
		name string
		def  string
	}{
		{&c.StatementTimeout, "DB_STATEMENT_TIMEOUT", "5s"},
		{&c.LockTimeout, "DB_LOCK_TIMEOUT", "3s"},
		{&c.RequestTimeout, "REQUEST_TIMEOUT", "10s"},
	} {
		if *d.to, err = time.ParseDuration(env(d.name, d.def)); err != nil || *d.to < 0 {
			errs = append(errs, fmt.Errorf("%s must be a duration such as %s, or 0 for none", d.name, d.def))
		}
	}
	if err := c.LogLevel.UnmarshalText([]byte(env("LOG_LEVEL", "info"))); err != nil {
		errs = append(errs, errors.New("LOG_LEVEL must be debug, info, warn or error"))
	}
	if f := getenv("LAUNCH_KEYS_FILE"); f != "" {
		if c.LaunchKeys, err = readLaunchKeys(f); err != nil {
			errs = append(errs, fmt.Errorf("LAUNCH_KEYS_FILE: %w", err))
		}
	}
	if k := getenv("SESSION_KEY"); k != "" {
		if c.SessionKey, err = decodeKey(k); err != nil {
			errs = append(errs, err)
		}
	} else if !c.Development() {
		errs = append(errs, errors.New("SESSION_KEY is required when BASE_URL is https (32 random bytes, hex or base64)"))
	}
	return c, errors.Join(errs...)
}

// loadMetadataNames reads who runs the SP and whom to contact, for its
// metadata. Development gets placeholders; with https the contact's e-mail
// must be a real one, since NemLog-in registers it.
func (c *Config) loadMetadataNames(env func(key, def string) string) []error {
	var errs []error
	c.Organization = samlsp.Organization{
		Name:        env("SAML_ORG_NAME", "Styrelsen for Arbejdsmarked og Rekruttering"),
		DisplayName: env("SAML_ORG_DISPLAY_NAME", "Sagsbehandleradgang til Jobnet"),
		URL:         env("SAML_ORG_URL", c.BaseURL.String()),
	}
	if u, err := url.Parse(c.Organization.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, errors.New("SAML_ORG_URL must be an absolute http(s) URL"))
	}
	defaultEmail := ""
	if c.Development() {
		defaultEmail = "sagsbehandleradgang@example.invalid"
	}
	c.Contact = samlsp.Contact{
		Company: env("SAML_CONTACT_COMPANY", c.Organization.Name),
		Name:    env("SAML_CONTACT_NAME", "Teknisk kontakt"),
		Email:   env("SAML_CONTACT_EMAIL", defaultEmail),
		Phone:   env("SAML_CONTACT_PHONE", ""),
	}
	if c.Contact.Email == "" {
		errs = append(errs, errors.New("SAML_CONTACT_EMAIL is required when BASE_URL is https: the technical contact NemLog-in registers"))
	} else if a, err := mail.ParseAddress(c.Contact.Email); err != nil || a.Address != c.Contact.Email {
		errs = append(errs, errors.New("SAML_CONTACT_EMAIL must be a plain e-mail address, e.g. drift@example.dk"))
	}
	return errs
}

func readLaunchKeys(path string) (launch.Keys, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return launch.ParseKeys(f)
}

func decodeKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if b, err := hex.DecodeString(s); err == nil && len(b) >= 32 {
		return b, nil
	}
	if b, err := base64.StdEncoding.DecodeString(s); err == nil && len(b) >= 32 {
		return b, nil
	}
	return nil, errors.New("SESSION_KEY must be at least 32 bytes, hex or base64 encoded")
}

// devSessionKey reads or creates the development session key in DATA_DIR,
// so that sessions survive a restart of `make run`.
func devSessionKey(dir string) ([]byte, error) {
	path := filepath.Join(dir, "session.key")
	if b, err := os.ReadFile(path); err == nil {
		return decodeKey(string(b))
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	if err := os.WriteFile(path, []byte(hex.EncodeToString(key)), 0o600); err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	return key, nil
}
