package views

import (
	"testing"
	"time"
)

func TestDanishDates(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"short date", ShortDate(d(2019, time.November, 21)), "21. nov. 2019"},
		{"short date in May has no dot", ShortDate(d(2020, time.May, 20)), "20. maj 2020"},
		{"short date, first of the month", ShortDate(d(2026, time.January, 1)), "1. jan. 2026"},
		{"short date of the zero time", ShortDate(time.Time{}), ""},
		{"long date", LongDate(d(2018, time.May, 28)), "mandag den 28. maj 2018"},
		{"long date on a Sunday", LongDate(d(2026, time.November, 22)), "søndag den 22. november 2026"},
		{"long date with æ/ø", LongDate(d(2026, time.March, 14)), "lørdag den 14. marts 2026"},
		{"long date of the zero time", LongDate(time.Time{}), ""},
		{"month and year", MonthYear(d(2015, time.January, 1)), "jan. 2015"},
		{"month and year in December", MonthYear(d(2019, time.December, 31)), "dec. 2019"},
		{"month on the CV", CVMonth(d(2004, time.January, 31)), "01/2004"},
		{"month on the CV in December", CVMonth(d(2019, time.December, 1)), "12/2019"},
		{"month on the CV of the zero time", CVMonth(time.Time{}), ""},
		{"closed period on the CV", CVPeriod(d(2004, time.January, 1), d(2016, time.January, 1)), "01/2004 - 01/2016"},
		{"open period on the CV", CVPeriod(d(2020, time.March, 1), time.Time{}), "03/2020 - nu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}
