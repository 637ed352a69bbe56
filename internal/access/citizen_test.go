package access

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

func TestMaySignInAsCitizen(t *testing.T) {
	anna := jobnet.Citizen{ID: 7, CPR: "1203854417", Name: "Anna Jensen"}
	person := jobnet.Identity{Name: "Anna Jensen", CPR: anna.CPR, LoA: "Substantial", Profile: "OIO-SAML-3.0"}
	tests := []struct {
		name    string
		id      func(jobnet.Identity) jobnet.Identity
		citizen jobnet.Citizen
		want    Decision
	}{
		{"Substantial, her own citizen", nil, anna, allow()},
		{"High", func(id jobnet.Identity) jobnet.Identity { id.LoA = "High"; return id }, anna, allow()},
		{"Low", func(id jobnet.Identity) jobnet.Identity { id.LoA = "Low"; return id }, anna, refuse(ReasonLowAssurance)},
		{"no level", func(id jobnet.Identity) jobnet.Identity { id.LoA = ""; return id }, anna, refuse(ReasonLowAssurance)},
		{"legacy AssuranceLevel 3 is no NSIS level", func(id jobnet.Identity) jobnet.Identity { id.LoA = "3"; return id }, anna, refuse(ReasonLowAssurance)},
		{"a caseworker's identity", func(jobnet.Identity) jobnet.Identity {
			return jobnet.Identity{Name: "Berit Hansen", CVR: "11223344", LoA: "Substantial"}
		}, anna, refuse(ReasonNotPerson)},
		{"a CPR beside a CVR", func(id jobnet.Identity) jobnet.Identity { id.CVR = "11223344"; return id }, anna, refuse(ReasonNotPerson)},
		{"not in the DFDG copy", nil, jobnet.Citizen{}, refuse(ReasonUnknownCitizen)},
		{"another citizen than the CPR", nil, jobnet.Citizen{ID: 8, CPR: "1506874211"}, refuse(ReasonUnknownCitizen)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := person
			if tt.id != nil {
				id = tt.id(id)
			}
			if got := MaySignInAsCitizen(id, tt.citizen); got != tt.want {
				t.Errorf("MaySignInAsCitizen = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestMaySeeOwnHistoryEntry(t *testing.T) {
	anna := jobnet.Person{CitizenID: 7, LoA: "Substantial"}
	login := jobnet.HistoryEntry{CitizenID: 7, Category: "Login", CaseworkerName: "Berit Hansen", OrganisationName: "A-kasse 22"}
	tests := []struct {
		name   string
		person jobnet.Person
		entry  jobnet.HistoryEntry
		want   Decision
	}{
		{"her own Login entry", anna, login, allow()},
		{"at LoA High", jobnet.Person{CitizenID: 7, LoA: "High"}, login, allow()},
		{"another citizen's entry", anna, jobnet.HistoryEntry{CitizenID: 8, Category: "Login"}, refuse(ReasonNotOwnEntry)},
		{"no citizen", jobnet.Person{LoA: "Substantial"}, jobnet.HistoryEntry{Category: "Login"}, refuse(ReasonNotOwnEntry)},
		{"signed in at LoA Low", jobnet.Person{CitizenID: 7, LoA: "Low"}, login, refuse(ReasonLowAssurance)},
		{"no level of assurance", jobnet.Person{CitizenID: 7}, login, refuse(ReasonLowAssurance)},
		{"her own entry, not a look-up", anna, jobnet.HistoryEntry{CitizenID: 7, Category: "Planer"}, refuse(ReasonNotLoginEntry)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MaySeeOwnHistoryEntry(tt.person, tt.entry); got != tt.want {
				t.Errorf("MaySeeOwnHistoryEntry = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestOwnHistory_KeepsOnlyTheCitizensLoginEntriesInOrder(t *testing.T) {
	anna := jobnet.Person{CitizenID: 7, LoA: "Substantial"}
	entries := []jobnet.HistoryEntry{
		{CitizenID: 7, Category: "Login", CaseworkerName: "Berit Hansen"},
		{CitizenID: 8, Category: "Login", CaseworkerName: "Nina Pettersen"},
		{CitizenID: 7, Category: "Møder", CaseworkerName: ""},
		{CitizenID: 7, Category: "Login", CaseworkerName: "Mads Kjær"},
	}
	want := []jobnet.HistoryEntry{entries[0], entries[3]}
	if diff := cmp.Diff(want, OwnHistory(anna, entries)); diff != "" {
		t.Errorf("OwnHistory (-want +got):\n%s", diff)
	}
}
