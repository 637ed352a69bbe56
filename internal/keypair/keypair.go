// Package keypair loads and creates the RSA key pairs with self-signed
// certificates that SAML uses to sign and encrypt: from configured PEM files
// in production, or generated on first start into a data folder for
// development. Keys it generates are for development and tests only.
package keypair

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"time"
)

// Bits is the size of the RSA keys generated for development.
const Bits = 3072

// LoadOrCreate reads name-key.pem and name-cert.pem from dir, or, when
// neither exists yet, generates an RSA-3072 key with a self-signed
// certificate (common name cn) and writes both there, so that a development
// server keeps its identity across restarts and its peer's copy of its
// metadata stays valid.
func LoadOrCreate(dir, name, cn string) (*rsa.PrivateKey, *x509.Certificate, error) {
	keyFile, certFile := name+"-key.pem", name+"-cert.pem"
	keyPath, certPath := filepath.Join(dir, keyFile), filepath.Join(dir, certFile)
	keyPEM, keyErr := os.ReadFile(keyPath)
	certPEM, certErr := os.ReadFile(certPath)
	switch {
	case keyErr == nil && certErr == nil:
		return parseKeyPair(keyPEM, certPEM)
	case errors.Is(keyErr, fs.ErrNotExist) && errors.Is(certErr, fs.ErrNotExist):
		// First start: make a key pair below.
	case keyErr != nil && !errors.Is(keyErr, fs.ErrNotExist):
		return nil, nil, fmt.Errorf("keypair: read key: %w", keyErr)
	case certErr != nil && !errors.Is(certErr, fs.ErrNotExist):
		return nil, nil, fmt.Errorf("keypair: read certificate: %w", certErr)
	default:
		return nil, nil, fmt.Errorf("keypair: only one of %s and %s exists in %s; delete it to make a new key pair", keyFile, certFile, dir)
	}

	key, cert, err := Generate(Bits, cn)
	if err != nil {
		return nil, nil, err
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, nil, fmt.Errorf("keypair: marshal key: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, fmt.Errorf("keypair: create data folder: %w", err)
	}
	if err := os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
		return nil, nil, fmt.Errorf("keypair: write key: %w", err)
	}
	if err := os.WriteFile(certPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw}), 0o644); err != nil {
		return nil, nil, fmt.Errorf("keypair: write certificate: %w", err)
	}
	return key, cert, nil
}

// Load reads a key pair from PEM files (PKCS#8 or PKCS#1 key).
func Load(keyPath, certPath string) (*rsa.PrivateKey, *x509.Certificate, error) {
	keyPEM, err := os.ReadFile(keyPath)
	if err != nil {
		return nil, nil, fmt.Errorf("keypair: read key: %w", err)
	}
	certPEM, err := os.ReadFile(certPath)
	if err != nil {
		return nil, nil, fmt.Errorf("keypair: read certificate: %w", err)
	}
	return parseKeyPair(keyPEM, certPEM)
}

// Generate makes an RSA key of the given size and a self-signed
// certificate for it with common name cn, valid for ten years. Tests may
// pass a smaller size than Bits to run faster.
func Generate(bits int, cn string) (*rsa.PrivateKey, *x509.Certificate, error) {
	key, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		return nil, nil, fmt.Errorf("keypair: generate key: %w", err)
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, nil, fmt.Errorf("keypair: serial number: %w", err)
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: cn},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.AddDate(10, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, fmt.Errorf("keypair: create certificate: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, fmt.Errorf("keypair: parse certificate: %w", err)
	}
	return key, cert, nil
}

func parseKeyPair(keyPEM, certPEM []byte) (*rsa.PrivateKey, *x509.Certificate, error) {
	kb, _ := pem.Decode(keyPEM)
	if kb == nil {
		return nil, nil, errors.New("keypair: key file holds no PEM block")
	}
	var key *rsa.PrivateKey
	switch kb.Type {
	case "PRIVATE KEY":
		k, err := x509.ParsePKCS8PrivateKey(kb.Bytes)
		if err != nil {
			return nil, nil, fmt.Errorf("keypair: parse key: %w", err)
		}
		rk, ok := k.(*rsa.PrivateKey)
		if !ok {
			return nil, nil, fmt.Errorf("keypair: key is %T, want RSA", k)
		}
		key = rk
	case "RSA PRIVATE KEY":
		k, err := x509.ParsePKCS1PrivateKey(kb.Bytes)
		if err != nil {
			return nil, nil, fmt.Errorf("keypair: parse key: %w", err)
		}
		key = k
	default:
		return nil, nil, fmt.Errorf("keypair: key file holds a %q block", kb.Type)
	}
	cb, _ := pem.Decode(certPEM)
	if cb == nil || cb.Type != "CERTIFICATE" {
		return nil, nil, errors.New("keypair: certificate file holds no CERTIFICATE block")
	}
	cert, err := x509.ParseCertificate(cb.Bytes)
	if err != nil {
		return nil, nil, fmt.Errorf("keypair: parse certificate: %w", err)
	}
	return key, cert, nil
}
