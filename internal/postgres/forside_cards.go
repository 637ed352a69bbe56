package postgres

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// The Forside's five cards depend on the job goals' occupations, the
// labour-market area and the day, not on whose they are: every citizen who
// looks for the same jobs in the same area sees the same cards. They are
// computed once per (occupations, area, day) and shared, which takes five
// of the page's heaviest queries off nearly every Forside. Nothing in them
// is about a citizen, and the law has no rule for them (access.FrontPage
// applies to the notifications and absences, per request, as before).

// forsideCards is what the cards show.
type forsideCards struct {
	Posted, Similar, Applied jobnet.JobList[jobnet.JobPosting]
	Agencies                 jobnet.JobList[jobnet.TempAgency]
	Employers                jobnet.JobList[jobnet.Employer]
}

// cardKey names the cards of one set of occupations in one area on one day.
type cardKey struct {
	occupations string // the goals' occupation ids, sorted, comma-separated
	area        int
	day         string // YYYY-MM-DD: the cards count what is open today
}

func newCardKey(goals []jobnet.JobGoal, area int, today time.Time) cardKey {
	ids := make([]int, 0, len(goals))
	for _, g := range goals {
		ids = append(ids, g.OccupationID)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(id))
	}
	return cardKey{occupations: b.String(), area: area, day: today.Format(time.DateOnly)}
}

// Bounds of the shared cards: how many sets are kept (a set is a few kB),
// and how long one is trusted before the DFDG copy is asked again.
const (
	cardCacheSize = 4096
	cardCacheTTL  = 10 * time.Minute
)

// cards returns the cards for goals in area today: shared when another
// Forside computed them already or is computing them, else loaded in one
// round trip.
func (s *Store) cards(ctx context.Context, goals []jobnet.JobGoal, area int, today time.Time) (forsideCards, error) {
	return s.cardCache.load(newCardKey(goals, area, today), func() (forsideCards, error) {
		return s.loadCards(ctx, goals, area, today)
	})
}

// loadCards computes the cards in one round trip.
func (s *Store) loadCards(ctx context.Context, goals []jobnet.JobGoal, area int, today time.Time) (forsideCards, error) {
	occupations := make([]int32, 0, len(goals))
	for _, g := range goals {
		occupations = append(occupations, int32(g.OccupationID))
	}
	var c forsideCards
	b := &pgx.Batch{}
	for _, q := range []struct {
		sql  string
		list *jobnet.JobList[jobnet.JobPosting]
	}{{forsidePostedSQL, &c.Posted}, {forsideSimilarSQL, &c.Similar}, {forsideAppliedSQL, &c.Applied}} {
		list := q.list
		b.Queue(q.sql, area, occupations, today).Query(func(rows pgx.Rows) error {
			for rows.Next() {
				p, err := scanJobPosting(rows, &list.Total)
				if err != nil {
					return err
				}
				list.First = append(list.First, p)
			}
			return rows.Err()
		})
	}
	b.Queue(forsideAgenciesSQL, area, occupations).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var a jobnet.TempAgency
			if err := rows.Scan(&c.Agencies.Total, &a.ID, &a.Name, &a.Town, &a.Phone, &a.Email); err != nil {
				return err
			}
			c.Agencies.First = append(c.Agencies.First, a)
		}
		return rows.Err()
	})
	b.Queue(forsideEmployersSQL, area, occupations, today).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var e jobnet.Employer
			if err := rows.Scan(&c.Employers.Total, &e.ID, &e.Name, &e.Town); err != nil {
				return err
			}
			c.Employers.First = append(c.Employers.First, e)
		}
		return rows.Err()
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return forsideCards{}, wrap("load front page cards", err)
	}
	return c, nil
}
