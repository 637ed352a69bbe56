package jobnet

import (
	"testing"
	"time"
)

// Seed 002 §3.3: citizens without a kontaktgruppe cannot book meetings.
func TestMaySelfBook(t *testing.T) {
	today := Date(2026, time.March, 10)
	course := func(from, to time.Time, registered bool) Registration {
		return Registration{Kontaktgruppe: KontaktgruppeDagpengemodtager, Registered: registered, Period: Period{From: from, To: to}}
	}
	tests := []struct {
		name string
		regs []Registration
		want bool
	}{
		{"registered in kontaktgruppe 1", []Registration{course(today.AddDate(0, -3, 0), time.Time{}, true)}, true},
		{"afmeldt, still in kontaktgruppe 1", []Registration{course(today.AddDate(0, -3, 0), time.Time{}, false)}, true},
		{"course ends today", []Registration{course(today.AddDate(0, -3, 0), today, true)}, true},
		{"course ended yesterday", []Registration{course(today.AddDate(0, -3, 0), today.AddDate(0, 0, -1), true)}, false},
		{"course begins tomorrow", []Registration{course(today.AddDate(0, 0, 1), time.Time{}, true)}, false},
		{"no kontaktgruppe at all", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MaySelfBook(CitizenFacts{Registrations: tt.regs}, today); got != tt.want {
				t.Errorf("MaySelfBook = %v, want %v", got, tt.want)
			}
		})
	}
}
