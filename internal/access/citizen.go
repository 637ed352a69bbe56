package access

import "github.com/star-dk/sagsbehandleradgang/internal/jobnet"

// The citizen's own side (SPEC §6): a citizen signed in with MitID reads in
// their Historik, under Login, who looked at their Jobnet through this
// product. They see only their own entries, and nothing else of the product.

// Why a citizen's sign-in, or an entry of a history, is refused.
const (
	ReasonNotPerson     Reason = "not_person"      // a caseworker's identity, not a citizen's own
	ReasonLowAssurance  Reason = "low_assurance"   // signed in below NSIS LoA Substantial
	ReasonNotOwnEntry   Reason = "not_own_entry"   // an entry of another citizen's history
	ReasonNotLoginEntry Reason = "not_login_entry" // not a caseworker's look-up (Historik → Login)
)

// LoginCategory is the history category of a caseworker's look-up.
const LoginCategory = "Login"

// substantial reports whether an NSIS level of assurance is at least
// Substantial. A citizen's history names the caseworkers and organisations
// that looked: personal data that a sign-in at LoA Low may not open.
func substantial(loa string) bool {
	return loa == "Substantial" || loa == "High"
}

// MaySignInAsCitizen decides whether the person identity id may read the
// history of citizen c, the citizen the store found by id's CPR number: id
// must be a person (a citizen's own identity, not a caseworker's), asserted
// at LoA Substantial or High, and c must be that very person in the DFDG
// copy.
func MaySignInAsCitizen(id jobnet.Identity, c jobnet.Citizen) Decision {
	if !id.IsPerson() || id.CVR != "" {
		return refuse(ReasonNotPerson)
	}
	if !substantial(id.LoA) {
		return refuse(ReasonLowAssurance)
	}
	if c.ID == 0 || c.CPR != id.CPR {
		return refuse(ReasonUnknownCitizen)
	}
	return allow()
}

// MaySeeOwnHistoryEntry decides whether the signed-in citizen p may see
// history entry e: only an entry of their own history, only a Login entry
// (what caseworkers' look-ups wrote), and only after a sign-in at LoA
// Substantial or High.
func MaySeeOwnHistoryEntry(p jobnet.Person, e jobnet.HistoryEntry) Decision {
	if !substantial(p.LoA) {
		return refuse(ReasonLowAssurance)
	}
	if p.CitizenID == 0 || e.CitizenID != p.CitizenID {
		return refuse(ReasonNotOwnEntry)
	}
	if e.Category != LoginCategory {
		return refuse(ReasonNotLoginEntry)
	}
	return allow()
}

// OwnHistory keeps, in order, the entries MaySeeOwnHistoryEntry lets p see.
func OwnHistory(p jobnet.Person, entries []jobnet.HistoryEntry) []jobnet.HistoryEntry {
	return keep(entries, func(e jobnet.HistoryEntry) Decision { return MaySeeOwnHistoryEntry(p, e) })
}
