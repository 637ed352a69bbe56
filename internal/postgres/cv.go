package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// The CV's parts, each selected by the citizen ($1); a citizen without a CV
// gets no rows.
const (
	cvSQL = `SELECT searchable, europe_visible, profile, email, phones, address, changed_at
		FROM cvs WHERE citizen_id = $1`
	cvExperiencesSQL = `SELECT e.title, e.employer, e.from_month, e.to_month, e.responsibilities
		FROM cv_experiences e JOIN cvs ON cvs.id = e.cv_id WHERE cvs.citizen_id = $1
		ORDER BY e.to_month DESC NULLS FIRST, e.from_month DESC, e.id`
	cvEducationsSQL = `SELECT e.kind, e.title, e.institution, e.completed
		FROM cv_educations e JOIN cvs ON cvs.id = e.cv_id WHERE cvs.citizen_id = $1
		ORDER BY e.completed DESC, e.id`
	cvQualificationsSQL = `SELECT q.name
		FROM cv_qualifications q JOIN cvs ON cvs.id = q.cv_id WHERE cvs.citizen_id = $1
		ORDER BY q.position`
	cvLanguagesSQL = `SELECT l.language, l.level
		FROM cv_languages l JOIN cvs ON cvs.id = l.cv_id WHERE cvs.citizen_id = $1
		ORDER BY l.position`
	cvDrivingLicencesSQL = `SELECT d.category, d.description
		FROM cv_driving_licences d JOIN cvs ON cvs.id = d.cv_id WHERE cvs.citizen_id = $1
		ORDER BY d.category`
)

// CV loads the citizen's CV in one round trip. found is false when the
// citizen has none; nothing is ever created here (seed 002 §2.3).
func (s *Store) CV(ctx context.Context, citizenID int64) (cv jobnet.CV, found bool, err error) {
	b := &pgx.Batch{}
	b.Queue(cvSQL, citizenID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			found = true
			c := &cv.Contact
			if err := rows.Scan(&cv.Searchable, &cv.EuropeVisible, &cv.Profile, &c.Email, &c.Phones, &c.Address, &cv.ChangedAt); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	b.Queue(cvExperiencesSQL, citizenID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var e jobnet.CVExperience
			var to *time.Time
			if err := rows.Scan(&e.Title, &e.Employer, &e.From, &to, &e.Responsibilities); err != nil {
				return err
			}
			e.To = deref(to)
			cv.Experiences = append(cv.Experiences, e)
		}
		return rows.Err()
	})
	b.Queue(cvEducationsSQL, citizenID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var e jobnet.CVEducation
			if err := rows.Scan(&e.Kind, &e.Title, &e.Institution, &e.Completed); err != nil {
				return err
			}
			cv.Educations = append(cv.Educations, e)
		}
		return rows.Err()
	})
	b.Queue(cvQualificationsSQL, citizenID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var q string
			if err := rows.Scan(&q); err != nil {
				return err
			}
			cv.Qualifications = append(cv.Qualifications, q)
		}
		return rows.Err()
	})
	b.Queue(cvLanguagesSQL, citizenID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var l jobnet.CVLanguage
			if err := rows.Scan(&l.Language, &l.Level); err != nil {
				return err
			}
			cv.Languages = append(cv.Languages, l)
		}
		return rows.Err()
	})
	b.Queue(cvDrivingLicencesSQL, citizenID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var d jobnet.CVDrivingLicence
			if err := rows.Scan(&d.Category, &d.Description); err != nil {
				return err
			}
			cv.DrivingLicences = append(cv.DrivingLicences, d)
		}
		return rows.Err()
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return jobnet.CV{}, false, wrap("load CV", err)
	}
	return cv, found, nil
}

// CVStanding says whether the citizen has a CV, and whether it is searchable
// and visible to employers in Europe.
func (s *Store) CVStanding(ctx context.Context, citizenID int64) (jobnet.CVStanding, error) {
	var st jobnet.CVStanding
	err := s.pool.QueryRow(ctx, `SELECT true, searchable, europe_visible FROM cvs WHERE citizen_id = $1`, citizenID).
		Scan(&st.Exists, &st.Searchable, &st.EuropeVisible)
	if errors.Is(err, pgx.ErrNoRows) {
		return jobnet.CVStanding{}, nil
	}
	return st, wrap("load CV standing", err)
}
