package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// Store reads the DFDG and user copies and appends to the logs.
type Store struct {
	pool       Querier
	cardCache  *sharedCache[cardKey, forsideCards] // the Forside's shared cards
	countCache *sharedCache[jobCountKey, int]      // Find Job's shared counts
}

// Querier is what the store needs of a pool; tests pass a failing one.
type Querier interface {
	Begin(ctx context.Context) (pgx.Tx, error)
	// Acquire is for a transaction opened inside a batch (LookUp), which
	// must stay on one connection from batch to batch.
	Acquire(ctx context.Context) (*pgxpool.Conn, error)
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Ping(ctx context.Context) error
}

// NewStore returns a store on pool (an application-role pool, see Open).
func NewStore(pool Querier) *Store {
	return &Store{
		pool:       pool,
		cardCache:  newSharedCache[cardKey, forsideCards](cardCacheSize, cardCacheTTL, time.Now),
		countCache: newSharedCache[jobCountKey, int](jobCountCacheSize, jobCountCacheTTL, time.Now),
	}
}

// Ping reports whether the database answers, for /readyz.
func (s *Store) Ping(ctx context.Context) error { return wrap("ping", s.pool.Ping(ctx)) }

const userColumns = `u.id, u.cvr, coalesce(u.rid, ''), coalesce(u.uuid::text, ''), u.name, u.email, u.active`

// userByIdentitySQL finds the user copy's entry for an asserted identity,
// always within the asserted CVR: a UUID or RID is an employee of one
// organisation, and the same UUID asserted for another CVR is someone the
// user copy does not know (SPEC §2.2). Within the CVR it finds the user by
// the persistent UUID when the IdP gives one (OIOSAML 3), else by RID
// (OIOSAML 2, and OIOSAML 3 users the copy knows only by their legacy RID).
// A RID does not find a user whose UUID the copy knows and the IdP asserts
// differently.
const userByIdentitySQL = `
SELECT ` + userColumns + ` FROM amp_users u
WHERE u.cvr = $2
  AND (($1 <> '' AND u.uuid::text = lower($1))
    OR ($3 <> '' AND u.rid = $3 AND ($1 = '' OR u.uuid IS NULL)))
ORDER BY (u.uuid::text = lower($1)) DESC NULLS LAST
LIMIT 1`

const (
	rolesSQL = `
SELECT o.id, o.kind, o.number, o.name, o.cvr, array_agg(r.role ORDER BY r.role)
FROM amp_user_roles r JOIN organisations o ON o.id = r.organisation_id
WHERE `
	rolesGroup = `
GROUP BY o.id ORDER BY o.kind, o.name`
)

// UserByIdentity returns the user copy's entry for a signed-in identity, with
// its organisations and roles. An unknown identity gives a zero User and no
// error: being unknown is an answer the access rule gives a reason for.
func (s *Store) UserByIdentity(ctx context.Context, id jobnet.Identity) (jobnet.User, error) {
	var u jobnet.User
	err := scanUser(s.pool.QueryRow(ctx, userByIdentitySQL, id.UUID, id.CVR, id.RID), &u)
	if err == pgx.ErrNoRows {
		return jobnet.User{}, nil
	}
	if err != nil {
		return jobnet.User{}, wrap("load user", err)
	}
	return s.UserByID(ctx, u.ID)
}

// UserByID returns a user with organisations and roles, in one round trip.
func (s *Store) UserByID(ctx context.Context, userID int64) (jobnet.User, error) {
	b := &pgx.Batch{}
	var u jobnet.User
	queueUser(b, userID, &u)
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		if err == pgx.ErrNoRows {
			return jobnet.User{}, nil
		}
		return jobnet.User{}, wrap("load user", err)
	}
	return u, nil
}

// queueUser adds the user's two queries to a batch, filling u; an unknown
// user gives pgx.ErrNoRows.
func queueUser(b *pgx.Batch, userID int64, u *jobnet.User) {
	b.Queue(`SELECT `+userColumns+` FROM amp_users u WHERE u.id = $1`, userID).QueryRow(func(row pgx.Row) error {
		return scanUser(row, u)
	})
	queueRoles(b, "r.user_id = $1", userID, u)
}

// queueRoles adds the query of a user's organisations and roles, selected
// by a predicate on amp_user_roles r with the argument arg.
func queueRoles(b *pgx.Batch, where string, arg any, u *jobnet.User) {
	b.Queue(rolesSQL+where+rolesGroup, arg).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var m jobnet.OrgMembership
			var kind string
			var roles []string
			if err := rows.Scan(&m.Org.ID, &kind, &m.Org.Number, &m.Org.Name, &m.Org.CVR, &roles); err != nil {
				return err
			}
			m.Org.Kind = jobnet.OrgKind(kind)
			for _, r := range roles {
				m.Roles = append(m.Roles, jobnet.Role(r))
			}
			u.Memberships = append(u.Memberships, m)
		}
		return rows.Err()
	})
}

func scanUser(row pgx.Row, u *jobnet.User) error {
	return row.Scan(&u.ID, &u.CVR, &u.RID, &u.UUID, &u.Name, &u.Email, &u.Active)
}
