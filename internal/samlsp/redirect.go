package samlsp

import (
	"bytes"
	"compress/flate"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/beevik/etree"
	dsig "github.com/russellhaering/goxmldsig"
)

// maxInflatedBytes bounds a DEFLATEd message we inflate, against zip bombs.
const maxInflatedBytes = 1 << 20

// redirectSigAlgs are the query signature algorithms we accept from the IdP:
// RSA with SHA-256 or stronger, as NemLog-in signs.
var redirectSigAlgs = map[string]crypto.Hash{
	dsig.RSASHA256SignatureMethod: crypto.SHA256,
	dsig.RSASHA384SignatureMethod: crypto.SHA384,
	dsig.RSASHA512SignatureMethod: crypto.SHA512,
}

// redirectURL encodes msg for the HTTP-Redirect binding (DEFLATE, base64,
// URL encoding) as query parameter param of dest and signs the query with
// RSA-SHA256 (SAML bindings §3.4.4.1). The message itself carries no XML
// signature: in this binding the query signature replaces it.
func (sp *SP) redirectURL(dest, param string, msg *etree.Element) (string, error) {
	doc := etree.NewDocument()
	doc.SetRoot(msg)
	xmlBytes, err := doc.WriteToBytes()
	if err != nil {
		return "", fmt.Errorf("samlsp: write %s: %w", param, err)
	}
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		return "", err
	}
	if _, err := fw.Write(xmlBytes); err != nil {
		return "", err
	}
	if err := fw.Close(); err != nil {
		return "", err
	}
	q := param + "=" + url.QueryEscape(base64.StdEncoding.EncodeToString(buf.Bytes()))
	q += "&SigAlg=" + url.QueryEscape(dsig.RSASHA256SignatureMethod)
	digest := crypto.SHA256.New()
	digest.Write([]byte(q))
	sig, err := rsa.SignPKCS1v15(rand.Reader, sp.cfg.Key, crypto.SHA256, digest.Sum(nil))
	if err != nil {
		return "", fmt.Errorf("samlsp: sign %s: %w", param, err)
	}
	q += "&Signature=" + url.QueryEscape(base64.StdEncoding.EncodeToString(sig))

	u, err := url.Parse(dest)
	if err != nil {
		return "", fmt.Errorf("samlsp: IdP endpoint %q: %w", dest, err)
	}
	if u.RawQuery != "" {
		q = u.RawQuery + "&" + q
	}
	u.RawQuery = q
	return u.String(), nil
}

// rawQueryParams splits a query into its still-encoded values. The binding
// signs the parameters exactly as sent, so they must not be decoded and
// encoded again before checking the signature.
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

// verifyRedirectSignature checks the HTTP-Redirect binding signature over
// parameter param (SAMLRequest or SAMLResponse). It returns errNotSigned
// if the query carries no signature.
func verifyRedirectSignature(rawQuery, param string, certs []*x509.Certificate) error {
	p, err := rawQueryParams(rawQuery)
	if err != nil {
		return err
	}
	rawAlg, rawSig := p["SigAlg"], p["Signature"]
	if rawAlg == "" && rawSig == "" {
		return errNotSigned
	}
	alg, err := url.QueryUnescape(rawAlg)
	if err != nil {
		return fmt.Errorf("SigAlg: %w", err)
	}
	hash, ok := redirectSigAlgs[alg]
	if !ok {
		return fmt.Errorf("signature algorithm %s is not accepted (SHA-256 or stronger required)", alg)
	}
	sigB64, err := url.QueryUnescape(rawSig)
	if err != nil {
		return fmt.Errorf("Signature: %w", err)
	}
	sig, err := base64.StdEncoding.DecodeString(sigB64)
	if err != nil {
		return fmt.Errorf("Signature: %w", err)
	}
	signed := param + "=" + p[param]
	if rs, ok := p["RelayState"]; ok {
		signed += "&RelayState=" + rs
	}
	signed += "&SigAlg=" + rawAlg
	h := hash.New()
	h.Write([]byte(signed))
	digest := h.Sum(nil)
	for _, c := range certs {
		if pub, ok := c.PublicKey.(*rsa.PublicKey); ok && rsa.VerifyPKCS1v15(pub, hash, digest, sig) == nil {
			return nil
		}
	}
	return errors.New("query signature does not verify with any key in the IdP metadata")
}

// inflate undoes the binding's DEFLATE, refusing output beyond
// maxInflatedBytes.
func inflate(data []byte) ([]byte, error) {
	out, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(data)), maxInflatedBytes+1))
	if err != nil {
		return nil, fmt.Errorf("inflate: %w", err)
	}
	if len(out) > maxInflatedBytes {
		return nil, errors.New("inflated message too large")
	}
	return out, nil
}
