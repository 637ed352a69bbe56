package access

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

func lba(o jobnet.Organisation, more ...jobnet.Role) jobnet.OrgMembership {
	return jobnet.OrgMembership{Org: o, Roles: append([]jobnet.Role{jobnet.RoleLBA}, more...)}
}

func TestMaySeeLoginActivity(t *testing.T) {
	tests := []struct {
		name    string
		user    jobnet.User
		orgID   int64
		want    jobnet.Organisation
		allowed bool
		reason  Reason
	}{
		{"LBA in the a-kasse", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{lba(akasse)}},
			akasse.ID, akasse, true, ""},
		{"LBA in the jobcenter", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{lba(jobcenter, "Indkalder")}},
			jobcenter.ID, jobcenter, true, ""},
		{"LBA and caseworker", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{lba(akasse, jobnet.RoleSagsbehandler)}},
			akasse.ID, akasse, true, ""},
		{"caseworker without LBA", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{sagsbehandler(akasse)}},
			akasse.ID, jobnet.Organisation{}, false, ReasonNoLBA},
		{"LBA of another organisation", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{lba(akasse2), sagsbehandler(akasse)}},
			akasse.ID, jobnet.Organisation{}, false, ReasonNoLBA},
		{"LBA in a kommune", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{lba(kommune)}},
			kommune.ID, jobnet.Organisation{}, false, ReasonNoLBA},
		{"LBA at anden aktør", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{lba(anden)}},
			anden.ID, jobnet.Organisation{}, false, ReasonNoLBA},
		{"inactive LBA", jobnet.User{ID: 1, Active: false, Memberships: []jobnet.OrgMembership{lba(akasse)}},
			akasse.ID, jobnet.Organisation{}, false, ReasonInactive},
		{"unknown user", jobnet.User{}, akasse.ID, jobnet.Organisation{}, false, ReasonUnknownUser},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			org, d := MaySeeLoginActivity(tt.user, tt.orgID)
			if d.Allowed != tt.allowed || d.Reason != tt.reason || org != tt.want {
				t.Errorf("MaySeeLoginActivity = %+v, %+v; want %+v, allowed %v reason %q", org, d, tt.want, tt.allowed, tt.reason)
			}
		})
	}
}

func TestSignInOrganisations(t *testing.T) {
	tests := []struct {
		name       string
		user       jobnet.User
		wantOrgs   []jobnet.Organisation
		wantReason Reason
	}{
		{"caseworker", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{sagsbehandler(akasse)}},
			[]jobnet.Organisation{akasse}, ""},
		{"LBA only: signs in for the login activity", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{lba(jobcenter, "Indkalder")}},
			[]jobnet.Organisation{jobcenter}, ""},
		{"caseworker in one, LBA in another: both", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{sagsbehandler(akasse), lba(jobcenter2)}},
			[]jobnet.Organisation{akasse, jobcenter2}, ""},
		{"both roles in one: once", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{lba(akasse, jobnet.RoleSagsbehandler)}},
			[]jobnet.Organisation{akasse}, ""},
		{"neither role", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{{Org: jobcenter, Roles: []jobnet.Role{"Indkalder"}}}},
			nil, ReasonNoRole},
		{"LBA in a kommune only", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{lba(kommune)}},
			nil, ReasonNoRole},
		{"inactive LBA", jobnet.User{ID: 1, Active: false, Memberships: []jobnet.OrgMembership{lba(akasse)}},
			nil, ReasonInactive},
		{"anden aktør", jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{lba(anden), sagsbehandler(anden)}},
			nil, ReasonAndenAktor},
		{"unknown", jobnet.User{}, nil, ReasonUnknownUser},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orgs, reason := SignInOrganisations(tt.user)
			if diff := cmp.Diff(tt.wantOrgs, orgs); diff != "" || reason != tt.wantReason {
				t.Errorf("SignInOrganisations: reason %q, want %q; orgs (-want +got):\n%s", reason, tt.wantReason, diff)
			}
		})
	}
}

// An LBA who signs in for the login activity may still not look anyone up.
func TestLBAWithoutSagsbehandlerMayNotActAsCaseworker(t *testing.T) {
	u := jobnet.User{ID: 1, Active: true, Memberships: []jobnet.OrgMembership{lba(akasse)}}
	if _, d := ActAs(u, akasse.ID); d.Allowed {
		t.Error("an LBA without the Sagsbehandler role may act as caseworker")
	}
}

func TestLoginActivityCitizen(t *testing.T) {
	for _, tc := range []struct {
		name                 string
		granted              bool
		wantMasked, wantName string
	}{
		{"granted: masked and named", true, "041091-XXXX", "Anna Jensen"},
		{"refused: masked, never named", false, "041091-XXXX", ""},
	} {
		masked, name := LoginActivityCitizen(tc.granted, "041091", "Anna Jensen")
		if masked != tc.wantMasked || name != tc.wantName {
			t.Errorf("%s: got %q, %q; want %q, %q", tc.name, masked, name, tc.wantMasked, tc.wantName)
		}
	}
}
