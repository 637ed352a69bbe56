package postgres_test

import (
	"context"
	"errors"
	"slices"
	"sort"
	"testing"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

func orgID(t *testing.T, q postgres.Querier, o jobnet.Organisation) int64 {
	t.Helper()
	var id int64
	if err := q.QueryRow(context.Background(), `SELECT id FROM organisations WHERE kind = $1 AND number = $2 AND cvr = $3`,
		string(o.Kind), o.Number, o.CVR).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// actingFor is a caseworker acting for the demo organisation o.
func actingFor(t *testing.T, q postgres.Querier, o jobnet.Organisation) jobnet.Caseworker {
	t.Helper()
	o.ID = orgID(t, q, o)
	return jobnet.Caseworker{Org: o}
}

func messageID(t *testing.T, q postgres.Querier, citizen int64, title string) int64 {
	t.Helper()
	var id int64
	if err := q.QueryRow(context.Background(), `SELECT id FROM messages WHERE citizen_id = $1 AND title = $2`, citizen, title).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// The list is one round trip and carries no content at all; the subject
// only of messages the caseworker's organisation is a party to.
func TestMessages_ListWithoutBodiesInOneRoundTrip(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	rt := &roundTrips{Querier: pool}
	ms, err := postgres.NewStore(rt).Messages(context.Background(), actingFor(t, pool, demo.OrgJobcenterAarhus), citizenID(t, pool, "anna"))
	if err != nil {
		t.Fatal(err)
	}
	if rt.n != 1 {
		t.Errorf("%d round trips, want 1", rt.n)
	}
	want := demo.Messages["anna"]
	if len(ms) != len(want) {
		t.Fatalf("%d messages, want %d", len(ms), len(want))
	}
	sort.SliceStable(want, func(i, j int) bool { return want[i].Days > want[j].Days })
	for i, m := range ms {
		if m.Body != "" {
			t.Errorf("%q: the list loaded the body", m.Title)
		}
		title := "Besked fra " + want[i].FromOrg
		if demoParty(want[i], demo.OrgJobcenterAarhus) {
			title = want[i].Title
		}
		if m.Title != title || m.Withheld == (title == want[i].Title) {
			t.Errorf("message %d = %q (withheld: %v), want %q (newest first)", i, m.Title, m.Withheld, title)
		}
	}
}

// demoParty reports whether o sent the demo message or is a party to it.
func demoParty(m demo.InboxMessage, o jobnet.Organisation) bool {
	if m.Org != nil && *m.Org == o {
		return true
	}
	for _, p := range m.Parties {
		if p == o {
			return true
		}
	}
	return false
}

// The SQL itself lets a message's title and body out of the database only
// to an organisation that is a party to it (the second line of
// access.MayReadMessage), and another citizen's message to no one.
func TestMessage_SubjectAndBodyLeaveTheDatabaseOnlyForAParty(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	s := postgres.NewStore(pool)
	ctx := context.Background()
	anna, lars := citizenID(t, pool, "anna"), citizenID(t, pool, "lars")
	akasse, jobcenter := orgID(t, pool, demo.OrgFagenesAkasse), orgID(t, pool, demo.OrgJobcenterAarhus)
	for _, dm := range demo.Messages["anna"] {
		for _, reader := range []struct {
			id  int64
			org jobnet.Organisation
		}{{akasse, demo.OrgFagenesAkasse}, {jobcenter, demo.OrgJobcenterAarhus}, {0, jobnet.Organisation{}}} {
			party := reader.id != 0 && demoParty(dm, reader.org)
			m, err := postgres.LoadMessage(s, ctx, anna, messageID(t, pool, anna, dm.Title), reader.id)
			if err != nil {
				t.Fatalf("%s: %v", dm.Title, err)
			}
			if (m.Body != "") != party || (m.Title != "") != party {
				t.Errorf("%q for organisation %d: title %q, body %q; want them: %v", dm.Title, reader.id, m.Title, m.Body, party)
			}
			if m.FromOrg != dm.FromOrg || m.SentAt.IsZero() {
				t.Errorf("%q: header %+v", dm.Title, m)
			}
		}
	}
	list, err := postgres.LoadMessages(s, ctx, anna, akasse)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range list {
		if m.Body != "" {
			t.Errorf("the list read a body: %+v", m)
		}
		party := m.FromOrgID == akasse || slices.Contains(m.PartyOrgIDs, akasse)
		if (m.Title != "") != party {
			t.Errorf("the list gave the a-kasse the title %q of a message from %s (party: %v)", m.Title, m.FromOrg, party)
		}
	}
	larsMessage := messageID(t, pool, lars, demo.Messages["lars"][0].Title)
	if _, err := s.Message(ctx, actingFor(t, pool, demo.OrgJobcenterAarhus), anna, larsMessage); !errors.Is(err, jobnet.ErrNotFound) {
		t.Errorf("lars's message as anna's: err = %v, want ErrNotFound", err)
	}
}

// Through the store, a message the caseworker may not read arrives withheld.
func TestMessage_WithheldFromANonParty(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	s := postgres.NewStore(pool)
	ctx := context.Background()
	anna := citizenID(t, pool, "anna")
	berit := actingFor(t, pool, demo.OrgFagenesAkasse)
	for _, dm := range demo.Messages["anna"] {
		m, err := s.Message(ctx, berit, anna, messageID(t, pool, anna, dm.Title))
		if err != nil {
			t.Fatal(err)
		}
		if demoParty(dm, demo.OrgFagenesAkasse) {
			if m.Withheld || m.Title != dm.Title || m.Body == "" {
				t.Errorf("%q: the a-kasse's own message arrived as %+v", dm.Title, m)
			}
			continue
		}
		if !m.Withheld || m.Title != "Besked fra "+dm.FromOrg || m.Body != "" || len(m.PartyOrgIDs) != 0 {
			t.Errorf("%q: arrived as %+v, want withheld", dm.Title, m)
		}
	}
}
