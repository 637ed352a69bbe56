package postgres_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// counts notes how many of the statements sent count the hits.
type counts struct {
	postgres.Querier
	n int
}

func (c *counts) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults {
	for _, q := range b.QueuedQueries {
		if strings.Contains(q.SQL, "count(*)") {
			c.n++
		}
	}
	return c.Querier.SendBatch(ctx, b)
}

// Find Job counts a search once a day and shares the count: the same
// search again, by anyone, shows the same page as a search of its own but
// only walks the postings. A saved search's count is its own citizen's.
func TestSearchJobs_SharesTheCountOfASearchForTheDay(t *testing.T) {
	dsn := pgtest.NewDemoDatabase(t)
	pool := pgtest.Pool(t, dsn)
	ctx := context.Background()
	anna, bo := citizenID(t, pool, "anna"), citizenID(t, pool, "bo")
	profile := annasKontorjobProfile(t, pool, anna)
	today := jobnet.Day(time.Now())
	counting := &counts{Querier: pool}
	shared := postgres.NewStore(counting)
	search := func(s *postgres.Store, citizen int64, q jobnet.JobQuery, day time.Time) jobnet.JobSearch {
		t.Helper()
		r, err := s.SearchJobs(ctx, citizen, q, day)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	aarhus := jobnet.AreaRef{Kind: jobnet.AreaKommune, Code: "751"}
	for _, c := range []struct {
		name    string
		citizen int64
		q       jobnet.JobQuery
		counted bool // already today, on another page
	}{
		{"every open posting", anna, jobnet.JobQuery{Page: 1}, false},
		{"page 2", bo, jobnet.JobQuery{Page: 2}, true},
		{"past the last page", anna, jobnet.JobQuery{Page: jobnet.MaxPage}, true},
		{"a word", bo, jobnet.JobQuery{Words: []string{"pædagog"}, Page: 1}, false},
		{"a word, page 2", anna, jobnet.JobQuery{Words: []string{"pædagog"}, Page: 2}, true},
		{"two words", anna, jobnet.JobQuery{Words: []string{"pædagog", "aarhus"}, Page: 1}, false},
		{"a kommune", anna, jobnet.JobQuery{Area: aarhus, Page: 1}, false},
		{"no hits", anna, jobnet.JobQuery{Words: []string{"zzqxj"}, Page: 3}, false},
		{"a word in a few postings (gathered)", anna, jobnet.JobQuery{Words: []string{"aarhus"}, Page: 1}, false},
		{"a word in a few postings, page 2", bo, jobnet.JobQuery{Words: []string{"aarhus"}, Page: 2}, true},
		{"a word in every posting (walked)", bo, jobnet.JobQuery{Words: []string{"søger"}, Page: 1}, false},
		{"a word in every posting, page 3", anna, jobnet.JobQuery{Words: []string{"søger"}, Page: 3}, true},
		{"a word in every posting, in a kommune", anna, jobnet.JobQuery{Words: []string{"søger"}, Area: aarhus, Page: 1}, false},
		{"anna's saved search", anna, jobnet.JobQuery{ProfileID: profile, Page: 1}, false},
		{"anna's saved search run for bo", bo, jobnet.JobQuery{ProfileID: profile, Page: 1}, false},
	} {
		alone := search(postgres.NewStore(pool), c.citizen, c.q, today)
		if c.q.ProfileID == 0 {
			if diff := cmp.Diff(plainSearch(t, pool, c.q, today), pageOf(alone)); diff != "" {
				t.Errorf("%s: not the open postings with the words, newest first (-want +got):\n%s", c.name, diff)
			}
		}
		before := counting.n
		first := search(shared, c.citizen, c.q, today)
		if counted := counting.n == before; counted != c.counted {
			t.Errorf("%s: shared the count: %v, want %v", c.name, counted, c.counted)
		}
		before = counting.n
		again := search(shared, c.citizen, c.q, today)
		if counting.n != before {
			t.Errorf("%s: the same search again was counted again", c.name)
		}
		for _, got := range []jobnet.JobSearch{first, again} {
			if diff := cmp.Diff(alone, got); diff != "" {
				t.Errorf("%s: the shared count changed the page (-alone +shared):\n%s", c.name, diff)
			}
		}
	}

	all := search(shared, anna, jobnet.JobQuery{Page: 1}, today)
	if all.Total <= jobnet.PageSize || len(all.Hits) != jobnet.PageSize {
		t.Fatalf("the demo's open postings fill no second page: %d hits", all.Total)
	}
	if mine := search(shared, anna, jobnet.JobQuery{ProfileID: profile, Page: 1}, today); mine.Total == 0 {
		t.Error("anna's saved search found nothing")
	}
	if other := search(shared, bo, jobnet.JobQuery{ProfileID: profile, Page: 1}, today); other.Total != 0 || len(other.Hits) != 0 {
		t.Errorf("bo running anna's saved search after her: %d hits, %d shown", other.Total, len(other.Hits))
	}

	before := counting.n
	tomorrow := today.AddDate(0, 0, 1)
	if diff := cmp.Diff(search(postgres.NewStore(pool), anna, jobnet.JobQuery{Page: 1}, tomorrow), search(shared, anna, jobnet.JobQuery{Page: 1}, tomorrow)); diff != "" {
		t.Errorf("the next day (-alone +shared):\n%s", diff)
	}
	if counting.n == before {
		t.Error("the next day's search used yesterday's count")
	}
}

// A walked page whose hits are not among the newest postings, as they
// would be spread evenly, is gathered instead: never a short page.
func TestSearchJobs_GathersWhenTheNewestHoldTooFewHits(t *testing.T) {
	dsn := pgtest.NewDemoDatabase(t)
	pool := pgtest.Pool(t, dsn)
	ctx := context.Background()
	anna := citizenID(t, pool, "anna")
	today := jobnet.Day(time.Now())
	// 400 postings from today, newer than every demo posting, none of
	// which has "søger", which every demo posting has.
	if _, err := pgtest.OwnerPool(t, dsn).Exec(ctx, `
		INSERT INTO job_postings (title, occupation_id, employer_id, workplace, address, postal_code, town, kommune_number,
		                          working_hours, posted_on, description)
		SELECT 'Nyt opslag ' || i, p.occupation_id, p.employer_id, p.workplace, p.address, p.postal_code, p.town, p.kommune_number,
		       p.working_hours, $1::date, 'Et opslag uden det ord'
		FROM generate_series(1, 400) i, (SELECT * FROM job_postings ORDER BY id LIMIT 1) p`, today); err != nil {
		t.Fatal(err)
	}
	q := jobnet.JobQuery{Words: []string{"søger"}, Page: 1}
	alone, err := postgres.NewStore(pool).SearchJobs(ctx, anna, q, today)
	if err != nil {
		t.Fatal(err)
	}
	if alone.Total < 2*jobnet.PageSize || len(alone.Hits) != jobnet.PageSize {
		t.Fatalf("the word finds %d postings, %d shown: too few to page", alone.Total, len(alone.Hits))
	}
	if diff := cmp.Diff(plainSearch(t, pool, q, today), pageOf(alone)); diff != "" {
		t.Errorf("not the open postings with the word, newest first (-want +got):\n%s", diff)
	}
	shared := postgres.NewStore(pool)
	for range 2 { // counted, then walked and gathered
		got, err := shared.SearchJobs(ctx, anna, q, today)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(alone, got); diff != "" {
			t.Errorf("the page (-alone +shared):\n%s", diff)
		}
	}
}

// searchPage is what a page of Find Job shows of its hits.
type searchPage struct {
	Total, Page int
	IDs         []int64
}

func pageOf(r jobnet.JobSearch) searchPage {
	p := searchPage{Total: r.Total, Page: r.Page}
	for _, h := range r.Hits {
		p.IDs = append(p.IDs, h.ID)
	}
	return p
}

// plainSearch is q's page (without a saved search) as the simplest SQL
// finds it, for the store's forms to be checked against: every open
// posting with every word, in the kommune if one is named, newest first;
// the page asked for or, past the end, the last; no hits, no page.
func plainSearch(t *testing.T, q postgres.Querier, jq jobnet.JobQuery, today time.Time) searchPage {
	t.Helper()
	words := []string{} // ILIKE ALL of no patterns is true; of NULL, not
	for _, w := range jq.Words {
		words = append(words, "%"+w+"%")
	}
	var ids []int64
	b := &pgx.Batch{}
	b.Queue(`SELECT id FROM job_postings WHERE posted_on <= $1 AND (deadline IS NULL OR deadline >= $1)
		AND search_text ILIKE ALL ($2::text[]) AND ($3 = '' OR kommune_number = $3)
		ORDER BY posted_on DESC, id DESC`, today, words, jq.Area.Code).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return rows.Err()
	})
	if err := q.SendBatch(context.Background(), b).Close(); err != nil {
		t.Fatal(err)
	}
	p := searchPage{Total: len(ids)}
	if p.Total == 0 {
		return p
	}
	p.Page = min(max(jq.Page, 1), (p.Total+jobnet.PageSize-1)/jobnet.PageSize)
	p.IDs = ids[(p.Page-1)*jobnet.PageSize : min(p.Page*jobnet.PageSize, p.Total)]
	return p
}
