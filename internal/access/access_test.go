package access

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

var (
	akasse     = jobnet.Organisation{ID: 1, Kind: jobnet.OrgAkasse, Name: "A-kasse 22"}
	akasse2    = jobnet.Organisation{ID: 2, Kind: jobnet.OrgAkasse, Name: "A-kasse 31"}
	jobcenter  = jobnet.Organisation{ID: 3, Kind: jobnet.OrgJobcenter, Name: "Jobcenter Aarhus"}
	jobcenter2 = jobnet.Organisation{ID: 4, Kind: jobnet.OrgJobcenter, Name: "Jobcenter Odense"}
	kommune    = jobnet.Organisation{ID: 5, Kind: jobnet.OrgKommune, Name: "Aarhus Kommune"}
	anden      = jobnet.Organisation{ID: 6, Kind: jobnet.OrgAndenAktor, Name: "Jobvejen ApS"}

	today     = jobnet.Date(2026, time.November, 22)
	yesterday = today.AddDate(0, 0, -1)
	tomorrow  = today.AddDate(0, 0, 1)
	longAgo   = today.AddDate(-3, 0, 0)
)

func sagsbehandler(o jobnet.Organisation) jobnet.OrgMembership {
	return jobnet.OrgMembership{Org: o, Roles: []jobnet.Role{jobnet.RoleSagsbehandler}}
}

func TestUsableOrganisations(t *testing.T) {
	tests := []struct {
		name       string
		user       jobnet.User
		wantOrgs   []jobnet.Organisation
		wantReason Reason
	}{
		{"a-kasse caseworker", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{sagsbehandler(akasse)}},
			[]jobnet.Organisation{akasse}, ""},
		{"jobcenter caseworker", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{sagsbehandler(jobcenter)}},
			[]jobnet.Organisation{jobcenter}, ""},
		{"both kinds: picks among both", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{sagsbehandler(akasse), sagsbehandler(jobcenter)}},
			[]jobnet.Organisation{akasse, jobcenter}, ""},
		{"kommune role alone does not count", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{sagsbehandler(kommune)}},
			nil, ReasonNoRole},
		{"kommune and jobcenter: only the jobcenter", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{sagsbehandler(kommune), sagsbehandler(jobcenter)}},
			[]jobnet.Organisation{jobcenter}, ""},
		{"role missing", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{{Org: jobcenter, Roles: []jobnet.Role{"Indkalder", jobnet.RoleLBA}}}},
			nil, ReasonNoRole},
		{"role in one org only", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{{Org: akasse, Roles: []jobnet.Role{jobnet.RoleLBA}}, sagsbehandler(jobcenter)}},
			[]jobnet.Organisation{jobcenter}, ""},
		{"no organisations", jobnet.User{ID: 1, Active: true}, nil, ReasonNoRole},
		{"inactive user", jobnet.User{ID: 1, Active: false, Memberships: []jobnet.OrgMembership{sagsbehandler(akasse)}},
			nil, ReasonInactive},
		{"unknown user", jobnet.User{}, nil, ReasonUnknownUser},
		{"anden aktør", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{sagsbehandler(anden)}},
			nil, ReasonAndenAktor},
		{"anden aktør who also works in an a-kasse", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{sagsbehandler(anden), sagsbehandler(akasse)}},
			[]jobnet.Organisation{akasse}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orgs, reason := UsableOrganisations(tt.user)
			if diff := cmp.Diff(tt.wantOrgs, orgs); diff != "" {
				t.Errorf("organisations (-want +got):\n%s", diff)
			}
			if reason != tt.wantReason {
				t.Errorf("reason = %q, want %q", reason, tt.wantReason)
			}
		})
	}
}

func TestActAs(t *testing.T) {
	both := jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{sagsbehandler(akasse), sagsbehandler(jobcenter)}}
	tests := []struct {
		name  string
		user  jobnet.User
		orgID int64
		want  Decision
	}{
		{"own a-kasse", both, akasse.ID, Decision{Allowed: true}},
		{"own jobcenter", both, jobcenter.ID, Decision{Allowed: true}},
		{"organisation the user is not in", both, akasse2.ID, Decision{Reason: ReasonNotMember}},
		{"deactivated during the session", jobnet.User{ID: 1, Active: false, Memberships: both.Memberships}, akasse.ID, Decision{Reason: ReasonInactive}},
		{"role removed during the session", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{{Org: akasse}}}, akasse.ID, Decision{Reason: ReasonNoRole}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cw, got := ActAs(tt.user, tt.orgID)
			if got != tt.want {
				t.Fatalf("ActAs = %+v, want %+v", got, tt.want)
			}
			if got.Allowed && cw.Org.ID != tt.orgID {
				t.Errorf("caseworker acts for org %d, want %d", cw.Org.ID, tt.orgID)
			}
		})
	}
}

// citizen builds the facts of citizen 100, belonging to jobcenter (ID 3).
func citizen(ms []jobnet.AkasseMembership, rs ...jobnet.Registration) jobnet.CitizenFacts {
	return jobnet.CitizenFacts{
		Citizen:       jobnet.Citizen{ID: 100, Name: "Anna", JobcenterOrgID: jobcenter.ID},
		Memberships:   ms,
		Registrations: rs,
	}
}

func member(of jobnet.Organisation, from, to time.Time) []jobnet.AkasseMembership {
	return []jobnet.AkasseMembership{{AkasseOrgID: of.ID, Period: jobnet.Period{From: from, To: to}}}
}

func kg(group, category int, registered bool, from, to time.Time) jobnet.Registration {
	return jobnet.Registration{Kontaktgruppe: group, Tilmeldekategori: category, Registered: registered,
		JobcenterOrgID: jobcenter.ID, Period: jobnet.Period{From: from, To: to}}
}

var open time.Time // an open-ended period's To

func TestMayLookUp(t *testing.T) {
	asAkasse := jobnet.Caseworker{Org: akasse}
	asJobcenter := jobnet.Caseworker{Org: jobcenter}
	tests := []struct {
		name string
		cw   jobnet.Caseworker
		f    jobnet.CitizenFacts
		want Decision
	}{
		// A-kasse: member today and kontaktgruppe 1 (tilmeldt or afmeldt) or kg 8 category 5 registered.
		{"a-kasse: member in kg 1, registered", asAkasse,
			citizen(member(akasse, longAgo, open), kg(1, 0, true, longAgo, open)), Decision{Allowed: true}},
		{"a-kasse: member in kg 1, afmeldt", asAkasse,
			citizen(member(akasse, longAgo, open), kg(1, 0, false, longAgo, open)), Decision{Allowed: true}},
		{"a-kasse: dimittend, kg 8 category 5 registered", asAkasse,
			citizen(member(akasse, longAgo, open), kg(8, 5, true, longAgo, open)), Decision{Allowed: true}},
		{"a-kasse: kg 8 category 5 but afmeldt", asAkasse,
			citizen(member(akasse, longAgo, open), kg(8, 5, false, longAgo, open)), Decision{Reason: ReasonWrongKontaktgruppe}},
		{"a-kasse: kg 8 of another category", asAkasse,
			citizen(member(akasse, longAgo, open), kg(8, 1, true, longAgo, open)), Decision{Reason: ReasonWrongKontaktgruppe}},
		{"a-kasse: kg 7 fleksjobvisiteret", asAkasse,
			citizen(member(akasse, longAgo, open), kg(7, 0, true, longAgo, open)), Decision{Reason: ReasonWrongKontaktgruppe}},
		{"a-kasse: member without any course", asAkasse,
			citizen(member(akasse, longAgo, open)), Decision{Reason: ReasonWrongKontaktgruppe}},
		{"a-kasse: kg 1 course ended yesterday", asAkasse,
			citizen(member(akasse, longAgo, open), kg(1, 0, true, longAgo, yesterday)), Decision{Reason: ReasonWrongKontaktgruppe}},
		{"a-kasse: kg 1 course starts tomorrow", asAkasse,
			citizen(member(akasse, longAgo, open), kg(1, 0, true, tomorrow, open)), Decision{Reason: ReasonWrongKontaktgruppe}},
		{"a-kasse: kg 1 course ends today", asAkasse,
			citizen(member(akasse, longAgo, open), kg(1, 0, true, longAgo, today)), Decision{Allowed: true}},
		{"a-kasse: kg 1 course starts today", asAkasse,
			citizen(member(akasse, longAgo, open), kg(1, 0, true, today, open)), Decision{Allowed: true}},
		{"a-kasse: old kg 8 course and current kg 1", asAkasse,
			citizen(member(akasse, longAgo, open), kg(8, 1, true, longAgo, yesterday), kg(1, 0, true, today, open)), Decision{Allowed: true}},
		{"a-kasse: member of another a-kasse", asAkasse,
			citizen(member(akasse2, longAgo, open), kg(1, 0, true, longAgo, open)), Decision{Reason: ReasonNotAkasseMember}},
		{"a-kasse: former member, membership ended yesterday", asAkasse,
			citizen(member(akasse, longAgo, yesterday), kg(1, 0, true, longAgo, open)), Decision{Reason: ReasonNotAkasseMember}},
		{"a-kasse: membership starts tomorrow", asAkasse,
			citizen(member(akasse, tomorrow, open), kg(1, 0, true, longAgo, open)), Decision{Reason: ReasonNotAkasseMember}},
		{"a-kasse: moved from this a-kasse to another", asAkasse,
			citizen(append(member(akasse, longAgo, yesterday), member(akasse2, today, open)...), kg(1, 0, true, longAgo, open)), Decision{Reason: ReasonNotAkasseMember}},
		{"a-kasse: moved to this a-kasse today", asAkasse,
			citizen(append(member(akasse2, longAgo, yesterday), member(akasse, today, open)...), kg(1, 0, true, longAgo, open)), Decision{Allowed: true}},
		{"a-kasse: no membership at all", asAkasse,
			citizen(nil, kg(1, 0, true, longAgo, open)), Decision{Reason: ReasonNotAkasseMember}},
		{"a-kasse: unknown citizen", asAkasse, jobnet.CitizenFacts{}, Decision{Reason: ReasonUnknownCitizen}},

		// Jobcenter: belongs to the jobcenter and has a course in any kontaktgruppe today.
		{"jobcenter: own citizen in kg 1", asJobcenter,
			citizen(nil, kg(1, 0, true, longAgo, open)), Decision{Allowed: true}},
		{"jobcenter: own citizen in kg 7", asJobcenter,
			citizen(nil, kg(7, 0, true, longAgo, open)), Decision{Allowed: true}},
		{"jobcenter: own citizen afmeldt in kg 1", asJobcenter,
			citizen(nil, kg(1, 0, false, longAgo, open)), Decision{Allowed: true}},
		{"jobcenter: own citizen, member of any a-kasse", asJobcenter,
			citizen(member(akasse2, longAgo, open), kg(8, 1, true, longAgo, open)), Decision{Allowed: true}},
		{"jobcenter: own citizen without a course", asJobcenter,
			citizen(member(akasse, longAgo, open)), Decision{Reason: ReasonNoRegistration}},
		{"jobcenter: own citizen, course ended yesterday", asJobcenter,
			citizen(nil, kg(1, 0, true, longAgo, yesterday)), Decision{Reason: ReasonNoRegistration}},
		{"jobcenter: own citizen, course starts tomorrow", asJobcenter,
			citizen(nil, kg(1, 0, true, tomorrow, open)), Decision{Reason: ReasonNoRegistration}},
		{"jobcenter: citizen of another jobcenter", jobnet.Caseworker{Org: jobcenter2},
			citizen(nil, kg(1, 0, true, longAgo, open)), Decision{Reason: ReasonOtherJobcenter}},
		{"jobcenter: unknown citizen", asJobcenter, jobnet.CitizenFacts{}, Decision{Reason: ReasonUnknownCitizen}},

		// Everyone else.
		{"kommune organisation", jobnet.Caseworker{Org: kommune},
			citizen(member(akasse, longAgo, open), kg(1, 0, true, longAgo, open)), Decision{Reason: ReasonOrgKind}},
		{"anden aktør", jobnet.Caseworker{Org: anden},
			citizen(member(akasse, longAgo, open), kg(1, 0, true, longAgo, open)), Decision{Reason: ReasonOrgKind}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MayLookUp(tt.cw, tt.f, today); got != tt.want {
				t.Errorf("MayLookUp = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestMayChangeCitizenData_AlwaysRefused(t *testing.T) {
	for _, cw := range []jobnet.Caseworker{{Org: akasse}, {Org: jobcenter}} {
		if got := MayChangeCitizenData(cw); got.Allowed || got.Reason != ReasonReadOnly {
			t.Errorf("%s: MayChangeCitizenData = %+v, want refused as read-only", cw.Org.Name, got)
		}
	}
}

func TestMaySeePresentationCV_NeverForAnyCaseworker(t *testing.T) {
	for _, cw := range []jobnet.Caseworker{{Org: akasse}, {Org: jobcenter}} {
		if d := MaySeePresentationCV(cw); d.Allowed {
			t.Errorf("%s may see the presentation CV", cw.Org.Name)
		}
	}
}

func TestMaySeePreparationForm(t *testing.T) {
	at := func(d time.Time) time.Time { return d.Add(10 * time.Hour) } // submitted during the day
	form := func(variant string, submitted time.Time) jobnet.PreparationForm {
		return jobnet.PreparationForm{ID: 1, Variant: variant, Submitted: at(submitted)}
	}
	asAkasse, asJobcenter := jobnet.Caseworker{Org: akasse}, jobnet.Caseworker{Org: jobcenter}
	allowed := Decision{Allowed: true}
	tests := []struct {
		name string
		cw   jobnet.Caseworker
		form jobnet.PreparationForm
		want Decision
	}{
		{"a-kasse: dagpenge, submitted today", asAkasse, form("dagpenge", today), allowed},
		{"a-kasse: dagpenge, a month ago", asAkasse, form("dagpenge", today.AddDate(0, -1, 0)), allowed},
		{"a-kasse: dagpenge, 3 months ago less a day", asAkasse, form("dagpenge", today.AddDate(0, -3, 1)), allowed},
		{"a-kasse: dagpenge, exactly 3 months ago", asAkasse, form("dagpenge", today.AddDate(0, -3, 0)), Decision{Reason: ReasonExpired}},
		{"a-kasse: dagpenge, a year ago", asAkasse, form("dagpenge", today.AddDate(-1, 0, 0)), Decision{Reason: ReasonExpired}},
		{"a-kasse: kontanthjælp, fresh", asAkasse, form("kontanthjælp", today), Decision{Reason: ReasonOtherVariant}},
		{"a-kasse: unge, fresh", asAkasse, form("unge", today), Decision{Reason: ReasonOtherVariant}},
		{"jobcenter: dagpenge, fresh", asJobcenter, form("dagpenge", today), allowed},
		{"jobcenter: kontanthjælp, fresh", asJobcenter, form("kontanthjælp", today.AddDate(0, -1, 0)), allowed},
		{"jobcenter: unge, 3 months ago less a day", asJobcenter, form("unge", today.AddDate(0, -3, 1)), allowed},
		{"jobcenter: kontanthjælp, exactly 3 months ago", asJobcenter, form("kontanthjælp", today.AddDate(0, -3, 0)), Decision{Reason: ReasonExpired}},
		{"kommune: dagpenge, fresh", jobnet.Caseworker{Org: kommune}, form("dagpenge", today), Decision{Reason: ReasonOrgKind}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MaySeePreparationForm(tt.cw, tt.form, today); got != tt.want {
				t.Errorf("MaySeePreparationForm = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// billede14 is the citizen's Min Plan in seed 001 billede 14: a sygedagpenge
// period with sygeopfølgning, a hjælpemiddel, then a jobsamtale, with Krav
// til jobsøgning and Løntilskud.
var billede14 = []jobnet.PlanItem{
	{ID: 1, Kind: jobnet.KindKravTilJobsoegning, Title: "Krav til jobsøgning", Owner: jobnet.OwnerSTAR, TargetGroup: jobnet.TargetDagpenge},
	{ID: 2, Kind: jobnet.KindLoentilskud, Title: "Løntilskud", Owner: jobnet.OwnerJobcenter, OwnerOrgID: 3, TargetGroup: jobnet.TargetDagpenge},
	{ID: 3, Kind: jobnet.KindHjaelpemiddel, Title: "Hjælpemiddel", Owner: jobnet.OwnerJobcenter, OwnerOrgID: 3, TargetGroup: jobnet.TargetDagpenge},
	{ID: 4, Kind: jobnet.KindSygeopfoelgning, Title: "Sygeopfølgningssamtale", Owner: jobnet.OwnerJobcenter, OwnerOrgID: 3, TargetGroup: jobnet.TargetSygedagpenge},
	{ID: 5, Kind: jobnet.KindJobsamtale, Title: "Jobsamtale", Owner: jobnet.OwnerJobcenter, OwnerOrgID: 3, TargetGroup: jobnet.TargetDagpenge},
}

func planTitles(items []jobnet.PlanItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Title)
	}
	return out
}

func TestVisiblePlanItems_Billede14BecomesBillede15ForTheAkasse(t *testing.T) {
	got := planTitles(VisiblePlanItems(jobnet.Caseworker{Org: akasse}, billede14))
	want := []string{"Krav til jobsøgning", "Løntilskud", "Jobsamtale"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("a-kasse's Min Plan (-want +got):\n%s", diff)
	}
	if got := planTitles(VisiblePlanItems(jobnet.Caseworker{Org: jobcenter}, billede14)); len(got) != len(billede14) {
		t.Errorf("jobcenter sees %v, want every item", got)
	}
}

func TestMaySeePlanItem(t *testing.T) {
	item := func(k jobnet.PlanItemKind, g jobnet.TargetGroup) jobnet.PlanItem {
		return jobnet.PlanItem{Kind: k, TargetGroup: g}
	}
	asAkasse, asJobcenter := jobnet.Caseworker{Org: akasse}, jobnet.Caseworker{Org: jobcenter}
	tests := []struct {
		name string
		cw   jobnet.Caseworker
		item jobnet.PlanItem
		want Decision
	}{
		{"a-kasse: jobsamtale in dagpenge", asAkasse, item(jobnet.KindJobsamtale, jobnet.TargetDagpenge), Decision{Allowed: true}},
		{"a-kasse: krav til jobsøgning", asAkasse, item(jobnet.KindKravTilJobsoegning, jobnet.TargetDagpenge), Decision{Allowed: true}},
		{"a-kasse: løntilskud", asAkasse, item(jobnet.KindLoentilskud, jobnet.TargetDagpenge), Decision{Allowed: true}},
		{"a-kasse: virksomhedspraktik", asAkasse, item(jobnet.KindVirksomhedspraktik, jobnet.TargetDagpenge), Decision{Allowed: true}},
		{"a-kasse: opkvalificering", asAkasse, item(jobnet.KindOpkvalificering, jobnet.TargetDagpenge), Decision{Allowed: true}},
		{"a-kasse: agreement from a meeting", asAkasse, item(jobnet.KindAftale, jobnet.TargetDagpenge), Decision{Allowed: true}},
		{"a-kasse: hjælpemiddel", asAkasse, item(jobnet.KindHjaelpemiddel, jobnet.TargetDagpenge), Decision{Reason: ReasonKindWithoutLegalBasis}},
		{"a-kasse: personlig assistance", asAkasse, item(jobnet.KindPersonligAssistance, jobnet.TargetDagpenge), Decision{Reason: ReasonKindWithoutLegalBasis}},
		{"a-kasse: mentor", asAkasse, item(jobnet.KindMentor, jobnet.TargetDagpenge), Decision{Reason: ReasonKindWithoutLegalBasis}},
		{"a-kasse: social- og sundhedsindsats", asAkasse, item(jobnet.KindSocialSundhed, jobnet.TargetDagpenge), Decision{Reason: ReasonKindWithoutLegalBasis}},
		{"a-kasse: min sag til teamet", asAkasse, item(jobnet.KindRehabiliteringsteam, jobnet.TargetRessourceforloeb), Decision{Reason: ReasonKindWithoutLegalBasis}},
		{"a-kasse: integrationskontrakt", asAkasse, item(jobnet.KindIntegrationskontrakt, jobnet.TargetIntegration), Decision{Reason: ReasonKindWithoutLegalBasis}},
		{"a-kasse: sygeopfølgning in sygedagpenge", asAkasse, item(jobnet.KindSygeopfoelgning, jobnet.TargetSygedagpenge), Decision{Reason: ReasonOtherTargetGroup}},
		{"a-kasse: jobsamtale as jobparat kontanthjælpsmodtager", asAkasse, item(jobnet.KindJobsamtale, jobnet.TargetJobparatKontanthjaelp), Decision{Reason: ReasonOtherTargetGroup}},
		{"a-kasse: jobsamtale in ressourceforløb", asAkasse, item(jobnet.KindJobsamtale, jobnet.TargetRessourceforloeb), Decision{Reason: ReasonOtherTargetGroup}},
		{"a-kasse: virksomhedspraktik as fleksjobvisiteret", asAkasse, item(jobnet.KindVirksomhedspraktik, jobnet.TargetFleksjob), Decision{Reason: ReasonOtherTargetGroup}},
		{"a-kasse: a kind it cannot say", asAkasse, item("", jobnet.TargetDagpenge), Decision{Reason: ReasonCannotSay}},
		{"a-kasse: a kind unknown to the law", asAkasse, item("coaching", jobnet.TargetDagpenge), Decision{Reason: ReasonCannotSay}},
		{"a-kasse: no target group", asAkasse, item(jobnet.KindJobsamtale, ""), Decision{Reason: ReasonOtherTargetGroup}},
		{"jobcenter: hjælpemiddel", asJobcenter, item(jobnet.KindHjaelpemiddel, jobnet.TargetDagpenge), Decision{Allowed: true}},
		{"jobcenter: sygeopfølgning", asJobcenter, item(jobnet.KindSygeopfoelgning, jobnet.TargetSygedagpenge), Decision{Allowed: true}},
		{"jobcenter: min sag til teamet", asJobcenter, item(jobnet.KindRehabiliteringsteam, jobnet.TargetRessourceforloeb), Decision{Allowed: true}},
		{"kommune organisation", jobnet.Caseworker{Org: kommune}, item(jobnet.KindJobsamtale, jobnet.TargetDagpenge), Decision{Reason: ReasonOrgKind}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MaySeePlanItem(tt.cw, tt.item); got != tt.want {
				t.Errorf("MaySeePlanItem = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestMayReadMessage(t *testing.T) {
	tests := []struct {
		name string
		cw   jobnet.Caseworker
		m    jobnet.Message
		want bool
	}{
		{"a-kasse reads its own message", jobnet.Caseworker{Org: akasse}, jobnet.Message{FromOrgID: akasse.ID, PartyOrgIDs: []int64{akasse.ID}}, true},
		{"a-kasse reads a message it is a recipient of", jobnet.Caseworker{Org: akasse}, jobnet.Message{FromOrgID: jobcenter.ID, PartyOrgIDs: []int64{jobcenter.ID, akasse.ID}}, true},
		{"a-kasse may not read the jobcenter's message", jobnet.Caseworker{Org: akasse}, jobnet.Message{FromOrgID: jobcenter.ID, PartyOrgIDs: []int64{jobcenter.ID}}, false},
		{"a-kasse may not read an employer's message", jobnet.Caseworker{Org: akasse}, jobnet.Message{From: "Arbejdsgiver"}, false},
		{"a-kasse may not read another a-kasse's message", jobnet.Caseworker{Org: akasse}, jobnet.Message{FromOrgID: akasse2.ID, PartyOrgIDs: []int64{akasse2.ID}}, false},
		{"jobcenter reads its own message", jobnet.Caseworker{Org: jobcenter}, jobnet.Message{FromOrgID: jobcenter.ID, PartyOrgIDs: []int64{jobcenter.ID}}, true},
		{"jobcenter may not read the a-kasse's message", jobnet.Caseworker{Org: jobcenter}, jobnet.Message{FromOrgID: akasse.ID, PartyOrgIDs: []int64{akasse.ID}}, false},
		{"jobcenter may not read STAR's message", jobnet.Caseworker{Org: jobcenter}, jobnet.Message{From: "Styrelsen for Arbejdsmarked og Rekruttering"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MayReadMessage(tt.cw, tt.m).Allowed; got != tt.want {
				t.Errorf("MayReadMessage = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestVisibleAbsences(t *testing.T) {
	dagpenge := []jobnet.TargetGroup{jobnet.TargetDagpenge, jobnet.TargetSygedagpenge}
	absences := []jobnet.Absence{
		{ID: 1, Type: "Sygdom", Period: jobnet.Period{From: today.AddDate(0, 0, -2), To: today}, LawfulFor: dagpenge},                                                     // current, ends today
		{ID: 2, Type: "Ferie", Period: jobnet.Period{From: today.AddDate(0, 0, 20), To: today.AddDate(0, 0, 27)}, LawfulFor: dagpenge},                                    // coming
		{ID: 3, Type: "Ferie", Period: jobnet.Period{From: today.AddDate(0, -3, 0), To: yesterday}, LawfulFor: dagpenge},                                                  // historical
		{ID: 4, Type: "Fritaget for pligt til at selvbooke", Period: jobnet.Period{From: today.AddDate(0, 0, -5)}, LawfulFor: dagpenge},                                   // open-ended
		{ID: 5, Type: "Fritaget (ressourceforløb)", Period: jobnet.Period{From: today.AddDate(0, 0, -5)}, LawfulFor: []jobnet.TargetGroup{jobnet.TargetRessourceforloeb}}, // not lawful for dagpenge
		{ID: 6, Type: jobnet.AbsenceKommunehjaelp, Period: jobnet.Period{From: today}, LawfulFor: dagpenge},                                                               // never shown
	}
	ids := func(as []jobnet.Absence) []int64 {
		var out []int64
		for _, a := range as {
			out = append(out, a.ID)
		}
		return out
	}
	for _, tt := range []struct {
		name string
		cw   jobnet.Caseworker
		want []int64
	}{
		{"a-kasse: current and coming, lawful for dagpenge", jobnet.Caseworker{Org: akasse}, []int64{1, 2, 4}},
		{"jobcenter: current and coming of every kind", jobnet.Caseworker{Org: jobcenter}, []int64{1, 2, 4, 5}},
		{"kommune: none", jobnet.Caseworker{Org: kommune}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, ids(VisibleAbsences(tt.cw, absences, today))); diff != "" {
				t.Errorf("visible absences (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMaySeeHistory_NeverForAnyCaseworker(t *testing.T) {
	for _, cw := range []jobnet.Caseworker{{Org: akasse}, {Org: jobcenter}} {
		if MaySeeHistory(cw).Allowed {
			t.Errorf("%s may see the Historik", cw.Org.Name)
		}
	}
}

// The a-kasse sees the planned meetings of the jobcenter and its own (seed
// 001 §5.2), but not a meeting it would not see as an item of Min Plan.
func TestVisibleMeetings(t *testing.T) {
	meeting := func(title string, k jobnet.PlanItemKind, g jobnet.TargetGroup, org jobnet.Organisation) jobnet.Meeting {
		return jobnet.Meeting{Title: title, Kind: k, TargetGroup: g, OrgID: org.ID, OrgKind: org.Kind}
	}
	meetings := []jobnet.Meeting{
		meeting("Jobsamtale", jobnet.KindJobsamtale, jobnet.TargetDagpenge, jobcenter),
		meeting("Samtale i a-kassen", jobnet.KindJobsamtale, jobnet.TargetDagpenge, akasse),
		meeting("Sygeopfølgningssamtale", jobnet.KindSygeopfoelgning, jobnet.TargetSygedagpenge, jobcenter),
		meeting("Møde i rehabiliteringsteamet", jobnet.KindRehabiliteringsteam, jobnet.TargetRessourceforloeb, jobcenter),
		meeting("Opfølgningssamtale", jobnet.KindJobsamtale, jobnet.TargetFleksjob, jobcenter),
	}
	titles := func(ms []jobnet.Meeting) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Title)
		}
		return out
	}
	tests := []struct {
		name string
		cw   jobnet.Caseworker
		want []string
	}{
		{"a-kasse", jobnet.Caseworker{Org: akasse}, []string{"Jobsamtale", "Samtale i a-kassen"}},
		{"jobcenter", jobnet.Caseworker{Org: jobcenter}, titles(meetings)},
		{"kommune", jobnet.Caseworker{Org: kommune}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, titles(VisibleMeetings(tt.cw, meetings))); diff != "" {
				t.Errorf("VisibleMeetings (-want +got):\n%s", diff)
			}
		})
	}
}

// The Jobmål is seen on the terms of the plan's items: the a-kasse sees one
// set in a dagpenge course only.
func TestMaySeeJobGoal(t *testing.T) {
	goal := func(g jobnet.TargetGroup) jobnet.PlanJobGoal {
		return jobnet.PlanJobGoal{OccupationID: 15, Occupation: "Rørlægger", AgreedBy: "Nina Pettersen", TargetGroup: g}
	}
	tests := []struct {
		name string
		cw   jobnet.Caseworker
		goal jobnet.PlanJobGoal
		want Decision
	}{
		{"a-kasse: set in a dagpenge course", jobnet.Caseworker{Org: akasse}, goal(jobnet.TargetDagpenge), Decision{Allowed: true}},
		{"a-kasse: set while sygedagpengemodtager", jobnet.Caseworker{Org: akasse}, goal(jobnet.TargetSygedagpenge), Decision{Reason: ReasonOtherTargetGroup}},
		{"a-kasse: set while fleksjobvisiteret", jobnet.Caseworker{Org: akasse}, goal(jobnet.TargetFleksjob), Decision{Reason: ReasonOtherTargetGroup}},
		{"jobcenter: set in a dagpenge course", jobnet.Caseworker{Org: jobcenter}, goal(jobnet.TargetDagpenge), Decision{Allowed: true}},
		{"jobcenter: set while fleksjobvisiteret", jobnet.Caseworker{Org: jobcenter}, goal(jobnet.TargetFleksjob), Decision{Allowed: true}},
		{"kommune organisation", jobnet.Caseworker{Org: kommune}, goal(jobnet.TargetDagpenge), Decision{Reason: ReasonOrgKind}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MaySeeJobGoal(tt.cw, tt.goal); got != tt.want {
				t.Errorf("MaySeeJobGoal = %+v, want %+v", got, tt.want)
			}
		})
	}
}
