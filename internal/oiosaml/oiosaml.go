// Package oiosaml names the Danish SAML profiles' attributes and values that
// both the service provider and the development IdP speak (OIOSAML 3 for
// NemLog-in 3 / MitID Erhverv, OIOSAML 2 for NemID medarbejdersignatur).
package oiosaml

// Profiles, as carried in the specVersion attribute.
const (
	Profile3 = "OIO-SAML-3.0"
	Profile2 = "DK-SAML-2.0"
)

// OIOSAML 3 professional attributes.
const (
	AttrSpecVer3     = "https://data.gov.dk/model/core/specVersion"
	AttrCVR          = "https://data.gov.dk/model/core/eid/professional/cvr"
	AttrUUID         = "https://data.gov.dk/model/core/eid/professional/uuid/persistent"
	AttrRID          = "https://data.gov.dk/model/core/eid/professional/rid"
	AttrOrgName      = "https://data.gov.dk/model/core/eid/professional/orgName"
	AttrFullName     = "https://data.gov.dk/model/core/eid/fullName"
	AttrLoA          = "https://data.gov.dk/concept/core/nsis/loa"
	LoASubstantial   = "https://data.gov.dk/concept/core/nsis/loa/Substantial"
	LoAHigh          = "https://data.gov.dk/concept/core/nsis/loa/High"
	LoALow           = "https://data.gov.dk/concept/core/nsis/loa/Low"
	NameIDPersistent = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"
	// UUIDNameIDPrefix starts an OIOSAML 3 professional persistent NameID.
	UUIDNameIDPrefix = "https://data.gov.dk/model/core/eid/professional/uuid/"
)

// OIOSAML 3 person attributes: a citizen signing in with MitID as themself.
const (
	AttrCPR = "https://data.gov.dk/model/core/eid/cprNumber"
	// PersonUUIDNameIDPrefix starts an OIOSAML 3 person persistent NameID.
	PersonUUIDNameIDPrefix = "https://data.gov.dk/model/core/eid/person/uuid/"
)

// OIOSAML 2 (medarbejdersignatur) attributes.
const (
	AttrSpecVer2       = "dk:gov:saml:attribute:SpecVer"
	AttrCVR2           = "dk:gov:saml:attribute:CvrNumberIdentifier"
	AttrRID2           = "dk:gov:saml:attribute:RidNumberIdentifier"
	AttrCommonName2    = "urn:oid:2.5.4.3"
	AttrAssuranceLevel = "dk:gov:saml:attribute:AssuranceLevel"
	NameIDX509Subject  = "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName"
)
