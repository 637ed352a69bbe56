package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// PreparationReceipt loads the receipt the caseworker may see today: the
// newest preparation form access.PreparationForm allows, with its answers.
// found is false when there is none. The answers of a form the law hides
// (expired, or a variant the caseworker's organisation has no basis for)
// are never read from the database, which is why this takes two round
// trips: the forms' dates and variants first, then the answers of the one
// form that may be shown.
func (s *Store) PreparationReceipt(ctx context.Context, cw jobnet.Caseworker, citizenID int64, today time.Time) (form jobnet.PreparationForm, answers []jobnet.PreparationAnswer, found bool, err error) {
	var forms []jobnet.PreparationForm
	b := &pgx.Batch{}
	b.Queue(`SELECT id, variant, submitted_at FROM preparation_forms
		WHERE citizen_id = $1 ORDER BY submitted_at DESC, id DESC`, citizenID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var f jobnet.PreparationForm
			if err := rows.Scan(&f.ID, &f.Variant, &f.Submitted); err != nil {
				return err
			}
			forms = append(forms, f)
		}
		return rows.Err()
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return jobnet.PreparationForm{}, nil, false, wrap("load preparation forms", err)
	}
	if form, found = access.PreparationForm(cw, forms, today); !found {
		return jobnet.PreparationForm{}, nil, false, nil
	}

	b = &pgx.Batch{}
	b.Queue(`SELECT a.number, a.question, a.answers
		FROM preparation_form_answers a JOIN preparation_forms f ON f.id = a.form_id
		WHERE a.form_id = $1 AND f.citizen_id = $2 ORDER BY a.number`, form.ID, citizenID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var a jobnet.PreparationAnswer
			if err := rows.Scan(&a.Number, &a.Question, &a.Answers); err != nil {
				return err
			}
			answers = append(answers, a)
		}
		return rows.Err()
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return jobnet.PreparationForm{}, nil, false, wrap("load preparation answers", err)
	}
	return form, answers, true, nil
}
