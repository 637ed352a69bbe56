package postgres

import "github.com/jackc/pgx/v5/pgxpool"

// The loaders before the law is applied in Go, so that tests can show that
// the SQL's second line holds by itself.
var (
	LoadMessages  = (*Store).loadMessages
	LoadMessage   = (*Store).loadMessage
	LoadFrontPage = (*Store).loadFrontPage
	LoadAbsences  = (*Store).loadAbsences
)

// CountLookUpsSQL is the rate limit's count, for a test of its plan.
const CountLookUpsSQL = countLookUpsSQL

// RoundTrips is the count of round trips a pool that Open made has sent.
func RoundTrips(pool *pgxpool.Pool) int64 {
	return pool.Config().ConnConfig.Tracer.(*statementCounter).roundTrips.Load()
}
