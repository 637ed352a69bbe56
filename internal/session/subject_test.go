package session

import (
	"context"
	"net/http"
	"testing"
)

// subjectOf reads the subject as the server stores it in the values.
func subjectOf(values map[any]any) Subject {
	nameID, _ := values["nameid"].(string)
	index, _ := values["sidx"].(string)
	return Subject{NameID: nameID, SessionIndex: index}
}

func login(nameID, index string) map[any]any {
	return map[any]any{"uid": int64(7), "nameid": nameID, "sidx": index}
}

// A logout from the IdP ends the subject's sessions wherever they were
// made: a second store on the same database stands for a second instance.
func TestEndSubject_EndsTheSubjectsSessionsOnEveryInstance(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{SubjectOf: subjectOf})
	other := NewStore(f.pool, testHashKey, Options{SubjectOf: subjectOf, Now: f.clock.Now})

	berit1, berit2, jens := newBrowser(), newBrowser(), newBrowser()
	berit1.save(t, f.store, login("berit", "_idx1"))
	berit2.save(t, other, login("berit", "_idx2"))
	jens.save(t, f.store, login("jens", "_idx3"))

	n, err := other.EndSubject(context.Background(), "berit", nil)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("EndSubject ended %d sessions, want berit's 2", n)
	}
	for name, b := range map[string]*browser{"berit on instance 1": berit1, "berit on instance 2": berit2} {
		if sess := b.load(t, f.store); !sess.IsNew {
			t.Errorf("%s: the session lives on", name)
		}
	}
	if sess := jens.load(t, f.store); sess.IsNew {
		t.Error("jens's session ended with berit's")
	}
}

func TestEndSubject_WithASessionIndexEndsOnlyThatIdPSession(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{SubjectOf: subjectOf})
	first, second := newBrowser(), newBrowser()
	first.save(t, f.store, login("berit", "_idx1"))
	second.save(t, f.store, login("berit", "_idx2"))

	n, err := f.store.EndSubject(context.Background(), "berit", []string{"_idx2", "_idx9"})
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 || !second.load(t, f.store).IsNew || first.load(t, f.store).IsNew {
		t.Errorf("ended %d; want only the session of IdP session _idx2", n)
	}
}

// Sessions from before the subject had columns (migration 13), or written
// by an older server during a rolling upgrade, are found too.
func TestEndSubject_FindsSessionsWrittenBeforeTheSubjectHadColumns(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{SubjectOf: subjectOf})
	old, jens, anonymous := newBrowser(), newBrowser(), newBrowser()
	old.save(t, f.store, login("berit", "_idx1"))
	jens.save(t, f.store, login("jens", "_idx3"))
	anonymous.save(t, f.store, map[any]any{"uid": int64(9)})
	if _, err := f.pool.Exec(context.Background(), `UPDATE sessions SET name_id = NULL, session_index = NULL`); err != nil {
		t.Fatal(err)
	}

	n, err := f.store.EndSubject(context.Background(), "berit", []string{"_idx1"})
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 || !old.load(t, f.store).IsNew {
		t.Errorf("ended %d; want berit's session from before the columns", n)
	}
	if jens.load(t, f.store).IsNew || anonymous.load(t, f.store).IsNew {
		t.Error("another session ended")
	}
	var unread int
	if err := f.pool.QueryRow(context.Background(), `SELECT count(*) FROM sessions WHERE name_id IS NULL`).Scan(&unread); err != nil {
		t.Fatal(err)
	}
	if unread != 0 {
		t.Errorf("%d sessions still have an unread subject", unread)
	}
}

func TestEndSubject_SaveAndRenewKeepTheSubjectCurrent(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{SubjectOf: subjectOf})
	b := newBrowser()
	b.save(t, f.store, map[any]any{"uid": int64(7)}) // before login: no subject
	b.do(func(w http.ResponseWriter, r *http.Request) {
		sess, err := f.store.Current(r)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range login("berit", "_idx1") {
			sess.Values[k] = v
		}
		if err := f.store.Renew(r, w, sess); err != nil {
			t.Fatal(err)
		}
	})
	saved := newBrowser()
	saved.save(t, f.store, map[any]any{"uid": int64(7)})
	saved.save(t, f.store, login("berit", "_idx2"))

	if n, err := f.store.EndSubject(context.Background(), "berit", nil); err != nil || n != 2 {
		t.Errorf("EndSubject after Renew and Save = %d, %v; want 2", n, err)
	}
}
