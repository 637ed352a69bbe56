package demo

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// bulkBatch citizens are generated, then copied, at a time: the loader
// holds at most two batches (one being copied while the next is made).
const bulkBatch = 5_000

// bulkTableOrder is the order the tables are copied in, parents first, and
// the columns the generator fills. Ids that other rows refer to are the
// generator's (numbered after the highest id already there); the others
// come from the tables' sequences.
var bulkTableOrder = []struct {
	name    string
	columns []string
}{
	{"employers", []string{"id", "cvr", "name", "town", "kommune_number"}},
	{"job_postings", []string{"id", "title", "occupation_id", "employer_id", "workplace", "address", "postal_code", "town",
		"kommune_number", "working_hours", "posted_on", "deadline", "description", "applicants", "apply_url"}},
	{"temp_agencies", []string{"id", "name", "town", "kommune_number", "phone", "email"}},
	{"temp_agency_groups", []string{"agency_id", "group_id"}},
	{"citizens", []string{"id", "cpr", "name", "kommune_number", "jobcenter_id"}},
	{"akasse_memberships", []string{"citizen_id", "akasse_id", "valid_from", "valid_to"}},
	{"kontaktgruppe_registrations", []string{"citizen_id", "kontaktgruppe", "tilmeldekategori", "registered", "jobcenter_id", "valid_from", "valid_to"}},
	{"target_group_periods", []string{"id", "citizen_id", "target_group", "valid_from", "valid_to"}},
	{"plan_items", []string{"id", "citizen_id", "target_group_period_id", "kind", "title", "owner", "owner_org_id",
		"valid_from", "valid_to", "agreement", "agreed_by", "agreed_on"}},
	{"plan_job_goals", []string{"citizen_id", "target_group_period_id", "occupation_id", "jobcenter_id", "agreed_by", "agreed_on"}},
	{"meetings", []string{"id", "citizen_id", "title", "starts_at", "ends_at", "form", "place", "with_whom", "organisation_id", "kind", "target_group"}},
	{"meeting_offer_citizens", []string{"offer_id", "citizen_id", "offered_at"}},
	{"messages", []string{"id", "citizen_id", "from_name", "from_org_name", "from_org_id", "title", "body", "sent_at", "read_at"}},
	{"message_parties", []string{"message_id", "organisation_id"}},
	{"absences", []string{"citizen_id", "type", "valid_from", "valid_to", "comment", "registered_by", "registered_org", "registered_at", "lawful_for"}},
	{"dagpenge_counters", []string{"citizen_id", "as_of", "rules_as_of", "part_time", "dimittend", "period_start", "period_end", "period_used",
		"extension_from", "extension_to", "extension_earned", "extension_used", "reearn_worked", "karens_from", "karens_to", "karens_worked", "karens_deductions"}},
	{"dagpenge_months", []string{"citizen_id", "month", "hours_worked", "hours_consumed"}},
	{"supplerende_dagpenge_counters", []string{"citizen_id", "as_of", "window_from", "window_to", "weeks_used"}},
	{"joblog_entries", []string{"citizen_id", "kind", "title", "employer", "status", "how_applied", "applied_on", "activity_on", "deadline",
		"closed", "created_at", "updated_at", "postal_code", "town"}},
	{"saved_jobs", []string{"citizen_id", "posting_id", "saved_at"}},
	{"cvs", []string{"id", "citizen_id", "searchable", "europe_visible", "profile", "email", "phones", "address", "changed_at"}},
	{"cv_experiences", []string{"cv_id", "title", "employer", "from_month", "to_month", "responsibilities"}},
	{"cv_educations", []string{"cv_id", "kind", "title", "institution", "completed"}},
	{"cv_qualifications", []string{"cv_id", "position", "name"}},
	{"cv_languages", []string{"cv_id", "position", "language", "level"}},
	{"cv_driving_licences", []string{"cv_id", "category", "description"}},
	{"presentation_cvs", []string{"citizen_id", "content", "changed_at"}},
	{"preparation_forms", []string{"id", "citizen_id", "variant", "submitted_at"}},
	{"preparation_form_answers", []string{"form_id", "number", "question", "answers"}},
	{"job_goals", []string{"citizen_id", "occupation_id", "position", "educated", "experience_months", "last_worked_year"}},
	{"employment_conditions", []string{"citizen_id", "weekly_hours", "starts"}},
	{"search_profiles", []string{"id", "citizen_id", "name", "free_text", "agent_frequency", "created_at"}},
	{"search_profile_occupations", []string{"profile_id", "occupation_id"}},
	{"search_profile_areas", []string{"profile_id", "kommune_number", "region_code"}},
	{"frontpage_notifications", []string{"citizen_id", "kind", "title", "occurred_at", "link", "plan_item_id", "meeting_id", "offer_id", "message_id"}},
	{"frontpage_reminders", []string{"citizen_id", "kind", "created_on", "done_on"}},
	{"job_goal_banners", []string{"citizen_id", "raised_on", "dismissed_at"}},
}

// bulkIDTables are the tables whose ids the generator numbers.
var bulkIDTables = []string{"employers", "job_postings", "temp_agencies", "citizens", "target_group_periods", "plan_items",
	"meetings", "messages", "cvs", "preparation_forms", "search_profiles"}

// bulkRows are one batch's rows, by table (in bulkTableOrder's order).
type bulkRows [][][]any

func newBulkRows() bulkRows { return make(bulkRows, len(bulkTableOrder)) }

// bulkTableIndex finds a table's place in bulkTableOrder.
var bulkTableIndex = func() map[string]int {
	m := map[string]int{}
	for i, t := range bulkTableOrder {
		m[t.name] = i
	}
	return m
}()

func (r bulkRows) add(table string, row ...any) {
	i, ok := bulkTableIndex[table]
	if !ok || len(row) != len(bulkTableOrder[i].columns) {
		panic(fmt.Sprintf("demo: bulk: %d values for %s", len(row), table))
	}
	r[i] = append(r[i], row)
}

// LoadBulk adds n generated citizens (BulkCitizenAt 0 … n-1 of seed) with
// all their data, and a job market of their size, to a database that Load
// has filled: it needs the demo organisations, occupations and meeting
// offers. It loads in one transaction, so a failed load leaves nothing, and
// analyzes the tables after, so the planner knows their new size. A seed
// can be loaded once.
func LoadBulk(ctx context.Context, pool *pgxpool.Pool, today time.Time, n int, seed int64) error {
	return LoadBulkReporting(ctx, pool, today, n, seed, io.Discard)
}

// LoadBulkReporting is LoadBulk, writing its progress to w: each phase and,
// at the end, every table's rows.
//
// The tables' plain indexes and foreign keys are dropped for the load and
// made again after it, in the same transaction: building an index once is
// much faster than keeping it up to date row by row, and adding a foreign
// key checks every row in one join. The CHECK constraints and the unique
// indexes stay and check every row as it comes.
func LoadBulkReporting(ctx context.Context, pool *pgxpool.Pool, today time.Time, n int, seed int64, w io.Writer) error {
	if n <= 0 {
		return nil
	}
	if n > MaxBulk {
		return fmt.Errorf("demo: bulk: at most %d citizens", MaxBulk)
	}
	start := time.Now()
	say := func(format string, args ...any) {
		fmt.Fprintf(w, "%6.1f s  ", time.Since(start).Seconds())
		fmt.Fprintf(w, format+"\n", args...)
	}
	today = jobnet.Day(today)
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	g, err := newBulkGen(ctx, tx, today, n, seed)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `SET LOCAL maintenance_work_mem = '256MB'`); err != nil {
		return fmt.Errorf("demo: bulk: %w", err)
	}
	restore, err := bulkDropIndexes(ctx, tx)
	if err != nil {
		return err
	}
	say("%d indekser og fremmednøgler lagt til side under indlæsningen", len(restore))

	totals := make([]int64, len(bulkTableOrder))
	spent := make([]time.Duration, len(bulkTableOrder)) // copying each table
	copyRows := func(rows bulkRows) error {
		for i, t := range bulkTableOrder {
			if len(rows[i]) == 0 {
				continue
			}
			began := time.Now()
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{t.name}, t.columns, pgx.CopyFromRows(rows[i])); err != nil {
				return fmt.Errorf("demo: bulk: copy %s: %w", t.name, err)
			}
			spent[i] += time.Since(began)
			totals[i] += int64(len(rows[i]))
		}
		return nil
	}

	market := g.market()
	if err := copyRows(market); err != nil {
		return err
	}
	say("arbejdsmarked: %d arbejdsgivere, %d stillingsopslag (%d åbne), %d vikarbureauer",
		g.employers, g.postings, g.openPostings, g.agencies)

	// One goroutine makes the batches while this one copies the last.
	batches := make(chan bulkRows, 1)
	genCtx, stop := context.WithCancel(ctx)
	defer stop()
	go func() {
		defer close(batches)
		for from := 0; from < n; from += bulkBatch {
			rows := newBulkRows()
			for i := from; i < min(from+bulkBatch, n); i++ {
				g.citizen(rows, i)
			}
			select {
			case batches <- rows:
			case <-genCtx.Done():
				return
			}
		}
	}()
	done, lastSaid := 0, time.Now()
	for rows := range batches {
		if err := copyRows(rows); err != nil {
			stop()
			for range batches {
			}
			return err
		}
		done = min(done+bulkBatch, n)
		if time.Since(lastSaid) > 10*time.Second || done == n {
			lastSaid = time.Now()
			say("borgere: %d af %d (%d%%), %d rækker", done, n, done*100/n, sum(totals))
		}
	}

	for _, t := range bulkIDTables {
		if _, err := tx.Exec(ctx, fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', 'id'), (SELECT max(id) FROM %s))`, t, t)); err != nil {
			return fmt.Errorf("demo: bulk: ids of %s: %w", t, err)
		}
	}
	for _, r := range restore {
		t := time.Now()
		if _, err := tx.Exec(ctx, r.sql); err != nil {
			return fmt.Errorf("demo: bulk: %s: %w", r.name, err)
		}
		if d := time.Since(t); d > time.Second {
			say("%s: %.1f s", r.name, d.Seconds())
		}
	}
	say("indekser og fremmednøgler genskabt og kontrolleret")
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	tables := make([]string, len(bulkTableOrder))
	for i, t := range bulkTableOrder {
		tables[i] = t.name
	}
	if _, err := pool.Exec(ctx, `ANALYZE `+joinNames(tables)); err != nil {
		return fmt.Errorf("demo: bulk: analyze: %w", err)
	}
	say("analyseret")
	for i, t := range bulkTableOrder {
		fmt.Fprintf(w, "  %-32s %10d rækker %6.1f s\n", t.name, totals[i], spent[i].Seconds())
	}
	fmt.Fprintf(w, "  %-32s %10d rækker på %.0f s\n", "i alt", sum(totals), time.Since(start).Seconds())
	return nil
}

func sum(xs []int64) int64 {
	var s int64
	for _, x := range xs {
		s += x
	}
	return s
}

func joinNames(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}

// bulkRestore is a statement that makes again an index or foreign key the
// load dropped.
type bulkRestore struct{ name, sql string }

// bulkDropIndexes drops the plain (not unique) indexes and the foreign keys
// of the tables the load fills, and returns how to make them again: indexes
// first, so that checking the foreign keys can use them.
func bulkDropIndexes(ctx context.Context, tx pgx.Tx) ([]bulkRestore, error) {
	tables := make([]string, len(bulkTableOrder))
	for i, t := range bulkTableOrder {
		tables[i] = t.name
	}
	var restore []bulkRestore
	var drops []string
	rows, err := tx.Query(ctx, `
SELECT name, def, drop_sql FROM (
SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def, 'DROP INDEX ' || i.indexrelid::regclass::text AS drop_sql
FROM pg_index i WHERE i.indrelid = ANY($1::text[]::regclass[]) AND NOT i.indisunique AND NOT i.indisprimary
UNION ALL
SELECT c.conname, format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)),
       format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname)
FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = ANY($1::text[]::regclass[])
) d ORDER BY def LIKE 'ALTER%', name`, tables)
	if err != nil {
		return nil, fmt.Errorf("demo: bulk: indexes: %w", err)
	}
	for rows.Next() {
		var r bulkRestore
		var drop string
		if err := rows.Scan(&r.name, &r.sql, &drop); err != nil {
			return nil, err
		}
		restore = append(restore, r)
		drops = append(drops, drop)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("demo: bulk: indexes: %w", err)
	}
	for _, d := range drops {
		if _, err := tx.Exec(ctx, d); err != nil {
			return nil, fmt.Errorf("demo: bulk: %s: %w", d, err)
		}
	}
	return restore, nil
}
