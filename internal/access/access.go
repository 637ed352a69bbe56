// Package access is the law of the product: who may use it, which citizens a
// caseworker may look up, and which actions are refused. Every rule is a pure
// function over domain values, so that the whole law can be read here and
// checked by the table tests beside it. Handlers and the store call these
// functions; nothing else decides who may see what.
package access

import (
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// Reason says why something was refused. It is written to the refused
// look-ups table and the log; the caseworker sees one answer for every
// refused look-up (SPEC §3), so reasons never reach the page.
type Reason string

const (
	// Why a user may not use the product at all (SPEC §2.2).
	ReasonUnknownUser Reason = "unknown_user"  // not in the Arbejdsmarkedsportalen user copy
	ReasonInactive    Reason = "inactive_user" // deactivated in the user administration
	ReasonNoRole      Reason = "no_role"       // no Sagsbehandler role in an a-kasse or jobcenter
	ReasonAndenAktor  Reason = "anden_aktor"   // anden aktør cannot be screened from other citizens (seed 004)
	ReasonNotMember   Reason = "no_org"        // the chosen organisation is not one the user may act for

	// Why a look-up was refused (SPEC §3).
	ReasonUnknownCitizen     Reason = "unknown_citizen"
	ReasonNotAkasseMember    Reason = "not_member_of_akasse"
	ReasonWrongKontaktgruppe Reason = "wrong_kontaktgruppe"
	ReasonOtherJobcenter     Reason = "other_jobcenter"
	ReasonNoRegistration     Reason = "no_registration"
	ReasonOrgKind            Reason = "organisation_kind"
)

// Decision is the outcome of a rule: allowed, or refused with a reason.
type Decision struct {
	Allowed bool
	Reason  Reason
}

func allow() Decision          { return Decision{Allowed: true} }
func refuse(r Reason) Decision { return Decision{Reason: r} }

// UsableOrganisations returns the organisations the user may act for: those
// of kind A-kasse or Jobcenter where the user holds the Sagsbehandler role,
// and only if the user is active (SPEC §2.2). When there are none, the
// reason says why, most specific first.
func UsableOrganisations(u jobnet.User) ([]jobnet.Organisation, Reason) {
	if u.ID == 0 {
		return nil, ReasonUnknownUser
	}
	if !u.Active {
		return nil, ReasonInactive
	}
	var orgs []jobnet.Organisation
	andenAktor := false
	for _, m := range u.Memberships {
		switch m.Org.Kind {
		case jobnet.OrgAkasse, jobnet.OrgJobcenter:
			if m.HasRole(jobnet.RoleSagsbehandler) {
				orgs = append(orgs, m.Org)
			}
		case jobnet.OrgAndenAktor:
			andenAktor = true
		}
	}
	if len(orgs) > 0 {
		return orgs, ""
	}
	if andenAktor {
		return nil, ReasonAndenAktor
	}
	return nil, ReasonNoRole
}

// ActAs returns the caseworker acting for organisation orgID, if the user may
// act for it today. It is checked at sign-in and again on every request, so a
// user deactivated or stripped of the role during a session loses access at
// once.
func ActAs(u jobnet.User, orgID int64) (jobnet.Caseworker, Decision) {
	orgs, reason := UsableOrganisations(u)
	if reason != "" {
		return jobnet.Caseworker{}, refuse(reason)
	}
	for _, o := range orgs {
		if o.ID == orgID {
			return jobnet.Caseworker{User: u, Org: o}, allow()
		}
	}
	return jobnet.Caseworker{}, refuse(ReasonNotMember)
}

// MayLookUp is the access rule of SPEC §3: may this caseworker see this
// citizen's Jobnet today? It is checked when the CPR is entered and again on
// every request for the citizen's pages. today is a calendar day (jobnet.Day).
//
// A-kasse: the citizen is a member of the caseworker's a-kasse today, and has
// an open course today in kontaktgruppe 1 "Dagpengemodtager" (registered as
// job seeker or not), or in kontaktgruppe 8 "Uden ydelse" with
// tilmeldekategori 5 (dimittend) and registered.
//
// Jobcenter: the citizen belongs to the caseworker's jobcenter and has an open
// course today in any kontaktgruppe. (An "afmeldt" course is still a course:
// the jobcenter follows its citizens while they are unregistered.)
//
// Every other organisation kind is refused.
func MayLookUp(cw jobnet.Caseworker, f jobnet.CitizenFacts, today time.Time) Decision {
	if f.Citizen.ID == 0 {
		return refuse(ReasonUnknownCitizen)
	}
	switch cw.Org.Kind {
	case jobnet.OrgAkasse:
		return akasseMayLookUp(cw.Org.ID, f, today)
	case jobnet.OrgJobcenter:
		return jobcenterMayLookUp(cw.Org.ID, f, today)
	default:
		return refuse(ReasonOrgKind)
	}
}

func akasseMayLookUp(akasseID int64, f jobnet.CitizenFacts, today time.Time) Decision {
	member := false
	for _, m := range f.Memberships {
		if m.AkasseOrgID == akasseID && m.Period.Covers(today) {
			member = true
			break
		}
	}
	if !member {
		return refuse(ReasonNotAkasseMember)
	}
	for _, r := range f.Registrations {
		if !r.Period.Covers(today) {
			continue
		}
		if r.Kontaktgruppe == jobnet.KontaktgruppeDagpengemodtager {
			return allow()
		}
		if r.Kontaktgruppe == jobnet.KontaktgruppeUdenYdelse &&
			r.Tilmeldekategori == jobnet.TilmeldekategoriDimittend && r.Registered {
			return allow()
		}
	}
	return refuse(ReasonWrongKontaktgruppe)
}

func jobcenterMayLookUp(jobcenterID int64, f jobnet.CitizenFacts, today time.Time) Decision {
	if f.Citizen.JobcenterOrgID != jobcenterID {
		return refuse(ReasonOtherJobcenter)
	}
	for _, r := range f.Registrations {
		if r.Period.Covers(today) {
			return allow()
		}
	}
	return refuse(ReasonNoRegistration)
}

// MayChangeCitizenData is the read-only rule (SPEC §1, §5.4): a caseworker
// never changes a citizen's data through this product, whatever the action.
// Every form the citizen has is shown, and every submission is refused.
func MayChangeCitizenData(jobnet.Caseworker) Decision {
	return refuse(ReasonReadOnly)
}

// ReasonReadOnly is why a caseworker's action on citizen data is refused.
const ReasonReadOnly Reason = "read_only"

// Jobsøgning (SPEC §5.2).

// ReasonNoLegalBasis is why a whole page is blocked for every caseworker.
const ReasonNoLegalBasis Reason = "no_legal_basis"

// MaySeePresentationCV: the presentation CV is made for the citizen's own
// caseworker dialogue and is never shown through this product; its page is
// blocked with "Ingen adgang" (SPEC §5.2).
func MaySeePresentationCV(jobnet.Caseworker) Decision {
	return refuse(ReasonNoLegalBasis)
}

// PreparationFormValidity is how long a submitted preparation form may be
// shown: less than 3 months (SPEC §5.2).
const PreparationFormValidity = 3

// MaySeePreparationForm says whether the receipt of a preparation form may be
// shown: only the dagpenge variant, submitted less than 3 months before
// today. The kontanthjælp and unge variants belong to other target groups.
func MaySeePreparationForm(variant string, submitted, today time.Time) bool {
	if variant != PreparationFormDagpenge {
		return false
	}
	return jobnet.Day(submitted).After(today.AddDate(0, -PreparationFormValidity, 0))
}

// PreparationFormDagpenge is the variant a caseworker may see.
const PreparationFormDagpenge = "dagpenge"
