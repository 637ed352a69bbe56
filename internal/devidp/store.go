package devidp

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"

	"github.com/crewjam/saml"
)

const (
	sessionCookie   = "devidp_session" // distinct: cookies do not tell localhost ports apart
	sessionLifetime = 8 * time.Hour
	pendingLifetime = 15 * time.Minute
)

// session is a signed-in browser at the IdP: the next AuthnRequest from any
// SP is answered without a login form until it ends by Single Logout.
type session struct {
	ID       string
	Index    string // SessionIndex in the assertions
	Username string
	NameID   string
	Created  time.Time
	Expires  time.Time
}

// pending is an AuthnRequest whose signature has been checked and that
// waits for the user to log in.
type pending struct {
	req     *saml.IdpAuthnRequest
	expires time.Time
}

// store keeps sessions and pending requests in memory.
type store struct {
	mu       sync.Mutex
	sessions map[string]*session
	pending  map[string]*pending
}

func newStore() *store {
	return &store{sessions: map[string]*session{}, pending: map[string]*pending{}}
}

func randomID() string {
	b := make([]byte, 20)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return "_" + hex.EncodeToString(b)
}

func (s *store) newSession(username, nameID string, now time.Time) *session {
	ss := &session{
		ID: randomID(), Index: randomID(), Username: username, NameID: nameID,
		Created: now, Expires: now.Add(sessionLifetime),
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sessions[ss.ID] = ss
	return ss
}

func (s *store) session(id string, now time.Time) (*session, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ss, ok := s.sessions[id]
	if !ok {
		return nil, false
	}
	if !now.Before(ss.Expires) {
		delete(s.sessions, id)
		return nil, false
	}
	return ss, true
}

// endSessions ends the session with the given ID and every session of the
// subject nameID, and returns how many ended.
func (s *store) endSessions(id, nameID string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for k, ss := range s.sessions {
		if k == id || (nameID != "" && ss.NameID == nameID) {
			delete(s.sessions, k)
			n++
		}
	}
	return n
}

func (s *store) addPending(req *saml.IdpAuthnRequest, now time.Time) string {
	id := randomID()
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, p := range s.pending {
		if !now.Before(p.expires) {
			delete(s.pending, k)
		}
	}
	s.pending[id] = &pending{req: req, expires: now.Add(pendingLifetime)}
	return id
}

// peekPending returns a pending request and leaves it, so that the user can
// try again after a wrong password.
func (s *store) peekPending(id string, now time.Time) (*saml.IdpAuthnRequest, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.pending[id]
	if !ok || !now.Before(p.expires) {
		return nil, false
	}
	return p.req, true
}

// takePending removes a pending request; only one login can answer it.
func (s *store) takePending(id string, now time.Time) (*saml.IdpAuthnRequest, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.pending[id]
	delete(s.pending, id)
	if !ok || !now.Before(p.expires) {
		return nil, false
	}
	return p.req, true
}
