package session

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/gorilla/sessions"
	"github.com/jackc/pgx/v5"
)

// New loads the session whose id the request's cookie holds.
//
// A missing, tampered or unknown cookie gives a new empty session (IsNew), as
// does a session past its idle or absolute deadline, whose row loses its
// values; that new session is marked so that TimedOut tells why. So
// does a row whose values cannot be decoded (written by another version of the
// server); the row is left for that version and expires on its own.
//
// A database error is returned together with a new empty session, because
// gorilla's registry needs a non-nil session; the caller must not treat that
// session as anyone's login, and answers 503.
func (s *Store) New(r *http.Request, name string) (*sessions.Session, error) {
	sess := s.newSession(name)
	c, err := r.Cookie(name)
	if err != nil {
		return sess, nil
	}
	var id string
	if err := s.cookie.Decode(name, c.Value, &id); err != nil || id == "" {
		return sess, nil
	}
	if err := s.load(r.Context(), sess, id); err != nil {
		return sess, err
	}
	return sess, nil
}

// load fills sess from the row with id, if the row exists and is live.
// It leaves sess new and empty otherwise.
func (s *Store) load(ctx context.Context, sess *sessions.Session, id string) error {
	const q = `SELECT data, created_at, last_seen, expires_at FROM sessions WHERE id = $1`
	var (
		data    []byte
		m       meta
		expires time.Time
		found   bool
	)
	b := &pgx.Batch{}
	b.Queue(q, id).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			found = true
			if err := rows.Scan(&data, &m.createdAt, &m.lastSeen, &expires); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	preloaded := s.queuePreload(b, id)
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("session: load: %w", err)
	}
	if !found {
		return nil
	}

	// The stored expires_at was computed with the timeouts of the server that
	// wrote it; check today's timeouts too, so shortening them takes effect.
	now := s.now()
	if !now.Before(expires) || !now.Before(s.expiresAt(m.createdAt, m.lastSeen)) {
		// The row stays as a tombstone without values, so that this and
		// later requests can say the session timed out; DeleteExpired
		// removes it when the cookie that names it is no longer accepted.
		const q = `UPDATE sessions SET data = '', name_id = '', session_index = '', user_id = NULL, citizen_id = NULL WHERE id = $1`
		if _, err := s.pool.Exec(ctx, q, id); err != nil {
			return fmt.Errorf("session: end expired: %w", err)
		}
		sess.Values[endedKey{}] = s.ending(m.createdAt, m.lastSeen)
		return nil
	}

	values, err := decodeValues(data)
	if err != nil {
		return nil
	}
	sess.ID = id
	sess.Values = values
	sess.IsNew = false
	setMeta(sess, m)
	if p := preloaded(); p != nil {
		sess.Values[preloadKey{}] = p
	}
	return nil
}
