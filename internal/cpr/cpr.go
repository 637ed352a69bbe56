// Package cpr parses, validates and masks Danish personal numbers (CPR).
// A CPR number is personal data: nothing here logs or formats it into an
// error, and Number's String method masks it.
package cpr

import (
	"errors"
	"regexp"
	"strings"
	"time"
)

// ErrMalformed is returned for input that is not a CPR number. It never
// carries the input.
var ErrMalformed = errors.New("cpr: malformed number")

// Number is a validated 10-digit CPR number.
type Number struct{ digits string }

// Parse accepts "DDMMYYSSSS" and "DDMMYY-SSSS" with surrounding white space.
// The date part must be a real date, with the century taken from the 7th
// digit. Modulus 11 is not checked: numbers issued since 2007 need not pass it.
func Parse(s string) (Number, error) {
	s = strings.TrimSpace(s)
	if len(s) == 11 && s[6] == '-' {
		s = s[:6] + s[7:]
	}
	if len(s) != 10 {
		return Number{}, ErrMalformed
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return Number{}, ErrMalformed
		}
	}
	n := Number{digits: s}
	if _, ok := n.birthDate(); !ok {
		return Number{}, ErrMalformed
	}
	return n, nil
}

// Digits returns the ten digits, for the database query and nothing else.
func (n Number) Digits() string { return n.digits }

// Masked returns the number as the citizen's own Jobnet shows it: "041091-XXXX".
func (n Number) Masked() string {
	if n.digits == "" {
		return ""
	}
	return n.digits[:6] + "-XXXX"
}

// String masks the number, so that a stray %v in a log line leaks nothing.
func (n Number) String() string { return n.Masked() }

// BirthDate returns the date of birth encoded in the number.
func (n Number) BirthDate() time.Time {
	d, _ := n.birthDate()
	return d
}

func (n Number) birthDate() (time.Time, bool) {
	s := n.digits
	day := atoi(s[0:2])
	month := atoi(s[2:4])
	yy := atoi(s[4:6])
	year := Century(yy, s[6]-'0') + yy
	if month < 1 || month > 12 || day < 1 {
		return time.Time{}, false
	}
	d := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day || d.Month() != time.Month(month) {
		return time.Time{}, false // e.g. 31 April or 29 February outside a leap year
	}
	return d, true
}

// Century gives the century of a two-digit birth year from the 7th digit of
// the CPR number, by the CPR office's rule (SPEC Appendix A).
func Century(yy int, seventh byte) int {
	switch {
	case seventh <= 3:
		return 1900
	case seventh == 4 || seventh == 9:
		if yy <= 36 {
			return 2000
		}
		return 1900
	default: // 5–8
		if yy <= 57 {
			return 2000
		}
		return 1800
	}
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// lookalike finds ten digits shaped like a CPR number anywhere in a text.
var lookalike = regexp.MustCompile(`(^|[^0-9])[0-9]{6}[- ]?[0-9]{4}([^0-9]|$)`)

// Contains reports whether free text holds something shaped like a CPR
// number. Searches refuse such text and do not show it again, so that a
// number typed into the wrong field goes no further.
func Contains(s string) bool { return lookalike.MatchString(s) }

// TextSearchRefused is the message at a search field that held a CPR number.
const TextSearchRefused = "Søg ikke på CPR-numre. Skriv fx stilling, virksomhed eller by"
