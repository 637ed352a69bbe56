package server

import (
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus metrics. Labels are route patterns,
// methods, statuses and outcomes: never a CPR number, a name or an id.
type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	lookUps  *prometheus.CounterVec
	launches *prometheus.CounterVec
}

func newMetrics() *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sagsbehandleradgang_http_requests_total",
			Help: "HTTP requests by route pattern, method and status.",
		}, []string{"route", "method", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "sagsbehandleradgang_http_request_duration_seconds",
			Help:    "HTTP request duration by route pattern.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route"}),
		lookUps: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sagsbehandleradgang_lookups_total",
			Help: "CPR look-ups by outcome: granted, refused, malformed, rate_limited, failed.",
		}, []string{"outcome"}),
		launches: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "sagsbehandleradgang_launches_total",
			Help: "Launches from a case system by outcome: accepted, or why refused (the look-up itself counts in lookups_total).",
		}, []string{"outcome"}),
	}
	m.registry.MustRegister(m.requests, m.duration, m.lookUps, m.launches,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

// instrument counts and times every request by its route pattern.
func (m *metrics) instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		next.ServeHTTP(ww, r)
		route := chi.RouteContext(r.Context()).RoutePattern()
		if route == "" {
			route = "unmatched"
		}
		m.requests.WithLabelValues(route, r.Method, strconv.Itoa(ww.Status())).Inc()
		m.duration.WithLabelValues(route).Observe(time.Since(start).Seconds())
	})
}
