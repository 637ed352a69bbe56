package views

import (
	"strconv"
	"time"
)

// Danish dates as Jobnet writes them. Dates are calendar days (jobnet.Day) or instants; an
// instant is shown in Copenhagen time by the caller's choice of value, so these helpers only
// format the date fields of t.

var (
	monthsShort = [...]string{"jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."}
	monthsLong  = [...]string{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"}
	weekdays    = [...]string{"søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"}
)

// ShortDate is "21. nov. 2019"; "" for the zero time.
func ShortDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strconv.Itoa(t.Day()) + ". " + monthsShort[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// LongDate is "mandag den 28. maj 2018"; "" for the zero time.
func LongDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return weekdays[t.Weekday()] + " den " + strconv.Itoa(t.Day()) + ". " + monthsLong[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// DaySpan is the days from one to another of the same month: "7.–13. apr."
func DaySpan(from, to time.Time) string {
	return strconv.Itoa(from.Day()) + ".–" + strconv.Itoa(to.Day()) + ". " + monthsShort[to.Month()-1]
}

// MonthYear is "jan. 2015"; "" for the zero time.
func MonthYear(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return monthsShort[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// CVMonth is a month as Jobnet's CV writes it: "01/2004" (seed 001 billede 9); "" for the
// zero time.
func CVMonth(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	m := strconv.Itoa(int(t.Month()))
	if len(m) == 1 {
		m = "0" + m
	}
	return m + "/" + strconv.Itoa(t.Year())
}

// CVPeriod is a period of months as Jobnet's CV writes it: "01/2004 - 01/2016" (seed 001
// billede 9), or "03/2020 - nu" while it lasts (to is zero).
func CVPeriod(from, to time.Time) string {
	end := "nu"
	if !to.IsZero() {
		end = CVMonth(to)
	}
	return CVMonth(from) + " - " + end
}
