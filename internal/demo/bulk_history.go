package demo

import (
	"fmt"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/star-dk/sagsbehandleradgang/internal/dagpenge"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// A bulk citizen's data beyond the access rule's facts: what every page
// shows of them, made from the seed, the citizen's number and today. A
// dagpengemodtager has the most: two years of Min plan, meetings every six
// weeks with the jobcenter and the a-kasse, messages from every kind of
// sender, a joblog entry or two every week, absences, dagpenge counters by
// month, a CV, job goals, search profiles, a preparation form and the
// Forside's notifications about the newest of it all. Citizens of other
// target groups have their own plan, meetings and messages.

// bulkCit is one citizen being made.
type bulkCit struct {
	g         *bulkGen
	rows      bulkRows
	rng       *rand.Rand
	c         BulkCitizen
	id        int64
	jc        int64               // jobcenter id
	jcOrg     jobnet.Organisation // the jobcenter
	akasse    int64               // current a-kasse's id; 0 if none
	akOrg     jobnet.Organisation
	jcWorker  string // the citizen's caseworker at the jobcenter
	akWorker  string // and at the a-kasse
	group     int    // occupation group the citizen looks for work in
	occs      []int  // occupations of that group
	lastMeet  int64  // newest past or coming meeting, for the Forside
	lastMeetT time.Time
	lastItem  int64
	lastItemT time.Time
	lastItemS string
	messages  []bulkMsg // newest last
}

type bulkMsg struct {
	id    int64
	title string
	sent  time.Time
}

func (g *bulkGen) next(table string) int64 {
	if g.ids == nil {
		g.ids = map[string]int64{}
	}
	g.ids[table]++
	return g.base[table] + g.ids[table]
}

// citizen adds citizen i's rows.
func (g *bulkGen) citizen(rows bulkRows, i int) {
	c := BulkCitizenAt(g.seed, i)
	b := &bulkCit{g: g, rows: rows, rng: g.rng(4, i), c: c, id: g.base["citizens"] + int64(i) + 1,
		jc: g.orgIDs[c.Jobcenter], jcOrg: c.Jobcenter}
	rows.add("citizens", b.id, c.CPR, c.Name, c.Jobcenter.Number, b.jc)
	for _, m := range c.Memberships {
		rows.add("akasse_memberships", b.id, g.orgIDs[m.Akasse], On(g.today, m.FromDays), day(g.today, m.ToDays))
		if m.ToDays == nil {
			b.akasse, b.akOrg = g.orgIDs[m.Akasse], m.Akasse
		}
	}
	for _, r := range c.Registrations {
		var cat *int
		if r.Tilmeldekategori != 0 {
			cat = &r.Tilmeldekategori
		}
		rows.add("kontaktgruppe_registrations", b.id, r.Kontaktgruppe, cat, r.Registered, b.jc, On(g.today, r.FromDays), day(g.today, r.ToDays))
	}
	groups := []int{JobGroupKontor, JobGroupLager, JobGroupSundhed, JobGroupByg, JobGroupSalg, JobGroupPaedagogik, JobGroupRestaurant, JobGroupRengoering}
	b.group = groups[b.rng.IntN(len(groups))]
	for _, o := range JobOccupations {
		if o.Group == b.group {
			b.occs = append(b.occs, o.ID)
		}
	}
	b.jcWorker = b.person()
	b.akWorker = b.person()

	periods := make([]int64, len(c.Registrations))
	for k, r := range c.Registrations {
		periods[k] = g.next("target_group_periods")
		rows.add("target_group_periods", periods[k], b.id, string(c.Groups[k]), On(g.today, r.FromDays), day(g.today, r.ToDays))
	}
	switch c.Kind {
	case BulkDagpenge, BulkDimittend:
		for k, r := range c.Registrations {
			to := 0
			if r.ToDays != nil {
				to = *r.ToDays
			}
			b.plan(periods[k], c.Groups[k], r.FromDays, to)
			if c.Groups[k] == jobnet.TargetDagpenge {
				b.joblog(r.FromDays, to)
			}
		}
		b.dagpenge()
		b.absences(true)
		b.messagesOfDagpenge()
		b.jobSearch(90)
		// One when the course began, and a fresh one (less than three
		// months old, so the a-kasse sees it) before a recent jobsamtale.
		since := c.Registrations[len(c.Registrations)-1].FromDays
		b.preparation(jobnet.PreparationDagpenge, since)
		if since < -90 {
			b.preparation(jobnet.PreparationDagpenge, -15-b.rng.IntN(60))
		}
		if b.rng.IntN(100) < 20 {
			created := -b.rng.IntN(10)
			var done *time.Time
			if b.rng.IntN(2) == 0 {
				d := On(g.today, created+b.rng.IntN(-created+1))
				done = &d
			}
			rows.add("frontpage_reminders", b.id, string(jobnet.ReminderUnemploymentDeclaration), On(g.today, created), done)
		}
		if b.rng.IntN(100) < 3 {
			var dismissed *time.Time
			if b.rng.IntN(3) == 0 {
				t := b.at(-b.rng.IntN(5), 19*60)
				dismissed = &t
			}
			rows.add("job_goal_banners", b.id, On(g.today, -5-b.rng.IntN(20)), dismissed)
		}
		if b.rng.IntN(100) < 60 {
			last := len(periods) - 1
			rows.add("plan_job_goals", b.id, periods[last], b.occs[b.rng.IntN(len(b.occs))], b.jc, b.jcWorker,
				On(g.today, c.Registrations[last].FromDays+b.rng.IntN(-c.Registrations[last].FromDays+1)))
		}
		b.offers(jobnet.TargetDagpenge)
		b.notifications()
	case BulkOther:
		for k, r := range c.Registrations {
			to := 0
			if r.ToDays != nil {
				to = *r.ToDays
			}
			b.plan(periods[k], c.Groups[k], r.FromDays, to)
		}
		last := len(periods) - 1
		if b.rng.IntN(100) < 40 {
			rows.add("plan_job_goals", b.id, periods[last], b.occs[b.rng.IntN(len(b.occs))], b.jc, b.jcWorker,
				On(g.today, c.Registrations[last].FromDays+b.rng.IntN(-c.Registrations[last].FromDays+1)))
		}
		b.absences(false)
		b.messagesOfJobcenter(c.Registrations[last].FromDays)
		b.jobSearch(40)
		switch c.Groups[last] {
		case jobnet.TargetJobparatKontanthjaelp, jobnet.TargetAktivitetsparatKontanthjaelp:
			if b.rng.IntN(2) == 0 {
				b.preparation(jobnet.PreparationKontanthjaelp, c.Registrations[last].FromDays)
			}
		case jobnet.TargetUddannelseshjaelp:
			if b.rng.IntN(2) == 0 {
				b.preparation(jobnet.PreparationUnge, c.Registrations[last].FromDays)
			}
		}
		b.offers(c.Groups[last])
		b.notifications()
	case BulkMember:
		if b.rng.IntN(100) < 5 {
			b.cv()
		}
	}
}

// bulkCapital gives s a capital first letter.
func bulkCapital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// at is minutes past midnight, Copenhagen time, on a day from today.
func (b *bulkCit) at(offset, minutes int) time.Time {
	d := On(b.g.today, offset)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, minutes, 0, 0, jobnet.Copenhagen)
}

func (b *bulkCit) pick(list []string) string { return list[b.rng.IntN(len(list))] }

func (b *bulkCit) person() string {
	if b.rng.IntN(2) == 0 {
		return b.pick(bulkWomen) + " " + b.pick(bulkSurnames)
	}
	return b.pick(bulkMen) + " " + b.pick(bulkSurnames)
}

var bulkAddresses = map[string]string{
	"751": jobcenterAarhusAddress, "461": "Jobcenter Odense, Store Glasvej 49, 5000 Odense C",
	"022": "A-kasse 22, Søndergade 12, 8000 Aarhus C", "031": "A-kasse 31, Havnegade 3, 5000 Odense C",
}

// meeting adds a meeting, and makes it the Forside's newest if it is.
func (b *bulkCit) meeting(title string, offset int, org jobnet.Organisation, orgID int64, with string, kind jobnet.PlanItemKind, group jobnet.TargetGroup) {
	offset = Workday(b.g.today, offset)
	start := b.at(offset, 8*60+15*b.rng.IntN(28))
	form := allForms[b.rng.IntN(len(allForms))]
	place := ""
	if form == jobnet.FormFremmoede {
		place = bulkAddresses[org.Number]
	}
	id := b.g.next("meetings")
	b.rows.add("meetings", id, b.id, title, start, start.Add(time.Duration(30+15*b.rng.IntN(3))*time.Minute), string(form), place, with,
		orgID, string(kind), string(group))
	if b.lastMeet == 0 || start.After(b.lastMeetT) {
		b.lastMeet, b.lastMeetT = id, start
	}
}

// item adds an item of Min plan; to < from means "Hele tiden".
func (b *bulkCit) item(period int64, kind jobnet.PlanItemKind, title string, owner jobnet.PlanOwner, from, to int, text, by string, agreed int) {
	var org *int64
	switch owner {
	case jobnet.OwnerJobcenter:
		org = &b.jc
	case jobnet.OwnerAkasse:
		org = &b.akasse
	}
	var validTo, agreedOn *time.Time
	if to >= from {
		d := On(b.g.today, to)
		validTo = &d
	}
	if by != "" {
		d := On(b.g.today, agreed)
		agreedOn = &d
	}
	id := b.g.next("plan_items")
	b.rows.add("plan_items", id, b.id, period, string(kind), title, string(owner), org, On(b.g.today, from), validTo, text, by, agreedOn)
	if by == "" {
		agreed = from
	}
	if t := b.at(agreed, 16*60); agreed <= 0 && (b.lastItem == 0 || t.After(b.lastItemT)) {
		b.lastItem, b.lastItemT, b.lastItemS = id, t, title
	}
}

var (
	bulkJobcenterAgreements = []string{
		"Vi har aftalt, at du søger mindst to job om ugen inden for dine jobmål og registrerer dem i din joblog.",
		"Vi har aftalt, at du opdaterer dit CV og gør det søgbart for arbejdsgivere.",
		"Vi har aftalt, at du tilmelder dig to vikarbureauer og også søger job uden for dit fag.",
		"Vi har aftalt, at du søger job i hele dit pendlingsområde, også med op til to timers transport om dagen.",
		"Vi har aftalt, at du undersøger mulighederne for et kursus, der kan styrke dine kompetencer.",
		"Vi har aftalt, at du sender mindst én uopfordret ansøgning om ugen til virksomheder i dit område.",
	}
	bulkAkasseAgreements = []string{
		"Vi aftalte på mødet, at du tilmelder dig vikarbureauer for mulighed for hurtigere rekrutteringsproces.",
		"Vi aftalte, at du søger bredere og også søger deltidsstillinger.",
		"Vi aftalte, at du får hjælp til din ansøgning på a-kassens ansøgningsværksted.",
		"Vi aftalte, at du opdaterer dine jobmål i \"Jeg søger job som\".",
	}
	bulkEfforts = []struct {
		kind        jobnet.PlanItemKind
		title, text string
		days        int
	}{
		{jobnet.KindOpkvalificering, "Kursus i digitale værktøjer", "Kurset holdes hos AMU, mandag til torsdag kl. 8.30–14.30.", 20},
		{jobnet.KindVirksomhedspraktik, "Virksomhedspraktik", "Praktik i fire uger, 30 timer om ugen, for at afprøve et nyt fag.", 28},
		{jobnet.KindLoentilskud, "Løntilskud", "Løntilskud hos en offentlig arbejdsgiver, 30 timer om ugen.", 120},
		{jobnet.KindMentor, "Mentor", "Du mødes med din mentor hver anden uge.", 90},
		{jobnet.KindHjaelpemiddel, "Hjælpemiddel: ergonomisk arbejdsplads", "Du har fået bevilget et hæve-sænkebord og en ergonomisk stol.", 180},
		{jobnet.KindPersonligAssistance, "Personlig assistance", "En kollega hjælper dig med de opgaver, dit handicap gør svære.", 180},
		{jobnet.KindSocialSundhed, "Forløb hos kommunens sundhedscenter", "Du deltager i et forløb om at håndtere smerter i hverdagen.", 60},
	}
)

// plan adds a course's Min plan and meetings, from day from to day to
// (0: the course lasts): for dagpenge the STAR requirement, a jobsamtale
// with an agreement every six weeks and a meeting with the a-kasse every
// other time; in other target groups their own kind of meeting every eight
// weeks; and now and then an effort (a course, a practice, a mentor …).
func (b *bulkCit) plan(period int64, group jobnet.TargetGroup, from, to int) {
	last := to
	if to == 0 {
		last = 45 // the meetings planned ahead
	}
	switch group {
	case jobnet.TargetDagpenge:
		kravTo := to // "Hele tiden" while the course lasts
		if to == 0 {
			kravTo = from - 1
		}
		b.item(period, jobnet.KindKravTilJobsoegning, "Krav til jobsøgning (Styrelsen for Arbejdsmarked og Rekruttering)", jobnet.OwnerSTAR,
			from, kravTo, "Du skal søge job løbende og registrere din jobsøgning i din joblog. Både din a-kasse og dit jobcenter følger op på din jobsøgning.", "", 0)
		for k, d := 0, from+10+b.rng.IntN(10); d <= last; k, d = k+1, d+42 {
			b.item(period, jobnet.KindJobsamtale, "Jobsamtale", jobnet.OwnerJobcenter, d, d, "Samtale om din jobsøgning og dine muligheder.", b.jcWorker, d-14)
			b.meeting("Jobsamtale", d, b.jcOrg, b.jc, b.jcWorker, jobnet.KindJobsamtale, group)
			if d <= 0 {
				b.item(period, jobnet.KindAftale, "Aftale med jobcenter", jobnet.OwnerJobcenter, d, d+41, b.pick(bulkJobcenterAgreements), b.jcWorker, d)
			}
			if b.akasse != 0 && k%2 == 1 {
				ad := d + 7
				b.meeting(b.pick([]string{"CV-samtale i ", "Rådighedssamtale i ", "Opfølgningssamtale i "})+strings.SplitN(b.akOrg.Name, " ", 3)[0]+" "+b.akOrg.Number[1:],
					ad, b.akOrg, b.akasse, b.akWorker, jobnet.KindJobsamtale, group)
				if ad <= 0 {
					b.item(period, jobnet.KindAftale, "Aftale med a-kasse", jobnet.OwnerAkasse, ad, ad+83, b.pick(bulkAkasseAgreements), b.akWorker, ad)
				}
			}
			if b.rng.IntN(100) < 8 {
				e := bulkEfforts[b.rng.IntN(4)]
				b.item(period, e.kind, e.title, jobnet.OwnerJobcenter, d+7, d+7+e.days, e.text, b.jcWorker, d)
			}
		}
	default:
		kind := map[jobnet.TargetGroup]jobnet.PlanItemKind{
			jobnet.TargetSygedagpenge: jobnet.KindSygeopfoelgning, jobnet.TargetJobafklaring: jobnet.KindRehabiliteringsteam,
			jobnet.TargetRessourceforloeb: jobnet.KindRehabiliteringsteam, jobnet.TargetIntegration: jobnet.KindIntegrationskontrakt,
		}[group]
		if kind == "" {
			kind = jobnet.KindJobsamtale
		}
		title := map[jobnet.PlanItemKind]string{jobnet.KindSygeopfoelgning: "Sygeopfølgningssamtale",
			jobnet.KindRehabiliteringsteam: "Min sag til teamet", jobnet.KindIntegrationskontrakt: "Integrationskontrakt: danskuddannelse og sprogpraktik",
			jobnet.KindJobsamtale: "Jobsamtale"}[kind]
		text := map[jobnet.PlanItemKind]string{jobnet.KindSygeopfoelgning: "Sygeopfølgning: vi talte om din sygemelding og om, hvornår du kan vende tilbage.",
			jobnet.KindRehabiliteringsteam:  "Din sag skal behandles på rehabiliteringsteamets møde. Del de dokumenter, du vil have med, under Min sag til teamet.",
			jobnet.KindIntegrationskontrakt: "Kontrakt efter integrationsloven om danskuddannelse og sprogpraktik.",
			jobnet.KindJobsamtale:           "Samtale om dine mål og den indsats, der kan hjælpe dig videre."}[kind]
		for d := from + 7 + b.rng.IntN(14); d <= last; d += 84 {
			b.item(period, kind, title, jobnet.OwnerJobcenter, d, d, text, b.jcWorker, d-14)
			meetingKind := kind
			if kind == jobnet.KindIntegrationskontrakt {
				meetingKind = jobnet.KindJobsamtale
			}
			b.meeting(map[jobnet.PlanItemKind]string{jobnet.KindSygeopfoelgning: "Sygeopfølgningssamtale",
				jobnet.KindRehabiliteringsteam: "Møde i rehabiliteringsteamet", jobnet.KindJobsamtale: "Samtale i jobcentret"}[meetingKind],
				d, b.jcOrg, b.jc, b.jcWorker, meetingKind, group)
			if d <= 0 {
				b.item(period, jobnet.KindAftale, "Aftale med jobcenter", jobnet.OwnerJobcenter, d, d+83, b.pick(bulkJobcenterAgreements), b.jcWorker, d)
			}
			if b.rng.IntN(100) < 15 {
				e := bulkEfforts[b.rng.IntN(len(bulkEfforts))]
				b.item(period, e.kind, e.title, jobnet.OwnerJobcenter, d+7, d+7+e.days, e.text, b.jcWorker, d)
			}
		}
	}
}

var (
	bulkActivities = []string{"Jobsamtale hos vikarbureau", "Netværksmøde i a-kassen", "Jobmesse", "Kursus i ansøgningsskrivning",
		"Opdateret mit CV", "Informationsmøde om efteruddannelse", "Virksomhedsbesøg"}
	bulkHows = []string{skriftlig, skriftlig, skriftlig, skriftlig, skriftlig, skriftlig, telefonisk, personligt, uopfordret, uopfordret}
)

// joblog adds a week's searches (one or two) for every week from day from
// to day to (0: today), and another activity every fourth week.
func (b *bulkCit) joblog(from, to int) {
	g := b.g
	emps := g.byGroup[b.group]
	for week, d := 0, from+3; d <= to; week, d = week+1, d+7 {
		for range 1 + b.rng.IntN(2) {
			created := min(to, d+b.rng.IntN(7))
			updated := min(0, created+b.rng.IntN(10))
			status := jobnet.JoblogSoegt
			switch r := b.rng.IntN(100); {
			case -created < 42 && r < 30, r < 8:
				status = jobnet.JoblogIkkeSoegt
			case r < 60, -created < 42 && r < 88:
				status = jobnet.JoblogSoegt
			case r < 85 && -created >= 42:
				status = jobnet.JoblogAfslag
			case r < 98:
				status = jobnet.JoblogSamtale
			default:
				status = jobnet.JoblogAnsat
			}
			var how *string
			var applied, deadline *time.Time
			if status != jobnet.JoblogIkkeSoegt {
				h := b.pick(bulkHows)
				how = &h
				a := On(g.today, created)
				applied = &a
			}
			if how == nil || *how != uopfordret {
				dl := On(g.today, created+7+b.rng.IntN(24))
				deadline = &dl
			}
			var e bulkEmployer
			if len(emps) > 0 {
				e = g.emps[emps[b.rng.IntN(len(emps))]]
			} else {
				e = g.emps[b.rng.IntN(len(g.emps))]
			}
			occ := jobsOccupation(b.occs[b.rng.IntN(len(b.occs))])
			var postal *string
			town := ""
			if b.rng.IntN(10) < 7 {
				postal, town = &e.town.PostalCode, e.town.Name
			}
			createdAt := b.at(created, 7*60+b.rng.IntN(14*60))
			updatedAt := b.at(updated, 7*60+b.rng.IntN(14*60))
			if updatedAt.Before(createdAt) {
				updatedAt = createdAt
			}
			b.rows.add("joblog_entries", b.id, string(job), b.pick(occ.Variants), e.name, string(status), how, applied, nil, deadline,
				-created > 60 && b.rng.IntN(2) == 0, createdAt, updatedAt, postal, town)
		}
		if week%4 == 3 {
			t := b.at(d, 9*60+b.rng.IntN(8*60))
			b.rows.add("joblog_entries", b.id, string(aktivitet), b.pick(bulkActivities), b.activityHost(),
				nil, nil, nil, On(g.today, d), nil, false, t, t, nil, "")
		}
	}
}

// activityHost is who holds another activity of the joblog.
func (b *bulkCit) activityHost() string {
	if b.akasse == 0 || b.rng.IntN(2) == 0 {
		return b.jcOrg.Name
	}
	return b.akOrg.Name
}

// dagpenge adds the dagpenge counters: the period began on the first of the
// month DagpengeMonths months ago; some months hold hours of work, and a
// part of those who worked used supplerende dagpenge.
func (b *bulkCit) dagpenge() {
	g := b.g
	dc := DagpengeCase{MonthsIn: b.c.DagpengeMonths, Worked: map[int]float64{}}
	dc.Insurance.Dimittend = b.c.Kind == BulkDimittend
	dc.Insurance.PartTime = !dc.Insurance.Dimittend && b.rng.IntN(100) < 15
	// At most 900 hours of work in all: the counters keep one sum of the
	// extension earned, and its ceiling is 1,924 hours (2 per hour worked).
	first, worked := -1, 0
	for m := range dc.MonthsIn {
		if h := 5 + b.rng.IntN(140); b.rng.IntN(100) < 25 && worked+h <= 900 {
			worked += h
			dc.Worked[m] = float64(h)
			if first < 0 {
				first = m
			}
		}
	}
	if first >= 0 && b.rng.IntN(100) < 60 {
		dc.SupplementaryFrom = first
		dc.SupplementaryWeeks = min(30, 1+len(dc.Worked)*3)
	}
	k := dc.Counters(g.today)
	b.rows.add("dagpenge_counters", b.id, k.AsOf, dagpenge.RulesAsOf, k.Insurance.PartTime, k.Insurance.Dimittend, k.Period.Start, k.Period.End, k.Period.Used,
		k.Extension.From, k.Extension.To, k.Extension.Earned, k.Extension.Used, k.Reearn.Worked,
		k.Karens.From, k.Karens.To, k.Karens.Worked, k.Karens.Deductions)
	for _, m := range k.History {
		b.rows.add("dagpenge_months", b.id, m.Month, m.Worked, m.Consumed)
	}
	if x, ok := dc.Supplementary(g.today); ok {
		b.rows.add("supplerende_dagpenge_counters", b.id, x.AsOf, x.From, x.To, x.WeeksUsed)
	}
}

// absences adds a past holiday and perhaps a coming one (reported on Jobnet
// at least 14 days ahead), sick days, temporary work and the rarer kinds.
func (b *bulkCit) absences(dagpengeCourse bool) {
	g := b.g
	add := func(typ string, from int, to *int, comment, by string, registered int, lawful []jobnet.TargetGroup) {
		var org *int64
		switch by {
		case "A-kasse":
			if b.akasse == 0 {
				by = "Jobcenter"
				org = &b.jc
			} else {
				org = &b.akasse
			}
		case "Jobcenter":
			org = &b.jc
		}
		l := make([]string, len(lawful))
		for i, t := range lawful {
			l[i] = string(t)
		}
		b.rows.add("absences", b.id, typ, On(g.today, from), day(g.today, to), comment, by, org, b.at(registered, 9*60+15), l)
	}
	since := b.c.Registrations[len(b.c.Registrations)-1].FromDays
	if b.rng.IntN(100) < 60 && since < -60 {
		from := since + b.rng.IntN(-since-30)
		add(jobnet.AbsenceFerie, from, days(from+4+b.rng.IntN(10)), b.pick([]string{"Sommerferie", "Ferie med familien", "Efterårsferie", ""}),
			"Borger", from-14-b.rng.IntN(30), allTargetGroups)
	}
	if b.rng.IntN(100) < 20 {
		from := 15 + b.rng.IntN(60)
		add(jobnet.AbsenceFerie, from, days(from+4+b.rng.IntN(10)), "", "Borger", min(0, from-14)-b.rng.IntN(10), allTargetGroups)
	}
	if b.rng.IntN(100) < 30 && since < -20 {
		from := since + b.rng.IntN(-since-10)
		by := "Borger"
		if dagpengeCourse {
			by = "A-kasse"
		}
		add(jobnet.AbsenceSygdom, from, days(from+1+b.rng.IntN(9)), "", by, from, allTargetGroups)
	}
	if b.rng.IntN(100) < 3 {
		from := -b.rng.IntN(5)
		add(jobnet.AbsenceSygdom, from, nil, "", "Borger", from, allTargetGroups)
	}
	if dagpengeCourse && b.rng.IntN(100) < 15 && since < -40 {
		from := since + b.rng.IntN(-since-30)
		add(jobnet.AbsenceMidlertidigtArbejde, from, days(from+5+b.rng.IntN(20)), "Midlertidigt fuldtidsarbejde", "A-kasse", from-2, allTargetGroups)
	}
	switch r := b.rng.IntN(100); {
	case r < 2 && since < -20:
		from := since + b.rng.IntN(-since-14)
		add(jobnet.AbsenceBarselKort, from, days(from+b.rng.IntN(14)), "", "A-kasse", from, allTargetGroups)
	case r < 4:
		from := 1 + b.rng.IntN(30)
		add(jobnet.AbsenceBorgerligtOmbud, from, days(from), "Domsmand ved byretten", "Jobcenter", from-10, allTargetGroups)
	case r < 5:
		add(jobnet.AbsenceKommunehjaelp, -b.rng.IntN(200), nil, "Praktisk hjælp efter serviceloven", "Jobcenter", -200, allTargetGroups)
	case r < 8 && !dagpengeCourse:
		from := -b.rng.IntN(60)
		add(jobnet.AbsenceUddannelse, from, days(from+30+b.rng.IntN(60)), "Uddannelse aftalt med jobcentret", "Jobcenter", from-1, notDagpenge)
	}
}

var bulkSTAR = "Styrelsen for arbejdsmarked og rekruttering"

// message adds a message, from an organisation (orgID 0: STAR or an
// employer) with parties besides it.
func (b *bulkCit) message(from, fromOrg string, orgID int64, parties []int64, title, body string, offset int) {
	sent := b.at(offset, 7*60+b.rng.IntN(10*60))
	var read *time.Time
	if offset < -3 || b.rng.IntN(2) == 0 {
		t := sent.Add(time.Duration(1+b.rng.IntN(48)) * time.Hour)
		read = &t
	}
	var org *int64
	if orgID != 0 {
		org = &orgID
	}
	id := b.g.next("messages")
	b.rows.add("messages", id, b.id, from, fromOrg, org, title, body, sent, read)
	if orgID != 0 {
		b.rows.add("message_parties", id, orgID)
	}
	for _, p := range parties {
		if p != orgID && p != 0 {
			b.rows.add("message_parties", id, p)
		}
	}
	b.messages = append(b.messages, bulkMsg{id, title, sent})
}

// messagesOfDagpenge adds a dagpengemodtager's messages, oldest first: a
// welcome from STAR, the a-kasse's and the jobcenter's (some with the other
// as a party), STAR's copies to the jobcenter, employers' invitations, and
// now and then one from another a-kasse.
func (b *bulkCit) messagesOfDagpenge() {
	since := b.c.Registrations[len(b.c.Registrations)-1].FromDays
	b.message("Sagsbehandler", bulkSTAR, 0, nil, "Velkommen til Jobnet",
		"Du er nu tilmeldt som jobsøgende. På Jobnet kan du registrere din jobsøgning i Joblog, lave dit CV og se dine møder og aftaler.", since+1)
	for d := since + 5 + b.rng.IntN(10); d < 0; d += 21 + b.rng.IntN(21) {
		switch r := b.rng.IntN(100); {
		case r < 30 && b.akasse != 0:
			b.message(b.akWorker, b.akOrg.Name, b.akasse, nil, b.pick([]string{"Forberedelse til din samtale", "Husk dit dagpengekort", "Din rådighed", "Nyt om dine dagpenge"}),
				"Kære "+strings.Fields(b.c.Name)[0]+"\n\nHusk at opdatere dit CV og at have styr på din joblog, inden vi holder samtale. Du kan se tidspunktet under Møder.\n\nVenlig hilsen\n"+b.akWorker, d)
		case r < 60:
			var parties []int64
			if b.rng.IntN(3) == 0 {
				parties = []int64{b.akasse}
			}
			b.message("Sagsbehandler", b.jcOrg.Name, b.jc, parties, b.pick([]string{"Indkaldelse til jobsamtale", "Din plan er opdateret", "Referat af fællessamtale", "Tilbud om kursus"}),
				"Du kan se din plan og dine møder under Planer og aftaler på Jobnet.", d)
		case r < 75:
			var parties []int64
			if b.rng.IntN(2) == 0 {
				parties = []int64{b.jc}
			}
			b.message("Sagsbehandler", bulkSTAR, 0, parties, "Kopi til jobcentret: din sag er registreret",
				"Styrelsen for Arbejdsmarked og Rekruttering har registreret en ændring i din sag. Du skal ikke gøre noget.", d)
		case r < 95:
			e := b.g.emps[b.rng.IntN(len(b.g.emps))]
			b.message(b.person(), e.name, 0, nil, "Invitation til samtale",
				"Tak for din ansøgning. Vi vil gerne invitere dig til en samtale. Ring til os, så finder vi et tidspunkt.", d)
		default:
			other, otherID := OrgKystensAkasse, b.g.orgIDs[OrgKystensAkasse]
			if b.akasse == otherID {
				other, otherID = OrgFagenesAkasse, b.g.orgIDs[OrgFagenesAkasse]
			}
			b.message(b.person(), other.Name, otherID, nil, "Svar på din forespørgsel om at skifte a-kasse",
				"Du kan skifte til os fra den første i næste kvartal. Din anciennitet følger med.", d)
		}
	}
}

// messagesOfJobcenter adds the messages of a citizen in another target
// group: the jobcenter's, every one and a half to three and a half months.
func (b *bulkCit) messagesOfJobcenter(since int) {
	for d := since + 3 + b.rng.IntN(20); d < 0; d += 45 + b.rng.IntN(60) {
		b.message("Sagsbehandler", b.jcOrg.Name, b.jc, nil, b.pick([]string{"Indkaldelse til samtale", "Din plan er opdateret", "Tilbud om forløb"}),
			"Du kan se din plan og dine møder under Planer og aftaler på Jobnet.", d)
	}
}

var (
	bulkEducations = map[int][]string{
		JobGroupKontor: {"Kontoruddannelse med speciale i administration", "HHX"}, JobGroupLager: {"Lager- og terminaluddannelsen", "Chaufføruddannelsen"},
		JobGroupSundhed: {"Social- og sundhedshjælperuddannelsen", "Social- og sundhedsassistentuddannelsen", "Sygeplejerskeuddannelsen"},
		JobGroupByg:     {"Tømreruddannelsen", "Elektrikeruddannelsen", "VVS-energiuddannelsen"}, JobGroupSalg: {"Detailhandelsuddannelsen", "HHX"},
		JobGroupPaedagogik: {"Pædagoguddannelsen", "Pædagogisk assistentuddannelse"}, JobGroupRestaurant: {"Kokkeuddannelsen", "Tjeneruddannelsen"},
		JobGroupRengoering: {"Ejendomsserviceteknikeruddannelsen", "Grundforløb til erhvervsuddannelse"},
	}
	bulkCourseTitles = []string{"Førstehjælp", "Truckcertifikat B", "Microsoft Excel for øvede", "Kundeservice i praksis", "Hygiejnekursus", "Arbejdsmiljø for ansatte"}
)

// cv adds a CV with its parts, and sometimes a presentation CV.
func (b *bulkCit) cv() {
	g := b.g
	id := g.next("cvs")
	first := strings.ToLower(strings.Fields(b.c.Name)[0])
	email, address := "", ""
	phones := []string{}
	if b.rng.IntN(10) < 8 {
		email = fmt.Sprintf("%s%d@example.dk", jobsSlug(first), b.rng.IntN(1000))
	}
	if b.rng.IntN(10) < 8 || email == "" {
		phones = append(phones, fmt.Sprintf("%02d %02d %02d %02d", 20+b.rng.IntN(80), b.rng.IntN(100), b.rng.IntN(100), b.rng.IntN(100)))
	}
	if b.rng.IntN(2) == 0 {
		address = fmt.Sprintf("%s %d, %s", b.pick(jobsStreets), 1+b.rng.IntN(90), map[string]string{"751": "8000 Aarhus C", "461": "5000 Odense C"}[b.jcOrg.Number])
	}
	occ := jobsOccupation(b.occs[0])
	b.rows.add("cvs", id, b.id, b.rng.IntN(10) < 7, b.rng.IntN(10) == 0,
		fmt.Sprintf("%s med erfaring fra flere arbejdspladser. Jeg er %s og glad for at lære nyt.", bulkCapital(occ.Noun), b.pick(jobsAdjectives)),
		email, phones, address, b.at(-b.rng.IntN(300), 8*60+b.rng.IntN(12*60)))
	end := 1 + b.rng.IntN(8)
	for range 1 + b.rng.IntN(4) {
		start := end + 6 + b.rng.IntN(60)
		o := jobsOccupation(b.occs[b.rng.IntN(len(b.occs))])
		e := g.emps[b.rng.IntN(len(g.emps))]
		if es := g.byGroup[b.group]; len(es) > 0 {
			e = g.emps[es[b.rng.IntN(len(es))]]
		}
		tasks := jobsTasks[o.ID]
		b.rows.add("cv_experiences", id, o.Variants[0], e.name, cvMonth(g.today, start), cvMonth(g.today, end),
			bulkCapital(tasks[0])+" og "+tasks[len(tasks)-1]+".")
		end = start + 1
	}
	edu := bulkEducations[b.group]
	b.rows.add("cv_educations", id, string(jobnet.EducationUddannelse), edu[b.rng.IntN(len(edu))], "", cvMonth(g.today, end+b.rng.IntN(24)))
	if b.rng.IntN(2) == 0 {
		b.rows.add("cv_educations", id, string(jobnet.EducationKursus), b.pick(bulkCourseTitles), "AMU", cvMonth(g.today, b.rng.IntN(60)))
	}
	tasks := jobsTasks[occ.ID]
	for k, t := range tasks[:min(len(tasks), 2+b.rng.IntN(3))] {
		b.rows.add("cv_qualifications", id, k+1, bulkCapital(t))
	}
	b.rows.add("cv_languages", id, 1, "Dansk", "Modersmål")
	if b.rng.IntN(10) < 8 {
		b.rows.add("cv_languages", id, 2, "Engelsk", b.pick([]string{"Begynder", "Øvet", "Flydende"}))
	}
	if b.rng.IntN(10) < 7 {
		b.rows.add("cv_driving_licences", id, "B", "Almindelig bil")
		if b.group == JobGroupLager && b.rng.IntN(2) == 0 {
			b.rows.add("cv_driving_licences", id, "CE", "Lastbil med påhængsvogn")
		}
	}
	if b.rng.IntN(10) == 0 {
		b.rows.add("presentation_cvs", b.id, "Præsentations-CV: en kort video og tekst om mig som kollega.", b.at(-b.rng.IntN(200), 11*60))
	}
}

// jobSearch adds, for cvPct in a hundred, a CV, and job goals, employment
// conditions, saved searches (some of them job agents) and saved jobs.
func (b *bulkCit) jobSearch(cvPct int) {
	g := b.g
	if b.rng.IntN(100) < cvPct {
		b.cv()
	}
	n := 1 + b.rng.IntN(min(3, len(b.occs)))
	first := b.rng.IntN(len(b.occs))
	for k := range n {
		var last *int
		if b.rng.IntN(5) > 0 {
			y := 2026 - b.rng.IntN(10)
			last = &y
		}
		b.rows.add("job_goals", b.id, b.occs[(first+k)%len(b.occs)], k+1, b.rng.IntN(2) == 0, b.rng.IntN(240), last)
	}
	if b.rng.IntN(10) < 8 {
		b.rows.add("employment_conditions", b.id, b.pick([]string{"Fuldtid", "Deltid", "Fuldtid eller deltid"}),
			[]string{b.pick([]string{"Hurtigst muligt", "Efter aftale", "Inden for 1 måned", "Inden for 3 måneder"})})
	}
	region := map[string]string{"751": "1082", "461": "1083"}[b.jcOrg.Number]
	for k := range b.rng.IntN(4) {
		id := g.next("search_profiles")
		o := jobsOccupation(b.occs[(first+k)%len(b.occs)])
		var agent *string
		if r := b.rng.IntN(3); r > 0 {
			a := []string{"", "Dagligt", "Ugentligt"}[r]
			agent = &a
		}
		b.rows.add("search_profiles", id, b.id, o.Noun+" i nærheden", b.pick([]string{"", "", "fast", "deltid"}), agent, b.at(-1-b.rng.IntN(300), 20*60))
		b.rows.add("search_profile_occupations", id, o.ID)
		if b.rng.IntN(2) == 0 {
			b.rows.add("search_profile_areas", id, b.jcOrg.Number, nil)
		} else {
			b.rows.add("search_profile_areas", id, nil, region)
		}
	}
	if n := b.rng.IntN(5); n > 0 {
		k := b.rng.IntN(g.openPostings)
		for j := range n {
			b.rows.add("saved_jobs", b.id, g.postingID(g.openPosting(k+j*7919)), b.at(-b.rng.IntN(40), 18*60+b.rng.IntN(240)))
		}
	}
}

// preparation adds a preparation form, filled in a few days after the
// course began.
func (b *bulkCit) preparation(variant string, since int) {
	id := b.g.next("preparation_forms")
	b.rows.add("preparation_forms", id, b.id, variant, b.at(min(0, since+1+b.rng.IntN(14)), 10*60+b.rng.IntN(8*60)))
	switch variant {
	case jobnet.PreparationDagpenge:
		for k, a := range dagpengeAnswers(
			cvOne(b.pick([]string{"Folkeskole", "Gymnasial uddannelse", "Erhvervsuddannelse", "Kort videregående uddannelse", "Lang videregående uddannelse"})),
			cvOne(b.pick([]string{"Inden for 1 måned", "Inden for 3 måneder", "Inden for 6 måneder", "Det ved jeg ikke"})),
			cvOne(b.pick([]string{"Jeg er blevet opsagt", "Jeg har selv sagt op", "Min tidsbegrænsede ansættelse er udløbet"})),
			cvOne(b.pick([]string{"Jeg har vidst det i mindre end en uge", "Jeg har vidst det i 1-3 måneder", "Jeg har vidst det i mere end 3 måneder"})),
			cvOne(b.pick([]string{"Jeg har ikke søgt job", "Jeg har søgt 1 job", "Jeg har søgt 2-10 job", "Jeg har søgt mere end 10 job"})),
			cvOne(b.pick([]string{"Mine jobmuligheder er gode", "Mine jobmuligheder er middelgode", "Mine jobmuligheder er dårlige"})),
			cvOne(b.pick([]string{"Jeg ved præcis, hvilket arbejde jeg gerne vil have", "Jeg har en idé om hvilken type arbejde, jeg gerne vil have"})),
			[]string{"Svarer på annoncer i aviser, blade, internet mv.", b.pick([]string{"Sender uopfordrede ansøgninger", "Kontakter vikarbureauer", "Går direkte ud på virksomhederne"})},
		) {
			b.rows.add("preparation_form_answers", id, k+1, a.Question, a.Answers)
		}
	case jobnet.PreparationKontanthjaelp:
		b.rows.add("preparation_form_answers", id, 1, QuestionKontanthjaelpWork, cvOne(jobsOccupation(b.occs[0]).Title))
		b.rows.add("preparation_form_answers", id, 2, QuestionKontanthjaelpHinder, cvOne(b.pick([]string{"Nej", "Mit helbred", "Min bolig"})))
	default:
		b.rows.add("preparation_form_answers", id, 1, "Hvad vil du gerne i gang med inden for det næste år?", cvOne(b.pick([]string{"Jeg vil gerne starte på en uddannelse", "Jeg vil gerne have et arbejde"})))
	}
}

// offers opens the demo meeting offers of the citizen's target group to
// the citizens of Jobcenter Aarhus (the demo offers are its).
func (b *bulkCit) offers(group jobnet.TargetGroup) {
	if b.jcOrg != OrgJobcenterAarhus {
		return
	}
	for _, o := range b.g.offers[group] {
		if b.rng.IntN(2) == 0 {
			continue
		}
		t := b.at(-b.rng.IntN(30), 8*60)
		b.rows.add("meeting_offer_citizens", o.id, b.id, t)
		b.rows.add("frontpage_notifications", b.id, string(jobnet.NotificationSelfBooking), o.title, t, pages.Moeder.Path, nil, nil, o.id, nil)
	}
}

// notifications adds the Forside's notifications of the newest meeting,
// plan item and messages.
func (b *bulkCit) notifications() {
	if b.lastMeet != 0 {
		told := b.lastMeetT.Add(-14 * 24 * time.Hour)
		if now := b.at(0, 8*60); told.After(now) {
			told = now
		}
		b.rows.add("frontpage_notifications", b.id, string(jobnet.NotificationMeeting), "Du har fået et nyt møde",
			told, pages.Moeder.Path, nil, b.lastMeet, nil, nil)
	}
	if b.lastItem != 0 {
		b.rows.add("frontpage_notifications", b.id, string(jobnet.NotificationMinPlan), "Ny version af Min plan: "+b.lastItemS,
			b.lastItemT, pages.MinPlan.Path, b.lastItem, nil, nil, nil)
	}
	for _, m := range b.messages[max(0, len(b.messages)-2):] {
		b.rows.add("frontpage_notifications", b.id, string(jobnet.NotificationMessage), m.title, m.sent, pages.Beskeder.Path, nil, nil, nil, m.id)
	}
}
