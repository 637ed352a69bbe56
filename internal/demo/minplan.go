package demo

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// PlanPeriod is a demo target-group period, in days relative to today.
type PlanPeriod struct {
	Key      string // what the plan's items and job goal refer to
	Group    jobnet.TargetGroup
	FromDays int
	ToDays   *int // nil: lasts
}

// PlanItem is a demo item of Min Plan, in days relative to today.
type PlanItem struct {
	Period     string // the key of the target-group period it belongs to
	Kind       jobnet.PlanItemKind
	Title      string
	Owner      jobnet.PlanOwner
	Org        jobnet.Organisation // zero for STAR
	FromDays   int
	ToDays     *int // nil: "Hele tiden"
	Text       string
	AgreedBy   string
	AgreedDays *int
}

// PlanJobGoal is a demo "Jobmål", set by the jobcenter.
type PlanJobGoal struct {
	Period     string
	Occupation string // a title of JobOccupations
	AgreedBy   string
	AgreedDays int
}

// Plan is a demo citizen's Min Plan.
type Plan struct {
	Periods []PlanPeriod
	JobGoal *PlanJobGoal
	Items   []PlanItem
}

// Texts of anna's plan that tests look for.
const (
	PlanAnnaJobcenterAgreement = "Når dine kurser i regneark og digital sagsbehandling er afsluttet, har vi aftalt, at du starter i løntilskud hos Aarhus Kommune, Borgerservice for at styrke dine nye kompetencer og med henblik på fastansættelse."
	PlanAnnaAkasseAgreement    = "Vi aftalte på mødet, at du tilmelder dig vikarbureauer for mulighed for hurtigere rekrutteringsproces."
)

// Texts of maja's plan that tests look for. Her Jobmål was agreed in her
// sygedagpenge period, so the a-kasse may not see it (SPEC §5.3). Its
// occupation is in the catalogue (and so on Find Job) but in none of her
// other data, so look for it on Min plan; PlanMajaJobGoalAgreedBy, the
// sygeopfølgning's caseworker, is found only in her sick period's data.
const (
	PlanMajaJobGoalOccupation = "Lønbogholder"
	PlanMajaJobGoalAgreedBy   = "Hanne Kjeldsen"
	PlanMajaSygeopfoelgning   = "SYGEOPFØLGNING-MAJA: Vi talte om din ryg, og om at du ikke kan vende tilbage til tunge løft i hjemmeplejen."
	PlanMajaSickAgreement     = "SYGEPERIODE-MAJA: Vi har aftalt, at du afprøver kontorarbejde som lønbogholder, mens du er sygemeldt."
	PlanMajaAkasseAgreement   = "Vi aftalte, at du søger job som social- og sundhedsassistent på plejecentre med loftlifte, og at du også søger deltidsstillinger."
)

// Plans are the demo citizens' Min Plan, by citizen key. Anna's is seed 001
// billede 13–15 told about a kontorassistent: a Jobmål, the latest agreement
// with the jobcenter and with the a-kasse, a ressourceforløb long ago with
// "Min sag til teamet", a sygedagpenge period 10–7 months ago, while she was
// still employed, with two sygeopfølgningssamtaler, and since she lost her
// job, on dagpenge: Krav til jobsøgning, a course, a jobsamtale, Løntilskud
// from next month — and a hjælpemiddel, a mentor and an integration
// contract, which the a-kasse may not see. Her dagpenge period (dagpenge.go)
// begins after her sick period. Every hidden item has a title and text found
// nowhere else, so that tests can assert their absence. Lars,
// fleksjobvisiteret, is the jobcenter's; Camilla, dimittend, has a short
// plan with the a-kasse; Maja's Jobmål was agreed while she was sick.
var Plans = map[string]Plan{
	"anna": {
		Periods: []PlanPeriod{
			{"ressource", jobnet.TargetRessourceforloeb, -1100, days(-700)},
			// Sick from her job as kontorassistent, then dismissed.
			{"syg", jobnet.TargetSygedagpenge, -300, days(-215)},
			// On dagpenge since the day after: her dagpenge period
			// (DagpengeCases) begins on the first of a month 181–214 days
			// ago, so never in her sick period.
			{"dagpenge", jobnet.TargetDagpenge, -214, nil},
		},
		JobGoal: &PlanJobGoal{Period: "dagpenge", Occupation: "Kontorassistent (kontorfunktionær)", AgreedBy: "Nina Pettersen", AgreedDays: -150},
		Items: []PlanItem{
			// Long ago, in a ressourceforløb.
			{Period: "ressource", Kind: jobnet.KindRehabiliteringsteam, Title: "Min sag til teamet", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: -950, ToDays: days(-900), AgreedBy: "Nina Pettersen", AgreedDays: days(-960),
				Text: "Din sag skal behandles på rehabiliteringsteamets møde. Del de dokumenter, du vil have med, under Min sag til teamet."},
			// Sick: sygedagpenge 10–7 months ago.
			{Period: "syg", Kind: jobnet.KindSygeopfoelgning, Title: "Sygeopfølgningssamtale", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: -258, ToDays: days(-258), AgreedBy: "Nina Pettersen", AgreedDays: days(-258),
				Text: "Sygeopfølgning: vi talte om din sygemelding og om, hvornår du kan vende tilbage."},
			{Period: "syg", Kind: jobnet.KindSygeopfoelgning, Title: "Sygeopfølgningssamtale", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: -230, ToDays: days(-230), AgreedBy: "Nina Pettersen", AgreedDays: days(-230),
				Text: "Sygeopfølgning: opfølgning på din delvise raskmelding."},
			{Period: "syg", Kind: jobnet.KindAftale, Title: "Aftale med jobcenter", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: -230, ToDays: days(-216), AgreedBy: "Nina Pettersen", AgreedDays: days(-230),
				Text: "Vi har aftalt, at du gradvist genoptager arbejdet med 15 timer om ugen under din sygemelding."},
			// On dagpenge.
			{Period: "dagpenge", Kind: jobnet.KindKravTilJobsoegning, Title: "Krav til jobsøgning (Styrelsen for Arbejdsmarked og Rekruttering)", Owner: jobnet.OwnerSTAR,
				FromDays: -214,
				Text:     "Du skal søge job løbende og registrere din jobsøgning i din joblog. Både din a-kasse og dit jobcenter følger op på din jobsøgning."},
			{Period: "dagpenge", Kind: jobnet.KindAftale, Title: "Aftale med jobcenter", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: -150, ToDays: days(-21), AgreedBy: "Nina Pettersen", AgreedDays: days(-150),
				Text: "Vi har aftalt, at du tager kurser i regneark og digital sagsbehandling for at styrke dine kompetencer inden for kontorfaget."},
			{Period: "dagpenge", Kind: jobnet.KindIntegrationskontrakt, Title: "Integrationskontrakt: danskuddannelse og sprogpraktik", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: -150, ToDays: days(215), AgreedBy: "Nina Pettersen", AgreedDays: days(-150),
				Text: "Kontrakt efter integrationsloven om danskuddannelse på modul 5 og sprogpraktik."},
			{Period: "dagpenge", Kind: jobnet.KindAftale, Title: "Aftale med a-kasse", Owner: jobnet.OwnerAkasse, Org: OrgFagenesAkasse,
				FromDays: -120, ToDays: days(-36), AgreedBy: "Berit Hansen", AgreedDays: days(-120),
				Text: "Vi aftalte, at du opdaterer dit CV og gør det søgbart for arbejdsgivere."},
			{Period: "dagpenge", Kind: jobnet.KindMentor, Title: "Mentor: Peter fra Mentorhuset", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: -60, ToDays: days(60), AgreedBy: "Nina Pettersen", AgreedDays: days(-62),
				Text: "Du mødes med din mentor Peter fra Mentorhuset hver anden uge."},
			{Period: "dagpenge", Kind: jobnet.KindHjaelpemiddel, Title: "Hjælpemiddel: ergonomisk kontorstol", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: -40, ToDays: days(140), AgreedBy: "Nina Pettersen", AgreedDays: days(-40),
				Text: "Du har fået bevilget en ergonomisk kontorstol og et hæve-sænkebord."},
			{Period: "dagpenge", Kind: jobnet.KindAftale, Title: "Aftale med a-kasse", Owner: jobnet.OwnerAkasse, Org: OrgFagenesAkasse,
				FromDays: -35, ToDays: days(55), AgreedBy: "Berit Hansen", AgreedDays: days(-35),
				Text: PlanAnnaAkasseAgreement},
			{Period: "dagpenge", Kind: jobnet.KindJobsamtale, Title: "Jobsamtale", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: -20, ToDays: days(-20), AgreedBy: "Nina Pettersen", AgreedDays: days(-20),
				Text: "Samtale om dine kurser og et løntilskud i Borgerservice."},
			{Period: "dagpenge", Kind: jobnet.KindAftale, Title: "Aftale med jobcenter", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: -20, ToDays: days(60), AgreedBy: "Nina Pettersen", AgreedDays: days(-20),
				Text: PlanAnnaJobcenterAgreement},
			{Period: "dagpenge", Kind: jobnet.KindOpkvalificering, Title: "Kursus i regneark og digital sagsbehandling", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: -15, ToDays: days(25), AgreedBy: "Nina Pettersen", AgreedDays: days(-150),
				Text: "Kurset holdes hos AMU Østjylland, mandag til torsdag kl. 8.30–14.30."},
			{Period: "dagpenge", Kind: jobnet.KindLoentilskud, Title: "Løntilskud", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: 30, ToDays: days(60), AgreedBy: "Nina Pettersen", AgreedDays: days(-20),
				Text: "Løntilskud hos Aarhus Kommune, Borgerservice, 30 timer om ugen."},
		},
	},
	"camilla": {
		Periods: []PlanPeriod{{"dagpenge", jobnet.TargetDagpenge, -20, nil}},
		Items: []PlanItem{
			{Period: "dagpenge", Kind: jobnet.KindKravTilJobsoegning, Title: "Krav til jobsøgning (Styrelsen for Arbejdsmarked og Rekruttering)", Owner: jobnet.OwnerSTAR,
				FromDays: -20,
				Text:     "Du skal søge job løbende og registrere din jobsøgning i din joblog."},
			{Period: "dagpenge", Kind: jobnet.KindAftale, Title: "Aftale med a-kasse", Owner: jobnet.OwnerAkasse, Org: OrgFagenesAkasse,
				FromDays: -12, ToDays: days(30), AgreedBy: "Berit Hansen", AgreedDays: days(-12),
				Text: "Vi aftalte, at du søger job som pædagog i hele Østjylland og også søger vikariater."},
		},
	},
	"maja": {
		Periods: []PlanPeriod{
			// Sick from her job in the hjemmepleje, then dismissed; on
			// dagpenge since the day after.
			{"syg", jobnet.TargetSygedagpenge, -330, days(-62)},
			{"dagpenge", jobnet.TargetDagpenge, -61, nil},
		},
		// Agreed with the sygeopfølgning while she was sick, and not since:
		// the a-kasse sees no Jobmål.
		JobGoal: &PlanJobGoal{Period: "syg", Occupation: PlanMajaJobGoalOccupation, AgreedBy: PlanMajaJobGoalAgreedBy, AgreedDays: -120},
		Items: []PlanItem{
			{Period: "syg", Kind: jobnet.KindSygeopfoelgning, Title: "Sygeopfølgningssamtale", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: -300, ToDays: days(-300), AgreedBy: PlanMajaJobGoalAgreedBy, AgreedDays: days(-300),
				Text: PlanMajaSygeopfoelgning},
			{Period: "syg", Kind: jobnet.KindAftale, Title: "Aftale med jobcenter", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: -120, ToDays: days(-62), AgreedBy: PlanMajaJobGoalAgreedBy, AgreedDays: days(-120),
				Text: PlanMajaSickAgreement},
			{Period: "dagpenge", Kind: jobnet.KindKravTilJobsoegning, Title: "Krav til jobsøgning (Styrelsen for Arbejdsmarked og Rekruttering)", Owner: jobnet.OwnerSTAR,
				FromDays: -61,
				Text:     "Du skal søge job løbende og registrere din jobsøgning i din joblog. Både din a-kasse og dit jobcenter følger op på din jobsøgning."},
			{Period: "dagpenge", Kind: jobnet.KindAftale, Title: "Aftale med a-kasse", Owner: jobnet.OwnerAkasse, Org: OrgFagenesAkasse,
				FromDays: -40, ToDays: days(50), AgreedBy: "Berit Hansen", AgreedDays: days(-40),
				Text: PlanMajaAkasseAgreement},
		},
	},
	"lars": {
		Periods: []PlanPeriod{
			{"syg", jobnet.TargetSygedagpenge, -900, days(-520)},
			{"afklaring", jobnet.TargetJobafklaring, -519, days(-401)},
			{"fleksjob", jobnet.TargetFleksjob, -400, nil},
		},
		JobGoal: &PlanJobGoal{Period: "fleksjob", Occupation: "Ejendomsservicetekniker", AgreedBy: "Nina Pettersen", AgreedDays: -14},
		Items: []PlanItem{
			{Period: "syg", Kind: jobnet.KindSygeopfoelgning, Title: "Sygeopfølgningssamtale", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: -800, ToDays: days(-800), AgreedBy: "Nina Pettersen", AgreedDays: days(-800),
				Text: "Vi talte om din sygemelding og din ryg."},
			{Period: "fleksjob", Kind: jobnet.KindJobsamtale, Title: "Jobsamtale", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: -14, ToDays: days(-14), AgreedBy: "Nina Pettersen", AgreedDays: days(-14),
				Text: "Samtale om fleksjob som ejendomsservicetekniker."},
			{Period: "fleksjob", Kind: jobnet.KindAftale, Title: "Aftale med jobcenter", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: -14, ToDays: days(76), AgreedBy: "Nina Pettersen", AgreedDays: days(-14),
				Text: "Vi har aftalt, at du søger fleksjob som ejendomsservicetekniker 15 timer om ugen, og at du starter i virksomhedspraktik hos Aarhus Vand."},
			{Period: "fleksjob", Kind: jobnet.KindVirksomhedspraktik, Title: "Virksomhedspraktik i fleksjob hos Aarhus Vand", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: 10, ToDays: days(100), AgreedBy: "Nina Pettersen", AgreedDays: days(-14),
				Text: "Praktik som ejendomsservicetekniker, 12 timer om ugen fordelt på fire dage."},
			{Period: "fleksjob", Kind: jobnet.KindPersonligAssistance, Title: "Personlig assistance: hjælp til tunge løft", Owner: jobnet.OwnerJobcenter, Org: OrgJobcenterAarhus,
				FromDays: 10, ToDays: days(100), AgreedBy: "Nina Pettersen", AgreedDays: days(-14),
				Text: "En kollega hjælper dig med løft over 10 kg i praktikken."},
		},
	},
}

var minPlanLoader = areaLoader{name: "min plan", load: loadPlans}

func loadPlans(ctx context.Context, tx pgx.Tx, st *loadState) error {
	for _, c := range Citizens {
		p, ok := Plans[c.Key]
		if !ok {
			continue
		}
		citizenID := st.citizenIDs[c.Key]
		periodIDs := map[string]int64{}
		for _, pp := range p.Periods {
			var id int64
			if err := tx.QueryRow(ctx, `INSERT INTO target_group_periods (citizen_id, target_group, valid_from, valid_to)
				VALUES ($1, $2, $3, $4) RETURNING id`,
				citizenID, string(pp.Group), On(st.today, pp.FromDays), day(st.today, pp.ToDays)).Scan(&id); err != nil {
				return fmt.Errorf("target-group period of %s: %w", c.Key, err)
			}
			periodIDs[pp.Key] = id
		}
		b := &pgx.Batch{}
		if g := p.JobGoal; g != nil {
			b.Queue(`INSERT INTO plan_job_goals (citizen_id, target_group_period_id, occupation_id, jobcenter_id, agreed_by, agreed_on)
				VALUES ($1, $2, $3, $4, $5, $6)`,
				citizenID, periodIDs[g.Period], OccupationID(g.Occupation), st.orgIDs[c.Jobcenter], g.AgreedBy, On(st.today, g.AgreedDays))
		}
		for _, it := range p.Items {
			var orgID *int64
			if it.Owner != jobnet.OwnerSTAR {
				id := st.orgIDs[it.Org]
				orgID = &id
			}
			b.Queue(`INSERT INTO plan_items (citizen_id, target_group_period_id, kind, title, owner, owner_org_id,
				valid_from, valid_to, agreement, agreed_by, agreed_on)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
				citizenID, periodIDs[it.Period], string(it.Kind), it.Title, string(it.Owner), orgID,
				On(st.today, it.FromDays), day(st.today, it.ToDays), it.Text, it.AgreedBy, day(st.today, it.AgreedDays))
		}
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return fmt.Errorf("plan of %s: %w", c.Key, err)
		}
	}
	return nil
}
