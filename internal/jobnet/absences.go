package jobnet

import "time"

// Absence types in DFDG (SPEC Appendix A, seed 001 billede 24), as Jobnet
// names them. AbsenceKommunehjaelp is in planer.go.
const (
	AbsenceUddannelse          = "Uddannelse"
	AbsenceMidlertidigtArbejde = "Midlertidigt arbejde"
	AbsenceBorgerligtOmbud     = "Borgerligt ombud"
	AbsenceBarselKort          = "Barsel (max 14 dage)"
	AbsenceBarsel              = "Barsel"
	AbsenceFriperiode          = "Friperiode"
	AbsenceFerie               = "Ferie"
	AbsenceSygdom              = "Sygdom" // a sygemelding: open until the citizen reports well
	AbsenceFritagetSelvbooking = "Fritaget for pligt til at selvbooke"
)

// HolidayNoticeDays is how far ahead a citizen must report a holiday on
// Jobnet; a holiday nearer than that is reported to the jobcenter instead
// (SPEC Appendix A, seed 001 billede 23).
const HolidayNoticeDays = 14

// EarliestHoliday is the first day a citizen may report a holiday for on
// Jobnet today.
func EarliestHoliday(today time.Time) time.Time {
	return today.AddDate(0, 0, HolidayNoticeDays)
}

// SickOn returns the sygemelding that covers day, if any.
func SickOn(absences []Absence, day time.Time) (Absence, bool) {
	for _, a := range absences {
		if a.Type == AbsenceSygdom && a.Period.Covers(day) {
			return a, true
		}
	}
	return Absence{}, false
}

// JobseekerStatus is the citizen's registration as job seeker today, from the
// open course in DFDG: tilmeldt or afmeldt, since when, in which jobcenter.
type JobseekerStatus struct {
	HasCourse  bool // false: no open course today
	Registered bool // tilmeldt (true) or afmeldt (false)
	Since      time.Time
	Jobcenter  string
}
