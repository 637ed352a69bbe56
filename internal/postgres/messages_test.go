package postgres_test

import (
	"context"
	"errors"
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

func messageID(t *testing.T, q postgres.Querier, citizen int64, title string) int64 {
	t.Helper()
	var id int64
	if err := q.QueryRow(context.Background(), `SELECT id FROM messages WHERE citizen_id = $1 AND title = $2`, citizen, title).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// The list is one round trip and carries no content at all.
func TestMessages_ListWithoutBodiesInOneRoundTrip(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	rt := &roundTrips{Querier: pool}
	ms, err := postgres.NewStore(rt).Messages(context.Background(), citizenID(t, pool, "anna"))
	if err != nil {
		t.Fatal(err)
	}
	if rt.n != 1 {
		t.Errorf("%d round trips, want 1", rt.n)
	}
	if len(ms) != len(demo.Messages["anna"]) {
		t.Fatalf("%d messages, want %d", len(ms), len(demo.Messages["anna"]))
	}
	for i, m := range ms {
		if m.Body != "" {
			t.Errorf("%q: the list loaded the body", m.Title)
		}
		if want := demo.Messages["anna"][i].Title; m.Title != want {
			t.Errorf("message %d = %q, want %q (newest first)", i, m.Title, want)
		}
	}
}

// The store gives a message's body only to an organisation that is a party
// to it, and another citizen's message to no one.
func TestMessage_BodyOnlyForAParty(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	s := postgres.NewStore(pool)
	ctx := context.Background()
	anna, lars := citizenID(t, pool, "anna"), citizenID(t, pool, "lars")
	akasse, jobcenter := orgID(t, pool, demo.OrgFagenesAkasse), orgID(t, pool, demo.OrgJobcenterAarhus)
	tests := []struct {
		title  string
		reader int64
		body   bool
	}{
		{"Indkaldelse til samtale", jobcenter, true},
		{"Indkaldelse til samtale", akasse, false},
		{"Forberedelse til din CV-samtale", akasse, true},
		{"Forberedelse til din CV-samtale", jobcenter, false},
		{"Referat af fællessamtale", akasse, true},
		{"Referat af fællessamtale", jobcenter, true},
		{"Velkommen til Jobnet", jobcenter, false},
		{"Invitation til samtale om stillingen som kontorassistent", akasse, false},
		{"Invitation til samtale om stillingen som kontorassistent", 0, false},
	}
	for _, tt := range tests {
		m, err := s.Message(ctx, anna, messageID(t, pool, anna, tt.title), tt.reader)
		if err != nil {
			t.Fatalf("%s: %v", tt.title, err)
		}
		if (m.Body != "") != tt.body {
			t.Errorf("%s for organisation %d: body %q, want body: %v", tt.title, tt.reader, m.Body, tt.body)
		}
		if m.Title != tt.title || m.FromOrg == "" || m.SentAt.IsZero() {
			t.Errorf("%s: header %+v", tt.title, m)
		}
	}
	larsMessage := messageID(t, pool, lars, "Indkaldelse til opfølgningssamtale")
	if _, err := s.Message(ctx, anna, larsMessage, jobcenter); !errors.Is(err, jobnet.ErrNotFound) {
		t.Errorf("lars's message as anna's: err = %v, want ErrNotFound", err)
	}
}
