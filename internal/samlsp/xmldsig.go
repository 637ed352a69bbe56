package samlsp

import (
	"crypto/x509"
	"errors"
	"fmt"
	"time"

	"github.com/beevik/etree"
	dsig "github.com/russellhaering/goxmldsig"
)

// Signature and digest algorithms we accept: SHA-256 or stronger. goxmldsig
// would verify SHA-1 as readily, so we look at the algorithms ourselves.
var (
	acceptedSignatureMethods = map[string]bool{
		dsig.RSASHA256SignatureMethod:   true,
		dsig.RSASHA384SignatureMethod:   true,
		dsig.RSASHA512SignatureMethod:   true,
		dsig.ECDSASHA256SignatureMethod: true,
		dsig.ECDSASHA384SignatureMethod: true,
		dsig.ECDSASHA512SignatureMethod: true,
	}
	acceptedDigestMethods = map[string]bool{
		"http://www.w3.org/2001/04/xmlenc#sha256":       true,
		"http://www.w3.org/2001/04/xmldsig-more#sha384": true,
		"http://www.w3.org/2001/04/xmlenc#sha512":       true,
	}
)

var errNotSigned = errors.New("not signed")

// signatureOf returns the enveloped ds:Signature of el, or errNotSigned.
// It must be el's direct child and the only ds:Signature below el:
// goxmldsig takes the first Signature anywhere below el that points at el,
// and we want to be sure the one whose algorithms we check is the one it
// verifies.
func signatureOf(el *etree.Element) (*etree.Element, error) {
	all := descendants(el, nsDSig, "Signature")
	switch {
	case len(all) == 0:
		return nil, errNotSigned
	case len(all) > 1:
		return nil, fmt.Errorf("%d signatures below <%s>", len(all), el.Tag)
	case all[0].Parent() != el:
		return nil, fmt.Errorf("signature is not a direct child of <%s>", el.Tag)
	}
	return all[0], nil
}

// checkSignatureAlgorithms refuses SHA-1 (or unknown) signature and digest
// methods, and anything but one Reference to el's own ID. Element names are
// matched without namespace, so that a second, differently namespaced
// SignatureMethod cannot hide a weak one.
func checkSignatureAlgorithms(el, sigEl *etree.Element) error {
	var methods, refs int
	var err error
	var walk func(e *etree.Element)
	walk = func(e *etree.Element) {
		for _, c := range e.ChildElements() {
			alg := c.SelectAttrValue("Algorithm", "")
			switch c.Tag {
			case "SignatureMethod":
				methods++
				if !acceptedSignatureMethods[alg] && err == nil {
					err = fmt.Errorf("signature method %s is not accepted (SHA-256 or stronger required)", alg)
				}
			case "DigestMethod":
				if !acceptedDigestMethods[alg] && err == nil {
					err = fmt.Errorf("digest method %s is not accepted (SHA-256 or stronger required)", alg)
				}
			case "Reference":
				refs++
				id := el.SelectAttrValue("ID", "")
				if id == "" || c.SelectAttrValue("URI", "") != "#"+id {
					if err == nil {
						err = errors.New("signature reference does not point at the signed element's ID")
					}
				}
			}
			walk(c)
		}
	}
	walk(sigEl)
	switch {
	case err != nil:
		return err
	case methods != 1:
		return fmt.Errorf("signature has %d SignatureMethod elements", methods)
	case refs != 1:
		return fmt.Errorf("signature has %d references, want 1", refs)
	}
	return nil
}

// verifySignature checks el's enveloped signature against the IdP's signing
// certificates at time now and returns the signed element as the signature
// covers it. Callers must read only the returned element, never el: that is
// what defeats signature wrapping.
func verifySignature(el *etree.Element, certs []*x509.Certificate, now time.Time) (*etree.Element, error) {
	sigEl, err := signatureOf(el)
	if err != nil {
		return nil, err
	}
	if err := checkSignatureAlgorithms(el, sigEl); err != nil {
		return nil, err
	}
	ctx := func(roots ...*x509.Certificate) *dsig.ValidationContext {
		vc := dsig.NewDefaultValidationContext(&dsig.MemoryX509CertificateStore{Roots: roots})
		vc.IdAttribute = "ID"
		vc.Clock = dsig.NewFakeClockAt(now)
		return vc
	}
	if sigEl.FindElement("./KeyInfo/X509Data/X509Certificate") != nil {
		// goxmldsig accepts the certificate in KeyInfo only if it equals one
		// from the metadata.
		signed, err := ctx(certs...).Validate(el)
		if err != nil {
			return nil, fmt.Errorf("signature does not verify with a key from the IdP metadata: %w", err)
		}
		return signed, nil
	}
	// Without a certificate in KeyInfo goxmldsig tries only a lone trusted
	// certificate; during a key rollover the metadata holds two, so try each.
	// A KeyInfo without a certificate (a KeyName, say) says nothing we use.
	el = el.Copy()
	if s, _ := signatureOf(el); s != nil {
		if ki := s.SelectElement("KeyInfo"); ki != nil {
			s.RemoveChild(ki)
		}
	}
	for _, c := range certs {
		if signed, err := ctx(c).Validate(el); err == nil {
			return signed, nil
		}
	}
	return nil, errors.New("signature does not verify with any key in the IdP metadata")
}
