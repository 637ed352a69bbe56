package views

import (
	"bytes"
	"context"
	"io/fs"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"
	"github.com/google/go-cmp/cmp"

	"github.com/star-dk/sagsbehandleradgang/web"
)

// render renders c and parses the HTML.
func render(t *testing.T, c templ.Component) *goquery.Document {
	t.Helper()
	var buf bytes.Buffer
	if err := c.Render(context.Background(), &buf); err != nil {
		t.Fatalf("render: %v", err)
	}
	doc, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return doc
}

var space = regexp.MustCompile(`\s+`)

// text is the text of the selection as a user reads it: whitespace collapsed.
func text(s *goquery.Selection) string {
	return strings.TrimSpace(space.ReplaceAllString(s.Text(), " "))
}

func testID(doc *goquery.Document, id string) *goquery.Selection {
	return doc.Find(`[data-testid="` + id + `"]`)
}

var (
	caseworker = Chrome{CaseworkerName: "Berit Hansen", OrgName: "A-kasse 22 Det Faglige Hus"}
	citizen    = Chrome{
		CaseworkerName: "Berit Hansen", OrgName: "A-kasse 22 Det Faglige Hus", CanSwitchOrg: true,
		CitizenName: "Pete Adam-Janusz", Tab: TabJobsoegning,
		Breadcrumb: []Crumb{{Label: "Forside", Href: "/borger"}, {Label: "Jobsøgning"}},
	}
)

// allPages is every page with typical props; the checks that hold for every page run over it.
func allPages() map[string]templ.Component {
	return map[string]templ.Component{
		"cpr":         CPRPage(caseworker, CPRForm{}),
		"cpr-error":   CPRPage(caseworker, CPRForm{Value: "311399", FieldError: "Indtast et gyldigt CPR-nummer (10 cifre)"}),
		"cpr-refused": CPRPage(caseworker, CPRForm{Refused: true, Notice: "Prøv igen om lidt."}),
		"org":         OrgPickerPage(Chrome{CaseworkerName: "Berit Hansen"}, []OrgChoice{{ID: 1, Name: "A-kasse 22 Det Faglige Hus", Kind: "A-kasse", Current: true}, {ID: 2, Name: "Jobcenter København", Kind: "Jobcenter"}}),
		"denied":      UserDeniedPage(Chrome{}, "Du har ikke adgang", "Din bruger er ikke aktiv."),
		"front":       ForsidePage(Chrome{CaseworkerName: "Berit Hansen", OrgName: "A-kasse 22", CitizenName: "Pete Adam-Janusz", Breadcrumb: []Crumb{{Label: "Forside"}}}, forside),
		"jobsoegning": TilesPage(citizen, "Jobsøgning", JobsoegningTiles),
		"planer":      TilesPage(Chrome{CaseworkerName: "Berit Hansen", CitizenName: "Pete Adam-Janusz", Tab: TabPlaner}, "Planer og aftaler", PlanerTiles),
		"error-403":   ErrorPage(citizen, ErrorInfo{Status: 403, Heading: "Ingen adgang", Message: "Du har ikke adgang til siden: /CV/Citizen/History."}),
		"error-503":   ErrorPage(Chrome{}, ErrorInfo{Status: 503}),
		"logged-out":  LoggedOutPage(Chrome{}, ""),
		"timed-out":   LoggedOutPage(Chrome{}, "Du er blevet logget ud, fordi du ikke har været aktiv i 20 minutter."),
	}
}

func TestCPRPage_ShowsTheGuideTextsInOrder(t *testing.T) {
	doc := render(t, CPRPage(caseworker, CPRForm{}))
	main := text(doc.Find("main"))
	want := []string{
		"Se Jobnet som borgeren ser det",
		"Der er tale om en læse-adgang. Ændringer kan ikke gemmes, og du kan som sagsbehandler ikke rette i borgerens oplysninger.",
		"Som sagsbehandler - særligt i en a-kasse - skal du være klar over, at på grund af reglerne om GDPR har du ikke et fuldt billede af Jobnet. Det skyldes, at der er oplysninger på borgerens Jobnet som du som sagsbehandler i jobcenteret eller a-kassen ikke må tilgå.",
		"Indtast borgerens CPR-nummer",
		"Obs: Borgeren kan se i sin historik på Jobnet, at du har været logget ind.",
		"Log ind som denne borger",
	}
	at := 0
	for _, w := range want {
		i := strings.Index(main[at:], w)
		if i < 0 {
			t.Fatalf("after position %d, main lacks %q; main is:\n%s", at, w, main)
		}
		at += i + len(w)
	}
	if got := text(doc.Find("h1")); got != want[0] {
		t.Errorf("h1 = %q, want %q", got, want[0])
	}

	form := doc.Find("main form")
	if m, _ := form.Attr("method"); m != "post" {
		t.Errorf("form method = %q, want post", m)
	}
	if a, _ := form.Attr("action"); a != "/sagsbehandleradgang" {
		t.Errorf("form action = %q, want /sagsbehandleradgang", a)
	}
	input := testID(doc, "cpr-input")
	if n, _ := input.Attr("name"); n != "cpr" {
		t.Errorf("input name = %q, want cpr", n)
	}
	id, _ := input.Attr("id")
	if label := doc.Find(`label[for="` + id + `"]`); text(label) != "Indtast borgerens CPR-nummer" {
		t.Errorf("label of the CPR field = %q", text(label))
	}
	if got := text(testID(doc, "cpr-submit")); got != "Log ind som denne borger" {
		t.Errorf("button = %q", got)
	}
	for _, id := range []string{"cpr-error", "refusal", "notice"} {
		if testID(doc, id).Length() != 0 {
			t.Errorf("an untouched form shows %q", id)
		}
	}
}

func TestCPRPage_FormatErrorIsLinkedToTheFieldAndEchoesValue(t *testing.T) {
	const msg = "Indtast et gyldigt CPR-nummer (10 cifre)"
	doc := render(t, CPRPage(caseworker, CPRForm{Value: "3113-99", FieldError: msg}))

	errEl := testID(doc, "cpr-error")
	if !strings.Contains(text(errEl), msg) {
		t.Fatalf("cpr-error = %q, want it to contain %q", text(errEl), msg)
	}
	errID, _ := errEl.Attr("id")
	input := testID(doc, "cpr-input")
	if d, _ := input.Attr("aria-describedby"); errID == "" || !strings.Contains(" "+d+" ", " "+errID+" ") {
		t.Errorf("input aria-describedby = %q, want it to name the error %q", d, errID)
	}
	if v, _ := input.Attr("aria-invalid"); v != "true" {
		t.Errorf("aria-invalid = %q, want true", v)
	}
	if v, _ := input.Attr("value"); v != "3113-99" {
		t.Errorf("value = %q, want the typed text echoed", v)
	}
	if !doc.Find(".form-group").HasClass("form-error") {
		t.Error("the field's form-group is not marked form-error")
	}
	if testID(doc, "refusal").Length() != 0 {
		t.Error("a format error also shows the refusal")
	}
}

func TestCPRPage_RefusalShowsTextAndNoValue(t *testing.T) {
	doc := render(t, CPRPage(caseworker, CPRForm{Value: "0101901234", Refused: true}))

	ref := testID(doc, "refusal")
	if got := text(ref); got != "Du har ikke rettigheder til den valgte borger" {
		t.Errorf("refusal = %q", got)
	}
	if !ref.HasClass("alert-error") {
		t.Error("refusal is not a DKFDS error alert")
	}
	if v, ok := testID(doc, "cpr-input").Attr("value"); ok && v != "" {
		t.Errorf("refused: field value = %q, want empty", v)
	}
	if strings.Contains(mustHTML(t, doc), "0101901234") {
		t.Error("refused: the CPR number appears in the page")
	}
	if testID(doc, "cpr-error").Length() != 0 {
		t.Error("refused: a field error is shown")
	}
}

func TestCPRPage_NoticeIsAnErrorAlert(t *testing.T) {
	doc := render(t, CPRPage(caseworker, CPRForm{Notice: "Prøv igen om lidt."}))
	n := testID(doc, "notice")
	if text(n) != "Prøv igen om lidt." || !n.HasClass("alert-error") {
		t.Errorf("notice = %q (classes %q)", text(n), n.AttrOr("class", ""))
	}
}

func TestChrome_CitizenPagesShowCitizenAndTabs(t *testing.T) {
	doc := render(t, TilesPage(citizen, "Jobsøgning", JobsoegningTiles))

	if got := text(testID(doc, "citizen")); got != "På vegne af borger: Pete Adam-Janusz" {
		t.Errorf("citizen = %q", got)
	}
	sw := testID(doc, "switch-citizen")
	if text(sw) != "Skift til anden borger" || sw.AttrOr("href", "") != "/sagsbehandleradgang" {
		t.Errorf("switch-citizen = %q → %q", text(sw), sw.AttrOr("href", ""))
	}
	tabs := map[string][2]string{
		"tab-jobsoegning": {"Jobsøgning", "/borger/jobsoegning"},
		"tab-planer":      {"Planer og aftaler", "/borger/planer"},
	}
	for id, want := range tabs {
		tab := testID(doc, id)
		if got := [2]string{text(tab), tab.AttrOr("href", "")}; got != want {
			t.Errorf("%s = %q, want %q", id, got, want)
		}
	}
	if c, ok := testID(doc, "tab-jobsoegning").Attr("aria-current"); !ok || c != "page" {
		t.Errorf("active tab aria-current = %q, want page", c)
	}
	if _, ok := testID(doc, "tab-planer").Attr("aria-current"); ok {
		t.Error("the inactive tab has aria-current")
	}
	if doc.Find(`[aria-current="page"]`).Length() != 2 { // the tab and the breadcrumb's last item
		t.Errorf("%d elements with aria-current=page, want 2", doc.Find(`[aria-current="page"]`).Length())
	}
	if got := text(testID(doc, "caseworker")); got != "Berit Hansen" {
		t.Errorf("caseworker = %q", got)
	}
	if got := text(testID(doc, "organisation")); got != "A-kasse 22 Det Faglige Hus" {
		t.Errorf("organisation = %q", got)
	}
	if got := testID(doc, "switch-org").AttrOr("href", ""); got != "/sagsbehandleradgang/organisation" {
		t.Errorf("switch-org href = %q", got)
	}
}

func TestChrome_NonCitizenPagesHaveNoCitizenNorTabs(t *testing.T) {
	for name, page := range map[string]templ.Component{
		"cpr":    CPRPage(caseworker, CPRForm{}),
		"org":    OrgPickerPage(caseworker, nil),
		"denied": UserDeniedPage(Chrome{}, "Ingen adgang", "Nej."),
	} {
		doc := render(t, page)
		for _, id := range []string{"citizen", "switch-citizen", "tab-jobsoegning", "tab-planer"} {
			if testID(doc, id).Length() != 0 {
				t.Errorf("%s shows %s", name, id)
			}
		}
		if strings.Contains(text(doc.Selection), "På vegne af borger") {
			t.Errorf("%s says På vegne af borger", name)
		}
	}
}

func TestChrome_UserArea(t *testing.T) {
	doc := render(t, CPRPage(caseworker, CPRForm{}))
	logout := testID(doc, "logout")
	form := logout.Closest("form")
	if text(logout) != "Log ud" || form.AttrOr("method", "") != "post" || form.AttrOr("action", "") != "/logout" {
		t.Errorf("log out = %q in form %s %s", text(logout), form.AttrOr("method", ""), form.AttrOr("action", ""))
	}
	if testID(doc, "switch-org").Length() != 0 {
		t.Error("Skift organisation shown without CanSwitchOrg")
	}

	signedOut := render(t, LoggedOutPage(Chrome{}, ""))
	for _, id := range []string{"caseworker", "organisation", "logout", "switch-org"} {
		if testID(signedOut, id).Length() != 0 {
			t.Errorf("signed out page shows %s", id)
		}
	}
}

func TestChrome_TitleEndsWithProductName(t *testing.T) {
	for name, page := range allPages() {
		title := text(render(t, page).Find("head title"))
		if !strings.HasSuffix(title, " – Sagsbehandleradgang til Jobnet") {
			t.Errorf("%s: title %q does not end with the product name", name, title)
		}
	}
	got := text(render(t, CPRPage(Chrome{Title: "Find borger"}, CPRForm{})).Find("title"))
	if got != "Find borger – Sagsbehandleradgang til Jobnet" {
		t.Errorf("title = %q", got)
	}
}

func TestPages_NoInlineStyleOrScriptNorExternalAssets(t *testing.T) {
	for name, page := range allPages() {
		doc := render(t, page)
		if n := doc.Find("[style], style").Length(); n > 0 {
			t.Errorf("%s: %d elements with inline style", name, n)
		}
		doc.Find("script").Each(func(_ int, s *goquery.Selection) {
			if _, ok := s.Attr("src"); !ok {
				t.Errorf("%s: inline <script>", name)
			}
		})
		doc.Find("*").Each(func(_ int, s *goquery.Selection) {
			for _, a := range s.Nodes[0].Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: event handler attribute %s", name, a.Key)
				}
			}
		})
		doc.Find("link[href], script[src], img[src]").Each(func(_ int, s *goquery.Selection) {
			u := s.AttrOr("href", s.AttrOr("src", ""))
			if !strings.HasPrefix(u, "/static/") {
				t.Errorf("%s: asset %q is not under /static/", name, u)
			}
		})
	}
}

func TestPages_Accessibility(t *testing.T) {
	for name, page := range allPages() {
		doc := render(t, page)
		if l := doc.Find("html").AttrOr("lang", ""); l != "da" {
			t.Errorf("%s: lang = %q", name, l)
		}
		if n := doc.Find("h1").Length(); n != 1 {
			t.Errorf("%s: %d h1, want 1", name, n)
		}
		if h := testID(doc, "page-heading"); !h.Is("h1") || text(h) == "" {
			t.Errorf("%s: page-heading is not a non-empty h1", name)
		}
		// Headings never skip a level going down.
		level := 0
		doc.Find("h1, h2, h3, h4, h5, h6").Each(func(_ int, s *goquery.Selection) {
			l := int(goquery.NodeName(s)[1] - '0')
			if l > level+1 {
				t.Errorf("%s: heading %q is h%d after h%d", name, text(s), l, level)
			}
			level = l
		})
		if doc.Find("header").Length() != 1 || doc.Find("main#main").Length() != 1 || doc.Find("footer").Length() != 1 {
			t.Errorf("%s: landmarks header/main#main/footer missing", name)
		}
		if skip := doc.Find("body > a.skipnav").First(); text(skip) != "Gå til indhold" || skip.AttrOr("href", "") != "#main" {
			t.Errorf("%s: skip link = %q → %q", name, text(skip), skip.AttrOr("href", ""))
		}
		if !strings.Contains(text(doc.Find("header")), "Sagsbehandleradgang til Jobnet") {
			t.Errorf("%s: header lacks the product name", name)
		}
		if !strings.Contains(text(doc.Find("footer")), "Styrelsen for Arbejdsmarked og Rekruttering") {
			t.Errorf("%s: footer lacks STAR", name)
		}
		ids := map[string]bool{}
		doc.Find("[id]").Each(func(_ int, s *goquery.Selection) {
			id := s.AttrOr("id", "")
			if ids[id] {
				t.Errorf("%s: duplicate id %q", name, id)
			}
			ids[id] = true
		})
		doc.Find("input:not([type=hidden])").Each(func(_ int, s *goquery.Selection) {
			if doc.Find(`label[for="`+s.AttrOr("id", "")+`"]`).Length() != 1 {
				t.Errorf("%s: input %q has no label", name, s.AttrOr("id", ""))
			}
		})
		doc.Find("[aria-describedby]").Each(func(_ int, s *goquery.Selection) {
			for _, id := range strings.Fields(s.AttrOr("aria-describedby", "")) {
				if !ids[id] {
					t.Errorf("%s: aria-describedby names missing id %q", name, id)
				}
			}
		})
		doc.Find("nav").Each(func(_ int, s *goquery.Selection) {
			if s.AttrOr("aria-label", "") == "" {
				t.Errorf("%s: nav without aria-label", name)
			}
		})
		doc.Find("svg").Each(func(_ int, s *goquery.Selection) {
			if s.AttrOr("aria-hidden", "") != "true" {
				t.Errorf("%s: svg icon not hidden from assistive technology", name)
			}
		})
	}
}

func TestBreadcrumb_LastItemIsNotALink(t *testing.T) {
	c := citizen
	c.Breadcrumb = []Crumb{{Label: "Forside", Href: "/borger"}, {Label: "Planer og aftaler", Href: "/borger/planer"}, {Label: "Historik"}}
	doc := render(t, ErrorPage(c, ErrorInfo{Status: 403}))

	nav := testID(doc, "breadcrumb")
	if nav.AttrOr("aria-label", "") != "Brødkrumme" {
		t.Errorf("breadcrumb aria-label = %q", nav.AttrOr("aria-label", ""))
	}
	var got [][2]string
	nav.Find("li").Each(func(_ int, li *goquery.Selection) {
		got = append(got, [2]string{text(li), li.Find("a").AttrOr("href", "")})
	})
	want := [][2]string{{"Forside", "/borger"}, {"Planer og aftaler", "/borger/planer"}, {"Historik", ""}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("breadcrumb (-want +got):\n%s", diff)
	}
	last := nav.Find("li").Last()
	if last.Find("a").Length() != 0 || last.AttrOr("aria-current", "") != "page" {
		t.Error("last crumb is a link or lacks aria-current=page")
	}

	if testID(render(t, CPRPage(caseworker, CPRForm{})), "breadcrumb").Length() != 0 {
		t.Error("breadcrumb shown without crumbs")
	}
}

func TestOrgPickerPage_OffersEachOrganisation(t *testing.T) {
	doc := render(t, OrgPickerPage(caseworker, []OrgChoice{
		{ID: 12, Name: "A-kasse 22 Det Faglige Hus", Kind: "A-kasse"},
		{ID: 7, Name: "Jobcenter København", Kind: "Jobcenter", Current: true},
	}))
	if got := text(testID(doc, "page-heading")); got != "Vælg organisation" {
		t.Errorf("heading = %q", got)
	}
	form := doc.Find("main form")
	if form.AttrOr("method", "") != "post" || form.AttrOr("action", "") != "/sagsbehandleradgang/organisation" {
		t.Errorf("form %s %s", form.AttrOr("method", ""), form.AttrOr("action", ""))
	}
	type choice struct {
		Name, Value, Label, Kind string
		Checked                  bool
	}
	var got []choice
	for _, id := range []string{"org-choice-12", "org-choice-7"} {
		in := testID(doc, id)
		_, checked := in.Attr("checked")
		got = append(got, choice{
			Name: in.AttrOr("name", ""), Value: in.AttrOr("value", ""),
			Label:   text(doc.Find(`label[for="` + in.AttrOr("id", "") + `"]`)),
			Kind:    text(doc.Find("#" + in.AttrOr("aria-describedby", ""))),
			Checked: checked,
		})
	}
	want := []choice{
		{Name: "org", Value: "12", Label: "A-kasse 22 Det Faglige Hus", Kind: "A-kasse"},
		{Name: "org", Value: "7", Label: "Jobcenter København", Kind: "Jobcenter", Checked: true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("choices (-want +got):\n%s", diff)
	}
}

func TestUserDeniedPage_ShowsTheHandlersTexts(t *testing.T) {
	doc := render(t, UserDeniedPage(Chrome{}, "Du har ikke adgang", "Din bruger er ikke aktiv i Arbejdsmarkedsportalen."))
	if text(testID(doc, "page-heading")) != "Du har ikke adgang" || text(testID(doc, "message")) != "Din bruger er ikke aktiv i Arbejdsmarkedsportalen." {
		t.Errorf("denied page: %q / %q", text(testID(doc, "page-heading")), text(testID(doc, "message")))
	}
}

// forside is a Forside with a card, a notification and the banner.
var forside = ForsideView{
	CitizenName: "Pete Adam-Janusz",
	Banner:      true,
	Cards: []ForsideCard{{Heading: "Opslåede stillinger", TestID: "card-opslaaede", Lead: "3 stillinger i dit område",
		Items: []ForsideCardItem{{Title: "Kontorassistent", Detail: "Kommunen"}}}},
	Notifications:  []ForsideNotification{{Kind: "besked", Text: "Du har fået en ny besked: Indkaldelse", LinkText: "Gå til beskeden", Href: "/borger/planer/beskeder"}},
	JoblogReminder: true,
}

func TestForsidePage_WelcomesAndShowsCardsAndNotifications(t *testing.T) {
	doc := render(t, ForsidePage(citizen, forside))
	if got := text(testID(doc, "welcome")); got != "Velkommen Pete Adam-Janusz" {
		t.Errorf("welcome = %q", got)
	}
	main := text(doc.Find("main"))
	for _, want := range []string{"Opslåede stillinger", "Kontorassistent", "Du har fået en ny besked: Indkaldelse",
		"Tjek dine stillingsbetegnelser i 'Jeg søger job som'", "Gå til Joblog"} {
		if !strings.Contains(main, want) {
			t.Errorf("Forside lacks %q", want)
		}
	}
}

func TestTilesPage_RendersEveryTile(t *testing.T) {
	for heading, tiles := range map[string][]Tile{"Jobsøgning": JobsoegningTiles, "Planer og aftaler": PlanerTiles} {
		doc := render(t, TilesPage(citizen, heading, tiles))
		if got := text(testID(doc, "page-heading")); got != heading {
			t.Errorf("heading = %q, want %q", got, heading)
		}
		if n := doc.Find("main .card").Length(); n != len(tiles) {
			t.Errorf("%s: %d tiles, want %d", heading, n, len(tiles))
		}
		for _, tile := range tiles {
			a := testID(doc, tile.TestID)
			if a.AttrOr("href", "") != tile.Href {
				t.Errorf("%s: href = %q, want %q", tile.TestID, a.AttrOr("href", ""), tile.Href)
			}
			if text(a.Find("h2")) != tile.Title || !strings.Contains(text(a), tile.Text) {
				t.Errorf("%s: tile reads %q", tile.TestID, text(a))
			}
			if a.Find("svg.card-icon").Length() != 1 {
				t.Errorf("%s: no > icon", tile.TestID)
			}
			_, blank := a.Attr("target")
			note := strings.Contains(text(a), "Bemærk, at der åbnes på www.info.jobnet.dk")
			if blank != tile.External || note != tile.External {
				t.Errorf("%s: External=%v but new window=%v, note=%v", tile.TestID, tile.External, blank, note)
			}
		}
	}
}

func TestTiles_AreTheGuidesTiles(t *testing.T) {
	titles := func(ts []Tile) (out []string) {
		for _, t := range ts {
			out = append(out, t.Title)
		}
		return out
	}
	if diff := cmp.Diff([]string{"Find Job", "Jeg søger job som", "Joblog", "Mit CV", "Præsentations-CV", "Forberedelsesskema", "Job i Europa", "Gode råd til jobsøgningen"}, titles(JobsoegningTiles)); diff != "" {
		t.Errorf("Jobsøgning tiles (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Min plan", "Møder", "Kalender", "Min beskedbakke", "Aktuelt fravær", "Meld ferie", "Meld syg/rask", "Til- og afmelding", "Dagpengetællere", "Tællere for supplerende dagpenge", "Historik"}, titles(PlanerTiles)); diff != "" {
		t.Errorf("Planer tiles (-want +got):\n%s", diff)
	}
	seen := map[string]bool{}
	for _, tile := range append(append([]Tile{}, JobsoegningTiles...), PlanerTiles...) {
		if tile.Text == "" || !strings.HasPrefix(tile.TestID, "tile-") || seen[tile.TestID] {
			t.Errorf("tile %q: text %q, test id %q", tile.Title, tile.Text, tile.TestID)
		}
		seen[tile.TestID] = true
		if u, err := url.Parse(tile.Href); err != nil || (u.Host != "") != tile.External {
			t.Errorf("tile %q: href %q, External %v", tile.Title, tile.Href, tile.External)
		}
	}
}

func TestErrorPage_DanishTextForEveryStatus(t *testing.T) {
	for _, status := range []int{400, 403, 404, 429, 500, 503} {
		doc := render(t, ErrorPage(Chrome{}, ErrorInfo{Status: status}))
		d := DefaultError(status)
		if text(testID(doc, "page-heading")) != d.Heading || text(testID(doc, "message")) != d.Message {
			t.Errorf("%d: %q / %q", status, text(testID(doc, "page-heading")), text(testID(doc, "message")))
		}
		if d.Heading == "" || d.Message == "" {
			t.Errorf("%d: no default text", status)
		}
		if d != DefaultError(500) && status != 500 && d.Heading == DefaultError(500).Heading {
			t.Errorf("%d: falls back to the 500 text", status)
		}
	}
	doc := render(t, ErrorPage(citizen, ErrorInfo{Status: 403, Heading: "Ingen adgang", Message: "Du har ikke adgang til siden: /CV/Citizen/History."}))
	if got := text(testID(doc, "message")); got != "Du har ikke adgang til siden: /CV/Citizen/History." {
		t.Errorf("message = %q", got)
	}
}

func TestLoggedOutPage(t *testing.T) {
	doc := render(t, LoggedOutPage(Chrome{}, ""))
	a := testID(doc, "login-again")
	if text(testID(doc, "page-heading")) != "Du er logget ud" || text(a) != "Log ind igen" || a.AttrOr("href", "") != "/sagsbehandleradgang" {
		t.Errorf("logged out: %q, %q → %q", text(testID(doc, "page-heading")), text(a), a.AttrOr("href", ""))
	}
}

// Every asset a page links to, and every file a stylesheet of ours refers to, is embedded.
func TestStatic_LinkedAssetsAreEmbedded(t *testing.T) {
	exists := func(p string) bool {
		_, err := fs.Stat(web.Static, "static/"+p)
		return err == nil
	}
	for name, page := range allPages() {
		doc := render(t, page)
		doc.Find("link[href], use[href]").Each(func(_ int, s *goquery.Selection) {
			u, err := url.Parse(s.AttrOr("href", ""))
			if err != nil || !strings.HasPrefix(u.Path, "/static/") || !exists(strings.TrimPrefix(u.Path, "/static/")) {
				t.Errorf("%s: %q is not an embedded file", name, s.AttrOr("href", ""))
			}
			if u.Query().Get("v") == "" {
				t.Errorf("%s: %q has no version", name, s.AttrOr("href", ""))
			}
		})
	}
	sprite, err := fs.ReadFile(web.Static, "static/dkfds/img/all-svg-icons.svg")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"lock", "chevron-right", "arrow-forward", "open-in-new", "error"} {
		if !bytes.Contains(sprite, []byte(`id="`+name+`"`)) {
			t.Errorf("icon %q not in the sprite", name)
		}
	}
	urlRef := regexp.MustCompile(`url\(([^)]+)\)`)
	for css, dir := range map[string]string{"static/app.css": "", "static/dkfds/css/dkfds.min.css": "dkfds/css/"} {
		b, err := fs.ReadFile(web.Static, css)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range urlRef.FindAllStringSubmatch(string(b), -1) {
			ref := strings.Trim(m[1], `"'`)
			if !strings.Contains(ref, "woff2") || strings.HasPrefix(ref, "data:") {
				continue // DKFDS's other files are for components we do not use
			}
			if p := pathClean(dir + ref); !exists(p) {
				t.Errorf("%s refers to %s, not embedded", css, p)
			}
		}
	}
}

func pathClean(p string) string {
	parts := []string{}
	for _, s := range strings.Split(p, "/") {
		switch s {
		case "..":
			parts = parts[:len(parts)-1]
		case ".", "":
		default:
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "/")
}

func mustHTML(t *testing.T, doc *goquery.Document) string {
	t.Helper()
	h, err := doc.Html()
	if err != nil {
		t.Fatal(err)
	}
	return h
}
