package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// Møder (SPEC §5.3, seed 001 §5.2): the offers the citizen may book, the free
// times of one caseworker or team, and the planned meetings. $1 is the
// citizen.

// meetingOffersSQL: the offers of the citizen's own jobcenter that are open
// to the citizen, in the jobcenter's order, with their mødeformer.
const meetingOffersSQL = `
SELECT o.id, coalesce(o.kind, ''), coalesce(o.target_group, ''), o.title, o.description, o.duration_minutes, o.attention_text, o.questions_text,
       array(SELECT f.form FROM meeting_offer_forms f WHERE f.offer_id = o.id ORDER BY f.position)
FROM meeting_offers o
JOIN meeting_offer_citizens oc ON oc.offer_id = o.id
JOIN citizens c ON c.id = oc.citizen_id AND c.jobcenter_id = o.jobcenter_id
WHERE oc.citizen_id = $1
ORDER BY o.position, o.id`

const meetingHostsSQL = `
SELECT h.offer_id, h.id, h.name FROM meeting_offer_hosts h
JOIN meeting_offer_citizens oc ON oc.offer_id = h.offer_id
WHERE oc.citizen_id = $1
ORDER BY h.offer_id, h.position`

// meetingSlotsSQL: the free times of caseworker or team $2, of an offer open
// to the citizen, after $3: by time, then caseworker, then the offer's order
// of mødeformer, as Jobnet lists them (seed 002 §3.1); at most $4.
const meetingSlotsSQL = `
SELECT s.id, s.offer_id, s.starts_at, s.form, s.caseworker_name FROM meeting_slots s
JOIN meeting_offer_citizens oc ON oc.offer_id = s.offer_id AND oc.citizen_id = $1
JOIN meeting_offers o ON o.id = s.offer_id
JOIN citizens c ON c.id = oc.citizen_id AND c.jobcenter_id = o.jobcenter_id
JOIN meeting_offer_forms f ON f.offer_id = s.offer_id AND f.form = s.form
WHERE s.host_id = $2 AND s.starts_at > $3
  AND NOT EXISTS (SELECT FROM meetings m WHERE m.slot_id = s.id)
ORDER BY s.starts_at, s.caseworker_name, f.position, s.id
LIMIT $4`

// meetingsSQL: the citizen's meetings that have not ended by $2.
const meetingsSQL = `
SELECT m.id, m.title, m.starts_at, m.ends_at, m.form, m.place, m.with_whom,
       o.id, o.name, o.kind, m.kind, m.target_group, m.slot_id IS NOT NULL
FROM meetings m JOIN organisations o ON o.id = m.organisation_id
WHERE m.citizen_id = $1 AND m.ends_at > $2
ORDER BY m.starts_at, m.id`

// MeetingsPage loads the Møder page in one round trip, as the caseworker may
// see it (access.MeetingsPage): the offers open to the citizen with their
// caseworkers and teams, the free times of hostID (0: none chosen yet) and
// the meetings that have not ended by now. Reading it books nothing.
func (s *Store) MeetingsPage(ctx context.Context, cw jobnet.Caseworker, citizenID, hostID int64, now time.Time) (jobnet.MeetingsPage, error) {
	p, err := s.loadMeetingsPage(ctx, citizenID, hostID, now)
	if err != nil {
		return jobnet.MeetingsPage{}, err
	}
	return access.MeetingsPage(cw, p), nil
}

// loadMeetingsPage loads the page's data, before the law is applied.
func (s *Store) loadMeetingsPage(ctx context.Context, citizenID, hostID int64, now time.Time) (jobnet.MeetingsPage, error) {
	var p jobnet.MeetingsPage
	hosts := map[int64][]jobnet.MeetingHost{}
	b := &pgx.Batch{}
	b.Queue(meetingOffersSQL, citizenID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var o jobnet.MeetingOffer
			var minutes int
			var forms []string
			if err := rows.Scan(&o.ID, &o.Kind, &o.TargetGroup, &o.Title, &o.Description, &minutes, &o.AttentionText, &o.QuestionsText, &forms); err != nil {
				return err
			}
			o.Duration = time.Duration(minutes) * time.Minute
			for _, f := range forms {
				o.Forms = append(o.Forms, jobnet.MeetingForm(f))
			}
			p.Offers = append(p.Offers, o)
		}
		return rows.Err()
	})
	b.Queue(meetingHostsSQL, citizenID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var offerID int64
			var h jobnet.MeetingHost
			if err := rows.Scan(&offerID, &h.ID, &h.Name); err != nil {
				return err
			}
			hosts[offerID] = append(hosts[offerID], h)
		}
		return rows.Err()
	})
	if hostID != 0 {
		b.Queue(meetingSlotsSQL, citizenID, hostID, now, jobnet.MaxInstantSlots).Query(func(rows pgx.Rows) error {
			for rows.Next() {
				var sl jobnet.MeetingSlot
				var form string
				if err := rows.Scan(&sl.ID, &sl.OfferID, &sl.StartsAt, &form, &sl.Caseworker); err != nil {
					return err
				}
				sl.Form = jobnet.MeetingForm(form)
				p.Slots = append(p.Slots, sl)
			}
			return rows.Err()
		})
	}
	b.Queue(meetingsSQL, citizenID, now).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var m jobnet.Meeting
			var form, orgKind, kind, group string
			if err := rows.Scan(&m.ID, &m.Title, &m.StartsAt, &m.EndsAt, &form, &m.Place, &m.WithWhom,
				&m.OrgID, &m.OrgName, &orgKind, &kind, &group, &m.SelfBooked); err != nil {
				return err
			}
			m.Form, m.OrgKind, m.Kind, m.TargetGroup = jobnet.MeetingForm(form), jobnet.OrgKind(orgKind), jobnet.PlanItemKind(kind), jobnet.TargetGroup(group)
			p.Meetings = append(p.Meetings, m)
		}
		return rows.Err()
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return jobnet.MeetingsPage{}, wrap("load meetings", err)
	}
	for i := range p.Offers {
		p.Offers[i].Hosts = hosts[p.Offers[i].ID]
	}
	return p, nil
}
