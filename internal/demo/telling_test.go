package demo_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
)

// Tests look for the telling texts of the data a caseworker kind may not see
// on every page, so each must be found in the loaded demo data exactly where
// it belongs and nowhere else: a page that shows one has leaked that datum.
func TestTellingTexts_AreFoundOnlyInTheRowsTheyBelongTo(t *testing.T) {
	ctx := context.Background()
	owner := pgtest.OwnerPool(t, pgtest.NewDemoDatabase(t))
	rows, _ := owner.Query(ctx, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text string
		rows       int // every row of every table that holds it
	}{
		{"Anna's absence unlawful for dagpenge", demo.AnnaUnlawfulAbsenceComment, 1},
		{"Anna's historical holiday", demo.AnnaHistoricalHolidayComment, 1},
		{"Anna's kommunehjælp", demo.AnnaKommunehjaelpComment, 1},
		{"Anna's mentor meeting", demo.MeetingAnnaMentorTitle, 1},
		{"the notification of Anna's mentor meeting", demo.NotificationAnnaMentorTitle, 1},
		{"the notification of Anna's hjælpemiddel", demo.NotificationAnnaHjaelpemiddelTitle, 1},
		{"the sygeopfølgning offer and its notification", demo.OfferSygeopfoelgningTitle, 2},
		{"the employer's message and its notification", demo.MessageAnnaEmployerTitle, 2},
		{"STAR's message to Anna and the jobcenter", demo.MessageAnnaSTARTitle, 1},
		{"the body of STAR's message", demo.MessageAnnaSTARBody, 1},
		{"A-kasse 31's message", demo.MessageAnnaOtherAkasseTitle, 1},
		{"the body of A-kasse 31's message", demo.MessageAnnaOtherAkasseBody, 1},
		{"the jobcenter's message to Anna alone", demo.MessageAnnaJobcenterBody, 1},
		{"Anna's kontanthjælp form", demo.AnnaKontanthjaelpFormAnswer, 1},
		{"Anna's kontanthjælp form, another answer", demo.AnnaKontanthjaelpFormHinder, 1},
		{"Maja's sygeopfølgning", demo.PlanMajaSygeopfoelgning, 1},
		{"Maja's agreement while sick", demo.PlanMajaSickAgreement, 1},
		{"Maja's Jobmål and the two sick items agreed with the same caseworker", demo.PlanMajaJobGoalAgreedBy, 3},
	} {
		var found []string
		for _, table := range tables {
			var n int
			if err := owner.QueryRow(ctx, `SELECT count(*) FROM `+pgx.Identifier{table}.Sanitize()+` t WHERE strpos(t::text, $1) > 0`,
				tc.text).Scan(&n); err != nil {
				t.Fatal(err)
			}
			for range n {
				found = append(found, table)
			}
		}
		if len(found) != tc.rows {
			t.Errorf("%s: %q is in %d rows (%v), want %d", tc.name, tc.text, len(found), found, tc.rows)
		}
	}
}
