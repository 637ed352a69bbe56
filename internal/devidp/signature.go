package devidp

import (
	"crypto/x509"
	"errors"
	"fmt"

	"github.com/star-dk/sagsbehandleradgang/internal/samlredirect"

	"github.com/beevik/etree"
	dsig "github.com/russellhaering/goxmldsig"
)

// Digest algorithms accepted inside an XML signature.
var acceptedDigests = map[string]bool{
	"http://www.w3.org/2001/04/xmlenc#sha256":       true,
	"http://www.w3.org/2001/04/xmldsig-more#sha384": true,
	"http://www.w3.org/2001/04/xmlenc#sha512":       true,
}

// errUnsigned means the message carried no signature at all, in the query
// or in the XML.
var errUnsigned = samlredirect.ErrUnsigned

// verifyXMLSignature checks the enveloped signature on root (the signature
// must reference the root element) and returns the signed content with the
// signature removed, which is what the caller may trust.
func verifyXMLSignature(root *etree.Element, certs []*x509.Certificate) (*etree.Element, error) {
	var sigEl *etree.Element
	for _, c := range root.ChildElements() {
		if c.Tag == "Signature" && c.NamespaceURI() == dsig.Namespace {
			sigEl = c
			break
		}
	}
	if sigEl == nil {
		return nil, errUnsigned
	}
	alg := ""
	if m := sigEl.FindElement("./SignedInfo/SignatureMethod"); m != nil {
		alg = m.SelectAttrValue("Algorithm", "")
	}
	if _, ok := samlredirect.SigAlgs[alg]; !ok {
		return nil, fmt.Errorf("signature algorithm %q is not accepted; use RSA-SHA256", alg)
	}
	for _, d := range sigEl.FindElements("./SignedInfo/Reference/DigestMethod") {
		if a := d.SelectAttrValue("Algorithm", ""); !acceptedDigests[a] {
			return nil, fmt.Errorf("digest algorithm %q is not accepted; use SHA-256", a)
		}
	}
	if len(certs) == 0 {
		return nil, errors.New("the SP's metadata has no signing certificate")
	}
	// With a certificate in KeyInfo, goxmldsig checks that it is one of
	// certs. Without one, it would only try a lone trusted certificate, so
	// try each in turn.
	if sigEl.FindElement("./KeyInfo/X509Data/X509Certificate") != nil {
		return validationContext(certs).Validate(root)
	}
	var lastErr error
	for _, c := range certs {
		el := root.Copy()
		if ki := el.FindElement("./Signature/KeyInfo"); ki != nil {
			ki.Parent().RemoveChild(ki)
		}
		verified, err := validationContext([]*x509.Certificate{c}).Validate(el)
		if err == nil {
			return verified, nil
		}
		lastErr = err
	}
	return nil, lastErr
}

func validationContext(certs []*x509.Certificate) *dsig.ValidationContext {
	vc := dsig.NewDefaultValidationContext(&dsig.MemoryX509CertificateStore{Roots: certs})
	vc.IdAttribute = "ID"
	return vc
}
