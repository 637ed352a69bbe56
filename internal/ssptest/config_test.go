package ssptest

import "testing"

func TestPHPString_QuotesWhatWouldEndOrEscapeTheLiteral(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "''"},
		{"https://data.gov.dk/model/core/eid/professional/cvr", "'https://data.gov.dk/model/core/eid/professional/cvr'"},
		{"Berit's", `'Berit\'s'`},
		{`C:\tmp\`, `'C:\\tmp\\'`},
		{`\'`, `'\\\''`},
		{"$x {$y}", "'$x {$y}'"}, // single quotes do not interpolate
	} {
		if got := phpString(tc.in); got != tc.want {
			t.Errorf("phpString(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
