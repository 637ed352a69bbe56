package demo

import (
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The generated job market is the same every time: the same day gives the
// same rows.
func TestGenerateJobs_IsDeterministic(t *testing.T) {
	a, b := generateJobs(jobsPostingCount), generateJobs(jobsPostingCount)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("two runs differ (-first +second):\n%s", diff)
	}
	if len(a.Postings) != jobsPostingCount || len(a.Employers) < 100 || len(a.Agencies) < 10 {
		t.Errorf("%d postings, %d employers, %d agencies", len(a.Postings), len(a.Employers), len(a.Agencies))
	}
}

func TestJobData_IsConsistent(t *testing.T) {
	gen := generateJobs(jobsPostingCount)
	eight := regexp.MustCompile(`^[0-9]{8}$`)
	employers := map[string]JobEmployer{}
	cvrs := map[string]bool{}
	for _, e := range append(append([]JobEmployer{}, jobsHandEmployers...), gen.Employers...) {
		if _, dup := employers[e.Name]; dup || cvrs[e.CVR] || !eight.MatchString(e.CVR) {
			t.Errorf("employer %q (CVR %s) is not unique or has a malformed CVR", e.Name, e.CVR)
		}
		employers[e.Name], cvrs[e.CVR] = e, true
	}
	occupations := map[int]JobOccupation{}
	for _, o := range JobOccupations {
		if _, dup := occupations[o.ID]; dup || len(o.Variants) == 0 || len(jobsTasks[o.ID]) < 2 || JobGroups[o.Group] == "" {
			t.Errorf("occupation %d %q is incomplete", o.ID, o.Title)
		}
		occupations[o.ID] = o
	}
	for _, p := range append(append([]JobPosting{}, jobsHandPostings...), gen.Postings...) {
		e, ok := employers[p.EmployerName]
		if !ok {
			t.Errorf("posting %q: no employer %q", p.Title, p.EmployerName)
		}
		if occupations[p.OccupationID].Group != e.Group {
			t.Errorf("posting %q: occupation %d is not in %s's trade", p.Title, p.OccupationID, e.Name)
		}
		if p.DeadlineDays != nil && *p.DeadlineDays < p.PostedDays {
			t.Errorf("posting %q: deadline before it was posted", p.Title)
		}
		if p.Hours != "Fuldtid" && p.Hours != "Deltid" {
			t.Errorf("posting %q: working hours %q", p.Title, p.Hours)
		}
	}
	for _, c := range JobCases {
		CitizenByKey(c.Citizen) // panics for an unknown citizen
		for _, g := range c.Goals {
			OccupationID(g.Occupation)
		}
		for _, p := range c.Profiles {
			for _, o := range p.Occupations {
				OccupationID(o)
			}
		}
	}
}

// anna's job goal of the guide's billede 7, and postings for it where she
// lives.
func TestJobCases_AnnaHasTheGuidesJobGoalAndPostingsNearby(t *testing.T) {
	anna := JobCaseFor("anna")
	want := JobGoal{Occupation: "Kontorassistent (kontorfunktionær)", Educated: true, ExperienceMonths: 147, LastWorkedYear: 2008}
	if len(anna.Goals) < 2 || anna.Goals[0] != want {
		t.Errorf("anna's goals: %+v", anna.Goals)
	}
	if diff := cmp.Diff([]string{"Hurtigst muligt", "Efter aftale"}, anna.Starts); diff != "" || anna.WeeklyHours != "Fuldtid" {
		t.Errorf("anna's conditions: %q %v", anna.WeeklyHours, anna.Starts)
	}
	if KontorPostingAarhus.Town.Kommune != CitizenByKey("anna").Jobcenter.Number || *KontorPostingAarhus.DeadlineDays < 0 {
		t.Error("no open posting for anna's job goal in her kommune")
	}
}
