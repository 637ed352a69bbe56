package samlsp

import (
	"crypto/rsa"
	"encoding/xml"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"
	"github.com/crewjam/saml/xmlenc"
)

const bearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer"

// checkedAssertion is what FinishLogin keeps of an assertion that passed
// checkAssertion.
type checkedAssertion struct {
	ID           string
	NameID       string
	NameIDFormat string
	SessionIndex string
	classRef     string              // the AuthnStatement's AuthnContextClassRef, may be ""
	attrs        map[string][]string // attribute name → values
	expires      time.Time           // until when the replay cache must remember ID
	nextKey      bool                // it was encrypted to the next certificate of a key rollover
}

// decryptAssertion decrypts a saml:EncryptedAssertion with our key, after
// checking that it uses only algorithms we accept. During an overlapping
// key rollover the IdP may encrypt to either certificate the metadata
// publishes, so the next key is tried when the current one fails; next
// says which key it took.
func (sp *SP) decryptAssertion(enc *etree.Element) (el *etree.Element, next bool, err error) {
	el, err = sp.decryptAssertionWith(sp.cfg.Key, enc)
	if err != nil && sp.cfg.NextKey != nil {
		if el, nextErr := sp.decryptAssertionWith(sp.cfg.NextKey, enc); nextErr == nil {
			return el, true, nil
		}
	}
	return el, false, err
}

func (sp *SP) decryptAssertionWith(ourKey *rsa.PrivateKey, enc *etree.Element) (*etree.Element, error) {
	data := children(enc, nsXMLEnc, "EncryptedData")
	if len(data) != 1 {
		return nil, fmt.Errorf("EncryptedAssertion has %d EncryptedData elements", len(data))
	}
	if alg := encryptionMethod(data[0]); !slices.Contains(acceptedDataEncryption, alg) {
		return nil, fmt.Errorf("data encryption %q is not accepted", alg)
	}
	keys := descendants(enc, nsXMLEnc, "EncryptedKey")
	if len(keys) == 0 {
		return nil, errors.New("no EncryptedKey")
	}
	for _, k := range keys {
		if alg := encryptionMethod(k); !slices.Contains(acceptedKeyTransport, alg) {
			return nil, fmt.Errorf("key transport %q is not accepted", alg)
		}
	}
	// The key sits either beside the EncryptedData (as crewjam/saml and
	// many IdPs put it) or inside its KeyInfo, where xmlenc finds it.
	var key any = ourKey
	if sibling := children(enc, nsXMLEnc, "EncryptedKey"); len(sibling) > 0 {
		k, err := xmlenc.Decrypt(ourKey, sibling[0])
		if err != nil {
			return nil, fmt.Errorf("decrypt key: %w", err)
		}
		key = k
	}
	plain, err := xmlenc.Decrypt(key, data[0])
	if err != nil {
		return nil, err
	}
	return parseXML(plain)
}

func encryptionMethod(el *etree.Element) string {
	if m := child(el, nsXMLEnc, "EncryptionMethod"); m != nil {
		return m.SelectAttrValue("Algorithm", "")
	}
	return ""
}

// checkAssertion checks the signed, decrypted assertion el: issuer,
// subject confirmation, validity period and audience. el must be what
// verifySignature returned.
func (sp *SP) checkAssertion(st *idpState, el *etree.Element, requestID string, now time.Time) (*checkedAssertion, error) {
	if !is(el, nsAssertion, "Assertion") {
		return nil, refuse("encrypted content is a <%s>, not a saml:Assertion", el.Tag)
	}
	var a saml.Assertion
	doc := etree.NewDocument()
	doc.SetRoot(el.Copy())
	buf, err := doc.WriteToBytes()
	if err == nil {
		err = xml.Unmarshal(buf, &a)
	}
	if err != nil {
		return nil, refuseWith(err, "cannot read the assertion")
	}
	skew := sp.cfg.ClockSkew

	if a.ID == "" || a.Version != "2.0" {
		return nil, refuse("assertion has no ID or is not version 2.0")
	}
	if err := checkIssueInstant(el, "assertion "+a.ID, now, skew); err != nil {
		return nil, err
	}
	if strings.TrimSpace(a.Issuer.Value) != st.entityID {
		return nil, refuse("assertion %s: Issuer is not the IdP's entity ID %s", a.ID, st.entityID)
	}
	if a.Subject == nil || a.Subject.NameID == nil || strings.TrimSpace(a.Subject.NameID.Value) == "" {
		return nil, refuse("assertion %s has no Subject/NameID", a.ID)
	}

	// Web SSO profile §4.1.4.2: at least one bearer confirmation, addressed
	// to our ACS, answering our request, not expired. We hold every bearer
	// confirmation to that, not just one.
	expires := time.Time{}
	bearers := 0
	for _, sc := range a.Subject.SubjectConfirmations {
		if sc.Method != bearer {
			continue
		}
		bearers++
		d := sc.SubjectConfirmationData
		switch {
		case d == nil:
			return nil, refuse("assertion %s: bearer SubjectConfirmation without SubjectConfirmationData", a.ID)
		case d.Recipient != sp.acsURL:
			return nil, refuse("assertion %s: SubjectConfirmationData Recipient %q is not our ACS URL %s", a.ID, d.Recipient, sp.acsURL)
		case d.InResponseTo != requestID:
			return nil, refuse("assertion %s: SubjectConfirmationData InResponseTo does not match request %s", a.ID, requestID)
		case d.NotOnOrAfter.IsZero():
			return nil, refuse("assertion %s: SubjectConfirmationData has no NotOnOrAfter", a.ID)
		case !now.Before(d.NotOnOrAfter.Add(skew)):
			return nil, refuse("assertion %s: SubjectConfirmationData expired at %s", a.ID, d.NotOnOrAfter.UTC().Format(time.RFC3339))
		case !d.NotBefore.IsZero() && now.Add(skew).Before(d.NotBefore):
			return nil, refuse("assertion %s: SubjectConfirmationData not valid before %s", a.ID, d.NotBefore.UTC().Format(time.RFC3339))
		}
		expires = later(expires, d.NotOnOrAfter)
	}
	if bearers == 0 {
		return nil, refuse("assertion %s has no bearer SubjectConfirmation", a.ID)
	}

	c := a.Conditions
	switch {
	case c == nil:
		return nil, refuse("assertion %s has no Conditions", a.ID)
	case !c.NotBefore.IsZero() && now.Add(skew).Before(c.NotBefore):
		return nil, refuse("assertion %s is not valid before %s", a.ID, c.NotBefore.UTC().Format(time.RFC3339))
	case c.NotOnOrAfter.IsZero():
		return nil, refuse("assertion %s has no Conditions NotOnOrAfter", a.ID)
	case !now.Before(c.NotOnOrAfter.Add(skew)):
		return nil, refuse("assertion %s expired at %s", a.ID, c.NotOnOrAfter.UTC().Format(time.RFC3339))
	}
	expires = later(expires, c.NotOnOrAfter)
	if err := sp.checkAudience(el, a.ID); err != nil {
		return nil, err
	}

	sessionIndex, classRef, err := authnStatement(el, a.ID)
	if err != nil {
		return nil, err
	}
	attrs, err := attributes(a.AttributeStatements)
	if err != nil {
		return nil, refuseWith(err, "assertion %s", a.ID)
	}
	return &checkedAssertion{
		ID:           a.ID,
		NameID:       strings.TrimSpace(a.Subject.NameID.Value),
		NameIDFormat: a.Subject.NameID.Format,
		SessionIndex: sessionIndex,
		classRef:     classRef,
		attrs:        attrs,
		// We accept the assertion up to skew after its end, so remember it
		// that long too.
		expires: expires.Add(skew),
	}, nil
}

// checkAudience requires an AudienceRestriction and that every one names
// us (SAML core §2.5.1.4: all restrictions must hold). crewjam/saml lets an
// assertion without any AudienceRestriction through, and reads only one
// Audience per restriction, so we read the XML.
func (sp *SP) checkAudience(el *etree.Element, id string) error {
	conds := children(el, nsAssertion, "Conditions")
	if len(conds) != 1 {
		return refuse("assertion %s has %d Conditions elements", id, len(conds))
	}
	ars := children(conds[0], nsAssertion, "AudienceRestriction")
	if len(ars) == 0 {
		return refuse("assertion %s has no AudienceRestriction", id)
	}
	for _, ar := range ars {
		if !slices.ContainsFunc(children(ar, nsAssertion, "Audience"), func(a *etree.Element) bool {
			return strings.TrimSpace(a.Text()) == sp.entityID
		}) {
			return refuse("assertion %s: AudienceRestriction does not name our entity ID %s", id, sp.entityID)
		}
	}
	return nil
}

// attributes collects the attribute values by name. An attribute that
// appears in two places is refused rather than guessed between.
func attributes(stmts []saml.AttributeStatement) (map[string][]string, error) {
	out := map[string][]string{}
	for _, s := range stmts {
		for _, a := range s.Attributes {
			if _, dup := out[a.Name]; dup {
				return nil, fmt.Errorf("attribute %s appears twice", a.Name)
			}
			vals := make([]string, 0, len(a.Values))
			for _, v := range a.Values {
				vals = append(vals, strings.TrimSpace(v.Value))
			}
			out[a.Name] = vals
		}
	}
	return out, nil
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
