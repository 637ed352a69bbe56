package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// The jobcenter, the authority for every target group, gets the whole
// plan, in one round trip.
func TestMinPlan_TheWholePlanInOneRoundTrip(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	anna := citizenID(t, pool, "anna")
	rt := &roundTrips{Querier: pool}
	p, err := postgres.NewStore(rt).MinPlan(context.Background(), actingFor(t, pool, demo.OrgJobcenterAarhus), anna, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if rt.n != 1 {
		t.Errorf("%d round trips, want 1", rt.n)
	}
	want := demo.Plans["anna"]
	if len(p.Items) != len(want.Items) {
		t.Fatalf("%d items, want %d", len(p.Items), len(want.Items))
	}
	if p.JobGoal.Occupation != want.JobGoal.Occupation || p.JobGoal.AgreedBy != "Nina Pettersen" || p.JobGoal.TargetGroup != jobnet.TargetDagpenge {
		t.Errorf("job goal %+v", p.JobGoal)
	}
	groups := map[jobnet.PlanItemKind]jobnet.TargetGroup{}
	for i, it := range p.Items {
		if i > 0 && it.Period.From.Before(p.Items[i-1].Period.From) {
			t.Errorf("items not by start: %s before %s", p.Items[i-1].Title, it.Title)
		}
		groups[it.Kind] = it.TargetGroup
		switch it.Owner {
		case jobnet.OwnerSTAR:
			if it.OwnerOrgID != 0 || !it.Period.To.IsZero() || it.AgreedBy != "" {
				t.Errorf("STAR's item %+v", it)
			}
		default:
			if p.OrgNames[it.OwnerOrgID] == "" {
				t.Errorf("%s: no organisation name", it.Title)
			}
		}
	}
	for kind, g := range map[jobnet.PlanItemKind]jobnet.TargetGroup{
		jobnet.KindSygeopfoelgning:     jobnet.TargetSygedagpenge,
		jobnet.KindRehabiliteringsteam: jobnet.TargetRessourceforloeb,
		jobnet.KindHjaelpemiddel:       jobnet.TargetDagpenge,
	} {
		if groups[kind] != g {
			t.Errorf("%s in %q, want %q", kind, groups[kind], g)
		}
	}
	for _, m := range p.Meetings {
		if !m.EndsAt.After(time.Now()) {
			t.Errorf("a meeting that has ended is planned: %+v", m)
		}
	}
}

func TestCalendar_OneMonthInOneRoundTrip(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	anna := citizenID(t, pool, "anna")
	today := jobnet.Day(time.Now())
	// Løntilskud starts in 30 days: its month.
	start := today.AddDate(0, 0, 30)
	first := jobnet.Date(start.Year(), start.Month(), 1)
	last := first.AddDate(0, 1, -1)
	rt := &roundTrips{Querier: pool}
	c, err := postgres.NewStore(rt).Calendar(context.Background(), actingFor(t, pool, demo.OrgJobcenterAarhus), anna, first, last, today)
	if err != nil {
		t.Fatal(err)
	}
	if rt.n != 1 {
		t.Errorf("%d round trips, want 1", rt.n)
	}
	found := false
	for _, it := range c.Items {
		in := func(d time.Time) bool { return !d.IsZero() && !d.Before(first) && !d.After(last) }
		if !in(it.Period.From) && !in(it.Period.To) {
			t.Errorf("%s neither starts nor ends in the month", it.Title)
		}
		found = found || it.Kind == jobnet.KindLoentilskud
	}
	if !found {
		t.Error("Løntilskud is not in the month it starts")
	}
	for _, a := range c.Absences {
		if a.Period.From.After(last) || (!a.Period.To.IsZero() && a.Period.To.Before(first)) {
			t.Errorf("absence %s %v is outside the month", a.Type, a.Period)
		}
	}
}
