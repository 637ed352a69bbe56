package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// Min beskedbakke (SPEC §5.3, seed 001 §5.4). Every message is listed, but
// its content is the brevhemmelighed's: the list never reads a body, and a
// single message carries its body only for a reader whose organisation is a
// party to it (the rule of access.MayReadMessage, said again in SQL, so
// that a handler that forgot the rule would still have no body to show).

const messageColumns = `m.id, m.from_name, m.from_org_name, coalesce(m.from_org_id, 0),
       array(SELECT p.organisation_id FROM message_parties p WHERE p.message_id = m.id ORDER BY 1),
       m.title, m.sent_at, m.read_at`

// messagesSQL lists the citizen's messages, newest first, without bodies.
const messagesSQL = `SELECT ` + messageColumns + ` FROM messages m
WHERE m.citizen_id = $1
ORDER BY m.sent_at DESC, m.id DESC`

// messageSQL is one message of citizen $1 by id $2, with its body only if
// organisation $3 sent it or is a party to it.
const messageSQL = `SELECT ` + messageColumns + `,
       CASE WHEN m.from_org_id = $3 OR EXISTS (SELECT FROM message_parties p WHERE p.message_id = m.id AND p.organisation_id = $3)
            THEN m.body END
FROM messages m
WHERE m.citizen_id = $1 AND m.id = $2`

func scanMessage(row pgx.Row, m *jobnet.Message, more ...any) error {
	var read *time.Time
	if err := row.Scan(append([]any{&m.ID, &m.From, &m.FromOrg, &m.FromOrgID, &m.PartyOrgIDs, &m.Title, &m.SentAt, &read}, more...)...); err != nil {
		return err
	}
	m.ReadAt = deref(read)
	return nil
}

// Messages lists the citizen's messages, newest first, without their
// content.
func (s *Store) Messages(ctx context.Context, citizenID int64) ([]jobnet.Message, error) {
	var out []jobnet.Message
	b := &pgx.Batch{}
	b.Queue(messagesSQL, citizenID).Query(func(rows pgx.Rows) error {
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

// Message loads one of the citizen's messages as organisation readerOrgID
// may have it: the body is empty unless that organisation is a party. A
// message of another citizen is jobnet.ErrNotFound, like one that does not
// exist. Reading does not mark the message as read.
func (s *Store) Message(ctx context.Context, citizenID, messageID, readerOrgID int64) (jobnet.Message, error) {
	var m jobnet.Message
	var body *string
	if err := scanMessage(s.pool.QueryRow(ctx, messageSQL, citizenID, messageID, readerOrgID), &m, &body); err != nil {
		return jobnet.Message{}, wrap("load message", err)
	}
	if body != nil {
		m.Body = *body
	}
	return m, nil
}
