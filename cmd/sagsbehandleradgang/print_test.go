package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
)

// printMedia switches the page's CSS media to print ("print") or back to
// the screen ("").
func printMedia(media string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	})
}

// printLayout is what the print test measures of a page, in the browser.
type printLayout struct {
	Shown         []string // of the selectors asked to be hidden, those the browser renders
	Missing       []string // of the selectors asked to be shown, those the browser does not render
	ContentWidth  float64  // the width of <main>'s content box
	SheetWidth    float64  // the width of the page
	ScrollWidth   float64  // the width of what is printed
	Widest        string   // the element that reaches furthest right
	UnreadableBar string   // the text of a Min plan bar that is cut off or light on white paper
}

// printMeasure reads the page's layout as the browser has it now.
func printMeasure(b *browser, ctx context.Context, hidden, shown []string) printLayout {
	b.t.Helper()
	h, _ := json.Marshal(hidden)
	s, _ := json.Marshal(shown)
	js := `(() => {
		const rendered = sel => [...document.querySelectorAll(sel)].some(e => e.checkVisibility());
		const main = document.querySelector("main"), st = getComputedStyle(main);
		let unreadable = "";
		for (const bar of document.querySelectorAll(".mp-bar")) {
			const c = getComputedStyle(bar).color.match(/\d+/g).map(Number);
			const bg = getComputedStyle(bar).backgroundColor;
			const light = c[0] + c[1] + c[2] > 3 * 128;
			const printsBackground = getComputedStyle(bar).printColorAdjust === "exact" && bg !== "rgba(0, 0, 0, 0)";
			if ((light && !printsBackground) || bar.scrollWidth > bar.clientWidth + 1) { unreadable = bar.textContent.trim(); break; }
		}
		return {
			Shown: ` + string(h) + `.filter(rendered),
			Missing: ` + string(s) + `.filter(sel => !rendered(sel)),
			ContentWidth: main.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight),
			SheetWidth: document.documentElement.clientWidth,
			ScrollWidth: document.documentElement.scrollWidth,
			Widest: (() => { let w = null, r = 0; for (const e of document.querySelectorAll("body *")) { const x = e.getBoundingClientRect().right; if (x > r) { r = x; w = e; } } return w ? w.outerHTML.slice(0, 120) + " " + r : ""; })(),
			UnreadableBar: unreadable,
		};
	})()`
	l, err := chromedp.Run(ctx, chromedp.Evaluate[printLayout](js))
	if err != nil {
		b.t.Fatalf("measure the page: %v", err)
	}
	return l
}

// Min plan, the Forberedelsesskema receipt, a Dagpengetællere simulation
// and the CV print out for a meeting (issue 9, point 12): with the print
// media of the browser, no skip link, tabs, breadcrumb, top bar control or
// button is printed, the content spans the sheet, and the timeline's bars
// are readable on white paper, measured at the width of an A4 sheet. Each
// page is saved as a PDF and a screenshot of the print media in
// TEST_OUT/browser/.
func TestBrowser_PagesPrintWithoutNavigationOrButtons(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "nina")
	b.lookUp(ctx, demo.CitizenByKey("anna").CPR, "welcome")

	chrome := []string{".skipnav", `[data-testid="tab-jobsoegning"]`, `[data-testid="breadcrumb"]`,
		`[data-testid="logout"]`, `[data-testid="switch-citizen"]`, "main button", "main .button"}
	for _, pg := range []struct {
		name  string
		open  []chromedp.Action[chromedp.Void]
		extra []string // more to hide
		shown []string
	}{
		{"min-plan", []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(s.BaseURL + "/borger/planer/min-plan"), chromedp.WaitVisible(testid("minplan-timeline")),
		}, []string{`[data-testid="minplan-visning-liste"]`, `[data-testid="minplan-periode"]`, `[data-testid="minplan-prev"]`,
			`[data-testid="minplan-today"]`, `[data-testid="minplan-fold-out"]`, `[data-testid="minplan-find-job"]`},
			[]string{`[data-testid="page-heading"]`, `[data-testid="minplan-jobmaal"]`, `[data-testid="minplan-range"]`,
				`[data-testid="minplan-axis"]`, `[data-testid="minplan-bar"]`, `[data-testid="citizen"]`}},
		{"forberedelsesskema", []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(s.BaseURL + cvPreparationPath), chromedp.WaitVisible(testid("preparation-receipt")),
		}, nil, []string{`[data-testid="page-heading"]`, `[data-testid="preparation-receipt"]`, `[data-testid="preparation-answers"]`}},
		{"dagpenge-simulation", []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(s.BaseURL + dagpengePath), chromedp.WaitVisible(testid("dagpenge-try-submit")),
			chromedp.Click(testid("dagpenge-try-submit")), chromedp.WaitVisible(testid("dagpenge-result")),
		}, []string{`[data-testid="dagpenge-try-submit"]`},
			[]string{`[data-testid="page-heading"]`, `[data-testid="dagpenge-result"]`, `[data-testid="dagpenge-hourglass"]`}},
		{"cv", []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(s.BaseURL + cvPrintPath), chromedp.WaitVisible(testid("cv-document")),
		}, []string{`[data-testid="cv-print-button"]`, `[data-testid="cv-form-export"]`},
			[]string{`[data-testid="cv-document"]`, `[data-testid="cv-experience"]`}},
	} {
		b.do(ctx, printMedia(""), chromedp.EmulateViewport(1280, 1000))
		b.do(ctx, pg.open...)
		// An A4 sheet less print.css's margins of 15 mm: 180 mm, 680 CSS px.
		b.do(ctx, printMedia("print"), chromedp.EmulateViewport(680, 1000))
		l := printMeasure(b, ctx, append(append([]string(nil), chrome...), pg.extra...), pg.shown)
		if len(l.Shown) > 0 {
			t.Errorf("%s prints %q", pg.name, l.Shown)
		}
		if len(l.Missing) > 0 {
			t.Errorf("%s does not print %q", pg.name, l.Missing)
		}
		if l.ContentWidth < l.SheetWidth-1 {
			t.Errorf("%s prints its content %.0f px wide on a page of %.0f px, want the whole width", pg.name, l.ContentWidth, l.SheetWidth)
		}
		if l.ScrollWidth > l.SheetWidth {
			t.Errorf("%s prints %.0f px wide on a page of %.0f px: it is cut off at the right (%s)", pg.name, l.ScrollWidth, l.SheetWidth, l.Widest)
		}
		if l.UnreadableBar != "" {
			t.Errorf("%s: the timeline bar %q is cut off or light on white paper", pg.name, l.UnreadableBar)
		}
		b.screenshot(ctx, "print-"+pg.name)
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
		if err != nil {
			t.Fatalf("%s: print to PDF: %v", pg.name, err)
		}
		if err := os.WriteFile(filepath.Join(b.outDir, "print-"+pg.name+".pdf"), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
