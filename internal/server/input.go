package server

import (
	"net/url"
	"regexp"
	"strconv"
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

// Messages at a period's date fields.
const (
	TextBadDate      = "Indtast en gyldig dato (dd-mm-åååå)"
	TextToBeforeFrom = "Til dato skal være efter Fra dato"
)

// period is a search's "Fra dato" and "Til dato" (query fra and til): the
// days, zero where a field is empty or wrong, and the fields to show again
// — a valid date as a date field's value, a wrong one as typed, with its
// message.
type period struct {
	From, To           time.Time
	FromText, ToText   string
	FromError, ToError string
}

func readPeriod(q url.Values) period {
	var p period
	p.FromText, _ = cleanInput(q.Get("fra"))
	p.ToText, _ = cleanInput(q.Get("til"))
	if p.FromText != "" {
		if d, ok := parseDanishDate(p.FromText); ok {
			p.From, p.FromText = d, d.Format(time.DateOnly)
		} else {
			p.FromError = TextBadDate
		}
	}
	if p.ToText != "" {
		if d, ok := parseDanishDate(p.ToText); ok {
			if !p.From.IsZero() && d.Before(p.From) {
				p.ToError = TextToBeforeFrom
			} else {
				p.To, p.ToText = d, d.Format(time.DateOnly)
			}
		} else {
			p.ToError = TextBadDate
		}
	}
	return p
}

// readPage is the page number of a list (query side), 1 when there is
// none; bad when it is not a number from 1 to highest.
func readPage(q url.Values, highest int) (page int, bad bool) {
	side := strings.TrimSpace(q.Get("side"))
	if side == "" {
		return 1, false
	}
	n, err := strconv.Atoi(side)
	if err != nil || n < 1 || n > highest {
		return 1, true
	}
	return n, false
}
