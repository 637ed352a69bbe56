package session

import (
	"github.com/gorilla/sessions"
	"github.com/jackc/pgx/v5"
)

// Refs are the ids a session's values refer to — the signed-in user and
// the selected citizen, 0 for none — kept in columns of their own
// (user_id, citizen_id) beside the values, so that SQL can find them
// through the session's id (Options.Preload).
type Refs struct {
	User, Citizen int64
}

func (s *Store) refsOf(values map[any]any) (user, citizen *int64) {
	if s.opts.RefsOf == nil {
		return nil, nil
	}
	r := s.opts.RefsOf(values)
	return nonZero(r.User), nonZero(r.Citizen)
}

func nonZero(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// preloadKey holds, in a loaded session's Values, what Options.Preload
// loaded with it. It is never written to the database.
type preloadKey struct{}

// Preloaded is what Options.Preload loaded in the session's round trip, or
// nil. It was read in the same round trip as the row, so it matches the
// row's Refs columns as they were then; the caller checks that they are the
// ids it expects (a row written before the columns existed has none).
func Preloaded(sess *sessions.Session) any {
	return sess.Values[preloadKey{}]
}

// queuePreload lets Options.Preload add its queries to the batch that loads
// the session with id, and returns what fills in the result.
func (s *Store) queuePreload(b *pgx.Batch, id string) func() any {
	if s.opts.Preload == nil {
		return func() any { return nil }
	}
	return s.opts.Preload(b, id)
}
