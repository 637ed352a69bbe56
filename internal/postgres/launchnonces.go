package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// UseLaunchNonce records the nonce of a launch token from caseSystem until
// the token expires, and reports whether it was new: false means the token
// was used before, on this instance or another. The primary key decides, so
// two instances receiving the same token at once cannot both accept it. In
// the same round trip the nonces of expired tokens go: those tokens are
// refused as expired anyway.
func (s *Store) UseLaunchNonce(ctx context.Context, caseSystem, nonce string, expires time.Time) (bool, error) {
	b := &pgx.Batch{}
	var inserted int64
	b.Queue(`INSERT INTO launch_nonces (case_system, nonce, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
		caseSystem, nonce, expires).Exec(func(tag pgconn.CommandTag) error {
		inserted = tag.RowsAffected()
		return nil
	})
	b.Queue(`DELETE FROM launch_nonces WHERE expires_at < now()`)
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return false, wrap("use launch nonce", err)
	}
	return inserted == 1, nil
}
