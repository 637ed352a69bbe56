package server

import (
	"context"
	"fmt"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// forsideStore is what the Forside needs of the store.
type forsideStore interface {
	FrontPage(ctx context.Context, cw jobnet.Caseworker, citizenID int64, today time.Time) (jobnet.FrontPage, error)
}

// forsidePage is the citizen's Forside (SPEC §5.1): the banner of seed 002
// §1.1 when it is up, the five cards made from the job goals and the
// labour-market area, the notifications and the information box, and the
// right-hand column of seed 002 §1.1: "Din status" and the contact panels.
// One round trip; nothing is written.
func (s *Server) forsidePage(w http.ResponseWriter, r *http.Request) error {
	v := visitFrom(r.Context())
	today := jobnet.Day(s.now())
	f, err := s.pageData.FrontPage(r.Context(), v.cw, v.citizen.Citizen.ID, today)
	if err != nil {
		return err
	}
	view := views.ForsideView{
		CitizenName:    v.citizen.Citizen.Name,
		Banner:         f.Banner,
		Cards:          forsideCards(f),
		Notifications:  forsideNotifications(f.Notifications),
		Reminders:      forsideReminders(f.Reminders),
		JoblogReminder: jobnet.MustJoblog(v.citizen, today),
	}
	// The status line of billede 22: a sygemelding the caseworker may see
	// covers today.
	_, view.SickToday = jobnet.SickOn(f.Absences, today)
	view.Status = forsideStatus(f.Status)
	view.Contacts = forsideContacts(f)
	s.renderPage(w, r, http.StatusOK, views.ForsidePage(s.pageChrome(r, pages.Forside), view))
	return nil
}

// forsideCards makes the five cards (seed 001 §4.1) from what the store
// found. What each card shows, all within the citizen's labour-market area
// and counting only postings open today:
//
//   - Opslåede stillinger: the postings for the job goals' occupations; the
//     count, the three newest, and a link to Find Job for each goal.
//   - Lignende job: postings for other occupations in the goals' occupation
//     groups; the count and the three newest.
//   - Vikarbureauer: temp agencies placing people in the goals' groups, with
//     their contact details.
//   - Søgte job: the postings for the goals' occupations that most job
//     seekers have registered as applied for in their Joblog.
//   - Uopfordret: employers that have hired in the goals' groups within two
//     years but have no open posting for the goals' occupations: where an
//     unsolicited application is worth sending.
//
// Without job goals, every card invites the citizen to add them under "Jeg
// søger job som", as Jobnet does.
func forsideCards(f jobnet.FrontPage) []views.ForsideCard {
	cards := []views.ForsideCard{
		{Heading: "Opslåede stillinger", TestID: "card-opslaaede-stillinger"},
		{Heading: "Lignende job", TestID: "card-lignende-job"},
		{Heading: "Vikarbureauer", TestID: "card-vikarbureauer"},
		{Heading: "Søgte job", TestID: "card-soegte-job"},
		{Heading: "Uopfordret", TestID: "card-uopfordret"},
	}
	if len(f.Goals) == 0 {
		const when = "Når du har tilføjet de job, du søger, under 'Jeg søger job som', viser vi dig her "
		leads := []string{
			"de opslåede stillinger, der passer til dig.",
			"job, der ligner dem, du søger.",
			"vikarbureauer i dit område, der formidler den slags job.",
			"de stillinger, som andre jobsøgende har søgt.",
			"virksomheder, som du kan sende en uopfordret ansøgning til.",
		}
		for i := range cards {
			cards[i].Lead = when + leads[i]
			cards[i].Links = []views.ForsideLink{{Text: "Gå til Jeg søger job som", Href: pages.JobGoals.Path}}
		}
		return cards
	}

	var titles, groups []string
	for _, g := range f.Goals {
		titles = append(titles, g.Title)
		if !slices.Contains(groups, g.Group) {
			groups = append(groups, g.Group)
		}
	}
	goals, trade := jobsList(titles), jobsList(groups)
	area := "dit område"
	var inArea jobnet.AreaRef
	if f.Area.ID != 0 {
		area = f.Area.Name
		inArea = jobnet.AreaRef{Kind: jobnet.AreaLabour, Code: strconv.Itoa(f.Area.ID)}
	}

	posted := &cards[0]
	if n := f.Posted.Total; n > 0 {
		posted.Lead = jobsCount(n, "opslået stilling", "opslåede stillinger") + " som " + goals + " i " + area
	} else {
		posted.Lead = "Der er ingen opslåede stillinger som " + goals + " i " + area + " lige nu."
	}
	posted.Items = postingItems(f.Posted.First, func(p jobnet.JobPosting) string {
		return p.Workplace + ", " + p.Town + " · Ansøgningsfrist: " + jobsDeadline(p.Deadline)
	})
	for _, g := range f.Goals {
		posted.Links = append(posted.Links, views.ForsideLink{
			Text: "Se stillinger som " + g.Title, Href: findJobHref("", strconv.Itoa(g.OccupationID), inArea.String(), 0, 0)})
	}

	similar := &cards[1]
	if n := f.Similar.Total; n > 0 {
		similar.Lead = jobsCount(n, "stilling", "stillinger") + " inden for " + trade + " i " + area + " ligner de job, du søger"
	} else {
		similar.Lead = "Der er ingen lignende job inden for " + trade + " i " + area + " lige nu."
	}
	similar.Items = postingItems(f.Similar.First, func(p jobnet.JobPosting) string {
		return p.Occupation + " · " + p.Workplace + ", " + p.Town
	})
	similar.Links = []views.ForsideLink{{Text: "Søg flere job i " + area, Href: findJobHref("", "", inArea.String(), 0, 0)}}

	agencies := &cards[2]
	if n := f.Agencies.Total; n > 0 {
		agencies.Lead = jobsCount(n, "vikarbureau", "vikarbureauer") + " i " + area + " formidler job inden for " + trade
	} else {
		agencies.Lead = "Vi kender ingen vikarbureauer i " + area + ", der formidler job inden for " + trade + "."
	}
	for _, a := range f.Agencies.First {
		agencies.Items = append(agencies.Items, views.ForsideCardItem{
			Title: a.Name, Detail: a.Town + " · Tlf. " + jobsPhone(a.Phone) + " · " + a.Email})
	}

	applied := &cards[3]
	if f.Applied.Total > 0 {
		applied.Lead = "De stillinger som " + goals + " i " + area + ", som flest jobsøgende har søgt"
	} else {
		applied.Lead = "Ingen jobsøgende har endnu registreret, at de har søgt stillinger som " + goals + " i " + area + "."
	}
	applied.Items = postingItems(f.Applied.First, func(p jobnet.JobPosting) string {
		return p.Workplace + ", " + p.Town + " · " + jobsCount(p.Applicants, "jobsøgende", "jobsøgende") + " har søgt"
	})

	unsolicited := &cards[4]
	if n := f.Employers.Total; n > 0 {
		unsolicited.Lead = jobsCount(n, "virksomhed", "virksomheder") + " i " + area + " har ansat inden for " + trade +
			", men har ingen opslåede stillinger som " + goals + " lige nu. Send en uopfordret ansøgning."
	} else {
		unsolicited.Lead = "Vi kender ingen virksomheder i " + area + " inden for " + trade + ", som du kan sende en uopfordret ansøgning til."
	}
	for _, e := range f.Employers.First {
		unsolicited.Items = append(unsolicited.Items, views.ForsideCardItem{Title: e.Name, Detail: e.Town})
	}
	return cards
}

func postingItems(ps []jobnet.JobPosting, detail func(jobnet.JobPosting) string) []views.ForsideCardItem {
	var items []views.ForsideCardItem
	for _, p := range ps {
		items = append(items, views.ForsideCardItem{Title: p.Title, Detail: detail(p)})
	}
	return items
}

// forsideNotifications words the notifications as Jobnet does ("Du har
// fået en ny besked: <titel>", seed 001 billede 22). A message the
// caseworker may not read has no title here: the notification says only
// who it is from.
func forsideNotifications(ns []jobnet.Notification) []views.ForsideNotification {
	var out []views.ForsideNotification
	for _, n := range ns {
		v := views.ForsideNotification{Kind: string(n.Kind), Date: views.ShortDate(n.At.In(jobnet.Copenhagen)), Href: n.Link}
		switch n.Kind {
		case jobnet.NotificationSelfBooking:
			v.Text, v.LinkText = "Du har fået en ny mulighed for at booke et møde: "+n.Title, "Gå til Møder"
		case jobnet.NotificationMinPlan:
			v.Text, v.LinkText = "Der er en ny version af Min Plan: "+n.Title, "Gå til Min Plan"
		case jobnet.NotificationMeeting:
			v.Text, v.LinkText = "Du har fået et nyt møde: "+n.Title, "Gå til Møder"
		default:
			if n.Message != nil && n.Message.Withheld {
				v.Text = "Du har fået en ny besked fra " + n.Message.FromOrg
			} else {
				v.Text = "Du har fået en ny besked: " + n.Title
			}
			v.LinkText = "Gå til beskeden"
		}
		out = append(out, v)
	}
	return out
}

// forsideReminders are the open reminders, each with the citizen's answer
// as a form.
func forsideReminders(rs []jobnet.Reminder) []views.ForsideReminder {
	var out []views.ForsideReminder
	for _, r := range rs {
		if r.Kind == jobnet.ReminderUnemploymentDeclaration {
			out = append(out, views.ForsideReminder{
				Text:   "Husk: Du skal sende din ledighedserklæring og dit dagpengekort til a-kassen",
				Button: "Jeg har sendt dem",
				Action: pages.Forside.Path + "/paamindelser/" + strconv.FormatInt(r.ID, 10),
			})
		}
	}
	return out
}

// jobsCount is "1 stilling", "12 stillinger".
func jobsCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// jobsList joins "a", "a og b", "a, b og c".
func jobsList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " og " + items[len(items)-1]
}

// jobsPhone writes eight digits in pairs: "86 12 00 00".
func jobsPhone(digits string) string {
	if len(digits) != 8 {
		return digits
	}
	return digits[0:2] + " " + digits[2:4] + " " + digits[4:6] + " " + digits[6:8]
}

// Texts of the Forside's right-hand column (seed 002 §1.1). Jobnet's
// support line is made up here, as every contact detail of the demo is.
const (
	TextStatusRegistered   = "Du er meldt ledig i jobcentret (d. %s)."
	TextStatusUnregistered = "Du er ikke meldt ledig i jobcentret. Du blev afmeldt d. %s."
	TextStatusNone         = "Du er ikke meldt ledig i jobcentret."
	textSupportText        = "Har du spørgsmål til, hvordan Jobnet virker, eller har du problemer med at logge ind, kan du kontakte Jobnets support."
	textSupportPhone       = "70 10 20 30"
	textSupportOpening     = "Mandag-fredag kl. 8.00-16.00"
)

// forsideStatus is "Din status": the citizen's registration as job seeker
// today, in the words of Til- og afmelding.
func forsideStatus(st jobnet.JobseekerStatus) string {
	switch {
	case st.HasCourse && st.Registered:
		return fmt.Sprintf(TextStatusRegistered, views.ShortDate(st.Since))
	case st.HasCourse:
		return fmt.Sprintf(TextStatusUnregistered, views.ShortDate(st.Since))
	}
	return TextStatusNone
}

// forsideContacts are the contact panels: the citizen's a-kasse, when they
// have one, their jobcenter, and Jobnet's support.
func forsideContacts(f jobnet.FrontPage) []views.ForsideContact {
	var out []views.ForsideContact
	for _, o := range []struct {
		heading, testID string
		c               *jobnet.OrgContact
	}{{"Kontakt din a-kasse", "contact-akasse", f.Akasse}, {"Kontakt dit jobcenter", "contact-jobcenter", f.Jobcenter}} {
		if o.c == nil {
			continue
		}
		out = append(out, views.ForsideContact{Heading: o.heading, TestID: o.testID, Name: o.c.Name,
			Phone: jobsPhone(o.c.Phone), Email: o.c.Email, Address: o.c.Address, Opening: o.c.OpeningHours, Website: o.c.Website})
	}
	return append(out, views.ForsideContact{Heading: "Kontakt supporten", TestID: "contact-support",
		Name: "Jobnets support", Text: textSupportText, Phone: textSupportPhone, Opening: textSupportOpening})
}
