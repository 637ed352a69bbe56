package server

import (
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

func TestParseJoblogQuery(t *testing.T) {
	long := strings.Repeat("æ", 201)
	atMost := strings.Repeat("ø", 200)
	day := jobnet.Date
	tests := []struct {
		name  string
		query string
		want  joblogQuery
	}{
		{"nothing: Jobnet's period, a month back to today (filled in below), open logs, first page", "",
			joblogQuery{Filter: jobnet.JoblogFilter{Page: 1}}},
		{"both dates emptied: the whole joblog", "fra=&til=",
			joblogQuery{Filter: jobnet.JoblogFilter{Page: 1}}},
		{"dates from a date field", "fra=2026-08-01&til=2026-11-22",
			joblogQuery{
				Filter: jobnet.JoblogFilter{From: day(2026, 8, 1), To: day(2026, 11, 22), Page: 1},
				Form:   views.JoblogForm{From: "2026-08-01", To: "2026-11-22"}}},
		{"Danish dates are shown as a date field's value", "fra=01-08-2026&til=2.9.2026",
			joblogQuery{
				Filter: jobnet.JoblogFilter{From: day(2026, 8, 1), To: day(2026, 9, 2), Page: 1},
				Form:   views.JoblogForm{From: "2026-08-01", To: "2026-09-02"}}},
		{"one day", "fra=22-11-2026&til=22-11-2026",
			joblogQuery{
				Filter: jobnet.JoblogFilter{From: day(2026, 11, 22), To: day(2026, 11, 22), Page: 1},
				Form:   views.JoblogForm{From: "2026-11-22", To: "2026-11-22"}}},
		{"only a Til dato", "til=%2022-11-2026%20",
			joblogQuery{
				Filter: jobnet.JoblogFilter{To: day(2026, 11, 22), Page: 1},
				Form:   views.JoblogForm{To: "2026-11-22"}}},
		{"Fra dato not a date: kept, and not used", "fra=31-02-2026&til=2026-11-22",
			joblogQuery{
				Filter: jobnet.JoblogFilter{To: day(2026, 11, 22), Page: 1},
				Form:   views.JoblogForm{From: "31-02-2026", FromError: TextJoblogBadDate, To: "2026-11-22"}}},
		{"Til dato not a date", "til=i+går",
			joblogQuery{
				Filter: jobnet.JoblogFilter{Page: 1},
				Form:   views.JoblogForm{To: "i går", ToError: TextJoblogBadDate}}},
		{"American date", "fra=11/22/2026",
			joblogQuery{
				Filter: jobnet.JoblogFilter{Page: 1},
				Form:   views.JoblogForm{From: "11/22/2026", FromError: TextJoblogBadDate}}},
		{"two-digit year", "fra=01-08-26",
			joblogQuery{
				Filter: jobnet.JoblogFilter{Page: 1},
				Form:   views.JoblogForm{From: "01-08-26", FromError: TextJoblogBadDate}}},
		{"year out of range", "fra=0001-01-01&til=9999-12-31",
			joblogQuery{
				Filter: jobnet.JoblogFilter{Page: 1},
				Form:   views.JoblogForm{From: "0001-01-01", FromError: TextJoblogBadDate, To: "9999-12-31", ToError: TextJoblogBadDate}}},
		{"Til dato before Fra dato: Til dato kept, and not used", "fra=2026-11-22&til=01-11-2026",
			joblogQuery{
				Filter: jobnet.JoblogFilter{From: day(2026, 11, 22), Page: 1},
				Form:   views.JoblogForm{From: "2026-11-22", To: "01-11-2026", ToError: TextJoblogToBeforeFrom}}},
		{"free text, trimmed", "tekst=+Arla+",
			joblogQuery{Filter: jobnet.JoblogFilter{Text: "Arla", Page: 1}, Form: views.JoblogForm{Text: "Arla"}}},
		{"free text of 200 characters", "tekst=" + atMost,
			joblogQuery{Filter: jobnet.JoblogFilter{Text: atMost, Page: 1}, Form: views.JoblogForm{Text: atMost}}},
		{"free text over 200 characters: kept, and not used", "tekst=" + long,
			joblogQuery{Filter: jobnet.JoblogFilter{Page: 1}, Form: views.JoblogForm{Text: long, TextError: TextJoblogTextTooLong}}},
		{"free text with a NUL byte: not used", "tekst=a%00b",
			joblogQuery{Filter: jobnet.JoblogFilter{Page: 1}, Form: views.JoblogForm{Text: "a\uFFFDb", TextError: TextJoblogBadText}}},
		{"free text not UTF-8: not used", "tekst=%FFkontor",
			joblogQuery{Filter: jobnet.JoblogFilter{Page: 1}, Form: views.JoblogForm{Text: "\uFFFDkontor", TextError: TextJoblogBadText}}},
		{"a CPR number as free text: refused and not shown again", "tekst=120385-4417",
			joblogQuery{Filter: jobnet.JoblogFilter{Page: 1}, Form: views.JoblogForm{TextError: cpr.TextSearchRefused}}},
		{"free text with a tab", "tekst=Holm%09Vestergaard",
			joblogQuery{Filter: jobnet.JoblogFilter{Text: "Holm Vestergaard", Page: 1}, Form: views.JoblogForm{Text: "Holm Vestergaard"}}},
		{"date with a NUL byte", "fra=01-08-2026%00",
			joblogQuery{Filter: jobnet.JoblogFilter{Page: 1}, Form: views.JoblogForm{From: "01-08-2026\uFFFD", FromError: TextJoblogBadDate}}},
		{"status", "status=ikke-soegt",
			joblogQuery{Filter: jobnet.JoblogFilter{Status: jobnet.JoblogIkkeSoegt, Page: 1}, Form: views.JoblogForm{Status: "ikke-soegt"}}},
		{"all statuses", "status=alle",
			joblogQuery{Filter: jobnet.JoblogFilter{Page: 1}}},
		{"unknown status", "status=Søgt",
			joblogQuery{Filter: jobnet.JoblogFilter{Page: 1}, Form: views.JoblogForm{StatusError: TextJoblogBadStatus}}},
		{"closed logs too", "afsluttede=1",
			joblogQuery{Filter: jobnet.JoblogFilter{ShowClosed: true, Page: 1}, Form: views.JoblogForm{ShowClosed: true}}},
		{"a page", "side=3",
			joblogQuery{Filter: jobnet.JoblogFilter{Page: 3}}},
		{"page 0", "side=0", joblogQuery{Filter: jobnet.JoblogFilter{Page: 1}, BadPage: true}},
		{"negative page", "side=-2", joblogQuery{Filter: jobnet.JoblogFilter{Page: 1}, BadPage: true}},
		{"page 10^9", "side=1000000000", joblogQuery{Filter: jobnet.JoblogFilter{Page: 1}, BadPage: true}},
		{"page past int64", "side=99999999999999999999999", joblogQuery{Filter: jobnet.JoblogFilter{Page: 1}, BadPage: true}},
		{"page not a number", "side=to", joblogQuery{Filter: jobnet.JoblogFilter{Page: 1}, BadPage: true}},
		{"everything at once", "fra=2026-08-01&til=2026-11-22&tekst=kontor&status=soegt&afsluttede=1&side=2",
			joblogQuery{
				Filter: jobnet.JoblogFilter{From: day(2026, 8, 1), To: day(2026, 11, 22), Text: "kontor", Status: jobnet.JoblogSoegt, ShowClosed: true, Page: 2},
				Form:   views.JoblogForm{From: "2026-08-01", To: "2026-11-22", Text: "kontor", Status: "soegt", ShowClosed: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			want := tt.want
			if !q.Has("fra") && !q.Has("til") {
				// Opened without a period: Jobnet's (seed 001 billede 8).
				want.Filter.From, want.Filter.To = day(2026, 10, 22), day(2026, 11, 22)
				want.Form.From, want.Form.To = "2026-10-22", "2026-11-22"
			}
			if diff := cmp.Diff(want, parseJoblogQuery(q, day(2026, 11, 22))); diff != "" {
				t.Errorf("parseJoblogQuery(%q) mismatch (-want +got):\n%s", tt.query, diff)
			}
		})
	}
}

func TestJoblogURL_KeepsTheFilter(t *testing.T) {
	f := jobnet.JoblogFilter{From: jobnet.Date(2026, 8, 1), To: jobnet.Date(2026, 11, 22), Text: "Holm & Vestergaard", ShowClosed: true, Page: 2}
	tests := []struct {
		slug string
		page int
		want string
	}{
		{"", 1, "/borger/jobsoegning/joblog?afsluttede=1&fra=2026-08-01&tekst=Holm+%26+Vestergaard&til=2026-11-22"},
		{"soegt", 3, "/borger/jobsoegning/joblog?afsluttede=1&fra=2026-08-01&side=3&status=soegt&tekst=Holm+%26+Vestergaard&til=2026-11-22"},
	}
	for _, tt := range tests {
		if got := joblogURL(f, tt.slug, tt.page); got != tt.want {
			t.Errorf("joblogURL(%q, %d) = %q, want %q", tt.slug, tt.page, got, tt.want)
		}
	}
	// Without a period the link says so: no period is Jobnet's month.
	if got := joblogURL(jobnet.JoblogFilter{}, "", 1); got != "/borger/jobsoegning/joblog?fra=&til=" {
		t.Errorf("joblogURL without a filter = %q", got)
	}
}
