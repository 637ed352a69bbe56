package dagpenge

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTally_CountsTheHistoryIntoTheCounters(t *testing.T) {
	months := func(start int, worked ...float64) []float64 { return append(make([]float64, start), worked...) }
	for _, tc := range []struct {
		name   string
		in     Insurance
		worked []float64
		want   Counters // History left out
	}{
		{
			// 14 months from 1 Dec 2024, work in the last three: 111 (a
			// temporary job of 3 weeks × 37), 55 and 65 hours, 231 in all.
			// Used: 14 × 160.33 = 2,244.62 − 231 = 2,013.62. Extension:
			// 231 × 2 = 462. Karens windows Dec–Mar, Apr–Jul, Aug–Nov with
			// 0, 0 and 111 hours, none more than 148: 3 days deducted; the
			// window Dec 2025 – Mar 2026 holds 55 + 65 = 120.
			name: "full time", worked: months(11, 111, 55, 65), want: fullTime(),
		},
		{
			// 10 months of 130 hours from 1 Apr 2025; 40, 30 and 45 hours
			// worked in the last three, 115 in all. Used 1,300 − 115 = 1,185;
			// extension 230. Windows Apr–Jul (0) and Aug–Nov (40 ≤ 97): 2
			// days; Dec 2025 – Mar 2026 holds 30 + 45 = 75.
			name: "part time", in: Insurance{PartTime: true}, worked: months(7, 40, 30, 45), want: partTime(),
		},
		{
			// One month without work from 1 Jan 2026: 160.33 used of 1,924.
			name: "dimittend", in: Insurance{Dimittend: true}, worked: months(1), want: dimittend(),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Tally(tc.in, tc.want.Period.Start, tc.worked)
			if len(got.History) != len(tc.worked) {
				t.Errorf("history has %d months, want %d", len(got.History), len(tc.worked))
			}
			got.History = nil
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Tally (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTally_ExtensionStopsAtTheCeilingAndConsumptionGoesOnInIt(t *testing.T) {
	// 25 months full time, working 100 hours in each of the first 18 and
	// none after: 18 × 100 × 2 = 3,600, capped at 1,924 in the first window;
	// the second window (from month 19) has earned nothing yet.
	// Consumed: 18 × 60.33 = 1,085.94 + 7 × 160.33 = 1,122.31 → 2,208.25.
	worked := make([]float64, 25)
	for i := range 18 {
		worked[i] = 100
	}
	c := Tally(Insurance{}, d(2024, 1, 1), worked)
	if c.Extension.Earned != 1924 || !c.Extension.From.Equal(d(2025, 7, 1)) || !c.Extension.To.Equal(d(2026, 12, 31)) {
		t.Errorf("extension = %+v, want 1,924 earned, window Jul 2025 – Dec 2026", c.Extension)
	}
	if c.Period.Used != 2208.25 || c.Extension.Used != 0 {
		t.Errorf("used = %v + %v, want 2,208.25 + 0", c.Period.Used, c.Extension.Used)
	}

	// 30 months without work: 30 × 160.33 = 4,809.9, more than 3,848 —
	// but no extension was earned, so none can be used.
	c = Tally(Insurance{}, d(2024, 1, 1), make([]float64, 30))
	if c.Period.Used != 3848 || c.Extension.Used != 0 || c.Remaining() != 0 {
		t.Errorf("used = %v + %v, want 3,848 + 0", c.Period.Used, c.Extension.Used)
	}
}
