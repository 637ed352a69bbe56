package views

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"
)

var (
	planer = Chrome{
		CaseworkerName: "Berit Hansen", OrgName: "A-kasse 22 Det Faglige Hus", CitizenName: "Pete Adam-Janusz", Tab: TabPlaner,
		Breadcrumb: []Crumb{{Label: "Forside", Href: "/borger/forside"}, {Label: "Planer og aftaler", Href: "/borger/planer"}, {Label: "Møder"}},
	}
	moederOffer = MoederOffer{ID: "1", Title: "Møde 2767", Description: "Samtale om din jobsøgning.", Duration: "30 minutter", Forms: "Telefonisk",
		Attention: "Du har pligt til at deltage i samtalen. Ellers skal vi orientere din a-kasse.",
		Questions: "Hvis du har spørgsmål om dine dagpenge, skal du kontakte din a-kasse."}
	moederPlanned = []MoederMeeting{
		{Title: "Jobsamtale", When: "fredag den 22. maj 2020 kl. 11.00", Form: "Personligt fremmøde", Place: "Jobcenter Aarhus",
			WithWhom: "Sagsbehandler 5882", Organisation: "Jobcenter Aarhus", Cancel: "/borger/planer/moeder/7/afbud", Rebook: "/borger/planer/moeder/7/ombook"},
		{Title: "CV-samtale", When: "mandag den 25. maj 2020 kl. 09.00", Form: "Telefonisk", WithWhom: "Berit Hansen",
			Organisation: "A-kasse 22 Det Faglige Hus", Note: "Mødet er aftalt med din a-kasse."},
	}
)

// moederPages are the pages of Møder and Min beskedbakke in each of their states.
func moederPages() map[string]templ.Component {
	booking := MoederBooking{Offers: []MoederOffer{moederOffer, {ID: "2", Title: "Møde 7041", Description: "x", Duration: "45 minutter", Forms: "Telefonisk"}}}
	step := func(n int, err string) MoederBooking {
		b := booking
		b.Step, b.Error, b.Offer = n, err, moederOffer
		b.Hosts = []MoederChoice{{ID: "3", Label: "Sagsbehandler 5882", Selected: true}}
		b.Host = b.Hosts[0]
		b.Slots = []MoederChoice{{ID: "4", Label: "22. maj 2020 kl. 11.00 – Christian – Telefonisk"}}
		b.ManyForms = true
		b.Slot = MoederChoice{ID: "4", Label: "fredag den 22. maj 2020 kl. 11.00", Detail: "Telefonisk, Christian"}
		b.Change = [3]string{"/borger/planer/moeder?trin=1", "/borger/planer/moeder?trin=2", "/borger/planer/moeder?trin=3"}
		return b
	}
	return map[string]templ.Component{
		"moeder-1":         MoederPage(planer, MoederView{Booking: step(1, ""), Meetings: moederPlanned}),
		"moeder-1-error":   MoederPage(planer, MoederView{Booking: step(1, "Trinnet findes ikke. Start forfra med trin 1.")}),
		"moeder-2":         MoederPage(planer, MoederView{Booking: step(2, "")}),
		"moeder-3":         MoederPage(planer, MoederView{Booking: step(3, "")}),
		"moeder-4":         MoederPage(planer, MoederView{Booking: step(4, ""), Meetings: moederPlanned}),
		"moeder-no-offers": MoederPage(planer, MoederView{Booking: MoederBooking{NoOffers: "Dit jobcenter har ingen møder, som du kan booke lige nu."}}),
		"moeder-cannot":    MoederPage(planer, MoederView{Booking: MoederBooking{CannotBook: "Du kan ikke booke møder her på Jobnet."}, Meetings: moederPlanned}),
		"beskeder":         BeskederPage(planer, BeskederView{Recent: []BeskedItem{{Href: "/borger/planer/beskeder/1", Title: "Besked", From: "Sagsbehandler", FromOrg: "Jobcenter Aarhus", Date: "26. feb. 2020", Unread: true}}, Older: []BeskedItem{{Href: "/borger/planer/beskeder/2", Title: "Gammel", From: "Sagsbehandler", FromOrg: "Styrelsen for arbejdsmarked og rekruttering", Date: "2. mar. 2019"}}}),
		"beskeder-empty":   BeskederPage(planer, BeskederView{}),
		"besked":           BeskedPage(planer, BeskedView{FromOrg: "A-kasse 22", From: "Berit Hansen", Date: "mandag den 28. maj 2018", Title: "Hej", Paragraphs: []string{"Første.", "Anden."}}),
		"besked-withheld":  BeskedPage(planer, BeskedView{FromOrg: "Styrelsen for arbejdsmarked og rekruttering", From: "Sagsbehandler", Date: "mandag den 28. maj 2018", Title: "Hej", Withheld: "Du må ikke få adgang til indholdet af denne besked. Det skyldes reglerne om brevhemmelighed i Straffeloven."}),
	}
}

// A citizen without a kontaktgruppe cannot book (seed 002 §3.3): the page says so in place
// of the steps, and still lists the planned meetings.
func TestMoederPage_WithoutKontaktgruppeTheCitizenIsToldTheyCannotBook(t *testing.T) {
	doc := render(t, moederPages()["moeder-cannot"])
	if got := text(testID(doc, "booking-not-allowed")); got != "Du kan ikke booke møder her på Jobnet." {
		t.Errorf("message = %q", got)
	}
	if testID(doc, "booking-steps").Length() != 0 || doc.Find("form").Length() != 3 {
		// The three forms are the log-out and the planned jobcenter meeting's Afbud and Ombook.
		t.Errorf("the booking flow is shown: %d steps, %d forms", testID(doc, "booking-steps").Length(), doc.Find("form").Length())
	}
	if n := testID(doc, "meeting").Length(); n != 2 {
		t.Errorf("%d planned meetings, want 2", n)
	}
	if !strings.Contains(text(testID(doc, "booking-intro")), "Her kan du booke et møde med en sagsbehandler på dit jobcenter.") {
		t.Error("the intro of billede 16 is missing")
	}
}

// Each step shows the choices made before it (billede 17) and only its own form.
func TestMoederPage_StepsShowTheChoicesMade(t *testing.T) {
	doc := render(t, moederPages()["moeder-4"])
	for id, want := range map[string]string{
		"step-1-choice": `Jeg vil gerne have et møde om "Møde 2767" Ret trin 1`,
		"step-2-choice": "Jeg vil gerne have et møde med Sagsbehandler 5882 Ret trin 2",
		"step-3-choice": "Jeg ønsker et møde fredag den 22. maj 2020 kl. 11.00 Ret trin 3",
		"step-3-form":   "Mødeform: Telefonisk, Christian",
	} {
		if got := text(testID(doc, id)); got != want {
			t.Errorf("%s = %q, want %q", id, got, want)
		}
	}
	form := testID(doc, "book-form")
	if form.AttrOr("method", "") != "post" || form.AttrOr("action", "") != "/borger/planer/moeder/book" {
		t.Errorf("book form: %s %s", form.AttrOr("method", ""), form.AttrOr("action", ""))
	}
	for _, other := range []string{"step-1-form", "step-2-form"} {
		if testID(doc, other).Length() != 0 {
			t.Errorf("%s is shown at step 4", other)
		}
	}
	doc = render(t, moederPages()["moeder-1-error"])
	if got := text(doc.Find(`[data-testid="step-1"] [data-testid="booking-error"]`)); got != "Trinnet findes ikke. Start forfra med trin 1." {
		t.Errorf("error at step 1 = %q", got)
	}
	if testID(doc, "booking-error").AttrOr("role", "") != "alert" {
		t.Error("the error is not an alert")
	}
}

// The checks every page passes (views_test.go), for these pages too.
func TestMoederPages_AccessibleWithoutInlineStyleOrScript(t *testing.T) {
	for name, page := range moederPages() {
		doc := render(t, page)
		if n := doc.Find("h1").Length(); n != 1 {
			t.Errorf("%s: %d h1, want 1", name, n)
		}
		level := 0
		doc.Find("h1, h2, h3, h4, h5, h6").Each(func(_ int, s *goquery.Selection) {
			l := int(goquery.NodeName(s)[1] - '0')
			if l > level+1 {
				t.Errorf("%s: heading %q is h%d after h%d", name, text(s), l, level)
			}
			level = l
		})
		ids := map[string]bool{}
		doc.Find("[id]").Each(func(_ int, s *goquery.Selection) {
			id := s.AttrOr("id", "")
			if ids[id] {
				t.Errorf("%s: duplicate id %q", name, id)
			}
			ids[id] = true
		})
		doc.Find("input:not([type=hidden]), select").Each(func(_ int, s *goquery.Selection) {
			if doc.Find(`label[for="`+s.AttrOr("id", "")+`"]`).Length() != 1 {
				t.Errorf("%s: field %q has no label", name, s.AttrOr("id", ""))
			}
		})
		doc.Find("[aria-describedby], [aria-labelledby]").Each(func(_ int, s *goquery.Selection) {
			for _, id := range strings.Fields(s.AttrOr("aria-describedby", "") + " " + s.AttrOr("aria-labelledby", "")) {
				if !ids[id] {
					t.Errorf("%s: aria reference to missing id %q", name, id)
				}
			}
		})
		if n := doc.Find("[style], style, script:not([src])").Length(); n > 0 {
			t.Errorf("%s: %d inline styles or scripts", name, n)
		}
		doc.Find("svg").Each(func(_ int, s *goquery.Selection) {
			if s.AttrOr("aria-hidden", "") != "true" {
				t.Errorf("%s: svg not hidden from assistive technology", name)
			}
		})
	}
}
