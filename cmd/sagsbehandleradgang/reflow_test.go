package main

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
)

// reflowPageCap is the most pages one caseworker's crawl visits; the demo
// citizen's Jobnet has about forty kinds of page.
const reflowPageCap = 80

// At 320 CSS px wide (what 200 % zoom makes of a 640 px window) no citizen
// page scrolls sideways, and axe finds nothing there (WCAG 2.1 AA, 1.4.10
// Reflow; issue 9, point 10). Both kinds of caseworker crawl anna's Jobnet
// from the Forside: every kind of page (one URL per path and set of query
// parameters) is screenshot at 1280 px and at 320 px.
func TestBrowser_EveryPageReflowsAt320px(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	routes := server.CitizenRoutes()
	for _, username := range []string{"berit", "nina"} {
		t.Run(username, func(t *testing.T) {
			b := *b
			b.t = t
			ctx := b.tab()
			b.signIn(ctx, username)
			b.lookUp(ctx, demo.CitizenByKey("anna").CPR, "welcome")

			start := s.BaseURL + "/borger/forside"
			queue := []string{start}
			seen := map[string]bool{reflowKind(start): true}
			var visited []string
			for len(queue) > 0 {
				if len(visited) == reflowPageCap {
					t.Fatalf("more than %d kinds of page: raise reflowPageCap", reflowPageCap)
				}
				page := queue[0]
				queue = queue[1:]
				visited = append(visited, page)
				name := fmt.Sprintf("reflow-%s-%02d-%s", username, len(visited), reflowSlug(page))

				b.do(ctx,
					chromedp.EmulateViewport(1280, 1000),
					chromedp.Navigate(page),
					chromedp.WaitReady(chromedp.CSS("body")),
				)
				links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
					`[...document.querySelectorAll("a[href]")].map(a => a.href)`))
				if err != nil {
					t.Fatalf("links of %s: %v", page, err)
				}
				for _, l := range links {
					u, err := url.Parse(l)
					if err != nil || u.Host != strings.TrimPrefix(strings.TrimPrefix(s.BaseURL, "http://"), "https://") ||
						!strings.HasPrefix(u.Path, "/borger/") {
						continue
					}
					u.Fragment = ""
					if k := reflowKind(u.String()); !seen[k] {
						seen[k] = true
						queue = append(queue, u.String())
					}
				}
				b.screenshot(ctx, name+"-1280")

				b.do(ctx, chromedp.EmulateViewport(320, 800))
				b.noSidewaysScroll(ctx, page)
				b.screenshot(ctx, name+"-320")
				b.checkAccessibility(ctx, page+" at 320 px")
			}
			for _, r := range routes {
				re := regexp.MustCompile("^" + regexp.MustCompile(`\\\{[a-z]+\\\}`).ReplaceAllString(regexp.QuoteMeta(r), "[^/]+") + "$")
				if r == "/borger/" || slices.ContainsFunc(visited, func(p string) bool {
					u, _ := url.Parse(p)
					return re.MatchString(u.Path)
				}) {
					continue
				}
				t.Errorf("the crawl never reached %s", r)
			}
			t.Logf("%d pages", len(visited))
		})
	}
}

var digits = regexp.MustCompile(`[0-9]+`)

// reflowKind names the kind of page a URL shows: its path with numbers
// left out, and the names of its query parameters.
func reflowKind(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	var keys []string
	for k := range u.Query() {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return digits.ReplaceAllString(u.Path, "N") + "?" + strings.Join(keys, "&")
}

// reflowSlug is a file name for a page.
func reflowSlug(raw string) string {
	u, _ := url.Parse(raw)
	p := strings.Trim(strings.TrimPrefix(u.Path, "/borger/"), "/")
	if q := u.Query(); len(q) > 0 {
		var keys []string
		for k := range q {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		p += "-" + strings.Join(keys, "-")
	}
	return strings.NewReplacer("/", "-", "{", "", "}", "").Replace(p)
}

// In the Kalender no word breaks inside, at 1280 px or in the 320 px
// window's scrolling grid, and no word spills out of its day (issue 9,
// point 9): Danish words such as "Ansøgningsfrist" stay whole. Anna's
// months from three months back to one ahead hold meetings, joblog
// entries, plan items and absences.
func TestBrowser_KalenderWordsNeverBreak(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "nina")
	b.lookUp(ctx, demo.CitizenByKey("anna").CPR, "welcome")
	today := minPlanToday()
	entries := 0
	for m := -3; m <= 1; m++ {
		month := kalenderMonthOf(time.Date(today.Year(), today.Month()+time.Month(m), 1, 0, 0, 0, 0, time.UTC))
		for _, width := range []int64{1280, 320} {
			b.do(ctx,
				chromedp.EmulateViewport(width, 1000),
				chromedp.Navigate(s.BaseURL+kalenderPath+"?maaned="+month),
				chromedp.WaitVisible(testid("kalender-grid")),
			)
			type found struct {
				Entries       int
				Broken, Spill []string
			}
			f, err := chromedp.Run(ctx, chromedp.Evaluate[found](kalenderWordCheck))
			if err != nil {
				t.Fatalf("%s at %d px: %v", month, width, err)
			}
			entries += f.Entries
			if len(f.Broken) > 0 {
				t.Errorf("%s at %d px: words broken across lines: %v", month, width, f.Broken)
			}
			if len(f.Spill) > 0 {
				t.Errorf("%s at %d px: days whose words spill out: %v", month, width, f.Spill)
			}
			if m == 0 {
				b.screenshot(ctx, fmt.Sprintf("kalender-ord-%d", width))
			}
		}
	}
	if entries == 0 {
		t.Fatal("no entries in the months looked at")
	}
}

// kalenderWordCheck finds the words of the Kalender's grid that the browser
// laid out on more than one line other than at a hyphen, and the days whose content is wider than
// the day.
const kalenderWordCheck = `(() => {
	const grid = document.querySelector('[data-testid="kalender-grid"]');
	const broken = [], spill = [];
	const walker = document.createTreeWalker(grid, NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		if (n.parentElement.closest(".sr-only")) continue;
		// A word may break after its own hyphen ("CV-|samtale"), nowhere else.
		for (const m of n.data.matchAll(/[^\s-]+-?/g)) {
			const r = document.createRange();
			r.setStart(n, m.index);
			r.setEnd(n, m.index + m[0].length);
			const tops = new Set([...r.getClientRects()].filter(c => c.width > 0).map(c => Math.round(c.top)));
			if (tops.size > 1) broken.push(m[0]);
		}
	}
	for (const td of grid.querySelectorAll("td")) {
		if (td.scrollWidth > td.clientWidth + 1) spill.push(td.dataset.day);
	}
	return {entries: grid.querySelectorAll('[data-testid="kalender-entry"]').length, broken: broken.slice(0, 10), spill: spill};
})()`
