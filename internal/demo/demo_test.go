package demo

import (
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// The demo cases must show every branch of the access rule, for the a-kasse
// caseworker and for the jobcenter caseworker.
func TestCitizens_ExerciseEveryBranchOfTheAccessRule(t *testing.T) {
	today := jobnet.Date(2026, time.November, 22)
	ids := map[jobnet.Organisation]int64{}
	for i, o := range Organisations {
		ids[o] = int64(i + 1)
	}
	org := func(o jobnet.Organisation) jobnet.Organisation { o.ID = ids[o]; return o }
	akasse := jobnet.Caseworker{Org: org(OrgFagenesAkasse)}
	jobcenter := jobnet.Caseworker{Org: org(OrgJobcenterAarhus)}

	want := map[string][2]access.Reason{ // a-kasse, jobcenter; "" = allowed
		"anna":     {"", ""},
		"bo":       {"", ""},
		"camilla":  {"", ""},
		"dennis":   {access.ReasonWrongKontaktgruppe, ""},
		"emma":     {access.ReasonNotAkasseMember, ""},
		"frederik": {access.ReasonNotAkasseMember, ""},
		"gitte":    {access.ReasonNotAkasseMember, ""},
		"hans":     {access.ReasonNotAkasseMember, access.ReasonOtherJobcenter},
		"ida":      {access.ReasonWrongKontaktgruppe, ""},
		"jonas":    {access.ReasonWrongKontaktgruppe, access.ReasonNoRegistration},
		"karen":    {access.ReasonWrongKontaktgruppe, access.ReasonNoRegistration},
		"lars":     {access.ReasonNotAkasseMember, ""},
		"maja":     {"", ""},
	}
	seen := map[string]bool{}
	for i, c := range Citizens {
		if _, err := cpr.Parse(c.CPR); err != nil {
			t.Errorf("%s: CPR does not parse", c.Key)
		}
		if seen[c.CPR] || c.CPR == UnknownCPR {
			t.Errorf("%s: CPR used twice", c.Key)
		}
		seen[c.CPR] = true
		f := jobnet.CitizenFacts{Citizen: jobnet.Citizen{ID: int64(i + 1), JobcenterOrgID: ids[c.Jobcenter]}}
		for _, m := range c.Memberships {
			f.Memberships = append(f.Memberships, jobnet.AkasseMembership{AkasseOrgID: ids[m.Akasse],
				Period: jobnet.Period{From: On(today, m.FromDays), To: zeroOr(day(today, m.ToDays))}})
		}
		for _, r := range c.Registrations {
			f.Registrations = append(f.Registrations, jobnet.Registration{Kontaktgruppe: r.Kontaktgruppe, Tilmeldekategori: r.Tilmeldekategori,
				Registered: r.Registered, JobcenterOrgID: ids[c.Jobcenter],
				Period: jobnet.Period{From: On(today, r.FromDays), To: zeroOr(day(today, r.ToDays))}})
		}
		w, ok := want[c.Key]
		if !ok {
			t.Errorf("%s: no expectation", c.Key)
			continue
		}
		if got := access.MayLookUp(akasse, f, today).Reason; got != w[0] {
			t.Errorf("%s (%s): a-kasse reason = %q, want %q", c.Key, c.Case, got, w[0])
		}
		if got := access.MayLookUp(jobcenter, f, today).Reason; got != w[1] {
			t.Errorf("%s (%s): jobcenter reason = %q, want %q", c.Key, c.Case, got, w[1])
		}
	}
	if _, err := cpr.Parse(UnknownCPR); err != nil {
		t.Error("UnknownCPR does not parse")
	}
}

func zeroOr(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}
