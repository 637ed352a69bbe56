// Command sagsbehandleradgang is the web server: it reads its configuration
// from the environment (and flags), migrates the database, and serves the
// caseworkers until it is told to stop.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // "today" is taken in Europe/Copenhagen on any machine
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "sagsbehandleradgang:", err)
		os.Exit(1)
	}
}
