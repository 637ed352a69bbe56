package cpr

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in       string
		wantOK   bool
		wantBorn string // yyyy-mm-dd
	}{
		{"0410911234", true, "1991-10-04"},
		{"041091-1234", true, "1991-10-04"},
		{"  041091-1234 \t", true, "1991-10-04"},
		{"0101004321", true, "2000-01-01"}, // 7th digit 4, yy 00 → 2000
		{"0101374321", true, "1937-01-01"}, // 7th digit 4, yy 37 → 1900
		{"0101369321", true, "2036-01-01"}, // 7th digit 9, yy 36 → 2000
		{"0101575321", true, "2057-01-01"}, // 7th digit 5, yy 57 → 2000
		{"0101585321", true, "1858-01-01"}, // 7th digit 5, yy 58 → 1800
		{"0101998321", true, "1899-01-01"}, // 7th digit 8, yy 99 → 1800
		{"2902001234", false, ""},          // 29 Feb 1900: 1900 is not a leap year
		{"2902004321", true, "2000-02-29"}, // 2000 is a leap year
		{"3104901234", false, ""},          // 31 April
		{"0013901234", false, ""},          // month 13
		{"0001901234", false, ""},          // day 0
		{"041091123", false, ""},           // 9 digits
		{"04109112345", false, ""},         // 11 digits
		{"041091+1234", false, ""},
		{"04-1091-1234", false, ""},
		{"O410911234", false, ""}, // letter O
		{"", false, ""},
		{"٠٤١٠٩١١٢٣٤", false, ""}, // Arabic-Indic digits are not CPR digits
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, err := Parse(tt.in)
			if !tt.wantOK {
				if !errors.Is(err, ErrMalformed) {
					t.Fatalf("Parse: err = %v, want ErrMalformed", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got := n.BirthDate().Format(time.DateOnly); got != tt.wantBorn {
				t.Errorf("BirthDate = %s, want %s", got, tt.wantBorn)
			}
			if len(n.Digits()) != 10 || strings.Contains(n.Digits(), "-") {
				t.Errorf("Digits = %q, want ten digits", n.Digits())
			}
		})
	}
}

func TestNumber_NeverPrintsTheWholeNumber(t *testing.T) {
	n, err := Parse("041091-1234")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{n.Masked(), n.String(), fmt.Sprint(n), fmt.Sprintf("%v %s", n, n)} {
		if strings.Contains(s, "1234") {
			t.Errorf("%q shows the serial number", s)
		}
	}
	if got := n.Masked(); got != "041091-XXXX" {
		t.Errorf("Masked = %q, want 041091-XXXX", got)
	}
}

func TestParse_ErrorDoesNotCarryInput(t *testing.T) {
	_, err := Parse("0410911234x")
	if err == nil || strings.Contains(err.Error(), "041091") {
		t.Errorf("error %v must not carry the input", err)
	}
}

func TestContains_FindsCPRShapedNumbersInText(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"1203854417", true},
		{"kontor 120385-4417", true},
		{"120385 4417 Aarhus", true},
		{"kontorassistent", false},
		{"8000 Aarhus C", false},
		{"tlf 86 12 00 00", false},
		{"12038544170", false}, // eleven digits is no CPR number
	} {
		if got := Contains(tt.in); got != tt.want {
			t.Errorf("Contains(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
