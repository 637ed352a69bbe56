package demo

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// The hand-written expectation for Anna agrees with her logs.
func TestJoblog_AnnasCountsAgreeWithHerLogs(t *testing.T) {
	open := JoblogCounts{ByStatus: map[jobnet.JoblogStatus]int{}}
	all := JoblogCounts{ByStatus: map[jobnet.JoblogStatus]int{}}
	for _, e := range Joblogs["anna"] {
		all.All++
		if e.Status != "" {
			all.ByStatus[e.Status]++
		}
		if !e.Closed {
			open.All++
			if e.Status != "" {
				open.ByStatus[e.Status]++
			}
		}
	}
	if diff := cmp.Diff(AnnaJoblogOpen, open); diff != "" {
		t.Errorf("AnnaJoblogOpen (-written +counted):\n%s", diff)
	}
	if diff := cmp.Diff(AnnaJoblogWithClosed, all); diff != "" {
		t.Errorf("AnnaJoblogWithClosed (-written +counted):\n%s", diff)
	}
	for _, st := range jobnet.JoblogStatuses {
		if all.ByStatus[st] == 0 {
			t.Errorf("Anna has no log with status %s", st)
		}
	}
}

// Every demo log is one the schema and Jobnet would have: changed after it
// was made, applied for before the last change, within the last five months,
// and with a last change of its own, so that the order is certain.
func TestJoblog_LogsArePlausible(t *testing.T) {
	today := jobnet.Date(2026, time.November, 22)
	for key, logs := range Joblogs {
		seen := map[time.Time]bool{}
		for i, e := range logs {
			created, updated := e.CreatedAt(today), e.UpdatedAt(today)
			switch {
			case updated.Before(created):
				t.Errorf("%s %d: changed before it was made", key, i)
			case e.Updated > -1 || e.Updated < -152:
				t.Errorf("%s %d: last changed %d days ago, want within five months", key, i, -e.Updated)
			case e.Applied != nil && *e.Applied > e.Updated:
				t.Errorf("%s %d: applied for after the last change", key, i)
			case (e.Kind == jobnet.JoblogJobsoegning) != (e.Status != ""):
				t.Errorf("%s %d: a %s with status %q", key, i, e.Kind, e.Status)
			case e.Status == jobnet.JoblogIkkeSoegt && (e.Applied != nil || e.How != ""):
				t.Errorf("%s %d: not applied for, but with an application", key, i)
			case seen[updated]:
				t.Errorf("%s %d: changed at the same time as another log", key, i)
			}
			seen[updated] = true
		}
	}
	for _, c := range Citizens {
		if n := len(Joblogs[c.Key]); n > 0 && c.Key != "anna" && c.Key != "bo" && c.Key != "camilla" {
			t.Errorf("%s has %d logs, want none", c.Key, n)
		}
	}
}
