package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"maps"
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
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
)

// The leak test (issue 7): a unique marker is planted in every datum of the
// demo citizens that a caseworker kind must or must not see; an a-kasse and
// a jobcenter caseworker then open every page of the citizen's Jobnet that
// can be reached from the Forside, and every response is searched for the
// markers. The oracle below restates SPEC §5 over the rows it reads; it
// does not call internal/access, so that it catches a mistake there.

// The crawl's bounds in time: Min plan windows and Kalender months from
// leakMonthsBack months before today to leakMonthsAhead months after, which
// spans the demo data; links outside them are not followed.
const (
	leakMonthsBack  = 40
	leakMonthsAhead = 14
	// leakRequestCap is the most requests one caseworker's crawl of one
	// citizen may make; reaching it fails the test, as the crawl would
	// then not have seen everything.
	leakRequestCap = 5000
	// leakFrontPageNotifications is how many notifications the Forside
	// shows, newest first.
	leakFrontPageNotifications = 10
)

// leakCitizens are the demo citizens whose data is marked: both caseworker
// kinds may see them, and their data holds every hidden kind.
var leakCitizens = []string{"anna", "maja"}

// leakCaseworkers are the demo caseworkers who crawl, one of each kind.
var leakCaseworkers = []struct {
	Username string
	Kind     jobnet.OrgKind
	Org      jobnet.Organisation
}{
	{"berit", jobnet.OrgAkasse, demo.OrgFagenesAkasse},
	{"nina", jobnet.OrgJobcenter, demo.OrgJobcenterAarhus},
}

// A caseworker who opens every page and form of a citizen's Jobnet sees
// every datum the law lets their kind of organisation see, where a page
// shows it, and nothing the law hides from them: not in a page, a header,
// a redirect or an error page (SPEC §5, issue 7).
func TestNoCaseworkerSeesWhatTheLawHides(t *testing.T) {
	s := startStack(t)
	for _, key := range leakCitizens {
		demo.CitizenByKey(key) // panics on a citizen the demo data lost
	}
	w := loadLeakWorld(t, s.Owner, leakCitizens)
	planted := plantLeakMarkers(t, s.Owner, w)
	routes := server.CitizenRoutes()

	t.Run("crawl", func(t *testing.T) {
		for _, cw := range leakCaseworkers {
			for _, key := range leakCitizens {
				t.Run(cw.Username+"/"+key, func(t *testing.T) {
					t.Parallel()
					c := s.newClient(t)
					c.login(cw.Username)
					if p := c.lookUp(demo.CitizenByKey(key).CPR); p.Status != http.StatusOK {
						t.Fatalf("%s looking up %s: status %d", cw.Username, key, p.Status)
					}
					cr := newLeakCrawl(t, s, c, w, planted)
					start := time.Now()
					cr.run()
					t.Logf("%d requests (%d distinct GET URLs, %d POST forms) in %s; %d of %d citizen routes reached",
						cr.requests, len(cr.visited), len(cr.posted), time.Since(start).Round(time.Millisecond),
						len(cr.routesReached(routes)), len(routes))
					cr.report(cw.Username, cw.Kind, key, routes)
				})
			}
		}
	})
}

// leakWorld is what the oracle knows besides the marked rows.
type leakWorld struct {
	Today time.Time // the product's today: the date in Copenhagen
	Now   time.Time
	// The crawl's bounds: the first days of Min plan windows, and the
	// first and last Kalender months.
	FirstWindow, LastWindow time.Time
	FirstMonth, LastMonth   time.Time
	OrgIDs                  map[jobnet.OrgKind]int64 // the crawling caseworkers' organisations
	CitizenIDs              map[string]int64
	CitizenKeys             map[int64]string
	Jobcenter               map[string]int64 // each citizen's jobcenter
	MaySelfBook             map[string]bool  // the citizen has a kontaktgruppe today
}

func loadLeakWorld(t *testing.T, owner *pgxpool.Pool, citizens []string) *leakWorld {
	t.Helper()
	ctx := context.Background()
	now := time.Now()
	today := jobnet.Day(now)
	w := &leakWorld{
		Today: today, Now: now,
		FirstWindow: leakAddMonths(today, -leakMonthsBack), LastWindow: leakAddMonths(today, leakMonthsAhead),
		FirstMonth: time.Date(today.Year(), today.Month()-leakMonthsBack, 1, 0, 0, 0, 0, time.UTC),
		LastMonth:  time.Date(today.Year(), today.Month()+leakMonthsAhead, 1, 0, 0, 0, 0, time.UTC),
		OrgIDs:     map[jobnet.OrgKind]int64{}, CitizenIDs: map[string]int64{}, CitizenKeys: map[int64]string{},
		Jobcenter: map[string]int64{}, MaySelfBook: map[string]bool{},
	}
	for _, cw := range leakCaseworkers {
		var id int64
		if err := owner.QueryRow(ctx, `SELECT id FROM organisations WHERE kind = $1 AND name = $2`,
			string(cw.Org.Kind), cw.Org.Name).Scan(&id); err != nil {
			t.Fatalf("organisation %s: %v", cw.Org.Name, err)
		}
		w.OrgIDs[cw.Kind] = id
	}
	for _, key := range citizens {
		var id int64
		var jobcenter *int64
		var selfBook bool
		if err := owner.QueryRow(ctx, `SELECT c.id, c.jobcenter_id, EXISTS (SELECT FROM kontaktgruppe_registrations r
				WHERE r.citizen_id = c.id AND r.valid_from <= $2 AND (r.valid_to IS NULL OR r.valid_to >= $2))
			FROM citizens c WHERE c.cpr = $1`, demo.CitizenByKey(key).CPR, today).Scan(&id, &jobcenter, &selfBook); err != nil {
			t.Fatalf("citizen %s: %v", key, err)
		}
		w.CitizenIDs[key], w.CitizenKeys[id], w.MaySelfBook[key] = id, key, selfBook
		if jobcenter != nil {
			w.Jobcenter[key] = *jobcenter
		}
	}
	return w
}

func (w *leakWorld) ids() []int64 {
	var out []int64
	for _, id := range w.CitizenIDs {
		out = append(out, id)
	}
	return out
}

// leakAddMonths moves a day by n months, at most to the last day of the
// month it lands in.
func leakAddMonths(day time.Time, n int) time.Time {
	first := time.Date(day.Year(), day.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	d := min(day.Day(), first.AddDate(0, 1, -1).Day())
	return first.AddDate(0, 0, d-1)
}

// inMinPlan says whether Min plan, in some window of the crawl, shows what
// lasts from..to (to zero: no end).
func (w *leakWorld) inMinPlan(from, to time.Time) bool {
	return !from.After(w.LastWindow) && (to.IsZero() || !to.Before(w.FirstWindow))
}

// inKalender says whether day is in a month the crawl opens in the Kalender.
func (w *leakWorld) inKalender(day time.Time) bool {
	return !day.IsZero() && !day.Before(w.FirstMonth) && day.Before(w.LastMonth.AddDate(0, 1, 0))
}

// A leakMarker is planted in one datum.
type leakMarker struct {
	Code  string
	Datum string          // which datum: table.column, row, citizen and what the oracle decided on
	Of    map[string]bool // the citizens whose Jobnet holds it
	// Sees is what the law lets each caseworker kind see; Why says why a
	// kind may not.
	Sees map[jobnet.OrgKind]bool
	Why  map[jobnet.OrgKind]string
	// Shown: the citizens on whose pages the crawl must meet it where the
	// caseworker may see it.
	Shown map[string]bool
}

type leakExpect int

const (
	leakNeither leakExpect = iota
	leakForbidden
	leakRequired
)

// expect is the oracle's verdict on m for a caseworker of kind crawling
// the citizen: another citizen's datum is always forbidden.
func (m *leakMarker) expect(kind jobnet.OrgKind, citizen string) leakExpect {
	switch {
	case !m.Of[citizen] || !m.Sees[kind]:
		return leakForbidden
	case m.Shown[citizen]:
		return leakRequired
	}
	return leakNeither
}

func (m *leakMarker) why(kind jobnet.OrgKind, citizen string) string {
	if !m.Of[citizen] {
		return "another citizen's"
	}
	return m.Why[kind]
}

// leakSight is the oracle's decision on one datum for both caseworker kinds.
type leakSight struct {
	Akasse, Jobcenter       bool
	AkasseWhy, JobcenterWhy string
}

func leakBoth(why string) leakSight { return leakSight{AkasseWhy: why, JobcenterWhy: why} }

var leakEveryone = leakSight{Akasse: true, Jobcenter: true}

// The plan-item kinds (migrations 00005 and 00010), and those the a-kasse
// has no legal basis to see (SPEC §5.3, seed 001 §5.1).
var (
	leakKinds = map[string]bool{"jobsamtale": true, "krav til jobsøgning": true, "løntilskud": true,
		"virksomhedspraktik": true, "opkvalificering": true, "hjælpemiddel": true, "personlig assistance": true,
		"mentor": true, "social- og sundhedsindsats": true, "sygeopfølgning": true, "min sag til teamet": true,
		"integrationskontrakt": true, "aftale": true}
	leakAkasseHiddenKinds = map[string]bool{"hjælpemiddel": true, "personlig assistance": true, "mentor": true,
		"social- og sundhedsindsats": true, "min sag til teamet": true, "integrationskontrakt": true}
)

// leakPlanned decides a plan item, a meeting or an offer: the jobcenter
// sees each; the a-kasse only one of a kind it has a legal basis for, from
// a dagpenge period. One that cannot say its kind or group is hidden from it.
func leakPlanned(kind, group *string) leakSight {
	s := leakSight{Jobcenter: true}
	switch {
	case kind == nil || !leakKinds[*kind]:
		s.AkasseWhy = "says no plan-item kind"
	case leakAkasseHiddenKinds[*kind]:
		s.AkasseWhy = "kind " + *kind
	case group == nil || *group == "":
		s.AkasseWhy = "says no target group"
	case *group != "dagpenge":
		s.AkasseWhy = "target group " + *group
	default:
		s.Akasse = true
	}
	return s
}

// leakMessage decides a message's subject and content: only an organisation
// that sent it or is a party to it reads them (the brevhemmelighed).
func (w *leakWorld) leakMessage(from *int64, parties []int64) leakSight {
	party := func(kind jobnet.OrgKind) bool {
		id := w.OrgIDs[kind]
		return (from != nil && *from == id) || slices.Contains(parties, id)
	}
	s := leakSight{Akasse: party(jobnet.OrgAkasse), Jobcenter: party(jobnet.OrgJobcenter)}
	if !s.Akasse {
		s.AkasseWhy = "not a party to the message"
	}
	if !s.Jobcenter {
		s.JobcenterWhy = "not a party to the message"
	}
	return s
}

// leakPlanted is the markers, by code, and the messages and offers they
// are in.
type leakPlanted struct {
	Markers          map[string]*leakMarker
	Messages, Offers []int64
}

// leakPlant collects the markers and the updates that plant them.
type leakPlant struct {
	leakPlanted
	batch pgx.Batch
}

// add plants a marker with the update sql, whose $1 is the marker and the
// rest the row's key.
func (p *leakPlant) add(datum string, of []string, sight leakSight, shown map[string]bool, sql string, row ...any) {
	code := fmt.Sprintf("LK%04dQ", len(p.Markers)+1)
	m := &leakMarker{Code: code, Datum: datum, Of: map[string]bool{}, Shown: shown,
		Sees: map[jobnet.OrgKind]bool{jobnet.OrgAkasse: sight.Akasse, jobnet.OrgJobcenter: sight.Jobcenter},
		Why:  map[jobnet.OrgKind]string{jobnet.OrgAkasse: sight.AkasseWhy, jobnet.OrgJobcenter: sight.JobcenterWhy}}
	for _, key := range of {
		m.Of[key] = true
	}
	p.Markers[code] = m
	p.batch.Queue(sql, append([]any{code}, row...)...)
}

// shownIf is the citizens for whom a datum of one citizen is shown.
func shownIf(key string, shown bool) map[string]bool { return map[string]bool{key: shown} }

// leakQuote is the start of a text, to name a datum in a report.
func leakQuote(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return strconv.Quote(s)
}

func leakDay(d time.Time) string {
	if d.IsZero() {
		return "…"
	}
	return d.Format(time.DateOnly)
}

// plantLeakMarkers appends a marker to every text datum of the citizens'
// plans, meetings, offers, messages, absences, preparation forms and Forside
// notifications, and decides each one.
func plantLeakMarkers(t *testing.T, owner *pgxpool.Pool, w *leakWorld) *leakPlanted {
	t.Helper()
	ctx := context.Background()
	p := &leakPlant{leakPlanted: leakPlanted{Markers: map[string]*leakMarker{}}}
	ids := w.ids()
	query := func(what, sql string, scan func(pgx.Rows) error) {
		rows, err := owner.Query(ctx, sql, ids)
		if err != nil {
			t.Fatalf("leak oracle: %s: %v", what, err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				t.Fatalf("leak oracle: %s: %v", what, err)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatalf("leak oracle: %s: %v", what, err)
		}
	}

	// Min plan's items: the title on Min plan and in the Kalender, the
	// agreement on Min plan.
	type item struct {
		id                  int64
		key                 string
		kind, group         *string
		title, agreement    string
		from, to            time.Time
		sight               leakSight
		shown, shownContent bool
	}
	items := map[int64]*item{}
	query("plan items", `SELECT i.id, i.citizen_id, i.kind, p.target_group, i.title, i.agreement, i.valid_from, i.valid_to
		FROM plan_items i LEFT JOIN target_group_periods p ON p.id = i.target_group_period_id
		WHERE i.citizen_id = ANY($1) ORDER BY i.id`, func(rows pgx.Rows) error {
		var it item
		var citizen int64
		var to *time.Time
		if err := rows.Scan(&it.id, &citizen, &it.kind, &it.group, &it.title, &it.agreement, &it.from, &to); err != nil {
			return err
		}
		if to != nil {
			it.to = *to
		}
		it.key, it.sight = w.CitizenKeys[citizen], leakPlanned(it.kind, it.group)
		it.shownContent = w.inMinPlan(it.from, it.to)
		it.shown = it.shownContent || w.inKalender(it.from) || w.inKalender(it.to)
		items[it.id] = &it
		return nil
	})
	for _, id := range slices.Sorted(maps.Keys(items)) {
		it := items[id]
		what := fmt.Sprintf("plan item %d of %s (%s, %s, %s–%s) %s", it.id, it.key, leakStr(it.kind), leakStr(it.group),
			leakDay(it.from), leakDay(it.to), leakQuote(it.title))
		p.add("plan_items.title: "+what, []string{it.key}, it.sight, shownIf(it.key, it.shown),
			`UPDATE plan_items SET title = left(title, 200 - length($1::text)) || $1 WHERE id = $2`, it.id)
		if it.agreement != "" {
			p.add("plan_items.agreement: "+what, []string{it.key}, it.sight, shownIf(it.key, it.shownContent),
				`UPDATE plan_items SET agreement = agreement || $1 WHERE id = $2`, it.id)
		}
	}

	// The Jobmål, on every Min plan page.
	query("job goals", `SELECT g.citizen_id, p.target_group FROM plan_job_goals g
		LEFT JOIN target_group_periods p ON p.id = g.target_group_period_id
		WHERE g.citizen_id = ANY($1) ORDER BY g.citizen_id`, func(rows pgx.Rows) error {
		var citizen int64
		var group *string
		if err := rows.Scan(&citizen, &group); err != nil {
			return err
		}
		key := w.CitizenKeys[citizen]
		sight := leakSight{Jobcenter: true, Akasse: group != nil && *group == "dagpenge"}
		if !sight.Akasse {
			sight.AkasseWhy = "target group " + leakStr(group)
		}
		p.add(fmt.Sprintf("plan_job_goals.agreed_by: the Jobmål of %s (%s)", key, leakStr(group)), []string{key}, sight,
			shownIf(key, true), `UPDATE plan_job_goals SET agreed_by = agreed_by || $1 WHERE citizen_id = $2`, citizen)
		return nil
	})

	// Meetings: the title in the Kalender of its month, and with whom on
	// Møder and Min plan while it is planned.
	type meeting struct {
		id          int64
		key         string
		kind, group *string
		title       string
		starts, end time.Time
		sight       leakSight
	}
	meetings := map[int64]*meeting{}
	query("meetings", `SELECT id, citizen_id, kind, target_group, title, starts_at, ends_at
		FROM meetings WHERE citizen_id = ANY($1) ORDER BY id`, func(rows pgx.Rows) error {
		var m meeting
		var citizen int64
		if err := rows.Scan(&m.id, &citizen, &m.kind, &m.group, &m.title, &m.starts, &m.end); err != nil {
			return err
		}
		m.key, m.sight = w.CitizenKeys[citizen], leakPlanned(m.kind, m.group)
		meetings[m.id] = &m
		return nil
	})
	for _, id := range slices.Sorted(maps.Keys(meetings)) {
		m := meetings[id]
		planned := m.end.After(w.Now)
		what := fmt.Sprintf("meeting %d of %s (%s, %s, %s) %s", m.id, m.key, leakStr(m.kind), leakStr(m.group),
			m.starts.In(jobnet.Copenhagen).Format("2006-01-02 15:04"), leakQuote(m.title))
		p.add("meetings.title: "+what, []string{m.key}, m.sight, shownIf(m.key, planned || w.inKalender(jobnet.Day(m.starts))),
			`UPDATE meetings SET title = title || $1 WHERE id = $2`, m.id)
		p.add("meetings.with_whom: "+what, []string{m.key}, m.sight, shownIf(m.key, planned),
			`UPDATE meetings SET with_whom = with_whom || $1 WHERE id = $2`, m.id)
	}

	// Self-booking offers open to the citizens: title and description in
	// Møder's first step, for a citizen who may book, of the offer's jobcenter.
	type offer struct {
		id          int64
		kind, group *string
		jobcenter   int64
		citizens    []int64
		title       string
	}
	var offers []offer
	query("offers", `SELECT o.id, o.kind, o.target_group, o.jobcenter_id, o.title,
			array(SELECT oc.citizen_id FROM meeting_offer_citizens oc WHERE oc.offer_id = o.id AND oc.citizen_id = ANY($1) ORDER BY 1)
		FROM meeting_offers o
		WHERE EXISTS (SELECT FROM meeting_offer_citizens oc WHERE oc.offer_id = o.id AND oc.citizen_id = ANY($1))
		ORDER BY o.id`, func(rows pgx.Rows) error {
		var o offer
		if err := rows.Scan(&o.id, &o.kind, &o.group, &o.jobcenter, &o.title, &o.citizens); err != nil {
			return err
		}
		offers = append(offers, o)
		return nil
	})
	for _, o := range offers {
		var of []string
		shown := map[string]bool{}
		for _, id := range o.citizens {
			key := w.CitizenKeys[id]
			of = append(of, key)
			shown[key] = w.MaySelfBook[key] && w.Jobcenter[key] == o.jobcenter
		}
		sight := leakPlanned(o.kind, o.group)
		p.Offers = append(p.Offers, o.id)
		what := fmt.Sprintf("meeting offer %d open to %s (%s, %s) %s", o.id, strings.Join(of, ", "), leakStr(o.kind), leakStr(o.group), leakQuote(o.title))
		p.add("meeting_offers.title: "+what, of, sight, shown, `UPDATE meeting_offers SET title = title || $1 WHERE id = $2`, o.id)
		p.add("meeting_offers.description: "+what, of, sight, shown, `UPDATE meeting_offers SET description = description || $1 WHERE id = $2`, o.id)
	}

	// Messages: all listed with the sender's name; subject and content
	// only to a party.
	type message struct {
		id      int64
		key     string
		from    *int64
		parties []int64
		fromOrg string
		title   string
	}
	var messages []message
	query("messages", `SELECT m.id, m.citizen_id, m.from_org_id, m.from_org_name, m.title,
			array(SELECT p.organisation_id FROM message_parties p WHERE p.message_id = m.id ORDER BY 1)
		FROM messages m WHERE m.citizen_id = ANY($1) ORDER BY m.id`, func(rows pgx.Rows) error {
		var m message
		var citizen int64
		if err := rows.Scan(&m.id, &citizen, &m.from, &m.fromOrg, &m.title, &m.parties); err != nil {
			return err
		}
		m.key = w.CitizenKeys[citizen]
		messages = append(messages, m)
		return nil
	})
	for _, m := range messages {
		sight := w.leakMessage(m.from, m.parties)
		p.Messages = append(p.Messages, m.id)
		what := fmt.Sprintf("message %d of %s from %s %s", m.id, m.key, leakQuote(m.fromOrg), leakQuote(m.title))
		p.add("messages.title: "+what, []string{m.key}, sight, shownIf(m.key, true), `UPDATE messages SET title = title || $1 WHERE id = $2`, m.id)
		p.add("messages.body: "+what, []string{m.key}, sight, shownIf(m.key, true), `UPDATE messages SET body = body || $1 WHERE id = $2`, m.id)
		p.add("messages.from_org_name: "+what, []string{m.key}, leakEveryone, shownIf(m.key, true),
			`UPDATE messages SET from_org_name = from_org_name || $1 WHERE id = $2`, m.id)
	}

	// Absences on Aktuelt fravær: current and coming ones, never "Modtager
	// hjælp fra kommunen"; for the a-kasse only those lawful for dagpenge.
	query("absences", `SELECT id, citizen_id, type, valid_from, valid_to, lawful_for
		FROM absences WHERE citizen_id = ANY($1) ORDER BY id`, func(rows pgx.Rows) error {
		var id, citizen int64
		var typ string
		var from time.Time
		var to *time.Time
		var lawful []string
		if err := rows.Scan(&id, &citizen, &typ, &from, &to, &lawful); err != nil {
			return err
		}
		key := w.CitizenKeys[citizen]
		var sight leakSight
		switch {
		case typ == "Modtager hjælp fra kommunen":
			sight = leakBoth("never shown on Jobnet")
		case to != nil && to.Before(w.Today):
			sight = leakBoth("historical")
		case !slices.Contains(lawful, "dagpenge"):
			sight = leakSight{Jobcenter: true, AkasseWhy: "not lawful for dagpenge"}
		default:
			sight = leakEveryone
		}
		end := time.Time{}
		if to != nil {
			end = *to
		}
		what := fmt.Sprintf("absences.comment: absence %d of %s (%s, %s–%s, lawful for %v)", id, key, typ, leakDay(from), leakDay(end), lawful)
		p.add(what, []string{key}, sight, shownIf(key, true), `UPDATE absences SET comment = comment || $1 WHERE id = $2`, id)
		return nil
	})

	// Preparation forms: the newest the caseworker kind may see, submitted
	// less than 3 months ago — for the a-kasse of the dagpenge variant.
	type form struct {
		id        int64
		key       string
		variant   string
		submitted time.Time
	}
	var forms []form
	query("preparation forms", `SELECT id, citizen_id, variant, submitted_at FROM preparation_forms
		WHERE citizen_id = ANY($1) ORDER BY submitted_at DESC, id DESC`, func(rows pgx.Rows) error {
		var f form
		var citizen int64
		if err := rows.Scan(&f.id, &citizen, &f.variant, &f.submitted); err != nil {
			return err
		}
		f.key = w.CitizenKeys[citizen]
		forms = append(forms, f)
		return nil
	})
	recent := func(f form) bool { return jobnet.Day(f.submitted).After(w.Today.AddDate(0, -3, 0)) }
	shownForm := map[jobnet.OrgKind]map[string]int64{jobnet.OrgAkasse: {}, jobnet.OrgJobcenter: {}}
	for _, f := range forms { // newest first
		if _, ok := shownForm[jobnet.OrgAkasse][f.key]; !ok && f.variant == "dagpenge" && recent(f) {
			shownForm[jobnet.OrgAkasse][f.key] = f.id
		}
		if _, ok := shownForm[jobnet.OrgJobcenter][f.key]; !ok && recent(f) {
			shownForm[jobnet.OrgJobcenter][f.key] = f.id
		}
	}
	formByID := map[int64]form{}
	for _, f := range forms {
		formByID[f.id] = f
	}
	query("preparation answers", `SELECT a.form_id, a.number FROM preparation_form_answers a
		JOIN preparation_forms f ON f.id = a.form_id WHERE f.citizen_id = ANY($1) ORDER BY a.form_id, a.number`, func(rows pgx.Rows) error {
		var formID int64
		var number int
		if err := rows.Scan(&formID, &number); err != nil {
			return err
		}
		f := formByID[formID]
		sight := leakSight{Akasse: shownForm[jobnet.OrgAkasse][f.key] == f.id, Jobcenter: shownForm[jobnet.OrgJobcenter][f.key] == f.id}
		why := "not the newest form submitted less than 3 months ago"
		if !recent(f) {
			why = "submitted 3 months ago or more"
		}
		if !sight.Jobcenter {
			sight.JobcenterWhy = why
		}
		if !sight.Akasse {
			sight.AkasseWhy = why
			if f.variant != "dagpenge" {
				sight.AkasseWhy = "variant " + f.variant
			}
		}
		p.add(fmt.Sprintf("preparation_form_answers.answers: question %d of the %s form %d of %s, submitted %s", number, f.variant, f.id, f.key,
			leakDay(jobnet.Day(f.submitted))), []string{f.key}, sight, shownIf(f.key, true),
			`UPDATE preparation_form_answers SET answers = answers || $1::text WHERE form_id = $2 AND number = $3`, formID, number)
		return nil
	})

	// Forside notifications: the newest are shown, each on the terms of
	// what it is about.
	query("notifications", `SELECT n.id, n.citizen_id, n.kind, n.title,
			row_number() OVER (PARTITION BY n.citizen_id ORDER BY n.occurred_at DESC, n.id DESC),
			n.plan_item_id, i.kind, ip.target_group,
			n.meeting_id, m.kind, m.target_group,
			n.offer_id, o.kind, o.target_group,
			n.message_id, msg.from_org_id,
			array(SELECT mp.organisation_id FROM message_parties mp WHERE mp.message_id = n.message_id ORDER BY 1)
		FROM frontpage_notifications n
		LEFT JOIN plan_items i ON i.id = n.plan_item_id
		LEFT JOIN target_group_periods ip ON ip.id = i.target_group_period_id
		LEFT JOIN meetings m ON m.id = n.meeting_id
		LEFT JOIN meeting_offers o ON o.id = n.offer_id
		LEFT JOIN messages msg ON msg.id = n.message_id
		WHERE n.citizen_id = ANY($1) ORDER BY n.id`, func(rows pgx.Rows) error {
		var id, citizen, rank int64
		var kind, title string
		var itemID, meetingID, offerID, messageID, from *int64
		var itemKind, itemGroup, meetingKind, meetingGroup, offerKind, offerGroup *string
		var parties []int64
		if err := rows.Scan(&id, &citizen, &kind, &title, &rank, &itemID, &itemKind, &itemGroup,
			&meetingID, &meetingKind, &meetingGroup, &offerID, &offerKind, &offerGroup, &messageID, &from, &parties); err != nil {
			return err
		}
		key := w.CitizenKeys[citizen]
		sight := leakEveryone
		var about []string
		both := func(s leakSight, what string) {
			about = append(about, what)
			if !s.Akasse {
				sight.Akasse, sight.AkasseWhy = false, strings.TrimPrefix(sight.AkasseWhy+"; ", "; ")+what+": "+s.AkasseWhy
			}
			if !s.Jobcenter {
				sight.Jobcenter, sight.JobcenterWhy = false, strings.TrimPrefix(sight.JobcenterWhy+"; ", "; ")+what+": "+s.JobcenterWhy
			}
		}
		if itemID != nil {
			both(leakPlanned(itemKind, itemGroup), fmt.Sprintf("plan item %d", *itemID))
		}
		if meetingID != nil {
			both(leakPlanned(meetingKind, meetingGroup), fmt.Sprintf("meeting %d", *meetingID))
		}
		if offerID != nil {
			both(leakPlanned(offerKind, offerGroup), fmt.Sprintf("offer %d", *offerID))
		}
		if messageID != nil {
			both(w.leakMessage(from, parties), fmt.Sprintf("message %d", *messageID))
		}
		if len(about) == 0 {
			sight, about = leakBoth("names nothing it is about"), []string{"nothing"}
		}
		p.add(fmt.Sprintf("frontpage_notifications.title: notification %d of %s (%s about %s, %d. newest) %s", id, key, kind,
			strings.Join(about, ", "), rank, leakQuote(title)), []string{key}, sight, shownIf(key, rank <= leakFrontPageNotifications),
			`UPDATE frontpage_notifications SET title = title || $1 WHERE id = $2`, id)
		return nil
	})

	if err := owner.SendBatch(ctx, &p.batch).Close(); err != nil {
		t.Fatalf("planting the markers: %v", err)
	}
	counts := map[string]int{}
	for _, m := range p.Markers {
		counts[strings.SplitN(m.Datum, ":", 2)[0]]++
	}
	t.Logf("planted %d markers in %v", len(p.Markers), counts)
	return &p.leakPlanted
}

func leakStr(s *string) string {
	if s == nil {
		return "NULL"
	}
	return *s
}

// leakCrawl is one caseworker's crawl of one citizen's Jobnet. It follows
// no redirect by itself, so that every hop is checked.
type leakCrawl struct {
	t       *testing.T
	s       *stack
	base    *url.URL // the server
	hc      *http.Client
	w       *leakWorld
	planted *leakPlanted

	queue    []string
	visited  map[string]bool // GET URLs, normalised
	posted   map[string]bool // POST actions
	varied   map[string]bool // GET forms whose values have been varied
	reached  map[string]bool // paths that answered with a page
	requests int
	capHit   bool
	problems []string // statuses and redirects that should not be

	found map[string][]string // marker → where it was met
}

func newLeakCrawl(t *testing.T, s *stack, c *client, w *leakWorld, planted *leakPlanted) *leakCrawl {
	base, err := url.Parse(s.BaseURL)
	if err != nil {
		t.Fatal(err)
	}
	return &leakCrawl{
		t: t, s: s, base: base, w: w, planted: planted,
		hc: &http.Client{Jar: c.http.Jar, Timeout: 20 * time.Second,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }},
		visited: map[string]bool{}, posted: map[string]bool{}, varied: map[string]bool{}, reached: map[string]bool{},
		found: map[string][]string{},
	}
}

var leakMarkerPattern = regexp.MustCompile(`LK[0-9]{4}Q`)

// leakErrorPages are pages no link leads to, whose answers are errors.
var leakErrorPages = []string{
	"/borger/findes-ikke",
	"/borger/planer/beskeder/0",
	"/borger/planer/beskeder/x",
	"/borger/planer/min-plan?fra=x&periode=x&visning=x&udfold=x",
	"/borger/planer/kalender?maaned=x",
	"/borger/planer/moeder?trin=9&tilbud=x&med=x&tid=x",
	"/borger/jobsoegning/joblog?fra=x&til=x&status=x",
	"/borger/jobsoegning/find-job?stilling=x&omraade=x&side=x",
	"/borger/jobsoegning/find-job?soegeprofil=x",
	"/borger/jobsoegning/jobannonce/0",
	"/borger/jobsoegning/joblog/kort?fra=x&til=x&status=x",
}

// run crawls from the citizen's root, then opens the pages the data names
// but no link may lead to — every marked message and offer, the other
// citizen's included, whose answer must then be an error page without
// them — and a few error pages.
func (cr *leakCrawl) run() {
	cr.enqueue("/borger/")
	cr.drain()
	for _, page := range leakErrorPages {
		cr.enqueue(page)
	}
	for _, id := range cr.planted.Messages {
		cr.enqueue("/borger/planer/beskeder/" + strconv.FormatInt(id, 10))
	}
	for _, id := range cr.planted.Offers {
		cr.enqueue("/borger/planer/moeder?" + url.Values{"trin": {"2"}, "tilbud": {strconv.FormatInt(id, 10)}}.Encode())
	}
	cr.drain()
}

func (cr *leakCrawl) drain() {
	for len(cr.queue) > 0 && !cr.capHit {
		target := cr.queue[0]
		cr.queue = cr.queue[1:]
		cr.get(target)
	}
}

// enqueue adds a URL of the citizen's Jobnet, normalised, if it is within
// the crawl's bounds and not yet visited.
func (cr *leakCrawl) enqueue(target string) {
	u, err := url.Parse(target)
	if err != nil || !strings.HasPrefix(u.Path, "/borger") || !cr.w.inBounds(u) {
		return
	}
	key := leakNormalise(u)
	if !cr.visited[key] {
		cr.visited[key] = true
		cr.queue = append(cr.queue, key)
	}
}

func leakNormalise(u *url.URL) string {
	n := url.URL{Path: u.Path, RawQuery: u.Query().Encode()}
	return n.RequestURI()
}

// inBounds keeps Min plan windows and Kalender months within the crawl's
// span of time; a value the page cannot read is kept (it shows an error).
func (w *leakWorld) inBounds(u *url.URL) bool {
	q := u.Query()
	switch u.Path {
	case "/borger/planer/min-plan":
		fra := strings.TrimSpace(q.Get("fra"))
		if fra == "" {
			return true
		}
		var first time.Time
		if n, err := strconv.Atoi(fra); err == nil && len(fra) <= 4 {
			first = leakAddMonths(w.Today, n)
		} else if d, err := time.Parse(time.DateOnly, fra); err == nil {
			first = d
		} else if d, err := time.Parse("2-1-2006", fra); err == nil {
			first = d
		} else {
			return true
		}
		return !first.Before(w.FirstWindow) && !first.After(w.LastWindow)
	case "/borger/planer/kalender":
		m, err := time.Parse("2006-01", strings.TrimSpace(q.Get("maaned")))
		if err != nil {
			return true
		}
		return !m.Before(w.FirstMonth) && !m.After(w.LastMonth)
	}
	return true
}

// do makes one request and checks all of its answer for markers.
func (cr *leakCrawl) do(method, target string, form url.Values) (*http.Response, []byte, bool) {
	if cr.requests >= leakRequestCap {
		cr.capHit = true
		return nil, nil, false
	}
	cr.requests++
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, cr.s.BaseURL+target, body)
	if err != nil {
		cr.t.Fatalf("%s %s: %v", method, target, err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := cr.hc.Do(req)
	if err != nil {
		cr.t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		cr.t.Fatalf("%s %s: reading the answer: %v", method, target, err)
	}
	where := method + " " + target
	cr.scan(b, "body of "+where)
	for name, values := range resp.Header {
		for _, v := range values {
			cr.scan([]byte(name+": "+v), "header "+name+" of "+where)
		}
	}
	if resp.StatusCode >= 500 {
		cr.problems = append(cr.problems, fmt.Sprintf("%s answered %d", where, resp.StatusCode))
	}
	return resp, b, true
}

func (cr *leakCrawl) scan(b []byte, where string) {
	for _, code := range leakMarkerPattern.FindAll(b, -1) {
		c := string(code)
		if _, ok := cr.planted.Markers[c]; !ok {
			continue
		}
		if l := cr.found[c]; len(l) == 0 || l[len(l)-1] != where {
			cr.found[c] = append(l, where)
		}
	}
}

// get opens a page and follows its redirects one hop at a time, then
// queues its links and forms.
func (cr *leakCrawl) get(target string) {
	for hops := 0; hops < 10; hops++ {
		resp, body, ok := cr.do(http.MethodGet, target, nil)
		if !ok {
			return
		}
		u, err := cr.base.Parse(target)
		if err != nil {
			cr.t.Fatalf("GET %s: %v", target, err)
		}
		if resp.StatusCode != http.StatusNotFound && resp.StatusCode < 500 {
			cr.reached[u.Path] = true
		}
		loc := resp.Header.Get("Location")
		if resp.StatusCode < 300 || resp.StatusCode >= 400 || loc == "" {
			cr.follow(u, resp, body)
			return
		}
		next, err := u.Parse(loc)
		if err != nil || next.Host != cr.base.Host || !strings.HasPrefix(next.Path, "/borger") {
			cr.problems = append(cr.problems, fmt.Sprintf("GET %s redirected out of the citizen's Jobnet, to %s", target, loc))
			return
		}
		key := leakNormalise(next)
		if cr.visited[key] && key != target {
			return
		}
		cr.visited[key] = true
		target = key
	}
	cr.problems = append(cr.problems, fmt.Sprintf("GET %s: more than 10 redirects", target))
}

// follow queues the page's links and GET forms, and submits its POST forms.
func (cr *leakCrawl) follow(base *url.URL, resp *http.Response, body []byte) {
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		return
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return
	}
	doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
		if u, ok := internalCitizenURL(base, attr(a, "href")); ok {
			cr.enqueue(u)
		}
	})
	doc.Find("form").Each(func(_ int, f *goquery.Selection) {
		action := base
		if a := attr(f, "action"); a != "" {
			var err error
			if action, err = base.Parse(a); err != nil {
				return
			}
		}
		if !strings.HasPrefix(action.Path, "/borger") {
			return // log out, the CPR page: not the citizen's
		}
		values, variants := leakFormValues(f)
		if strings.EqualFold(attr(f, "method"), http.MethodPost) {
			if cr.posted[action.Path] {
				return
			}
			cr.posted[action.Path] = true
			resp, _, ok := cr.do(http.MethodPost, action.Path, values)
			if ok && resp.StatusCode != http.StatusForbidden {
				cr.problems = append(cr.problems, fmt.Sprintf("POST %s answered %d, not the refusal (403)", action.Path, resp.StatusCode))
			}
			return
		}
		// A GET form: with its defaults, and each choice varied one at a
		// time, once per form (the same form on another page differs only
		// in what is chosen, and would multiply the crawl).
		sig := action.Path + "?" + leakFormSignature(f)
		if cr.varied[sig] {
			return
		}
		cr.varied[sig] = true
		for _, v := range append([]url.Values{values}, variants...) {
			u := *action
			u.RawQuery, u.Fragment = v.Encode(), ""
			cr.enqueue(u.RequestURI())
		}
	})
}

// leakFormValues is what a browser submits for the form untouched, and the
// submissions with one select option, radio value or checkbox changed.
func leakFormValues(form *goquery.Selection) (url.Values, []url.Values) {
	values := url.Values{}
	type choice struct{ name, value string }
	var options []choice // other values of selects and radios
	var toggles []choice // checkboxes, to flip
	checked := map[choice]bool{}
	form.Find("input, select, textarea").Each(func(_ int, in *goquery.Selection) {
		name := attr(in, "name")
		if _, disabled := in.Attr("disabled"); name == "" || disabled {
			return
		}
		_, isChecked := in.Attr("checked")
		switch typ := strings.ToLower(attr(in, "type")); {
		case goquery.NodeName(in) == "select":
			opts := in.Find("option")
			chosen := opts.Filter("[selected]").First()
			if chosen.Length() == 0 {
				chosen = opts.First()
			}
			if chosen.Length() > 0 {
				values.Add(name, leakOptionValue(chosen))
			}
			opts.Each(func(_ int, o *goquery.Selection) {
				if v := leakOptionValue(o); v != leakOptionValue(chosen) {
					options = append(options, choice{name, v})
				}
			})
		case goquery.NodeName(in) == "textarea":
			values.Add(name, in.Text())
		case typ == "radio":
			v := attr(in, "value")
			if isChecked {
				values.Add(name, v)
			} else {
				options = append(options, choice{name, v})
			}
		case typ == "checkbox":
			v, _ := in.Attr("value")
			if v == "" {
				v = "on"
			}
			if isChecked {
				values.Add(name, v)
				checked[choice{name, v}] = true
			}
			toggles = append(toggles, choice{name, v})
		case typ == "submit" || typ == "button" || typ == "image" || typ == "reset":
		default:
			values.Add(name, attr(in, "value"))
		}
	})
	var variants []url.Values
	for _, o := range options {
		v := leakCopy(values)
		v.Set(o.name, o.value)
		variants = append(variants, v)
	}
	for _, c := range toggles {
		v := leakCopy(values)
		if checked[c] {
			v[c.name] = slices.DeleteFunc(slices.Clone(v[c.name]), func(s string) bool { return s == c.value })
			if len(v[c.name]) == 0 {
				delete(v, c.name)
			}
		} else {
			v.Add(c.name, c.value)
		}
		variants = append(variants, v)
	}
	return values, variants
}

func leakOptionValue(o *goquery.Selection) string {
	if v, ok := o.Attr("value"); ok {
		return v
	}
	return strings.TrimSpace(o.Text())
}

func leakCopy(v url.Values) url.Values {
	c := url.Values{}
	for k, vs := range v {
		c[k] = slices.Clone(vs)
	}
	return c
}

// leakFormSignature names a form by its fields, its hidden values and its
// choices, but not by which choice is made.
func leakFormSignature(form *goquery.Selection) string {
	var parts []string
	form.Find("input, select, textarea").Each(func(_ int, in *goquery.Selection) {
		typ := strings.ToLower(attr(in, "type"))
		part := goquery.NodeName(in) + ":" + typ + ":" + attr(in, "name")
		switch {
		case typ == "hidden", typ == "radio", typ == "checkbox":
			part += "=" + attr(in, "value")
		case goquery.NodeName(in) == "select":
			in.Find("option").Each(func(_ int, o *goquery.Selection) { part += "|" + leakOptionValue(o) })
		}
		parts = append(parts, part)
	})
	return strings.Join(parts, "&")
}

// routesReached are the citizen routes some crawled path matched.
func (cr *leakCrawl) routesReached(routes []string) map[string]bool {
	out := map[string]bool{}
	for _, r := range routes {
		re := leakRoutePattern(r)
		for path := range cr.reached {
			if re.MatchString(path) {
				out[r] = true
				break
			}
		}
	}
	return out
}

// leakRoutePattern turns a chi route pattern into a regular expression:
// a parameter matches one path segment, a * the rest.
func leakRoutePattern(route string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(route); i++ {
		switch route[i] {
		case '{':
			end := strings.IndexByte(route[i:], '}')
			if end < 0 {
				b.WriteString(regexp.QuoteMeta(route[i:]))
				i = len(route)
				continue
			}
			b.WriteString("[^/]+")
			i += end
		case '*':
			b.WriteString(".*")
		default:
			b.WriteString(regexp.QuoteMeta(route[i : i+1]))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// report fails on every forbidden marker met, every required marker not
// met, every citizen route not reached, and a crawl cut short.
func (cr *leakCrawl) report(username string, kind jobnet.OrgKind, citizen string, routes []string) {
	t := cr.t
	if cr.capHit {
		t.Errorf("%s/%s: the crawl reached its cap of %d requests before it had seen everything; raise the cap or bound the crawl",
			username, citizen, leakRequestCap)
	}
	for _, p := range cr.problems {
		t.Errorf("%s/%s: %s", username, citizen, p)
	}
	codes := slices.Sorted(maps.Keys(cr.planted.Markers))
	counts := map[leakExpect]int{}
	for _, code := range codes {
		m := cr.planted.Markers[code]
		e := m.expect(kind, citizen)
		counts[e]++
		switch where := cr.found[code]; {
		case e == leakForbidden && len(where) > 0:
			places := strings.Join(where[:min(len(where), 3)], "; ")
			if len(where) > 3 {
				places += fmt.Sprintf(" (and %d more)", len(where)-3)
			}
			t.Errorf("%s (%s) sees forbidden %s [%s; hidden: %s] in %s", username, kind, code, m.Datum, m.why(kind, citizen), places)
		case e == leakRequired && len(where) == 0:
			t.Errorf("%s (%s) never sees required %s [%s] on any page of %s", username, kind, code, m.Datum, citizen)
		}
	}
	t.Logf("oracle for %s on %s: %d markers forbidden, %d required, %d visible but on no crawled page",
		username, citizen, counts[leakForbidden], counts[leakRequired], counts[leakNeither])
	reached := cr.routesReached(routes)
	var missed []string
	for _, r := range routes {
		if !reached[r] {
			missed = append(missed, r)
		}
	}
	if len(missed) > 0 {
		sort.Strings(missed)
		t.Errorf("%s/%s: the crawl reached %d of the %d citizen routes; nothing led to %q",
			username, citizen, len(reached), len(routes), missed)
	}
}
