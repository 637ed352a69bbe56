package session

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/gob"
	"fmt"
	"time"

	"github.com/gorilla/sessions"
)

// gob knows strings, integers and bools already; time.Time must be registered
// to travel inside the interface{} values of a session.
func init() {
	gob.Register(time.Time{})
}

// newID returns a random 256-bit session id, base64url without padding.
func newID() string {
	b := make([]byte, 32)
	rand.Read(b) // never returns an error; crashes the program if the OS has no randomness
	return base64.RawURLEncoding.EncodeToString(b)
}

// metaKey is the key in Session.Values under which the store keeps what it
// knows about the row. The type is unexported, so callers cannot collide with
// it, and it is never written to the database.
type metaKey struct{}

type meta struct {
	createdAt time.Time
	lastSeen  time.Time
}

func getMeta(sess *sessions.Session) (meta, bool) {
	m, ok := sess.Values[metaKey{}].(meta)
	return m, ok
}

func setMeta(sess *sessions.Session, m meta) {
	if sess.Values == nil {
		sess.Values = make(map[any]any)
	}
	sess.Values[metaKey{}] = m
}

// encodeValues gob-encodes the caller's values, leaving out the store's own.
func encodeValues(values map[any]any) ([]byte, error) {
	out := make(map[any]any, len(values))
	for k, v := range values {
		switch k.(type) {
		case metaKey, endedKey, preloadKey:
			continue
		}
		out[k] = v
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(out); err != nil {
		return nil, fmt.Errorf("encode values: %w", err)
	}
	return buf.Bytes(), nil
}

func decodeValues(data []byte) (map[any]any, error) {
	values := make(map[any]any)
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&values); err != nil {
		return nil, fmt.Errorf("decode values: %w", err)
	}
	return values, nil
}
