package access

import (
	"testing"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

func TestLaunchAs(t *testing.T) {
	withCVR := func(o jobnet.Organisation, cvr string) jobnet.Organisation { o.CVR = cvr; return o }
	fagenes := withCVR(akasse, "11223344")
	aarhus := withCVR(jobcenter, "55667788")
	aarhusKommune := withCVR(kommune, "55667788")
	berit := jobnet.User{ID: 1, Active: true, CVR: "11223344", UUID: "6f1c2a3e-4b5d-4e6f-8a7b-9c0d1e2f3a4b",
		Memberships: []jobnet.OrgMembership{sagsbehandler(fagenes)}}
	nina := jobnet.User{ID: 2, Active: true, CVR: "55667788", RID: "40112233",
		Memberships: []jobnet.OrgMembership{sagsbehandler(aarhusKommune), sagsbehandler(aarhus)}}
	mads := jobnet.User{ID: 3, Active: true, CVR: "11223344", UUID: "0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d", RID: "40223344",
		Memberships: []jobnet.OrgMembership{sagsbehandler(fagenes), sagsbehandler(aarhus)}}
	inactive := berit
	inactive.Active = false
	lbaOnly := berit
	lbaOnly.Memberships = []jobnet.OrgMembership{lba(fagenes)}
	twoWithOneCVR := mads
	twoWithOneCVR.Memberships = []jobnet.OrgMembership{sagsbehandler(fagenes), sagsbehandler(withCVR(akasse2, "11223344"))}

	tests := []struct {
		name    string
		user    jobnet.User
		l       Launcher
		wantOrg int64
		want    Reason
	}{
		{"UUID and CVR match: own organisation", berit, Launcher{CVR: "11223344", UUID: berit.UUID}, fagenes.ID, ""},
		{"UUID in upper case", berit, Launcher{CVR: "11223344", UUID: "6F1C2A3E-4B5D-4E6F-8A7B-9C0D1E2F3A4B"}, fagenes.ID, ""},
		{"RID match; the kommune is not usable, the jobcenter with the same CVR is", nina, Launcher{CVR: "55667788", RID: "40112233"}, aarhus.ID, ""},
		{"two organisations: the token's organisation CVR picks", mads, Launcher{CVR: "11223344", UUID: mads.UUID, OrgCVR: "55667788"}, aarhus.ID, ""},
		{"two organisations: no organisation CVR means the own CVR", mads, Launcher{CVR: "11223344", UUID: mads.UUID, RID: mads.RID}, fagenes.ID, ""},
		{"another UUID", berit, Launcher{CVR: "11223344", UUID: mads.UUID}, 0, ReasonOtherCaseworker},
		{"the right UUID under another CVR", berit, Launcher{CVR: "55667788", UUID: berit.UUID}, 0, ReasonOtherCaseworker},
		{"another RID", nina, Launcher{CVR: "55667788", RID: "40223344"}, 0, ReasonOtherCaseworker},
		{"UUID right, RID wrong", mads, Launcher{CVR: "11223344", UUID: mads.UUID, RID: "40112233"}, 0, ReasonOtherCaseworker},
		{"RID given, user has none", berit, Launcher{CVR: "11223344", UUID: berit.UUID, RID: "1"}, 0, ReasonOtherCaseworker},
		{"neither UUID nor RID", berit, Launcher{CVR: "11223344"}, 0, ReasonOtherCaseworker},
		{"an organisation the caseworker does not work for", berit, Launcher{CVR: "11223344", UUID: berit.UUID, OrgCVR: "55667788"}, 0, ReasonLaunchOrganisation},
		{"the kommune alone is not usable", nina, Launcher{CVR: "55667788", RID: "40112233", OrgCVR: "99999999"}, 0, ReasonLaunchOrganisation},
		{"two usable organisations with the CVR: not guessed", twoWithOneCVR, Launcher{CVR: "11223344", UUID: mads.UUID}, 0, ReasonLaunchOrganisation},
		{"inactive user", inactive, Launcher{CVR: "11223344", UUID: berit.UUID}, 0, ReasonInactive},
		{"LBA without the Sagsbehandler role, token naming them", lbaOnly, Launcher{CVR: "11223344", UUID: berit.UUID}, 0, ReasonNoRole},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cw, d := LaunchAs(tt.user, tt.l)
			if d.Allowed != (tt.want == "") || d.Reason != tt.want {
				t.Fatalf("LaunchAs = %+v, want reason %q", d, tt.want)
			}
			if cw.Org.ID != tt.wantOrg || (d.Allowed && cw.User.ID != tt.user.ID) {
				t.Errorf("acting as user %d for organisation %d, want user %d for %d", cw.User.ID, cw.Org.ID, tt.user.ID, tt.wantOrg)
			}
		})
	}
}
