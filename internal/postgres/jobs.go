package postgres

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// Find Job and "Jeg søger job som" (SPEC §5.2).

// jobsOpenOn keeps the postings that can be applied for on the day in
// parameter n: posted, and the deadline not passed ("Snarest" has none).
func jobsOpenOn(n string) string {
	return `p.posted_on <= ` + n + `::date AND (p.deadline IS NULL OR p.deadline >= ` + n + `::date)`
}

// jobsPostingColumns are the columns scanJobPosting reads, over
// jobsPostingFrom.
const jobsPostingColumns = `p.id, p.title, o.title AS occupation, p.workplace, p.address, p.postal_code, p.town,
	k.name AS kommune, p.working_hours, p.posted_on, p.deadline, p.description, p.applicants, coalesce(p.apply_url, '') AS apply_url`

const jobsPostingFrom = `job_postings p JOIN occupations o ON o.id = p.occupation_id JOIN kommuner k ON k.number = p.kommune_number`

func scanJobPosting(rows pgx.Rows, extra ...any) (jobnet.JobPosting, error) {
	var p jobnet.JobPosting
	var deadline *time.Time
	dest := append(extra, &p.ID, &p.Title, &p.Occupation, &p.Workplace, &p.Address, &p.PostalCode, &p.Town, &p.Kommune,
		&p.WorkingHours, &p.Posted, &deadline, &p.Description, &p.Applicants, &p.ApplyURL)
	if err := rows.Scan(dest...); err != nil {
		return p, err
	}
	p.Deadline = deref(deadline)
	return p, nil
}

const jobsOccupationsSQL = `
SELECT o.id, o.title, g.name FROM occupations o JOIN occupation_groups g ON g.id = o.group_id
ORDER BY o.title COLLATE "da-x-icu"`

const jobsRegionsSQL = `SELECT code, name FROM regions ORDER BY name COLLATE "da-x-icu"`

const jobsAreasSQL = `SELECT id, name, region_code FROM labour_market_areas ORDER BY name COLLATE "da-x-icu"`

const jobsKommunerSQL = `SELECT number, name, area_id FROM kommuner ORDER BY name COLLATE "da-x-icu"`

// jobsProfilesSQL lists a citizen's saved searches, newest first, with the
// occupations and areas each looks in.
const jobsProfilesSQL = `
SELECT p.id, p.name, p.free_text, coalesce(p.agent_frequency, ''), p.created_at,
       array(SELECT o.title FROM search_profile_occupations po JOIN occupations o ON o.id = po.occupation_id
             WHERE po.profile_id = p.id ORDER BY o.title COLLATE "da-x-icu"),
       array(SELECT coalesce(k.name, r.name) FROM search_profile_areas a
             LEFT JOIN kommuner k ON k.number = a.kommune_number LEFT JOIN regions r ON r.code = a.region_code
             WHERE a.profile_id = p.id ORDER BY a.id)
FROM search_profiles p WHERE p.citizen_id = $1
ORDER BY p.created_at DESC, p.id DESC`

// SearchJobs loads one page of Find Job: the lists the filters offer, the
// open postings that match q (newest first), and the citizen's search
// profiles, in one round trip. A filter naming an occupation or area that
// does not exist is left out of the search, so that the page can show the
// other filters' hits beside the message. A page past the last gives the
// last. A search profile runs only if it is the citizen's: another's finds
// nothing.
//
// The number of hits is the search's cost (it reads every open posting
// that matches), so it is counted once a day and shared (countCache): a
// search nobody has counted yet takes a round trip more. The page itself
// is a walk down the newest postings.
func (s *Store) SearchJobs(ctx context.Context, citizenID int64, q jobnet.JobQuery, today time.Time) (jobnet.JobSearch, error) {
	count := func(q jobnet.JobQuery) (int, error) {
		return s.countCache.load(newJobCountKey(citizenID, q, today), func() (int, error) {
			return s.countJobs(ctx, citizenID, q, today)
		})
	}
	total, err := count(q)
	if err != nil {
		return jobnet.JobSearch{}, err
	}
	walk := 0
	if len(q.Words) > 0 && q.ProfileID == 0 && total > 0 {
		// How many postings the words are looked for among: the same
		// search without them.
		all := q
		all.Words = nil
		open, err := count(all)
		if err != nil {
			return jobnet.JobSearch{}, err
		}
		offset := (jobsShownPage(q.Page, total) - 1) * jobnet.PageSize
		if !jobsGather(offset, open, total) {
			walk = jobsWalkAmong(offset, open, total)
		}
	}
	r, err := s.searchJobs(ctx, citizenID, q, today, total, walk)
	if err == nil && walk > 0 && len(r.Hits) < min(jobnet.PageSize, total-(r.Page-1)*jobnet.PageSize) {
		// The newest postings held fewer of the hits than they would
		// spread evenly: gathered instead.
		return s.searchJobs(ctx, citizenID, q, today, total, 0)
	}
	return r, err
}

// jobsShownPage is the page shown of total hits when page is asked for:
// that page or, past the end, the last.
func jobsShownPage(page, total int) int {
	return min(max(page, 1), max((total+jobnet.PageSize-1)/jobnet.PageSize, 1))
}

// searchJobs loads the page of q's total hits in one round trip (a word
// search's page walked among the walk newest postings, or gathered: see
// jobsPageSQL).
func (s *Store) searchJobs(ctx context.Context, citizenID int64, q jobnet.JobQuery, today time.Time, total, walk int) (jobnet.JobSearch, error) {
	r := jobnet.JobSearch{Total: total}
	b := &pgx.Batch{}
	b.Queue(jobsOccupationsSQL).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var o jobnet.Occupation
			if err := rows.Scan(&o.ID, &o.Title, &o.Group); err != nil {
				return err
			}
			r.Occupations = append(r.Occupations, o)
		}
		return rows.Err()
	})
	b.Queue(jobsRegionsSQL).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var g jobnet.Region
			if err := rows.Scan(&g.Code, &g.Name); err != nil {
				return err
			}
			r.Regions = append(r.Regions, g)
		}
		return rows.Err()
	})
	b.Queue(jobsAreasSQL).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var a jobnet.LabourMarketArea
			if err := rows.Scan(&a.ID, &a.Name, &a.RegionCode); err != nil {
				return err
			}
			r.Areas = append(r.Areas, a)
		}
		return rows.Err()
	})
	b.Queue(jobsKommunerSQL).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var k jobnet.Kommune
			if err := rows.Scan(&k.Number, &k.Name, &k.AreaID); err != nil {
				return err
			}
			r.Kommuner = append(r.Kommuner, k)
		}
		return rows.Err()
	})
	if total > 0 { // no hits is no page (0)
		r.Page = jobsShownPage(q.Page, total)
		sql, args := jobsPageSQL(citizenID, q, today, r.Page, walk)
		b.Queue(sql, args...).Query(func(rows pgx.Rows) error {
			for rows.Next() {
				p, err := scanJobPosting(rows)
				if err != nil {
					return err
				}
				r.Hits = append(r.Hits, p)
			}
			return rows.Err()
		})
	}
	b.Queue(jobsProfilesSQL, citizenID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var p jobnet.SearchProfile
			if err := rows.Scan(&p.ID, &p.Name, &p.FreeText, &p.AgentFrequency, &p.Created, &p.Occupations, &p.Areas); err != nil {
				return err
			}
			r.Profiles = append(r.Profiles, p)
		}
		return rows.Err()
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return jobnet.JobSearch{}, wrap("search jobs", err)
	}
	return r, nil
}

// jobCountKey names one search on one day: the same words and filters find
// the same postings for every citizen. A saved search is run only for its
// own citizen, so its count is theirs.
type jobCountKey struct {
	words      string // NUL-separated, as typed
	occupation int
	area       jobnet.AreaRef
	profile    int64
	citizen    int64 // only with a profile
	day        string
}

func newJobCountKey(citizenID int64, q jobnet.JobQuery, today time.Time) jobCountKey {
	k := jobCountKey{words: strings.Join(q.Words, "\x00"), occupation: q.OccupationID, area: q.Area,
		profile: q.ProfileID, day: today.Format(time.DateOnly)}
	if q.ProfileID != 0 {
		k.citizen = citizenID
	}
	return k
}

// Bounds of the shared counts: a count is a few bytes and its key a few
// words; the TTL is the cards' (see cardCacheTTL).
const (
	jobCountCacheSize = 16384
	jobCountCacheTTL  = cardCacheTTL
)

// jobsFilter is the condition a posting must meet to be a hit of q today:
// one ILIKE per word (each can use the trigram index), and the occupation,
// area and saved-search filters. Its arguments are args's, from $1 (today).
func jobsFilter(citizenID int64, q jobnet.JobQuery, today time.Time, args *sqlArgs) string {
	arg := args.add
	arg(today)
	var where strings.Builder
	where.WriteString(jobsOpenOn("$1"))
	for _, w := range q.Words {
		where.WriteString(" AND p.search_text ILIKE " + arg(jobsLike(w)))
	}
	if q.OccupationID != 0 {
		n := arg(q.OccupationID) + "::integer"
		where.WriteString(" AND (p.occupation_id = " + n + " OR NOT EXISTS (SELECT FROM occupations WHERE id = " + n + "))")
	}
	switch q.Area.Kind {
	case jobnet.AreaKommune:
		n := arg(q.Area.Code) + "::text"
		where.WriteString(" AND (p.kommune_number = " + n + " OR NOT EXISTS (SELECT FROM kommuner WHERE number = " + n + "))")
	case jobnet.AreaRegion:
		n := arg(q.Area.Code) + "::text"
		where.WriteString(" AND (p.kommune_number IN (SELECT k.number FROM kommuner k JOIN labour_market_areas a ON a.id = k.area_id WHERE a.region_code = " + n + ")" +
			" OR NOT EXISTS (SELECT FROM regions WHERE code = " + n + "))")
	case jobnet.AreaLabour:
		id, _ := strconv.Atoi(q.Area.Code)
		n := arg(id) + "::smallint"
		where.WriteString(" AND (p.kommune_number IN (SELECT number FROM kommuner WHERE area_id = " + n + ")" +
			" OR NOT EXISTS (SELECT FROM labour_market_areas WHERE id = " + n + "))")
	}
	if q.ProfileID != 0 {
		// The citizen's saved search: its free text, occupations and areas
		// (a kommune, or every kommune of a region); what it leaves empty
		// does not limit.
		n := arg(q.ProfileID) + "::bigint"
		where.WriteString(` AND EXISTS (SELECT FROM search_profiles WHERE id = ` + n + ` AND citizen_id = ` + arg(citizenID) + `::bigint)
			AND p.search_text ILIKE ALL (SELECT '%' || replace(replace(replace(w, '\', '\\'), '%', '\%'), '_', '\_') || '%'
				FROM search_profiles sp, regexp_split_to_table(sp.free_text, '\s+') w WHERE sp.id = ` + n + ` AND w <> '')
			AND (p.occupation_id IN (SELECT occupation_id FROM search_profile_occupations WHERE profile_id = ` + n + `)
				OR NOT EXISTS (SELECT FROM search_profile_occupations WHERE profile_id = ` + n + `))
			AND (p.kommune_number IN (SELECT coalesce(a.kommune_number, k.number) FROM search_profile_areas a
					LEFT JOIN labour_market_areas l ON l.region_code = a.region_code LEFT JOIN kommuner k ON k.area_id = l.id
					WHERE a.profile_id = ` + n + `)
				OR NOT EXISTS (SELECT FROM search_profile_areas WHERE profile_id = ` + n + `))`)
	}
	return where.String()
}

// sqlArgs are a statement's arguments as they are written into it.
type sqlArgs []any

// add appends v and returns its placeholder.
func (a *sqlArgs) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// jobsPageSQL is page number page of q's hits, newest first, when their
// number is known. Without words the page walks job_postings_newest from
// the newest, joining only its rows. With words it is either found among
// the walk newest open postings that meet the other filters, or, with walk
// 0, gathered by the trigram index and sorted, narrow (id and date) until
// the page's rows are joined. Either form has one plan whatever the words:
// Postgres plans a prepared statement for the words it is given the first
// five times, and after that once for any words, and each plan was slow
// for some words (see jobsGather).
func jobsPageSQL(citizenID int64, q jobnet.JobQuery, today time.Time, page, walk int) (string, []any) {
	var args sqlArgs
	filter := q
	if walk > 0 {
		filter.Words = nil // tested on the walked rows below
	}
	where := jobsFilter(citizenID, filter, today, &args)
	var words strings.Builder
	var among string
	if walk > 0 {
		for _, w := range q.Words {
			words.WriteString(" AND n.search_text ILIKE " + args.add(jobsLike(w)))
		}
		among = args.add(walk)
	}
	offset, limit := args.add((page-1)*jobnet.PageSize), args.add(jobnet.PageSize)
	switch {
	case walk > 0:
		// The words are tested on the walked rows' text as the walk read
		// it: no second look-up of the postings that are not hits, and no
		// index that a plan could gather the word's postings by instead.
		return `
WITH newest AS MATERIALIZED (SELECT p.id, p.search_text FROM job_postings p WHERE ` + where + `
                             ORDER BY p.posted_on DESC, p.id DESC LIMIT ` + among + `)
SELECT ` + jobsPostingColumns + ` FROM ` + jobsPostingFrom + `
WHERE p.id IN (SELECT n.id FROM newest n WHERE true` + words.String() + `)
ORDER BY p.posted_on DESC, p.id DESC OFFSET ` + offset + ` LIMIT ` + limit, args
	case len(q.Words) > 0 && q.ProfileID == 0:
		return `
WITH hits AS MATERIALIZED (SELECT p.id, p.posted_on FROM job_postings p WHERE ` + where + `),
     pick AS (SELECT p.id FROM hits p ORDER BY p.posted_on DESC, p.id DESC OFFSET ` + offset + ` LIMIT ` + limit + `)
SELECT ` + jobsPostingColumns + ` FROM ` + jobsPostingFrom + ` WHERE p.id IN (SELECT id FROM pick)
ORDER BY p.posted_on DESC, p.id DESC`, args
	}
	return `SELECT ` + jobsPostingColumns + ` FROM ` + jobsPostingFrom + ` WHERE ` + where + `
    ORDER BY p.posted_on DESC, p.id DESC OFFSET ` + offset + ` LIMIT ` + limit, args
}

// jobsGather says whether a page of a search with words is better gathered
// than walked: walking down the newest postings tests about
// (offset + page size) × open / hits of them, gathering reads every hit.
// Planned by Postgres for any words, the page gathered "pædagog"'s 3,400
// hits on every page (34 ms at a million citizens) where a walk tests 240
// postings; planned for the word, the walk tested every open posting for
// a word Postgres could not estimate (250 ms).
func jobsGather(offset, open, hits int) bool {
	return int64(offset+jobnet.PageSize)*int64(open) > int64(hits)*int64(hits)
}

// jobsWalkAmong is how many of the newest open postings a walked page looks
// among: half as many again as hold the page's hits if they are spread
// evenly, and fifty more; testing the words is most of the page's cost
// (about 6 µs a posting). searchJobs gathers the page when they hold fewer
// hits, which, were the hits spread at random, would happen to about one
// first page of "pædagog" in 200.
func jobsWalkAmong(offset, open, hits int) int {
	n := 3*int64(offset+jobnet.PageSize)*int64(open)/(2*int64(max(hits, 1))) + 50
	return int(min(n, int64(open)))
}

// countJobs counts q's hits.
func (s *Store) countJobs(ctx context.Context, citizenID int64, q jobnet.JobQuery, today time.Time) (int, error) {
	var args sqlArgs
	where := jobsFilter(citizenID, q, today, &args)
	var n int
	b := &pgx.Batch{}
	b.Queue(`SELECT count(*)::integer FROM job_postings p WHERE `+where, args...).QueryRow(func(r pgx.Row) error { return r.Scan(&n) })
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return 0, wrap("count jobs", err)
	}
	return n, nil
}

// jobsLike is an ILIKE pattern for a word anywhere in the text.
func jobsLike(word string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(word) + "%"
}

// jobsGoalsSQL lists a citizen's job goals in the citizen's order.
const jobsGoalsSQL = `
SELECT g.id, g.occupation_id, o.title, og.name, g.educated, g.experience_months, coalesce(g.last_worked_year, 0)
FROM job_goals g JOIN occupations o ON o.id = g.occupation_id JOIN occupation_groups og ON og.id = o.group_id
WHERE g.citizen_id = $1 ORDER BY g.position`

func queueJobGoals(b *pgx.Batch, citizenID int64, goals *[]jobnet.JobGoal) {
	b.Queue(jobsGoalsSQL, citizenID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var g jobnet.JobGoal
			if err := rows.Scan(&g.ID, &g.OccupationID, &g.Title, &g.Group, &g.Educated, &g.ExperienceMonths, &g.LastWorkedYear); err != nil {
				return err
			}
			*goals = append(*goals, g)
		}
		return rows.Err()
	})
}

// JobGoals loads "Jeg søger job som": the job goals and the employment
// conditions. It only reads: a citizen without any gets empty values, and
// nothing is created for them (seed 002 §2.3).
func (s *Store) JobGoals(ctx context.Context, citizenID int64) (jobnet.JobGoals, error) {
	var g jobnet.JobGoals
	b := &pgx.Batch{}
	queueJobGoals(b, citizenID, &g.Goals)
	b.Queue(`SELECT coalesce(weekly_hours, ''), starts FROM employment_conditions WHERE citizen_id = $1`, citizenID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			if err := rows.Scan(&g.Conditions.WeeklyHours, &g.Conditions.Starts); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return jobnet.JobGoals{}, wrap("load job goals", err)
	}
	return g, nil
}

// JobPosting loads a posting that can be applied for today, for its own
// page. A posting that is not open (not yet posted, or its deadline passed)
// or does not exist is ErrNotFound.
func (s *Store) JobPosting(ctx context.Context, id int64, today time.Time) (jobnet.JobPosting, error) {
	var p jobnet.JobPosting
	found := false
	b := &pgx.Batch{}
	b.Queue(`SELECT `+jobsPostingColumns+` FROM `+jobsPostingFrom+` WHERE p.id = $2 AND `+jobsOpenOn("$1"), today, id).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var err error
			if p, err = scanJobPosting(rows); err != nil {
				return err
			}
			found = true
		}
		return rows.Err()
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return jobnet.JobPosting{}, wrap("load job posting", err)
	}
	if !found {
		return jobnet.JobPosting{}, wrap("load job posting", pgx.ErrNoRows)
	}
	return p, nil
}
