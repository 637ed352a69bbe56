package session

import (
	"time"

	"github.com/gorilla/sessions"
)

// Ending says why a session ended without the caseworker logging out.
type Ending int

const (
	// Idle: no activity for the idle timeout (20 minutes).
	Idle Ending = iota + 1
	// Lifetime: the absolute lifetime (8 hours) ran out.
	Lifetime
)

// endedKey marks, in a new session's Values, that the request's cookie named a
// session that timed out. Like metaKey it is the store's own and never saved.
type endedKey struct{}

// TimedOut reports whether the request's cookie named a session that ended by
// the idle timeout or the absolute lifetime, rather than no session at all, so
// the caseworker can be told why they must log in again (SPEC §4).
func TimedOut(sess *sessions.Session) (Ending, bool) {
	e, ok := sess.Values[endedKey{}].(Ending)
	return e, ok
}

// ExpiresAt is when sess ends if there is no more activity: the earlier of
// its idle and its absolute deadline, and which of the two that is. It is
// false for a session without a row.
func (s *Store) ExpiresAt(sess *sessions.Session) (time.Time, Ending, bool) {
	m, ok := getMeta(sess)
	if !ok || sess.IsNew {
		return time.Time{}, 0, false
	}
	return s.expiresAt(m.createdAt, m.lastSeen), s.ending(m.createdAt, m.lastSeen), true
}

// IdleTimeout is the store's idle timeout.
func (s *Store) IdleTimeout() time.Duration { return s.opts.IdleTimeout }

// ending says which deadline ended a session created at created and last
// active at lastSeen.
func (s *Store) ending(created, lastSeen time.Time) Ending {
	if !lastSeen.Add(s.opts.IdleTimeout).Before(created.Add(s.opts.MaxLifetime)) {
		return Lifetime
	}
	return Idle
}
