package postgres_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// The Møder page is one round trip: the offers open to the citizen with
// their caseworkers and teams, at most 30 free times of the chosen one in
// time order, and the meetings not yet held.
func TestMeetingsPage_OneRoundTrip(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	anna := citizenID(t, pool, "anna")
	var team int64
	if err := pool.QueryRow(context.Background(), `SELECT id FROM meeting_offer_hosts WHERE name = 'Team Dagpenge'`).Scan(&team); err != nil {
		t.Fatal(err)
	}
	rt := &roundTrips{Querier: pool}
	now := time.Now()
	p, err := postgres.NewStore(rt).MeetingsPage(context.Background(), actingFor(t, pool, demo.OrgJobcenterAarhus), anna, team, now)
	if err != nil {
		t.Fatal(err)
	}
	if rt.n != 1 {
		t.Errorf("%d round trips, want 1", rt.n)
	}
	var offers, coming int
	for _, o := range demo.MeetingOffers {
		if slices.Contains(o.Citizens, "anna") {
			offers++
		}
	}
	for _, m := range demo.Meetings["anna"] {
		if m.Days >= 0 {
			coming++
		}
	}
	if len(p.Offers) != offers || len(p.Offers[0].Hosts) != 2 || len(p.Offers[0].Forms) != 3 {
		t.Errorf("%d offers, want %d: %+v", len(p.Offers), offers, p.Offers)
	}
	if len(p.Slots) != jobnet.MaxInstantSlots {
		t.Errorf("%d free times, want %d", len(p.Slots), jobnet.MaxInstantSlots)
	}
	for i, s := range p.Slots {
		if !s.StartsAt.After(now) {
			t.Errorf("a past time is offered: %v", s.StartsAt)
		}
		if i > 0 && s.StartsAt.Before(p.Slots[i-1].StartsAt) {
			t.Errorf("times out of order at %d", i)
		}
	}
	if len(p.Meetings) != coming {
		t.Errorf("%d meetings, want anna's %d coming ones", len(p.Meetings), coming)
	}
}

// Only offers of the citizen's own jobcenter that are open to the citizen
// are read, and no free time without a choice of caseworker or team.
func TestMeetingsPage_OnlyOffersOpenToTheCitizen(t *testing.T) {
	dsn := pgtest.NewDemoDatabase(t)
	pool := pgtest.Pool(t, dsn)
	s := postgres.NewStore(pool)
	ctx := context.Background()
	nina := actingFor(t, pool, demo.OrgJobcenterAarhus)
	p, err := s.MeetingsPage(ctx, nina, citizenID(t, pool, "lars"), 0, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Offers) != 1 || p.Offers[0].Title != demo.MeetingOffers[1].Title || len(p.Slots) != 0 {
		t.Errorf("lars's offers = %+v, slots %d", p.Offers, len(p.Slots))
	}
	// Hans belongs to Jobcenter Odense: an offer of Jobcenter Aarhus opened
	// to him is not his.
	hans := citizenID(t, pool, "hans")
	if _, err := pgtest.OwnerPool(t, dsn).Exec(ctx, `INSERT INTO meeting_offer_citizens (offer_id, citizen_id, offered_at)
		SELECT id, $1, now() FROM meeting_offers`, hans); err != nil {
		t.Fatal(err)
	}
	p, err = s.MeetingsPage(ctx, nina, hans, 0, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Offers) != 0 {
		t.Errorf("hans (Jobcenter Odense) is offered %+v", p.Offers)
	}
}
