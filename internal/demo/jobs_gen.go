package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The job-market generator: made-up employers, temp agencies and job
// postings in real Danish towns, drawn from a fixed seed, so that the same
// day always gives the same rows (dates are offsets from today).

// jobsSeed is the generator's fixed seed.
const jobsSeed = 20191121

// JobTown is a real postal town with its kommune number; Weight says how
// many of the generated employers it gets.
type JobTown struct {
	PostalCode string
	Name       string
	Kommune    string
	Weight     int
}

// JobTowns are where the generated employers are. Østjylland weighs most: the demo
// citizens live in Aarhus.
var JobTowns = []JobTown{
	{"8000", "Aarhus C", "751", 6}, {"8200", "Aarhus N", "751", 4}, {"8210", "Aarhus V", "751", 3},
	{"8260", "Viby J", "751", 3}, {"8270", "Højbjerg", "751", 2}, {"8660", "Skanderborg", "746", 2},
	{"8900", "Randers C", "730", 3}, {"8700", "Horsens", "615", 3}, {"8370", "Hadsten", "710", 1},
	{"8400", "Ebeltoft", "706", 1}, {"8300", "Odder", "727", 1}, {"8600", "Silkeborg", "740", 2},
	{"2100", "København Ø", "101", 3}, {"2200", "København N", "101", 3}, {"2300", "København S", "101", 2},
	{"2450", "København SV", "101", 2}, {"2000", "Frederiksberg", "147", 2}, {"2750", "Ballerup", "151", 1},
	{"2860", "Søborg", "159", 1}, {"3400", "Hillerød", "219", 1}, {"3000", "Helsingør", "217", 1},
	{"3700", "Rønne", "400", 1}, {"4000", "Roskilde", "265", 1}, {"4600", "Køge", "259", 1},
	{"4700", "Næstved", "370", 1}, {"4200", "Slagelse", "330", 1}, {"5000", "Odense C", "461", 3},
	{"5700", "Svendborg", "479", 1}, {"6000", "Kolding", "621", 1}, {"7100", "Vejle", "630", 1},
	{"7000", "Fredericia", "607", 1}, {"6700", "Esbjerg", "561", 1}, {"6400", "Sønderborg", "540", 1},
	{"7400", "Herning", "657", 1}, {"8800", "Viborg", "791", 1}, {"7500", "Holstebro", "661", 1},
	{"9000", "Aalborg", "851", 3}, {"9900", "Frederikshavn", "813", 1}, {"9800", "Hjørring", "860", 1},
}

var (
	jobsSurnames = []string{"Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
		"Rasmussen", "Jørgensen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Johansen", "Møller", "Mortensen"}
	jobsPlaces = []string{"Solsikken", "Lindehaven", "Kastanjen", "Egebakken", "Rosengården", "Bøgely", "Skovbrynet",
		"Æblehaven", "Mosegården", "Lærkereden", "Birkely", "Strandparken"}
	jobsStreets = []string{"Søndergade", "Vestergade", "Industrivej", "Jernbanegade", "Nørregade", "Stationsvej",
		"Hovedgaden", "Østergade", "Parkvej", "Skolevej", "Havnegade", "Fabriksvej", "Erhvervsvej", "Bakkevej"}
	jobsAdjectives = []string{"engageret", "struktureret", "erfaren", "mødestabil", "serviceminded", "fleksibel", "positiv"}
	jobsPerks      = []string{"gode kolleger og faglig sparring", "fleksible arbejdstider", "kantineordning og frugtordning",
		"grundig oplæring", "mulighed for efteruddannelse", "en uformel omgangstone"}
)

// jobsEmployerKind is a kind of employer in a trade: how it is named ({S}
// a surname, {P} a place name, {T} the town) and the occupations it hires.
type jobsEmployerKind struct {
	name        string
	occupations []int
}

// jobsTrade is what the generator knows of an occupation group: its kinds
// of employer, and how often its jobs are part-time (in percent).
type jobsTrade struct {
	kinds    []jobsEmployerKind
	partTime int
}

var jobsTrades = map[int]jobsTrade{
	JobGroupKontor: {[]jobsEmployerKind{{"{S} Administration ApS", []int{1, 2, 3, 4, 5}}, {"{T} Revision ApS", []int{1, 4, 5}},
		{"{S} & {S2} Advokatfirma", []int{1, 2, 3}}, {"Boligforeningen {P}", []int{1, 3, 4}}, {"{T} Forsikringsservice A/S", []int{1, 2, 5}}}, 20},
	JobGroupLager: {[]jobsEmployerKind{{"{T} Logistik A/S", []int{6, 7, 9}}, {"{S} Transport ApS", []int{9, 6}},
		{"Fragtcentret {T} ApS", []int{6, 7, 10}}, {"{T} Bybusser A/S", []int{8}}, {"{S} Distribution ApS", []int{6, 9, 10}}}, 15},
	JobGroupSundhed: {[]jobsEmployerKind{{"Plejecenter {P}", []int{11, 12, 13}}, {"Hjemmeplejen {T}", []int{11, 12, 13}},
		{"Bostedet {P}", []int{14, 11, 12}}, {"Privatklinikken {P} ApS", []int{13}}}, 45},
	JobGroupByg: {[]jobsEmployerKind{{"{S} VVS ApS", []int{15}}, {"{T} El-service ApS", []int{16}}, {"{S} Tømrer og Snedker ApS", []int{17}},
		{"{S} Murerforretning ApS", []int{18}}, {"Malerfirmaet {S} ApS", []int{19}}, {"{S} Byg A/S", []int{15, 16, 17, 18, 19}}}, 5},
	JobGroupSalg: {[]jobsEmployerKind{{"{T} Boligcenter ApS", []int{20, 21}}, {"Købmand {S}", []int{20, 21}}, {"{T} Sportshus ApS", []int{20, 21}},
		{"Kundecenter {P} A/S", []int{22}}, {"{S} Tøj & Sko ApS", []int{20, 21}}}, 50},
	JobGroupPaedagogik: {[]jobsEmployerKind{{"Børnehuset {P}", []int{23, 24}}, {"{T} Friskole", []int{25, 23, 24}},
		{"Dagplejen {T}", []int{26}}, {"Vuggestuen {P}", []int{23, 24}}}, 30},
	JobGroupRestaurant: {[]jobsEmployerKind{{"Restaurant {P}", []int{27, 28, 29}}, {"Hotel {T}", []int{27, 28, 29}},
		{"Café {S}", []int{27, 28, 29}}, {"{T} Kantineservice ApS", []int{27, 29}}}, 55},
	JobGroupRengoering: {[]jobsEmployerKind{{"{T} Rengøring ApS", []int{30}}, {"Ejendomsservice {S} ApS", []int{31}},
		{"{S} Facility Service A/S", []int{30, 31}}}, 60},
}

// jobsTasks are what a posting for each occupation says the job is about.
var jobsTasks = map[int][]string{
	1:  {"telefonpasning", "journalisering", "mødebooking", "kundeservice", "arkivering", "fakturering"},
	2:  {"modtagelse af gæster", "omstilling", "mødebooking", "post og pakker"},
	3:  {"kalenderstyring", "referater", "rejsebestilling", "dokumenthåndtering"},
	4:  {"bogføring af bilag", "debitorstyring", "momsafregning", "månedsafslutning"},
	5:  {"lønkørsel", "lønindberetning", "ferieafregning", "personaleadministration"},
	6:  {"plukning og pakning af ordrer", "varemodtagelse", "lastning og losning", "vareoptælling"},
	7:  {"kørsel med truck", "varemodtagelse", "lastning og losning", "reolopfyldning"},
	8:  {"kørsel på bybusruter", "kundeservice i bussen", "kørsel med skolebørn", "nat- og weekendkørsel"},
	9:  {"distributionskørsel", "rutekørsel i området", "lastning og losning", "kørsel med kran"},
	10: {"omdeling af post", "pakkeomdeling", "sortering", "kundekontakt på ruten"},
	11: {"personlig pleje", "praktisk hjælp i hjemmet", "rehabiliterende indsats", "aktiviteter med borgerne"},
	12: {"medicinhåndtering", "sårpleje", "dokumentation i omsorgssystemet", "samarbejde med pårørende"},
	13: {"sygepleje i borgernes hjem", "akutte opgaver", "medicinhåndtering", "vejledning af kolleger"},
	14: {"hjælp i hverdagen", "ledsagelse til fritidsaktiviteter", "personlig pleje", "praktiske opgaver i hjemmet"},
	15: {"service og reparation", "renovering af badeværelser", "installation af varmeanlæg", "kloakarbejde"},
	16: {"el-installationer i boliger", "service og fejlfinding", "installation af ladestandere", "tavlearbejde"},
	17: {"renovering", "nybyggeri", "tagarbejde", "montage af vinduer og døre"},
	18: {"murerarbejde i nybyggeri", "flisearbejde", "facaderenovering", "pudsearbejde"},
	19: {"indvendigt malerarbejde", "facademaling", "spartling", "tapetsering"},
	20: {"kundebetjening", "varepåfyldning", "opstilling af kampagner", "salg og mersalg"},
	21: {"kasseekspedition", "kundebetjening", "varepåfyldning", "lukkeprocedurer"},
	22: {"telefonisk rådgivning", "besvarelse af mails og chat", "ordrebehandling", "reklamationer"},
	23: {"pædagogisk planlægning", "forældresamarbejde", "sprogarbejde", "udeliv og natur"},
	24: {"leg og aktiviteter", "måltider med børnene", "udeliv og natur", "samarbejde med pædagogerne"},
	25: {"undervisning i dansk", "undervisning i matematik", "teamsamarbejde", "skole-hjem-samarbejde"},
	26: {"pasning af børn i eget hjem", "legestuedage", "samarbejde med forældre"},
	27: {"tilberedning af frokost", "à la carte-service", "bestilling af varer", "selskaber og arrangementer"},
	28: {"servering i restauranten", "vinservering", "selskaber og arrangementer", "borddækning"},
	29: {"opvask", "rengøring af køkkenet", "modtagelse af varer", "hjælp med enkel madlavning"},
	30: {"rengøring af kontorer", "trappevask", "vinduespolering", "rengøring af skoler"},
	31: {"vedligeholdelse af udearealer", "småreparationer", "affaldshåndtering", "kontakt med beboerne"},
}

// jobsGenerated is what the generator makes.
type jobsGenerated struct {
	Employers []JobEmployer
	Postings  []JobPosting
	Agencies  []JobAgency
}

// generateJobs makes the employers, postings and temp agencies of the demo
// job market. postings is how many postings to make.
func generateJobs(postings int) jobsGenerated {
	rng := rand.New(rand.NewPCG(jobsSeed, jobsSeed>>3))
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	var g jobsGenerated
	seen := map[string]bool{}
	for _, e := range jobsHandEmployers {
		seen[e.Name] = true
	}

	// Employers: each town gets half its weight (rounded up) in every
	// trade, each of some kind of employer.
	groups := []int{JobGroupKontor, JobGroupLager, JobGroupSundhed, JobGroupByg, JobGroupSalg, JobGroupPaedagogik, JobGroupRestaurant, JobGroupRengoering}
	hires := map[string][]int{}
	for _, t := range JobTowns {
		base := strings.Fields(t.Name)[0]
		for _, grp := range groups {
			for range (t.Weight + 1) / 2 {
				var name string
				var kind jobsEmployerKind
				for range 20 { // a few tries for a name not taken
					kind = jobsTrades[grp].kinds[rng.IntN(len(jobsTrades[grp].kinds))]
					r := strings.NewReplacer("{S}", pick(jobsSurnames), "{S2}", pick(jobsSurnames), "{P}", pick(jobsPlaces), "{T}", base)
					if name = r.Replace(kind.name); !seen[name] {
						break
					}
				}
				if seen[name] {
					continue
				}
				seen[name] = true
				hires[name] = kind.occupations
				g.Employers = append(g.Employers, JobEmployer{
					CVR: fmt.Sprintf("%08d", 30000000+len(g.Employers)*37), Name: name, Town: t,
					Group: grp, Address: fmt.Sprintf("%s %d", pick(jobsStreets), 1+rng.IntN(120)),
				})
			}
		}
	}

	// Postings: a fifth are old (for the trade history of Uopfordret), the
	// rest posted within the last 60 days, some with passed deadlines.
	// Bigger towns post more: an employer is drawn by its town's weight.
	var draw []int
	for i, e := range g.Employers {
		for range e.Town.Weight {
			draw = append(draw, i)
		}
	}
	for i := range postings {
		e := g.Employers[draw[rng.IntN(len(draw))]]
		occ := jobsOccupation(hires[e.Name][rng.IntN(len(hires[e.Name]))])
		posted := -rng.IntN(61)
		if i%5 == 0 {
			posted = -61 - rng.IntN(600)
		}
		var deadline *int
		if rng.IntN(10) > 0 || posted < -60 { // one in ten new ones: "Snarest"
			deadline = days(posted + 14 + rng.IntN(32))
		}
		hours := "Fuldtid"
		if rng.IntN(100) < jobsTrades[e.Group].partTime {
			hours = "Deltid"
		}
		tasks := jobsTasks[occ.ID]
		t1 := rng.IntN(len(tasks))
		t2 := (t1 + 1 + rng.IntN(len(tasks)-1)) % len(tasks)
		g.Postings = append(g.Postings, JobPosting{
			Title: pick(occ.Variants), OccupationID: occ.ID, EmployerName: e.Name, Workplace: e.Name,
			Address: e.Address, Town: e.Town, Hours: hours, PostedDays: posted, DeadlineDays: deadline,
			Description: fmt.Sprintf("%s søger en %s %s (%s) i %s. Du kommer til at arbejde med %s og %s. "+
				"Vi tilbyder en god arbejdsplads med %s. Løn efter overenskomst. Vi holder samtaler løbende.",
				e.Name, pick(jobsAdjectives), occ.Noun, strings.ToLower(hours), e.Town.Name, tasks[t1], tasks[t2], pick(jobsPerks)),
			Applicants: rng.IntN(30),
			ApplyURL:   fmt.Sprintf("https://%s.example/job/%d", jobsSlug(e.Name), i+1),
		})
	}

	// Temp agencies: one or two in each town of weight 2 or more, each
	// placing people in two or three trades.
	agencyNames := []string{"Vikarcentralen {T}", "{T} Vikarservice ApS", "ProVikar {T}", "Jobpartner Vikar {T}", "{T} Bemanding A/S"}
	for _, t := range JobTowns {
		if t.Weight < 2 {
			continue
		}
		base := strings.Fields(t.Name)[0]
		for range t.Weight / 2 {
			name := strings.ReplaceAll(pick(agencyNames), "{T}", base)
			if seen[name] {
				continue
			}
			seen[name] = true
			var trades []int
			for _, grp := range groups {
				if rng.IntN(3) == 0 {
					trades = append(trades, grp)
				}
			}
			if len(trades) == 0 {
				trades = []int{groups[rng.IntN(len(groups))]}
			}
			g.Agencies = append(g.Agencies, JobAgency{
				Name: name, Town: t, Groups: trades,
				Phone: fmt.Sprintf("%08d", 70100000+len(g.Agencies)*1013),
				Email: "job@" + jobsSlug(name) + ".example",
			})
		}
	}
	return g
}

// jobsSlug makes a made-up e-mail domain from a name.
func jobsSlug(name string) string {
	r := strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "Æ", "ae", "Ø", "oe", "Å", "aa", " & ", "-", " ", "-", ".", "")
	return strings.ToLower(r.Replace(name))
}

func jobsOccupation(id int) JobOccupation {
	for _, o := range JobOccupations {
		if o.ID == id {
			return o
		}
	}
	panic(fmt.Sprintf("demo: no occupation %d", id))
}
