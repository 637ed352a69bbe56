package access

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

var (
	asAkasse    = jobnet.Caseworker{Org: akasse}
	asJobcenter = jobnet.Caseworker{Org: jobcenter}
	asKommune   = jobnet.Caseworker{Org: kommune}
)

// The offers on Møder are seen on the terms of Min plan's items: the
// a-kasse is not offered a sygeopfølgningssamtale or a mentor meeting, nor
// an offer that cannot say what it is.
func TestMaySeeOffer(t *testing.T) {
	offer := func(k jobnet.PlanItemKind, g jobnet.TargetGroup) jobnet.MeetingOffer {
		return jobnet.MeetingOffer{Kind: k, TargetGroup: g}
	}
	tests := []struct {
		name  string
		cw    jobnet.Caseworker
		offer jobnet.MeetingOffer
		want  Decision
	}{
		{"a-kasse: jobsamtale in dagpenge", asAkasse, offer(jobnet.KindJobsamtale, jobnet.TargetDagpenge), Decision{Allowed: true}},
		{"a-kasse: sygeopfølgningssamtale", asAkasse, offer(jobnet.KindSygeopfoelgning, jobnet.TargetSygedagpenge), Decision{Reason: ReasonOtherTargetGroup}},
		{"a-kasse: mentor meeting in dagpenge", asAkasse, offer(jobnet.KindMentor, jobnet.TargetDagpenge), Decision{Reason: ReasonKindWithoutLegalBasis}},
		{"a-kasse: an offer that cannot say", asAkasse, offer("", ""), Decision{Reason: ReasonCannotSay}},
		{"jobcenter: sygeopfølgningssamtale", asJobcenter, offer(jobnet.KindSygeopfoelgning, jobnet.TargetSygedagpenge), Decision{Allowed: true}},
		{"jobcenter: an offer that cannot say", asJobcenter, offer("", ""), Decision{Allowed: true}},
		{"kommune", asKommune, offer(jobnet.KindJobsamtale, jobnet.TargetDagpenge), Decision{Reason: ReasonOrgKind}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MaySeeOffer(tt.cw, tt.offer); got != tt.want {
				t.Errorf("MaySeeOffer = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// A notification is shown on the terms of what it is about (SPEC §5.1).
func TestMaySeeNotification(t *testing.T) {
	hjaelpemiddel := jobnet.Notification{Kind: jobnet.NotificationMinPlan, PlanItem: &jobnet.PlanItem{Kind: jobnet.KindHjaelpemiddel, TargetGroup: jobnet.TargetDagpenge}}
	loentilskud := jobnet.Notification{Kind: jobnet.NotificationMinPlan, PlanItem: &jobnet.PlanItem{Kind: jobnet.KindLoentilskud, TargetGroup: jobnet.TargetDagpenge}}
	mentorMeeting := jobnet.Notification{Kind: jobnet.NotificationMeeting, Meeting: &jobnet.Meeting{Kind: jobnet.KindMentor, TargetGroup: jobnet.TargetDagpenge}}
	jobsamtale := jobnet.Notification{Kind: jobnet.NotificationMeeting, Meeting: &jobnet.Meeting{Kind: jobnet.KindJobsamtale, TargetGroup: jobnet.TargetDagpenge}}
	sygOffer := jobnet.Notification{Kind: jobnet.NotificationSelfBooking, Offer: &jobnet.MeetingOffer{Kind: jobnet.KindSygeopfoelgning, TargetGroup: jobnet.TargetSygedagpenge}}
	employerMessage := jobnet.Notification{Kind: jobnet.NotificationMessage, Message: &jobnet.Message{FromOrg: "Dansk Byggeadministration A/S"}}
	aboutNothing := jobnet.Notification{Kind: jobnet.NotificationMessage, Title: "Ny besked"}
	tests := []struct {
		name string
		cw   jobnet.Caseworker
		n    jobnet.Notification
		want Decision
	}{
		{"a-kasse: new plan with a hjælpemiddel", asAkasse, hjaelpemiddel, Decision{Reason: ReasonKindWithoutLegalBasis}},
		{"a-kasse: new plan with løntilskud", asAkasse, loentilskud, Decision{Allowed: true}},
		{"a-kasse: a mentor meeting", asAkasse, mentorMeeting, Decision{Reason: ReasonKindWithoutLegalBasis}},
		{"a-kasse: a jobsamtale", asAkasse, jobsamtale, Decision{Allowed: true}},
		{"a-kasse: a sygeopfølgning offer", asAkasse, sygOffer, Decision{Reason: ReasonOtherTargetGroup}},
		{"a-kasse: a message it is no party to is still announced", asAkasse, employerMessage, Decision{Allowed: true}},
		{"a-kasse: a notification about nothing", asAkasse, aboutNothing, Decision{Reason: ReasonCannotSay}},
		{"jobcenter: new plan with a hjælpemiddel", asJobcenter, hjaelpemiddel, Decision{Allowed: true}},
		{"jobcenter: a sygeopfølgning offer", asJobcenter, sygOffer, Decision{Allowed: true}},
		{"jobcenter: a notification about nothing", asJobcenter, aboutNothing, Decision{Reason: ReasonCannotSay}},
		{"kommune: a message", asKommune, employerMessage, Decision{Reason: ReasonOrgKind}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MaySeeNotification(tt.cw, tt.n); got != tt.want {
				t.Errorf("MaySeeNotification = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestMaySeeAbsence_Reasons(t *testing.T) {
	dagpenge := []jobnet.TargetGroup{jobnet.TargetDagpenge}
	tests := []struct {
		name string
		cw   jobnet.Caseworker
		a    jobnet.Absence
		want Decision
	}{
		{"a-kasse: coming holiday", asAkasse, jobnet.Absence{Type: "Ferie", Period: jobnet.Period{From: tomorrow, To: tomorrow}, LawfulFor: dagpenge}, Decision{Allowed: true}},
		{"a-kasse: ended yesterday", asAkasse, jobnet.Absence{Type: "Ferie", Period: jobnet.Period{From: longAgo, To: yesterday}, LawfulFor: dagpenge}, Decision{Reason: ReasonHistorical}},
		{"a-kasse: unlawful for dagpenge", asAkasse, jobnet.Absence{Type: "Uddannelse", Period: jobnet.Period{From: today}, LawfulFor: []jobnet.TargetGroup{jobnet.TargetRessourceforloeb}}, Decision{Reason: ReasonNotLawful}},
		{"jobcenter: unlawful for dagpenge", asJobcenter, jobnet.Absence{Type: "Uddannelse", Period: jobnet.Period{From: today}, LawfulFor: []jobnet.TargetGroup{jobnet.TargetRessourceforloeb}}, Decision{Allowed: true}},
		{"jobcenter: lawful for nothing at all", asJobcenter, jobnet.Absence{Type: "Uddannelse", Period: jobnet.Period{From: today}}, Decision{Allowed: true}},
		{"jobcenter: kommunehjælp", asJobcenter, jobnet.Absence{Type: jobnet.AbsenceKommunehjaelp, Period: jobnet.Period{From: today}, LawfulFor: dagpenge}, Decision{Reason: ReasonNeverShown}},
		{"jobcenter: ended yesterday", asJobcenter, jobnet.Absence{Type: "Ferie", Period: jobnet.Period{From: longAgo, To: yesterday}, LawfulFor: dagpenge}, Decision{Reason: ReasonHistorical}},
		{"kommune", asKommune, jobnet.Absence{Type: "Ferie", Period: jobnet.Period{From: today}, LawfulFor: dagpenge}, Decision{Reason: ReasonOrgKind}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MaySeeAbsence(tt.cw, tt.a, today); got != tt.want {
				t.Errorf("MaySeeAbsence = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// Min plan as each caseworker receives it from the store.
func TestMinPlan_Redactor(t *testing.T) {
	plan := jobnet.MinPlan{
		JobGoal: jobnet.PlanJobGoal{OccupationID: 7, Occupation: "Kontorassistent", TargetGroup: jobnet.TargetSygedagpenge},
		Items:   billede14,
		Meetings: []jobnet.Meeting{
			{ID: 1, Title: "Jobsamtale", Kind: jobnet.KindJobsamtale, TargetGroup: jobnet.TargetDagpenge},
			{ID: 2, Title: "Møde med din mentor", Kind: jobnet.KindMentor, TargetGroup: jobnet.TargetDagpenge},
		},
		OrgNames: map[int64]string{3: "Jobcenter Aarhus", 9: "Et andet jobcenter"},
	}
	dagpengeGoal := plan
	dagpengeGoal.JobGoal.TargetGroup = jobnet.TargetDagpenge
	tests := []struct {
		name         string
		cw           jobnet.Caseworker
		plan         jobnet.MinPlan
		wantItems    []string
		wantMeetings []int64
		wantGoal     bool
		wantOrgs     map[int64]string
	}{
		{"a-kasse: billede 15, no mentor, no Jobmål from sygedagpenge", asAkasse, plan,
			[]string{"Krav til jobsøgning", "Løntilskud", "Jobsamtale"}, []int64{1}, false, map[int64]string{3: "Jobcenter Aarhus"}},
		{"a-kasse: Jobmål from a dagpenge course", asAkasse, dagpengeGoal,
			[]string{"Krav til jobsøgning", "Løntilskud", "Jobsamtale"}, []int64{1}, true, map[int64]string{3: "Jobcenter Aarhus"}},
		{"jobcenter: everything", asJobcenter, plan, planTitles(billede14), []int64{1, 2}, true, map[int64]string{3: "Jobcenter Aarhus"}},
		{"kommune: nothing", asKommune, plan, nil, nil, false, map[int64]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MinPlan(tt.cw, tt.plan)
			if diff := cmp.Diff(tt.wantItems, planTitles(got.Items)); diff != "" {
				t.Errorf("items (-want +got):\n%s", diff)
			}
			var meetings []int64
			for _, m := range got.Meetings {
				meetings = append(meetings, m.ID)
			}
			if diff := cmp.Diff(tt.wantMeetings, meetings); diff != "" {
				t.Errorf("meetings (-want +got):\n%s", diff)
			}
			if (got.JobGoal.OccupationID != 0) != tt.wantGoal {
				t.Errorf("Jobmål = %+v, want shown: %v", got.JobGoal, tt.wantGoal)
			}
			if diff := cmp.Diff(tt.wantOrgs, got.OrgNames); diff != "" {
				t.Errorf("organisation names (-want +got):\n%s", diff)
			}
		})
	}
}

// The Kalender hides what Min plan and Aktuelt fravær hide, and shows the
// joblog to both.
func TestCalendar_Redactor(t *testing.T) {
	cal := jobnet.Calendar{
		First: today.AddDate(0, 0, -10), Last: today.AddDate(0, 0, 20),
		Items: billede14,
		Meetings: []jobnet.Meeting{
			{ID: 1, Kind: jobnet.KindJobsamtale, TargetGroup: jobnet.TargetDagpenge},
			{ID: 2, Kind: jobnet.KindSygeopfoelgning, TargetGroup: jobnet.TargetSygedagpenge},
		},
		Joblog: []jobnet.JoblogEntry{{ID: 1, Title: "Kontorassistent"}},
		Absences: []jobnet.Absence{
			{ID: 1, Type: "Ferie", Period: jobnet.Period{From: tomorrow, To: tomorrow}, LawfulFor: []jobnet.TargetGroup{jobnet.TargetDagpenge}},
			{ID: 2, Type: "Ferie", Period: jobnet.Period{From: longAgo, To: yesterday}, LawfulFor: []jobnet.TargetGroup{jobnet.TargetDagpenge}},
			{ID: 3, Type: "Uddannelse", Period: jobnet.Period{From: today}, LawfulFor: []jobnet.TargetGroup{jobnet.TargetRessourceforloeb}},
		},
	}
	type summary struct {
		Items              []string
		Meetings, Absences []int64
		Joblog             int
	}
	sum := func(c jobnet.Calendar) summary {
		s := summary{Items: planTitles(c.Items), Joblog: len(c.Joblog)}
		for _, m := range c.Meetings {
			s.Meetings = append(s.Meetings, m.ID)
		}
		for _, a := range c.Absences {
			s.Absences = append(s.Absences, a.ID)
		}
		return s
	}
	for _, tt := range []struct {
		name string
		cw   jobnet.Caseworker
		want summary
	}{
		{"a-kasse", asAkasse, summary{Items: []string{"Krav til jobsøgning", "Løntilskud", "Jobsamtale"}, Meetings: []int64{1}, Absences: []int64{1}, Joblog: 1}},
		{"jobcenter", asJobcenter, summary{Items: planTitles(billede14), Meetings: []int64{1, 2}, Absences: []int64{1, 3}, Joblog: 1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Calendar(tt.cw, cal, today)
			if diff := cmp.Diff(tt.want, sum(got)); diff != "" {
				t.Errorf("calendar (-want +got):\n%s", diff)
			}
			if !got.First.Equal(cal.First) || !got.Last.Equal(cal.Last) {
				t.Errorf("days %v–%v, want %v–%v", got.First, got.Last, cal.First, cal.Last)
			}
		})
	}
}

// Møder: an offer the caseworker may not see is gone, and so are its free
// times.
func TestMeetingsPage_Redactor(t *testing.T) {
	p := jobnet.MeetingsPage{
		Offers: []jobnet.MeetingOffer{
			{ID: 1, Title: "Jobsamtale", Kind: jobnet.KindJobsamtale, TargetGroup: jobnet.TargetDagpenge},
			{ID: 2, Title: "Sygeopfølgningssamtale", Kind: jobnet.KindSygeopfoelgning, TargetGroup: jobnet.TargetSygedagpenge},
			{ID: 3, Title: "Gammelt tilbud"},
		},
		Slots: []jobnet.MeetingSlot{{ID: 10, OfferID: 1}, {ID: 20, OfferID: 2}, {ID: 30, OfferID: 3}},
		Meetings: []jobnet.Meeting{
			{ID: 1, Kind: jobnet.KindJobsamtale, TargetGroup: jobnet.TargetDagpenge},
			{ID: 2, Kind: jobnet.KindMentor, TargetGroup: jobnet.TargetDagpenge},
		},
	}
	type summary struct{ Offers, Slots, Meetings []int64 }
	sum := func(p jobnet.MeetingsPage) summary {
		var s summary
		for _, o := range p.Offers {
			s.Offers = append(s.Offers, o.ID)
		}
		for _, sl := range p.Slots {
			s.Slots = append(s.Slots, sl.ID)
		}
		for _, m := range p.Meetings {
			s.Meetings = append(s.Meetings, m.ID)
		}
		return s
	}
	for _, tt := range []struct {
		name string
		cw   jobnet.Caseworker
		want summary
	}{
		{"a-kasse", asAkasse, summary{Offers: []int64{1}, Slots: []int64{10}, Meetings: []int64{1}}},
		{"jobcenter", asJobcenter, summary{Offers: []int64{1, 2, 3}, Slots: []int64{10, 20, 30}, Meetings: []int64{1, 2}}},
		{"kommune", asKommune, summary{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, sum(MeetingsPage(tt.cw, p))); diff != "" {
				t.Errorf("Møder (-want +got):\n%s", diff)
			}
		})
	}
}

// The Forside: notifications on the terms of their subjects, a message the
// caseworker may not read announced by its sender alone, and the status
// line's absences on Aktuelt fravær's terms.
func TestFrontPage_Redactor(t *testing.T) {
	sent := today.Add(9 * time.Hour)
	f := jobnet.FrontPage{
		Banner: true,
		Notifications: []jobnet.Notification{
			{Kind: jobnet.NotificationMinPlan, Title: "Hjælpemiddel bevilget", PlanItem: &jobnet.PlanItem{ID: 1, Kind: jobnet.KindHjaelpemiddel, TargetGroup: jobnet.TargetDagpenge}},
			{Kind: jobnet.NotificationMinPlan, Title: "Aftale med a-kasse", PlanItem: &jobnet.PlanItem{ID: 2, Kind: jobnet.KindAftale, TargetGroup: jobnet.TargetDagpenge}},
			{Kind: jobnet.NotificationMessage, Title: "Afslag på din ansøgning", Message: &jobnet.Message{ID: 3, FromOrg: "Dansk Byggeadministration A/S", Title: "Afslag på din ansøgning", Body: "Desværre", SentAt: sent}},
			{Kind: jobnet.NotificationMessage, Title: "Din CV-samtale", Message: &jobnet.Message{ID: 4, FromOrg: "A-kasse 22", FromOrgID: akasse.ID, PartyOrgIDs: []int64{akasse.ID}, Title: "Din CV-samtale", SentAt: sent}},
			{Kind: jobnet.NotificationSelfBooking, Title: "Sygeopfølgning", Offer: &jobnet.MeetingOffer{ID: 5, Kind: jobnet.KindSygeopfoelgning, TargetGroup: jobnet.TargetSygedagpenge}},
			{Kind: jobnet.NotificationMessage, Title: "Om ingenting"},
		},
		Absences: []jobnet.Absence{
			{ID: 1, Type: jobnet.AbsenceSygdom, Period: jobnet.Period{From: today}, LawfulFor: []jobnet.TargetGroup{jobnet.TargetDagpenge}},
			{ID: 2, Type: "Uddannelse", Period: jobnet.Period{From: today}, LawfulFor: []jobnet.TargetGroup{jobnet.TargetRessourceforloeb}},
		},
	}
	type shown struct {
		Title    string
		Withheld bool
	}
	summarise := func(f jobnet.FrontPage) ([]shown, []int64) {
		var ns []shown
		for _, n := range f.Notifications {
			s := shown{Title: n.Title}
			if n.Message != nil {
				s.Withheld = n.Message.Withheld
				if n.Message.Withheld && (n.Message.Body != "" || n.Message.Title != "Besked fra "+n.Message.FromOrg) {
					t.Errorf("withheld message still carries %+v", *n.Message)
				}
			}
			ns = append(ns, s)
		}
		var as []int64
		for _, a := range f.Absences {
			as = append(as, a.ID)
		}
		return ns, as
	}
	for _, tt := range []struct {
		name         string
		cw           jobnet.Caseworker
		want         []shown
		wantAbsences []int64
	}{
		{"a-kasse", asAkasse, []shown{{Title: "Aftale med a-kasse"}, {Withheld: true}, {Title: "Din CV-samtale"}}, []int64{1}},
		{"jobcenter", asJobcenter, []shown{{Title: "Hjælpemiddel bevilget"}, {Title: "Aftale med a-kasse"}, {Withheld: true}, {Title: "Din CV-samtale", Withheld: true}, {Title: "Sygeopfølgning"}}, []int64{1, 2}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := FrontPage(tt.cw, f, today)
			ns, as := summarise(got)
			// The jobcenter is no party to the a-kasse's message: its title goes too.
			for i := range tt.want {
				if tt.want[i].Withheld {
					tt.want[i].Title = ""
				}
			}
			if diff := cmp.Diff(tt.want, ns); diff != "" {
				t.Errorf("notifications (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantAbsences, as); diff != "" {
				t.Errorf("absences (-want +got):\n%s", diff)
			}
			if !got.Banner {
				t.Error("the banner went missing")
			}
		})
	}
}

// Min beskedbakke and a single message: where the caseworker's organisation
// is not a party, the sender, date and read state, and the title "Besked
// fra <afsender>" — nothing of the letter itself (seed 001 billede 20–21).
func TestMessageAsSeen(t *testing.T) {
	sent, read := today.Add(9*time.Hour), today.Add(12*time.Hour)
	employer := jobnet.Message{ID: 1, From: "Karina Lund", FromOrg: "Dansk Byggeadministration A/S", Title: "Afslag på din ansøgning", Body: "Desværre …", SentAt: sent, ReadAt: read}
	star := jobnet.Message{ID: 2, From: "Sagsbehandler", FromOrg: "Styrelsen for arbejdsmarked og rekruttering", PartyOrgIDs: []int64{jobcenter.ID}, Title: "Partshøring om din sag", Body: "…", SentAt: sent}
	own := jobnet.Message{ID: 3, From: "Berit Hansen", FromOrg: "A-kasse 22", FromOrgID: akasse.ID, PartyOrgIDs: []int64{akasse.ID}, Title: "Din CV-samtale", Body: "Husk dit CV", SentAt: sent}
	withheld := func(m jobnet.Message) jobnet.Message {
		return jobnet.Message{ID: m.ID, From: m.From, FromOrg: m.FromOrg, FromOrgID: m.FromOrgID, Title: "Besked fra " + m.FromOrg, SentAt: m.SentAt, ReadAt: m.ReadAt, Withheld: true}
	}
	tests := []struct {
		name string
		cw   jobnet.Caseworker
		m    jobnet.Message
		want jobnet.Message
	}{
		{"a-kasse: an employer's message", asAkasse, employer, withheld(employer)},
		{"a-kasse: STAR's message to the jobcenter", asAkasse, star, withheld(star)},
		{"a-kasse: its own message", asAkasse, own, own},
		{"jobcenter: STAR's message with the jobcenter as party", asJobcenter, star, star},
		{"jobcenter: the a-kasse's message", asJobcenter, own, withheld(own)},
		{"kommune: any message", asKommune, own, withheld(own)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, MessageAsSeen(tt.cw, tt.m)); diff != "" {
				t.Errorf("MessageAsSeen (-want +got):\n%s", diff)
			}
		})
	}
	if diff := cmp.Diff([]jobnet.Message{withheld(employer), withheld(star), own}, Messages(asAkasse, []jobnet.Message{employer, star, own})); diff != "" {
		t.Errorf("Messages for the a-kasse (-want +got):\n%s", diff)
	}
}

func TestAbsences_Redactor(t *testing.T) {
	as := []jobnet.Absence{
		{ID: 1, Type: "Ferie", Period: jobnet.Period{From: tomorrow, To: tomorrow}, LawfulFor: []jobnet.TargetGroup{jobnet.TargetDagpenge}},
		{ID: 2, Type: "Uddannelse", Period: jobnet.Period{From: today}, LawfulFor: []jobnet.TargetGroup{jobnet.TargetRessourceforloeb}},
		{ID: 3, Type: jobnet.AbsenceKommunehjaelp, Period: jobnet.Period{From: today}, LawfulFor: []jobnet.TargetGroup{jobnet.TargetDagpenge}},
	}
	ids := func(as []jobnet.Absence) []int64 {
		var out []int64
		for _, a := range as {
			out = append(out, a.ID)
		}
		return out
	}
	if diff := cmp.Diff([]int64{1}, ids(Absences(asAkasse, as, today))); diff != "" {
		t.Errorf("a-kasse (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int64{1, 2}, ids(Absences(asJobcenter, as, today))); diff != "" {
		t.Errorf("jobcenter (-want +got):\n%s", diff)
	}
}

// Forberedelsesskema shows the newest form the caseworker may see: for the
// a-kasse the dagpenge form even when a newer kontanthjælp form exists.
func TestPreparationForm_Redactor(t *testing.T) {
	at := func(daysAgo int) time.Time { return today.AddDate(0, 0, -daysAgo).Add(10 * time.Hour) }
	forms := []jobnet.PreparationForm{
		{ID: 1, Variant: jobnet.PreparationKontanthjaelp, Submitted: at(3)},
		{ID: 2, Variant: jobnet.PreparationDagpenge, Submitted: at(10)},
		{ID: 3, Variant: jobnet.PreparationDagpenge, Submitted: at(200)},
	}
	tests := []struct {
		name   string
		cw     jobnet.Caseworker
		forms  []jobnet.PreparationForm
		wantID int64 // 0: none
	}{
		{"a-kasse: the dagpenge form", asAkasse, forms, 2},
		{"jobcenter: the newest, kontanthjælp", asJobcenter, forms, 1},
		{"jobcenter: order of the input does not matter", asJobcenter, []jobnet.PreparationForm{forms[2], forms[1], forms[0]}, 1},
		{"a-kasse: only an expired dagpenge form", asAkasse, forms[2:], 0},
		{"a-kasse: only a kontanthjælp form", asAkasse, forms[:1], 0},
		{"kommune", asKommune, forms, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, found := PreparationForm(tt.cw, tt.forms, today)
			if found != (tt.wantID != 0) || got.ID != tt.wantID {
				t.Errorf("PreparationForm = %+v, %v; want form %d", got, found, tt.wantID)
			}
		})
	}
}
