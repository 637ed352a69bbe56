package main

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

const beskederPath = "/borger/planer/beskeder"

// beskedItem is a message as the list shows it.
type beskedItem struct {
	Status, FromOrg, Title, From, Date string
}

func beskedList(p page, section string) []beskedItem {
	var out []beskedItem
	p.Doc.Find(`[data-testid="` + section + `"] [data-testid="message"]`).Each(func(_ int, m *goquery.Selection) {
		one := func(id string) string { return moederText(m.Find(`[data-testid="` + id + `"]`)) }
		out = append(out, beskedItem{one("message-status"), one("message-from-org"), one("message-title"), one("message-from"), one("message-date")})
	})
	return out
}

// beskedWant is how the list shows a demo message to a caseworker of org:
// its subject only where org is a party to it, else "Besked fra <afsender>"
// (seed 001 billede 20).
func beskedWant(m demo.InboxMessage, org jobnet.Organisation) beskedItem {
	status := "Læst"
	if m.ReadDays == nil {
		status = "Ulæst"
	}
	title := "Besked fra " + m.FromOrg
	if beskedParty(m, org) {
		title = m.Title
	}
	return beskedItem{status, "Besked fra " + m.FromOrg, title, m.From, views.ShortDate(m.SentAt(jobnet.Day(time.Now())).In(jobnet.Copenhagen))}
}

// beskedParty reports whether org sent the demo message or is a party to it.
func beskedParty(m demo.InboxMessage, org jobnet.Organisation) bool {
	return (m.Org != nil && *m.Org == org) || slices.Contains(m.Parties, org)
}

// beskedHref is the link in the list on p to anna's message titled title,
// which the list may show without its title.
func (s *stack) beskedHref(t *testing.T, p page, title string) string {
	t.Helper()
	var id int64
	if err := s.Owner.QueryRow(context.Background(), `SELECT m.id FROM messages m JOIN citizens c ON c.id = m.citizen_id
		WHERE c.cpr = $1 AND m.title = $2`, demo.CitizenByKey("anna").CPR, title).Scan(&id); err != nil {
		t.Fatalf("message %q: %v", title, err)
	}
	href := beskederPath + "/" + strconv.FormatInt(id, 10)
	if p.Doc.Find(`a[data-testid="message-title"][href="`+href+`"]`).Length() != 1 {
		t.Fatalf("no link to message %q in the list", title)
	}
	return href
}

func beskedDemo(t *testing.T, key, title string) demo.InboxMessage {
	t.Helper()
	for _, m := range demo.Messages[key] {
		if m.Title == title {
			return m
		}
	}
	t.Fatalf("no demo message %q of %s", title, key)
	return demo.InboxMessage{}
}

// Every message is listed with sender, title, date and whether it is read,
// the five newest under "Seneste beskeder" and the rest under "Ældre
// beskeder" (seed 001 billede 20) — the jobcenter's too — and no content.
func TestBeskedbakke_ListsEveryMessageWithoutContent(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	p := c.get(beskederPath)
	if p.Status != http.StatusOK {
		t.Fatalf("status %d", p.Status)
	}
	if got := moederOne(p, "breadcrumb"); got != "Forside Planer og aftaler Min beskedbakke" {
		t.Errorf("breadcrumb = %q", got)
	}
	var want []beskedItem
	messages := slices.Clone(demo.Messages["anna"])
	slices.SortStableFunc(messages, func(a, b demo.InboxMessage) int { return b.SentAt(time.Now()).Compare(a.SentAt(time.Now())) })
	for _, m := range messages { // newest first
		want = append(want, beskedWant(m, demo.OrgFagenesAkasse))
	}
	if diff := cmp.Diff(want[:jobnet.RecentMessages], beskedList(p, "messages-recent")); diff != "" {
		t.Errorf("Seneste beskeder (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want[jobnet.RecentMessages:], beskedList(p, "messages-older")); diff != "" {
		t.Errorf("Ældre beskeder (-want +got):\n%s", diff)
	}
	if got := moederText(p.Doc.Find(`[data-testid="messages-recent"] h2`)); got != "Seneste beskeder" {
		t.Errorf("heading %q", got)
	}
	if got := moederText(p.Doc.Find(`[data-testid="messages-older"] h2`)); got != "Ældre beskeder" {
		t.Errorf("heading %q", got)
	}
	for _, m := range demo.Messages["anna"] {
		for _, para := range strings.Split(m.Body, "\n\n") {
			if strings.Contains(p.Body, para) {
				t.Errorf("the list shows content of %q: %q", m.Title, para)
			}
		}
		if !beskedParty(m, demo.OrgFagenesAkasse) && strings.Contains(p.Body, m.Title) {
			t.Errorf("the list shows the subject of a message the a-kasse is no party to: %q", m.Title)
		}
	}
	p.Doc.Find(`a[data-testid="message-title"]`).Each(func(_ int, a *goquery.Selection) {
		if href := a.AttrOr("href", ""); !strings.HasPrefix(href, beskederPath+"/") || strings.Contains(href, demo.CitizenByKey("anna").CPR) {
			t.Errorf("message link %q", href)
		}
	})
}

// The a-kasse reads the messages it is a party to — its own and the
// jobcenter's referat sent to it too — and nothing else: the jobcenter's
// own message, the employer's, STAR's and another a-kasse's show the
// heading "Besked fra <afsender>" and the brevhemmelighed (seed 001
// billede 21), with status 200, and not even their subject.
func TestBeskedbakke_AkasseReadsOnlyMessagesItIsAPartyTo(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	list := c.get(beskederPath)
	today := jobnet.Day(time.Now())

	for _, tc := range []struct {
		title string
		read  bool
		body  string
	}{
		{"Forberedelse til din CV-samtale", true, demo.MessageAnnaAkasseBody},
		{"Referat af fællessamtale", true, demo.MessageAnnaJointBody},
		{"Dit medlemskab af A-kasse 22", true, "Tak for din henvendelse."},
		{"Indkaldelse til samtale", false, demo.MessageAnnaJobcenterBody},
		{"Din plan er opdateret", false, "Der er en ny version af Min Plan"},
		{"Invitation til samtale om stillingen som kontorassistent", false, "Tak for din ansøgning."},
		{"Velkommen til Jobnet", false, "Du er nu tilmeldt som jobsøgende."},
		{demo.MessageAnnaSTARTitle, false, demo.MessageAnnaSTARBody},
		{demo.MessageAnnaOtherAkasseTitle, false, demo.MessageAnnaOtherAkasseBody},
	} {
		t.Run(tc.title, func(t *testing.T) {
			m := beskedDemo(t, "anna", tc.title)
			p := c.get(s.beskedHref(t, list, tc.title))
			if p.Status != http.StatusOK {
				t.Fatalf("status %d", p.Status)
			}
			if got := moederOne(p, "page-heading"); got != "Besked fra "+m.FromOrg {
				t.Errorf("heading = %q", got)
			}
			if got := moederOne(p, "message-from"); got != "Fra: "+m.From {
				t.Errorf("from = %q", got)
			}
			if got, want := moederOne(p, "message-date"), views.LongDate(m.SentAt(today).In(jobnet.Copenhagen)); got != want {
				t.Errorf("date = %q, want %q", got, want)
			}
			if got := moederOne(p, "message-back"); got != "Tilbage" || p.Doc.Find(`[data-testid="message-back"]`).AttrOr("href", "") != beskederPath {
				t.Errorf("back link = %q", got)
			}
			withheld := moederOne(p, "message-withheld")
			if tc.read {
				if !strings.Contains(moederOne(p, "message-body"), tc.body) || withheld != "" {
					t.Errorf("the a-kasse cannot read its message: body %q, withheld %q", moederOne(p, "message-body"), withheld)
				}
				return
			}
			if withheld != server.TextBrevhemmelighed {
				t.Errorf("withheld = %q, want %q", withheld, server.TextBrevhemmelighed)
			}
			if strings.Contains(p.Body, tc.body) || p.Doc.Find(`[data-testid="message-body"]`).Length() != 0 {
				t.Error("the content is on the page")
			}
			if strings.Contains(p.Body, tc.title) {
				t.Errorf("the subject %q is on the page", tc.title)
			}
		})
	}
}

// The body of the jobcenter's message to anna alone reaches the a-kasse on
// no page at all.
func TestBeskedbakke_JobcenterOnlyMessageIsOnNoAkassePage(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	list := c.get(beskederPath)
	pages := []string{beskederPath, s.beskedHref(t, list, "Indkaldelse til samtale"), "/borger/forside", "/borger/planer",
		"/borger/planer/kalender", "/borger/planer/min-plan", moederPath}
	for _, path := range pages {
		p := c.get(path)
		if p.Status >= 500 {
			t.Errorf("%s: status %d", path, p.Status)
		}
		if strings.Contains(p.Body, "FORTROLIGT-JOBCENTER") || strings.Contains(p.Body, "sygeopfølgningssamtale i jobcentret") {
			t.Errorf("%s shows the jobcenter's message to anna", path)
		}
	}
}

// The jobcenter reads its own message, but not the a-kasse's.
func TestBeskedbakke_JobcenterReadsItsMessageNotTheAkasses(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "nina", "anna")
	list := c.get(beskederPath)
	if got := len(beskedList(list, "messages-recent")) + len(beskedList(list, "messages-older")); got != len(demo.Messages["anna"]) {
		t.Errorf("%d messages listed, want %d", got, len(demo.Messages["anna"]))
	}
	own := c.get(s.beskedHref(t, list, "Indkaldelse til samtale"))
	if !strings.Contains(moederOne(own, "message-body"), demo.MessageAnnaJobcenterBody) {
		t.Errorf("the jobcenter cannot read its own message: %q", moederOne(own, "message-withheld"))
	}
	akasse := c.get(s.beskedHref(t, list, "Forberedelse til din CV-samtale"))
	if akasse.Status != http.StatusOK || moederOne(akasse, "message-withheld") != server.TextBrevhemmelighed {
		t.Errorf("a-kasse's message: status %d, %q", akasse.Status, moederOne(akasse, "message-withheld"))
	}
	if strings.Contains(akasse.Body, demo.MessageAnnaAkasseBody) {
		t.Error("the jobcenter reads the a-kasse's message")
	}
	joint := c.get(s.beskedHref(t, list, "Referat af fællessamtale"))
	star := c.get(s.beskedHref(t, list, demo.MessageAnnaSTARTitle))
	if !strings.Contains(moederOne(star, "message-body"), demo.MessageAnnaSTARBody) {
		t.Error("the jobcenter cannot read STAR's message it is a party to")
	}
	if !strings.Contains(moederOne(joint, "message-body"), demo.MessageAnnaJointBody) {
		t.Error("the jobcenter cannot read the referat it sent")
	}
}

// Another citizen's message, an id of no message and an id that is not one
// all give the same 404 page: nothing tells whether the message exists.
func TestBeskedbakke_AnotherCitizensMessageIsNotFound(t *testing.T) {
	s := startStack(t)
	var lars int64
	if err := s.Owner.QueryRow(context.Background(), `SELECT m.id FROM messages m JOIN citizens c ON c.id = m.citizen_id WHERE c.cpr = $1`,
		demo.CitizenByKey("lars").CPR).Scan(&lars); err != nil {
		t.Fatal(err)
	}
	// Nina may see both lars and anna; acting for anna, lars's message is not there.
	c := s.actingFor(t, "nina", "anna")
	var bodies []string
	for _, path := range []string{
		beskederPath + "/" + strconv.FormatInt(lars, 10),
		beskederPath + "/999999999",
		beskederPath + "/abc",
		beskederPath + "/-1",
	} {
		p := c.get(path)
		if p.Status != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, p.Status)
		}
		if strings.Contains(p.Body, demo.MessageLarsBody) || strings.Contains(p.Body, "Indkaldelse til opfølgningssamtale") {
			t.Errorf("%s shows lars's message", path)
		}
		bodies = append(bodies, moederOne(p, "page-heading")+"|"+moederOne(p, "message"))
	}
	for _, b := range bodies[1:] {
		if b != bodies[0] {
			t.Errorf("404 pages differ: %q vs %q", bodies[0], b)
		}
	}
}

// Opening a message is reading: the citizen's unread message stays unread.
func TestBeskedbakke_OpeningAMessageLeavesItUnread(t *testing.T) {
	s := startStack(t)
	c := s.actingFor(t, "berit", "anna")
	title := "Forberedelse til din CV-samtale"
	readAt := func() *time.Time {
		var at *time.Time
		if err := s.Owner.QueryRow(context.Background(), `SELECT read_at FROM messages WHERE title = $1`, title).Scan(&at); err != nil {
			t.Fatal(err)
		}
		return at
	}
	if readAt() != nil {
		t.Fatal("the demo message is read already")
	}
	list := c.get(beskederPath)
	if p := c.get(s.beskedHref(t, list, title)); p.Status != http.StatusOK {
		t.Fatalf("status %d", p.Status)
	}
	if at := readAt(); at != nil {
		t.Errorf("opening the message marked it read at %v", at)
	}
	for _, m := range beskedList(c.get(beskederPath), "messages-recent") {
		if m.Title == title && m.Status != "Ulæst" {
			t.Errorf("after opening, the list says %q", m.Status)
		}
	}
}
