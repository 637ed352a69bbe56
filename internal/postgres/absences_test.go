package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

func absencesCaseworker(t *testing.T, q postgres.Querier, o jobnet.Organisation) jobnet.Caseworker {
	t.Helper()
	if err := q.QueryRow(context.Background(), `SELECT id FROM organisations WHERE kind = $1 AND name = $2`, string(o.Kind), o.Name).Scan(&o.ID); err != nil {
		t.Fatal(err)
	}
	return jobnet.Caseworker{Org: o}
}

// The store loads only what access.VisibleAbsences allows: no history and no
// "Modtager hjælp fra kommunen" for anyone, and for the a-kasse nothing
// unlawful for a dagpengemodtager. One round trip.
func TestAbsences_LoadOnlyCurrentAndComingAbsencesTheCaseworkerMaySee(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	anna := citizenID(t, pool, "anna")
	today := jobnet.Day(time.Now())
	for _, tc := range []struct {
		org  jobnet.Organisation
		want []string
	}{
		{demo.OrgFagenesAkasse, []string{demo.AnnaExemptionComment, demo.AnnaHolidayComment}},
		{demo.OrgJobcenterAarhus, []string{demo.AnnaUnlawfulAbsenceComment, demo.AnnaExemptionComment, demo.AnnaHolidayComment}},
	} {
		t.Run(tc.org.Name, func(t *testing.T) {
			rt := &roundTrips{Querier: pool}
			absences, err := postgres.NewStore(rt).Absences(context.Background(), absencesCaseworker(t, pool, tc.org), anna, today)
			if err != nil {
				t.Fatal(err)
			}
			if rt.n != 1 {
				t.Errorf("%d round trips, want 1", rt.n)
			}
			var got []string
			for _, a := range absences {
				got = append(got, a.Comment)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("absences by comment (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAbsences_AnOpenSygemeldingHasNoEnd(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	today := jobnet.Day(time.Now())
	absences, err := postgres.NewStore(pool).Absences(context.Background(), absencesCaseworker(t, pool, demo.OrgFagenesAkasse), citizenID(t, pool, "camilla"), today)
	if err != nil {
		t.Fatal(err)
	}
	sick, ok := jobnet.SickOn(absences, today)
	if !ok || !sick.Period.To.IsZero() || !sick.Period.From.Equal(today) {
		t.Errorf("Camilla's sygemelding %+v (found %v), want one from today without end", sick, ok)
	}
}

func TestJobseekerStatus_IsTheOpenCourseToday(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	today := jobnet.Day(time.Now())
	store := postgres.NewStore(pool)
	for _, tc := range []struct {
		key  string
		want jobnet.JobseekerStatus
	}{
		{"anna", jobnet.JobseekerStatus{HasCourse: true, Registered: true, Since: today.AddDate(0, 0, demo.CitizenByKey("anna").Registrations[0].FromDays), Jobcenter: "Jobcenter Aarhus"}},
		{"bo", jobnet.JobseekerStatus{HasCourse: true, Registered: false, Since: today.AddDate(0, 0, demo.CitizenByKey("bo").Registrations[0].FromDays), Jobcenter: "Jobcenter Aarhus"}},
		{"jonas", jobnet.JobseekerStatus{}},
		{"karen", jobnet.JobseekerStatus{}}, // the course ended yesterday
	} {
		got, err := store.JobseekerStatus(context.Background(), citizenID(t, pool, tc.key), today)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.key, diff)
		}
	}
}

// The SQL itself never lets a historical absence or "Modtager hjælp fra
// kommunen" out of the database (the second line of access.MaySeeAbsence).
func TestAbsences_TheSQLLeavesOutHistoryAndKommunehjaelp(t *testing.T) {
	pool := pgtest.Pool(t, pgtest.NewDemoDatabase(t))
	today := jobnet.Day(time.Now())
	all, err := postgres.LoadAbsences(postgres.NewStore(pool), context.Background(), citizenID(t, pool, "anna"), today)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) == 0 {
		t.Fatal("no absences loaded at all")
	}
	for _, a := range all {
		if a.Type == jobnet.AbsenceKommunehjaelp || (!a.Period.To.IsZero() && a.Period.To.Before(today)) {
			t.Errorf("the SQL let out %s %v (%q)", a.Type, a.Period, a.Comment)
		}
	}
}
