package devidp

import (
	"fmt"
	"time"

	"github.com/crewjam/saml"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

const (
	attrNameFormatURI = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri"
	authnContextX509  = "urn:oasis:names:tc:SAML:2.0:ac:classes:X509"
	// How long an assertion may be used after it is issued.
	assertionLifetime = 5 * time.Minute
)

// Attributes outside the shared oiosaml package: the OIOSAML 3 e-mail,
// and the OIOSAML 2 organisation name and e-mail.
const (
	attrEmail3      = "https://data.gov.dk/model/core/eid/email"
	attrOrgName2    = "urn:oid:2.5.4.10"
	attrEmail2      = "urn:oid:0.9.2342.19200300.100.1.3"
	assuranceLevel2 = "3"
	loaSubstantial  = "Substantial" // the loa attribute's value; the URI goes in AuthnContextClassRef
)

// assertionMaker implements saml.AssertionMaker: it asserts a demo
// caseworker in the OIOSAML 3 or OIOSAML 2 professional shape, or a demo
// citizen in the OIOSAML 3 person shape.
type assertionMaker struct {
	entityID string
	users    *directory
}

// MakeAssertion implements saml.AssertionMaker. The session's UserName is
// the demo user's username.
func (m assertionMaker) MakeAssertion(req *saml.IdpAuthnRequest, s *saml.Session) error {
	u, ok := m.users.user(s.UserName)
	if !ok {
		return fmt.Errorf("devidp: no demo user %q", s.UserName)
	}
	nameIDFormat, nameID := subjectNameID(u)
	attrs, classRef := attributes(u)
	now := req.Now
	sessionEnd := s.ExpireTime
	req.Assertion = &saml.Assertion{
		ID:           randomID(),
		IssueInstant: now,
		Version:      "2.0",
		Issuer: saml.Issuer{
			Format: "urn:oasis:names:tc:SAML:2.0:nameid-format:entity",
			Value:  m.entityID,
		},
		Subject: &saml.Subject{
			NameID: &saml.NameID{Format: nameIDFormat, Value: nameID},
			SubjectConfirmations: []saml.SubjectConfirmation{{
				Method: "urn:oasis:names:tc:SAML:2.0:cm:bearer",
				SubjectConfirmationData: &saml.SubjectConfirmationData{
					InResponseTo: req.Request.ID,
					NotOnOrAfter: now.Add(assertionLifetime),
					Recipient:    req.ACSEndpoint.Location,
				},
			}},
		},
		Conditions: &saml.Conditions{
			NotBefore:    now,
			NotOnOrAfter: now.Add(assertionLifetime),
			AudienceRestrictions: []saml.AudienceRestriction{{
				Audience: saml.Audience{Value: req.ServiceProviderMetadata.EntityID},
			}},
		},
		AuthnStatements: []saml.AuthnStatement{{
			AuthnInstant:        s.CreateTime,
			SessionIndex:        s.Index,
			SessionNotOnOrAfter: &sessionEnd,
			AuthnContext: saml.AuthnContext{
				AuthnContextClassRef: &saml.AuthnContextClassRef{Value: classRef},
			},
		}},
		AttributeStatements: []saml.AttributeStatement{{Attributes: attrs}},
	}
	return nil
}

// subjectNameID is the user's NameID: a citizen's persistent person UUID;
// a caseworker's persistent professional UUID in OIOSAML 3, the certificate
// subject in OIOSAML 2.
func subjectNameID(u user) (format, value string) {
	if u.citizen != nil {
		return oiosaml.NameIDPersistent, oiosaml.PersonUUIDNameIDPrefix + personUUID(*u.citizen)
	}
	cw := *u.caseworker
	if cw.Profile == oiosaml.Profile2 {
		return oiosaml.NameIDX509Subject, fmt.Sprintf("CN=%s + SERIALNUMBER=CVR:%s-RID:%s", cw.Name, cw.CVR, cw.RID)
	}
	return oiosaml.NameIDPersistent, oiosaml.UUIDNameIDPrefix + cw.UUID
}

// attributes are the user's SAML attributes and the AuthnContextClassRef
// for their profile. A citizen gets the OIOSAML 3 person profile at LoA
// Substantial: the cprNumber and the name, no professional attribute.
func attributes(u user) ([]saml.Attribute, string) {
	var attrs []saml.Attribute
	add := func(name, value string) {
		if value == "" {
			return
		}
		attrs = append(attrs, saml.Attribute{
			Name:       name,
			NameFormat: attrNameFormatURI,
			Values:     []saml.AttributeValue{{Type: "xs:string", Value: value}},
		})
	}
	if c := u.citizen; c != nil {
		add(oiosaml.AttrSpecVer3, oiosaml.Profile3)
		add(oiosaml.AttrCPR, c.CPR)
		add(oiosaml.AttrFullName, c.Name)
		add(oiosaml.AttrLoA, loaSubstantial)
		return attrs, oiosaml.LoASubstantial
	}
	cw := *u.caseworker
	org := orgName(cw)
	if cw.Profile == oiosaml.Profile2 {
		add(oiosaml.AttrSpecVer2, oiosaml.Profile2)
		add(oiosaml.AttrCVR2, cw.CVR)
		add(oiosaml.AttrRID2, cw.RID)
		add(oiosaml.AttrCommonName2, cw.Name)
		add(attrOrgName2, org)
		add(attrEmail2, cw.Email)
		add(oiosaml.AttrAssuranceLevel, assuranceLevel2)
		return attrs, authnContextX509
	}
	add(oiosaml.AttrSpecVer3, oiosaml.Profile3)
	add(oiosaml.AttrCVR, cw.CVR)
	add(oiosaml.AttrUUID, "urn:uuid:"+cw.UUID)
	add(oiosaml.AttrRID, cw.RID)
	add(oiosaml.AttrOrgName, org)
	add(oiosaml.AttrFullName, cw.Name)
	add(attrEmail3, cw.Email)
	add(oiosaml.AttrLoA, loaSubstantial)
	return attrs, oiosaml.LoASubstantial
}

// orgName is the name registered for the caseworker's CVR: their own
// organisation with that CVR first (Aarhus' jobcenter and kommune share
// one), else any demo organisation with it.
func orgName(cw demo.Caseworker) string {
	for _, o := range cw.Orgs {
		if o.Org.CVR == cw.CVR {
			return o.Org.Name
		}
	}
	for _, o := range demo.Organisations {
		if o.CVR == cw.CVR {
			return o.Name
		}
	}
	return ""
}
