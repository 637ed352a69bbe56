package server

import (
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/accesslog"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

func TestParseLoginActivityQuery(t *testing.T) {
	day := jobnet.Date
	today := day(2026, 12, 2)
	filter := func(f accesslog.Filter) accesslog.Filter {
		if f.Outcome == "" {
			f.Outcome = accesslog.OutcomeAll
		}
		if f.Page == 0 {
			f.Page = 1
		}
		f.PerPage = loginActivityPerPage
		return f
	}
	tests := []struct {
		name  string
		query string
		want  loginActivityQuery
	}{
		{"nothing: the last month, everyone, every outcome", "",
			loginActivityQuery{Filter: filter(accesslog.Filter{From: day(2026, 11, 2), To: today}),
				Form: views.LoginActivityForm{From: "2026-11-02", To: "2026-12-02"}}},
		{"a caseworker and an outcome without a period keep the last month", "sagsbehandler=7&udfald=afvist",
			loginActivityQuery{Filter: filter(accesslog.Filter{From: day(2026, 11, 2), To: today, CaseworkerID: 7, Outcome: accesslog.OutcomeRefused}),
				Form: views.LoginActivityForm{From: "2026-11-02", To: "2026-12-02"}}},
		{"dates emptied: no limit", "fra=&til=&udfald=adgang&side=3",
			loginActivityQuery{Filter: filter(accesslog.Filter{Outcome: accesslog.OutcomeGranted, Page: 3})}},
		{"Danish dates", "fra=1.10.2026&til=15-10-2026&udfald=alle&sagsbehandler=",
			loginActivityQuery{Filter: filter(accesslog.Filter{From: day(2026, 10, 1), To: day(2026, 10, 15)}),
				Form: views.LoginActivityForm{From: "2026-10-01", To: "2026-10-15"}}},
		{"wrong date: kept, and not used", "fra=31-02-2026&til=2026-12-01",
			loginActivityQuery{Filter: filter(accesslog.Filter{To: day(2026, 12, 1)}),
				Form: views.LoginActivityForm{From: "31-02-2026", FromError: TextBadDate, To: "2026-12-01"}}},
		{"Til dato before Fra dato", "fra=2026-12-01&til=2026-11-01",
			loginActivityQuery{Filter: filter(accesslog.Filter{From: day(2026, 12, 1)}),
				Form: views.LoginActivityForm{From: "2026-12-01", To: "2026-11-01", ToError: TextToBeforeFrom}}},
		{"caseworker not an id", "fra=&til=&sagsbehandler=Berit",
			loginActivityQuery{Filter: filter(accesslog.Filter{}), Form: views.LoginActivityForm{CaseworkerError: TextLoginActivityBadCaseworker}}},
		{"unknown outcome", "fra=&til=&udfald=maaske",
			loginActivityQuery{Filter: filter(accesslog.Filter{}), Form: views.LoginActivityForm{OutcomeError: TextLoginActivityBadOutcome}}},
		{"page not a number", "fra=&til=&side=x",
			loginActivityQuery{Filter: filter(accesslog.Filter{}), BadPage: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, parseLoginActivityQuery(q, today)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// The links of the page keep the filter: what they carry reads back as the
// same filter, on the page they name.
func TestLoginActivityValues_ReadBackAsTheFilter(t *testing.T) {
	f := accesslog.Filter{From: jobnet.Date(2026, 11, 1), To: jobnet.Date(2026, 11, 30), CaseworkerID: 12, Outcome: accesslog.OutcomeRefused, Page: 4, PerPage: loginActivityPerPage}
	got := parseLoginActivityQuery(loginActivityValues(f, 4), jobnet.Date(2026, 12, 2))
	if diff := cmp.Diff(f, got.Filter); diff != "" || got.invalid() {
		t.Errorf("invalid %v; (-want +got):\n%s", got.invalid(), diff)
	}
}
