package server

import (
	"strings"
	"testing"
)

func TestEchoed_ShowsNoCPRNumberAndCutsOnACharacter(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"too short", "12345", "12345"},
		{"letters", "abcdefghij", "abcdefghij"},
		{"nine digits", "12 03 85 441", "12 03 85 441"},
		{"31 April", "3104901234", ""},
		{"a letter too many", "1203854417x", ""},
		{"a digit too many", "120385-44170", ""},
		{"digits among words", "cpr 120385 og 4417", ""},
		{"full-width digits", "１２０３８５４４１７", ""},
		{"cut at 20 characters", "a" + strings.Repeat("æ", 30), "a" + strings.Repeat("æ", 19)},
		{"control characters", "ab\x00c\td\x07e\u0085f\x7f", "abcdef"},
		{"bidi override and zero width", "ab\u202ecd\u200b", "abcd"},
		{"not UTF-8", "ab\xffcd\xc3", "abcd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := echoed(tt.input); got != tt.want {
				t.Errorf("echoed(%q) = %q, want %q", tt.input, got, tt.want)
			}
		})
	}
}
