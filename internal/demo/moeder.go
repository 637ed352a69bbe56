package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// Møder and Min beskedbakke (seed 001 §5.2 and §5.4, seed 002 §3).

// MeetingOffer is a demo meeting offer of Jobcenter Aarhus with its
// caseworkers or teams and their free times. Kind and TargetGroup place it
// in the plan, as a plan item (SPEC §5.3): an offer belongs to one target
// group, so citizens of different target groups get different offers.
type MeetingOffer struct {
	Kind                 jobnet.PlanItemKind
	TargetGroup          jobnet.TargetGroup
	Title, Description   string
	Minutes              int
	Forms                []jobnet.MeetingForm
	Attention, Questions string
	Hosts                []MeetingHost
	Citizens             []string // the keys of the citizens the offer is open to
	OfferedDays          int      // when it was opened to them
}

// MeetingHost is a caseworker or team of an offer, with free times.
type MeetingHost struct {
	Name  string
	Slots []MeetingSlot
}

// MeetingSlot is a free time on a workday, in every one of Forms (nil: all
// the offer's mødeformer), held by Caseworker.
type MeetingSlot struct {
	Days       int    // days from today, moved forward to a workday
	At         string // "09:00", Copenhagen
	Caseworker string
	Forms      []jobnet.MeetingForm
}

// StartsAt is the slot's time.
func (s MeetingSlot) StartsAt(today time.Time) time.Time {
	return at(today, Workday(today, s.Days), s.At)
}

// PlannedMeeting is a demo meeting of a citizen with the jobcenter or the
// a-kasse. A meeting self-booked at a slot takes the slot, which is then no
// longer free.
type PlannedMeeting struct {
	Title       string
	Days        int // from today, moved forward to a workday
	At          string
	Minutes     int
	Form        jobnet.MeetingForm
	Place       string
	WithWhom    string
	Org         jobnet.Organisation
	Kind        jobnet.PlanItemKind
	TargetGroup jobnet.TargetGroup
	BookedAt    *MeetingSlotRef
}

// StartsAt is the meeting's time.
func (m PlannedMeeting) StartsAt(today time.Time) time.Time {
	return at(today, Workday(today, m.Days), m.At)
}

// MeetingSlotRef names a slot by offer, host and time.
type MeetingSlotRef struct {
	Offer, Host int // indexes into MeetingOffers and its Hosts
	Form        jobnet.MeetingForm
}

// InboxMessage is a demo message in a citizen's beskedbakke.
type InboxMessage struct {
	From, FromOrg string
	Org           *jobnet.Organisation  // the sending organisation; nil for STAR and employers
	Parties       []jobnet.Organisation // besides the sender
	Title, Body   string
	Days          int    // sent, days from today
	At            string // "10:15"
	ReadDays      *int   // nil: unread
}

// SentAt is when the message was sent.
func (m InboxMessage) SentAt(today time.Time) time.Time { return at(today, m.Days, m.At) }

// Workday moves a day offset forward to the first Monday–Friday.
func Workday(today time.Time, offset int) int {
	for {
		switch On(today, offset).Weekday() {
		case time.Saturday, time.Sunday:
			offset++
		default:
			return offset
		}
	}
}

var (
	allForms = []jobnet.MeetingForm{jobnet.FormFremmoede, jobnet.FormTelefon, jobnet.FormDigital}

	// The rights and duties of seed 001 billede 17.
	rightsAttention = "Du har pligt til at deltage i samtalen. Ellers skal vi orientere din a-kasse."
	rightsQuestions = "Hvis du har spørgsmål om dine dagpenge, skal du kontakte din a-kasse. Hvis du har andre spørgsmål, kan du finde mange svar på Jobnet. Ellers er du velkommen i Jobcentret."

	jobcenterAarhusAddress = "Jobcenter Aarhus, Værkmestergade 9, 8000 Aarhus C"
)

// teamSlots are six workdays of free times, two a day, each in all three
// mødeformer: 36 choices, more than the 30 Jobnet shows (seed 002 §3.1).
func teamSlots() []MeetingSlot {
	names := []string{"Christian", "Maria", "Jan", "Henrik"}
	var out []MeetingSlot
	for d := 0; d < 6; d++ {
		for i, clock := range []string{"09:00", "13:00"} {
			out = append(out, MeetingSlot{Days: 2 + 2*d, At: clock, Caseworker: names[(2*d+i)%len(names)]})
		}
	}
	// One from a week ago: past, never offered.
	return append(out, MeetingSlot{Days: -7, At: "09:00", Caseworker: "Christian"})
}

// Titles of Anna's meetings and offers that the a-kasse may not see, so
// that tests can look for them on every page.
const (
	// OfferSygeopfoelgningTitle is an offer of a sygeopfølgningssamtale in
	// the sygedagpenge target group, opened to Anna while she was sick and
	// never closed.
	OfferSygeopfoelgningTitle = "Sygeopfølgningssamtale: book selv din opfølgning med Team Sygedagpenge"
	// MeetingAnnaMentorTitle is Anna's coming meeting with her mentor.
	MeetingAnnaMentorTitle = "Mentormøde med Peter fra Mentorhuset om din første kursusuge"
)

// MeetingOffers are Jobnet Aarhus's offers, in the order of Trin 1 (seed 001
// billede 16: two to choose from). Anna and Camilla, on dagpenge, are offered
// a jobsamtale and a meeting about CV and applications; Lars, fleksjobvisiteret,
// a meeting of his own target group; Anna also an offer of a
// sygeopfølgningssamtale from her sick period, which the a-kasse may not see.
var MeetingOffers = []MeetingOffer{
	{
		Kind: jobnet.KindJobsamtale, TargetGroup: jobnet.TargetDagpenge,
		Title:       "Jobsamtale i Jobcenter Aarhus",
		Description: "Samtale med en jobkonsulent om din jobsøgning, dine jobmål og dine muligheder for at komme i arbejde. Samtalen er en del af dit forløb i jobcentret.",
		Minutes:     30, Forms: allForms, Attention: rightsAttention, Questions: rightsQuestions,
		Hosts: []MeetingHost{
			{Name: "Team Dagpenge", Slots: teamSlots()},
			{Name: "Nina Pettersen", Slots: []MeetingSlot{
				{Days: 3, At: "10:00", Caseworker: "Nina Pettersen", Forms: []jobnet.MeetingForm{jobnet.FormFremmoede, jobnet.FormTelefon}},
				{Days: 7, At: "10:00", Caseworker: "Nina Pettersen", Forms: []jobnet.MeetingForm{jobnet.FormFremmoede}},
				{Days: 8, At: "11:00", Caseworker: "Nina Pettersen", Forms: []jobnet.MeetingForm{jobnet.FormFremmoede, jobnet.FormTelefon}},
			}},
		},
		Citizens: []string{"anna", "camilla", "maja"}, OfferedDays: -1,
	},
	{
		Kind: jobnet.KindJobsamtale, TargetGroup: jobnet.TargetFleksjob,
		Title:       "Samtale om fleksjob og virksomhedspraktik",
		Description: "Vi taler om, hvordan det går med din jobsøgning og din virksomhedspraktik, og om hvilke fleksjob der passer til dine skånehensyn. Hav din praktikaftale klar, når vi ringer.",
		Minutes:     45, Forms: []jobnet.MeetingForm{jobnet.FormTelefon},
		Attention: "Når du har booket mødet, skal du deltage. Kan du ikke komme, skal du melde afbud senest dagen før.",
		Questions: "Hvis du har spørgsmål om dit fleksjob eller din ledighedsydelse, kan du kontakte Team Fleksjob i Jobcenter Aarhus.",
		Hosts: []MeetingHost{
			{Name: "Team Fleksjob", Slots: []MeetingSlot{
				{Days: 3, At: "09:30", Caseworker: "Louise"},
				{Days: 8, At: "14:00", Caseworker: "Louise"},
				{Days: 10, At: "10:30", Caseworker: "Bent"},
			}},
		},
		Citizens: []string{"lars"}, OfferedDays: -20,
	},
	{
		Kind: jobnet.KindJobsamtale, TargetGroup: jobnet.TargetDagpenge,
		Title:       "Møde om CV og ansøgninger",
		Description: "Vi gennemgår dit CV og en af dine ansøgninger og giver dig råd om, hvordan du kan søge job mere målrettet. Hav dit CV og en ansøgning klar, når vi ringer.",
		Minutes:     45, Forms: []jobnet.MeetingForm{jobnet.FormTelefon},
		Attention: "Når du har booket mødet, skal du deltage. Kan du ikke komme, skal du melde afbud senest dagen før.",
		Questions: rightsQuestions,
		Hosts: []MeetingHost{
			{Name: "Team Jobformidling", Slots: []MeetingSlot{
				{Days: 4, At: "09:30", Caseworker: "Karin"},
				{Days: 4, At: "14:00", Caseworker: "Karin"},
				{Days: 9, At: "10:30", Caseworker: "Mikkel"},
				{Days: 11, At: "13:30", Caseworker: "Karin"},
			}},
		},
		Citizens: []string{"anna", "camilla", "maja"}, OfferedDays: -20,
	},
	{
		Kind: jobnet.KindSygeopfoelgning, TargetGroup: jobnet.TargetSygedagpenge,
		Title:       OfferSygeopfoelgningTitle,
		Description: "Opfølgning på din sygemelding med en rådgiver fra Team Sygedagpenge: hvordan det går med dit helbred, og hvad der skal til, for at du kan vende tilbage til arbejdet. Tag gerne din seneste lægeerklæring med.",
		Minutes:     45, Forms: []jobnet.MeetingForm{jobnet.FormFremmoede, jobnet.FormTelefon},
		Attention: "Du har pligt til at deltage i opfølgningen. Ellers kan kommunen stoppe dine sygedagpenge.",
		Questions: "Hvis du har spørgsmål om dine sygedagpenge, skal du kontakte Ydelsesservice i Aarhus Kommune.",
		Hosts: []MeetingHost{
			{Name: "Team Sygedagpenge", Slots: []MeetingSlot{
				{Days: 5, At: "10:00", Caseworker: "Sanne"},
				{Days: 6, At: "13:30", Caseworker: "Sanne"},
				{Days: 12, At: "09:00", Caseworker: "Bjarne"},
			}},
		},
		Citizens: []string{"anna"}, OfferedDays: -250,
	},
}

// Meetings are the demo citizens' meetings, by citizen key. Anna has a
// jobcenter meeting next week (self-booked with Nina Pettersen), an a-kasse
// meeting in two weeks, a jobcenter meeting three weeks ago, and a meeting
// with her mentor (Min plan's mentor item), which the a-kasse may not see.
var Meetings = map[string][]PlannedMeeting{
	"anna": {
		{Title: "Jobsamtale", Days: 7, At: "10:00", Minutes: 30, Form: jobnet.FormFremmoede, Place: jobcenterAarhusAddress,
			WithWhom: "Nina Pettersen", Org: OrgJobcenterAarhus, Kind: jobnet.KindJobsamtale, TargetGroup: jobnet.TargetDagpenge,
			BookedAt: &MeetingSlotRef{Offer: 0, Host: 1, Form: jobnet.FormFremmoede}},
		{Title: "CV-samtale i A-kasse 22", Days: 14, At: "13:00", Minutes: 45, Form: jobnet.FormTelefon,
			WithWhom: "Berit Hansen", Org: OrgFagenesAkasse, Kind: jobnet.KindJobsamtale, TargetGroup: jobnet.TargetDagpenge},
		{Title: "Jobsamtale", Days: -21, At: "09:30", Minutes: 30, Form: jobnet.FormFremmoede, Place: jobcenterAarhusAddress,
			WithWhom: "Nina Pettersen", Org: OrgJobcenterAarhus, Kind: jobnet.KindJobsamtale, TargetGroup: jobnet.TargetDagpenge},
		{Title: MeetingAnnaMentorTitle, Days: 9, At: "15:00", Minutes: 60, Form: jobnet.FormFremmoede,
			Place: "Mentorhuset, Frederiks Allé 20, 8000 Aarhus C", WithWhom: "Peter Vang, mentor",
			Org: OrgJobcenterAarhus, Kind: jobnet.KindMentor, TargetGroup: jobnet.TargetDagpenge},
	},
	"camilla": {
		{Title: "Dimittendsamtale i A-kasse 22", Days: 10, At: "11:00", Minutes: 30, Form: jobnet.FormDigital,
			WithWhom: "Berit Hansen", Org: OrgFagenesAkasse, Kind: jobnet.KindJobsamtale, TargetGroup: jobnet.TargetDagpenge},
	},
	"lars": {
		{Title: "Opfølgningssamtale om fleksjob", Days: 5, At: "14:00", Minutes: 45, Form: jobnet.FormDigital,
			WithWhom: "Nina Pettersen", Org: OrgJobcenterAarhus, Kind: jobnet.KindJobsamtale, TargetGroup: jobnet.TargetFleksjob},
	},
}

// Texts of anna's messages that tests look for.
const (
	MessageAnnaAkasseBody    = "Husk at opdatere dit CV og at have styr på din joblog, inden vi holder CV-samtale. Du kan se tidspunktet under Møder."
	MessageAnnaJobcenterBody = "FORTROLIGT-JOBCENTER: Indkaldelse til samtale om sygedagpenge"
	MessageAnnaJointBody     = "Referat af fællessamtalen: Du, jobcentret og A-kasse 22 aftalte, at du søger mindst to kontorjob om ugen."
	MessageLarsBody          = "Du er indkaldt til en opfølgningssamtale om dit fleksjob. Samtalen foregår som digitalt møde."
)

// Subjects and bodies of Anna's messages that A-kasse 22 is not a party to:
// it may see neither (SPEC §5.3), so tests look for them on every page.
const (
	// MessageAnnaEmployerTitle is the subject of an employer's message.
	MessageAnnaEmployerTitle = "Invitation til samtale om stillingen som kontorassistent"
	// MessageAnnaSTARTitle and MessageAnnaSTARBody are STAR's message, with
	// Jobcenter Aarhus as a party.
	MessageAnnaSTARTitle = "Kopi til jobcentret: dit løntilskud er registreret i STAR's refusionssystem"
	MessageAnnaSTARBody  = "STAR-TIL-JOBCENTER: Jobcenter Aarhus har indberettet dit løntilskud hos Aarhus Kommune, Borgerservice. Du skal ikke gøre noget."
	// MessageAnnaOtherAkasseTitle and MessageAnnaOtherAkasseBody are a
	// message from another a-kasse (A-kasse 31).
	MessageAnnaOtherAkasseTitle = "Svar på din forespørgsel om at skifte til A-kasse 31 Kystens Lønmodtagere"
	MessageAnnaOtherAkasseBody  = "ANDEN-AKASSE: Du kan skifte til os fra den første i næste kvartal. Din anciennitet fra A-kasse 22 følger med."
)

// Messages are the demo citizens' messages, by citizen key, newest first.
// Anna's are from an employer, her a-kasse, another a-kasse, her jobcenter
// (one with the a-kasse as a party, one without) and STAR (one to her alone,
// one with the jobcenter as a party), read and unread, five recent and four
// older (seed 001 billede 20).
var Messages = map[string][]InboxMessage{
	"anna": {
		{From: "Karina Lund", FromOrg: "Dansk Byggeadministration A/S", Days: -2, At: "10:15",
			Title: MessageAnnaEmployerTitle,
			Body:  "Kære Anna Jensen\n\nTak for din ansøgning. Vi vil gerne invitere dig til en samtale om stillingen som kontorassistent hos os.\n\nRing til mig på 86 20 14 30, så finder vi et tidspunkt.\n\nVenlig hilsen\nKarina Lund, HR"},
		{From: "Berit Hansen", FromOrg: OrgFagenesAkasse.Name, Org: &OrgFagenesAkasse, Days: -3, At: "14:30",
			Title: "Forberedelse til din CV-samtale",
			Body:  "Kære Anna\n\n" + MessageAnnaAkasseBody + "\n\nVenlig hilsen\nBerit Hansen"},
		{From: "Sagsbehandler", FromOrg: "Styrelsen for arbejdsmarked og rekruttering", Parties: []jobnet.Organisation{OrgJobcenterAarhus},
			Days: -6, At: "07:45", ReadDays: days(-5),
			Title: MessageAnnaSTARTitle,
			Body:  MessageAnnaSTARBody + "\n\nDenne besked er også sendt til Jobcenter Aarhus."},
		{From: "Jonas Friis", FromOrg: OrgKystensAkasse.Name, Org: &OrgKystensAkasse, Days: -8, At: "11:05",
			Title: MessageAnnaOtherAkasseTitle,
			Body:  "Kære Anna Jensen\n\n" + MessageAnnaOtherAkasseBody + "\n\nVenlig hilsen\nJonas Friis, medlemsservice"},
		{From: "Sagsbehandler", FromOrg: OrgJobcenterAarhus.Name, Org: &OrgJobcenterAarhus, Parties: []jobnet.Organisation{OrgFagenesAkasse},
			Days: -25, At: "15:40", ReadDays: days(-24),
			Title: "Referat af fællessamtale",
			Body:  MessageAnnaJointBody + "\n\nVi følger op på jobsamtalen om seks uger."},
		{From: "Sagsbehandler", FromOrg: OrgJobcenterAarhus.Name, Org: &OrgJobcenterAarhus, Days: -60, At: "11:00", ReadDays: days(-58),
			Title: "Din plan er opdateret",
			Body:  "Der er en ny version af Min Plan efter din samtale i jobcentret. Du kan se den under Planer og aftaler."},
		{From: "Sagsbehandler", FromOrg: "Styrelsen for arbejdsmarked og rekruttering", Days: -213, At: "08:00", ReadDays: days(-212),
			Title: "Velkommen til Jobnet",
			Body:  "Du er nu tilmeldt som jobsøgende. På Jobnet kan du registrere din jobsøgning i Joblog, lave dit CV og se dine møder og aftaler."},
		{From: "Sagsbehandler", FromOrg: OrgJobcenterAarhus.Name, Org: &OrgJobcenterAarhus, Days: -240, At: "09:05", ReadDays: days(-240),
			Title: "Indkaldelse til samtale",
			Body:  MessageAnnaJobcenterBody + "\n\nDu er indkaldt til en sygeopfølgningssamtale i jobcentret. Tag din lægeerklæring med."},
		{From: "Berit Hansen", FromOrg: OrgFagenesAkasse.Name, Org: &OrgFagenesAkasse, Days: -300, At: "13:20", ReadDays: days(-299),
			Title: "Dit medlemskab af A-kasse 22",
			Body:  "Tak for din henvendelse. Dit medlemskab er nu overført til fuldtidsforsikring."},
	},
	"maja": {
		{From: "Berit Hansen", FromOrg: OrgFagenesAkasse.Name, Org: &OrgFagenesAkasse, Days: -58, At: "10:40", ReadDays: days(-57),
			Title: "Du får nu dagpenge",
			Body:  "Kære Maja\n\nDu er raskmeldt, og du får nu dagpenge fra os. Husk at søge job fra første dag og at registrere din jobsøgning i Joblog.\n\nVenlig hilsen\nBerit Hansen"},
	},
	"camilla": {
		{From: "Berit Hansen", FromOrg: OrgFagenesAkasse.Name, Org: &OrgFagenesAkasse, Days: -15, At: "09:45",
			Title: "Velkommen som dimittend",
			Body:  "Velkommen i A-kasse 22. Som dimittend skal du være tilmeldt jobcentret og søge job fra første dag."},
	},
	"lars": {
		{From: "Sagsbehandler", FromOrg: OrgJobcenterAarhus.Name, Org: &OrgJobcenterAarhus, Days: -4, At: "12:10",
			Title: "Indkaldelse til opfølgningssamtale", Body: MessageLarsBody},
	},
}

var moederLoader = areaLoader{name: "møder og beskeder", load: loadMoeder}

func loadMoeder(ctx context.Context, tx pgx.Tx, st *loadState) error {
	jobcenter := st.orgIDs[OrgJobcenterAarhus]
	hostIDs := map[[2]int]int64{} // offer, host → id
	slotIDs := map[string]int64{} // slotKey → id
	for oi, o := range MeetingOffers {
		var offerID int64
		if err := tx.QueryRow(ctx, `INSERT INTO meeting_offers (jobcenter_id, kind, target_group, title, description, duration_minutes,
				attention_text, questions_text, position)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
			jobcenter, string(o.Kind), string(o.TargetGroup), o.Title, o.Description, o.Minutes, o.Attention, o.Questions, oi+1).Scan(&offerID); err != nil {
			return fmt.Errorf("offer %q: %w", o.Title, err)
		}
		for fi, f := range o.Forms {
			if _, err := tx.Exec(ctx, `INSERT INTO meeting_offer_forms (offer_id, form, position) VALUES ($1, $2, $3)`, offerID, string(f), fi+1); err != nil {
				return fmt.Errorf("offer %q: %w", o.Title, err)
			}
		}
		for _, key := range o.Citizens {
			if _, err := tx.Exec(ctx, `INSERT INTO meeting_offer_citizens (offer_id, citizen_id, offered_at) VALUES ($1, $2, $3)`,
				offerID, st.citizenIDs[key], at(st.today, o.OfferedDays, "08:00")); err != nil {
				return fmt.Errorf("offer %q to %s: %w", o.Title, key, err)
			}
		}
		for hi, h := range o.Hosts {
			var hostID int64
			if err := tx.QueryRow(ctx, `INSERT INTO meeting_offer_hosts (offer_id, name, position) VALUES ($1, $2, $3) RETURNING id`,
				offerID, h.Name, hi+1).Scan(&hostID); err != nil {
				return fmt.Errorf("host %q: %w", h.Name, err)
			}
			hostIDs[[2]int{oi, hi}] = hostID
			for _, sl := range h.Slots {
				forms := sl.Forms
				if forms == nil {
					forms = o.Forms
				}
				for _, f := range forms {
					var slotID int64
					if err := tx.QueryRow(ctx, `INSERT INTO meeting_slots (offer_id, host_id, starts_at, form, caseworker_name)
						VALUES ($1, $2, $3, $4, $5) RETURNING id`, offerID, hostID, sl.StartsAt(st.today), string(f), sl.Caseworker).Scan(&slotID); err != nil {
						return fmt.Errorf("slot of %q: %w", h.Name, err)
					}
					slotIDs[slotKey(oi, hi, sl.StartsAt(st.today), f)] = slotID
				}
			}
		}
	}

	b := &pgx.Batch{}
	for _, c := range Citizens {
		cid := st.citizenIDs[c.Key]
		for _, m := range Meetings[c.Key] {
			start := m.StartsAt(st.today)
			var slot *int64
			if r := m.BookedAt; r != nil {
				id, ok := slotIDs[slotKey(r.Offer, r.Host, start, r.Form)]
				if !ok {
					return fmt.Errorf("meeting %q of %s: no slot at its time", m.Title, c.Key)
				}
				slot = &id
			}
			b.Queue(`INSERT INTO meetings (citizen_id, title, starts_at, ends_at, form, place, with_whom, organisation_id, kind, target_group, slot_id)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
				cid, m.Title, start, start.Add(time.Duration(m.Minutes)*time.Minute), string(m.Form), m.Place, m.WithWhom,
				st.orgIDs[m.Org], string(m.Kind), string(m.TargetGroup), slot)
		}
		for _, m := range Messages[c.Key] {
			var fromOrg *int64
			parties := []int64{}
			if m.Org != nil {
				id := st.orgIDs[*m.Org]
				fromOrg = &id
				parties = append(parties, id)
			}
			for _, p := range m.Parties {
				parties = append(parties, st.orgIDs[p])
			}
			var read *time.Time
			if m.ReadDays != nil {
				t := at(st.today, *m.ReadDays, "20:00")
				read = &t
			}
			b.Queue(`WITH m AS (INSERT INTO messages (citizen_id, from_name, from_org_name, from_org_id, title, body, sent_at, read_at)
					VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id)
				INSERT INTO message_parties (message_id, organisation_id) SELECT m.id, p FROM m, unnest($9::bigint[]) p`,
				cid, m.From, m.FromOrg, fromOrg, m.Title, m.Body, m.SentAt(st.today), read, parties)
		}
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("meetings and messages: %w", err)
	}
	return nil
}

func slotKey(offer, host int, start time.Time, f jobnet.MeetingForm) string {
	return fmt.Sprintf("%d/%d/%s/%s", offer, host, start.UTC().Format(time.RFC3339), f)
}
