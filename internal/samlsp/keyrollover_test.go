package samlsp

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// nextKeyIsOther gives the SP the "other" test key pair as the next key of an
// overlapping rollover.
func nextKeyIsOther(f *fixture, cfg *Config) {
	cfg.NextKey, cfg.NextCert = f.otherKey.key, f.otherKey.cert
}

// During an overlapping key rollover the metadata publishes the next
// certificate beside the current one, so the IdP may encrypt to either:
// both must be decrypted, by our checks and by crewjam/saml's (issue 8,
// point 6). A key the SP does not hold is still refused.
func TestFinishLogin_DecryptsWithTheNextKeyOfARollover(t *testing.T) {
	for _, cipher := range []string{"aes128-cbc", "aes256-gcm"} {
		t.Run(cipher, func(t *testing.T) {
			f := newFixture(t, nextKeyIsOther)
			for name, to := range map[string]keyPair{"current": f.spKey, "next": f.otherKey} {
				requestID, cookies := f.login(t, "")
				s := f.goodOIOSAML3(requestID)
				s.Cipher = cipher
				if _, _, err := f.sp.FinishLogin(httptest.NewRecorder(), post(f.buildEncryptedTo(t, s, to), cookies)); err != nil {
					t.Errorf("assertion encrypted to the %s certificate: %v", name, err)
				}
			}
			requestID, cookies := f.login(t, "")
			_, _, err := f.sp.FinishLogin(httptest.NewRecorder(), post(f.buildEncryptedTo(t, f.goodOIOSAML3(requestID), f.idpKey), cookies))
			if err == nil || !strings.Contains(err.Error(), "cannot decrypt") {
				t.Errorf("assertion encrypted to a key the SP does not hold: %v, want refused", err)
			}
		})
	}
}

// Without a next key configured, only the current key decrypts; and the
// pairing of one SP with its next key is not another SP's.
func TestFinishLogin_NoNextKeyNoDecryption(t *testing.T) {
	newFixture(t, nextKeyIsOther) // another SP with the same current key, and a next key
	f := newFixture(t)
	requestID, cookies := f.login(t, "")
	_, _, err := f.sp.FinishLogin(httptest.NewRecorder(), post(f.buildEncryptedTo(t, f.goodOIOSAML3(requestID), f.otherKey), cookies))
	if err == nil || !strings.Contains(err.Error(), "cannot decrypt") {
		t.Errorf("assertion encrypted to a next key this SP was not given: %v, want refused", err)
	}
}

// buildEncryptedTo is build with the assertion encrypted to kp's certificate.
func (f *fixture) buildEncryptedTo(t *testing.T, s respSpec, kp keyPair) string {
	t.Helper()
	saved := f.spKey
	f.spKey = kp
	defer func() { f.spKey = saved }()
	return f.build(t, s)
}
