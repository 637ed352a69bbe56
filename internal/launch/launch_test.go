package launch

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
)

// testKey is a made-up key, for tests only.
var testKey = []byte("kun-test-noegle-til-fagsystemet-0123456789")

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func testLaunch(t *testing.T) Launch {
	t.Helper()
	n, err := cpr.Parse("1203854417")
	if err != nil {
		t.Fatal(err)
	}
	return Launch{System: "demo-fagsystem", CPR: n, CVR: "11223344", UUID: "6f1c2a3e-4b5d-4e6f-8a7b-9c0d1e2f3a4b", Nonce: "a3f1c9e07b2d4e6f8091a2b3c4d5e6f7"}
}

func mint(t *testing.T, l Launch, key []byte, at time.Time, ttl time.Duration) string {
	t.Helper()
	tok, err := Mint(l, key, at, ttl)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// signRaw signs any claims, as a careless or hostile case system could.
func signRaw(t *testing.T, method jwt.SigningMethod, c jwt.Claims, key any) string {
	t.Helper()
	s, err := jwt.NewWithClaims(method, c).SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestVerify_AcceptsAFreshTokenAndReturnsWhatItSays(t *testing.T) {
	l := testLaunch(t)
	tok := mint(t, l, testKey, t0, time.Minute)
	got, err := Verify(tok, Keys{"demo-fagsystem": testKey}, t0.Add(30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	l.Expires = t0.Add(time.Minute)
	if got != l {
		t.Errorf("Verify = %+v, want %+v", got, l)
	}
}

func TestVerify_RefusesEveryBadToken(t *testing.T) {
	l := testLaunch(t)
	keys := Keys{"demo-fagsystem": testKey}
	good := mint(t, l, testKey, t0, time.Minute)
	otherKey := []byte("en-anden-noegle-kun-til-test-9876543210ab")
	claimsWith := func(edit func(*claims)) *claims {
		c := &claims{
			RegisteredClaims: jwt.RegisteredClaims{
				Issuer: "demo-fagsystem", Audience: jwt.ClaimStrings{Audience},
				IssuedAt: jwt.NewNumericDate(t0), ExpiresAt: jwt.NewNumericDate(t0.Add(time.Minute)), ID: l.Nonce,
			},
			CPR: l.CPR.Digits(), CVR: l.CVR, UUID: l.UUID,
		}
		edit(c)
		return c
	}
	// tampered changes the payload and keeps the signature.
	parts := strings.Split(good, ".")
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	var m map[string]any
	json.Unmarshal(payload, &m)
	m["cpr"] = "0507794128"
	tampered, _ := json.Marshal(m)
	tamperedToken := parts[0] + "." + base64.RawURLEncoding.EncodeToString(tampered) + "." + parts[2]

	for _, tc := range []struct {
		name  string
		token string
		at    time.Time
		want  Reason
	}{
		{"empty", "", t0, ReasonMalformed},
		{"garbage", "det-er-ikke-et-token", t0, ReasonMalformed},
		{"three garbage parts", "a.b.c", t0, ReasonMalformed},
		{"too long", strings.Repeat("a", MaxTokenBytes+1), t0, ReasonMalformed},
		{"signed with another key", mint(t, l, otherKey, t0, time.Minute), t0, ReasonSignature},
		{"payload changed after signing", tamperedToken, t0, ReasonSignature},
		{"alg none", signRaw(t, jwt.SigningMethodNone, claimsWith(func(*claims) {}), jwt.UnsafeAllowNoneSignatureType), t0, ReasonSignature},
		{"HS512, not HS256", signRaw(t, jwt.SigningMethodHS512, claimsWith(func(*claims) {}), testKey), t0, ReasonSignature},
		{"unknown case system", signRaw(t, jwt.SigningMethodHS256, claimsWith(func(c *claims) { c.Issuer = "ukendt" }), testKey), t0, ReasonUnknownSystem},
		{"expired", good, t0.Add(time.Minute + Skew + time.Second), ReasonExpired},
		{"issued in the future", good, t0.Add(-Skew - 2*time.Second), ReasonExpired},
		{"lives longer than 2 minutes", signRaw(t, jwt.SigningMethodHS256, claimsWith(func(c *claims) {
			c.ExpiresAt = jwt.NewNumericDate(t0.Add(MaxLifetime + time.Second))
		}), testKey), t0, ReasonLifetime},
		{"no exp", signRaw(t, jwt.SigningMethodHS256, claimsWith(func(c *claims) { c.ExpiresAt = nil }), testKey), t0, ReasonClaims},
		{"no iat", signRaw(t, jwt.SigningMethodHS256, claimsWith(func(c *claims) { c.IssuedAt = nil }), testKey), t0, ReasonClaims},
		{"no nonce", signRaw(t, jwt.SigningMethodHS256, claimsWith(func(c *claims) { c.ID = "" }), testKey), t0, ReasonClaims},
		{"short nonce", signRaw(t, jwt.SigningMethodHS256, claimsWith(func(c *claims) { c.ID = "abc" }), testKey), t0, ReasonClaims},
		{"other audience", signRaw(t, jwt.SigningMethodHS256, claimsWith(func(c *claims) { c.Audience = jwt.ClaimStrings{"andet"} }), testKey), t0, ReasonAudience},
		{"malformed CPR", signRaw(t, jwt.SigningMethodHS256, claimsWith(func(c *claims) { c.CPR = "12038544" }), testKey), t0, ReasonClaims},
		{"malformed CVR", signRaw(t, jwt.SigningMethodHS256, claimsWith(func(c *claims) { c.CVR = "1122" }), testKey), t0, ReasonClaims},
		{"neither UUID nor RID", signRaw(t, jwt.SigningMethodHS256, claimsWith(func(c *claims) { c.UUID = "" }), testKey), t0, ReasonClaims},
		{"malformed UUID", signRaw(t, jwt.SigningMethodHS256, claimsWith(func(c *claims) { c.UUID = "berit" }), testKey), t0, ReasonClaims},
		{"malformed organisation CVR", signRaw(t, jwt.SigningMethodHS256, claimsWith(func(c *claims) { c.OrgCVR = "x" }), testKey), t0, ReasonClaims},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Verify(tc.token, keys, tc.at)
			var e *Error
			if !errors.As(err, &e) || e.Reason != tc.want {
				t.Fatalf("Verify: %v, want reason %s", err, tc.want)
			}
			if cpr.Contains(err.Error()) {
				t.Errorf("the error %q holds a CPR number", err)
			}
		})
	}
}

func TestMint_RefusesALongLifeAndAShortKey(t *testing.T) {
	l := testLaunch(t)
	if _, err := Mint(l, testKey, t0, MaxLifetime+time.Second); err == nil {
		t.Error("a token living longer than MaxLifetime was minted")
	}
	if _, err := Mint(l, testKey[:31], t0, time.Minute); err == nil {
		t.Error("a token was minted with a 31-byte key")
	}
}

func TestParseKeys(t *testing.T) {
	hexKey := strings.Repeat("ab", 32)
	keys, err := ParseKeys(strings.NewReader("# kun test\n\ndemo-fagsystem " + hexKey + "\nandet " + base64.StdEncoding.EncodeToString(testKey) + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(keys["demo-fagsystem"]) != 32 || string(keys["andet"]) != string(testKey) {
		t.Errorf("keys = %v", keys)
	}
	for name, in := range map[string]string{
		"short key":     "demo " + strings.Repeat("ab", 31),
		"no key":        "demo",
		"bad id":        "Demo_System " + hexKey,
		"duplicate id":  "demo " + hexKey + "\ndemo " + hexKey,
		"not a key":     "demo ikke-en-noegle!",
		"three columns": "demo " + hexKey + " mere",
	} {
		if _, err := ParseKeys(strings.NewReader(in)); err == nil {
			t.Errorf("%s: no error", name)
		} else if strings.Contains(err.Error(), hexKey[:20]) {
			t.Errorf("%s: the error %q shows the key", name, err)
		}
	}
}

// The README's worked example is a token the server accepts, with the
// demo key, at its time, naming what the README says.
func TestREADMEWorkedExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "<!-- launch-example -->\n```\n")
	if !ok {
		t.Fatal("README has no launch example")
	}
	token, _, _ := strings.Cut(after, "\n")
	f, err := os.Open("../../testdata/launch/demo-fagsystem.keys")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	keys, err := ParseKeys(f)
	if err != nil {
		t.Fatal(err)
	}
	issued := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	l, err := Verify(token, keys, issued.Add(time.Minute))
	if err != nil {
		t.Fatalf("the README's token: %v", err)
	}
	if l.System != "demo-fagsystem" || l.CPR.Digits() != "1203854417" || l.CVR != "11223344" ||
		l.UUID != "6f1c2a3e-4b5d-4e6f-8a7b-9c0d1e2f3a4b" || !l.Expires.Equal(issued.Add(MaxLifetime)) {
		t.Errorf("the README's token says %+v", l)
	}
	if _, err := Verify(token, keys, issued.Add(MaxLifetime+Skew+time.Second)); err == nil {
		t.Error("the README's token is accepted after it expired")
	}
}
