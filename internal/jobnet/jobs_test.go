package jobnet

import (
	"testing"
	"time"
)

func TestExperience_IsWrittenInDanishAsTheCitizenSeesIt(t *testing.T) {
	for months, want := range map[int]string{
		0:         "Ingen erfaring",
		-3:        "Ingen erfaring",
		1:         "1 måned",
		5:         "5 måneder",
		12:        "1 år",
		13:        "1 år og 1 måned",
		24:        "2 år",
		30:        "2 år og 6 måneder",
		12*12 + 3: "12 år og 3 måneder", // seed 001 billede 7
	} {
		if got := Experience(months); got != want {
			t.Errorf("Experience(%d) = %q, want %q", months, got, want)
		}
	}
}

func TestMustJoblog_OnlyWhileRegisteredAsJobSeeker(t *testing.T) {
	today := Date(2026, time.November, 22)
	open := Period{From: today.AddDate(0, 0, -30)}
	ended := Period{From: today.AddDate(0, 0, -300), To: today.AddDate(0, 0, -1)}
	for _, tc := range []struct {
		name string
		regs []Registration
		want bool
	}{
		{"tilmeldt today", []Registration{{Kontaktgruppe: 1, Registered: true, Period: open}}, true},
		{"afmeldt", []Registration{{Kontaktgruppe: 1, Registered: false, Period: open}}, false},
		{"tilmeldt, but the course ended yesterday", []Registration{{Kontaktgruppe: 1, Registered: true, Period: ended}}, false},
		{"dimittend tilmeldt", []Registration{{Kontaktgruppe: 8, Tilmeldekategori: 5, Registered: true, Period: open}}, true},
		{"no course", nil, false},
	} {
		if got := MustJoblog(CitizenFacts{Registrations: tc.regs}, today); got != tc.want {
			t.Errorf("%s: MustJoblog = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestAreaRef_StringIsTheFormInURLs(t *testing.T) {
	for ref, want := range map[AreaRef]string{
		{}:                               "",
		{Kind: AreaKommune, Code: "751"}: "kommune-751",
		{Kind: AreaRegion, Code: "1082"}: "region-1082",
		{Kind: AreaLabour, Code: "9"}:    "opland-9",
	} {
		if got := ref.String(); got != want {
			t.Errorf("%#v.String() = %q, want %q", ref, got, want)
		}
	}
}
