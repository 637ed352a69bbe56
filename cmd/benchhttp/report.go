package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// measure is one page's run at one scale.
type measure struct {
	Page     string // what the row is called
	Kind     string // kindCeiling, kindPage, kindSearch or kindLookUp
	RPS      float64
	P50, P99 time.Duration
	Failed   int64 // answers other than 2xx/3xx, and socket errors
	// Per request, from the server's counters over the run (zero for the
	// ceiling, which is not the server).
	Allocs, Statements, RoundTrips float64
	ServerCPU, MachineCPU          time.Duration
	PeakRSS                        int64 // the server's, over the run
}

const (
	kindCeiling = "ceiling"
	kindPage    = "page"
	kindSearch  = "search"
	kindLookUp  = "lookup"
)

// scaleRun is every measure of one data set, the ceiling first.
type scaleRun struct {
	Name     string // "demo" or "national"
	Citizens int    // generated citizens beyond the hand-written ones
	LookedUp int    // citizens the look-up run takes in turn
	Measures []measure
}

func (s scaleRun) ceiling() (measure, bool) {
	for _, m := range s.Measures {
		if m.Kind == kindCeiling {
			return m, true
		}
	}
	return measure{}, false
}

func (s scaleRun) find(page string) (measure, bool) {
	for _, m := range s.Measures {
		if m.Page == page {
			return m, true
		}
	}
	return measure{}, false
}

// perRequest divides a counter's growth over a run by the requests served.
func perRequest(d counters, name string) float64 {
	n := d[metricRequests]
	if n <= 0 {
		return 0
	}
	return d[name] / n
}

// The targets of issue 10, point 3, at national scale and 64 connections.
const (
	targetCeilingShare = 0.04
	targetP99          = 40 * time.Millisecond
	targetLookUps      = 1500.0
	targetP99Growth    = 1.3
	targetRSS          = 100 << 20
)

// check is one target, met or missed, with the figures that say by how much.
type check struct {
	Target string
	Met    bool
	Detail string
}

// checkTargets compares the national run (and the demo run, for the p99
// growth) with the targets.
func checkTargets(demo, national scaleRun) []check {
	var out []check
	ceiling, _ := national.ceiling()
	var worstShare, worstP99, worstGrowth measure
	var share, growth float64 = 2, 0
	var rss int64
	for _, m := range national.Measures {
		if m.Kind == kindCeiling {
			continue
		}
		if m.Kind == kindPage && ceiling.RPS > 0 && m.RPS/ceiling.RPS < share {
			share, worstShare = m.RPS/ceiling.RPS, m
		}
		if m.P99 > worstP99.P99 {
			worstP99 = m
		}
		if d, ok := demo.find(m.Page); ok && d.P99 > 0 {
			if g := float64(m.P99) / float64(d.P99); g > growth {
				growth, worstGrowth = g, m
			}
		}
		rss = max(rss, m.PeakRSS)
	}
	if worstShare.Page != "" {
		out = append(out, check{"every citizen page ≥ 4 % of the ceiling's requests/s", share >= targetCeilingShare,
			fmt.Sprintf("lowest: %s %.2f %% (%.0f of %.0f req/s)", worstShare.Page, 100*share, worstShare.RPS, ceiling.RPS)})
	}
	out = append(out, check{"p99 ≤ 40 ms on every page", worstP99.P99 <= targetP99,
		fmt.Sprintf("highest: %s %s", worstP99.Page, ms(worstP99.P99))})
	for _, m := range national.Measures {
		if m.Kind == kindLookUp {
			out = append(out, check{"look-up with a durable access-log write ≥ 1,500/s", m.RPS >= targetLookUps,
				fmt.Sprintf("%s: %.0f/s", m.Page, m.RPS)})
		}
	}
	if worstGrowth.Page != "" {
		out = append(out, check{"p99 at national scale ≤ 1.3 × p99 at demo scale", growth <= targetP99Growth,
			fmt.Sprintf("highest: %s × %.2f", worstGrowth.Page, growth)})
	}
	out = append(out, check{"server RSS ≤ 100 MB", rss <= targetRSS, fmt.Sprintf("peak %s", mb(rss))})
	return out
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }
func us(d time.Duration) string { return fmt.Sprintf("%.0f µs", float64(d)/float64(time.Microsecond)) }
func mb(n int64) string         { return fmt.Sprintf("%.0f MB", float64(n)/(1<<20)) }

// writeTable writes one scale's table in Markdown.
func writeTable(w io.Writer, s scaleRun) {
	ceiling, _ := s.ceiling()
	fmt.Fprintf(w, "### %s scale (%d generated citizens beyond the hand-written ones)\n\n", s.Name, s.Citizens)
	fmt.Fprintf(w, "The look-up run takes %d citizens in turn, each one every caseworker may look up.\n\n", s.LookedUp)
	fmt.Fprintln(w, "| page | req/s | of ceiling | p50 | p99 | allocs/req | statements/req | round trips/req | server CPU/req | machine CPU/req | peak RSS | not 2xx/3xx |")
	fmt.Fprintln(w, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
	for _, m := range s.Measures {
		share := "100 %"
		if m.Kind != kindCeiling && ceiling.RPS > 0 {
			share = fmt.Sprintf("%.2f %%", 100*m.RPS/ceiling.RPS)
		}
		if m.Kind == kindCeiling {
			fmt.Fprintf(w, "| %s | %.0f | %s | %s | %s | | | | | %s | | %d |\n",
				m.Page, m.RPS, share, ms(m.P50), ms(m.P99), us(m.MachineCPU), m.Failed)
			continue
		}
		fmt.Fprintf(w, "| %s | %.0f | %s | %s | %s | %.0f | %.1f | %.1f | %s | %s | %s | %d |\n",
			m.Page, m.RPS, share, ms(m.P50), ms(m.P99), m.Allocs, m.Statements, m.RoundTrips,
			us(m.ServerCPU), us(m.MachineCPU), mb(m.PeakRSS), m.Failed)
	}
	fmt.Fprintln(w)
}

// writeGrowth writes the p99 ratio between the scales, page by page.
func writeGrowth(w io.Writer, demo, national scaleRun) {
	fmt.Fprintln(w, "### p99, national against demo scale")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| page | p99 demo | p99 national | ratio |")
	fmt.Fprintln(w, "|---|--:|--:|--:|")
	for _, n := range national.Measures {
		d, ok := demo.find(n.Page)
		if !ok || d.P99 == 0 {
			continue
		}
		fmt.Fprintf(w, "| %s | %s | %s | %.2f |\n", n.Page, ms(d.P99), ms(n.P99), float64(n.P99)/float64(d.P99))
	}
	fmt.Fprintln(w)
}

func writeChecks(w io.Writer, checks []check) {
	fmt.Fprintln(w, "### Targets (issue 10, point 3)")
	fmt.Fprintln(w)
	for _, c := range checks {
		mark := "met"
		if !c.Met {
			mark = "MISSED"
		}
		fmt.Fprintf(w, "- %s: **%s** — %s\n", c.Target, mark, c.Detail)
	}
	fmt.Fprintln(w)
}

// writeReport writes the whole report: the machine, the settings, a table
// per scale, the p99 growth and the targets.
func writeReport(w io.Writer, when time.Time, machine string, settings []string, runs []scaleRun) {
	fmt.Fprintf(w, "## %s — %s\n\n", when.UTC().Format("2006-01-02 15:04 UTC"), machine)
	fmt.Fprintf(w, "Settings: %s.\n\n", strings.Join(settings, ", "))
	for _, s := range runs {
		writeTable(w, s)
	}
	if len(runs) == 2 {
		writeGrowth(w, runs[0], runs[1])
		writeChecks(w, checkTargets(runs[0], runs[1]))
	}
}
