package demo

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
)

// The Forside's notifications (SPEC §5.1). Each names what it is about — a
// plan item, a meeting, an offer or a message of the citizen — and is shown
// on the terms of that thing, so they are loaded last, after all of those.

// Notification is a demo Forside notification, of Days and At (Copenhagen)
// relative to today. About is the title of what
// it is about: a plan item (min_plan), a meeting (moede), an offer open to
// the citizen (selvbooking) or a message (besked). AboutDays tells apart
// plan items or meetings of the same title: the item's first day, or the
// meeting's Days.
type Notification struct {
	Kind      jobnet.NotificationKind
	Title     string
	Days      int
	At        string // "15:04"
	Link      string
	About     string
	AboutDays *int
}

// Titles of Anna's notifications about a plan item or meeting the a-kasse
// may not see. A notification of an offer or a message has the title of
// what it is about.
const (
	NotificationAnnaHjaelpemiddelTitle = "Bevilling af hæve-sænkebord og kontorstol til din arbejdsplads"
	NotificationAnnaMentorTitle        = "Din mentor fra Mentorhuset har sat et møde op med dig"
)

// Notifications are the demo citizens' Forside notifications, by citizen
// key. Anna has one of every kind that the a-kasse may see and one that it
// may not: a new jobsamtale offer and a sygeopfølgning offer, a new a-kasse
// agreement and her hjælpemiddel in Min Plan, her a-kasse meeting and her
// mentor meeting, a message from her a-kasse and one from an employer,
// whose notification the a-kasse sees without its subject.
var Notifications = map[string][]Notification{
	"anna": {
		{Kind: jobnet.NotificationSelfBooking, Title: "Jobsamtale i Jobcenter Aarhus", Days: -1, At: "08:00", Link: pages.Moeder.Path,
			About: "Jobsamtale i Jobcenter Aarhus"},
		{Kind: jobnet.NotificationMessage, Title: MessageAnnaEmployerTitle, Days: -2, At: "10:15", Link: pages.Beskeder.Path,
			About: MessageAnnaEmployerTitle},
		{Kind: jobnet.NotificationMessage, Title: "Forberedelse til din CV-samtale", Days: -3, At: "14:30", Link: pages.Beskeder.Path,
			About: "Forberedelse til din CV-samtale"},
		{Kind: jobnet.NotificationMeeting, Title: "CV-samtale i A-kasse 22", Days: -3, At: "14:25", Link: pages.Moeder.Path,
			About: "CV-samtale i A-kasse 22"},
		{Kind: jobnet.NotificationMeeting, Title: NotificationAnnaMentorTitle, Days: -5, At: "12:10", Link: pages.Moeder.Path,
			About: MeetingAnnaMentorTitle},
		{Kind: jobnet.NotificationMinPlan, Title: "Aftaler fra din samtale med A-kasse 22", Days: -35, At: "15:50", Link: pages.MinPlan.Path,
			About: "Aftale med a-kasse", AboutDays: days(-35)},
		{Kind: jobnet.NotificationMinPlan, Title: NotificationAnnaHjaelpemiddelTitle, Days: -40, At: "13:05", Link: pages.MinPlan.Path,
			About: "Hjælpemiddel: ergonomisk kontorstol"},
		{Kind: jobnet.NotificationSelfBooking, Title: OfferSygeopfoelgningTitle, Days: -250, At: "08:00", Link: pages.Moeder.Path,
			About: OfferSygeopfoelgningTitle},
	},
}

var notificationsLoader = areaLoader{name: "forside: notifikationer", load: loadNotifications}

func loadNotifications(ctx context.Context, tx pgx.Tx, st *loadState) error {
	for _, c := range Citizens {
		cid := st.citizenIDs[c.Key]
		for _, n := range Notifications[c.Key] {
			column, id, err := notificationSubject(ctx, tx, st, cid, n)
			if err != nil {
				return fmt.Errorf("notification %q of %s: %w", n.Title, c.Key, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO frontpage_notifications (citizen_id, kind, title, occurred_at, link, `+column+`)
				VALUES ($1, $2, $3, $4, $5, $6)`,
				cid, string(n.Kind), n.Title, at(st.today, n.Days, n.At), n.Link, id); err != nil {
				return fmt.Errorf("notification %q of %s: %w", n.Title, c.Key, err)
			}
		}
	}
	return nil
}

// notificationSubject finds the one row the notification is about, and the
// column that names it.
func notificationSubject(ctx context.Context, tx pgx.Tx, st *loadState, citizenID int64, n Notification) (string, int64, error) {
	var column, query string
	args := []any{citizenID, n.About}
	switch n.Kind {
	case jobnet.NotificationMinPlan:
		column = "plan_item_id"
		query = `SELECT id FROM plan_items WHERE citizen_id = $1 AND title = $2 AND ($3::date IS NULL OR valid_from = $3)`
		args = append(args, day(st.today, n.AboutDays))
	case jobnet.NotificationMeeting:
		column = "meeting_id"
		query = `SELECT id FROM meetings WHERE citizen_id = $1 AND title = $2
			AND ($3::date IS NULL OR (starts_at AT TIME ZONE 'Europe/Copenhagen')::date = $3)`
		var on any
		if n.AboutDays != nil {
			on = On(st.today, Workday(st.today, *n.AboutDays))
		}
		args = append(args, on)
	case jobnet.NotificationSelfBooking:
		column = "offer_id"
		query = `SELECT o.id FROM meeting_offers o JOIN meeting_offer_citizens oc ON oc.offer_id = o.id
			WHERE oc.citizen_id = $1 AND o.title = $2`
	case jobnet.NotificationMessage:
		column = "message_id"
		query = `SELECT id FROM messages WHERE citizen_id = $1 AND title = $2`
	default:
		return "", 0, fmt.Errorf("kind %q", n.Kind)
	}
	rows, _ := tx.Query(ctx, query, args...)
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return "", 0, err
	}
	if len(ids) != 1 {
		return "", 0, fmt.Errorf("%d of the citizen's rows are titled %q, want 1", len(ids), n.About)
	}
	return column, ids[0], nil
}
