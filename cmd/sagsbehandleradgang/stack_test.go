package main

import (
	"bytes"
	"context"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/devidp"
	"github.com/star-dk/sagsbehandleradgang/internal/keypair"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
)

// stack is the whole product on loopback: the server as `run` starts it,
// the development IdP and a fresh database with the demo data.
type stack struct {
	BaseURL string
	IdPURL  string
	// MetricsURL is where the metrics are served, apart from BaseURL.
	MetricsURL string
	Owner      *pgxpool.Pool // to inspect tables and to break things on purpose
	logs       *syncBuffer
	env        map[string]string
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startStack starts the product; extra environment variables override the
// defaults.
func startStack(t *testing.T, extraEnv ...string) *stack {
	t.Helper()
	return startStackOn(t, pgtest.NewDemoDatabase(t), extraEnv...)
}

// startStackOn is startStack on the database dsn, which holds the demo data.
func startStackOn(t *testing.T, dsn string, extraEnv ...string) *stack {
	t.Helper()
	idpLn := listen(t)
	appLn := listen(t)
	metricsLn := listen(t)
	s := &stack{
		BaseURL:    "http://localhost:" + port(appLn),
		IdPURL:     "http://localhost:" + port(idpLn),
		MetricsURL: "http://localhost:" + port(metricsLn) + "/metrics",
		Owner:      pgtest.OwnerPool(t, dsn),
		logs:       &syncBuffer{},
	}

	key, cert, err := keypair.Generate(2048, "udviklings-IdP i test (kun test)")
	if err != nil {
		t.Fatal(err)
	}
	idp, err := devidp.New(devidp.Config{
		BaseURL:     s.IdPURL,
		SPMetadata:  []string{s.BaseURL + "/saml/metadata"},
		Key:         key,
		Certificate: cert,
		Logger:      slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	idpSrv := &http.Server{Handler: idp}
	go idpSrv.Serve(idpLn)
	t.Cleanup(func() { idpSrv.Close() })

	// The IdP signs its metadata, and the product checks the signature, as
	// with NemLog-in.
	idpCertFile := filepath.Join(t.TempDir(), "idp-cert.pem")
	if err := os.WriteFile(idpCertFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{
		"DATABASE_URL":                   dsn,
		"BASE_URL":                       s.BaseURL,
		"IDP_METADATA_URL":               s.IdPURL + "/metadata",
		"IDP_METADATA_SIGNING_CERT_FILE": idpCertFile,
		"DATA_DIR":                       t.TempDir(),
		"LOG_LEVEL":                      "debug",
	}
	for _, kv := range extraEnv {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	s.env = env
	s.startServer(t, appLn, metricsLn)
	return s
}

// startInstance starts one more instance of the product, as a second server
// behind the load balancer: the same configuration, keys and database, its
// own port. It returns the instance's URL.
func (s *stack) startInstance(t *testing.T) string {
	t.Helper()
	ln := listen(t)
	s.startServer(t, ln, nil)
	return "http://localhost:" + port(ln)
}

// startServer runs the product on ln (and its metrics on metricsLn, if
// any) until the test ends, and waits until it is ready.
func (s *stack) startServer(t *testing.T, ln, metricsLn net.Listener) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	runCtx := withListener(ctx, ln)
	if metricsLn != nil {
		runCtx = withMetricsListener(runCtx, metricsLn)
	}
	// done is closed when run returns, with its error in runErr, so that
	// both the wait below and the cleanup can see it.
	done := make(chan struct{})
	var runErr error
	go func() {
		defer close(done)
		runErr = run(runCtx, nil, func(k string) string { return s.env[k] }, s.logs)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
		if runErr != nil && !errors.Is(runErr, context.Canceled) {
			t.Errorf("server stopped with: %v", runErr)
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get("http://localhost:" + port(ln) + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case <-done:
			t.Fatalf("server did not start: %v\n%s", runErr, s.logs)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not ready after 30s\n%s", s.logs)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func listen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

func port(ln net.Listener) string {
	_, p, _ := net.SplitHostPort(ln.Addr().String())
	return p
}

// client is a caseworker's browser without JavaScript: it follows
// redirects, keeps cookies and submits forms.
type client struct {
	t    *testing.T
	s    *stack
	http *http.Client
}

// secureJar stores and sends Secure cookies over plain http to localhost,
// as browsers do; Go's cookiejar never sends them over http (TOOLING.md).
type secureJar struct{ *cookiejar.Jar }

func asHTTPS(u *url.URL) *url.URL {
	c := *u
	c.Scheme = "https"
	return &c
}

func (j secureJar) SetCookies(u *url.URL, cookies []*http.Cookie) {
	j.Jar.SetCookies(asHTTPS(u), cookies)
}
func (j secureJar) Cookies(u *url.URL) []*http.Cookie { return j.Jar.Cookies(asHTTPS(u)) }

func (s *stack) newClient(t *testing.T) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, s: s, http: &http.Client{Jar: secureJar{jar}, Timeout: 20 * time.Second}}
}

// page is a response with its body read.
type page struct {
	Status int
	URL    string
	Body   string
	Header http.Header
	Doc    *goquery.Document
}

func (c *client) do(req *http.Request) page {
	c.t.Helper()
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	doc, _ := goquery.NewDocumentFromReader(bytes.NewReader(b))
	return page{Status: resp.StatusCode, URL: resp.Request.URL.String(), Body: string(b), Header: resp.Header, Doc: doc}
}

func (c *client) get(path string) page {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.abs(path), nil)
	return c.do(req)
}

func (c *client) post(path string, form url.Values) page {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.abs(path), strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

func (c *client) abs(path string) string {
	if strings.HasPrefix(path, "http") {
		return path
	}
	return c.s.BaseURL + path
}

// submit posts the form found by selector on p, with fields overriding its
// inputs, to the form's action.
func (c *client) submit(p page, selector string, fields url.Values) page {
	c.t.Helper()
	form := p.Doc.Find(selector)
	if form.Length() == 0 {
		c.t.Fatalf("no form %q on %s (status %d):\n%s", selector, p.URL, p.Status, p.Body)
	}
	values := url.Values{}
	form.Find("input").Each(func(_ int, in *goquery.Selection) {
		name, _ := in.Attr("name")
		value, _ := in.Attr("value")
		if name != "" {
			values.Set(name, value)
		}
	})
	for k, v := range fields {
		values[k] = v
	}
	action, _ := form.Attr("action")
	base, _ := url.Parse(p.URL)
	target, _ := base.Parse(action)
	return c.post(target.String(), values)
}

// login signs in through the development IdP as a demo caseworker and
// returns the page the product shows after the ACS.
func (c *client) login(username string) page {
	c.t.Helper()
	p := c.get("/sagsbehandleradgang")
	if !strings.HasPrefix(p.URL, c.s.IdPURL) {
		c.t.Fatalf("not sent to the IdP to sign in: at %s (%d)", p.URL, p.Status)
	}
	p = c.submit(p, `form[data-testid="login-form"]`, url.Values{"username": {username}, "password": {demo.Password}})
	return c.submit(p, `form[data-testid="saml-post-form"]`, nil)
}

// lookUp types a CPR number on the CPR page and presses "Log ind som denne borger".
func (c *client) lookUp(cpr string) page {
	c.t.Helper()
	return c.post("/sagsbehandleradgang", url.Values{"cpr": {cpr}})
}

func text(p page, testid string) string {
	return strings.TrimSpace(p.Doc.Find(fmt.Sprintf(`[data-testid=%q]`, testid)).Text())
}

// adminPool connects to the test cluster's maintenance database.
func (s *stack) adminPool(t *testing.T) *pgxpool.Pool {
	t.Helper()
	pool, err := pgxpool.New(context.Background(), os.Getenv(pgtest.EnvAdminURL))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return pool
}

func (s *stack) databaseName(t *testing.T) string {
	t.Helper()
	var name string
	if err := s.Owner.QueryRow(context.Background(), `SELECT current_database()`).Scan(&name); err != nil {
		t.Fatal(err)
	}
	return name
}

// actingFor signs in as the demo caseworker and looks up the demo citizen:
// the caseworker is then on the citizen's Forside.
func (s *stack) actingFor(t *testing.T, username, citizenKey string) *client {
	t.Helper()
	c := s.newClient(t)
	c.login(username)
	if p := c.lookUp(demo.CitizenByKey(citizenKey).CPR); p.Status != http.StatusOK {
		t.Fatalf("%s looking up %s: status %d", username, citizenKey, p.Status)
	}
	return c
}

var whitespace = regexp.MustCompile(`\s+`)

// textIn is the text of the first element with the test id inside sel, as a
// user reads it: whitespace collapsed.
func textIn(sel *goquery.Selection, testid string) string {
	return strings.TrimSpace(whitespace.ReplaceAllString(sel.Find(`[data-testid="`+testid+`"]`).First().Text(), " "))
}
