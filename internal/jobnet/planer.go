package jobnet

import "time"

// TargetGroup is a målgruppe: the benefit or course a citizen is in for a
// period (SPEC Appendix A). The a-kasse's legal basis covers dagpenge only.
type TargetGroup string

const (
	TargetDagpenge                     TargetGroup = "dagpenge" // dagpengemodtager, dimittends included
	TargetJobparatKontanthjaelp        TargetGroup = "jobparat kontanthjælp"
	TargetAktivitetsparatKontanthjaelp TargetGroup = "aktivitetsparat kontanthjælp"
	TargetUddannelseshjaelp            TargetGroup = "uddannelseshjælp"
	TargetSygedagpenge                 TargetGroup = "sygedagpenge"
	TargetJobafklaring                 TargetGroup = "jobafklaringsforløb"
	TargetRessourceforloeb             TargetGroup = "ressourceforløb"
	TargetFleksjob                     TargetGroup = "fleksjobvisiteret"
	TargetRevalidering                 TargetGroup = "revalidering"
	TargetIntegration                  TargetGroup = "integration"
)

// PlanItemKind is the kind of an item in Min Plan.
type PlanItemKind string

const (
	KindJobsamtale           PlanItemKind = "jobsamtale"
	KindKravTilJobsoegning   PlanItemKind = "krav til jobsøgning"
	KindLoentilskud          PlanItemKind = "løntilskud"
	KindVirksomhedspraktik   PlanItemKind = "virksomhedspraktik"
	KindOpkvalificering      PlanItemKind = "opkvalificering"
	KindHjaelpemiddel        PlanItemKind = "hjælpemiddel"
	KindPersonligAssistance  PlanItemKind = "personlig assistance"
	KindMentor               PlanItemKind = "mentor"
	KindSocialSundhed        PlanItemKind = "social- og sundhedsindsats"
	KindSygeopfoelgning      PlanItemKind = "sygeopfølgning"
	KindRehabiliteringsteam  PlanItemKind = "min sag til teamet"
	KindIntegrationskontrakt PlanItemKind = "integrationskontrakt"
	KindAftale               PlanItemKind = "aftale" // an agreement made at a meeting
)

// PlanOwner is who put an item in the plan.
type PlanOwner string

const (
	OwnerAkasse    PlanOwner = "a-kasse"
	OwnerJobcenter PlanOwner = "jobcenter"
	OwnerSTAR      PlanOwner = "STAR"
)

// PlanItem is an item of Min Plan: an effort (indsats), a requirement or an
// agreement, with the target group whose course it belongs to.
type PlanItem struct {
	ID          int64
	Kind        PlanItemKind
	Title       string
	Owner       PlanOwner
	OwnerOrgID  int64  // the a-kasse or jobcenter; 0 for STAR
	Period      Period // a zero To: "Hele tiden" or open
	Text        string // the agreement text
	AgreedBy    string // the caseworker the citizen agreed it with
	AgreedOn    time.Time
	TargetGroup TargetGroup
}

// Message is a message in the citizen's Min beskedbakke.
type Message struct {
	ID          int64
	From        string  // the sender as the list shows it
	FromOrg     string  // the sending organisation: "Besked fra <FromOrg>"
	FromOrgID   int64   // the sending organisation; 0 for an employer or STAR
	PartyOrgIDs []int64 // every organisation that is a party: sender and recipients
	Title       string
	Body        string
	SentAt      time.Time
	ReadAt      time.Time // zero while unread
	// Withheld is set when the reader's organisation is not a party: Title
	// is then "Besked fra <FromOrg>" and Body is empty (SPEC §5.3).
	Withheld bool
}

// AbsenceKommunehjaelp is "modtager hjælp fra kommunen", which Jobnet never
// shows (SPEC Appendix A).
const AbsenceKommunehjaelp = "Modtager hjælp fra kommunen"

// Absence is a registered absence or exemption (fravær og fritagelser).
type Absence struct {
	ID        int64
	Type      string // e.g. "Ferie", "Sygdom", "Barsel (max 14 dage)", "Fritaget for pligt til at selvbooke"
	Period    Period
	Comment   string
	LawfulFor []TargetGroup // the target groups for which the absence is lawful
}
