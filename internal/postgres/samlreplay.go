package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/star-dk/sagsbehandleradgang/internal/samlsp"
)

// SAMLReplayCache is samlsp's replay cache in Postgres, so that an assertion
// accepted by one instance of the server is refused by all the others.
type SAMLReplayCache struct {
	Pool *pgxpool.Pool
}

var _ samlsp.ReplayCache = SAMLReplayCache{}

// Use records assertionID until expires, or returns samlsp.ErrReplayed if it
// is already recorded. The primary key decides, so two instances receiving
// the same assertion at once cannot both accept it. In the same round trip
// it drops the IDs that have expired: the time checks refuse those
// assertions anyway, so the table stays as small as the logins of the last
// few minutes.
func (c SAMLReplayCache) Use(ctx context.Context, assertionID string, expires time.Time) error {
	b := &pgx.Batch{}
	insert := b.Queue(`INSERT INTO saml_used_assertions (id, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`, assertionID, expires)
	b.Queue(`DELETE FROM saml_used_assertions WHERE expires_at < now()`)
	var inserted int64
	insert.Exec(func(tag pgconn.CommandTag) error {
		inserted = tag.RowsAffected()
		return nil
	})
	if err := c.Pool.SendBatch(ctx, b).Close(); err != nil {
		return wrap("record SAML assertion", err)
	}
	if inserted == 0 {
		return samlsp.ErrReplayed
	}
	return nil
}
