package jobnet_test

import (
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

func TestLatestAgreement_IsTheNewestOfTheOwnerAmongTheItemsGiven(t *testing.T) {
	day := func(d int) time.Time { return jobnet.Date(2020, time.May, 20).AddDate(0, 0, d) }
	agreement := func(id int64, owner jobnet.PlanOwner, agreed int, g jobnet.TargetGroup) jobnet.PlanItem {
		return jobnet.PlanItem{ID: id, Kind: jobnet.KindAftale, Owner: owner, AgreedOn: day(agreed),
			Period: jobnet.Period{From: day(agreed)}, TargetGroup: g, Text: "aftale"}
	}
	items := []jobnet.PlanItem{
		agreement(1, jobnet.OwnerJobcenter, -200, jobnet.TargetDagpenge),
		agreement(2, jobnet.OwnerAkasse, -35, jobnet.TargetDagpenge),
		agreement(3, jobnet.OwnerJobcenter, -20, jobnet.TargetDagpenge),
		agreement(4, jobnet.OwnerAkasse, -120, jobnet.TargetDagpenge),
		// Newer, but agreed while the citizen was on sygedagpenge.
		agreement(5, jobnet.OwnerJobcenter, -5, jobnet.TargetSygedagpenge),
		// Not an agreement, though agreed last.
		{ID: 6, Kind: jobnet.KindLoentilskud, Owner: jobnet.OwnerJobcenter, AgreedOn: day(-1), TargetGroup: jobnet.TargetDagpenge},
	}
	for _, tt := range []struct {
		name  string
		cw    jobnet.Caseworker
		owner jobnet.PlanOwner
		want  int64
	}{
		{"jobcenter, seen by the jobcenter", jobnet.Caseworker{Org: jobnet.Organisation{Kind: jobnet.OrgJobcenter}}, jobnet.OwnerJobcenter, 5},
		{"jobcenter, seen by the a-kasse: the sygedagpenge agreement is not its to see", jobnet.Caseworker{Org: jobnet.Organisation{Kind: jobnet.OrgAkasse}}, jobnet.OwnerJobcenter, 3},
		{"a-kasse", jobnet.Caseworker{Org: jobnet.Organisation{Kind: jobnet.OrgAkasse}}, jobnet.OwnerAkasse, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := jobnet.LatestAgreement(access.VisiblePlanItems(tt.cw, items), tt.owner)
			if !ok || got.ID != tt.want {
				t.Errorf("latest agreement = %d (%v), want %d", got.ID, ok, tt.want)
			}
		})
	}
	if _, ok := jobnet.LatestAgreement(items, jobnet.OwnerSTAR); ok {
		t.Error("STAR makes no agreements, yet one was found")
	}
}

func TestPeriodOverlaps(t *testing.T) {
	d := func(m time.Month, day int) time.Time { return jobnet.Date(2020, m, day) }
	first, last := d(time.May, 20), d(time.November, 20)
	for _, tt := range []struct {
		name string
		p    jobnet.Period
		want bool
	}{
		{"inside", jobnet.Period{From: d(time.May, 20), To: d(time.June, 20)}, true},
		{"ends on the first day", jobnet.Period{From: d(time.April, 1), To: first}, true},
		{"starts on the last day", jobnet.Period{From: last, To: d(time.December, 1)}, true},
		{"ends the day before", jobnet.Period{From: d(time.April, 1), To: first.AddDate(0, 0, -1)}, false},
		{"starts the day after", jobnet.Period{From: last.AddDate(0, 0, 1)}, false},
		{"Hele tiden, begun before", jobnet.Period{From: d(time.January, 1)}, true},
		{"covers the whole window", jobnet.Period{From: d(time.January, 1), To: d(time.December, 31)}, true},
	} {
		if got := tt.p.Overlaps(first, last); got != tt.want {
			t.Errorf("%s: Overlaps = %v, want %v", tt.name, got, tt.want)
		}
	}
}
