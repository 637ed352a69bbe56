package postgres

import (
	"context"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
)

// statementCounter counts what the pool sends to Postgres: statements, and
// round trips (a statement on its own, or a whole batch). Divided by the
// requests served, they are the figures `make bench-http` prints per page,
// and the ones a page's design is judged by ("one page = one round trip").
type statementCounter struct {
	statements atomic.Int64
	roundTrips atomic.Int64
}

var (
	_ pgx.QueryTracer = (*statementCounter)(nil)
	_ pgx.BatchTracer = (*statementCounter)(nil)
)

func (c *statementCounter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	c.statements.Add(1)
	c.roundTrips.Add(1)
	return ctx
}

func (c *statementCounter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

func (c *statementCounter) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	c.roundTrips.Add(1)
	return ctx
}

func (c *statementCounter) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) {
	c.statements.Add(1)
}

func (c *statementCounter) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

// Collector exports the statements and round trips of a pool that Open
// made, as Prometheus counters. Other pools export nothing.
func Collector(pool *pgxpool.Pool) prometheus.Collector {
	c, _ := pool.Config().ConnConfig.Tracer.(*statementCounter)
	if c == nil {
		c = &statementCounter{}
	}
	return collector{c}
}

type collector struct{ c *statementCounter }

var (
	descStatements = prometheus.NewDesc("sagsbehandleradgang_db_statements_total",
		"SQL statements sent to Postgres, inside batches or not.", nil, nil)
	descRoundTrips = prometheus.NewDesc("sagsbehandleradgang_db_round_trips_total",
		"Round trips to Postgres: a statement on its own or a whole batch.", nil, nil)
)

func (collector) Describe(ch chan<- *prometheus.Desc) {
	ch <- descStatements
	ch <- descRoundTrips
}

func (k collector) Collect(ch chan<- prometheus.Metric) {
	ch <- prometheus.MustNewConstMetric(descStatements, prometheus.CounterValue, float64(k.c.statements.Load()))
	ch <- prometheus.MustNewConstMetric(descRoundTrips, prometheus.CounterValue, float64(k.c.roundTrips.Load()))
}
