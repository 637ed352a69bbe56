package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// Min beskedbakke (SPEC §5.3, seed 001 §5.4). Every message is listed, but
// its subject and content are the brevhemmelighed's: they are returned
// through access.MessageAsSeen, and the SQL says the rule again as a second
// line — a message's title and body leave the database only for a reader
// whose organisation sent it or is a party to it — so that the rule would
// hold even if one line of Go forgot it. The list never reads a body.

const messageColumns = `m.id, m.from_name, m.from_org_name, coalesce(m.from_org_id, 0),
       array(SELECT p.organisation_id FROM message_parties p WHERE p.message_id = m.id ORDER BY 1),
       m.sent_at, m.read_at`

// messageParty is true when organisation $2 sent message m or is a party to it.
const messageParty = `(m.from_org_id = $2 OR EXISTS (SELECT FROM message_parties p WHERE p.message_id = m.id AND p.organisation_id = $2))`

// messagesSQL lists citizen $1's messages, newest first, without bodies; the
// title only where organisation $2 is a party.
const messagesSQL = `SELECT ` + messageColumns + `, CASE WHEN ` + messageParty + ` THEN m.title END
FROM messages m
WHERE m.citizen_id = $1
ORDER BY m.sent_at DESC, m.id DESC`

// messageSQL is one message of citizen $1 by id $3, with its title and body
// only where organisation $2 is a party.
const messageSQL = `SELECT ` + messageColumns + `, CASE WHEN ` + messageParty + ` THEN m.title END,
       CASE WHEN ` + messageParty + ` THEN m.body END
FROM messages m
WHERE m.citizen_id = $1 AND m.id = $3`

func scanMessage(row pgx.Row, m *jobnet.Message, more ...any) error {
	var read *time.Time
	var title *string
	if err := row.Scan(append([]any{&m.ID, &m.From, &m.FromOrg, &m.FromOrgID, &m.PartyOrgIDs, &m.SentAt, &read, &title}, more...)...); err != nil {
		return err
	}
	m.ReadAt = deref(read)
	if title != nil {
		m.Title = *title
	}
	return nil
}

// Messages lists the citizen's messages, newest first, as the caseworker
// may see them (access.Messages), without their content.
func (s *Store) Messages(ctx context.Context, cw jobnet.Caseworker, citizenID int64) ([]jobnet.Message, error) {
	ms, err := s.loadMessages(ctx, citizenID, cw.Org.ID)
	if err != nil {
		return nil, err
	}
	return access.Messages(cw, ms), nil
}

// loadMessages lists the messages as organisation readerOrgID may have them
// from the database, before the law is applied in Go.
func (s *Store) loadMessages(ctx context.Context, citizenID, readerOrgID int64) ([]jobnet.Message, error) {
	var out []jobnet.Message
	b := &pgx.Batch{}
	b.Queue(messagesSQL, citizenID, readerOrgID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var m jobnet.Message
			if err := scanMessage(rows, &m); err != nil {
				return err
			}
			out = append(out, m)
		}
		return rows.Err()
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return nil, wrap("list messages", err)
	}
	return out, nil
}

// Message loads one of the citizen's messages as the caseworker may see it
// (access.MessageAsSeen). A message of another citizen is
// jobnet.ErrNotFound, like one that does not exist. Reading does not mark
// the message as read.
func (s *Store) Message(ctx context.Context, cw jobnet.Caseworker, citizenID, messageID int64) (jobnet.Message, error) {
	m, err := s.loadMessage(ctx, citizenID, messageID, cw.Org.ID)
	if err != nil {
		return jobnet.Message{}, err
	}
	return access.MessageAsSeen(cw, m), nil
}

// loadMessage loads one message as organisation readerOrgID may have it
// from the database: no title or body unless it is a party.
func (s *Store) loadMessage(ctx context.Context, citizenID, messageID, readerOrgID int64) (jobnet.Message, error) {
	var m jobnet.Message
	var body *string
	if err := scanMessage(s.pool.QueryRow(ctx, messageSQL, citizenID, readerOrgID, messageID), &m, &body); err != nil {
		return jobnet.Message{}, wrap("load message", err)
	}
	if body != nil {
		m.Body = *body
	}
	return m, nil
}
