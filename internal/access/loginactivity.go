package access

import "github.com/star-dk/sagsbehandleradgang/internal/jobnet"

// Loginaktivitet (issue 11): the organisation's own control of its
// caseworkers' look-ups, as Arbejdsmarkedsportalen's user administration has
// it for the local user administrator (LBA, seeds 000 and 003).

// ReasonNoLBA is why a user may not see an organisation's login activity:
// no LBA role there, or the organisation is not an a-kasse or a jobcenter.
const ReasonNoLBA Reason = "no_lba_role"

// MaySeeLoginActivity decides whether the user may see the look-ups of
// organisation orgID — who looked up whom, granted or refused: only an
// active user with the role LBA in that organisation, an a-kasse or a
// jobcenter (the kinds whose caseworkers look citizens up). The Sagsbehandler
// role is neither needed nor enough. It returns the organisation when allowed.
func MaySeeLoginActivity(u jobnet.User, orgID int64) (jobnet.Organisation, Decision) {
	if u.ID == 0 {
		return jobnet.Organisation{}, refuse(ReasonUnknownUser)
	}
	if !u.Active {
		return jobnet.Organisation{}, refuse(ReasonInactive)
	}
	for _, m := range u.Memberships {
		if m.Org.ID == orgID && lookUpKind(m.Org.Kind) && m.HasRole(jobnet.RoleLBA) {
			return m.Org, allow()
		}
	}
	return jobnet.Organisation{}, refuse(ReasonNoLBA)
}

// SignInOrganisations returns the organisations a user may sign in for:
// those they may act for as a caseworker (UsableOrganisations) and those
// whose login activity they may see, in the order of the user's
// memberships. An LBA without the Sagsbehandler role thus signs in, but
// ActAs still refuses them every citizen. When there are none, the reason is
// UsableOrganisations'.
func SignInOrganisations(u jobnet.User) ([]jobnet.Organisation, Reason) {
	caseworker, reason := UsableOrganisations(u)
	var orgs []jobnet.Organisation
	for _, m := range u.Memberships {
		_, lba := MaySeeLoginActivity(u, m.Org.ID)
		if lba.Allowed || containsOrg(caseworker, m.Org.ID) {
			orgs = append(orgs, m.Org)
		}
	}
	if len(orgs) == 0 {
		return nil, reason
	}
	return orgs, ""
}

func lookUpKind(k jobnet.OrgKind) bool { return k == jobnet.OrgAkasse || k == jobnet.OrgJobcenter }

func containsOrg(orgs []jobnet.Organisation, id int64) bool {
	for _, o := range orgs {
		if o.ID == id {
			return true
		}
	}
	return false
}

// LoginActivityCitizen is how a look-up names its citizen to the LBA: by
// the birth date of the CPR number with the rest masked (041091-XXXX), and
// by name only when the look-up was granted — a refused look-up must not
// tell the organisation who the citizen is.
func LoginActivityCitizen(granted bool, birth, name string) (masked, shown string) {
	if !granted {
		name = ""
	}
	return birth + "-XXXX", name
}
