package postgres_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/pgtest"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
)

// A launch token's nonce is accepted once, by every instance sharing the
// database, even when both receive it at the same moment; the same nonce
// from another case system is another token; expired nonces are cleaned
// away.
func TestUseLaunchNonce_AcceptsANonceOnce(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.NewDatabase(t, "", nil)
	a := postgres.NewStore(pgtest.Pool(t, dsn))
	b := postgres.NewStore(pgtest.Pool(t, dsn))
	expires := time.Now().Add(2 * time.Minute)

	var wg sync.WaitGroup
	results := make([]bool, 2)
	for i, s := range []*postgres.Store{a, b} {
		wg.Go(func() {
			ok, err := s.UseLaunchNonce(ctx, "demo-fagsystem", "nonce-0123456789abcdef", expires)
			if err != nil {
				t.Error(err)
			}
			results[i] = ok
		})
	}
	wg.Wait()
	if results[0] == results[1] {
		t.Fatalf("two instances using the same nonce at once: %v, want exactly one true", results)
	}
	if ok, err := a.UseLaunchNonce(ctx, "demo-fagsystem", "nonce-0123456789abcdef", expires); err != nil || ok {
		t.Errorf("third use: %v, %v; want false", ok, err)
	}
	if ok, err := a.UseLaunchNonce(ctx, "andet-fagsystem", "nonce-0123456789abcdef", expires); err != nil || !ok {
		t.Errorf("the same nonce from another case system: %v, %v; want true", ok, err)
	}

	if _, err := a.UseLaunchNonce(ctx, "demo-fagsystem", "old-nonce-0123456789", time.Now().Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, err := a.UseLaunchNonce(ctx, "demo-fagsystem", "new-nonce-0123456789", expires); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := pgtest.OwnerPool(t, dsn).QueryRow(ctx, `SELECT count(*) FROM launch_nonces WHERE nonce = 'old-nonce-0123456789'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Error("an expired nonce is still stored")
	}
}
