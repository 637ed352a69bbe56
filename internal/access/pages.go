package access

import (
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// The redactors: one per page's data. The store loads a page's data and
// returns it through its redactor, so that nothing the rules above hide
// ever reaches a handler or a view (SPEC §5.5). Each keeps what the rules
// allow, in order, and clears what they do not.

// MinPlan is Min plan as the caseworker may see it: the items and planned
// meetings the rules allow, the Jobmål only when MaySeeJobGoal allows it,
// and the names of the organisations of what is left.
func MinPlan(cw jobnet.Caseworker, p jobnet.MinPlan) jobnet.MinPlan {
	out := jobnet.MinPlan{
		Items:    VisiblePlanItems(cw, p.Items),
		Meetings: VisibleMeetings(cw, p.Meetings),
		OrgNames: map[int64]string{},
	}
	if p.JobGoal.OccupationID != 0 && MaySeeJobGoal(cw, p.JobGoal).Allowed {
		out.JobGoal = p.JobGoal
	}
	for _, it := range out.Items {
		if name, ok := p.OrgNames[it.OwnerOrgID]; ok {
			out.OrgNames[it.OwnerOrgID] = name
		}
	}
	return out
}

// Calendar is the Kalender's month as the caseworker may see it: the plan's
// items and meetings on Min plan's terms, the absences on those of
// "Aktuelt fravær" (the guide: historical absence is not accessible, seed
// 001 §5.5), and the joblog, which the citizen's caseworkers all see.
func Calendar(cw jobnet.Caseworker, c jobnet.Calendar, today time.Time) jobnet.Calendar {
	return jobnet.Calendar{
		First:    c.First,
		Last:     c.Last,
		Items:    VisiblePlanItems(cw, c.Items),
		Meetings: VisibleMeetings(cw, c.Meetings),
		Joblog:   c.Joblog,
		Absences: VisibleAbsences(cw, c.Absences, today),
	}
}

// MeetingsPage is Møder as the caseworker may see it: the offers MaySeeOffer
// allows, the free times of those offers only, and the planned meetings.
func MeetingsPage(cw jobnet.Caseworker, p jobnet.MeetingsPage) jobnet.MeetingsPage {
	out := jobnet.MeetingsPage{
		Offers:   keep(p.Offers, func(o jobnet.MeetingOffer) Decision { return MaySeeOffer(cw, o) }),
		Meetings: VisibleMeetings(cw, p.Meetings),
	}
	shown := map[int64]bool{}
	for _, o := range out.Offers {
		shown[o.ID] = true
	}
	for _, sl := range p.Slots {
		if shown[sl.OfferID] {
			out.Slots = append(out.Slots, sl)
		}
	}
	return out
}

// FrontPage is the Forside as the caseworker may see it: the notifications
// on the terms of what they are about, and the absences on those of
// "Aktuelt fravær" (for the status line). The cards, reminders and banner
// are the citizen's job search, which every caseworker sees.
func FrontPage(cw jobnet.Caseworker, f jobnet.FrontPage, today time.Time) jobnet.FrontPage {
	out := f
	out.Notifications = Notifications(cw, f.Notifications)
	out.Absences = VisibleAbsences(cw, f.Absences, today)
	return out
}

// Notifications keeps the notifications MaySeeNotification allows; one of
// a message the caseworker may not read keeps only the sender and the date:
// its title, which is the message's subject, is cleared, and its message is
// the withheld one of MessageAsSeen.
func Notifications(cw jobnet.Caseworker, ns []jobnet.Notification) []jobnet.Notification {
	var out []jobnet.Notification
	for _, n := range ns {
		if !MaySeeNotification(cw, n).Allowed {
			continue
		}
		if n.Message != nil {
			m := MessageAsSeen(cw, *n.Message)
			n.Message = &m
			if m.Withheld {
				n.Title = ""
			}
		}
		out = append(out, n)
	}
	return out
}

// Messages is Min beskedbakke as the caseworker may see it: every message,
// each as MessageAsSeen has it.
func Messages(cw jobnet.Caseworker, ms []jobnet.Message) []jobnet.Message {
	var out []jobnet.Message
	for _, m := range ms {
		out = append(out, MessageAsSeen(cw, m))
	}
	return out
}

// MessageAsSeen is one message as the caseworker may see it. Where the
// caseworker's organisation is not a party, only the sender, the date and
// whether it is read are kept, and the title is "Besked fra <afsender>"
// (seed 001 billede 20 and 21): no subject, no content, not even who else
// is a party.
func MessageAsSeen(cw jobnet.Caseworker, m jobnet.Message) jobnet.Message {
	if MayReadMessage(cw, m).Allowed {
		return m
	}
	return jobnet.Message{
		ID: m.ID, From: m.From, FromOrg: m.FromOrg, FromOrgID: m.FromOrgID,
		Title:  "Besked fra " + m.FromOrg,
		SentAt: m.SentAt, ReadAt: m.ReadAt,
		Withheld: true,
	}
}

// Absences is "Aktuelt fravær" as the caseworker may see it.
func Absences(cw jobnet.Caseworker, as []jobnet.Absence, today time.Time) []jobnet.Absence {
	return VisibleAbsences(cw, as, today)
}

// PreparationForm picks the receipt the Forberedelsesskema page shows: the
// newest form MaySeePreparationForm allows. found is false when there is
// none, which the page shows exactly like no form at all.
func PreparationForm(cw jobnet.Caseworker, forms []jobnet.PreparationForm, today time.Time) (form jobnet.PreparationForm, found bool) {
	for _, f := range forms {
		if !MaySeePreparationForm(cw, f, today).Allowed {
			continue
		}
		if !found || f.Submitted.After(form.Submitted) || (f.Submitted.Equal(form.Submitted) && f.ID > form.ID) {
			form, found = f, true
		}
	}
	return form, found
}
