package postgres

import "testing"

func TestJobsGather_WalksWhereHitsAreDenseAndGathersWhereFew(t *testing.T) {
	for _, c := range []struct {
		name               string
		offset, open, hits int
		gather             bool
	}{
		{"a common word at a million citizens, page 1", 0, 40185, 3399, false},
		{"the same, page 100", 1980, 40185, 3399, true},
		{"a rare word", 0, 40185, 50, true},
		{"every posting has the word", 0, 185, 185, false},
		{"one hit", 0, 185, 1, true},
	} {
		if got := jobsGather(c.offset, c.open, c.hits); got != c.gather {
			t.Errorf("%s: gather %v, want %v", c.name, got, c.gather)
		}
	}
}
