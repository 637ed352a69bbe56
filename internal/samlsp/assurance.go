package samlsp

import (
	"strings"

	"github.com/beevik/etree"

	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

// nsisLoAPrefix starts the URIs of the NSIS levels of assurance.
const nsisLoAPrefix = "https://data.gov.dk/concept/core/nsis/loa/"

// nsisLoA returns "Substantial" or "High" for a level of assurance at least
// Substantial, given by name (the loa attribute) or by URI (either place),
// and "" for Low or anything else.
func nsisLoA(v string) string {
	switch strings.TrimPrefix(v, nsisLoAPrefix) {
	case "Substantial":
		return "Substantial"
	case "High":
		return "High"
	}
	return ""
}

// lowerLoA returns the lower of two levels that nsisLoA accepted.
func lowerLoA(a, b string) string {
	if a == "High" {
		return b
	}
	return a
}

// authnStatement reads the assertion's one AuthnStatement: its
// SessionIndex, and its AuthnContextClassRef or "" when its AuthnContext
// names none. Two AuthnStatements, AuthnContexts or class references are
// refused rather than chosen between (encoding/xml, which fills
// saml.Assertion, would keep one of them, and takes AuthnStatements in any
// namespace).
func authnStatement(el *etree.Element, id string) (sessionIndex, classRef string, err error) {
	stmts := children(el, nsAssertion, "AuthnStatement")
	if len(stmts) != 1 {
		return "", "", refuse("assertion %s has %d AuthnStatement elements, want 1", id, len(stmts))
	}
	sessionIndex = stmts[0].SelectAttrValue("SessionIndex", "")
	ctxs := children(stmts[0], nsAssertion, "AuthnContext")
	if len(ctxs) != 1 {
		return "", "", refuse("assertion %s: AuthnStatement has %d AuthnContext elements, want 1", id, len(ctxs))
	}
	switch refs := children(ctxs[0], nsAssertion, "AuthnContextClassRef"); len(refs) {
	case 0:
		return sessionIndex, "", nil
	case 1:
		return sessionIndex, strings.TrimSpace(refs[0].Text()), nil
	default:
		return "", "", refuse("assertion %s: AuthnContext has %d AuthnContextClassRef elements", id, len(refs))
	}
}

// checkLoA3 reads the level of assurance of an OIOSAML 3 assertion, which
// NemLog-in states twice: in the loa attribute and as the
// AuthnContextClassRef. Both must be at least Substantial; the identity
// gets the lower of the two.
func (a *checkedAssertion) checkLoA3() (string, error) {
	v, err := a.one(oiosaml.AttrLoA)
	if err != nil {
		return "", err
	}
	attr := nsisLoA(v)
	if attr == "" {
		return "", refuse("assertion %s: LoA is below Substantial", a.ID)
	}
	class := nsisLoA(a.classRef)
	if class == "" || !strings.HasPrefix(a.classRef, nsisLoAPrefix) {
		return "", refuse("assertion %s: AuthnContextClassRef is not LoA Substantial or High", a.ID)
	}
	return lowerLoA(attr, class), nil
}

// checkClassRef2 refuses an OIOSAML 2 assertion whose AuthnContextClassRef
// is an NSIS level below Substantial. The legacy profile's own classes
// (X509 for a medarbejdersignatur) pass: its AssuranceLevel attribute
// decides.
func (a *checkedAssertion) checkClassRef2() error {
	if strings.HasPrefix(a.classRef, nsisLoAPrefix) && nsisLoA(a.classRef) == "" {
		return refuse("assertion %s: AuthnContextClassRef is below LoA Substantial", a.ID)
	}
	return nil
}
