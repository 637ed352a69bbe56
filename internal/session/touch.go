package session

import (
	"context"
	"fmt"

	"github.com/gorilla/sessions"
)

// Touch records activity on the session without rewriting its values, moving
// the idle deadline (never past the absolute one). It is meant for every
// request: it writes nothing if last_seen is younger than 30 seconds, and
// nothing for a new session that has no row. It never revives an expired row.
func (s *Store) Touch(ctx context.Context, sess *sessions.Session) error {
	if sess.IsNew || sess.ID == "" {
		return nil
	}
	now := s.now()
	m, known := getMeta(sess)
	if known && now.Sub(m.lastSeen) < touchInterval {
		return nil
	}
	// The last_seen condition repeats the check above for sessions whose
	// metadata the caller has cleared, and for concurrent requests.
	const q = `
		UPDATE sessions
		SET last_seen = $2,
		    expires_at = LEAST(created_at + $3::interval, $2 + $4::interval)
		WHERE id = $1 AND expires_at > $2 AND last_seen <= $2 - $5::interval`
	_, err := s.pool.Exec(ctx, q, sess.ID, now, s.opts.MaxLifetime, s.opts.IdleTimeout, touchInterval)
	if err != nil {
		return fmt.Errorf("session: touch: %w", err)
	}
	if known {
		m.lastSeen = now
		setMeta(sess, m)
	}
	return nil
}

// DeleteExpired ends the sessions past their deadline: their rows lose their
// values at once and stay as tombstones, so a caseworker who comes back is
// told that the session timed out, until the cookie naming the row is no
// longer accepted (the absolute lifetime after the session's end); then the
// row is deleted. It reports how many sessions it ended or deleted. The
// server calls it periodically; loading an expired session ends it too.
func (s *Store) DeleteExpired(ctx context.Context) (int64, error) {
	now := s.now()
	tag, err := s.pool.Exec(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, now.Add(-s.opts.MaxLifetime))
	if err != nil {
		return 0, fmt.Errorf("session: delete expired: %w", err)
	}
	n := tag.RowsAffected()
	tag, err = s.pool.Exec(ctx, `UPDATE sessions SET data = '', name_id = '', session_index = '', user_id = NULL, citizen_id = NULL
		WHERE expires_at <= $1 AND data <> ''`, now)
	if err != nil {
		return 0, fmt.Errorf("session: end expired: %w", err)
	}
	return n + tag.RowsAffected(), nil
}
