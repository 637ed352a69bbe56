package main

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
)

// The booking-fault report of seed 002 §3.2 is shown as the citizen sees it
// and refused on submit, and the refusal keeps Møder's frame with
// "Tilbage" to Trin 4 (issue 9, points 5 and 8).
func TestBrowser_IndmeldBookingFejlIsShownAndRefused(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "berit")
	b.lookUp(ctx, demo.CitizenByKey("anna").CPR, "welcome")
	b.do(ctx,
		chromedp.Navigate(s.BaseURL+moederPath),
		chromedp.WaitVisible(testid("step-1-form")),
		chromedp.Click(testid("step-1-submit")),
		chromedp.WaitVisible(testid("step-2-form")),
		chromedp.Click(testid("step-2-submit")),
		chromedp.WaitVisible(testid("slot-select")),
	)
	first, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(`[data-testid="slot"]`), "value"))
	if err != nil || first.Value == "" {
		t.Fatalf("first time: %v", err)
	}
	b.do(ctx,
		chromedp.SetValue(testid("slot-select"), first.Value),
		chromedp.Click(testid("step-3-submit")),
		chromedp.WaitVisible(testid("book-form")),
	)
	step4, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	// Folded in, the report is a button beside "Book mødet".
	if got := b.text(ctx, "booking-fault-open"); got != "Indmeld booking-fejl" {
		t.Errorf("button %q", got)
	}
	b.do(ctx,
		chromedp.Click(testid("booking-fault-open")),
		chromedp.WaitVisible(testid("booking-fault-text")),
	)
	b.screenshotWidths(ctx, "moeder-indmeld-booking-fejl", "Møder, Indmeld booking-fejl")
	// The screen reader hears, with the button, that only the citizen can.
	desc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const b = document.querySelector('[data-testid="booking-fault-submit"]');
		return b.getAttribute('aria-describedby').split(' ').map(id => document.getElementById(id).textContent).join(' ');
	})()`))
	if err != nil || desc != "Kun borgeren kan indmelde en booking-fejl." {
		t.Errorf("Indmeld is described as %q (%v)", desc, err)
	}
	max, err := chromedp.Run(ctx, chromedp.AttributeValue(testid("booking-fault-text"), "maxlength"))
	if err != nil || max.Value != "500" {
		t.Errorf("Fejltekst maxlength %q (%v)", max.Value, err)
	}
	b.do(ctx,
		chromedp.SendKeys(testid("booking-fault-text"), "Siden svarede ikke, da jeg trykkede på Book mødet."),
		chromedp.Click(testid("booking-fault-submit")),
		chromedp.WaitVisible(testid("refused-back")),
	)
	if got := b.text(ctx, "message"); got != server.TextActionRefused {
		t.Errorf("Indmeld: %q", got)
	}
	if got := b.text(ctx, "breadcrumb"); got != "ForsidePlaner og aftalerMøderBook et møde" { // the separators are CSS
		t.Errorf("breadcrumb %q", got)
	}
	b.screenshotWidths(ctx, "moeder-indmeld-booking-fejl-afvist", "Indmeld booking-fejl afvist")
	b.do(ctx,
		chromedp.Click(testid("refused-back")),
		chromedp.WaitVisible(testid("book-form")),
	)
	if back, _ := chromedp.Run(ctx, chromedp.Location()); back != step4 {
		t.Errorf("Tilbage led to %s, want Trin 4 %s", back, step4)
	}
}

// A refused action elsewhere (Meld ferie) keeps its page's tab and
// breadcrumb and leads back; the button was described as refused (issue 9,
// point 8).
func TestBrowser_RefusedActionKeepsThePageAndLeadsBack(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "nina")
	b.lookUp(ctx, demo.CitizenByKey("lars").CPR, "welcome")
	b.do(ctx,
		chromedp.Navigate(s.BaseURL+"/borger/planer/meld-ferie"),
		chromedp.WaitVisible(testid("ferie-submit")),
	)
	desc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById(document.querySelector('[data-testid="ferie-submit"]').getAttribute('aria-describedby')).textContent`))
	if err != nil || desc != "Kun borgeren kan melde ferie." {
		t.Errorf("Meld ferie is described as %q (%v)", desc, err)
	}
	b.screenshotWidths(ctx, "afvist-00-meld-ferie", "Meld ferie")
	b.do(ctx,
		chromedp.Click(testid("ferie-submit")),
		chromedp.WaitVisible(testid("refused-back")),
	)
	if got := b.text(ctx, "breadcrumb"); got != "ForsidePlaner og aftalerMeld ferie" { // the separators are CSS
		t.Errorf("breadcrumb %q", got)
	}
	if got := b.text(ctx, "message"); got != server.TextActionRefused {
		t.Errorf("message %q", got)
	}
	b.screenshotWidths(ctx, "afvist-01-meld-ferie", "Meld ferie afvist")
	b.do(ctx,
		chromedp.Click(testid("refused-back")),
		chromedp.WaitVisible(testid("ferie-form")),
	)
}
