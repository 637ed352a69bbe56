package postgres_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
	"github.com/star-dk/sagsbehandleradgang/internal/samlsp"
)

// An assertion is accepted once, by every instance sharing the database,
// and its ID is forgotten after it expires.
func TestSAMLReplayCache_AcceptsAnAssertionOnce(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.NewDatabase(t, "", nil)
	instanceA := postgres.SAMLReplayCache{Pool: pgtest.Pool(t, dsn)}
	instanceB := postgres.SAMLReplayCache{Pool: pgtest.Pool(t, dsn)}
	expires := time.Now().Add(5 * time.Minute)

	if err := instanceA.Use(ctx, "_assertion-1", expires); err != nil {
		t.Fatalf("first use: %v", err)
	}
	if err := instanceB.Use(ctx, "_assertion-1", expires); !errors.Is(err, samlsp.ErrReplayed) {
		t.Errorf("second use on another instance: %v, want ErrReplayed", err)
	}
	if err := instanceA.Use(ctx, "_assertion-2", expires); err != nil {
		t.Errorf("another assertion: %v", err)
	}

	// An expired entry is cleaned away by the next use.
	if err := instanceA.Use(ctx, "_old", time.Now().Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := instanceA.Use(ctx, "_assertion-3", expires); err != nil {
		t.Fatal(err)
	}
	owner := pgtest.OwnerPool(t, dsn)
	var n int
	if err := owner.QueryRow(ctx, `SELECT count(*) FROM saml_used_assertions WHERE id = '_old'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Error("an expired assertion ID is still stored")
	}
}
