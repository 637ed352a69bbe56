// Package launch is the token a caseworker's case system (fagsystem) posts
// to open a citizen in Sagsbehandleradgang (SPEC §1 step 1): a JWT (JWS
// compact form) signed with HMAC-SHA256 under a key that the case system
// and we share, short-lived and used once. It is posted in a form body,
// never put in a URL, because it holds the citizen's CPR number.
//
// The package checks the token and mints it (for cmd/launchtoken and the
// tests); the nonce is used once in Postgres (internal/postgres), and
// whether the signed-in caseworker is the one named in it is decided by
// internal/access.
package launch

import (
	"bufio"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
)

// Audience is the token's "aud": a token a case system signed for another
// service with the same key is not one for us.
const Audience = "sagsbehandleradgang"

// MaxLifetime is the longest a token may live, from "iat" to "exp".
const MaxLifetime = 2 * time.Minute

// Skew is how far our clock and the case system's may disagree.
const Skew = 10 * time.Second

// MinKeyBytes is the shortest key accepted: HMAC-SHA256's own output size.
const MinKeyBytes = 32

// Launch is what a checked token says: open citizen CPR for the caseworker
// CVR with UUID or RID (every identifier given must match), acting for the
// organisation with CVR OrgCVR (empty: the caseworker's own CVR).
type Launch struct {
	System  string // the case system: the token's issuer, which picked the key
	CPR     cpr.Number
	CVR     string
	UUID    string
	RID     string
	OrgCVR  string
	Nonce   string
	Expires time.Time
}

// Reason says why a token was refused, for the log: never a value from the
// token, which may hold a CPR number.
type Reason string

const (
	ReasonMalformed     Reason = "malformed"      // not a JWS, or not our claims
	ReasonUnknownSystem Reason = "unknown_system" // no key for the issuer
	ReasonSignature     Reason = "signature"      // the signature does not verify, or not HS256
	ReasonExpired       Reason = "expired"        // past "exp", or not yet valid
	ReasonLifetime      Reason = "lifetime"       // "exp" more than MaxLifetime after "iat"
	ReasonAudience      Reason = "audience"       // not for us
	ReasonClaims        Reason = "claims"         // a claim is missing or malformed
)

// Error is a refused token.
type Error struct{ Reason Reason }

func (e *Error) Error() string { return "launch token refused: " + string(e.Reason) }

func refuse(r Reason) error { return &Error{Reason: r} }

// claims is the token's payload.
type claims struct {
	jwt.RegisteredClaims
	CPR    string `json:"cpr"`
	CVR    string `json:"cvr"`
	UUID   string `json:"uuid,omitempty"`
	RID    string `json:"rid,omitempty"`
	OrgCVR string `json:"org_cvr,omitempty"`
}

var (
	cvrPattern   = regexp.MustCompile(`^[0-9]{8}$`)
	uuidPattern  = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	ridPattern   = regexp.MustCompile(`^[0-9]{1,20}$`)
	noncePattern = regexp.MustCompile(`^[A-Za-z0-9_-]{16,128}$`)
	systemID     = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)
)

// MaxTokenBytes bounds a token; a real one is well under 1 KiB.
const MaxTokenBytes = 4 << 10

// Verify checks token against the case systems' keys at time now: the
// signature (HS256 only) under the key of the issuer, the audience, that it
// is valid now and lives at most MaxLifetime, and that every claim is well
// formed. The nonce is not checked here: that is the database's part.
func Verify(token string, keys Keys, now time.Time) (Launch, error) {
	if token == "" || len(token) > MaxTokenBytes {
		return Launch{}, refuse(ReasonMalformed)
	}
	p := jwt.NewParser(
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithAudience(Audience),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(Skew),
		jwt.WithTimeFunc(func() time.Time { return now }),
	)
	var c claims
	_, err := p.ParseWithClaims(token, &c, func(t *jwt.Token) (any, error) {
		key, ok := keys[c.Issuer]
		if !ok {
			return nil, refuse(ReasonUnknownSystem)
		}
		return key, nil
	})
	if err != nil {
		return Launch{}, classify(err)
	}
	if c.IssuedAt == nil || c.ID == "" {
		return Launch{}, refuse(ReasonClaims)
	}
	if c.ExpiresAt.Sub(c.IssuedAt.Time) > MaxLifetime {
		return Launch{}, refuse(ReasonLifetime)
	}
	n, err := cpr.Parse(c.CPR)
	if err != nil || !cvrPattern.MatchString(c.CVR) || !noncePattern.MatchString(c.ID) ||
		(c.UUID == "" && c.RID == "") ||
		(c.UUID != "" && !uuidPattern.MatchString(c.UUID)) ||
		(c.RID != "" && !ridPattern.MatchString(c.RID)) ||
		(c.OrgCVR != "" && !cvrPattern.MatchString(c.OrgCVR)) {
		return Launch{}, refuse(ReasonClaims)
	}
	return Launch{
		System: c.Issuer, CPR: n, CVR: c.CVR, UUID: c.UUID, RID: c.RID, OrgCVR: c.OrgCVR,
		Nonce: c.ID, Expires: c.ExpiresAt.UTC(),
	}, nil
}

// classify turns the JWT library's error into a Reason. Its texts are not
// passed on: a few quote bytes of the token.
func classify(err error) error {
	var e *Error
	switch {
	case errors.As(err, &e):
		return e
	case errors.Is(err, jwt.ErrTokenSignatureInvalid), errors.Is(err, jwt.ErrTokenUnverifiable):
		return refuse(ReasonSignature)
	case errors.Is(err, jwt.ErrTokenExpired), errors.Is(err, jwt.ErrTokenNotValidYet), errors.Is(err, jwt.ErrTokenUsedBeforeIssued):
		return refuse(ReasonExpired)
	case errors.Is(err, jwt.ErrTokenInvalidAudience):
		return refuse(ReasonAudience)
	case errors.Is(err, jwt.ErrTokenRequiredClaimMissing), errors.Is(err, jwt.ErrTokenInvalidClaims):
		return refuse(ReasonClaims)
	default:
		return refuse(ReasonMalformed)
	}
}

// Mint makes a token for l, issued at now and expiring after ttl (at most
// MaxLifetime), signed with key as case system l.System. It is what a case
// system does; here it serves cmd/launchtoken and the tests.
func Mint(l Launch, key []byte, now time.Time, ttl time.Duration) (string, error) {
	if ttl <= 0 || ttl > MaxLifetime {
		return "", fmt.Errorf("launch: a token lives at most %s", MaxLifetime)
	}
	if len(key) < MinKeyBytes {
		return "", fmt.Errorf("launch: the key must be at least %d bytes", MinKeyBytes)
	}
	c := claims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    l.System,
			Audience:  jwt.ClaimStrings{Audience},
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(ttl)),
			ID:        l.Nonce,
		},
		CPR: l.CPR.Digits(), CVR: l.CVR, UUID: l.UUID, RID: l.RID, OrgCVR: l.OrgCVR,
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(key)
}

// Keys are the case systems' keys, by case-system id (the token's "iss").
type Keys map[string][]byte

// ParseKeys reads a keys file: one case system a line, its id (lower-case
// letters, digits and dashes) and its key (at least MinKeyBytes, hex or
// base64), separated by blanks; empty lines and lines starting with # are
// skipped. Errors name the line, never the key.
func ParseKeys(r io.Reader) (Keys, error) {
	keys := Keys{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Fields(text)
		if len(fields) != 2 || !systemID.MatchString(fields[0]) {
			return nil, fmt.Errorf("line %d: want a case-system id (a-z, 0-9, -) and a key", line)
		}
		key, ok := decodeKey(fields[1])
		if !ok {
			return nil, fmt.Errorf("line %d: the key of %s must be at least %d bytes, hex or base64", line, fields[0], MinKeyBytes)
		}
		if _, dup := keys[fields[0]]; dup {
			return nil, fmt.Errorf("line %d: %s has a key already", line, fields[0])
		}
		keys[fields[0]] = key
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return keys, nil
}

func decodeKey(s string) ([]byte, bool) {
	if b, err := hex.DecodeString(s); err == nil {
		return b, len(b) >= MinKeyBytes
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil {
			return b, len(b) >= MinKeyBytes
		}
	}
	return nil, false
}
