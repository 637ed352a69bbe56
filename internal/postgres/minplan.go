package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// minPlanJobGoalSQL is the citizen's Jobmål ($1 citizen), with the target
// group of the course it was set in; no row when there is none.
const minPlanJobGoalSQL = `
SELECT g.occupation_id, o.title, g.agreed_by, g.agreed_on, p.target_group
FROM plan_job_goals g
JOIN occupations o ON o.id = g.occupation_id
JOIN target_group_periods p ON p.id = g.target_group_period_id
WHERE g.citizen_id = $1`

// planItemsSelect is the columns of a plan item with its organisation's name
// and the target group of the course it belongs to.
const planItemsSelect = `
SELECT i.id, i.kind, i.title, i.owner, coalesce(i.owner_org_id, 0), coalesce(org.name, ''),
       i.valid_from, i.valid_to, i.agreement, i.agreed_by, i.agreed_on, p.target_group
FROM plan_items i
JOIN target_group_periods p ON p.id = i.target_group_period_id
LEFT JOIN organisations org ON org.id = i.owner_org_id`

// minPlanItemsSQL is every item of the citizen's plan ($1), by start date.
const minPlanItemsSQL = planItemsSelect + `
WHERE i.citizen_id = $1
ORDER BY i.valid_from, i.id`

// minPlanMeetingsSQL is the citizen's planned meetings ($1): those that have
// not ended by $2.
const minPlanMeetingsSQL = `
SELECT m.id, m.title, m.starts_at, m.ends_at, m.form, m.place, m.with_whom,
       m.organisation_id, o.name, o.kind, m.kind, m.target_group
FROM meetings m JOIN organisations o ON o.id = m.organisation_id
WHERE m.citizen_id = $1 AND m.ends_at > $2
ORDER BY m.starts_at, m.id`

// MinPlan loads the citizen's Min Plan — the job goal, the items and the
// meetings planned from now on — as the caseworker may see it
// (access.MinPlan), in one round trip.
func (s *Store) MinPlan(ctx context.Context, cw jobnet.Caseworker, citizenID int64, now time.Time) (jobnet.MinPlan, error) {
	p, err := s.loadMinPlan(ctx, citizenID, now)
	if err != nil {
		return jobnet.MinPlan{}, err
	}
	return access.MinPlan(cw, p), nil
}

// loadMinPlan loads the whole plan, before the law is applied.
func (s *Store) loadMinPlan(ctx context.Context, citizenID int64, now time.Time) (jobnet.MinPlan, error) {
	p := jobnet.MinPlan{OrgNames: map[int64]string{}}
	b := &pgx.Batch{}
	b.Queue(minPlanJobGoalSQL, citizenID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			g := &p.JobGoal
			if err := rows.Scan(&g.OccupationID, &g.Occupation, &g.AgreedBy, &g.AgreedOn, &g.TargetGroup); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	b.Queue(minPlanItemsSQL, citizenID).Query(func(rows pgx.Rows) error {
		var err error
		p.Items, err = scanPlanItems(rows, p.OrgNames)
		return err
	})
	b.Queue(minPlanMeetingsSQL, citizenID, now).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var m jobnet.Meeting
			if err := rows.Scan(&m.ID, &m.Title, &m.StartsAt, &m.EndsAt, &m.Form, &m.Place, &m.WithWhom,
				&m.OrgID, &m.OrgName, &m.OrgKind, &m.Kind, &m.TargetGroup); err != nil {
				return err
			}
			p.Meetings = append(p.Meetings, m)
		}
		return rows.Err()
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return jobnet.MinPlan{}, wrap("load min plan", err)
	}
	return p, nil
}

// scanPlanItems reads rows of planItemsSelect, noting each organisation's
// name in orgNames.
func scanPlanItems(rows pgx.Rows, orgNames map[int64]string) ([]jobnet.PlanItem, error) {
	var items []jobnet.PlanItem
	for rows.Next() {
		var it jobnet.PlanItem
		var orgName string
		var to, agreedOn *time.Time
		if err := rows.Scan(&it.ID, &it.Kind, &it.Title, &it.Owner, &it.OwnerOrgID, &orgName,
			&it.Period.From, &to, &it.Text, &it.AgreedBy, &agreedOn, &it.TargetGroup); err != nil {
			return nil, err
		}
		it.Period.To, it.AgreedOn = deref(to), deref(agreedOn)
		if it.OwnerOrgID != 0 && orgNames != nil {
			orgNames[it.OwnerOrgID] = orgName
		}
		items = append(items, it)
	}
	return items, rows.Err()
}
