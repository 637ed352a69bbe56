// Command dfdgseed migrates a database and loads the hand-written demo cases
// (internal/demo) with dates relative to today. It is deterministic.
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
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dsn == "" {
		return errors.New("-database-url or DATABASE_URL is required")
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
	if err := demo.LoadBulk(ctx, pool, today, *citizens, 1); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "dfdgseed: %d organisationer, %d sagsbehandlere og %d borgere indlæst.\n",
		len(demo.Organisations), len(demo.Caseworkers), len(demo.Citizens))
	fmt.Fprintln(stdout, "Demoborgere at slå op (alle CPR-numre er opdigtede):")
	for _, c := range demo.Citizens {
		fmt.Fprintf(stdout, "  %s-%s  %-16s %s\n", c.CPR[:6], c.CPR[6:], c.Name, c.Case)
	}
	if *citizens > 0 {
		fmt.Fprintf(stdout, "dfdgseed: %d genererede borgere indlæst (demo.BulkCitizenAt, seed 1).\n", *citizens)
	}
	return nil
}
