package postgres

import (
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// Only a lost database is an outage (503, try again); a broken query is a
// 500 that must reach the error log.
func TestWrap_TellsOutagesFromMistakes(t *testing.T) {
	tests := []struct {
		name        string
		err         error
		unavailable bool
	}{
		{"terminated by the administrator", &pgconn.PgError{Code: "57P01"}, true},
		{"cannot connect now", &pgconn.PgError{Code: "57P03"}, true},
		{"connection failure", &pgconn.PgError{Code: "08006"}, true},
		{"too many connections", &pgconn.PgError{Code: "53300"}, true},
		{"statement_timeout", &pgconn.PgError{Code: "57014"}, true},
		{"lock_timeout", &pgconn.PgError{Code: "55P03"}, true},
		{"other object state", &pgconn.PgError{Code: "55000"}, false},
		{"connection closed under us", fmt.Errorf("read: %w", io.ErrUnexpectedEOF), true},
		{"syntax error", &pgconn.PgError{Code: "42601"}, false},
		{"permission denied", &pgconn.PgError{Code: "42501"}, false},
		{"wrong number of arguments", errors.New("expected 2 arguments, got 1"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errors.Is(wrap("load", tt.err), jobnet.ErrUnavailable); got != tt.unavailable {
				t.Errorf("unavailable = %v, want %v", got, tt.unavailable)
			}
		})
	}
}
