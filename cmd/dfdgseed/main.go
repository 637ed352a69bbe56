// Command dfdgseed migrates a database and loads the hand-written demo cases
// (internal/demo) with dates relative to today and, with -citizens N, N
// generated citizens with everything the pages show of them, in the
// proportions of the national data (demo.LoadBulk). It is deterministic:
// the same N on the same day gives the same rows.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
	"github.com/star-dk/sagsbehandleradgang/migrations"
	_ "time/tzdata"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "dfdgseed:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := flag.NewFlagSet("dfdgseed", flag.ContinueOnError)
	dsn := fs.String("database-url", getenv("DATABASE_URL"), "database to migrate and fill (env DATABASE_URL)")
	citizens := fs.Int("citizens", 0, "made-up citizens to generate after the demo cases, for benchmarks (up to a million and more)")
	bench := fs.Int("bench-caseworkers", 0, fmt.Sprintf("bench caseworkers bench001 … to add to the user copy, for make bench-http (at most %d)", demo.MaxBenchCaseworkers))
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dsn == "" {
		return errors.New("-database-url or DATABASE_URL is required")
	}
	if *bench < 0 || *bench > demo.MaxBenchCaseworkers {
		return fmt.Errorf("-bench-caseworkers %d: between 0 and %d", *bench, demo.MaxBenchCaseworkers)
	}
	pool, err := postgres.OpenOwner(ctx, *dsn)
	if err != nil {
		return err
	}
	defer pool.Close()
	if err := migrations.Up(ctx, pool); err != nil {
		return err
	}
	today := time.Now()
	if err := demo.Load(ctx, pool, today); err != nil {
		return err
	}
	if err := demo.LoadBenchCaseworkers(ctx, pool, *bench); err != nil {
		return err
	}
	if *citizens > 0 {
		fmt.Fprintf(stdout, "dfdgseed: genererer %d borgere (seed 1) med al deres data og et arbejdsmarked i deres størrelse …\n", *citizens)
	}
	if err := demo.LoadBulkReporting(ctx, pool, today, *citizens, 1, stdout); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "dfdgseed: %d organisationer, %d sagsbehandlere og %d borgere indlæst.\n",
		len(demo.Organisations), len(demo.Caseworkers), len(demo.Citizens))
	fmt.Fprintln(stdout, "Demoborgere at slå op (alle CPR-numre er opdigtede):")
	for _, c := range demo.Citizens {
		fmt.Fprintf(stdout, "  %s-%s  %-16s %s\n", c.CPR[:6], c.CPR[6:], c.Name, c.Case)
	}
	if *bench > 0 {
		fmt.Fprintf(stdout, "dfdgseed: %d sagsbehandlere til belastningstest indlæst (bench001 …).\n", *bench)
	}
	if *citizens > 0 {
		fmt.Fprintf(stdout, "dfdgseed: %d genererede borgere indlæst (demo.BulkCitizenAt, seed 1).\n", *citizens)
	}
	return nil
}
