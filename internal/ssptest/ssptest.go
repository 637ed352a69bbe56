// Package ssptest runs Debian's SimpleSAMLphp as a SAML 2.0 IdP on loopback
// for end-to-end tests: an IdP written by other people, in another language,
// on another XML stack than the product's SP. It serves SimpleSAMLphp with
// `php -S` from a configuration folder in t.TempDir() — config.php,
// authsources.php with exampleauth:UserPass users, and the metadata of the
// IdP and of the SP it trusts — with a key pair made at test time.
//
// `make test` installs SimpleSAMLphp (Makefile target idp-deps); Start fails
// the test, never skips it, when it is missing.
package ssptest

import (
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/keypair"
)

// WWW is the web root of Debian's simplesamlphp package.
const WWW = "/usr/share/simplesamlphp/www"

// Install is what installs SimpleSAMLphp and the PHP it needs on Debian.
const Install = "apt-get install -y simplesamlphp php-cli php-xml php-mbstring php-curl"

// User is an exampleauth:UserPass user. Username and Password must not hold
// a colon (SimpleSAMLphp joins them with one).
type User struct {
	Username, Password string
	// NameID is the persistent NameID the IdP asserts for the user.
	NameID string
	// Attributes are sent as they are, with the URI name format.
	Attributes map[string][]string
}

// Config is the IdP's configuration.
type Config struct {
	Users []User
	// AuthnContextClassRef is the class the IdP asserts for every login;
	// SimpleSAMLphp's own default is PasswordProtectedTransport.
	AuthnContextClassRef string
}

// SP is the service provider the IdP trusts.
type SP struct {
	// MetadataURL is where SimpleSAMLphp reads the SP's metadata, at every
	// request that needs it, and parses it with its own parser.
	MetadataURL string
	// EncryptAssertions turns SimpleSAMLphp's assertion encryption on
	// (AES128-CBC, key transported with RSA-OAEP-MGF1P).
	EncryptAssertions bool
}

// IdP is a running SimpleSAMLphp IdP.
type IdP struct {
	// URL is the IdP's root, http://127.0.0.1:port, with no trailing slash.
	URL string
	// EntityID is the IdP's entity ID, which is also its metadata URL.
	EntityID string
	dir      string
}

// MetadataURL is where the IdP serves its SAML metadata.
func (idp *IdP) MetadataURL() string { return idp.EntityID }

// LogoutURL starts a logout at the IdP (IdP-initiated Single Logout): the
// IdP sends a LogoutRequest to every SP of the browser's session, then
// sends the browser to returnTo, which must be on the IdP's own host.
func (idp *IdP) LogoutURL(returnTo string) string {
	return idp.URL + "/saml2/idp/SingleLogoutService.php?ReturnTo=" + url.QueryEscape(returnTo)
}

// LoggedOutURL is a page of the IdP's own that LogoutURL may return to.
func (idp *IdP) LoggedOutURL() string { return idp.URL + "/logout.php" }

// Log is what SimpleSAMLphp logged (at info level: which messages came and went)
// and what `php -S` wrote, for a failing test to show.
func (idp *IdP) Log() string {
	b, _ := os.ReadFile(filepath.Join(idp.dir, "log", "simplesamlphp.log"))
	return string(b) + "\n--- php -S ---\n" + idp.serverLog()
}

func (idp *IdP) serverLog() string {
	b, _ := os.ReadFile(filepath.Join(idp.dir, "log", "php-server.log"))
	return string(b)
}

// Start runs SimpleSAMLphp as an IdP with cfg until t ends. It trusts no SP
// until TrustSP is called.
func Start(t testing.TB, cfg Config) *IdP {
	t.Helper()
	if err := Installed(); err != nil {
		t.Fatalf("%v: `make test` installs it (as root: %s)", err, Install)
	}
	dir := t.TempDir()
	for _, sub := range []string{"metadata", "log", "data", "tmp", "sessions"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o700); err != nil {
			t.Fatal(err)
		}
	}

	// php -S picks a free port itself when given port 0 and says which on
	// stderr; the configuration, read at every request, is written after.
	// The IdP reads the SP's metadata over http (see TrustSP).
	serverLog, err := os.Create(filepath.Join(dir, "log", "php-server.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer serverLog.Close() // php holds its own copy
	cmd := exec.Command("php", "-d", "allow_url_fopen=1", "-S", "127.0.0.1:0", "-t", WWW)
	cmd.Env = append(os.Environ(), "SIMPLESAMLPHP_CONFIG_DIR="+dir)
	cmd.Stdout, cmd.Stderr = serverLog, serverLog
	if err := cmd.Start(); err != nil {
		t.Fatalf("ssptest: start php -S: %v", err)
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
	})
	idp := &IdP{dir: dir}
	deadline := time.Now().Add(10 * time.Second)
	for idp.URL == "" {
		if m := startedLine.FindStringSubmatch(idp.serverLog()); m != nil {
			idp.URL = m[1]
			continue
		}
		select {
		case <-exited:
			t.Fatalf("ssptest: php -S stopped at start:\n%s", idp.serverLog())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("ssptest: php -S did not start in 10s:\n%s", idp.serverLog())
		}
	}
	idp.EntityID = idp.URL + "/saml2/idp/metadata.php"

	key, cert, err := keypair.Generate(2048, "SimpleSAMLphp-IdP i test (kun test)")
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "idp-key.pem"), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
	writeFile(t, filepath.Join(dir, "idp-cert.pem"), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw}))
	if err := idp.writeConfig(cfg); err != nil {
		t.Fatal(err)
	}
	if err := idp.trust(SP{}); err != nil {
		t.Fatal(err)
	}

	deadline = time.Now().Add(10 * time.Second)
	for {
		status, body, err := get(idp.MetadataURL())
		if err == nil && status == http.StatusOK && strings.Contains(body, "IDPSSODescriptor") {
			return idp
		}
		if time.Now().After(deadline) {
			t.Fatalf("ssptest: no IdP metadata at %s after 10s (status %d, err %v):\n%s\n%s", idp.MetadataURL(), status, err, body, idp.Log())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TrustSP makes the IdP trust sp, in place of any SP it trusted before.
func (idp *IdP) TrustSP(t testing.TB, sp SP) {
	t.Helper()
	if err := idp.trust(sp); err != nil {
		t.Fatal(err)
	}
}

// Installed reports what is missing to run SimpleSAMLphp, or nil.
func Installed() error {
	if _, err := exec.LookPath("php"); err != nil {
		return fmt.Errorf("php is not installed (%w)", err)
	}
	if _, err := os.Stat(filepath.Join(WWW, "_include.php")); err != nil {
		return fmt.Errorf("SimpleSAMLphp is not installed at %s", WWW)
	}
	out, err := exec.Command("php", "-m").Output()
	if err != nil {
		return fmt.Errorf("php -m: %w", err)
	}
	modules := strings.Fields(string(out))
	for _, m := range []string{"dom", "mbstring", "openssl", "SimpleXML"} {
		if !slices.Contains(modules, m) {
			return fmt.Errorf("php lacks the %s extension", m)
		}
	}
	return nil
}

var startedLine = regexp.MustCompile(`Development Server \((http://127\.0\.0\.1:\d+)\) started`)

func get(u string) (int, string, error) {
	c := &http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get(u)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
