// Command accesslog is the operator's tool for the access log (SPEC §6):
//
//	accesslog verify                  check the citizen_history hash chain; exit 1 when broken
//	accesslog export -from 2026-01-01 -to 2026-12-31 [-org ID] [-with-cpr]
//	                                  Login entries and refused look-ups as CSV on stdout
//
// It connects as the database user of DATABASE_URL (or -database-url), the
// owner, and only reads: every query runs in a read-only transaction.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/postgres"
	_ "time/tzdata" // periods are Danish dates on any machine
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "accesslog:", err)
		os.Exit(1)
	}
}

const usage = "usage: accesslog verify | accesslog export -from YYYY-MM-DD -to YYYY-MM-DD [-org ID] [-with-cpr]"

// errChainBroken is returned by verify when the chain does not hold, after
// the broken rows have been listed.
var errChainBroken = errors.New("the access log's hash chain is broken (the rows are listed above)")

func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New(usage)
	}
	cmd, args := args[0], args[1:]
	fs := flag.NewFlagSet("accesslog "+cmd, flag.ContinueOnError)
	dsn := fs.String("database-url", getenv("DATABASE_URL"), "database to read (env DATABASE_URL)")
	switch cmd {
	case "verify":
		if err := fs.Parse(args); err != nil {
			return err
		}
		store, closeDB, err := open(ctx, *dsn)
		if err != nil {
			return err
		}
		defer closeDB()
		return verify(ctx, store, stdout)
	case "export":
		from := fs.String("from", "", "first day of the period, YYYY-MM-DD (Danish time)")
		to := fs.String("to", "", "last day of the period, YYYY-MM-DD, inclusive")
		org := fs.Int64("org", 0, "only this organisation (its id); all when 0")
		withCPR := fs.Bool("with-cpr", false, "name citizens by CPR number instead of citizen id (needs -org)")
		if err := fs.Parse(args); err != nil {
			return err
		}
		f, err := exportFilter(*from, *to, *org, *withCPR)
		if err != nil {
			return err
		}
		store, closeDB, err := open(ctx, *dsn)
		if err != nil {
			return err
		}
		defer closeDB()
		return store.ExportAccessLog(ctx, stdout, f)
	default:
		return fmt.Errorf("unknown command %q; %s", cmd, usage)
	}
}

func open(ctx context.Context, dsn string) (*postgres.Store, func(), error) {
	if dsn == "" {
		return nil, nil, errors.New("-database-url or DATABASE_URL is required")
	}
	pool, err := postgres.OpenOwner(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	return postgres.NewStore(pool), pool.Close, nil
}

func verify(ctx context.Context, store *postgres.Store, stdout io.Writer) error {
	rep, err := store.VerifyAccessLog(ctx, func(p postgres.VerifyProgress) {
		fmt.Fprintf(stdout, "kontrolleret: %d rækker, %d borgere, %d brudte\n", p.Rows, p.Citizens, p.Broken)
	})
	if err != nil {
		return err
	}
	for _, b := range rep.Broken {
		if b.ContentChanged {
			fmt.Fprintf(stdout, "række %d (borger-id %d): indholdet er ændret efter det blev skrevet\n", b.ID, b.CitizenID)
		}
		switch {
		case b.LinkBroken && b.ForkOf != 0:
			fmt.Fprintf(stdout, "række %d (borger-id %d): kæden forgrener sig: rækken er kædet til en tidligere række, %d, og ikke til den forrige, %d (det gjorde samtidige opslag før migration 11; en slettet række ser anderledes ud)\n", b.ID, b.CitizenID, b.ForkOf, b.AfterID)
		case b.LinkBroken:
			after := "før borgerens første række"
			if b.AfterID != 0 {
				after = fmt.Sprintf("efter række %d", b.AfterID)
			}
			fmt.Fprintf(stdout, "række %d (borger-id %d): kæden er brudt %s: en række er slettet eller en hash omskrevet\n", b.ID, b.CitizenID, after)
		}
	}
	if n := int64(len(rep.Broken)); n < rep.BrokenCount {
		fmt.Fprintf(stdout, "… og %d brudte rækker mere\n", rep.BrokenCount-n)
	}
	if !rep.OK() {
		return fmt.Errorf("%w (%d of %d rows)", errChainBroken, rep.BrokenCount, rep.Rows)
	}
	fmt.Fprintf(stdout, "Adgangsloggen er intakt: %d rækker for %d borgere.\n", rep.Rows, rep.Citizens)
	return nil
}

// exportFilter turns the flags into a filter: whole Danish days, the last
// one included.
func exportFilter(from, to string, org int64, withCPR bool) (postgres.ExportFilter, error) {
	if from == "" || to == "" {
		return postgres.ExportFilter{}, errors.New("-from and -to are required; " + usage)
	}
	f, err := time.ParseInLocation(time.DateOnly, from, jobnet.Copenhagen)
	if err != nil {
		return postgres.ExportFilter{}, fmt.Errorf("-from: want YYYY-MM-DD: %w", err)
	}
	t, err := time.ParseInLocation(time.DateOnly, to, jobnet.Copenhagen)
	if err != nil {
		return postgres.ExportFilter{}, fmt.Errorf("-to: want YYYY-MM-DD: %w", err)
	}
	if t.Before(f) {
		return postgres.ExportFilter{}, fmt.Errorf("-to %s is before -from %s", to, from)
	}
	if withCPR && org == 0 {
		return postgres.ExportFilter{}, errors.New("-with-cpr needs -org: an export with CPR numbers is for one organisation's own control")
	}
	return postgres.ExportFilter{From: f, To: t.AddDate(0, 0, 1), OrganisationID: org, WithCPR: withCPR}, nil
}
