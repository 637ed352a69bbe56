package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// The bulk generator: any number of made-up citizens for benchmarks (SPEC
// §7, "up to a million"), on top of the hand-written cases, in the
// proportions of the national data (SPEC Appendix A): of a million, about
// 75,000 dagpengemodtagere with two years of history each, citizens of the
// other target groups with their own plans, a-kasse members without a
// course, and citizens with neither. Citizen i of a seed depends on nothing
// else, so the same seed and day give the same rows whatever the batch
// size, and the loader (bulk_load.go) never holds more than a batch.

// Birth years of bulk citizens: aged 18 to 67 in 2026, the years a citizen
// can be a member of an a-kasse and registered at a jobcenter.
const (
	bulkFirstYear = 1959
	bulkLastYear  = 2007
	// bulkStride spreads consecutive citizens over birth dates; it is
	// prime, so i → i*bulkStride mod MaxBulk is a bijection.
	bulkStride = 1_000_003
)

var bulkDays = int(time.Date(bulkLastYear+1, 1, 1, 0, 0, 0, 0, time.UTC).Sub(
	time.Date(bulkFirstYear, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24)

// MaxBulk is how many distinct citizens the generator can make: a thousand
// serial numbers on every birth date.
var MaxBulk = bulkDays * 1000

// BulkCitizen is a generated citizen. Its memberships and registrations are
// in days relative to today, like the hand-written cases'. Groups[k] is the
// target group of Registrations[k]; the last registration is the current
// course when it has not ended. The rest of the citizen's data (plan,
// meetings, messages, joblog, CV …) is made by the loader from the same seed.
type BulkCitizen struct {
	CPR           string
	Name          string
	Jobcenter     jobnet.Organisation // the citizen lives in its kommune
	Memberships   []Membership
	Registrations []Registration
	Groups        []jobnet.TargetGroup
	// Kind is the citizen's place in the national mix (bulkKinds).
	Kind BulkKind
	// DagpengeMonths is how many whole months of the current dagpenge
	// period have passed (dagpengemodtagere and dimittends).
	DagpengeMonths int
}

// BulkKind is a citizen's place in the national mix.
type BulkKind string

// The kinds of bulk citizen.
const (
	BulkDagpenge  BulkKind = "dagpengemodtager"
	BulkDimittend BulkKind = "dimittend"
	BulkOther     BulkKind = "anden målgruppe" // a course in another target group
	BulkMember    BulkKind = "medlem uden forløb"
	BulkNone      BulkKind = "uden medlemskab og forløb"
)

// bulkCourse is a target group of the national mix: how many of a thousand
// citizens have an open course in it, its kontaktgruppe (and
// tilmeldekategori), and how many in a hundred of them are a-kasse members.
// The seeds name kontaktgruppe 1, 7 and 8 (SPEC §7); the other numbers are
// the generator's own, one per target group.
type bulkCourse struct {
	kind      BulkKind
	group     jobnet.TargetGroup
	permille  int
	kg, cat   int
	memberPct int
}

var bulkCourses = []bulkCourse{
	{BulkDagpenge, jobnet.TargetDagpenge, 75, 1, 0, 100},
	{BulkDimittend, jobnet.TargetDagpenge, 8, 8, 5, 100},
	{BulkOther, jobnet.TargetJobparatKontanthjaelp, 20, 2, 0, 10},
	{BulkOther, jobnet.TargetAktivitetsparatKontanthjaelp, 25, 3, 0, 5},
	{BulkOther, jobnet.TargetUddannelseshjaelp, 22, 4, 0, 5},
	{BulkOther, jobnet.TargetSygedagpenge, 50, 5, 0, 60},
	{BulkOther, jobnet.TargetJobafklaring, 12, 12, 0, 30},
	{BulkOther, jobnet.TargetRessourceforloeb, 15, 11, 0, 10},
	{BulkOther, jobnet.TargetFleksjob, 20, 7, 0, 20},
	{BulkOther, jobnet.TargetRevalidering, 5, 6, 0, 30},
	{BulkOther, jobnet.TargetIntegration, 13, 9, 0, 2},
	// Members without a course (in work): 35%; the rest have neither.
	{BulkMember, "", 350, 0, 0, 100},
}

// bulkKontaktgruppe is the kontaktgruppe of a target group's course.
func bulkKontaktgruppe(g jobnet.TargetGroup) int {
	for _, c := range bulkCourses {
		if c.group == g && c.kind != BulkDimittend {
			return c.kg
		}
	}
	return 99
}

var (
	bulkWomen = []string{"Anne", "Kirsten", "Mette", "Hanne", "Helle", "Susanne", "Lene", "Maria", "Marianne", "Lone",
		"Camilla", "Pia", "Louise", "Charlotte", "Tina", "Gitte", "Julie", "Emma", "Ida", "Sofie", "Laura", "Freja",
		"Line", "Signe", "Maja", "Cecilie", "Katrine", "Rikke", "Trine", "Stine", "Nanna", "Mathilde"}
	bulkMen = []string{"Peter", "Michael", "Lars", "Jens", "Thomas", "Henrik", "Søren", "Christian", "Martin", "Jan",
		"Niels", "Anders", "Morten", "Jesper", "Mads", "Rasmus", "Per", "Kim", "Hans", "Mikkel", "Frederik", "Mathias",
		"Jonas", "Emil", "Oliver", "Magnus", "Kasper", "Nikolaj", "Simon", "Tobias", "Jakob", "Casper"}
	bulkMiddle   = []string{"Holm", "Bach", "Lund", "Dahl", "Skov", "Krogh", "Friis", "Juul", "Brandt", "Vestergaard", "Kjær", "Bech"}
	bulkSurnames = append(append([]string{}, jobsSurnames...), "Petersen", "Rasmussen", "Laursen", "Svendsen", "Jakobsen",
		"Iversen", "Frederiksen", "Mikkelsen", "Østergaard", "Knudsen", "Eriksen", "Simonsen", "Clausen", "Christiansen",
		"Kristiansen", "Mathiasen", "Hermansen", "Nygaard", "Lauridsen", "Jeppesen", "Winther", "Søndergaard")
)

// BulkCitizenAt makes citizen i (0 ≤ i < MaxBulk) of a seed.
//
// Its CPR number has a real birth date from 1959 to 2007 and a serial
// number no hand-written case uses: 0000–0999 (7th digit 0: born 19xx) or,
// for those born from 2000, 9000–9999 (7th digit 9 and year ≤ 36: born
// 20xx). The hand-written numbers all have 4, 5 or 6 there. An odd last
// digit is a man, as in real CPR numbers.
func BulkCitizenAt(seed int64, i int) BulkCitizen {
	j := int((uint64(i)*bulkStride + uint64(seed)%uint64(MaxBulk)) % uint64(MaxBulk))
	born := time.Date(bulkFirstYear, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, j/1000)
	serial := j % 1000
	if born.Year() >= 2000 {
		serial += 9000
	}
	rng := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	first := pick(bulkWomen)
	if serial%2 == 1 {
		first = pick(bulkMen)
	}
	name := first + " "
	if rng.IntN(100) < 15 {
		name += pick(bulkMiddle) + " "
	}
	c := BulkCitizen{
		CPR:       born.Format("020106") + fmt.Sprintf("%04d", serial),
		Name:      name + pick(bulkSurnames),
		Jobcenter: OrgJobcenterAarhus,
		Kind:      BulkNone,
	}
	if rng.IntN(100) < 40 {
		c.Jobcenter = OrgJobcenterOdense
	}

	course := bulkCourse{kind: BulkNone}
	for r, k := rng.IntN(1000), 0; k < len(bulkCourses); k++ {
		if r < bulkCourses[k].permille {
			course = bulkCourses[k]
			break
		}
		r -= bulkCourses[k].permille
	}
	c.Kind = course.kind

	// A-kasse: a member of one of the two demo a-kasser for at least a year
	// before the course began; some moved from the other one.
	since := -1 - rng.IntN(700)
	if course.kind == BulkDagpenge {
		c.DagpengeMonths = 1 + rng.IntN(24)
		since = -(c.DagpengeMonths*3044)/100 - 1 - rng.IntN(25)
	} else if course.kind == BulkDimittend {
		c.DagpengeMonths = rng.IntN(12)
		since = -(c.DagpengeMonths*3044)/100 - 1 - rng.IntN(25)
	}
	member := rng.IntN(100) < course.memberPct
	if member {
		akasse, other := OrgFagenesAkasse, OrgKystensAkasse
		if rng.IntN(100) < 45 {
			akasse, other = other, akasse
		}
		joined := since - 365 - rng.IntN(5000)
		if course.kind == BulkDimittend { // joined when they graduated
			joined = since - 14 - rng.IntN(60)
		}
		if rng.IntN(100) < 8 {
			left := joined - 1 - rng.IntN(2000)
			c.Memberships = []Membership{{other, left - 400 - rng.IntN(3000), days(left)}, {akasse, left + 1, nil}}
		} else {
			c.Memberships = []Membership{{akasse, joined, nil}}
		}
	} else if course.kind == BulkNone && rng.IntN(100) < 15 { // a former member
		left := -30 - rng.IntN(3000)
		c.Memberships = []Membership{{OrgKystensAkasse, left - 300 - rng.IntN(3000), days(left)}}
		if rng.IntN(2) == 0 {
			c.Memberships[0].Akasse = OrgFagenesAkasse
		}
	}

	// Two years of history: dagpengemodtagere had an earlier dagpenge
	// spell, a sick period or work before this one; others perhaps an
	// earlier course that ended.
	add := func(g jobnet.TargetGroup, r Registration) {
		c.Registrations = append(c.Registrations, r)
		c.Groups = append(c.Groups, g)
	}
	switch course.kind {
	case BulkDagpenge:
		if since > -700 {
			switch r := rng.IntN(10); {
			case r < 4:
				end := since - 30 - rng.IntN(60)
				if end > -720 {
					add(jobnet.TargetDagpenge, Registration{1, 0, true, -730, days(end)})
				}
			case r < 6:
				end := since - 1
				add(jobnet.TargetSygedagpenge, Registration{5, 0, true, max(-730, end-60-rng.IntN(200)), days(end)})
			}
		}
		add(jobnet.TargetDagpenge, Registration{1, 0, rng.IntN(100) < 95, since, nil})
	case BulkDimittend:
		add(jobnet.TargetDagpenge, Registration{8, 5, rng.IntN(100) < 92, since, nil})
	case BulkOther:
		if rng.IntN(100) < 20 && since > -600 {
			end := since - 1 - rng.IntN(100)
			add(jobnet.TargetSygedagpenge, Registration{5, 0, true, max(-730, end-30-rng.IntN(300)), days(end)})
		}
		add(course.group, Registration{course.kg, course.cat, rng.IntN(100) < 90, since, nil})
	case BulkMember, BulkNone:
		if rng.IntN(100) < 20 { // a dagpenge spell (or a course) that ended
			end := -30 - rng.IntN(1500)
			add(jobnet.TargetDagpenge, Registration{1, 0, true, end - 30 - rng.IntN(600), days(end)})
			if !member {
				c.Groups[0] = jobnet.TargetJobparatKontanthjaelp
				c.Registrations[0].Kontaktgruppe = bulkKontaktgruppe(jobnet.TargetJobparatKontanthjaelp)
			}
		}
	}
	return c
}

// BulkLookUpCase finds the last of citizens 0 … n-1 of seed that A-kasse
// 22's caseworkers may look up (a current member in kontaktgruppe 1,
// tilmeldt), or, with granted false, one they may not (a member of A-kasse
// 31 only), for tests and benchmarks of the look-up.
func BulkLookUpCase(seed int64, n int, granted bool) (int, bool) {
	for i := n - 1; i >= 0; i-- {
		c := BulkCitizenAt(seed, i)
		var fagenes, kystens bool
		for _, m := range c.Memberships {
			if m.ToDays == nil && m.FromDays <= 0 {
				fagenes = fagenes || m.Akasse == OrgFagenesAkasse
				kystens = kystens || m.Akasse == OrgKystensAkasse
			}
		}
		last := len(c.Registrations) - 1
		kg1 := last >= 0 && c.Registrations[last].Kontaktgruppe == 1 && c.Registrations[last].Registered && c.Registrations[last].ToDays == nil
		if granted && fagenes && kg1 || !granted && kystens && !fagenes {
			return i, true
		}
	}
	return 0, false
}
