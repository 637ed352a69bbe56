package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
)

// browser is a headless Debian chromium on the real server, IdP and
// database (TOOLING.md has the flags that run it as root here).
type browser struct {
	t      *testing.T
	s      *stack
	alloc  context.Context // the started browser
	outDir string
}

func newBrowser(t *testing.T, s *stack) *browser {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium is not installed: `make test` installs it (apt-get install -y chromium)")
	}
	dir, err := os.MkdirTemp("", "sba-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(1280, 1000),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("no-first-run", true),
	)
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(func() {
		cancel()
		// Chromium's helpers may still write for a moment after it stops.
		for range 50 {
			if os.RemoveAll(dir) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	out := os.Getenv("TEST_OUT")
	if out == "" {
		out = t.TempDir()
	}
	out = filepath.Join(out, "browser")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	// Start the browser once; each tab then gets a browser context of its own.
	browserCtx, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(browserCtx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return &browser{t: t, s: s, alloc: browserCtx, outDir: out}
}

// tab opens a tab in a fresh browser context: a caseworker with no cookies.
func (b *browser) tab() context.Context {
	b.t.Helper()
	ctx, cancel := chromedp.NewContext(b.alloc, chromedp.WithNewBrowserContext())
	b.t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	b.t.Cleanup(cancel)
	return ctx
}

func (b *browser) do(ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		b.t.Fatalf("browser at %s: %v", loc, err)
	}
}

func testid(id string) chromedp.CSS { return chromedp.CSS(fmt.Sprintf(`[data-testid=%q]`, id)) }

func (b *browser) text(ctx context.Context, id string) string {
	b.t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(testid(id)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", id, err)
	}
	return strings.Join(strings.Fields(s), " ")
}

// screenshot saves the page into the test's output folder.
func (b *browser) screenshot(ctx context.Context, name string) {
	b.t.Helper()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100 means PNG
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.outDir, name+".png"), buf, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// checkAccessibility runs axe-core on the page and fails on any violation
// (SPEC §8: WCAG 2.1 AA, no axe-core violations).
func (b *browser) checkAccessibility(ctx context.Context, page string) {
	b.t.Helper()
	path := os.Getenv("AXE_JS")
	if path == "" {
		path = "../../testdata/axe/node_modules/axe-core/axe.min.js"
	}
	src, err := os.ReadFile(path)
	if err != nil {
		b.t.Fatalf("axe-core is not installed (%v): `make test` installs it", err)
	}
	await := func(p *runtime.EvaluateParams) { p.AwaitPromise = new(true) }
	res, err := chromedp.Run(ctx, chromedp.Evaluate[string](string(src)+`;
		axe.run(document).then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(" "))}))))`, await))
	if err != nil {
		b.t.Fatalf("axe on %s: %v", page, err)
	}
	var violations []struct {
		ID     string   `json:"id"`
		Impact string   `json:"impact"`
		Nodes  []string `json:"nodes"`
	}
	if err := json.Unmarshal([]byte(res), &violations); err != nil {
		b.t.Fatalf("axe result: %v", err)
	}
	for _, v := range violations {
		b.t.Errorf("%s: axe violation %s (%s) at %v", page, v.ID, v.Impact, v.Nodes)
	}
}

// signIn goes to the product and signs in at the development IdP.
func (b *browser) signIn(ctx context.Context, username string) {
	b.t.Helper()
	b.do(ctx,
		chromedp.Navigate(b.s.BaseURL+"/sagsbehandleradgang"),
		chromedp.WaitVisible(chromedp.ID("username")),
		chromedp.SendKeys(chromedp.ID("username"), username),
		chromedp.SendKeys(chromedp.ID("password"), demo.Password),
		chromedp.Click(chromedp.CSS(`[data-testid="login-form"] button[type="submit"]`)),
	)
}

func (b *browser) lookUp(ctx context.Context, cpr string, waitFor string) {
	b.t.Helper()
	b.do(ctx,
		chromedp.WaitVisible(testid("cpr-input")),
		chromedp.SendKeys(testid("cpr-input"), cpr),
		chromedp.Click(testid("cpr-submit")),
		chromedp.WaitVisible(testid(waitFor)),
	)
}

func TestBrowser_AkasseCaseworker(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()

	b.signIn(ctx, "berit")
	b.do(ctx, chromedp.WaitVisible(testid("cpr-input")))
	if got := b.text(ctx, "page-heading"); got != "Se Jobnet som borgeren ser det" {
		t.Errorf("heading %q", got)
	}
	b.screenshot(ctx, "akasse-01-cpr-side")
	b.checkAccessibility(ctx, "CPR-siden")

	anna := demo.CitizenByKey("anna")
	b.lookUp(ctx, anna.CPR[:6]+"-"+anna.CPR[6:], "welcome")
	if got := b.text(ctx, "citizen"); !strings.Contains(got, "På vegne af borger: Anna Jensen") {
		t.Errorf("top bar: %q", got)
	}
	if got := b.text(ctx, "caseworker"); !strings.Contains(got, "Berit Hansen") {
		t.Errorf("caseworker: %q", got)
	}
	if got := b.text(ctx, "welcome"); !strings.Contains(got, "Anna Jensen") {
		t.Errorf("welcome: %q", got)
	}
	b.screenshot(ctx, "akasse-02-forside")
	b.checkAccessibility(ctx, "Forside")

	b.do(ctx, chromedp.Click(testid("tab-jobsoegning")), chromedp.WaitVisible(testid("tile-joblog")))
	if got := b.text(ctx, "breadcrumb"); !strings.Contains(got, "Forside") || !strings.Contains(got, "Jobsøgning") {
		t.Errorf("breadcrumb: %q", got)
	}
	b.screenshot(ctx, "akasse-03-jobsoegning")
	b.checkAccessibility(ctx, "Jobsøgning")
	b.do(ctx, chromedp.Click(testid("tab-planer")), chromedp.WaitVisible(testid("tile-historik")))
	b.screenshot(ctx, "akasse-04-planer-og-aftaler")
	b.checkAccessibility(ctx, "Planer og aftaler")

	// Skift til anden borger, and a member of another a-kasse.
	b.do(ctx, chromedp.Click(testid("switch-citizen")), chromedp.WaitVisible(testid("cpr-input")))
	b.lookUp(ctx, demo.CitizenByKey("emma").CPR, "refusal")
	if got := b.text(ctx, "refusal"); got != refusalText {
		t.Errorf("refusal: %q", got)
	}
	b.screenshot(ctx, "akasse-05-ingen-rettigheder")
	b.checkAccessibility(ctx, "afvisningen")

	b.do(ctx, chromedp.Click(testid("logout")), chromedp.WaitVisible(testid("login-again")))
	b.screenshot(ctx, "akasse-06-logget-ud")
	b.checkAccessibility(ctx, "Logget ud")
}

func TestBrowser_JobcenterCaseworker(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "nina")
	b.lookUp(ctx, demo.CitizenByKey("lars").CPR, "welcome")
	if got := b.text(ctx, "organisation"); got != "Jobcenter Aarhus" {
		t.Errorf("organisation: %q", got)
	}
	if got := b.text(ctx, "citizen"); !strings.Contains(got, "Lars Winther") {
		t.Errorf("top bar: %q", got)
	}
	b.screenshot(ctx, "jobcenter-01-forside")
}

func TestBrowser_CaseworkerWithTwoOrganisationsPicksOne(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "mads")
	b.do(ctx, chromedp.WaitVisible(testid("org-submit")))
	b.screenshot(ctx, "flere-organisationer-01-vaelg")
	b.checkAccessibility(ctx, "Vælg organisation")
	var jobcenterID int64
	if err := s.Owner.QueryRow(context.Background(), `SELECT id FROM organisations WHERE name = 'Jobcenter Aarhus'`).Scan(&jobcenterID); err != nil {
		t.Fatal(err)
	}
	b.do(ctx,
		chromedp.Click(testid(fmt.Sprintf("org-choice-%d", jobcenterID))),
		chromedp.Click(testid("org-submit")),
		chromedp.WaitVisible(testid("cpr-input")),
	)
	if got := b.text(ctx, "organisation"); got != "Jobcenter Aarhus" {
		t.Errorf("organisation after picking: %q", got)
	}
	b.lookUp(ctx, demo.CitizenByKey("lars").CPR, "welcome")
	b.screenshot(ctx, "flere-organisationer-02-forside")
}

func TestBrowser_AndenAktorAndInactiveUserAreRefused(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	for _, tc := range []struct{ username, want string }{
		{"ole", "anden aktør"},
		{"kirsten", "deaktiveret"},
	} {
		ctx := b.tab()
		b.signIn(ctx, tc.username)
		b.do(ctx, chromedp.WaitVisible(testid("message")))
		if got := b.text(ctx, "message"); !strings.Contains(got, tc.want) {
			t.Errorf("%s: message %q, want it to say %q", tc.username, got, tc.want)
		}
		b.screenshot(ctx, "ingen-adgang-"+tc.username)
		b.checkAccessibility(ctx, "ingen adgang ("+tc.username+")")
	}
}

// The caseworker walks the Jobsøgning tab as the citizen would: Forside,
// the tab, and every page behind its tiles, each screenshot and checked
// with axe-core.
func TestBrowser_WalksTheJobsoegningTab(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "berit")
	b.lookUp(ctx, demo.CitizenByKey("anna").CPR, "welcome")
	b.screenshot(ctx, "jobsoegning-00-forside")
	b.checkAccessibility(ctx, "Forside")

	pages := []struct{ tile, heading string }{
		{"tile-find-job", "Find Job"},
		{"tile-jeg-soeger-job-som", "Jeg søger job som"},
		{"tile-joblog", "Joblog"},
		{"tile-cv", "Mit CV"},
		{"tile-praesentations-cv", "Ingen adgang"},
		{"tile-forberedelsesskema", "Forberedelsesskema"},
		{"tile-job-i-europa", "Job i Europa"},
	}
	for i, pg := range pages {
		b.do(ctx,
			chromedp.Click(testid("tab-jobsoegning")),
			chromedp.WaitVisible(testid(pg.tile)),
		)
		if i == 0 {
			b.screenshot(ctx, "jobsoegning-01-oversigt")
		}
		b.do(ctx,
			chromedp.Click(testid(pg.tile)),
			chromedp.WaitVisible(testid("breadcrumb")),
		)
		heading := b.text(ctx, "page-heading")
		if !strings.Contains(strings.ToLower(heading), strings.ToLower(pg.heading)) {
			t.Errorf("%s leads to a page headed %q, want %q", pg.tile, heading, pg.heading)
		}
		if crumb := b.text(ctx, "breadcrumb"); !strings.Contains(crumb, "Jobsøgning") {
			t.Errorf("%s: breadcrumb %q", pg.tile, crumb)
		}
		b.screenshot(ctx, fmt.Sprintf("jobsoegning-%02d-%s", i+2, strings.TrimPrefix(pg.tile, "tile-")))
		b.checkAccessibility(ctx, pg.heading)
	}
}

// The caseworker walks the Planer og aftaler tab: every page behind its
// tiles, each screenshot and checked with axe-core.
func TestBrowser_WalksThePlanerTab(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "berit")
	b.lookUp(ctx, demo.CitizenByKey("anna").CPR, "welcome")

	pages := []struct{ tile, heading string }{
		{"tile-min-plan", "Min plan"},
		{"tile-moeder", "Møder"},
		{"tile-kalender", "Kalender"},
		{"tile-beskeder", "Min beskedbakke"},
		{"tile-fravaer", "Aktuelt fravær"},
		{"tile-meld-ferie", "Ferie"},
		{"tile-meld-syg-rask", "Meld syg"},
		{"tile-til-og-afmelding", "Til- og afmelding"},
		{"tile-dagpengetaellere", "Dagpengetællere"},
		{"tile-supplerende-dagpenge", "supplerende dagpenge"},
		{"tile-historik", "Ingen adgang"},
	}
	for i, pg := range pages {
		b.do(ctx,
			chromedp.Click(testid("tab-planer")),
			chromedp.WaitVisible(testid(pg.tile)),
		)
		if i == 0 {
			b.screenshot(ctx, "planer-00-oversigt")
			b.checkAccessibility(ctx, "Planer og aftaler")
		}
		b.do(ctx,
			chromedp.Click(testid(pg.tile)),
			chromedp.WaitVisible(testid("breadcrumb")),
		)
		heading := b.text(ctx, "page-heading")
		if !strings.Contains(strings.ToLower(heading), strings.ToLower(pg.heading)) {
			t.Errorf("%s leads to a page headed %q, want %q", pg.tile, heading, pg.heading)
		}
		if crumb := b.text(ctx, "breadcrumb"); !strings.Contains(crumb, "Planer og aftaler") {
			t.Errorf("%s: breadcrumb %q", pg.tile, crumb)
		}
		b.screenshot(ctx, fmt.Sprintf("planer-%02d-%s", i+1, strings.TrimPrefix(pg.tile, "tile-")))
		b.checkAccessibility(ctx, heading)
	}
}

// screenshotWidths saves the page as it looks 320 px and 1280 px wide
// (issue 9: every page at both widths), checks it with axe-core at each,
// and that it does not scroll sideways.
func (b *browser) screenshotWidths(ctx context.Context, name, page string) {
	b.t.Helper()
	for _, w := range []struct {
		px     int64
		suffix string
	}{{320, "-320"}, {1280, "-1280"}} {
		b.do(ctx, chromedp.EmulateViewport(w.px, 900))
		b.noSidewaysScroll(ctx, page+" at "+w.suffix[1:]+" px")
		b.screenshot(ctx, name+w.suffix)
		b.checkAccessibility(ctx, page+" ("+w.suffix[1:]+" px)")
	}
}

// noSidewaysScroll fails the test when the page is wider than the window
// (WCAG 2.1 1.4.10, reflow), naming the elements that stick out.
func (b *browser) noSidewaysScroll(ctx context.Context, page string) {
	b.t.Helper()
	type widths struct {
		Scroll, Inner int
		Wide          []string
	}
	w, err := chromedp.Run(ctx, chromedp.Evaluate[widths](reflowMeasure))
	if err != nil {
		b.t.Fatalf("measure %s: %v", page, err)
	}
	if w.Scroll > w.Inner {
		b.t.Errorf("%s scrolls sideways: scrollWidth %d > innerWidth %d; too wide: %s",
			page, w.Scroll, w.Inner, strings.Join(w.Wide, ", "))
	}
}

// reflowMeasure returns the document's width, the window's, and the
// outermost elements that reach past the window's right edge outside a
// scrolling region, and those positioned past it.
const reflowMeasure = `(() => {
	const inner = window.innerWidth;
	const wide = [];
	const past = el => el.getBoundingClientRect().right > inner + 0.5;
	for (const el of document.querySelectorAll("body, body *")) {
		const p = el.parentElement;
		if (past(el) && ((p && !past(p) && !["auto", "scroll"].includes(getComputedStyle(p).overflowX)) ||
				["absolute", "fixed"].includes(getComputedStyle(el).position))) {
			const r = el.getBoundingClientRect();
			wide.push(el.tagName.toLowerCase() + (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "") +
				(el.dataset.testid ? "[data-testid=" + el.dataset.testid + "]" : "") + " (" + Math.round(r.right) + " px)");
		}
	}
	return {scroll: document.documentElement.scrollWidth, inner: inner, wide: wide.slice(0, 8)};
})()`

// scriptsDisabled turns the tab's JavaScript off or on.
func scriptsDisabled(off bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: off})
		return err
	})
}
