package postgres_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// signedInCitizen is the demo citizen signed in as themself at LoA
// Substantial, found as the ACS finds them: by CPR number.
func signedInCitizen(t *testing.T, s *postgres.Store, key string) jobnet.Person {
	t.Helper()
	c, err := s.CitizenByCPR(context.Background(), mustCPR(t, demo.CitizenByKey(key).CPR))
	if err != nil || c.ID == 0 {
		t.Fatalf("citizen %s: %v (id %d)", key, err, c.ID)
	}
	return jobnet.Person{CitizenID: c.ID, LoA: "Substantial"}
}

type seen struct {
	At           time.Time
	Caseworker   string
	Organisation string
	Via          string
}

func seenOf(entries []jobnet.HistoryEntry) []seen {
	var out []seen
	for _, e := range entries {
		out = append(out, seen{e.OccurredAt.UTC(), e.CaseworkerName, e.OrganisationName, e.Via})
	}
	return out
}

// lookingUp is a demo database with two caseworkers who look citizens up.
type lookingUp struct {
	s           *postgres.Store
	berit, nina jobnet.Caseworker
}

func newLookingUp(t *testing.T) lookingUp {
	t.Helper()
	s := postgres.NewStore(pgtest.Pool(t, pgtest.NewDemoDatabase(t)))
	return lookingUp{s, caseworker(t, s, "berit", jobnet.OrgAkasse), caseworker(t, s, "nina", jobnet.OrgJobcenter)}
}

var lookUpsFrom = time.Date(2026, time.November, 20, 9, 30, 0, 0, time.UTC)

func TestOwnLoginHistory_TheCitizenSeesExactlyTheLookUpsOfThemNewestFirst(t *testing.T) {
	ctx := context.Background()
	f := newLookingUp(t)
	s, berit, nina := f.s, f.berit, f.nina

	lookUps := []struct {
		cw      jobnet.Caseworker
		citizen string
		at      time.Time
	}{
		{berit, "anna", lookUpsFrom},
		{berit, "maja", lookUpsFrom.Add(time.Minute)},
		{nina, "anna", lookUpsFrom.Add(2 * time.Hour)},
		{berit, "emma", lookUpsFrom.Add(3 * time.Hour)}, // refused: another a-kasse's member
	}
	for _, l := range lookUps {
		if _, _, err := s.LookUp(ctx, l.cw, mustCPR(t, demo.CitizenByKey(l.citizen).CPR), l.at, postgres.LookUpLimit{}); err != nil {
			t.Fatal(err)
		}
	}

	tests := []struct {
		citizen string
		want    []seen
	}{
		{"anna", []seen{
			{lookUpsFrom.Add(2 * time.Hour), "Nina Pettersen", demo.OrgJobcenterAarhus.Name, postgres.Via},
			{lookUpsFrom, "Berit Hansen", demo.OrgFagenesAkasse.Name, postgres.Via},
		}},
		{"maja", []seen{{lookUpsFrom.Add(time.Minute), "Berit Hansen", demo.OrgFagenesAkasse.Name, postgres.Via}}},
		{"emma", nil}, // a refused look-up is the organisation's control, not her history
		{"bo", nil},
	}
	for _, tt := range tests {
		t.Run(tt.citizen, func(t *testing.T) {
			p := signedInCitizen(t, s, tt.citizen)
			page, err := s.OwnLoginHistory(ctx, p, 0, 20)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, seenOf(page.Entries)); diff != "" {
				t.Errorf("entries (-want +got):\n%s", diff)
			}
			if page.Total != len(tt.want) {
				t.Errorf("Total = %d, want %d", page.Total, len(tt.want))
			}
			if page.CitizenName != demo.CitizenByKey(tt.citizen).Name {
				t.Errorf("CitizenName = %q", page.CitizenName)
			}
			for _, e := range page.Entries {
				if e.CitizenID != p.CitizenID {
					t.Errorf("entry of citizen %d in the history of %d", e.CitizenID, p.CitizenID)
				}
			}
		})
	}
}

// Pages follow one another without repeating or losing an entry, also
// among look-ups at the very same moment.
func TestOwnLoginHistory_PagesAreStable(t *testing.T) {
	ctx := context.Background()
	f := newLookingUp(t)
	s, berit, nina := f.s, f.berit, f.nina
	anna := mustCPR(t, demo.CitizenByKey("anna").CPR)
	const n = 7
	for i := range n {
		cw := berit
		if i%2 == 1 {
			cw = nina
		}
		// Three moments, each with several look-ups.
		if _, _, err := s.LookUp(ctx, cw, anna, lookUpsFrom.Add(time.Duration(i/3)*time.Minute), postgres.LookUpLimit{}); err != nil {
			t.Fatal(err)
		}
	}
	p := signedInCitizen(t, s, "anna")
	all, err := s.OwnLoginHistory(ctx, p, 0, n)
	if err != nil || len(all.Entries) != n {
		t.Fatalf("all on one page: %d entries, %v", len(all.Entries), err)
	}
	var paged []jobnet.HistoryEntry
	for offset := 0; offset < n; offset += 3 {
		page, err := s.OwnLoginHistory(ctx, p, offset, 3)
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != n {
			t.Errorf("page at %d: Total %d, want %d", offset, page.Total, n)
		}
		paged = append(paged, page.Entries...)
	}
	if diff := cmp.Diff(all.Entries, paged); diff != "" {
		t.Errorf("pages of 3 differ from one page (-one +paged):\n%s", diff)
	}
	for i := 1; i < n; i++ {
		if all.Entries[i].OccurredAt.After(all.Entries[i-1].OccurredAt) {
			t.Errorf("entry %d is newer than entry %d", i, i-1)
		}
	}
}

func TestOwnLoginHistory_RefusesASignInBelowSubstantial(t *testing.T) {
	s := postgres.NewStore(pgtest.Pool(t, pgtest.NewDemoDatabase(t)))
	p := signedInCitizen(t, s, "anna")
	for _, loa := range []string{"Low", ""} {
		p.LoA = loa
		if _, err := s.OwnLoginHistory(context.Background(), p, 0, 20); !errors.Is(err, jobnet.ErrForbidden) {
			t.Errorf("LoA %q: error %v, want jobnet.ErrForbidden", loa, err)
		}
	}
}

func TestCitizenByCPR_UnknownNumberIsNoCitizen(t *testing.T) {
	s := postgres.NewStore(pgtest.Pool(t, pgtest.NewDemoDatabase(t)))
	c, err := s.CitizenByCPR(context.Background(), mustCPR(t, demo.UnknownCPR))
	if err != nil || c != (jobnet.Citizen{}) {
		t.Errorf("CitizenByCPR(unknown) = %+v, %v; want the zero citizen", c, err)
	}
}
