package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// CV demo cases (SPEC §5.2): Anna has a full, searchable CV that is visible
// in Europe, a presentation CV, a fresh dagpenge preparation form and a
// newer kontanthjælp form, which only the jobcenter may see; Maja a
// searchable CV from her years in the hjemmepleje, with the course she took
// while sick towards her new Jobmål; Bo a
// short CV that is neither searchable nor visible in Europe, a presentation
// CV and an expired dagpenge form; Camilla no CV at all and a fresh form of
// the unge variant, which only the jobcenter may see.

// CVFor returns the demo CV of the citizen with key, with dates relative to
// today; ok is false for a citizen without a CV.
func CVFor(key string, today time.Time) (cv jobnet.CV, ok bool) {
	m := func(n int) time.Time { return cvMonth(today, n) }
	switch key {
	case "anna":
		return jobnet.CV{
			Searchable:    true,
			EuropeVisible: true,
			Profile: "Erfaren kontorassistent med flair for tal og god service. Jeg trives med faste rutiner, " +
				"mange bolde i luften og kolleger, der hjælper hinanden.",
			Contact: jobnet.CVContact{Email: "anna.jensen@example.dk", Phones: []string{"20 11 22 33"}},
			Experiences: []jobnet.CVExperience{
				{Title: "Kontorassistent", Employer: "Vestergaard & Holm Revision ApS", From: m(74), To: m(7),
					Responsibilities: "Bogføring af bilag, fakturering og opfølgning på debitorer. Telefonpasning, " +
						"modtagelse af kunder og kalenderstyring for fire revisorer."},
				{Title: "Receptionist", Employer: "Hotel Bugtens Hus A/S", From: m(122), To: m(75),
					Responsibilities: "Check-in og check-ud, bookinger og besvarelse af henvendelser på dansk og engelsk."},
				{Title: "Butiksassistent", Employer: "Bogcaféen i Viby", From: m(160), To: m(123),
					Responsibilities: "Salg, kassebetjening og varebestilling."},
			},
			Educations: []jobnet.CVEducation{
				{Kind: jobnet.EducationCertificering, Title: "Microsoft Office Specialist: Excel Associate", Institution: "Microsoft", Completed: m(14)},
				{Kind: jobnet.EducationKursus, Title: "Digital bogføring for kontorpersonale", Institution: "AMU Østjylland", Completed: m(30)},
				{Kind: jobnet.EducationUddannelse, Title: "Kontoruddannelse med speciale i administration", Institution: "Aarhus Business College", Completed: m(165)},
			},
			Qualifications:  []string{"Bogføring", "Fakturering", "Kundeservice", "Mødeplanlægning", "Microsoft Office"},
			Languages:       []jobnet.CVLanguage{{Language: "Dansk", Level: "Modersmål"}, {Language: "Engelsk", Level: "Flydende"}},
			DrivingLicences: []jobnet.CVDrivingLicence{{Category: "B", Description: "Almindelig bil"}},
			ChangedAt:       cvAt(today, -12, 14, 5),
		}, true
	case "bo":
		return jobnet.CV{
			Profile: "Lagermedarbejder med truckcertifikat og mange års erfaring fra travle lagre.",
			Contact: jobnet.CVContact{Phones: []string{"31 44 55 66"}, Address: "Bytoften 7, 8240 Risskov"},
			Experiences: []jobnet.CVExperience{
				{Title: "Lagermedarbejder", Employer: "Kattegat Logistik A/S", From: m(98), To: m(2),
					Responsibilities: "Plukning og pakning af ordrer, modtagelse af varer og kørsel med truck."},
			},
			Educations: []jobnet.CVEducation{
				{Kind: jobnet.EducationCertificering, Title: "Truckcertifikat B", Institution: "AMU Østjylland", Completed: m(100)},
			},
			Qualifications:  []string{"Truckkørsel", "Lagerstyring"},
			Languages:       []jobnet.CVLanguage{{Language: "Dansk", Level: "Modersmål"}},
			DrivingLicences: []jobnet.CVDrivingLicence{{Category: "B", Description: "Almindelig bil"}, {Category: "C", Description: "Lastbil"}},
			ChangedAt:       cvAt(today, -400, 9, 30),
		}, true
	case "maja":
		return jobnet.CV{
			Searchable: true,
			Profile: "Omhyggelig og stabil med mange års erfaring fra hjemmeplejen. Jeg er ved at skifte til " +
				"kontorfaget og vil gerne arbejde med løn og personale.",
			Contact: jobnet.CVContact{Email: "maja.andersen@example.dk", Phones: []string{"42 18 76 05"}},
			Experiences: []jobnet.CVExperience{
				{Title: "Social- og sundhedshjælper", Employer: "Aarhus Kommune, Hjemmeplejen Syd", From: m(130), To: m(2),
					Responsibilities: "Personlig pleje og praktisk hjælp hos borgere i eget hjem, dokumentation i omsorgssystemet."},
				{Title: "Kassemedarbejder", Employer: "Netto, Viby J", From: m(160), To: m(131),
					Responsibilities: "Kassebetjening, opfyldning og kundeservice."},
			},
			Educations: []jobnet.CVEducation{
				{Kind: jobnet.EducationKursus, Title: "Løn og personale - grundlæggende", Institution: "AMU Østjylland", Completed: m(5)},
				{Kind: jobnet.EducationUddannelse, Title: "Social- og sundhedshjælperuddannelsen", Institution: "SOSU Østjylland", Completed: m(131)},
			},
			Qualifications:  []string{"Personlig pleje", "Dokumentation", "Lønberegning"},
			Languages:       []jobnet.CVLanguage{{Language: "Dansk", Level: "Modersmål"}, {Language: "Engelsk", Level: "Øvet"}},
			DrivingLicences: []jobnet.CVDrivingLicence{{Category: "B", Description: "Almindelig bil"}},
			ChangedAt:       cvAt(today, -20, 10, 15),
		}, true
	}
	return jobnet.CV{}, false
}

// PresentationCVs are the presentation CVs' contents by citizen key. They
// are kept in the database and must never appear on any page (SPEC §5.2).
var PresentationCVs = map[string]string{
	"anna": "PRÆSENTATION-HEMMELIG: Jeg er en struktureret og venlig kontorassistent, der holder styr på tal og mennesker.",
	"bo":   "PRÆSENTATION-HEMMELIG: Jeg er en stabil lagermedarbejder, der altid møder til tiden.",
}

// PreparationCase is a demo forberedelsesskema.
type PreparationCase struct {
	Variant string
	DaysAgo int // submitted this many days before today
	Answers []jobnet.PreparationAnswer
}

// Submitted is when the form was submitted, relative to today.
func (p PreparationCase) Submitted(today time.Time) time.Time { return cvAt(today, -p.DaysAgo, 10, 12) }

// The questions of the dagpenge variant (seed 001 billede 11).
const (
	QuestionEducation    = "Hvad er den højeste uddannelse, du har gennemført?"
	QuestionHowSoon      = "Hvor hurtigt tror du, at du får et arbejde?"
	QuestionDismissed    = "Er du blevet opsagt, eller har du selv sagt op, fra dit tidligere arbejde?"
	QuestionHowLongKnown = "Hvor længe har du vidst, at du ville blive ledig?"
	QuestionJobsApplied  = "Hvor mange job har du søgt, fra du vidste, at du blev ledig til nu?"
	QuestionProspects    = "Hvordan vurderer du dine jobmuligheder er inden for de områder, hvor du søger arbejde?"
	QuestionKnowsWhat    = "Ved du hvilket arbejde, du gerne vil have?"
	QuestionHowSearch    = "Hvordan søger du/planlægger du at søge arbejde?"
)

func dagpengeAnswers(answers ...[]string) []jobnet.PreparationAnswer {
	questions := []string{QuestionEducation, QuestionHowSoon, QuestionDismissed, QuestionHowLongKnown,
		QuestionJobsApplied, QuestionProspects, QuestionKnowsWhat, QuestionHowSearch}
	out := make([]jobnet.PreparationAnswer, len(questions))
	for i, q := range questions {
		out[i] = jobnet.PreparationAnswer{Number: i + 1, Question: q, Answers: answers[i]}
	}
	return out
}

func cvOne(s string) []string { return []string{s} }

// Questions of the kontanthjælp variant (made up: the seeds show only the
// dagpenge one), and Anna's answers that only the jobcenter may see (SPEC
// §5.2: the a-kasse sees only the dagpenge variant).
const (
	QuestionKontanthjaelpWork   = "Hvad vil du gerne arbejde med?"
	QuestionKontanthjaelpHinder = "Er der noget, der gør det svært for dig at tage et arbejde lige nu?"
	QuestionKontanthjaelpHelp   = "Har du brug for hjælp til andet end at finde arbejde, fx bolig, økonomi eller helbred?"
	AnnaKontanthjaelpFormAnswer = "KONTANTHJÆLP-SKEMA: Jeg har søgt supplerende kontanthjælp, fordi mine dagpenge ikke rækker til husleje og to børn efter skilsmissen."
	AnnaKontanthjaelpFormHinder = "KONTANTHJÆLP-SKEMA: Jeg skal finde en billigere bolig, før jeg kan tage et fuldtidsjob langt væk."
)

// PreparationForms are the demo preparation forms by citizen key.
var PreparationForms = map[string][]PreparationCase{
	// Anna's dagpenge form first; four days ago, applying for supplerende
	// kontanthjælp, she filled in the kontanthjælp variant too. The
	// jobcenter sees the newest form of any variant, the a-kasse the newest
	// dagpenge form.
	"anna": {{Variant: jobnet.PreparationDagpenge, DaysAgo: 10, Answers: dagpengeAnswers(
		cvOne("Erhvervsuddannelse"),
		cvOne("Inden for 6 måneder"),
		cvOne("Jeg er blevet opsagt"),
		cvOne("Jeg har vidst det i mindre end en uge"),
		cvOne("Jeg har søgt 1 job"),
		cvOne("Mine jobmuligheder er gode"),
		cvOne("Jeg har en idé om hvilken type arbejde, jeg gerne vil have"),
		[]string{
			"Svarer på annoncer i aviser, blade, internet mv.",
			"Sender uopfordrede ansøgninger",
			"Bruger sociale medier (Facebook, LinkedIn mv.)",
			"Bruger mit netværk (kontakter venner, familie, tidligere studie- eller arbejdskollegaer mv.)",
		},
	)}, {Variant: jobnet.PreparationKontanthjaelp, DaysAgo: 4, Answers: []jobnet.PreparationAnswer{
		{Number: 1, Question: QuestionEducation, Answers: cvOne("Erhvervsuddannelse")},
		{Number: 2, Question: QuestionKontanthjaelpWork, Answers: cvOne("Kontorarbejde, gerne med bogføring og kundeservice")},
		{Number: 3, Question: QuestionKontanthjaelpHinder, Answers: cvOne(AnnaKontanthjaelpFormHinder)},
		{Number: 4, Question: QuestionKontanthjaelpHelp, Answers: []string{"Økonomi", AnnaKontanthjaelpFormAnswer}},
	}}},
	// Expired: submitted four months ago.
	"bo": {{Variant: jobnet.PreparationDagpenge, DaysAgo: 122, Answers: dagpengeAnswers(
		cvOne("Gymnasial uddannelse"),
		cvOne("Inden for 3 måneder"),
		cvOne("Jeg har selv sagt op"),
		cvOne("Jeg har vidst det i mere end 3 måneder"),
		cvOne("Jeg har søgt mere end 10 job"),
		cvOne("Mine jobmuligheder er middelgode"),
		cvOne("Jeg ved præcis, hvilket arbejde jeg gerne vil have"),
		[]string{"Kontakter vikarbureauer", "Går direkte ud på virksomhederne"},
	)}},
	// The unge variant (seed 002 §2.4): fresh, for the jobcenter only.
	"camilla": {{Variant: jobnet.PreparationUnge, DaysAgo: 5, Answers: []jobnet.PreparationAnswer{
		{Number: 1, Question: "Hvad vil du gerne i gang med inden for det næste år?", Answers: cvOne("Jeg vil gerne starte på pædagoguddannelsen")},
		{Number: 2, Question: "Hvad er du god til?", Answers: []string{"Jeg er god til at lytte", "Jeg er god til at samarbejde med andre"}},
		{Number: 3, Question: "Er der noget, der kan gøre det svært for dig at komme i gang?", Answers: cvOne("Jeg har svært ved at vælge mellem to uddannelser")},
	}}},
}

// cvArea loads the CVs, presentation CVs and preparation forms.
var cvArea = areaLoader{name: "cv", load: loadCVs}

func loadCVs(ctx context.Context, tx pgx.Tx, st *loadState) error {
	for _, c := range Citizens {
		id := st.citizenIDs[c.Key]
		if cv, ok := CVFor(c.Key, st.today); ok {
			if err := insertCV(ctx, tx, id, cv); err != nil {
				return fmt.Errorf("CV of %s: %w", c.Key, err)
			}
		}
		if text, ok := PresentationCVs[c.Key]; ok {
			if _, err := tx.Exec(ctx, `INSERT INTO presentation_cvs (citizen_id, content, changed_at) VALUES ($1, $2, $3)`,
				id, text, cvAt(st.today, -30, 11, 0)); err != nil {
				return fmt.Errorf("presentation CV of %s: %w", c.Key, err)
			}
		}
		for _, p := range PreparationForms[c.Key] {
			var formID int64
			if err := tx.QueryRow(ctx, `INSERT INTO preparation_forms (citizen_id, variant, submitted_at) VALUES ($1, $2, $3) RETURNING id`,
				id, p.Variant, p.Submitted(st.today)).Scan(&formID); err != nil {
				return fmt.Errorf("preparation form of %s: %w", c.Key, err)
			}
			b := &pgx.Batch{}
			for _, a := range p.Answers {
				b.Queue(`INSERT INTO preparation_form_answers (form_id, number, question, answers) VALUES ($1, $2, $3, $4)`,
					formID, a.Number, a.Question, a.Answers)
			}
			if err := tx.SendBatch(ctx, b).Close(); err != nil {
				return fmt.Errorf("preparation answers of %s: %w", c.Key, err)
			}
		}
	}
	return nil
}

func insertCV(ctx context.Context, tx pgx.Tx, citizenID int64, cv jobnet.CV) error {
	var id int64
	c := cv.Contact
	if err := tx.QueryRow(ctx, `INSERT INTO cvs (citizen_id, searchable, europe_visible, profile, email, phones, address, changed_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		citizenID, cv.Searchable, cv.EuropeVisible, cv.Profile, c.Email, c.Phones, c.Address, cv.ChangedAt).Scan(&id); err != nil {
		return err
	}
	b := &pgx.Batch{}
	for _, e := range cv.Experiences {
		var to *time.Time
		if !e.To.IsZero() {
			to = &e.To
		}
		b.Queue(`INSERT INTO cv_experiences (cv_id, title, employer, from_month, to_month, responsibilities) VALUES ($1, $2, $3, $4, $5, $6)`,
			id, e.Title, e.Employer, e.From, to, e.Responsibilities)
	}
	for _, e := range cv.Educations {
		b.Queue(`INSERT INTO cv_educations (cv_id, kind, title, institution, completed) VALUES ($1, $2, $3, $4, $5)`,
			id, string(e.Kind), e.Title, e.Institution, e.Completed)
	}
	for i, q := range cv.Qualifications {
		b.Queue(`INSERT INTO cv_qualifications (cv_id, position, name) VALUES ($1, $2, $3)`, id, i+1, q)
	}
	for i, l := range cv.Languages {
		b.Queue(`INSERT INTO cv_languages (cv_id, position, language, level) VALUES ($1, $2, $3, $4)`, id, i+1, l.Language, l.Level)
	}
	for _, d := range cv.DrivingLicences {
		b.Queue(`INSERT INTO cv_driving_licences (cv_id, category, description) VALUES ($1, $2, $3)`, id, d.Category, d.Description)
	}
	return tx.SendBatch(ctx, b).Close()
}

// cvMonth is the first day of the month n months before today's month.
func cvMonth(today time.Time, n int) time.Time {
	return time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -n, 0)
}

// cvAt is hh:mm Copenhagen time on the day offset days from today.
func cvAt(today time.Time, offset, hh, mm int) time.Time {
	d := On(today, offset)
	return time.Date(d.Year(), d.Month(), d.Day(), hh, mm, 0, 0, jobnet.Copenhagen)
}
