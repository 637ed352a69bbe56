package access

import (
	"strings"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// Why a launch from a case system was refused (issue 11, point 3). The
// look-up it leads to has the reasons of MayLookUp.
const (
	ReasonOtherCaseworker    Reason = "launch_other_caseworker" // the token names someone else than the signed-in caseworker
	ReasonLaunchOrganisation Reason = "launch_organisation"     // no single usable organisation has the token's organisation CVR
)

// Launcher is the caseworker a launch token names, as the IdP identifies
// them (CVR, and UUID or RID), and the organisation to act for, by its CVR
// (empty: the caseworker's own CVR).
type Launcher struct {
	CVR, UUID, RID string
	OrgCVR         string
}

// LaunchAs decides whether the signed-in user u may complete a launch from
// a case system, and for which organisation. The token must name u: the
// same CVR, and every identifier it gives (UUID, RID) equal to the user
// copy's, at least one of them given. The organisation is the one among
// those u may act for today (UsableOrganisations) whose CVR is the token's
// organisation CVR; none, or more than one, is refused rather than guessed.
// The citizen is then looked up under MayLookUp, as if the CPR were typed.
func LaunchAs(u jobnet.User, l Launcher) (jobnet.Caseworker, Decision) {
	orgs, reason := UsableOrganisations(u)
	if reason != "" {
		return jobnet.Caseworker{}, refuse(reason)
	}
	if l.CVR == "" || l.CVR != u.CVR || (l.UUID == "" && l.RID == "") ||
		(l.UUID != "" && !strings.EqualFold(l.UUID, u.UUID)) ||
		(l.RID != "" && l.RID != u.RID) {
		return jobnet.Caseworker{}, refuse(ReasonOtherCaseworker)
	}
	orgCVR := l.OrgCVR
	if orgCVR == "" {
		orgCVR = u.CVR
	}
	var match []jobnet.Organisation
	for _, o := range orgs {
		if o.CVR == orgCVR {
			match = append(match, o)
		}
	}
	if len(match) != 1 {
		return jobnet.Caseworker{}, refuse(ReasonLaunchOrganisation)
	}
	return jobnet.Caseworker{User: u, Org: match[0]}, allow()
}
