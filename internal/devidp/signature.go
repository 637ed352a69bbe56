package devidp

import (
	"crypto"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/beevik/etree"
	dsig "github.com/russellhaering/goxmldsig"
)

// Signature algorithms the IdP accepts from an SP: RSA with SHA-256 or
// stronger. crewjam/saml's own IdP checks no AuthnRequest signature at all.
var acceptedSigAlgs = map[string]crypto.Hash{
	dsig.RSASHA256SignatureMethod: crypto.SHA256,
	dsig.RSASHA384SignatureMethod: crypto.SHA384,
	dsig.RSASHA512SignatureMethod: crypto.SHA512,
}

// Digest algorithms accepted inside an XML signature.
var acceptedDigests = map[string]bool{
	"http://www.w3.org/2001/04/xmlenc#sha256":       true,
	"http://www.w3.org/2001/04/xmldsig-more#sha384": true,
	"http://www.w3.org/2001/04/xmlenc#sha512":       true,
}

// errUnsigned means the message carried no signature at all.
var errUnsigned = errors.New("message is not signed")

// rawQueryParams splits a raw query into its still-encoded values. The
// HTTP-Redirect binding signs the parameters exactly as they were sent, so
// they must not be decoded and encoded again.
func rawQueryParams(rawQuery string) (map[string]string, error) {
	params := map[string]string{}
	for part := range strings.SplitSeq(rawQuery, "&") {
		if part == "" {
			continue
		}
		name, value, _ := strings.Cut(part, "=")
		if _, dup := params[name]; dup {
			return nil, fmt.Errorf("query parameter %s appears twice", name)
		}
		params[name] = value
	}
	return params, nil
}

// hasRedirectSignature reports whether the query carries a signature of
// the HTTP-Redirect binding.
func hasRedirectSignature(rawQuery string) bool {
	q, err := url.ParseQuery(rawQuery)
	return err == nil && (q.Get("Signature") != "" || q.Get("SigAlg") != "")
}

// verifyRedirectSignature checks the HTTP-Redirect binding signature of the
// message in parameter msgParam (SAMLRequest or SAMLResponse) against certs
// (SAML bindings §3.4.4.1).
func verifyRedirectSignature(rawQuery, msgParam string, certs []*x509.Certificate) error {
	p, err := rawQueryParams(rawQuery)
	if err != nil {
		return err
	}
	msg, ok := p[msgParam]
	if !ok {
		return fmt.Errorf("no %s parameter", msgParam)
	}
	rawAlg, rawSig := p["SigAlg"], p["Signature"]
	if rawAlg == "" && rawSig == "" {
		return errUnsigned
	}
	alg, err := url.QueryUnescape(rawAlg)
	if err != nil {
		return fmt.Errorf("SigAlg: %w", err)
	}
	hash, ok := acceptedSigAlgs[alg]
	if !ok {
		return fmt.Errorf("signature algorithm %q is not accepted; use RSA-SHA256", alg)
	}
	sigB64, err := url.QueryUnescape(rawSig)
	if err != nil {
		return fmt.Errorf("Signature: %w", err)
	}
	sig, err := base64.StdEncoding.DecodeString(sigB64)
	if err != nil {
		return fmt.Errorf("Signature: %w", err)
	}
	signed := msgParam + "=" + msg
	if rs, ok := p["RelayState"]; ok {
		signed += "&RelayState=" + rs
	}
	signed += "&SigAlg=" + rawAlg

	h := hash.New()
	h.Write([]byte(signed))
	digest := h.Sum(nil)
	for _, c := range certs {
		pub, ok := c.PublicKey.(*rsa.PublicKey)
		if !ok {
			continue
		}
		if rsa.VerifyPKCS1v15(pub, hash, digest, sig) == nil {
			return nil
		}
	}
	if len(certs) == 0 {
		return errors.New("the SP's metadata has no signing certificate")
	}
	return errors.New("signature does not match the SP's signing certificate")
}

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
	if _, ok := acceptedSigAlgs[alg]; !ok {
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
