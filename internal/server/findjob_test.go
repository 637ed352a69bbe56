package server

import (
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

func TestParseFindJobQuery(t *testing.T) {
	long := strings.Repeat("æ", 201)
	atMost := strings.Repeat("ø", 200)
	tests := []struct {
		name  string
		query string
		want  findJobQuery
	}{
		{"nothing: every posting, first page", "", findJobQuery{query: jobnet.JobQuery{Page: 1}}},
		{"free text in words", "fritekst=+kontor++Aarhus+",
			findJobQuery{query: jobnet.JobQuery{Words: []string{"kontor", "Aarhus"}, Page: 1},
				form: views.FindJobForm{Text: "kontor  Aarhus"}, text: "kontor  Aarhus"}},
		{"200 characters are fine", "fritekst=" + atMost,
			findJobQuery{query: jobnet.JobQuery{Words: []string{atMost}, Page: 1}, form: views.FindJobForm{Text: atMost}, text: atMost}},
		{"201 characters are not: kept, not searched", "fritekst=" + long,
			findJobQuery{query: jobnet.JobQuery{Page: 1}, form: views.FindJobForm{Text: long, TextError: TextFindJobTextTooLong}}},
		{"a CPR number is neither searched nor shown", "fritekst=kontor+120385-4417",
			findJobQuery{query: jobnet.JobQuery{Page: 1}, form: views.FindJobForm{TextError: TextFindJobCPR}}},
		{"a phone number is not a CPR number", "fritekst=86120000",
			findJobQuery{query: jobnet.JobQuery{Words: []string{"86120000"}, Page: 1}, form: views.FindJobForm{Text: "86120000"}, text: "86120000"}},
		{"occupation and area", "stilling=12&omraade=kommune-751&side=3",
			findJobQuery{query: jobnet.JobQuery{OccupationID: 12, Area: jobnet.AreaRef{Kind: jobnet.AreaKommune, Code: "751"}, Page: 3},
				form: views.FindJobForm{Occupation: "12", Area: "kommune-751"}}},
		{"a region and a labour-market area", "omraade=region-1082",
			findJobQuery{query: jobnet.JobQuery{Area: jobnet.AreaRef{Kind: jobnet.AreaRegion, Code: "1082"}, Page: 1},
				form: views.FindJobForm{Area: "region-1082"}}},
		{"occupation not a number", "stilling=kontor",
			findJobQuery{query: jobnet.JobQuery{Page: 1}, form: views.FindJobForm{Occupation: "kontor", OccupationError: TextFindJobOccupation}}},
		{"occupation 0", "stilling=0",
			findJobQuery{query: jobnet.JobQuery{Page: 1}, form: views.FindJobForm{Occupation: "0", OccupationError: TextFindJobOccupation}}},
		{"no such kind of area", "omraade=by-8000",
			findJobQuery{query: jobnet.JobQuery{Page: 1}, form: views.FindJobForm{Area: "by-8000", AreaError: TextFindJobArea}}},
		{"region code out of range", "omraade=region-1099",
			findJobQuery{query: jobnet.JobQuery{Page: 1}, form: views.FindJobForm{Area: "region-1099", AreaError: TextFindJobArea}}},
		{"page 0", "side=0", findJobQuery{query: jobnet.JobQuery{Page: 1}, badPage: true}},
		{"page 10^9", "side=1000000000", findJobQuery{query: jobnet.JobQuery{Page: 1}, badPage: true}},
		{"page the last allowed", "side=500", findJobQuery{query: jobnet.JobQuery{Page: 500}}},
	}
	for _, tc := range tests {
		v, err := url.ParseQuery(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		got := parseFindJobQuery(v)
		if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(findJobQuery{})); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}

func TestFindJobView_UnknownChoicesGetTheMessageAndPagesAreCounted(t *testing.T) {
	res := jobnet.JobSearch{
		Occupations: []jobnet.Occupation{{ID: 1, Title: "Kontorassistent (kontorfunktionær)"}},
		Kommuner:    []jobnet.Kommune{{Number: "751", Name: "Aarhus", AreaID: 9}},
		Total:       41, Page: 3,
	}
	q := parseFindJobQuery(url.Values{"stilling": {"99"}, "omraade": {"kommune-751"}, "side": {"7"}})
	v := findJobView(&q, res)
	if v.Form.OccupationError != TextFindJobOccupation || v.Form.AreaError != "" {
		t.Errorf("errors: occupation %q, area %q", v.Form.OccupationError, v.Form.AreaError)
	}
	want := views.FindJobPaging{Page: 3, Pages: 3, Prev: "/borger/jobsoegning/find-job?omraade=kommune-751&side=2",
		Error: "Siden findes ikke. Vælg en side fra 1 til 3"}
	if diff := cmp.Diff(want, v.Paging); diff != "" {
		t.Errorf("paging (-want +got):\n%s", diff)
	}
	if !v.AreaGroups[2].Options[0].Selected {
		t.Error("the chosen kommune is not selected")
	}
}
