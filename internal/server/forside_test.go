package server

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

func TestForsideCards_WithoutJobGoalsInviteToAddThem(t *testing.T) {
	cards := forsideCards(jobnet.FrontPage{Area: jobnet.LabourMarketArea{ID: 9, Name: "Østjylland"}})
	var headings []string
	for _, c := range cards {
		headings = append(headings, c.Heading)
		want := []views.ForsideLink{{Text: "Gå til Jeg søger job som", Href: "/borger/jobsoegning/jeg-soeger-job-som"}}
		if diff := cmp.Diff(want, c.Links); diff != "" || len(c.Items) != 0 {
			t.Errorf("%s: links (-want +got):\n%s items %v", c.Heading, diff, c.Items)
		}
	}
	if diff := cmp.Diff([]string{"Opslåede stillinger", "Lignende job", "Vikarbureauer", "Søgte job", "Uopfordret"}, headings); diff != "" {
		t.Errorf("headings (-want +got):\n%s", diff)
	}
}

func TestForsideCards_TellWhatWasFoundForTheJobGoalsInTheArea(t *testing.T) {
	day := jobnet.Date(2026, time.December, 13)
	posting := func(title, occupation string, applicants int, deadline time.Time) jobnet.JobPosting {
		return jobnet.JobPosting{Title: title, Occupation: occupation, Workplace: "Marselisborg Ejendomsadministration",
			Town: "Aarhus C", Deadline: deadline, Applicants: applicants}
	}
	f := jobnet.FrontPage{
		Goals: []jobnet.JobGoal{
			{OccupationID: 1, Title: "Kontorassistent (kontorfunktionær)", Group: "Kontor og administration"},
			{OccupationID: 2, Title: "Receptionist", Group: "Kontor og administration"},
		},
		Area:     jobnet.LabourMarketArea{ID: 9, Name: "Østjylland"},
		Posted:   jobnet.JobList[jobnet.JobPosting]{Total: 9, First: []jobnet.JobPosting{posting("Kontorassistent til kundeteamet", "", 0, day)}},
		Similar:  jobnet.JobList[jobnet.JobPosting]{Total: 1, First: []jobnet.JobPosting{posting("Teamsekretær", "Sekretær", 0, time.Time{})}},
		Agencies: jobnet.JobList[jobnet.TempAgency]{Total: 1, First: []jobnet.TempAgency{{Name: "Kontorvikar Østjylland ApS", Town: "Aarhus C", Phone: "86120000", Email: "kontakt@kontorvikar.example"}}},
		Applied:  jobnet.JobList[jobnet.JobPosting]{Total: 2, First: []jobnet.JobPosting{posting("Kontorassistent", "", 1, day)}},
	}
	got := forsideCards(f)
	want := []views.ForsideCard{
		{Heading: "Opslåede stillinger", TestID: "card-opslaaede-stillinger",
			Lead:  "9 opslåede stillinger som Kontorassistent (kontorfunktionær) og Receptionist i Østjylland",
			Items: []views.ForsideCardItem{{Title: "Kontorassistent til kundeteamet", Detail: "Marselisborg Ejendomsadministration, Aarhus C · Ansøgningsfrist: 13. dec. 2026"}},
			Links: []views.ForsideLink{
				{Text: "Se stillinger som Kontorassistent (kontorfunktionær)", Href: "/borger/jobsoegning/find-job?omraade=opland-9&stilling=1"},
				{Text: "Se stillinger som Receptionist", Href: "/borger/jobsoegning/find-job?omraade=opland-9&stilling=2"},
			}},
		{Heading: "Lignende job", TestID: "card-lignende-job",
			Lead:  "1 stilling inden for Kontor og administration i Østjylland ligner de job, du søger",
			Items: []views.ForsideCardItem{{Title: "Teamsekretær", Detail: "Sekretær · Marselisborg Ejendomsadministration, Aarhus C"}},
			Links: []views.ForsideLink{{Text: "Søg flere job i Østjylland", Href: "/borger/jobsoegning/find-job?omraade=opland-9"}}},
		{Heading: "Vikarbureauer", TestID: "card-vikarbureauer",
			Lead:  "1 vikarbureau i Østjylland formidler job inden for Kontor og administration",
			Items: []views.ForsideCardItem{{Title: "Kontorvikar Østjylland ApS", Detail: "Aarhus C · Tlf. 86 12 00 00 · kontakt@kontorvikar.example"}}},
		{Heading: "Søgte job", TestID: "card-soegte-job",
			Lead:  "De stillinger som Kontorassistent (kontorfunktionær) og Receptionist i Østjylland, som flest jobsøgende har søgt",
			Items: []views.ForsideCardItem{{Title: "Kontorassistent", Detail: "Marselisborg Ejendomsadministration, Aarhus C · 1 jobsøgende har søgt"}}},
		{Heading: "Uopfordret", TestID: "card-uopfordret",
			Lead: "Vi kender ingen virksomheder i Østjylland inden for Kontor og administration, som du kan sende en uopfordret ansøgning til."},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("cards (-want +got):\n%s", diff)
	}
}

func TestForsideNotifications_AreWordedAsJobnetDoes(t *testing.T) {
	at := time.Date(2026, time.November, 21, 9, 30, 0, 0, jobnet.Copenhagen)
	got := forsideNotifications([]jobnet.Notification{
		{Kind: jobnet.NotificationMessage, Title: "Titel", At: at, Link: "/borger/planer/beskeder"},
		{Kind: jobnet.NotificationSelfBooking, Title: "Jobsamtale", At: at, Link: "/borger/planer/moeder"},
		{Kind: jobnet.NotificationMinPlan, Title: "Aftaler", At: at, Link: "/borger/planer/min-plan"},
		{Kind: jobnet.NotificationMeeting, Title: "Jobsamtale", At: at, Link: "/borger/planer/moeder"},
		{Kind: jobnet.NotificationMessage, At: at, Link: "/borger/planer/beskeder",
			Message: &jobnet.Message{FromOrg: "Dansk Byggeadministration A/S", Title: "Besked fra Dansk Byggeadministration A/S", Withheld: true}},
	})
	want := []views.ForsideNotification{
		{Kind: "besked", Text: "Du har fået en ny besked: Titel", Date: "21. nov. 2026", LinkText: "Gå til beskeden", Href: "/borger/planer/beskeder"},
		{Kind: "selvbooking", Text: "Du har fået en ny mulighed for at booke et møde: Jobsamtale", Date: "21. nov. 2026", LinkText: "Gå til Møder", Href: "/borger/planer/moeder"},
		{Kind: "min_plan", Text: "Der er en ny version af Min Plan: Aftaler", Date: "21. nov. 2026", LinkText: "Gå til Min Plan", Href: "/borger/planer/min-plan"},
		{Kind: "moede", Text: "Du har fået et nyt møde: Jobsamtale", Date: "21. nov. 2026", LinkText: "Gå til Møder", Href: "/borger/planer/moeder"},
		// A message the caseworker may not read: who it is from, nothing more.
		{Kind: "besked", Text: "Du har fået en ny besked fra Dansk Byggeadministration A/S", Date: "21. nov. 2026", LinkText: "Gå til beskeden", Href: "/borger/planer/beskeder"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("notifications (-want +got):\n%s", diff)
	}
}
