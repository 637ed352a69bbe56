package session

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/gorilla/sessions"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Save writes the session and its cookie, and counts as activity: last_seen
// and expires_at move forward.
//
// A new session gets a fresh id and a row. An existing one is updated, but
// never revived: if its row is gone (logged out elsewhere) or expired, Save
// returns ErrEnded. Options.MaxAge < 0 deletes the row and expires the cookie
// (log out).
func (s *Store) Save(r *http.Request, w http.ResponseWriter, sess *sessions.Session) error {
	ctx := r.Context()
	if s.cookieOptions(sess).MaxAge < 0 {
		if sess.ID != "" {
			if _, err := s.pool.Exec(ctx, `DELETE FROM sessions WHERE id = $1`, sess.ID); err != nil {
				return fmt.Errorf("session: delete: %w", err)
			}
		}
		delete(sess.Values, metaKey{})
		sess.ID, sess.IsNew = "", true
		http.SetCookie(w, sessions.NewCookie(sess.Name(), "", s.cookieOptions(sess)))
		return nil
	}

	data, err := encodeValues(sess.Values)
	if err != nil {
		return fmt.Errorf("session: save: %w", err)
	}
	subject := s.subjectOf(sess.Values)
	user, citizen := s.refsOf(sess.Values)
	now := s.now()
	if sess.IsNew || sess.ID == "" {
		id := newID()
		if err := s.insert(ctx, s.pool, id, data, sess.Values, now); err != nil {
			return fmt.Errorf("session: save: %w", err)
		}
		sess.ID, sess.IsNew = id, false
		setMeta(sess, meta{createdAt: now, lastSeen: now})
	} else {
		const q = `
			UPDATE sessions
			SET data = $2, last_seen = $3,
			    expires_at = LEAST(created_at + $4::interval, $3 + $5::interval),
			    name_id = $6, session_index = $7, user_id = $8, citizen_id = $9
			WHERE id = $1 AND expires_at > $3
			RETURNING created_at`
		var created time.Time
		err := s.pool.QueryRow(ctx, q, sess.ID, data, now, s.opts.MaxLifetime, s.opts.IdleTimeout,
			subject.NameID, subject.SessionIndex, user, citizen).Scan(&created)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("session: save: %w", ErrEnded)
		}
		if err != nil {
			return fmt.Errorf("session: save: %w", err)
		}
		setMeta(sess, meta{createdAt: created, lastSeen: now})
	}
	if err := s.writeCookie(w, sess); err != nil {
		return fmt.Errorf("session: save: %w", err)
	}
	return nil
}

// Renew gives the session a new id and a new creation time, keeping its
// values: the old row is deleted and the new one inserted in one transaction,
// so the old cookie no longer loads anything. Call it at login, against
// session fixation; the absolute lifetime counts from here.
func (s *Store) Renew(r *http.Request, w http.ResponseWriter, sess *sessions.Session) error {
	ctx := r.Context()
	data, err := encodeValues(sess.Values)
	if err != nil {
		return fmt.Errorf("session: renew: %w", err)
	}
	now := s.now()
	id := newID()
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if !sess.IsNew && sess.ID != "" {
			if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE id = $1`, sess.ID); err != nil {
				return fmt.Errorf("delete old: %w", err)
			}
		}
		return s.insert(ctx, tx, id, data, sess.Values, now)
	})
	if err != nil {
		return fmt.Errorf("session: renew: %w", err)
	}
	sess.ID, sess.IsNew = id, false
	setMeta(sess, meta{createdAt: now, lastSeen: now})
	if err := s.writeCookie(w, sess); err != nil {
		return fmt.Errorf("session: renew: %w", err)
	}
	return nil
}

// execer is what insert needs of a pool or a transaction.
type execer interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// insert writes a new row with data, the encoded values, and the columns
// read from values.
func (s *Store) insert(ctx context.Context, db execer, id string, data []byte, values map[any]any, now time.Time) error {
	const q = `
		INSERT INTO sessions (id, data, created_at, last_seen, expires_at, name_id, session_index, user_id, citizen_id)
		VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8)`
	subject := s.subjectOf(values)
	user, citizen := s.refsOf(values)
	if _, err := db.Exec(ctx, q, id, data, now, s.expiresAt(now, now), subject.NameID, subject.SessionIndex, user, citizen); err != nil {
		return fmt.Errorf("insert: %w", err)
	}
	return nil
}

func (s *Store) writeCookie(w http.ResponseWriter, sess *sessions.Session) error {
	v, err := s.cookie.Encode(sess.Name(), sess.ID)
	if err != nil {
		return fmt.Errorf("encode cookie: %w", err)
	}
	http.SetCookie(w, sessions.NewCookie(sess.Name(), v, s.cookieOptions(sess)))
	return nil
}

// cookieOptions returns the session's cookie options, or the store's defaults
// for a session built by hand.
func (s *Store) cookieOptions(sess *sessions.Session) *sessions.Options {
	if sess.Options == nil {
		sess.Options = s.newSession(sess.Name()).Options
	}
	return sess.Options
}
