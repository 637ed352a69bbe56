// Package samlredirect is the SAML HTTP-Redirect binding (SAML bindings
// §3.4.4): messages DEFLATEd and base64-encoded into a query, and the query
// signature that replaces the XML signature there, made and checked with RSA
// and SHA-256 or stronger. The SP and the development IdP both speak it.
package samlredirect

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

	dsig "github.com/russellhaering/goxmldsig"
)

// SigAlgs are the query signature algorithms accepted: RSA with SHA-256 or
// stronger, never SHA-1.
var SigAlgs = map[string]crypto.Hash{
	dsig.RSASHA256SignatureMethod: crypto.SHA256,
	dsig.RSASHA384SignatureMethod: crypto.SHA384,
	dsig.RSASHA512SignatureMethod: crypto.SHA512,
}

// ErrUnsigned means the query carries no signature at all.
var ErrUnsigned = errors.New("samlredirect: the query is not signed")

// maxInflated bounds an inflated message, against zip bombs.
const maxInflated = 1 << 20

// URL puts msg into the query of dest as parameter param (SAMLRequest or
// SAMLResponse), with relayState when it is not empty, and signs the query
// with RSA-SHA256 by key.
func URL(dest, param string, msg []byte, relayState string, key crypto.Signer) (string, error) {
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		return "", err
	}
	if _, err := fw.Write(msg); err != nil {
		return "", err
	}
	if err := fw.Close(); err != nil {
		return "", err
	}
	q := param + "=" + url.QueryEscape(base64.StdEncoding.EncodeToString(buf.Bytes()))
	if relayState != "" {
		q += "&RelayState=" + url.QueryEscape(relayState)
	}
	q += "&SigAlg=" + url.QueryEscape(dsig.RSASHA256SignatureMethod)
	digest := crypto.SHA256.New()
	digest.Write([]byte(q))
	sig, err := key.Sign(rand.Reader, digest.Sum(nil), crypto.SHA256)
	if err != nil {
		return "", fmt.Errorf("samlredirect: sign %s: %w", param, err)
	}
	q += "&Signature=" + url.QueryEscape(base64.StdEncoding.EncodeToString(sig))

	u, err := url.Parse(dest)
	if err != nil {
		return "", fmt.Errorf("samlredirect: destination %q: %w", dest, err)
	}
	if u.RawQuery != "" {
		q = u.RawQuery + "&" + q
	}
	u.RawQuery = q
	return u.String(), nil
}

// Signed reports whether the query carries a signature of the binding.
func Signed(rawQuery string) bool {
	q, err := url.ParseQuery(rawQuery)
	return err == nil && (q.Get("Signature") != "" || q.Get("SigAlg") != "")
}

// Verify checks the query signature over parameter param against certs. It
// returns ErrUnsigned if the query carries no signature.
func Verify(rawQuery, param string, certs []*x509.Certificate) error {
	p, err := RawParams(rawQuery)
	if err != nil {
		return err
	}
	msg, ok := p[param]
	if !ok {
		return fmt.Errorf("no %s parameter", param)
	}
	rawAlg, rawSig := p["SigAlg"], p["Signature"]
	if rawAlg == "" && rawSig == "" {
		return ErrUnsigned
	}
	alg, err := url.QueryUnescape(rawAlg)
	if err != nil {
		return fmt.Errorf("SigAlg: %w", err)
	}
	hash, ok := SigAlgs[alg]
	if !ok {
		return fmt.Errorf("signature algorithm %q is not accepted (RSA with SHA-256 or stronger required)", alg)
	}
	sigB64, err := url.QueryUnescape(rawSig)
	if err != nil {
		return fmt.Errorf("Signature: %w", err)
	}
	sig, err := base64.StdEncoding.DecodeString(sigB64)
	if err != nil {
		return fmt.Errorf("Signature: %w", err)
	}
	// The binding signs the parameters exactly as sent, in this order.
	signed := param + "=" + msg
	if rs, ok := p["RelayState"]; ok {
		signed += "&RelayState=" + rs
	}
	signed += "&SigAlg=" + rawAlg
	h := hash.New()
	h.Write([]byte(signed))
	digest := h.Sum(nil)
	if len(certs) == 0 {
		return errors.New("no signing certificate to check the query signature with")
	}
	for _, c := range certs {
		if pub, ok := c.PublicKey.(*rsa.PublicKey); ok && rsa.VerifyPKCS1v15(pub, hash, digest, sig) == nil {
			return nil
		}
	}
	return errors.New("the query signature does not verify with any signing certificate in the metadata")
}

// RawParams splits a query into its still-encoded values: they must not be
// decoded and encoded again before the signature is checked.
func RawParams(rawQuery string) (map[string]string, error) {
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

// Decode undoes the binding's encoding of a message parameter's value
// (already URL-decoded): base64, then DEFLATE, at most 1 MiB.
func Decode(b64 string) ([]byte, error) {
	compressed, err := base64.StdEncoding.DecodeString(strings.TrimSpace(b64))
	if err != nil || len(compressed) == 0 {
		return nil, errors.New("samlredirect: the message is not base64")
	}
	out, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(compressed)), maxInflated+1))
	if err != nil {
		return nil, fmt.Errorf("samlredirect: inflate: %w", err)
	}
	if len(out) > maxInflated {
		return nil, errors.New("samlredirect: the inflated message is too large")
	}
	return out, nil
}
