package samlsp

import (
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/crewjam/saml"
	"github.com/google/go-cmp/cmp"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

// annaCPR is a made-up CPR number (the demo citizen Anna's).
const (
	annaCPR    = "1203854417"
	annaNameID = oiosaml.PersonUUIDNameIDPrefix + "5b0c9e7a-1d2e-4f30-8a41-b2c3d4e5f607"
)

// goodPerson is a NemLog-in 3 MitID login of a citizen as themself at LoA
// Substantial: the person profile, no professional attributes.
func (f *fixture) goodPerson(requestID string) respSpec {
	s := f.good(requestID)
	s.NameID, s.NameIDFormat = annaNameID, oiosaml.NameIDPersistent
	s.Attrs = []saml.Attribute{
		attr(oiosaml.AttrSpecVer3, oiosaml.Profile3),
		attr(oiosaml.AttrLoA, "Substantial"),
		attr(oiosaml.AttrCPR, annaCPR),
		attr(oiosaml.AttrFullName, "Anna Jensen"),
	}
	return s
}

func TestFinishLogin_AcceptsAPersonAssertion(t *testing.T) {
	f := newFixture(t)
	requestID, cookies := f.login(t, "/min-side/historik")
	got, returnTo, err := f.sp.FinishLogin(httptest.NewRecorder(), post(f.build(t, f.goodPerson(requestID)), cookies))
	if err != nil {
		t.Fatalf("FinishLogin: %v", err)
	}
	want := jobnet.Identity{
		Name: "Anna Jensen", CPR: annaCPR, Profile: oiosaml.Profile3, LoA: "Substantial",
		NameID: annaNameID, NameIDFormat: oiosaml.NameIDPersistent, SessionIndex: testSessionIdx,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("identity (-want +got):\n%s", diff)
	}
	if !got.IsPerson() {
		t.Error("a person assertion gave a caseworker's identity")
	}
	if returnTo != "/min-side/historik" {
		t.Errorf("returnTo = %q", returnTo)
	}
}

func TestFinishLogin_RefusesPersonAssertions(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(s *respSpec)
		want  string
	}{
		{"LoA Low", func(s *respSpec) { s.setAttr(oiosaml.AttrLoA, "Low") }, "LoA is below Substantial"},
		{"AuthnContextClassRef Low", func(s *respSpec) { s.ClassRef = oiosaml.LoALow }, "AuthnContextClassRef is not LoA Substantial or High"},
		{"no loa attribute", func(s *respSpec) { s.setAttr(oiosaml.AttrLoA) }, "lacks attribute " + oiosaml.AttrLoA},
		{"CPR of 9 digits", func(s *respSpec) { s.setAttr(oiosaml.AttrCPR, annaCPR[:9]) }, "is not a valid CPR number"},
		{"CPR that is no date", func(s *respSpec) { s.setAttr(oiosaml.AttrCPR, "3202854417") }, "is not a valid CPR number"},
		{"CPR with a dash", func(s *respSpec) { s.setAttr(oiosaml.AttrCPR, annaCPR[:6]+"-"+annaCPR[6:]) }, "is not a valid CPR number"},
		{"two CPR numbers", func(s *respSpec) { s.setAttr(oiosaml.AttrCPR, annaCPR, "1506874211") }, "has 2 values"},
		{"a CVR too", func(s *respSpec) { s.setAttr(oiosaml.AttrCVR, "11223344") }, "carries both"},
		{"a professional UUID too", func(s *respSpec) { s.setAttr(oiosaml.AttrUUID, "urn:uuid:"+bertiUUID) }, "carries both"},
		{"OIOSAML 2", func(s *respSpec) { s.setAttr(oiosaml.AttrSpecVer3); s.setAttr(oiosaml.AttrSpecVer2, oiosaml.Profile2) }, "lacks attribute " + oiosaml.AttrAssuranceLevel},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			requestID, cookies := f.login(t, "/min-side/historik")
			s := f.goodPerson(requestID)
			tt.spoil(&s)
			id, _, err := f.sp.FinishLogin(httptest.NewRecorder(), post(f.build(t, s), cookies))
			if err == nil {
				t.Fatalf("FinishLogin accepted it: %+v", id)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q\nwant it to contain %q", err, tt.want)
			}
			if !errors.Is(err, ErrRefused) {
				t.Errorf("error %v is not ErrRefused", err)
			}
			if strings.Contains(err.Error(), annaCPR[:6]) || strings.Contains(err.Error(), "Anna") {
				t.Errorf("error %q quotes the person's attributes", err)
			}
		})
	}
}
