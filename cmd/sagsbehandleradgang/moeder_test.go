package main

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
	"github.com/star-dk/sagsbehandleradgang/web/views"
	"golang.org/x/net/html"
)

const moederPath = "/borger/planer/moeder"

// moederText is the text of sel as a user reads it: blocks apart,
// whitespace collapsed.
func moederText(sel *goquery.Selection) string {
	inline := map[string]bool{"a": true, "span": true, "strong": true, "em": true, "b": true, "i": true}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		block := n.Type == html.ElementNode && !inline[n.Data]
		if block {
			b.WriteString(" ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteString(" ")
		}
	}
	for _, n := range sel.Nodes {
		walk(n)
	}
	return strings.TrimSpace(whitespace.ReplaceAllString(b.String(), " "))
}

func moederAll(p page, testid string) []string {
	var out []string
	p.Doc.Find(`[data-testid="` + testid + `"]`).Each(func(_ int, s *goquery.Selection) {
		out = append(out, moederText(s))
	})
	return out
}

func moederOne(p page, testid string) string {
	return moederText(p.Doc.Find(`[data-testid="` + testid + `"]`).First())
}

// moederStep fills in a step's GET form on p, as a browser without
// JavaScript sends it: its hidden fields, and the choice.
func (c *client) moederStep(p page, form string, choice url.Values) page {
	c.t.Helper()
	f := p.Doc.Find(`form[data-testid="` + form + `"]`)
	if f.Length() == 0 || f.AttrOr("method", "") != "get" {
		c.t.Fatalf("no GET form %s on %s (status %d)", form, p.URL, p.Status)
	}
	values := url.Values{}
	f.Find(`input[type="hidden"]`).Each(func(_ int, in *goquery.Selection) {
		values.Set(in.AttrOr("name", ""), in.AttrOr("value", ""))
	})
	for k, v := range choice {
		values[k] = v
	}
	return c.get(f.AttrOr("action", "") + "?" + values.Encode())
}

// moederChoice is the value of the radio button or option labelled label.
func moederChoice(t *testing.T, p page, label string) string {
	t.Helper()
	var value string
	p.Doc.Find(`input[type="radio"]`).Each(func(_ int, in *goquery.Selection) {
		if moederText(p.Doc.Find(`label[for="`+in.AttrOr("id", "")+`"]`)) == label {
			value = in.AttrOr("value", "")
		}
	})
	if value == "" {
		t.Fatalf("no choice %q on %s", label, p.URL)
	}
	return value
}

// moederWantSlots are the times Trin 3 should offer for a demo host: its
// free times from now on, by time, caseworker and the offer's order of
// mødeformer, at most 30, as the list writes them.
func moederWantSlots(offer demo.MeetingOffer, host demo.MeetingHost, taken map[time.Time]bool) []string {
	type slot struct {
		at   time.Time
		who  string
		form int
	}
	today := jobnet.Day(time.Now())
	var slots []slot
	for _, sl := range host.Slots {
		forms := sl.Forms
		if forms == nil {
			forms = offer.Forms
		}
		for _, f := range forms {
			at := sl.StartsAt(today)
			if at.After(time.Now()) && !taken[at] {
				slots = append(slots, slot{at, sl.Caseworker, indexOfForm(offer.Forms, f)})
			}
		}
	}
	sort.Slice(slots, func(i, j int) bool {
		a, b := slots[i], slots[j]
		if !a.at.Equal(b.at) {
			return a.at.Before(b.at)
		}
		if a.who != b.who {
			return a.who < b.who
		}
		return a.form < b.form
	})
	var out []string
	for i, s := range slots {
		if i == jobnet.MaxInstantSlots {
			break
		}
		t := s.at.In(jobnet.Copenhagen)
		out = append(out, views.ShortDate(t)+" kl. "+t.Format("15.04")+" – "+s.who+" – "+string(offer.Forms[s.form]))
	}
	return out
}

func indexOfForm(forms []jobnet.MeetingForm, f jobnet.MeetingForm) int {
	for i, have := range forms {
		if have == f {
			return i
		}
	}
	return -1
}

func moederWhen(t time.Time) string {
	t = t.In(jobnet.Copenhagen)
	return views.LongDate(t) + " kl. " + t.Format("15.04")
}

func (s *stack) moederCount(t *testing.T, table string) int {
	t.Helper()
	var n int
	if err := s.Owner.QueryRow(context.Background(), `SELECT count(*) FROM `+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// The a-kasse caseworker walks the member's booking flow step by step, as
// the member would (seed 001 billede 16–17), and pressing "Book mødet"
// gives billede 18: refused, with the flow's breadcrumb, and nothing booked.
func TestMoeder_AkasseWalksTheBookingStepsButCannotBook(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	offer, team := demo.MeetingOffers[0], demo.MeetingOffers[0].Hosts[0]

	p := c.get(moederPath)
	if p.Status != http.StatusOK {
		t.Fatalf("Møder: status %d", p.Status)
	}
	if got := moederOne(p, "breadcrumb"); got != "Forside Planer og aftaler Møder" {
		t.Errorf("breadcrumb = %q", got)
	}
	if got, want := moederOne(p, "booking-intro"), "Her kan du booke et møde med en sagsbehandler på dit jobcenter. Hvis dit jobcenter tilbyder møder om forskellige jobrettede emner, har du også mulighed for at tilmelde dig her."; got != want {
		t.Errorf("intro = %q", got)
	}
	var headings []string
	p.Doc.Find(`[data-testid="booking-steps"] h3`).Each(func(_ int, h *goquery.Selection) { headings = append(headings, moederText(h)) })
	if diff := cmp.Diff([]string{"Trin 1 Jeg vil gerne have et møde om", "Trin 2 Jeg vil gerne have et møde med",
		"Trin 3 Jeg ønsker et mødetidspunkt", "Trin 4 Rettigheder og pligter"}, headings); diff != "" {
		t.Errorf("steps (-want +got):\n%s", diff)
	}
	// Trin 1 has the offers open to anna that the a-kasse may see: not the
	// sygeopfølgningssamtale (SPEC §5.3).
	var titles []string
	for _, o := range demo.MeetingOffers {
		if slices.Contains(o.Citizens, "anna") && o.TargetGroup == jobnet.TargetDagpenge && o.Kind == jobnet.KindJobsamtale {
			titles = append(titles, o.Title)
		}
	}
	if diff := cmp.Diff(titles, moederAll(p, "offer-title")); diff != "" {
		t.Errorf("Trin 1 offers (-want +got):\n%s", diff)
	}
	if strings.Contains(p.Body, demo.OfferSygeopfoelgningTitle) {
		t.Error("the a-kasse is shown the sygeopfølgning offer")
	}
	info := moederAll(p, "offer-info")
	if len(info) != 2 || !strings.Contains(info[0], "Beskrivelse "+offer.Description) ||
		!strings.Contains(info[0], "Varighed: 30 minutter") ||
		!strings.Contains(info[0], "Mødeform: Personligt fremmøde, Telefonisk, Digitalt møde") ||
		!strings.Contains(info[1], "Varighed: 45 minutter") || !strings.Contains(info[1], "Mødeform: Telefonisk") {
		t.Errorf("offer descriptions = %q", info)
	}

	// Trin 1 → 2.
	p = c.moederStep(p, "step-1-form", url.Values{"tilbud": {moederChoice(t, p, offer.Title)}})
	if p.Status != http.StatusOK {
		t.Fatalf("Trin 2: status %d", p.Status)
	}
	if got, want := moederOne(p, "step-1-choice"), `Jeg vil gerne have et møde om "`+offer.Title+`" Ret trin 1`; got != want {
		t.Errorf("Trin 1 chosen = %q, want %q", got, want)
	}
	var hosts []string
	p.Doc.Find(`[data-testid="host"] label`).Each(func(_ int, l *goquery.Selection) { hosts = append(hosts, moederText(l)) })
	if diff := cmp.Diff([]string{"Team Dagpenge", "Nina Pettersen"}, hosts); diff != "" {
		t.Errorf("Trin 2 choices (-want +got):\n%s", diff)
	}

	// Trin 2 → 3: up to 30 times, each with its mødeform (seed 002 §3.1).
	p = c.moederStep(p, "step-2-form", url.Values{"med": {moederChoice(t, p, team.Name)}})
	if p.Status != http.StatusOK {
		t.Fatalf("Trin 3: status %d", p.Status)
	}
	if got := moederOne(p, "step-2-choice"); got != "Jeg vil gerne have et møde med Team Dagpenge Ret trin 2" {
		t.Errorf("Trin 2 chosen = %q", got)
	}
	if got := moederText(p.Doc.Find(`label[for="tid"]`)); got != "Vælg dato, tidspunkt og mødeform" {
		t.Errorf("Trin 3 label = %q", got)
	}
	slots := moederAll(p, "slot")
	want := moederWantSlots(offer, team, nil)
	if len(want) != 30 {
		t.Fatalf("the demo team has %d free times, want more than 30 to show the limit", len(want))
	}
	if diff := cmp.Diff(want, slots); diff != "" {
		t.Errorf("Trin 3 times (-want +got):\n%s", diff)
	}
	for _, sl := range slots {
		if !strings.HasSuffix(sl, "Personligt fremmøde") && !strings.HasSuffix(sl, "Telefonisk") && !strings.HasSuffix(sl, "Digitalt møde") {
			t.Errorf("time %q without its mødeform", sl)
		}
	}
	if !strings.Contains(moederOne(p, "slots-note"), "Hvis et møde har flere mødeformer") {
		t.Error("Trin 3 lacks the note on several mødeformer")
	}

	// Trin 3 → 4.
	first := p.Doc.Find(`[data-testid="slot"]`).First().AttrOr("value", "")
	p = c.moederStep(p, "step-3-form", url.Values{"tid": {first}})
	if p.Status != http.StatusOK {
		t.Fatalf("Trin 4: status %d", p.Status)
	}
	firstSlot := team.Slots[0].StartsAt(jobnet.Day(time.Now()))
	if got, want := moederOne(p, "step-3-choice"), "Jeg ønsker et møde "+moederWhen(firstSlot)+" Ret trin 3"; got != want {
		t.Errorf("Trin 3 chosen = %q, want %q", got, want)
	}
	if got := moederOne(p, "rights"); got != "Vær opmærksom på Du har pligt til at deltage i samtalen. Ellers skal vi orientere din a-kasse. "+
		"Hvis du har spørgsmål Hvis du har spørgsmål om dine dagpenge, skal du kontakte din a-kasse. Hvis du har andre spørgsmål, kan du finde mange svar på Jobnet. Ellers er du velkommen i Jobcentret." {
		t.Errorf("Trin 4 rights = %q", got)
	}
	book := p.Doc.Find(`form[data-testid="book-form"]`)
	if book.AttrOr("method", "") != "post" || !strings.HasPrefix(book.AttrOr("action", ""), "/borger/") {
		t.Fatalf("Book mødet is not a form posting under /borger: %q %q", book.AttrOr("method", ""), book.AttrOr("action", ""))
	}
	if got := moederOne(p, "book-submit"); !strings.EqualFold(got, "Book mødet") {
		t.Errorf("button = %q", got)
	}

	// Book mødet: refused (billede 18), and no meeting is booked.
	before := s.moederCount(t, "meetings")
	r := c.submit(p, `form[data-testid="book-form"]`, url.Values{"laest": {"1"}})
	if r.Status != http.StatusForbidden {
		t.Errorf("Book mødet: status %d, want 403", r.Status)
	}
	if got := moederOne(r, "message"); got != server.TextActionRefused {
		t.Errorf("refusal = %q", got)
	}
	if got := moederOne(r, "breadcrumb"); got != "Forside Planer og aftaler Møder Book et møde" {
		t.Errorf("refusal breadcrumb = %q", got)
	}
	if after := s.moederCount(t, "meetings"); after != before {
		t.Errorf("meetings: %d → %d after Book mødet", before, after)
	}
	var booked bool
	if err := s.Owner.QueryRow(context.Background(), `SELECT EXISTS (SELECT FROM meetings WHERE slot_id = $1::bigint)`, first).Scan(&booked); err != nil {
		t.Fatal(err)
	}
	if booked {
		t.Error("the chosen time was booked")
	}
}

// The planned meetings show those of the jobcenter and of the a-kasse (seed
// 001 §5.2), in time order, not the past one; cancel and rebook are the
// citizen's forms, refused.
func TestMoeder_PlannedMeetingsOfJobcenterAndAkasse(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	today := jobnet.Day(time.Now())
	ms := demo.Meetings["anna"]
	jc, ak := ms[0], ms[1]

	p := c.get(moederPath)
	if got, want := moederAll(p, "meeting-title"), []string{jc.Title, ak.Title}; !cmp.Equal(got, want) {
		t.Fatalf("planned meetings = %q, want %q (not the past one)", got, want)
	}
	if diff := cmp.Diff([]string{moederWhen(jc.StartsAt(today)), moederWhen(ak.StartsAt(today))}, moederAll(p, "meeting-when")); diff != "" {
		t.Errorf("times (-want +got):\n%s", diff)
	}
	if !regexp.MustCompile(`^[a-zø]+dag den \d{1,2}\. [a-z]+ \d{4} kl\. \d\d\.\d\d$`).MatchString(moederAll(p, "meeting-when")[0]) {
		t.Errorf("time %q is not like \"fredag den 22. maj 2020 kl. 11.00\"", moederAll(p, "meeting-when")[0])
	}
	if diff := cmp.Diff([]string{"Personligt fremmøde", "Telefonisk"}, moederAll(p, "meeting-form")); diff != "" {
		t.Errorf("mødeformer (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Nina Pettersen", "Berit Hansen"}, moederAll(p, "meeting-with")); diff != "" {
		t.Errorf("with whom (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{demo.OrgJobcenterAarhus.Name, demo.OrgFagenesAkasse.Name}, moederAll(p, "meeting-organisation")); diff != "" {
		t.Errorf("organisations (-want +got):\n%s", diff)
	}
	if got := moederAll(p, "meeting-place"); len(got) != 1 || got[0] != jc.Place {
		t.Errorf("places = %q", got)
	}
	if n := p.Doc.Find(`[data-testid="meeting-cancel"]`).Length(); n != 1 {
		t.Errorf("%d Afbud forms, want 1 (the jobcenter's meeting)", n)
	}
	for _, form := range []string{"meeting-cancel", "meeting-rebook"} {
		f := p.Doc.Find(`form[data-testid="` + form + `"]`)
		if f.AttrOr("method", "") != "post" {
			t.Errorf("%s does not post", form)
		}
		before := s.moederCount(t, "meetings")
		r := c.submit(p, `form[data-testid="`+form+`"]`, nil)
		if r.Status != http.StatusForbidden || moederOne(r, "message") != server.TextActionRefused {
			t.Errorf("%s: status %d, %q", form, r.Status, moederOne(r, "message"))
		}
		if got := moederOne(r, "breadcrumb"); got != "Forside Planer og aftaler Møder" {
			t.Errorf("%s refusal breadcrumb = %q", form, got)
		}
		if after := s.moederCount(t, "meetings"); after != before {
			t.Errorf("%s: meetings %d → %d", form, before, after)
		}
	}

	// The time anna booked with Nina Pettersen is no longer free.
	offer := demo.MeetingOffers[0]
	step2 := c.moederStep(p, "step-1-form", url.Values{"tilbud": {moederChoice(t, p, offer.Title)}})
	step3 := c.moederStep(step2, "step-2-form", url.Values{"med": {moederChoice(t, step2, "Nina Pettersen")}})
	want := moederWantSlots(offer, offer.Hosts[1], map[time.Time]bool{})
	got := moederAll(step3, "slot")
	if len(got) != len(want)-1 {
		t.Errorf("Nina Pettersen's times = %q, want all but the booked one of %q", got, want)
	}
	taken := jc.StartsAt(today).In(jobnet.Copenhagen)
	for _, g := range got {
		if strings.HasPrefix(g, views.ShortDate(taken)+" kl. "+taken.Format("15.04")+" – Nina Pettersen – Personligt fremmøde") {
			t.Errorf("the booked time %q is offered", g)
		}
	}
}

// Steps that cannot be: a Danish message at step 1, status 400, and the
// planned meetings still shown. A step asked for before its choice is made
// says what to choose.
func TestMoeder_MalformedStepsGiveStep1With400(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "nina", "lars")
	ctx := context.Background()
	var onlyAnna, larsOffer, larsHost, otherHost, pastSlot, slot int64
	q := func(sql string, dest *int64, args ...any) {
		t.Helper()
		if err := s.Owner.QueryRow(ctx, sql, args...).Scan(dest); err != nil {
			t.Fatal(err)
		}
	}
	q(`SELECT id FROM meeting_offers WHERE title = $1`, &onlyAnna, demo.MeetingOffers[0].Title)
	q(`SELECT id FROM meeting_offers WHERE title = $1`, &larsOffer, demo.MeetingOffers[1].Title)
	q(`SELECT id FROM meeting_offer_hosts WHERE offer_id = $1`, &larsHost, larsOffer)
	q(`SELECT min(id) FROM meeting_offer_hosts WHERE offer_id = $1`, &otherHost, onlyAnna)
	q(`SELECT id FROM meeting_slots WHERE host_id = $1 ORDER BY starts_at LIMIT 1`, &pastSlot, otherHost)
	q(`SELECT id FROM meeting_slots WHERE host_id = $1 ORDER BY starts_at LIMIT 1`, &slot, larsHost)
	str := func(n int64) string { return strconv.FormatInt(n, 10) }

	for _, tc := range []struct {
		name, query, message string
		step                 string
	}{
		{"step out of range", "trin=9", server.TextMoederBadStep, "1"},
		{"step not a number", "trin=to", server.TextMoederBadStep, "1"},
		{"offer not a number", "trin=2&tilbud=abc", server.TextMoederBadOffer, "1"},
		{"offer of no one", "trin=2&tilbud=99999999", server.TextMoederBadOffer, "1"},
		{"offer not open to the citizen", "trin=2&tilbud=" + str(onlyAnna), server.TextMoederBadOffer, "1"},
		{"host of another offer", "trin=3&tilbud=" + str(larsOffer) + "&med=" + str(otherHost), server.TextMoederBadHost, "1"},
		{"host too long", "trin=3&tilbud=" + str(larsOffer) + "&med=" + strings.Repeat("9", 300), server.TextMoederBadHost, "1"},
		{"time of another host", "trin=4&tilbud=" + str(larsOffer) + "&med=" + str(larsHost) + "&tid=" + str(pastSlot), server.TextMoederBadSlot, "1"},
		{"time without host", "trin=4&tilbud=" + str(larsOffer) + "&tid=" + str(slot), server.TextMoederBadSlot, "1"},
		{"step 2 without an offer", "trin=2", server.TextMoederNoOffer, "1"},
		{"step 4 without a time", "trin=4&tid=&tilbud=" + str(larsOffer) + "&med=" + str(larsHost), server.TextMoederNoSlot, "3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := c.get(moederPath + "?" + tc.query)
			if p.Status != http.StatusBadRequest {
				t.Errorf("status %d, want 400", p.Status)
			}
			if got := moederOne(p, "booking-error"); got != tc.message {
				t.Errorf("message = %q, want %q", got, tc.message)
			}
			if p.Doc.Find(`[data-testid="step-`+tc.step+`"] [data-testid="booking-error"]`).Length() != 1 {
				t.Errorf("the message is not at step %s", tc.step)
			}
			if p.Doc.Find(`form[data-testid="step-`+tc.step+`-form"]`).Length() != 1 {
				t.Errorf("step %s is not open", tc.step)
			}
			if got := moederAll(p, "meeting-title"); !cmp.Equal(got, []string{demo.Meetings["lars"][0].Title}) {
				t.Errorf("planned meetings = %q", got)
			}
		})
	}
	// A good choice still works.
	p := c.get(moederPath + "?trin=4&tilbud=" + str(larsOffer) + "&med=" + str(larsHost) + "&tid=" + str(slot))
	if p.Status != http.StatusOK || p.Doc.Find(`form[data-testid="book-form"]`).Length() != 1 {
		t.Errorf("a valid step 4: status %d", p.Status)
	}
}

// A citizen with no offer open to them is told so; bo, afmeldt, still has a
// kontaktgruppe (seed 002 §3.3 refuses only citizens without one).
func TestMoeder_CitizenWithoutOffersIsTold(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "bo")
	p := c.get(moederPath)
	if p.Status != http.StatusOK {
		t.Fatalf("status %d", p.Status)
	}
	if got := moederOne(p, "booking-no-offers"); got != server.TextMoederNoOffers {
		t.Errorf("no offers = %q", got)
	}
	if p.Doc.Find(`[data-testid="booking-not-allowed"]`).Length() != 0 {
		t.Error("bo, afmeldt in kontaktgruppe 1, is told he cannot book")
	}
	if got := moederOne(p, "planned-empty"); got != "Du har ingen planlagte møder." {
		t.Errorf("planned = %q", got)
	}
}

// The jobcenter sees the meetings of every target group: lars's fleksjob
// meeting.
func TestMoeder_JobcenterSeesFleksjobMeeting(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "nina", "lars")
	p := c.get(moederPath)
	if got := moederAll(p, "meeting-title"); !cmp.Equal(got, []string{"Opfølgningssamtale om fleksjob"}) {
		t.Errorf("planned meetings = %q", got)
	}
	if got := moederAll(p, "offer-title"); !cmp.Equal(got, []string{demo.MeetingOffers[1].Title}) {
		t.Errorf("offers = %q", got)
	}
}

// In a real browser without JavaScript of our own, the caseworker books
// through the four steps as the member would, is refused at "Book mødet",
// and reads Min beskedbakke; every page is checked with axe-core.
func TestBrowser_MoederAndBeskedbakke(t *testing.T) {
	s := startStack(t)
	b := newBrowser(t, s)
	ctx := b.tab()
	b.signIn(ctx, "berit")
	b.lookUp(ctx, demo.CitizenByKey("anna").CPR, "welcome")
	b.do(ctx,
		chromedp.Click(testid("tab-planer")),
		chromedp.WaitVisible(testid("tile-moeder")),
		chromedp.Click(testid("tile-moeder")),
		chromedp.WaitVisible(testid("step-1-form")),
	)
	b.screenshot(ctx, "moeder-1")
	b.checkAccessibility(ctx, "Møder, trin 1")
	b.do(ctx,
		chromedp.Click(testid("step-1-submit")),
		chromedp.WaitVisible(testid("step-2-form")),
		chromedp.Click(testid("step-2-submit")),
		chromedp.WaitVisible(testid("slot-select")),
	)
	b.screenshot(ctx, "moeder-3")
	b.checkAccessibility(ctx, "Møder, trin 3")
	first, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(`[data-testid="slot"]`), "value"))
	if err != nil || first.Value == "" {
		t.Fatalf("first time: %v", err)
	}
	b.do(ctx,
		chromedp.SetValue(testid("slot-select"), first.Value),
		chromedp.Click(testid("step-3-submit")),
		chromedp.WaitVisible(testid("book-form")),
	)
	b.screenshot(ctx, "moeder-4")
	b.checkAccessibility(ctx, "Møder, trin 4")
	b.do(ctx,
		chromedp.Click(chromedp.ID("laest")),
		chromedp.Click(testid("book-submit")),
		chromedp.WaitVisible(testid("message")),
	)
	if got := b.text(ctx, "message"); got != server.TextActionRefused {
		t.Errorf("Book mødet: %q", got)
	}
	if got := b.text(ctx, "breadcrumb"); !strings.Contains(got, "Book et møde") {
		t.Errorf("refusal breadcrumb %q", got)
	}
	b.screenshot(ctx, "moeder-5-afvist")

	b.do(ctx,
		chromedp.Click(testid("tab-planer")),
		chromedp.WaitVisible(testid("tile-beskeder")),
		chromedp.Click(testid("tile-beskeder")),
		chromedp.WaitVisible(testid("messages-recent")),
	)
	b.screenshot(ctx, "beskeder")
	b.checkAccessibility(ctx, "Min beskedbakke")
	b.do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="messages-older"] a[data-testid="message-title"]`)),
		chromedp.WaitVisible(testid("message-from")),
	)
	b.screenshot(ctx, "besked")
	b.checkAccessibility(ctx, "Besked")
}
