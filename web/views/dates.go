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

// MonthSpan is a period of months as a CV shows it: "jan. 2015 – nov. 2019", or
// "jan. 2015 – nu" while it lasts (to is zero).
func MonthSpan(from, to time.Time) string {
	end := "nu"
	if !to.IsZero() {
		end = MonthYear(to)
	}
	return MonthYear(from) + " – " + end
}
