package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// The Forside (SPEC §5.1): the five cards, made from the citizen's job
// goals and labour-market area, the notifications, the open reminders and
// the banner. The cards are shared (forside_cards.go): their queries take
// the labour-market area $1, the goals' occupations $2 and today $3.

// forsideWith names the labour-market area's kommuner and the goals'
// occupations and groups, for the cards' queries.
const forsideWith = `
WITH area AS (SELECT k.number FROM kommuner k WHERE k.area_id = $1),
     goals AS (SELECT o.id AS occupation_id, o.group_id FROM occupations o WHERE o.id = ANY($2::int[]))`

// Each card counts what it found and names the first three.

// forsidePostingsCard is a card of open postings in the area: those that
// meet cond, counted, and the first three by order (over p). The hits are
// gathered narrow first, by the occupation and the area's open postings'
// indexes (the area as an array, so that it is an index condition rather
// than a join). Counted over the full rows with count(*) OVER () and a
// LIMIT, the planner walked job_postings_newest through every open posting
// of the country: 3.8 s cold and 176,000 buffers for Opslåede at a million
// citizens, against 10-16 ms and 930 heap blocks now.
func forsidePostingsCard(cond, order string) string {
	return forsideWith + `,
     hits AS MATERIALIZED (SELECT p.id, p.posted_on, p.applicants FROM job_postings p
         WHERE ` + cond + ` AND p.kommune_number = ANY (ARRAY(SELECT number FROM area)) AND ` + jobsOpenOn("$3") + `)
SELECT (SELECT count(*) FROM hits), ` + jobsPostingColumns + ` FROM ` + jobsPostingFrom + `
WHERE p.id IN (SELECT p.id FROM hits p ORDER BY ` + order + ` LIMIT 3)
ORDER BY ` + order
}

// Opslåede stillinger: open postings in the area for the goals' occupations,
// newest first.
var forsidePostedSQL = forsidePostingsCard(`p.occupation_id IN (SELECT occupation_id FROM goals)`,
	`p.posted_on DESC, p.id DESC`)

// Lignende job: open postings in the area for other occupations of the
// goals' occupation groups, newest first.
var forsideSimilarSQL = forsidePostingsCard(`p.occupation_id IN (SELECT o.id FROM occupations o WHERE o.group_id IN (SELECT group_id FROM goals))
         AND p.occupation_id NOT IN (SELECT occupation_id FROM goals)`,
	`p.posted_on DESC, p.id DESC`)

// Søgte job: the open postings in the area for the goals' occupations that
// most job seekers have registered as applied for in their Joblog.
var forsideAppliedSQL = forsidePostingsCard(`p.occupation_id IN (SELECT occupation_id FROM goals) AND p.applicants > 0`,
	`p.applicants DESC, p.posted_on DESC, p.id DESC`)

// Vikarbureauer: temp agencies in the area placing people in the goals'
// occupation groups.
const forsideAgenciesSQL = forsideWith + `
SELECT count(*) OVER (), a.id, a.name, a.town, a.phone, a.email FROM temp_agencies a
WHERE a.kommune_number IN (SELECT number FROM area)
  AND EXISTS (SELECT FROM temp_agency_groups tg WHERE tg.agency_id = a.id AND tg.group_id IN (SELECT group_id FROM goals))
ORDER BY a.name COLLATE "da-x-icu", a.id LIMIT 3`

// Uopfordret: employers in the area that have hired in the goals' trade
// (a posting in the goals' occupation groups within two years) but have no
// open posting for the goals' occupations now: where an unsolicited
// application is worth sending. Those that posted most in the trade first.
var forsideEmployersSQL = forsideWith + `,
     trade AS (SELECT p.employer_id, count(*) AS n FROM job_postings p JOIN occupations o ON o.id = p.occupation_id
               WHERE o.group_id IN (SELECT group_id FROM goals) AND p.posted_on > $3::date - 730 AND p.posted_on <= $3::date
               GROUP BY p.employer_id)
SELECT count(*) OVER (), e.id, e.name, e.town FROM employers e JOIN trade t ON t.employer_id = e.id
WHERE e.kommune_number IN (SELECT number FROM area)
  AND NOT EXISTS (SELECT FROM job_postings p WHERE p.employer_id = e.id AND p.occupation_id IN (SELECT occupation_id FROM goals)
                  AND ` + jobsOpenOn("$3") + `)
ORDER BY t.n DESC, e.name COLLATE "da-x-icu", e.id LIMIT 3`

const forsideAreaSQL = `
SELECT a.id, a.name, a.region_code FROM citizens c JOIN kommuner k ON k.number = c.kommune_number
JOIN labour_market_areas a ON a.id = k.area_id WHERE c.id = $1`

// forsideNotificationsSQL is the citizen's newest notifications, each with
// what it is about: the kind and target group of a plan item, meeting or
// offer, the sender and parties of a message. Two second lines for the
// rules of access.Notifications: a notification that names nothing of the
// citizen's is not loaded, and the title of one about a message is read
// only where organisation $2 is a party to the message.
const forsideNotificationsSQL = `
SELECT n.kind,
       CASE WHEN n.message_id IS NULL OR m.from_org_id = $2
                 OR EXISTS (SELECT FROM message_parties p WHERE p.message_id = m.id AND p.organisation_id = $2)
            THEN n.title ELSE '' END,
       n.occurred_at, n.link,
       i.id, i.kind, ip.target_group,
       mt.id, mt.kind, mt.target_group,
       o.id, o.kind, o.target_group,
       m.id, m.from_name, m.from_org_name, coalesce(m.from_org_id, 0),
       array(SELECT p.organisation_id FROM message_parties p WHERE p.message_id = m.id ORDER BY 1),
       m.sent_at, m.read_at
FROM frontpage_notifications n
LEFT JOIN plan_items i ON i.id = n.plan_item_id AND i.citizen_id = n.citizen_id
LEFT JOIN target_group_periods ip ON ip.id = i.target_group_period_id
LEFT JOIN meetings mt ON mt.id = n.meeting_id AND mt.citizen_id = n.citizen_id
LEFT JOIN meeting_offers o ON o.id = n.offer_id
     AND EXISTS (SELECT FROM meeting_offer_citizens oc WHERE oc.offer_id = o.id AND oc.citizen_id = n.citizen_id)
LEFT JOIN messages m ON m.id = n.message_id AND m.citizen_id = n.citizen_id
WHERE n.citizen_id = $1 AND num_nonnulls(i.id, mt.id, o.id, m.id) = 1
ORDER BY n.occurred_at DESC, n.id DESC LIMIT 10`

const forsideRemindersSQL = `
SELECT id, kind, created_on FROM frontpage_reminders WHERE citizen_id = $1 AND done_on IS NULL
ORDER BY created_on DESC, id DESC`

const forsideBannerSQL = `SELECT EXISTS (SELECT FROM job_goal_banners WHERE citizen_id = $1 AND dismissed_at IS NULL)`

// FrontPage loads what the Forside shows, as the caseworker may see it
// (access.FrontPage): the citizen's part in one round trip, and the cards
// in a second one only when no Forside has computed them yet today.
func (s *Store) FrontPage(ctx context.Context, cw jobnet.Caseworker, citizenID int64, today time.Time) (jobnet.FrontPage, error) {
	f, err := s.loadFrontPage(ctx, citizenID, cw.Org.ID, today)
	if err != nil {
		return jobnet.FrontPage{}, err
	}
	return access.FrontPage(cw, f, today), nil
}

// loadFrontPage loads the page's data as organisation readerOrgID may have
// it from the database, before the law is applied in Go.
func (s *Store) loadFrontPage(ctx context.Context, citizenID, readerOrgID int64, today time.Time) (jobnet.FrontPage, error) {
	var f jobnet.FrontPage
	b := &pgx.Batch{}
	queueJobGoals(b, citizenID, &f.Goals)
	queueAbsences(b, citizenID, today, &f.Absences)
	b.Queue(forsideAreaSQL, citizenID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			if err := rows.Scan(&f.Area.ID, &f.Area.Name, &f.Area.RegionCode); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	b.Queue(forsideNotificationsSQL, citizenID, readerOrgID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			n, err := scanNotification(rows)
			if err != nil {
				return err
			}
			f.Notifications = append(f.Notifications, n)
		}
		return rows.Err()
	})
	b.Queue(forsideRemindersSQL, citizenID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var r jobnet.Reminder
			if err := rows.Scan(&r.ID, &r.Kind, &r.Created); err != nil {
				return err
			}
			f.Reminders = append(f.Reminders, r)
		}
		return rows.Err()
	})
	b.Queue(forsideBannerSQL, citizenID).QueryRow(func(row pgx.Row) error {
		return row.Scan(&f.Banner)
	})
	queueJobseekerStatus(b, citizenID, today, &f.Status)
	b.Queue(forsideContactsSQL, citizenID, today).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var kind string
			var c jobnet.OrgContact
			if err := rows.Scan(&kind, &c.Name, &c.Phone, &c.Email, &c.Address, &c.OpeningHours, &c.Website); err != nil {
				return err
			}
			switch jobnet.OrgKind(kind) {
			case jobnet.OrgAkasse:
				f.Akasse = &c
			case jobnet.OrgJobcenter:
				f.Jobcenter = &c
			}
		}
		return rows.Err()
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return jobnet.FrontPage{}, wrap("load front page", err)
	}
	if len(f.Goals) == 0 {
		return f, nil // the cards invite the citizen to add job goals
	}
	c, err := s.cards(ctx, f.Goals, f.Area.ID, today)
	if err != nil {
		return jobnet.FrontPage{}, err
	}
	f.Posted, f.Similar, f.Applied, f.Agencies, f.Employers = c.Posted, c.Similar, c.Applied, c.Agencies, c.Employers
	return f, nil
}

// scanNotification reads a row of forsideNotificationsSQL: the notification
// and the one thing it is about.
func scanNotification(rows pgx.Rows) (jobnet.Notification, error) {
	var n jobnet.Notification
	var itemID, meetingID, offerID, messageID *int64
	var itemKind, itemGroup, meetingKind, meetingGroup, offerKind, offerGroup *string
	var from, fromOrg *string
	var fromOrgID *int64
	var parties []int64
	var sent, read *time.Time
	if err := rows.Scan(&n.Kind, &n.Title, &n.At, &n.Link,
		&itemID, &itemKind, &itemGroup, &meetingID, &meetingKind, &meetingGroup, &offerID, &offerKind, &offerGroup,
		&messageID, &from, &fromOrg, &fromOrgID, &parties, &sent, &read); err != nil {
		return n, err
	}
	switch {
	case itemID != nil:
		n.PlanItem = &jobnet.PlanItem{ID: *itemID, Kind: jobnet.PlanItemKind(deref(itemKind)), TargetGroup: jobnet.TargetGroup(deref(itemGroup))}
	case meetingID != nil:
		n.Meeting = &jobnet.Meeting{ID: *meetingID, Kind: jobnet.PlanItemKind(deref(meetingKind)), TargetGroup: jobnet.TargetGroup(deref(meetingGroup))}
	case offerID != nil:
		n.Offer = &jobnet.MeetingOffer{ID: *offerID, Kind: jobnet.PlanItemKind(deref(offerKind)), TargetGroup: jobnet.TargetGroup(deref(offerGroup))}
	case messageID != nil:
		n.Message = &jobnet.Message{ID: *messageID, From: deref(from), FromOrg: deref(fromOrg), FromOrgID: deref(fromOrgID),
			PartyOrgIDs: parties, SentAt: deref(sent), ReadAt: deref(read)}
	}
	return n, nil
}

// forsideContactsSQL is the contact details of the citizen's a-kasse (the
// membership open today; $1 citizen, $2 today) and jobcenter
// (jobcentertilhørsforhold), for the Forside's contact panels.
const forsideContactsSQL = `
SELECT o.kind, o.name, c.phone, c.email, c.address, c.opening_hours, c.website
FROM organisations o JOIN organisation_contacts c ON c.organisation_id = o.id
WHERE o.id = (SELECT m.akasse_id FROM akasse_memberships m
              WHERE m.citizen_id = $1 AND m.valid_from <= $2::date AND (m.valid_to IS NULL OR m.valid_to >= $2::date)
              ORDER BY m.valid_from DESC, m.id DESC LIMIT 1)
   OR o.id = (SELECT jobcenter_id FROM citizens WHERE id = $1)`
