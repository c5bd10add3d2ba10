package farm

import (
	"context"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/zkml/zkml/prover/store"
)

type metrics struct {
	reg          *prometheus.Registry
	proveSeconds prometheus.Histogram
	jobSeconds   prometheus.Histogram
	results      *prometheus.CounterVec
	proofs       *prometheus.CounterVec // by accelerator and GPU fallback
	submitted    prometheus.Counter
	authFailures prometheus.Counter
	refused      *prometheus.CounterVec // work refused past a limit, by limit (queue, storage)
	// chain mode
	chainRequests prometheus.Counter
	settlements   *prometheus.CounterVec // by final state
}

// stateCollector reads job counts from the store at scrape time, so the
// figures hold for every coordinator sharing the database.
type stateCollector struct {
	c                  *Coordinator
	jobs, queue, works *prometheus.Desc
}

func (s *stateCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- s.jobs
	ch <- s.queue
	ch <- s.works
}

func (s *stateCollector) Collect(ch chan<- prometheus.Metric) {
	s.c.mu.Lock()
	n := len(s.c.sessions)
	s.c.mu.Unlock()
	ch <- prometheus.MustNewConstMetric(s.works, prometheus.GaugeValue, float64(n))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	counts, err := s.c.store.Counts(ctx)
	if err != nil {
		s.c.log.Error("metrics: counting jobs", "err", err)
		return
	}
	for _, st := range store.States {
		ch <- prometheus.MustNewConstMetric(s.jobs, prometheus.GaugeValue, float64(counts[st]), string(st))
	}
	ch <- prometheus.MustNewConstMetric(s.queue, prometheus.GaugeValue, float64(counts[store.Queued]))
}

func newMetrics(c *Coordinator) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		proveSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "zkml_farm_prove_seconds", Help: "Prove time reported by workers for accepted proofs.",
			Buckets: prometheus.ExponentialBuckets(0.01, 2, 16),
		}),
		jobSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "zkml_farm_job_seconds", Help: "Submission to accepted proof.",
			Buckets: prometheus.ExponentialBuckets(0.01, 2, 18),
		}),
		results: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "zkml_farm_results_total", Help: "Worker results by outcome (accepted, rejected, stale, failed).",
		}, []string{"outcome"}),
		proofs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "zkml_farm_proofs_total", Help: "Accepted proofs by the worker's accelerator, and whether a GPU failure fell back to the CPU.",
		}, []string{"accelerator", "gpu_fallback"}),
		submitted:    prometheus.NewCounter(prometheus.CounterOpts{Name: "zkml_farm_jobs_submitted_total", Help: "Jobs created by SubmitJob."}),
		authFailures: prometheus.NewCounter(prometheus.CounterOpts{Name: "zkml_farm_auth_failures_total", Help: "Requests with a wrong token."}),
		refused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "zkml_farm_refused_total", Help: "Submissions and pushes refused past a limit, by limit (queue, storage).",
		}, []string{"limit"}),
		chainRequests: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "zkml_farm_chain_requests_total", Help: "JobRequested events seen for models this coordinator has (chain mode).",
		}),
		settlements: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "zkml_farm_settlements_total", Help: "Settlements of chain jobs by final state (settled, skipped, failed).",
		}, []string{"state"}),
	}
	m.reg.MustRegister(m.proveSeconds, m.jobSeconds, m.results, m.proofs, m.submitted, m.authFailures, m.refused, m.chainRequests, m.settlements,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		&stateCollector{c: c,
			jobs:  prometheus.NewDesc("zkml_farm_jobs", "Jobs by state.", []string{"state"}, nil),
			queue: prometheus.NewDesc("zkml_farm_queue_depth", "Jobs waiting for a worker.", nil, nil),
			works: prometheus.NewDesc("zkml_farm_workers", "Workers connected to this coordinator.", nil, nil),
		})
	return m
}

// MetricsHandler serves the Prometheus metrics.
func (c *Coordinator) MetricsHandler() http.Handler {
	return promhttp.HandlerFor(c.metrics.reg, promhttp.HandlerOpts{})
}
