package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// absencesSQL is the citizen's current and coming absences ($1 citizen, $2
// today), first day first. History and "Modtager hjælp fra kommunen" are
// left out for every caseworker, so they never leave the database.
const absencesSQL = `
SELECT a.id, a.type, a.valid_from, a.valid_to, a.comment, a.lawful_for
FROM absences a
WHERE a.citizen_id = $1 AND (a.valid_to IS NULL OR a.valid_to >= $2::date) AND a.type <> '` + jobnet.AbsenceKommunehjaelp + `'
ORDER BY a.valid_from, a.id`

// Absences loads the current and coming absences the caseworker may see
// today (access.Absences): the a-kasse only those lawful for a
// dagpengemodtager or dimittend. The rule is applied here, in the store, so
// that no page can show an absence it forgot to filter.
func (s *Store) Absences(ctx context.Context, cw jobnet.Caseworker, citizenID int64, today time.Time) ([]jobnet.Absence, error) {
	all, err := s.loadAbsences(ctx, citizenID, today)
	if err != nil {
		return nil, err
	}
	return access.Absences(cw, all, today), nil
}

// loadAbsences loads what absencesSQL lets out of the database, before the
// law is applied in Go.
func (s *Store) loadAbsences(ctx context.Context, citizenID int64, today time.Time) ([]jobnet.Absence, error) {
	var all []jobnet.Absence
	b := &pgx.Batch{}
	queueAbsences(b, citizenID, today, &all)
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return nil, wrap("load absences", err)
	}
	return all, nil
}

// queueAbsences adds the citizen's current and coming absences to a batch,
// before the access rule: callers return them through an access redactor.
func queueAbsences(b *pgx.Batch, citizenID int64, today time.Time, all *[]jobnet.Absence) {
	b.Queue(absencesSQL, citizenID, today).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var a jobnet.Absence
			var to *time.Time
			var lawful []string
			if err := rows.Scan(&a.ID, &a.Type, &a.Period.From, &to, &a.Comment, &lawful); err != nil {
				return err
			}
			a.Period.To = deref(to)
			for _, g := range lawful {
				a.LawfulFor = append(a.LawfulFor, jobnet.TargetGroup(g))
			}
			*all = append(*all, a)
		}
		return rows.Err()
	})
}

// queueJobseekerStatus queues the loading of the citizen's registration as
// job seeker today into st.
func queueJobseekerStatus(b *pgx.Batch, citizenID int64, today time.Time, st *jobnet.JobseekerStatus) {
	b.Queue(jobseekerStatusSQL, citizenID, today).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			st.HasCourse = true
			if err := rows.Scan(&st.Registered, &st.Since, &st.Jobcenter); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}

// jobseekerStatusSQL is the citizen's open course today ($1 citizen, $2
// today) with its jobcenter's name; a registered course before an
// unregistered one, should there be both.
const jobseekerStatusSQL = `
SELECT r.registered, r.valid_from, o.name
FROM kontaktgruppe_registrations r JOIN organisations o ON o.id = r.jobcenter_id
WHERE r.citizen_id = $1 AND r.valid_from <= $2::date AND (r.valid_to IS NULL OR r.valid_to >= $2::date)
ORDER BY r.registered DESC, r.valid_from DESC, r.id DESC
LIMIT 1`

// JobseekerStatus loads whether the citizen is registered as job seeker
// (tilmeldt) or not (afmeldt) today, since when and in which jobcenter.
func (s *Store) JobseekerStatus(ctx context.Context, citizenID int64, today time.Time) (jobnet.JobseekerStatus, error) {
	var st jobnet.JobseekerStatus
	b := &pgx.Batch{}
	queueJobseekerStatus(b, citizenID, today, &st)
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return jobnet.JobseekerStatus{}, wrap("load jobseeker status", err)
	}
	return st, nil
}
