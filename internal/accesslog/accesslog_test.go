package accesslog

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/access"
)

func TestCSVText_KeepsSpreadsheetsFromRunningNames(t *testing.T) {
	for in, want := range map[string]string{
		"Berit Hansen":       "Berit Hansen",
		"=HYPERLINK(\"x\")":  "'=HYPERLINK(\"x\")",
		"+45 12 34":          "'+45 12 34",
		"-1":                 "'-1",
		"@SUM(A1)":           "'@SUM(A1)",
		"A-kasse 22 Fagenes": "A-kasse 22 Fagenes",
		"":                   "",
	} {
		if got := csvText(in); got != want {
			t.Errorf("csvText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriter_WritesTheExportColumnsAndTheChosenExtras(t *testing.T) {
	at := time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC)
	rows := []Row{
		{At: at, Granted: true, Caseworker: "Berit Hansen", Organisation: "A-kasse 22", Citizen: "120385-XXXX", CitizenName: "Anna Jensen"},
		{At: at, Caseworker: "=Berit", Organisation: "A-kasse 22", Citizen: "010190-XXXX", CitizenName: "", Reason: access.ReasonNotAkasseMember},
	}
	for _, tc := range []struct {
		name string
		cols Columns
		want string
	}{
		{"the operator's export: codes, no name", Columns{},
			"tidspunkt,type,sagsbehandler,organisation,borger-id,begrundelse\n" +
				"2026-11-22T10:30:00+01:00,Login,Berit Hansen,A-kasse 22,120385-XXXX,\n" +
				"2026-11-22T10:30:00+01:00,Afvist,'=Berit,A-kasse 22,010190-XXXX,not_member_of_akasse\n"},
		{"Loginaktivitet: masked CPR, Danish reason, name", Columns{CitizenHeader: "cpr", ReasonText: ReasonText, WithName: true},
			"tidspunkt,type,sagsbehandler,organisation,cpr,begrundelse,navn\n" +
				"2026-11-22T10:30:00+01:00,Login,Berit Hansen,A-kasse 22,120385-XXXX,,Anna Jensen\n" +
				"2026-11-22T10:30:00+01:00,Afvist,'=Berit,A-kasse 22,010190-XXXX,Borgeren er ikke medlem af a-kassen,\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			w, err := NewWriter(&b, tc.cols)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				if err := w.Write(r); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != tc.want {
				t.Errorf("CSV:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// Every reason a look-up is refused with has its own Danish text.
func TestReasonText_NamesEveryRefusalInDanish(t *testing.T) {
	seen := map[string]access.Reason{}
	for _, r := range []access.Reason{access.ReasonUnknownCitizen, access.ReasonNotAkasseMember, access.ReasonWrongKontaktgruppe,
		access.ReasonOtherJobcenter, access.ReasonNoRegistration, access.ReasonOrgKind} {
		text := ReasonText(r)
		if strings.Contains(text, string(r)) {
			t.Errorf("%s: no Danish text: %q", r, text)
		}
		if other, dup := seen[text]; dup {
			t.Errorf("%s and %s share the text %q", r, other, text)
		}
		seen[text] = r
	}
}
