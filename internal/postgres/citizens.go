package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// The citizen's facts for the access rule, selected by a predicate on
// citizens c ($1 is the CPR or the id).
const (
	citizenSQL       = `SELECT c.id, c.cpr, c.name, c.kommune_number, coalesce(c.jobcenter_id, 0) FROM citizens c WHERE `
	membershipsSQL   = `SELECT m.akasse_id, m.valid_from, m.valid_to FROM akasse_memberships m JOIN citizens c ON c.id = m.citizen_id WHERE `
	registrationsSQL = `SELECT r.kontaktgruppe, coalesce(r.tilmeldekategori, 0), r.registered, r.jobcenter_id, r.valid_from, r.valid_to
		FROM kontaktgruppe_registrations r JOIN citizens c ON c.id = r.citizen_id WHERE `
)

// queueCitizenFacts adds the three queries for one citizen's facts to a
// batch; where is "c.cpr = $1" or "c.id = $1". An unknown citizen leaves f
// zero, which the access rule refuses.
func queueCitizenFacts(b *pgx.Batch, where string, arg any, f *jobnet.CitizenFacts) {
	b.Queue(citizenSQL+where, arg).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			c := &f.Citizen
			if err := rows.Scan(&c.ID, &c.CPR, &c.Name, &c.KommuneNumber, &c.JobcenterOrgID); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	b.Queue(membershipsSQL+where, arg).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var m jobnet.AkasseMembership
			var to *time.Time
			if err := rows.Scan(&m.AkasseOrgID, &m.Period.From, &to); err != nil {
				return err
			}
			m.Period.To = deref(to)
			f.Memberships = append(f.Memberships, m)
		}
		return rows.Err()
	})
	b.Queue(registrationsSQL+where, arg).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var r jobnet.Registration
			var to *time.Time
			if err := rows.Scan(&r.Kontaktgruppe, &r.Tilmeldekategori, &r.Registered, &r.JobcenterOrgID, &r.Period.From, &to); err != nil {
				return err
			}
			r.Period.To = deref(to)
			f.Registrations = append(f.Registrations, r)
		}
		return rows.Err()
	})
}

// deref is the value p points to, or the zero value for a NULL column.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// Viewer is a signed-in caseworker's standing for one request: the user
// copy's current entry and the selected citizen's current facts, loaded
// together so that the access rule is checked again on every request
// (SPEC §3) in one round trip.
type Viewer struct {
	User    jobnet.User
	Citizen jobnet.CitizenFacts
}

// LoadViewer loads a user and, when citizenID is not 0, a citizen's facts.
func (s *Store) LoadViewer(ctx context.Context, userID, citizenID int64) (Viewer, error) {
	var v Viewer
	b := &pgx.Batch{}
	queueUser(b, userID, &v.User)
	if citizenID != 0 {
		queueCitizenFacts(b, "c.id = $1", citizenID, &v.Citizen)
	}
	err := s.pool.SendBatch(ctx, b).Close()
	if err == pgx.ErrNoRows {
		return Viewer{}, nil // the user is gone from the user copy
	}
	return v, wrap("load viewer", err)
}

// The session's user and selected citizen, found through its id ($1) and
// the columns session.Refs fills.
const (
	sessionUserSQL    = `(SELECT user_id FROM sessions WHERE id = $1)`
	sessionCitizenSQL = `(SELECT citizen_id FROM sessions WHERE id = $1)`
)

// QueueSessionViewer adds to the batch that loads the session with id the
// queries of LoadViewer, for the user and citizen the session's row names
// (session.Options.Preload): a signed-in request reads its session and the
// caseworker's standing in one round trip. The result is a Viewer; its
// User.ID is 0 when the row names no user, or one the user copy no longer
// has, and the caller then asks LoadViewer.
func QueueSessionViewer(b *pgx.Batch, sessionID string) func() any {
	var v Viewer
	b.Queue(`SELECT `+userColumns+` FROM amp_users u WHERE u.id = `+sessionUserSQL, sessionID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			if err := scanUser(rows, &v.User); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	queueRoles(b, "r.user_id = "+sessionUserSQL, sessionID, &v.User)
	queueCitizenFacts(b, "c.id = "+sessionCitizenSQL, sessionID, &v.Citizen)
	return func() any { return v }
}
