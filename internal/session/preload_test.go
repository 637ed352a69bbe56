package session

import (
	"context"
	"net/http"
	"testing"

	"github.com/jackc/pgx/v5"
)

func refsOf(values map[any]any) Refs {
	user, _ := values["uid"].(int64)
	citizen, _ := values["cit"].(int64)
	return Refs{User: user, Citizen: citizen}
}

// preloadRefs reads, through the session's id, the ids its row names: what
// a preload of the caseworker's standing finds the user and citizen by.
func preloadRefs(b *pgx.Batch, id string) func() any {
	var r Refs
	b.Queue(`SELECT coalesce(user_id, 0), coalesce(citizen_id, 0) FROM sessions WHERE id = $1`, id).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			if err := rows.Scan(&r.User, &r.Citizen); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	return func() any { return r }
}

// The ids the values name are written beside them on every save, so that
// what loads with the session (Preload) is always about the user and
// citizen the values name.
func TestPreload_FindsTheUserAndCitizenTheValuesName(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{RefsOf: refsOf, Preload: preloadRefs})
	b := newBrowser()
	b.save(t, f.store, map[any]any{"uid": int64(7)})
	if got := Preloaded(b.load(t, f.store)); got != (Refs{User: 7}) {
		t.Errorf("after log-in: preloaded %v, want user 7 and no citizen", got)
	}
	b.save(t, f.store, map[any]any{"cit": int64(42)})
	sess := b.load(t, f.store)
	if got := Preloaded(sess); got != (Refs{User: 7, Citizen: 42}) {
		t.Errorf("after a look-up: preloaded %v, want user 7 and citizen 42", got)
	}
	if _, ok := userValues(sess)[preloadKey{}]; ok {
		t.Error("the preloaded result is among the values")
	}

	// Renewing (at log-in) keeps them, and what was preloaded is never
	// written back with the values.
	b.renew(t, f.store)
	sess = b.load(t, f.store)
	if got := Preloaded(sess); got != (Refs{User: 7, Citizen: 42}) {
		t.Errorf("after renewing: preloaded %v", got)
	}
	values, err := decodeValues(f.data(t, sess.ID))
	if err != nil {
		t.Fatal(err)
	}
	for k := range values {
		if _, ok := k.(preloadKey); ok {
			t.Error("the preloaded result was written to the database")
		}
	}

	// Leaving the citizen clears the column; an expired session names no one.
	b.do(func(w http.ResponseWriter, r *http.Request) {
		sess, _ := f.store.Current(r)
		delete(sess.Values, "cit")
		if err := sess.Save(r, w); err != nil {
			t.Fatal(err)
		}
	})
	if got := Preloaded(b.load(t, f.store)); got != (Refs{User: 7}) {
		t.Errorf("after leaving the citizen: preloaded %v", got)
	}
	f.clock.Advance(f.store.opts.IdleTimeout + 1)
	if sess := b.load(t, f.store); !sess.IsNew || Preloaded(sess) != nil {
		t.Errorf("expired session: new %v, preloaded %v", sess.IsNew, Preloaded(sess))
	}
	var user, citizen *int64
	if err := f.pool.QueryRow(context.Background(), `SELECT user_id, citizen_id FROM sessions WHERE id = $1`, sess.ID).Scan(&user, &citizen); err != nil {
		t.Fatal(err)
	}
	if user != nil || citizen != nil {
		t.Errorf("the expired row still names user %v, citizen %v", user, citizen)
	}
}
