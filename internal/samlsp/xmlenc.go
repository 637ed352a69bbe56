package samlsp

import (
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rsa"
	_ "crypto/sha1" // SHA-1 is still the default OAEP digest and MGF
	_ "crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"github.com/beevik/etree"
	"github.com/crewjam/saml/xmlenc"
)

// XML Encryption algorithms.
const (
	algAES128CBC    = "http://www.w3.org/2001/04/xmlenc#aes128-cbc"
	algAES192CBC    = "http://www.w3.org/2001/04/xmlenc#aes192-cbc"
	algAES256CBC    = "http://www.w3.org/2001/04/xmlenc#aes256-cbc"
	algAES128GCM    = "http://www.w3.org/2009/xmlenc11#aes128-gcm"
	algAES256GCM    = "http://www.w3.org/2009/xmlenc11#aes256-gcm"
	algRSAOAEPMGF1P = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"
	algRSAOAEP      = "http://www.w3.org/2009/xmlenc11#rsa-oaep"
)

// acceptedDataEncryption are the ciphers an assertion may be encrypted with.
// The metadata offers exactly these. 3DES is not among them.
var acceptedDataEncryption = []string{algAES256GCM, algAES128GCM, algAES256CBC, algAES192CBC, algAES128CBC}

// acceptedKeyTransport are the ways the cipher key may be encrypted to our
// RSA key. RSA PKCS#1 v1.5 (rsa-1_5), which crewjam/saml would decrypt, is
// refused: it opens the door to Bleichenbacher's padding oracle.
var acceptedKeyTransport = []string{algRSAOAEP, algRSAOAEPMGF1P}

// crewjam/saml v0.5.1 decrypts AES-CBC, AES-128-GCM and rsa-oaep-mgf1p only.
// OIOSAML 3 IdPs may also use AES-256-GCM and the XML Encryption 1.1
// rsa-oaep, so we add those to its registry. Both the check in this package
// and crewjam/saml's own ParseXMLResponse go through that registry.
func init() {
	xmlenc.RegisterDecrypter(gcmDecrypter{alg: algAES256GCM, keySize: 32})
	xmlenc.RegisterDecrypter(rsaOAEP11{})
}

// gcmDecrypter decrypts an xenc:EncryptedData in AES-GCM mode: the cipher
// value is the 12-byte IV, the ciphertext and the 16-byte tag.
type gcmDecrypter struct {
	alg     string
	keySize int
}

func (g gcmDecrypter) Algorithm() string { return g.alg }

func (g gcmDecrypter) Decrypt(key any, el *etree.Element) ([]byte, error) {
	if ek := el.FindElement("./KeyInfo/EncryptedKey"); ek != nil {
		var err error
		if key, err = xmlenc.Decrypt(key, ek); err != nil {
			return nil, err
		}
	}
	k, ok := key.([]byte)
	if !ok || len(k) != g.keySize {
		return nil, fmt.Errorf("%s needs a %d-byte key", g.alg, g.keySize)
	}
	ct, err := cipherValue(el)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(k)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	if len(ct) < aead.NonceSize()+aead.Overhead() {
		return nil, errors.New("AES-GCM cipher value too short")
	}
	return aead.Open(nil, ct[:aead.NonceSize()], ct[aead.NonceSize():], nil)
}

// rsaOAEP11 decrypts an xenc:EncryptedKey with the XML Encryption 1.1
// rsa-oaep algorithm, whose digest and mask generation function are named
// in the EncryptionMethod (both SHA-1 when absent).
type rsaOAEP11 struct{}

func (rsaOAEP11) Algorithm() string { return algRSAOAEP }

func (rsaOAEP11) Decrypt(key any, el *etree.Element) ([]byte, error) {
	priv, ok := key.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("rsa-oaep needs an RSA private key")
	}
	opts := &rsa.OAEPOptions{Hash: crypto.SHA1, MGFHash: crypto.SHA1}
	if dm := el.FindElement("./EncryptionMethod/DigestMethod"); dm != nil {
		h, ok := oaepDigests[dm.SelectAttrValue("Algorithm", "")]
		if !ok {
			return nil, fmt.Errorf("rsa-oaep digest %q is not supported", dm.SelectAttrValue("Algorithm", ""))
		}
		opts.Hash = h
	}
	if mgf := el.FindElement("./EncryptionMethod/MGF"); mgf != nil {
		h, ok := oaepMGFs[mgf.SelectAttrValue("Algorithm", "")]
		if !ok {
			return nil, fmt.Errorf("rsa-oaep mask generation function %q is not supported", mgf.SelectAttrValue("Algorithm", ""))
		}
		opts.MGFHash = h
	}
	if p := el.FindElement("./EncryptionMethod/OAEPparams"); p != nil {
		label, err := base64.StdEncoding.DecodeString(strings.TrimSpace(p.Text()))
		if err != nil {
			return nil, fmt.Errorf("rsa-oaep OAEPparams: %w", err)
		}
		opts.Label = label
	}
	ct, err := cipherValue(el)
	if err != nil {
		return nil, err
	}
	return priv.Decrypt(nil, ct, opts)
}

var oaepDigests = map[string]crypto.Hash{
	"http://www.w3.org/2000/09/xmldsig#sha1":  crypto.SHA1,
	"http://www.w3.org/2001/04/xmlenc#sha256": crypto.SHA256,
	"http://www.w3.org/2001/04/xmlenc#sha512": crypto.SHA512,
}

var oaepMGFs = map[string]crypto.Hash{
	"http://www.w3.org/2009/xmlenc11#mgf1sha1":   crypto.SHA1,
	"http://www.w3.org/2009/xmlenc11#mgf1sha256": crypto.SHA256,
	"http://www.w3.org/2009/xmlenc11#mgf1sha384": crypto.SHA384,
	"http://www.w3.org/2009/xmlenc11#mgf1sha512": crypto.SHA512,
}

func cipherValue(el *etree.Element) ([]byte, error) {
	cv := el.FindElement("./CipherData/CipherValue")
	if cv == nil {
		return nil, errors.New("no CipherData/CipherValue")
	}
	return base64.StdEncoding.DecodeString(strings.Join(strings.Fields(cv.Text()), ""))
}
