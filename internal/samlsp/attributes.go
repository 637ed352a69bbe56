package samlsp

import (
	"strconv"
	"strings"

	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

// sameFactInBothProfiles pairs the attributes that state one fact in the
// OIOSAML 3 and the OIOSAML 2 profile. An assertion that states a fact under
// both names is refused rather than read one way: which CVR it means would
// depend on which profile we took it for.
var sameFactInBothProfiles = [][2]string{
	{oiosaml.AttrSpecVer3, oiosaml.AttrSpecVer2},
	{oiosaml.AttrCVR, oiosaml.AttrCVR2},
	{oiosaml.AttrRID, oiosaml.AttrRID2},
	{oiosaml.AttrLoA, oiosaml.AttrAssuranceLevel},
}

// identityFrom maps the assertion's attributes into a jobnet.Identity,
// choosing the profile by its specVersion attribute; an OIOSAML 3 assertion
// with a cprNumber is a citizen's own (personFrom). It refuses an
// assertion below LoA Substantial, without exactly one well-formed CVR (one
// attribute, one value), or stating a fact in both profiles. Errors name
// attributes but never quote their values.
func identityFrom(a *checkedAssertion) (jobnet.Identity, error) {
	id := jobnet.Identity{NameID: a.NameID, NameIDFormat: a.NameIDFormat, SessionIndex: a.SessionIndex}
	for _, names := range sameFactInBothProfiles {
		if a.has(names[0]) && a.has(names[1]) {
			return jobnet.Identity{}, refuse("assertion %s carries both %s and %s", a.ID, names[0], names[1])
		}
	}
	var err error
	switch {
	case a.has(oiosaml.AttrSpecVer3):
		if v, _ := a.one(oiosaml.AttrSpecVer3); v != oiosaml.Profile3 {
			return jobnet.Identity{}, refuse("assertion %s: specVersion is not %s", a.ID, oiosaml.Profile3)
		}
		if a.has(oiosaml.AttrCPR) {
			return a.personFrom(id)
		}
		err = a.mapOIOSAML3(&id)
	case a.has(oiosaml.AttrSpecVer2):
		if v, _ := a.one(oiosaml.AttrSpecVer2); v != oiosaml.Profile2 {
			return jobnet.Identity{}, refuse("assertion %s: SpecVer is not %s", a.ID, oiosaml.Profile2)
		}
		err = a.mapOIOSAML2(&id)
	default:
		return jobnet.Identity{}, refuse("assertion %s has no specVersion attribute (%s or %s)", a.ID, oiosaml.Profile3, oiosaml.Profile2)
	}
	if err != nil {
		return jobnet.Identity{}, err
	}
	if !isCVR(id.CVR) {
		return jobnet.Identity{}, refuse("assertion %s: CVR is not 8 digits", a.ID)
	}
	if id.UUID == "" && id.RID == "" {
		return jobnet.Identity{}, refuse("assertion %s names the employee by neither UUID nor RID", a.ID)
	}
	return id, nil
}

// mapOIOSAML3 reads the NemLog-in 3 professional profile.
func (a *checkedAssertion) mapOIOSAML3(id *jobnet.Identity) error {
	id.Profile = oiosaml.Profile3
	var err error
	if id.LoA, err = a.checkLoA3(); err != nil {
		return err
	}
	if id.CVR, err = a.one(oiosaml.AttrCVR); err != nil {
		return err
	}
	if id.Name, err = a.optional(oiosaml.AttrFullName); err != nil {
		return err
	}
	if id.RID, err = a.optional(oiosaml.AttrRID); err != nil {
		return err
	}
	if id.UUID, err = a.optional(oiosaml.AttrUUID); err != nil {
		return err
	}
	id.UUID = strings.TrimPrefix(id.UUID, "urn:uuid:")
	if id.UUID == "" {
		// The persistent NameID is the same professional UUID.
		if u, ok := strings.CutPrefix(id.NameID, oiosaml.UUIDNameIDPrefix); ok {
			id.UUID = u
		}
	}
	return nil
}

// professionalAttrs are the OIOSAML 3 attributes of an employee. A person
// assertion carries none of them: an assertion with both a cprNumber and one
// of these is refused rather than read as either.
var professionalAttrs = []string{oiosaml.AttrCVR, oiosaml.AttrUUID, oiosaml.AttrRID, oiosaml.AttrOrgName}

// personFrom reads the NemLog-in 3 person profile: a citizen signing in with
// MitID as themself. It refuses a level of assurance below Substantial and a
// cprNumber that is not exactly one valid CPR number of 10 digits.
func (a *checkedAssertion) personFrom(id jobnet.Identity) (jobnet.Identity, error) {
	for _, name := range professionalAttrs {
		if a.has(name) {
			return jobnet.Identity{}, refuse("assertion %s carries both %s and %s", a.ID, oiosaml.AttrCPR, name)
		}
	}
	id.Profile = oiosaml.Profile3
	var err error
	if id.LoA, err = a.checkLoA3(); err != nil {
		return jobnet.Identity{}, err
	}
	v, err := a.one(oiosaml.AttrCPR)
	if err != nil {
		return jobnet.Identity{}, err
	}
	if n, err := cpr.Parse(v); err != nil || n.Digits() != v {
		return jobnet.Identity{}, refuse("assertion %s: %s is not a valid CPR number of 10 digits", a.ID, oiosaml.AttrCPR)
	}
	id.CPR = v
	if id.Name, err = a.optional(oiosaml.AttrFullName); err != nil {
		return jobnet.Identity{}, err
	}
	return id, nil
}

// mapOIOSAML2 reads the legacy NemID medarbejdersignatur (OCES) profile.
func (a *checkedAssertion) mapOIOSAML2(id *jobnet.Identity) error {
	id.Profile = oiosaml.Profile2
	level, err := a.one(oiosaml.AttrAssuranceLevel)
	if err != nil {
		return err
	}
	if n, err := strconv.Atoi(level); err != nil || n < 3 {
		return refuse("assertion %s: AssuranceLevel is below 3", a.ID)
	}
	if err := a.checkClassRef2(); err != nil {
		return err
	}
	id.LoA = level
	if id.CVR, err = a.one(oiosaml.AttrCVR2); err != nil {
		return err
	}
	if id.RID, err = a.one(oiosaml.AttrRID2); err != nil {
		return err
	}
	if id.Name, err = a.optional(oiosaml.AttrCommonName2); err != nil {
		return err
	}
	return nil
}

func (a *checkedAssertion) has(name string) bool {
	_, ok := a.attrs[name]
	return ok
}

// one returns the single value of a required attribute.
func (a *checkedAssertion) one(name string) (string, error) {
	vals, ok := a.attrs[name]
	if !ok {
		return "", refuse("assertion %s lacks attribute %s", a.ID, name)
	}
	if len(vals) != 1 {
		return "", refuse("assertion %s: attribute %s has %d values, want 1", a.ID, name, len(vals))
	}
	return vals[0], nil
}

// optional returns the single value of an optional attribute, or "".
func (a *checkedAssertion) optional(name string) (string, error) {
	if !a.has(name) {
		return "", nil
	}
	return a.one(name)
}

func isCVR(s string) bool {
	if len(s) != 8 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
