package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

const wrkReport = `Running 10s test @ http://127.0.0.1:8080/borger/forside
  1 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    88.60ms   40.10ms 415.20ms   70.12%
    Req/Sec   725.10    120.30     1.00k    68.00%
  Latency Distribution
     50%   85.31ms
     75%  110.20ms
     90%  140.00ms
     99%  812.00us
  7240 requests in 10.01s, 130.16MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 12
Requests/sec:    723.28
Transfer/sec:     13.00MB
`

func TestParseWrkReadsRateLatencyAndFailures(t *testing.T) {
	r, err := parseWrk(wrkReport)
	if err != nil {
		t.Fatal(err)
	}
	want := wrkResult{Requests: 7240, PerSecond: 723.28, P50: 85310 * time.Microsecond, P99: 812 * time.Microsecond, Non2xx3xx: 12, Errors: 5}
	if r != want {
		t.Fatalf("parseWrk = %+v, want %+v", r, want)
	}
}

func TestParseWrkRefusesAReportWithoutLatencies(t *testing.T) {
	noLatency := strings.Replace(wrkReport, "     99%  812.00us\n", "", 1)
	if _, err := parseWrk(noLatency); err == nil {
		t.Fatal("a report without the 99th percentile was accepted")
	}
}

func TestParseWrkDurationUnits(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"812.00us": 812 * time.Microsecond, "1.50ms": 1500 * time.Microsecond, "2.00s": 2 * time.Second, "1.00m": time.Minute,
	} {
		if got, err := parseWrkDuration(in); err != nil || got != want {
			t.Errorf("parseWrkDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := parseWrkDuration("12parsecs"); err == nil {
		t.Error("an unknown unit was accepted")
	}
}

func TestParseMetricsSumsTheSeriesOfAMetric(t *testing.T) {
	text := `# HELP sagsbehandleradgang_http_requests_total HTTP requests.
# TYPE sagsbehandleradgang_http_requests_total counter
sagsbehandleradgang_http_requests_total{method="GET",route="/borger/forside",status="200"} 1000
sagsbehandleradgang_http_requests_total{method="GET",route="/borger/planer",status="200"} 24
go_memstats_mallocs_total 5.5e+06
sagsbehandleradgang_db_statements_total 12000
`
	c, err := parseMetrics(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if c[metricRequests] != 1024 || c[metricMallocs] != 5.5e6 || c[metricStatements] != 12000 {
		t.Fatalf("parseMetrics = %v", c)
	}
	before := counters{metricRequests: 24, metricMallocs: 500_000, metricStatements: 2000}
	d := c.delta(before)
	if got := perRequest(d, metricMallocs); got != 5000 {
		t.Errorf("allocations per request = %v, want 5000", got)
	}
	if got := perRequest(d, metricStatements); got != 10 {
		t.Errorf("statements per request = %v, want 10", got)
	}
	if got := perRequest(counters{}, metricStatements); got != 0 {
		t.Errorf("per request of no requests = %v, want 0", got)
	}
}

func TestProcFields(t *testing.T) {
	status := "Name:\tsagsbehandleradgang\nVmPeak:\t 1300000 kB\nVmHWM:\t   40960 kB\nVmRSS:\t   30000 kB\n"
	if n, err := statusField(status, "VmHWM"); err != nil || n != 40960*1024 {
		t.Errorf("VmHWM = %d, %v; want %d", n, err, 40960*1024)
	}
	if _, err := statusField(status, "VmSwap"); err == nil {
		t.Error("a missing field was found")
	}
	// user nice system idle iowait irq softirq steal guest guest_nice
	stat := "cpu  100 5 50 1000 40 3 2 1 7 0\ncpu0 50 2 25 500 20 1 1 0 3 0\n"
	if n, err := busyTicks(stat); err != nil || n != 100+5+50+3+2+1 {
		t.Errorf("busy ticks = %d, %v; want 161", n, err)
	}
}

func TestCheckTargets(t *testing.T) {
	demo := scaleRun{Name: "demo", Measures: []measure{
		{Page: "ceiling", Kind: kindCeiling, RPS: 50000},
		{Page: "forside", Kind: kindPage, P99: 20 * time.Millisecond},
		{Page: "joblog", Kind: kindPage, P99: 10 * time.Millisecond},
		{Page: "look-up", Kind: kindLookUp, P99: 30 * time.Millisecond},
	}}
	national := scaleRun{Name: "national", Measures: []measure{
		{Page: "ceiling", Kind: kindCeiling, RPS: 50000, P99: 5 * time.Millisecond},
		{Page: "forside", Kind: kindPage, RPS: 2500, P99: 24 * time.Millisecond, PeakRSS: 60 << 20},
		{Page: "joblog", Kind: kindPage, RPS: 1500, P99: 15 * time.Millisecond, PeakRSS: 120 << 20},
		{Page: "look-up", Kind: kindLookUp, RPS: 1600, P99: 45 * time.Millisecond},
	}}
	got := map[string]check{}
	for _, c := range checkTargets(demo, national) {
		got[c.Target] = c
	}
	for target, want := range map[string]struct {
		met    bool
		detail string
	}{
		"every citizen page ≥ 4 % of the ceiling's requests/s": {false, "joblog 3.00 %"},
		"p99 ≤ 40 ms on every page":                            {false, "look-up 45.0 ms"},
		"look-up with a durable access-log write ≥ 1,500/s":    {true, "1600/s"},
		"p99 at national scale ≤ 1.3 × p99 at demo scale":      {false, "joblog × 1.50"},
		"server RSS ≤ 100 MB":                                  {false, "120 MB"},
	} {
		c, ok := got[target]
		if !ok {
			t.Errorf("no check %q", target)
			continue
		}
		if c.Met != want.met || !strings.Contains(c.Detail, want.detail) {
			t.Errorf("%s: met %v (%s), want %v with %q", target, c.Met, c.Detail, want.met, want.detail)
		}
	}
}

func TestReportNamesTheMachineAndEveryPage(t *testing.T) {
	runs := []scaleRun{
		{Name: "demo", Measures: []measure{{Page: "ceiling", Kind: kindCeiling, RPS: 40000}, {Page: "forside", Kind: kindPage, RPS: 2000, P99: 10 * time.Millisecond}}},
		{Name: "national", Citizens: 1000000, Measures: []measure{{Page: "ceiling", Kind: kindCeiling, RPS: 40000}, {Page: "forside", Kind: kindPage, RPS: 1000, P99: 20 * time.Millisecond, Statements: 4, RoundTrips: 2}}},
	}
	var b bytes.Buffer
	writeReport(&b, time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC), "testmaskine", []string{"wrk -t1 -c64"}, runs)
	out := b.String()
	for _, want := range []string{
		"2026-12-02 09:00 UTC — testmaskine",
		"| forside | 1000 | 2.50 % |",            // the ratio to the ceiling
		"| 4.0 | 2.0 |",                          // statements and round trips
		"| forside | 10.0 ms | 20.0 ms | 2.00 |", // the p99 growth
		"1000000 generated citizens",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestLuaScriptTakesTheCookiesAndBodiesInTurn(t *testing.T) {
	s := luaScript(load{Method: "POST", Bodies: []string{"cpr=1203854417", "cpr=0507794128"}, Cookies: []string{"sba_session=a", "sba_session=b"}})
	for _, want := range []string{`"sba_session=a", "sba_session=b"`, `"cpr=1203854417", "cpr=0507794128"`, `wrk.method = "POST"`,
		"i % #cookies + 1", "j % #bodies + 1", "wrk.format(nil, nil, headers, body)", "application/x-www-form-urlencoded"} {
		if !strings.Contains(s, want) {
			t.Errorf("script lacks %q:\n%s", want, s)
		}
	}
	if get := luaScript(load{Method: "GET"}); strings.Contains(get, "Content-Type") {
		t.Errorf("a GET says it has a form body:\n%s", get)
	}
}

func TestTemplateNameChangesWithTheDayAndTheSize(t *testing.T) {
	day := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	a := templateName("national", 1000000, 64, day)
	if a != templateName("national", 1000000, 64, day.Add(time.Hour)) {
		t.Error("the name changed within the day")
	}
	if a == templateName("national", 1000000, 64, day.AddDate(0, 0, 1)) {
		t.Error("the next day reuses the data set dated today")
	}
	if a == templateName("national", 20000, 64, day) {
		t.Error("two sizes share a name")
	}
	if a == templateName("national", 1000000, 9, day) {
		t.Error("a data set with 9 bench caseworkers serves a run of 64")
	}
	if !strings.HasPrefix(a, "bench_national_") {
		t.Errorf("name %q is not the scale's: older ones would not be dropped", a)
	}
}

func TestLoadConfigRefusesNonsense(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	c, err := loadConfig(nil, env(map[string]string{"BENCH_CITIZENS": "20000", "BENCH_DURATION": "3s"}))
	if err != nil || c.citizens != 20000 || c.duration != 3*time.Second || c.connections != 64 || c.sessions != 64 {
		t.Fatalf("loadConfig = %+v, %v", c, err)
	}
	for _, bad := range []map[string]string{{"BENCH_CITIZENS": "lots"}, {"BENCH_DURATION": "10ms"}, {"BENCH_CONNECTIONS": "0"}, {"BENCH_SESSIONS": "1000"}} {
		if _, err := loadConfig(nil, env(bad)); err == nil {
			t.Errorf("%v was accepted", bad)
		}
	}
}

func TestWithDatabase(t *testing.T) {
	got := withDatabase("postgres://postgres@/postgres?host=%2Ftmp%2Fsba-bench&sslmode=disable", "benchrun_demo")
	if want := "postgres://postgres@/benchrun_demo?host=%2Ftmp%2Fsba-bench&sslmode=disable"; got != want {
		t.Fatalf("withDatabase = %s, want %s", got, want)
	}
}
