package session

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Subject is whom the identity provider says a session belongs to: the SAML
// NameID and the SessionIndex of the login. The store keeps them in columns
// of their own, beside the values they are read from (Options.SubjectOf),
// so that a logout from the IdP finds every session of the subject,
// whichever instance serves it (EndSubject).
type Subject struct {
	NameID       string
	SessionIndex string
}

func (s *Store) subjectOf(values map[any]any) Subject {
	if s.opts.SubjectOf == nil {
		return Subject{}
	}
	return s.opts.SubjectOf(values)
}

// EndSubject ends the sessions of the subject nameID on every instance: all
// of them when sessionIndexes is empty, otherwise those of the IdP sessions
// it names (SAML core §3.7.3.2). It reports how many ended. Rows whose
// subject has not been read yet (written before the subject had columns, or
// by an older server during a rolling upgrade) are read first, so that they
// end too.
func (s *Store) EndSubject(ctx context.Context, nameID string, sessionIndexes []string) (int64, error) {
	if nameID == "" {
		return 0, errors.New("session: end subject: no NameID")
	}
	if sessionIndexes == nil {
		sessionIndexes = []string{}
	}
	var ended int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if err := s.readSubjects(ctx, tx); err != nil {
			return err
		}
		const q = `
			DELETE FROM sessions
			WHERE name_id = $1 AND (cardinality($2::text[]) = 0 OR session_index = ANY($2))`
		tag, err := tx.Exec(ctx, q, nameID, sessionIndexes)
		if err != nil {
			return fmt.Errorf("delete: %w", err)
		}
		ended = tag.RowsAffected()
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("session: end subject: %w", err)
	}
	return ended, nil
}

// readSubjects fills in the subject columns of the rows that have none yet,
// from their values. A row whose values cannot be decoded gets the empty
// subject: it loads as no session anyway.
func (s *Store) readSubjects(ctx context.Context, tx pgx.Tx) error {
	rows, err := tx.Query(ctx, `SELECT id, data FROM sessions WHERE name_id IS NULL`)
	if err != nil {
		return fmt.Errorf("read subjects: %w", err)
	}
	type unread struct {
		id      string
		subject Subject
	}
	var todo []unread
	for rows.Next() {
		var (
			u    unread
			data []byte
		)
		if err := rows.Scan(&u.id, &data); err != nil {
			rows.Close()
			return fmt.Errorf("read subjects: %w", err)
		}
		if values, err := decodeValues(data); err == nil {
			u.subject = s.subjectOf(values)
		}
		todo = append(todo, u)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read subjects: %w", err)
	}
	if len(todo) == 0 {
		return nil
	}
	batch := &pgx.Batch{}
	for _, u := range todo {
		// A newer write of the row has set the columns already: keep those.
		batch.Queue(`UPDATE sessions SET name_id = $2, session_index = $3 WHERE id = $1 AND name_id IS NULL`,
			u.id, u.subject.NameID, u.subject.SessionIndex)
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("read subjects: %w", err)
	}
	return nil
}
