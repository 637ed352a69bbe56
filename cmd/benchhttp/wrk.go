package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// load is one run of the load generator against one URL.
type load struct {
	Method      string
	URL         string
	Bodies      []string // form-encoded, for a POST, taken in turn
	Cookies     []string // "name=value", taken in turn, request by request
	Connections int
	Threads     int
	Duration    time.Duration
}

// wrkResult is what wrk reports about a run.
type wrkResult struct {
	Requests  int64
	PerSecond float64
	P50, P99  time.Duration
	Non2xx3xx int64
	Errors    int64 // socket errors: connect, read, write and timeout
}

// luaScript makes wrk send method, and the bodies and cookies each in
// turn, so that the run is spread over several caseworkers' sessions and,
// for the look-up, over many citizens.
func luaScript(l load) string {
	var b strings.Builder
	luaList := func(name string, items []string) {
		fmt.Fprintf(&b, "local %s = {", name)
		for i, c := range items {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%q", c)
		}
		b.WriteString("}\n")
	}
	luaList("cookies", l.Cookies)
	luaList("bodies", l.Bodies)
	b.WriteString("local i, j = 0, 0\n")
	fmt.Fprintf(&b, "wrk.method = %q\n", l.Method)
	headers := "{}"
	if len(l.Bodies) > 0 {
		headers = `{["Content-Type"] = "application/x-www-form-urlencoded"}`
	}
	fmt.Fprintf(&b, "local headers = %s\n", headers)
	b.WriteString(`request = function()
  if #cookies > 0 then
    i = i % #cookies + 1
    headers["Cookie"] = cookies[i]
  end
  local body = nil
  if #bodies > 0 then
    j = j % #bodies + 1
    body = bodies[j]
  end
  return wrk.format(nil, nil, headers, body)
end
`)
	return b.String()
}

// runWrk runs wrk (Debian's package) for l and reads its report.
func runWrk(ctx context.Context, dir string, l load) (wrkResult, error) {
	script := filepath.Join(dir, "load.lua")
	if err := os.WriteFile(script, []byte(luaScript(l)), 0o600); err != nil {
		return wrkResult{}, err
	}
	cmd := exec.CommandContext(ctx, "wrk", "--latency", "-t", strconv.Itoa(l.Threads), "-c", strconv.Itoa(l.Connections),
		"-d", fmt.Sprintf("%ds", int(l.Duration.Seconds())), "--timeout", "10s", "-s", script, l.URL)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return wrkResult{}, fmt.Errorf("wrk: %v: %s", err, out)
	}
	return parseWrk(string(out))
}

// parseWrk reads the report of `wrk --latency`.
func parseWrk(out string) (wrkResult, error) {
	var r wrkResult
	var seen struct{ rps, p50, p99, reqs bool }
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		var err error
		switch {
		case len(f) == 2 && f[0] == "50%":
			r.P50, err = parseWrkDuration(f[1])
			seen.p50 = true
		case len(f) == 2 && f[0] == "99%":
			r.P99, err = parseWrkDuration(f[1])
			seen.p99 = true
		case len(f) == 2 && f[0] == "Requests/sec:":
			r.PerSecond, err = strconv.ParseFloat(f[1], 64)
			seen.rps = true
		case len(f) >= 3 && f[1] == "requests" && f[2] == "in":
			r.Requests, err = strconv.ParseInt(f[0], 10, 64)
			seen.reqs = true
		case len(f) == 5 && f[0] == "Non-2xx":
			r.Non2xx3xx, err = strconv.ParseInt(f[4], 10, 64)
		case len(f) >= 2 && f[0] == "Socket" && f[1] == "errors:":
			// Socket errors: connect 0, read 0, write 0, timeout 0
			for i := 2; i+1 < len(f); i += 2 {
				n, perr := strconv.ParseInt(strings.TrimSuffix(f[i+1], ","), 10, 64)
				if perr != nil {
					err = perr
					break
				}
				r.Errors += n
			}
		}
		if err != nil {
			return wrkResult{}, fmt.Errorf("wrk report: %q: %w", sc.Text(), err)
		}
	}
	if !seen.rps || !seen.p50 || !seen.p99 || !seen.reqs {
		return wrkResult{}, fmt.Errorf("wrk report incomplete (run with --latency):\n%s", out)
	}
	return r, nil
}

// parseWrkDuration reads wrk's durations: "812.00us", "1.05ms", "2.10s",
// "1.00m".
func parseWrkDuration(s string) (time.Duration, error) {
	for _, u := range []struct {
		suffix string
		unit   time.Duration
	}{{"us", time.Microsecond}, {"ms", time.Millisecond}, {"s", time.Second}, {"m", time.Minute}, {"h", time.Hour}} {
		if v, ok := strings.CutSuffix(s, u.suffix); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return 0, err
			}
			return time.Duration(f * float64(u.unit)), nil
		}
	}
	return 0, fmt.Errorf("unknown duration %q", s)
}
