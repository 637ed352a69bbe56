// Command devdb runs the throwaway local PostgreSQL cluster that `make run`
// and `make test` use: it installs PostgreSQL when it is missing, creates the
// cluster on first use and starts or stops it. The cluster listens on a Unix
// socket only, in a folder the postgres user can reach.
//
//	devdb up   -dir DIR [-fast] [-db NAME [-fresh]]
//	                              start (creating if needed); prints the admin URL,
//	                              or the URL of database NAME, created if missing
//	                              (dropped and created anew with -fresh)
//	devdb replica -dir DIR -primary PDIR [-fast]
//	                              start (creating if needed with pg_basebackup -R)
//	                              a streaming replica of the running cluster in
//	                              PDIR, in its own folder and socket; prints its
//	                              admin URL, or the URL of database -db NAME
//	devdb down -dir DIR           stop (a cluster or a replica)
//	devdb url  -dir DIR           print the admin URL
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/jackc/pgx/v5"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "devdb:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errors.New("usage: devdb up|replica|down|url -dir DIR [-fast]")
	}
	fs := flag.NewFlagSet("devdb "+args[0], flag.ContinueOnError)
	dir := fs.String("dir", "", "folder of the cluster (socket and data)")
	fast := fs.Bool("fast", false, "trade durability for speed (tests only)")
	db := fs.String("db", "", "database to create if missing, whose URL is printed")
	fresh := fs.Bool("fresh", false, "with -db: drop the database first")
	primary := fs.String("primary", "", "with replica: folder of the cluster to replicate")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *dir == "" {
		return errors.New("-dir is required")
	}
	c := cluster{dir: *dir, stderr: stderr}
	switch args[0] {
	case "up":
		if err := c.up(ctx, *fast); err != nil {
			return err
		}
		if *db == "" {
			fmt.Fprintln(stdout, c.url())
			return nil
		}
		if err := c.createDatabase(ctx, *db, *fresh); err != nil {
			return err
		}
		fmt.Fprintln(stdout, c.databaseURL(*db))
	case "replica":
		if *primary == "" {
			return errors.New("replica: -primary is required")
		}
		if err := c.replica(ctx, cluster{dir: *primary, stderr: stderr}, *fast); err != nil {
			return err
		}
		if *db == "" {
			fmt.Fprintln(stdout, c.url())
		} else {
			fmt.Fprintln(stdout, c.databaseURL(*db))
		}
	case "down":
		return c.down(ctx)
	case "url":
		fmt.Fprintln(stdout, c.url())
	default:
		return fmt.Errorf("unknown command %q", args[0])
	}
	return nil
}

type cluster struct {
	dir    string
	stderr io.Writer
}

func (c cluster) data() string { return filepath.Join(c.dir, "data") }

// url is the admin connection URL over the cluster's Unix socket.
func (c cluster) url() string {
	q := url.Values{"host": {c.dir}, "sslmode": {"disable"}}
	return "postgres://postgres@/postgres?" + q.Encode()
}

func (c cluster) databaseURL(db string) string {
	return strings.Replace(c.url(), "@/postgres?", "@/"+url.PathEscape(db)+"?", 1)
}

func (c cluster) createDatabase(ctx context.Context, db string, fresh bool) error {
	conn, err := pgx.Connect(ctx, c.url())
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	ident := pgx.Identifier{db}.Sanitize()
	if fresh {
		if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+ident+" WITH (FORCE)"); err != nil {
			return fmt.Errorf("drop database: %w", err)
		}
	}
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1)", db).Scan(&exists); err != nil {
		return err
	}
	if !exists {
		if _, err := conn.Exec(ctx, "CREATE DATABASE "+ident); err != nil {
			return fmt.Errorf("create database: %w", err)
		}
	}
	return nil
}

func (c cluster) up(ctx context.Context, fast bool) error {
	bin, empty, err := c.prepare(ctx)
	if err != nil {
		return err
	}
	if empty {
		if err := c.asPostgres(ctx, filepath.Join(bin, "initdb"), "-D", c.data(), "-U", "postgres",
			"--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"); err != nil {
			return fmt.Errorf("initdb: %w", err)
		}
	}
	return c.start(ctx, bin, fast)
}

// prepare makes the cluster's folder, for the postgres user, and says where
// PostgreSQL's programs are and whether the cluster is still to be made.
func (c cluster) prepare(ctx context.Context) (bin string, empty bool, err error) {
	if bin, err = postgresBin(ctx, c.stderr); err != nil {
		return "", false, err
	}
	if len(filepath.Join(c.dir, ".s.PGSQL.5432")) > 100 {
		return "", false, fmt.Errorf("socket path under %s is too long for a Unix socket; choose a shorter -dir", c.dir)
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return "", false, err
	}
	if err := c.chown(ctx); err != nil {
		return "", false, err
	}
	_, err = os.Stat(filepath.Join(c.data(), "PG_VERSION"))
	return bin, errors.Is(err, os.ErrNotExist), nil
}

// start starts the cluster unless it runs. Every cluster may be replicated
// (wal_level, WAL senders; initdb's pg_hba.conf already trusts local
// replication connections), and a replica needs at least the primary's
// max_connections, so both get the same settings.
func (c cluster) start(ctx context.Context, bin string, fast bool) error {
	if c.asPostgresQuiet(ctx, filepath.Join(bin, "pg_ctl"), "-D", c.data(), "status") == nil {
		return nil // already running
	}
	opts := fmt.Sprintf("-k %s -c listen_addresses='' -c max_connections=200 -c wal_level=replica -c max_wal_senders=10", c.dir)
	if fast {
		opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
	}
	if err := c.asPostgres(ctx, filepath.Join(bin, "pg_ctl"), "-D", c.data(), "-w", "-t", "60",
		"-o", opts, "-l", filepath.Join(c.dir, "postgres.log"), "start"); err != nil {
		return fmt.Errorf("pg_ctl start (see %s): %w", filepath.Join(c.dir, "postgres.log"), err)
	}
	return nil
}

// replica starts c as a hot standby of the running cluster primary, first
// copying it with pg_basebackup -R, which writes standby.signal and the
// primary_conninfo that makes c stream the primary's WAL over its socket.
func (c cluster) replica(ctx context.Context, primary cluster, fast bool) error {
	bin, empty, err := c.prepare(ctx)
	if err != nil {
		return err
	}
	if empty {
		if err := c.asPostgres(ctx, filepath.Join(bin, "pg_basebackup"), "-d", primary.url(), "-D", c.data(),
			"-R", "-X", "stream", "-c", "fast"); err != nil {
			return fmt.Errorf("pg_basebackup from %s (is it running?): %w", primary.dir, err)
		}
	}
	return c.start(ctx, bin, fast)
}

func (c cluster) down(ctx context.Context) error {
	if _, err := os.Stat(filepath.Join(c.data(), "postmaster.pid")); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	bin, err := postgresBin(ctx, c.stderr)
	if err != nil {
		return err
	}
	return c.asPostgres(ctx, filepath.Join(bin, "pg_ctl"), "-D", c.data(), "-w", "-m", "fast", "stop")
}

// chown gives the cluster folder to the postgres user when we run as root,
// because initdb and postgres refuse to run as root.
func (c cluster) chown(ctx context.Context) error {
	if os.Geteuid() != 0 {
		return nil
	}
	if out, err := exec.CommandContext(ctx, "chown", "postgres:postgres", c.dir).CombinedOutput(); err != nil {
		return fmt.Errorf("chown %s: %v: %s", c.dir, err, out)
	}
	// Every parent must be traversable by postgres (TOOLING.md).
	if err := exec.CommandContext(ctx, "runuser", "-u", "postgres", "--", "test", "-x", c.dir).Run(); err != nil {
		return fmt.Errorf("the postgres user cannot reach %s: choose a -dir whose parents are traversable", c.dir)
	}
	return nil
}

func (c cluster) command(ctx context.Context, name string, args ...string) *exec.Cmd {
	if os.Geteuid() == 0 {
		return exec.CommandContext(ctx, "runuser", append([]string{"-u", "postgres", "--", name}, args...)...)
	}
	return exec.CommandContext(ctx, name, args...)
}

func (c cluster) asPostgres(ctx context.Context, name string, args ...string) error {
	cmd := c.command(ctx, name, args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%v: %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}

func (c cluster) asPostgresQuiet(ctx context.Context, name string, args ...string) error {
	return c.command(ctx, name, args...).Run()
}

// postgresBin finds PostgreSQL 15's programs, installing Debian's package
// when they are missing and we may.
func postgresBin(ctx context.Context, stderr io.Writer) (string, error) {
	const bin = "/usr/lib/postgresql/15/bin"
	if _, err := os.Stat(filepath.Join(bin, "pg_ctl")); err == nil {
		return bin, nil
	}
	if os.Geteuid() != 0 {
		return "", errors.New("PostgreSQL 15 is not installed: run `sudo apt-get install -y postgresql`")
	}
	fmt.Fprintln(stderr, "devdb: installing PostgreSQL (apt-get install -y postgresql) …")
	for _, args := range [][]string{{"update", "-qq"}, {"install", "-y", "-qq", "postgresql"}} {
		cmd := exec.CommandContext(ctx, "apt-get", args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		cmd.Stdout, cmd.Stderr = stderr, stderr
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("apt-get %s: %w", args[0], err)
		}
	}
	if _, err := os.Stat(filepath.Join(bin, "pg_ctl")); err != nil {
		return "", errors.New("PostgreSQL 15 is still missing after apt-get install postgresql")
	}
	return bin, nil
}
