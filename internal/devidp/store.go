package devidp

import (
	"crypto/rand"
	"encoding/hex"
	"slices"
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
	ID           string
	Index        string // SessionIndex in the assertions
	Username     string
	NameID       string
	NameIDFormat string
	Created      time.Time
	Expires      time.Time
	SPs          []string // entity IDs of the SPs it signed in to, for Single Logout
}

// pending is an AuthnRequest whose signature has been checked and that
// waits for the user to log in.
type pending struct {
	req     *saml.IdpAuthnRequest
	expires time.Time
}

// logout is a Single Logout started at the IdP: the SPs still to be sent a
// LogoutRequest, one after the other through the browser.
type logout struct {
	NameID       string
	NameIDFormat string
	Index        string
	Remaining    []string // SP entity IDs
	Current      string   // the SP whose answer is awaited
	Failed       []string // SPs that did not answer Success
	PostBinding  bool     // send the LogoutRequests with HTTP-POST rather than HTTP-Redirect
	expires      time.Time
}

// store keeps sessions, pending requests and logouts in memory.
type store struct {
	mu       sync.Mutex
	sessions map[string]*session
	pending  map[string]*pending
	logouts  map[string]*logout // by the ID of the LogoutRequest awaiting its answer
}

func newStore() *store {
	return &store{sessions: map[string]*session{}, pending: map[string]*pending{}, logouts: map[string]*logout{}}
}

func randomID() string {
	b := make([]byte, 20)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return "_" + hex.EncodeToString(b)
}

func (s *store) newSession(username, nameIDFormat, nameID string, now time.Time) *session {
	ss := &session{
		ID: randomID(), Index: randomID(), Username: username, NameID: nameID, NameIDFormat: nameIDFormat,
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

// signedInTo records that session id signed in to the SP spID.
func (s *store) signedInTo(id, spID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ss, ok := s.sessions[id]; ok && !slices.Contains(ss.SPs, spID) {
		ss.SPs = append(ss.SPs, spID)
	}
}

// takeSession ends the session with the given ID and returns it.
func (s *store) takeSession(id string, now time.Time) (*session, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ss, ok := s.sessions[id]
	delete(s.sessions, id)
	if !ok || !now.Before(ss.Expires) {
		return nil, false
	}
	return ss, true
}

// addLogout remembers lo until the answer to LogoutRequest requestID.
func (s *store) addLogout(requestID string, lo *logout, now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, l := range s.logouts {
		if !now.Before(l.expires) {
			delete(s.logouts, k)
		}
	}
	lo.expires = now.Add(pendingLifetime)
	s.logouts[requestID] = lo
}

// takeLogout returns and forgets the logout awaiting the answer to
// LogoutRequest requestID.
func (s *store) takeLogout(requestID string, now time.Time) (*logout, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	lo, ok := s.logouts[requestID]
	delete(s.logouts, requestID)
	if !ok || !now.Before(lo.expires) {
		return nil, false
	}
	return lo, true
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
