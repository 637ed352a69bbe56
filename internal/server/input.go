package server

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// What the pages read from a caseworker's query strings and form fields.

// cleanInput is a field's value trimmed, with line breaks and tabs as
// spaces; clean is false when it held bytes that are not UTF-8 or other
// control characters, which are shown as "\uFFFD" and never reach the
// database.
func cleanInput(s string) (_ string, clean bool) {
	clean = utf8.ValidString(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r):
			clean = false
			return utf8.RuneError
		}
		return r
	}, strings.ToValidUTF8(s, string(utf8.RuneError)))
	return strings.TrimSpace(s), clean
}

// danishDate is dd-mm-yyyy; the day and month may have one digit, and the
// parts may be separated by "-", "." or "/".
var danishDate = regexp.MustCompile(`^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$`)

// parseDanishDate reads a calendar day as yyyy-mm-dd (what a date field
// sends) or dd-mm-yyyy (what a caseworker types where there is no date
// picker), between 1900 and 2099.
func parseDanishDate(s string) (time.Time, bool) {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		m := danishDate.FindStringSubmatch(s)
		if m == nil {
			return time.Time{}, false
		}
		if d, err = time.Parse("2-1-2006", m[1]+"-"+m[2]+"-"+m[3]); err != nil {
			return time.Time{}, false
		}
	}
	if d.Year() < 1900 || d.Year() > 2099 {
		return time.Time{}, false
	}
	return d, true
}
