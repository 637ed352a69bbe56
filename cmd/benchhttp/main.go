// Command benchhttp is `make bench-http`: it measures the product over HTTP
// the way a caseworker uses it, on the demo data set and on the national one
// (issue 10). It builds each data set once a day on a durable local cluster
// (cmd/devdb without -fast: the access-log write is fsynced, as in
// production), starts the development IdP and the server on it, signs in
// caseworkers through the IdP, and drives every citizen page, a Find Job
// search and the CPR look-up with wrk, each for a fixed time, beside a bare
// chi handler serving a page of the same size: the ceiling of the machine
// in the same run. It prints a table per scale and appends it to
// bench/results.md.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "benchhttp:", err)
		os.Exit(1)
	}
}

type config struct {
	bin         string
	pgdir       string
	citizens    int
	duration    time.Duration
	connections int
	threads     int
	sessions    int
	out         string
	profile     bool
}

func loadConfig(args []string, getenv func(string) string) (config, error) {
	env := func(k, def string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return def
	}
	wd, _ := os.Getwd()
	fs := flag.NewFlagSet("benchhttp", flag.ContinueOnError)
	var c config
	fs.StringVar(&c.bin, "bin", env("BENCH_BIN", "bin"), "folder of the built commands (make build)")
	fs.StringVar(&c.pgdir, "pgdir", env("BENCH_PGDIR", filepath.Join(os.TempDir(), "sba-bench-"+shortHash(wd))), "the benchmark's cluster (env BENCH_PGDIR)")
	citizens := fs.String("citizens", env("BENCH_CITIZENS", "1000000"), "generated citizens of the national data set (env BENCH_CITIZENS)")
	duration := fs.String("duration", env("BENCH_DURATION", "10s"), "load per page (env BENCH_DURATION)")
	conns := fs.String("connections", env("BENCH_CONNECTIONS", "64"), "connections of the load generator (env BENCH_CONNECTIONS)")
	threads := fs.String("threads", env("BENCH_THREADS", "1"), "threads of the load generator (env BENCH_THREADS)")
	sessions := fs.String("sessions", env("BENCH_SESSIONS", "64"), "caseworkers the load is spread over, a session each (env BENCH_SESSIONS)")
	fs.StringVar(&c.out, "out", env("BENCH_OUT", "bench/results.md"), "report to append to (env BENCH_OUT; empty: none)")
	fs.BoolVar(&c.profile, "profile", env("BENCH_PROFILE", "1") == "1", "take a CPU profile of the server on the national Forside (env BENCH_PROFILE)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	var err error
	if c.citizens, err = strconv.Atoi(*citizens); err != nil || c.citizens < 0 {
		return c, fmt.Errorf("BENCH_CITIZENS: %q is not a number of citizens", *citizens)
	}
	if c.duration, err = time.ParseDuration(*duration); err != nil || c.duration < time.Second {
		return c, fmt.Errorf("BENCH_DURATION: %q is not a duration of at least 1s", *duration)
	}
	for _, p := range []struct {
		s    string
		name string
		to   *int
	}{{*conns, "BENCH_CONNECTIONS", &c.connections}, {*threads, "BENCH_THREADS", &c.threads}, {*sessions, "BENCH_SESSIONS", &c.sessions}} {
		if *p.to, err = strconv.Atoi(p.s); err != nil || *p.to < 1 {
			return c, fmt.Errorf("%s: %q is not a positive number", p.name, p.s)
		}
	}
	if c.sessions > demo.MaxBenchCaseworkers {
		return c, fmt.Errorf("BENCH_SESSIONS: %d caseworkers, at most %d", c.sessions, demo.MaxBenchCaseworkers)
	}
	return c, nil
}

// The caseworkers and the citizen of every run: BENCH_SESSIONS bench
// caseworkers (demo.BenchCaseworkers, of Fagenes A-kasse and Jobcenter
// Aarhus in turn), each with a session of their own, so that the
// look-ups are spread over many caseworkers as in real use: one
// caseworker's look-ups take turns (the rate limit holds a lock until the
// access-log write commits), and a real caseworker makes a few, not
// hundreds a second. The data set and the IdP have them only in the bench.
// And Anna, a hand-written case with data on every page, so that both
// scales show the same pages and only the size of the tables around them
// differs. The look-up run is of many citizens (lookUpCitizens), as real
// look-ups are.
const (
	benchCitizen  = "anna"
	findJobSearch = "?fritekst=p%C3%A6dagog"
)

func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	cfg, err := loadConfig(args, getenv)
	if err != nil {
		return err
	}
	if _, err := exec.LookPath("wrk"); err != nil {
		return errors.New("wrk is missing: apt-get install -y wrk (make bench-http does it)")
	}
	admin, err := output(ctx, filepath.Join(cfg.bin, "devdb"), "up", "-dir", cfg.pgdir)
	if err != nil {
		return fmt.Errorf("devdb: %w", err)
	}
	tmp, err := os.MkdirTemp("", "benchhttp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	started := time.Now()
	var runs []scaleRun
	for _, sc := range []struct {
		name     string
		citizens int
	}{{"demo", 0}, {"national", cfg.citizens}} {
		fmt.Fprintf(stdout, "benchhttp: %s scale: preparing the data set (%d generated citizens; built once a day) …\n", sc.name, sc.citizens)
		dsn, err := prepareDatabase(ctx, admin, cfg.bin, sc.name, sc.citizens, cfg.sessions, stdout)
		if err != nil {
			return fmt.Errorf("%s data set: %w", sc.name, err)
		}
		r, err := measureScale(ctx, cfg, dsn, filepath.Join(tmp, sc.name), sc.name, sc.citizens, stdout)
		if err != nil {
			return fmt.Errorf("%s scale: %w", sc.name, err)
		}
		runs = append(runs, r)
		writeTable(stdout, r)
	}
	writeGrowth(stdout, runs[0], runs[1])
	writeChecks(stdout, checkTargets(runs[0], runs[1]))

	if cfg.out == "" {
		return nil
	}
	var report bytes.Buffer
	settings := []string{
		fmt.Sprintf("wrk -t%d -c%d, %s per page", cfg.threads, cfg.connections, cfg.duration),
		fmt.Sprintf("%d caseworkers (bench001 … of A-kasse 22 and Jobcenter Aarhus), a session each, taken in turn, acting for %s", cfg.sessions, benchCitizen),
		"Postgres with fsync and synchronous_commit on",
		fmt.Sprintf("whole run %s", time.Since(started).Round(time.Second)),
	}
	writeReport(&report, started, machine(), settings, runs)
	if p := filepath.Join(filepath.Dir(cfg.out), "forside-national.top.txt"); cfg.profile {
		if top, err := os.ReadFile(p); err == nil {
			fmt.Fprintf(&report, "CPU profile of the server during the national Forside run (`go tool pprof -top`, %s):\n\n```\n%s```\n\n", filepath.Base(p), top)
		}
	}
	if err := os.MkdirAll(filepath.Dir(cfg.out), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(cfg.out, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(report.Bytes()); err != nil {
		f.Close()
		return err
	}
	fmt.Fprintf(stdout, "benchhttp: appended to %s\n", cfg.out)
	return f.Close()
}

// measureScale starts the IdP and the server on dsn, signs in, and runs
// the ceiling and every page.
func measureScale(ctx context.Context, cfg config, dsn, dir, scale string, citizens int, stdout io.Writer) (scaleRun, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return scaleRun{}, err
	}
	idpPort, appPort, metricsPort := freePort(), freePort(), freePort()
	idpURL := "http://127.0.0.1:" + idpPort
	appURL := "http://127.0.0.1:" + appPort
	metricsURL := "http://127.0.0.1:" + metricsPort
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	idp, err := start(ctx, filepath.Join(dir, "devidp.log"), filepath.Join(cfg.bin, "devidp"), nil,
		"-addr", "127.0.0.1:"+idpPort, "-url", idpURL, "-data", filepath.Join(dir, "devidp"), "-sp-metadata", appURL+"/saml/metadata",
		"-bench-caseworkers", strconv.Itoa(cfg.sessions))
	if err != nil {
		return scaleRun{}, err
	}
	defer stopProcess(idp)
	if err := waitFor(ctx, idpURL+"/metadata"); err != nil {
		return scaleRun{}, fmt.Errorf("devidp: %w", err)
	}
	srv, err := start(ctx, filepath.Join(dir, "server.log"), filepath.Join(cfg.bin, "sagsbehandleradgang"), []string{
		"DATABASE_URL=" + dsn,
		"ADDR=127.0.0.1:" + appPort,
		"BASE_URL=" + appURL,
		"IDP_METADATA_URL=" + idpURL + "/metadata",
		"DATA_DIR=" + filepath.Join(dir, "data"),
		"METRICS_ADDR=127.0.0.1:" + metricsPort,
		// The look-up runs its rate-limit check as always (lock and
		// count), with a limit the load does not reach and a window short
		// enough that the count stays as small as a caseworker's.
		"LOOKUP_LIMIT=1000000",
		"LOOKUP_WINDOW=1s",
	})
	if err != nil {
		return scaleRun{}, err
	}
	defer stopProcess(srv)
	if err := waitFor(ctx, appURL+"/readyz"); err != nil {
		return scaleRun{}, fmt.Errorf("server (see %s): %w", filepath.Join(dir, "server.log"), err)
	}

	citizen := demo.CitizenByKey(benchCitizen)
	var cookies []string
	for _, cw := range demo.BenchCaseworkers(cfg.sessions) {
		c, err := signIn(appURL, cw.Username, citizen.CPR)
		if err != nil {
			return scaleRun{}, err
		}
		cookies = append(cookies, c)
	}

	// The ceiling serves the Forside's own bytes, with no work behind them.
	forside, err := fetch(appURL+pages.Forside.Path, cookies[0])
	if err != nil {
		return scaleRun{}, err
	}
	ceilingURL, stopCeiling, err := serveCeiling(forside)
	if err != nil {
		return scaleRun{}, err
	}
	defer stopCeiling()

	pid := srv.Process.Pid
	l := load{Connections: cfg.connections, Threads: cfg.threads, Duration: cfg.duration, Cookies: cookies, Method: http.MethodGet}
	sr := scaleRun{Name: scale, Citizens: citizens}

	warm := l
	warm.URL, warm.Duration = appURL+pages.Forside.Path, min(cfg.duration, 3*time.Second)
	if _, err := runWrk(ctx, dir, warm); err != nil {
		return scaleRun{}, err
	}

	type target struct {
		name, kind string
		l          load
	}
	ceiling := l
	ceiling.URL, ceiling.Cookies = ceilingURL, nil
	targets := []target{{fmt.Sprintf("ceiling: bare chi, %d kB", len(forside)/1024), kindCeiling, ceiling}}
	for _, route := range server.CitizenRoutes() {
		if strings.Contains(route, "{") || route == pages.Root+"/" {
			continue // a page of one item, reached from a list; the redirect to the Forside
		}
		p := l
		p.URL = appURL + route
		targets = append(targets, target{strings.TrimPrefix(route, pages.Root+"/"), kindPage, p})
	}
	search := l
	search.URL = appURL + pages.FindJob.Path + findJobSearch
	targets = append(targets, target{"Find Job search", kindSearch, search})
	lookUp := l
	lookUp.URL, lookUp.Method = appURL+"/sagsbehandleradgang", http.MethodPost
	cprs, err := lookUpCitizens(ctx, dsn, demo.BenchCaseworkers(cfg.sessions), time.Now())
	if err != nil {
		return scaleRun{}, fmt.Errorf("the look-up's citizens: %w", err)
	}
	for _, n := range cprs {
		lookUp.Bodies = append(lookUp.Bodies, url.Values{"cpr": {n}}.Encode())
	}
	sr.LookedUp = len(cprs)
	targets = append(targets, target{"CPR look-up + access-log write", kindLookUp, lookUp})

	for _, t := range targets {
		fmt.Fprintf(stdout, "benchhttp: %s: %s …\n", scale, t.name)
		var profile chan error
		if t.name == "forside" && scale == "national" && cfg.profile {
			profile = make(chan error, 1)
			go func() { profile <- cpuProfile(ctx, cfg, metricsURL, t.l.Duration) }()
		}
		m, err := measureOne(ctx, dir, metricsURL, pid, t.l)
		if err != nil {
			return scaleRun{}, fmt.Errorf("%s: %w", t.name, err)
		}
		if profile != nil {
			if err := <-profile; err != nil {
				fmt.Fprintf(stdout, "benchhttp: CPU profile: %v\n", err)
			}
		}
		m.Page, m.Kind = t.name, t.kind
		if t.kind == kindCeiling {
			m.Allocs, m.Statements, m.RoundTrips, m.ServerCPU, m.PeakRSS = 0, 0, 0, 0, 0
		}
		sr.Measures = append(sr.Measures, m)
	}
	return sr, nil
}

// measureOne runs l and reads the server's counters around it.
func measureOne(ctx context.Context, dir, metricsURL string, pid int, l load) (measure, error) {
	if err := resetPeakRSS(pid); err != nil {
		return measure{}, err
	}
	before, err := scrape(metricsURL + "/metrics")
	if err != nil {
		return measure{}, err
	}
	cpu0, err := machineCPU()
	if err != nil {
		return measure{}, err
	}
	w, err := runWrk(ctx, dir, l)
	if err != nil {
		return measure{}, err
	}
	cpu1, err := machineCPU()
	if err != nil {
		return measure{}, err
	}
	after, err := scrape(metricsURL + "/metrics")
	if err != nil {
		return measure{}, err
	}
	rss, err := peakRSS(pid)
	if err != nil {
		return measure{}, err
	}
	d := after.delta(before)
	m := measure{
		RPS: w.PerSecond, P50: w.P50, P99: w.P99, Failed: w.Non2xx3xx + w.Errors,
		Allocs:     perRequest(d, metricMallocs),
		Statements: perRequest(d, metricStatements),
		RoundTrips: perRequest(d, metricRoundTrips),
		ServerCPU:  time.Duration(perRequest(d, metricCPU) * float64(time.Second)),
		PeakRSS:    rss,
	}
	if w.Requests > 0 {
		m.MachineCPU = time.Duration(float64(cpu1-cpu0) / clockTicks * float64(time.Second) / float64(w.Requests))
	}
	return m, nil
}

// clockTicks is USER_HZ, the unit of /proc/stat: 100 on every Linux
// architecture Go supports.
const clockTicks = 100

// cpuProfile takes the server's CPU profile for most of a run and writes
// it, and its top functions, beside the report.
func cpuProfile(ctx context.Context, cfg config, metricsURL string, d time.Duration) error {
	secs := max(1, int((d - time.Second).Seconds()))
	resp, err := http.Get(fmt.Sprintf("%s/debug/pprof/profile?seconds=%d", metricsURL, secs))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	dir := filepath.Dir(cfg.out)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	prof := filepath.Join(dir, "forside-national.pprof")
	if err := os.WriteFile(prof, b, 0o644); err != nil {
		return err
	}
	top, err := exec.CommandContext(ctx, "go", "tool", "pprof", "-top", "-nodecount=30", filepath.Join(cfg.bin, "sagsbehandleradgang"), prof).Output()
	if err != nil {
		return fmt.Errorf("pprof: %w", err)
	}
	return os.WriteFile(filepath.Join(dir, "forside-national.top.txt"), top, 0o644)
}

// serveCeiling serves body from a bare chi router on a port of its own.
func serveCeiling(body []byte) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	r := chi.NewRouter()
	r.Get("/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(body)
	})
	srv := &http.Server{Handler: r}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + "/", func() { srv.Close() }, nil
}

func fetch(u, cookie string) ([]byte, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Cookie", cookie)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

func freePort() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	_, p, _ := net.SplitHostPort(ln.Addr().String())
	return p
}

func start(ctx context.Context, logFile, name string, env []string, args ...string) (*exec.Cmd, error) {
	f, err := os.Create(logFile)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = f, f
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 20 * time.Second
	if err := cmd.Start(); err != nil {
		f.Close()
		return nil, err
	}
	go func() { cmd.Wait(); f.Close() }()
	return cmd, nil
}

func stopProcess(cmd *exec.Cmd) {
	cmd.Process.Signal(os.Interrupt)
	for range 200 {
		if cmd.ProcessState != nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	cmd.Process.Kill()
}

func waitFor(ctx context.Context, u string) error {
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(u)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s not ready after 60s: %v", u, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func output(ctx context.Context, name string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	return strings.TrimSpace(string(out)), err
}

// machine names the machine for the report: CPU model, cores, memory.
func machine() string {
	model := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		if n, err := statusField(string(b), "MemTotal"); err == nil {
			mem = fmt.Sprintf(", %.0f GB RAM", float64(n)/(1<<30))
		}
	}
	host, _ := os.Hostname()
	return fmt.Sprintf("%s: %d × %s%s, %s/%s", host, runtime.NumCPU(), model, mem, runtime.GOOS, runtime.GOARCH)
}
