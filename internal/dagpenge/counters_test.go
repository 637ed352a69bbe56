package dagpenge

import "testing"

func TestSupplementary_WeeksLeftOfThirty(t *testing.T) {
	for used, left := range map[int]int{0: 30, 12: 18, 30: 0, 31: 0} {
		if got := (Supplementary{WeeksUsed: used}).WeeksLeft(); got != left {
			t.Errorf("%d weeks used: %d left, want %d", used, got, left)
		}
	}
}

func TestCounters_KarensAndReearnAreMoreThanAndAtLeast(t *testing.T) {
	for _, tc := range []struct {
		in                   Insurance
		karens, reearn       float64
		avoided, reearnedNow bool
	}{
		{Insurance{}, 148, 1923.99, false, false},
		{Insurance{}, 148.01, 1924, true, true},
		{Insurance{PartTime: true}, 97, 1257, false, false},
		{Insurance{PartTime: true}, 98, 1258, true, true},
	} {
		c := Counters{Insurance: tc.in, Karens: Karens{Worked: tc.karens}, Reearn: Reearn{Worked: tc.reearn}}
		if c.KarensAvoided() != tc.avoided || c.ReearnComplete() != tc.reearnedNow {
			t.Errorf("%+v, %v karens hours, %v worked: avoided %v, complete %v", tc.in, tc.karens, tc.reearn, c.KarensAvoided(), c.ReearnComplete())
		}
	}
}
