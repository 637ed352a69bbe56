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

// PreparationFormDagpenge is the variant an a-kasse may see.
const PreparationFormDagpenge = jobnet.PreparationDagpenge

// Reasons a preparation form is not shown.
const (
	ReasonExpired      Reason = "expired"
	ReasonOtherVariant Reason = "other_variant"
)

// MaySeePreparationForm decides the receipt of one preparation form (SPEC
// §5.2, seed 001 §4.6): only one submitted less than 3 months before today.
// The a-kasse sees only the dagpenge variant — a kontanthjælp form "vil ikke
// længere være relevant … Du vil således ikke have adgang"; the jobcenter,
// the authority for kontanthjælp and uddannelseshjælp, for whose first
// conversation the forms are made, sees every variant.
func MaySeePreparationForm(cw jobnet.Caseworker, f jobnet.PreparationForm, today time.Time) Decision {
	switch cw.Org.Kind {
	case jobnet.OrgAkasse:
		if f.Variant != PreparationFormDagpenge {
			return refuse(ReasonOtherVariant)
		}
	case jobnet.OrgJobcenter:
	default:
		return refuse(ReasonOrgKind)
	}
	if !jobnet.Day(f.Submitted).After(today.AddDate(0, -PreparationFormValidity, 0)) {
		return refuse(ReasonExpired)
	}
	return allow()
}

// Planer og aftaler (SPEC §5.3, seed 001 §3 and §5).
//
// A-kasse: the a-kasse may see what DFDG gives it for a dagpengemodtager or
// dimittend, and nothing else: no item of a kind it has no legal basis for,
// no item from a period in another target group, no "Min sag til teamet"
// and no integration contract; only messages it is a party to (the
// brevhemmelighed of the Straffelov); only current and coming absences that
// are lawful for a dagpengemodtager or dimittend.
//
// Jobcenter: the jobcenter is the authority for every target group of its
// citizens — dagpenge, kontanthjælp, sygedagpenge, ressourceforløb,
// fleksjob — and the plan is the jobcenter's own document, so it sees every
// plan item, including the kinds and periods hidden from the a-kasse.
// Messages are still protected by the brevhemmelighed: it reads the content
// only of messages its own organisation is a party to. Absences: current and
// coming ones, as the page shows the citizen (history is behind Historik).

// Reasons a plan item is left out.
const (
	ReasonKindWithoutLegalBasis Reason = "kind_without_legal_basis"
	ReasonOtherTargetGroup      Reason = "other_target_group"
	ReasonNotAParty             Reason = "not_a_party"
	// ReasonCannotSay: the datum does not say what it is (an unknown kind, no
	// subject), so it is not shown where the law hides some of its kind
	// (SPEC §5.5).
	ReasonCannotSay Reason = "cannot_say"
)

// planItemKinds are the kinds a plan item, a meeting or an offer may have;
// anything else cannot say what it is.
var planItemKinds = map[jobnet.PlanItemKind]bool{
	jobnet.KindJobsamtale: true, jobnet.KindKravTilJobsoegning: true, jobnet.KindLoentilskud: true,
	jobnet.KindVirksomhedspraktik: true, jobnet.KindOpkvalificering: true, jobnet.KindHjaelpemiddel: true,
	jobnet.KindPersonligAssistance: true, jobnet.KindMentor: true, jobnet.KindSocialSundhed: true,
	jobnet.KindSygeopfoelgning: true, jobnet.KindRehabiliteringsteam: true, jobnet.KindIntegrationskontrakt: true,
	jobnet.KindAftale: true,
}

// akasseHiddenKinds are the plan items an a-kasse has no legal basis to see
// (seed 001 §3 and §5.1).
var akasseHiddenKinds = map[jobnet.PlanItemKind]bool{
	jobnet.KindHjaelpemiddel:        true,
	jobnet.KindPersonligAssistance:  true,
	jobnet.KindMentor:               true,
	jobnet.KindSocialSundhed:        true,
	jobnet.KindRehabiliteringsteam:  true,
	jobnet.KindIntegrationskontrakt: true,
}

// MaySeePlanItem decides one item of Min Plan (and of the Kalender, which
// shows the same items).
func MaySeePlanItem(cw jobnet.Caseworker, item jobnet.PlanItem) Decision {
	switch cw.Org.Kind {
	case jobnet.OrgJobcenter:
		return allow()
	case jobnet.OrgAkasse:
		if !planItemKinds[item.Kind] {
			return refuse(ReasonCannotSay)
		}
		if akasseHiddenKinds[item.Kind] {
			return refuse(ReasonKindWithoutLegalBasis)
		}
		if item.TargetGroup != jobnet.TargetDagpenge {
			return refuse(ReasonOtherTargetGroup)
		}
		return allow()
	default:
		return refuse(ReasonOrgKind)
	}
}

// VisiblePlanItems keeps the items the caseworker may see, in order.
func VisiblePlanItems(cw jobnet.Caseworker, items []jobnet.PlanItem) []jobnet.PlanItem {
	return keep(items, func(it jobnet.PlanItem) Decision { return MaySeePlanItem(cw, it) })
}

// keep returns, in order, the elements a rule allows.
func keep[T any](all []T, rule func(T) Decision) []T {
	var out []T
	for _, x := range all {
		if rule(x).Allowed {
			out = append(out, x)
		}
	}
	return out
}

// MayReadMessage decides whether the caseworker may read a message: its
// subject, its content and its attachments. Every message is listed with
// its sender, the date and whether it is read; the rest only where the
// caseworker's organisation is a party (the brevhemmelighed of the
// Straffelov; seed 001 billede 20 and 21: the subject is part of the letter).
func MayReadMessage(cw jobnet.Caseworker, m jobnet.Message) Decision {
	if cw.Org.ID != 0 {
		if m.FromOrgID == cw.Org.ID {
			return allow()
		}
		for _, id := range m.PartyOrgIDs {
			if id == cw.Org.ID {
				return allow()
			}
		}
	}
	return refuse(ReasonNotAParty)
}

// Reasons an absence is left out.
const (
	ReasonNeverShown Reason = "never_shown" // not even to the citizen
	ReasonHistorical Reason = "historical"
	ReasonNotLawful  Reason = "not_lawful_for_dagpenge"
)

// MaySeeAbsence decides one absence of "Aktuelt fravær" (SPEC §5.3, seed
// 001 §5.5): only current and coming ones, never "Modtager hjælp fra
// kommunen" (Jobnet does not show it even to the citizen). The a-kasse sees
// only those lawful for a dagpengemodtager or dimittend (TargetDagpenge
// covers both); the jobcenter every current and coming absence that Jobnet
// shows the citizen.
func MaySeeAbsence(cw jobnet.Caseworker, a jobnet.Absence, today time.Time) Decision {
	if cw.Org.Kind != jobnet.OrgAkasse && cw.Org.Kind != jobnet.OrgJobcenter {
		return refuse(ReasonOrgKind)
	}
	if a.Type == jobnet.AbsenceKommunehjaelp {
		return refuse(ReasonNeverShown)
	}
	if !a.Period.To.IsZero() && a.Period.To.Before(today) {
		return refuse(ReasonHistorical)
	}
	if cw.Org.Kind == jobnet.OrgAkasse && !lawfulFor(a, jobnet.TargetDagpenge) {
		return refuse(ReasonNotLawful)
	}
	return allow()
}

// VisibleAbsences keeps the absences the caseworker may see, in order.
func VisibleAbsences(cw jobnet.Caseworker, absences []jobnet.Absence, today time.Time) []jobnet.Absence {
	return keep(absences, func(a jobnet.Absence) Decision { return MaySeeAbsence(cw, a, today) })
}

func lawfulFor(a jobnet.Absence, g jobnet.TargetGroup) bool {
	for _, l := range a.LawfulFor {
		if l == g {
			return true
		}
	}
	return false
}

// MaySeeHistory: the citizen's Historik is never shown to a caseworker; the
// page says "Du har ikke adgang til siden: /CV/Citizen/History." (seed 001
// billede 28).
func MaySeeHistory(jobnet.Caseworker) Decision {
	return refuse(ReasonNoLegalBasis)
}

// MaySeeMeeting decides one of the citizen's meetings on Møder (seed 001
// §5.2: the a-kasse sees the planned meetings "både under møder, i
// kalenderen og i tidslinjen i Min Plan"). A meeting is an item of the plan,
// so it is seen on the terms of MaySeePlanItem: the a-kasse does not see a
// sygeopfølgningssamtale, a meeting with a mentor or about "Min sag til
// teamet", nor one from a period in another target group.
func MaySeeMeeting(cw jobnet.Caseworker, m jobnet.Meeting) Decision {
	return MaySeePlanItem(cw, jobnet.PlanItem{Kind: m.Kind, TargetGroup: m.TargetGroup})
}

// VisibleMeetings keeps the meetings the caseworker may see, in order.
func VisibleMeetings(cw jobnet.Caseworker, meetings []jobnet.Meeting) []jobnet.Meeting {
	return keep(meetings, func(m jobnet.Meeting) Decision { return MaySeeMeeting(cw, m) })
}

// MaySeeJobGoal decides the job goal of Min Plan ("Jobmål"), which the
// jobcenter sets in dialogue with the citizen (seed 001 §5.1). It is seen on
// the terms of the plan's items: the a-kasse sees it only when it was set in
// a dagpenge course, never one set while the citizen was in another target
// group; the jobcenter always.
func MaySeeJobGoal(cw jobnet.Caseworker, g jobnet.PlanJobGoal) Decision {
	switch cw.Org.Kind {
	case jobnet.OrgJobcenter:
		return allow()
	case jobnet.OrgAkasse:
		if g.TargetGroup != jobnet.TargetDagpenge {
			return refuse(ReasonOtherTargetGroup)
		}
		return allow()
	default:
		return refuse(ReasonOrgKind)
	}
}

// MaySeeOffer decides a self-booking offer on Møder (SPEC §5.3): an offer
// is for a meeting of a kind of plan item in a target group's course, and is
// seen on the terms of MaySeePlanItem. An offer that cannot say its kind or
// target group is not shown to the a-kasse.
func MaySeeOffer(cw jobnet.Caseworker, o jobnet.MeetingOffer) Decision {
	return MaySeePlanItem(cw, jobnet.PlanItem{Kind: o.Kind, TargetGroup: o.TargetGroup})
}

// MaySeeNotification decides a Forside notification (SPEC §5.1): it is
// shown on the terms of what it is about — a plan item, a meeting or an
// offer the caseworker may not see leaves it out. A notification of a
// message is always shown, as the message is listed; MessageAsSeen decides
// what it may say. A notification that names nothing cannot say whether it
// may be shown, and is not.
func MaySeeNotification(cw jobnet.Caseworker, n jobnet.Notification) Decision {
	switch {
	case n.PlanItem != nil:
		return MaySeePlanItem(cw, *n.PlanItem)
	case n.Meeting != nil:
		return MaySeeMeeting(cw, *n.Meeting)
	case n.Offer != nil:
		return MaySeeOffer(cw, *n.Offer)
	case n.Message != nil:
		if cw.Org.Kind != jobnet.OrgAkasse && cw.Org.Kind != jobnet.OrgJobcenter {
			return refuse(ReasonOrgKind)
		}
		return allow()
	default:
		return refuse(ReasonCannotSay)
	}
}
