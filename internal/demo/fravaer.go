package demo

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// Fravær og fritagelser (SPEC §5.3, seed 001 §5.5). Anna has one of every
// case of the rule: a current exemption from self-booking (billede 24) and
// a coming holiday, which everyone sees; a current absence lawful only in
// other target groups, which the jobcenter sees and the a-kasse does not; a
// historical holiday and "Modtager hjælp fra kommunen", which nobody sees.
// Camilla reported sick this morning (the Forside's status line, billede
// 22). Lars, a jobcenter citizen, is a lay judge next week.

// Absence is a demo absence, in days relative to today.
type Absence struct {
	Type           string
	FromDays       int
	ToDays         *int // nil: open-ended
	Comment        string
	By             string // who registered it: "Borger", "Jobcenter" or "A-kasse"
	RegisteredDays int    // when, relative to today (at 09:15)
	LawfulFor      []jobnet.TargetGroup
}

// Anna's absences that no caseworker may see carry these comments, so that
// tests can look for them on every page.
const (
	AnnaHistoricalHolidayComment = "HISTORISK-FRAVÆR: sommerferie i Skagen"
	AnnaUnlawfulAbsenceComment   = "ULOVLIG-FOR-DAGPENGE: uddannelse aftalt i ressourceforløbet, endnu ikke lukket af jobcentret"
	AnnaKommunehjaelpComment     = "KOMMUNEHJÆLP-SKJULT: praktisk hjælp efter serviceloven"
)

// Anna's absences that a caseworker sees on "Aktuelt fravær".
const (
	AnnaExemptionComment = "Du er fritaget for selvbooking, mens du deltager i kurset i digital bogføring hos AMU Østjylland. Vi booker dine samtaler for dig."
	AnnaHolidayComment   = "Ferie med familien på Bornholm"
)

var (
	// allTargetGroups: lawful whatever the citizen's target group.
	allTargetGroups = []jobnet.TargetGroup{jobnet.TargetDagpenge, jobnet.TargetJobparatKontanthjaelp,
		jobnet.TargetAktivitetsparatKontanthjaelp, jobnet.TargetUddannelseshjaelp, jobnet.TargetSygedagpenge,
		jobnet.TargetJobafklaring, jobnet.TargetRessourceforloeb, jobnet.TargetFleksjob, jobnet.TargetRevalidering,
		jobnet.TargetIntegration}
	// notDagpenge: lawful in a ressourceforløb or on kontanthjælp, not for
	// a dagpengemodtager (who must be available for work).
	notDagpenge = []jobnet.TargetGroup{jobnet.TargetRessourceforloeb, jobnet.TargetAktivitetsparatKontanthjaelp}
)

// Absences are the demo citizens' absences and exemptions, by citizen key.
var Absences = map[string][]Absence{
	"anna": {
		{Type: jobnet.AbsenceFritagetSelvbooking, FromDays: -21, ToDays: days(61), Comment: AnnaExemptionComment,
			By: "Jobcenter", RegisteredDays: -22, LawfulFor: allTargetGroups},
		{Type: jobnet.AbsenceFerie, FromDays: 21, ToDays: days(27), Comment: AnnaHolidayComment,
			By: "Borger", RegisteredDays: -10, LawfulFor: allTargetGroups},
		{Type: jobnet.AbsenceFerie, FromDays: -120, ToDays: days(-114), Comment: AnnaHistoricalHolidayComment,
			By: "Borger", RegisteredDays: -150, LawfulFor: allTargetGroups},
		{Type: jobnet.AbsenceUddannelse, FromDays: -30, ToDays: days(30), Comment: AnnaUnlawfulAbsenceComment,
			By: "Jobcenter", RegisteredDays: -31, LawfulFor: notDagpenge},
		{Type: jobnet.AbsenceKommunehjaelp, FromDays: -60, Comment: AnnaKommunehjaelpComment,
			By: "Jobcenter", RegisteredDays: -60, LawfulFor: allTargetGroups},
	},
	"camilla": {
		{Type: jobnet.AbsenceSygdom, FromDays: 0, By: "Borger", RegisteredDays: 0, LawfulFor: allTargetGroups},
	},
	"lars": {
		{Type: jobnet.AbsenceBorgerligtOmbud, FromDays: 6, ToDays: days(6), Comment: "Domsmand ved Retten i Aarhus",
			By: "Jobcenter", RegisteredDays: -4, LawfulFor: allTargetGroups},
	},
}

// fravaerLoader loads the absences.
var fravaerLoader = areaLoader{name: "fravær", load: loadAbsences}

func loadAbsences(ctx context.Context, tx pgx.Tx, st *loadState) error {
	registrars := map[string]*int64{"Borger": nil}
	for by, org := range map[string]jobnet.Organisation{"Jobcenter": OrgJobcenterAarhus, "A-kasse": OrgFagenesAkasse} {
		id := st.orgIDs[org]
		registrars[by] = &id
	}
	b := &pgx.Batch{}
	for _, c := range Citizens {
		for _, a := range Absences[c.Key] {
			var lawful []string
			for _, g := range a.LawfulFor {
				lawful = append(lawful, string(g))
			}
			b.Queue(`INSERT INTO absences (citizen_id, type, valid_from, valid_to, comment, registered_by, registered_org, registered_at, lawful_for)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
				st.citizenIDs[c.Key], a.Type, On(st.today, a.FromDays), day(st.today, a.ToDays), a.Comment,
				a.By, registrars[a.By], at(st.today, a.RegisteredDays, "09:15"), lawful)
		}
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("absences: %w", err)
	}
	return nil
}
