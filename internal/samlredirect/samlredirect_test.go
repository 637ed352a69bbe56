package samlredirect

import (
	"crypto/x509"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/star-dk/sagsbehandleradgang/internal/keypair"
)

func TestURL_SignsAndVerifyAcceptsOnlyTheSignersKey(t *testing.T) {
	key, cert, err := keypair.Generate(2048, "test only")
	if err != nil {
		t.Fatal(err)
	}
	_, other, err := keypair.Generate(2048, "test only, other")
	if err != nil {
		t.Fatal(err)
	}
	msg := []byte(`<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1"/>`)
	u, err := URL("https://idp.example/slo?x=1", "SAMLRequest", msg, "/tilbage", key)
	if err != nil {
		t.Fatal(err)
	}
	parsed, _ := url.Parse(u)
	q := parsed.RawQuery
	if !strings.HasPrefix(q, "x=1&SAMLRequest=") || !Signed(q) {
		t.Fatalf("query %q", q)
	}
	if err := Verify(q, "SAMLRequest", []*x509.Certificate{other, cert}); err != nil {
		t.Errorf("Verify with the signer's certificate: %v", err)
	}
	if err := Verify(q, "SAMLRequest", []*x509.Certificate{other}); err == nil {
		t.Error("Verify accepted a signature by another key")
	}
	tampered := strings.Replace(q, "RelayState=%2Ftilbage", "RelayState=%2Fandet", 1)
	if err := Verify(tampered, "SAMLRequest", []*x509.Certificate{cert}); err == nil {
		t.Error("Verify accepted a changed RelayState")
	}
	sha1 := strings.Replace(q, url.QueryEscape("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"), url.QueryEscape("http://www.w3.org/2000/09/xmldsig#rsa-sha1"), 1)
	if err := Verify(sha1, "SAMLRequest", []*x509.Certificate{cert}); err == nil || !strings.Contains(err.Error(), "not accepted") {
		t.Errorf("Verify of an RSA-SHA1 query: %v", err)
	}
	unsigned := q[:strings.Index(q, "&SigAlg=")]
	if err := Verify(unsigned, "SAMLRequest", []*x509.Certificate{cert}); !errors.Is(err, ErrUnsigned) {
		t.Errorf("Verify of an unsigned query: %v, want ErrUnsigned", err)
	}
	got, err := Decode(parsed.Query().Get("SAMLRequest"))
	if err != nil || string(got) != string(msg) {
		t.Errorf("Decode = %q, %v", got, err)
	}
}
