package postgres_test

import (
	"context"
	"strings"
	"testing"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// An asserted identity finds its user only together with the CVR of the
// organisation the user copy says the user works for: a UUID or RID
// asserted for another organisation is an unknown user (SPEC §2.1, §2.2).
func TestUserByIdentity_IsBoundToTheUsersCVR(t *testing.T) {
	s := postgres.NewStore(pgtest.Pool(t, pgtest.NewDemoDatabase(t)))
	berit, _ := demo.CaseworkerByUsername("berit")
	nina, _ := demo.CaseworkerByUsername("nina")
	mads, _ := demo.CaseworkerByUsername("mads")
	sofie, _ := demo.CaseworkerByUsername("sofie")
	const (
		andenAktor = "77889900" // Jobvejen ApS, in the demo data
		noOrg      = "99999999" // no organisation at all
	)
	tests := []struct {
		name string
		id   jobnet.Identity
		want string // the user's name; "" for an unknown user
	}{
		{"berit as NemLog-in asserts her", jobnet.Identity{CVR: berit.CVR, UUID: berit.UUID}, berit.Name},
		{"berit's UUID in capitals", jobnet.Identity{CVR: berit.CVR, UUID: strings.ToUpper(berit.UUID)}, berit.Name},
		{"berit's UUID with another organisation's CVR", jobnet.Identity{CVR: andenAktor, UUID: berit.UUID}, ""},
		{"berit's UUID with a CVR of no organisation", jobnet.Identity{CVR: noOrg, UUID: berit.UUID}, ""},
		{"berit's UUID without a CVR", jobnet.Identity{UUID: berit.UUID}, ""},
		{"nina by CVR and RID (OIOSAML 2)", jobnet.Identity{CVR: nina.CVR, RID: nina.RID}, nina.Name},
		{"nina's RID with another organisation's CVR", jobnet.Identity{CVR: andenAktor, RID: nina.RID}, ""},
		{"nina's RID with a CVR of no organisation", jobnet.Identity{CVR: noOrg, RID: nina.RID}, ""},
		{"nina's RID with the CVR of another a-kasse user", jobnet.Identity{CVR: berit.CVR, RID: nina.RID}, ""},
		{"mads by UUID and legacy RID", jobnet.Identity{CVR: mads.CVR, UUID: mads.UUID, RID: mads.RID}, mads.Name},
		{"mads by RID alone (OIOSAML 2)", jobnet.Identity{CVR: mads.CVR, RID: mads.RID}, mads.Name},
		// Mads is a member of Jobcenter Aarhus too, but his employer, whose
		// CVR the IdP asserts, is the a-kasse.
		{"mads's UUID with the CVR of his other organisation", jobnet.Identity{CVR: demo.OrgJobcenterAarhus.CVR, UUID: mads.UUID}, ""},
		{"mads's RID and CVR with another UUID", jobnet.Identity{CVR: mads.CVR, UUID: sofie.UUID, RID: mads.RID}, ""},
		{"sofie is not in the user copy", jobnet.Identity{CVR: sofie.CVR, UUID: sofie.UUID}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := s.UserByIdentity(context.Background(), tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if u.Name != tt.want {
				t.Errorf("found user %q (id %d, CVR %s), want %q", u.Name, u.ID, u.CVR, tt.want)
			}
			if tt.want == "" && u.ID != 0 {
				t.Errorf("unknown identity gave user id %d", u.ID)
			}
		})
	}
}
