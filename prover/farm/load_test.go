package farm_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zkml/zkml/internal/pgtest"
	"github.com/zkml/zkml/prover/client"
	"github.com/zkml/zkml/prover/farm"
	"github.com/zkml/zkml/prover/store"
)

// BenchmarkLoad measures one coordinator on loopback under 1, 8 and 64
// concurrent requesters, with its jobs in SQLite and in PostgreSQL:
//   - submits/s: SubmitJob alone, every requester submitting as fast as it
//     is answered (b.N submissions);
//   - jobs/s (leases/s): the same requesters each submitting a job and
//     waiting for its proof, two workers proving 1l_mlp (b.N jobs; each job
//     is leased once);
//   - p50 and p99 overhead: a job's latency (submit to the end of WatchJob)
//     less the prove time its worker reports.
//
// go test -run '^$' -bench Load -benchtime 200x ./prover/farm
func BenchmarkLoad(b *testing.B) {
	art := artifacts(b)
	in := input(b)
	pg := pgtest.Start(b) // once: a sub-benchmark runs more than once
	dbs := 0
	for _, db := range []string{"sqlite", "postgres"} {
		for _, n := range []int{1, 8, 64} {
			b.Run(fmt.Sprintf("store=%s/requesters=%d", db, n), func(b *testing.B) {
				var mod func(*farm.Config)
				if db == "postgres" {
					dbs++
					st, err := store.Open(context.Background(), pg.NewDatabase(b, fmt.Sprintf("load%d", dbs)))
					if err != nil {
						b.Fatal(err)
					}
					b.Cleanup(func() { st.Close() })
					mod = func(c *farm.Config) { c.Store = st }
				}
				addr, _ := coordinator(b, mod)
				cl := dial(b, addr, "")
				ctx := context.Background()
				m, err := cl.PushModel(ctx, art)
				if err != nil {
					b.Fatal(err)
				}
				// SubmitJob alone, before any worker is connected
				rate := parallel(b, n, func() {
					if _, err := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: in}); err != nil {
						b.Error(err)
					}
				})
				b.ReportMetric(rate, "submits/s")
				// clear the queue, then whole jobs with two workers
				for range 2 {
					startWorker(b, addr, nil)
				}
				drain(b, cl, m.ModelId, in)
				var mu sync.Mutex
				var over []float64
				rate = parallel(b, n, func() {
					t0 := time.Now()
					j, err := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: in})
					if err != nil {
						b.Error(err)
						return
					}
					wctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
					defer cancel()
					if j, err = cl.Wait(wctx, j.JobId, nil); err != nil {
						b.Error(err)
						return
					}
					mu.Lock()
					over = append(over, time.Since(t0).Seconds()-j.ProveSeconds)
					mu.Unlock()
				})
				b.ReportMetric(rate, "jobs/s")
				slices.Sort(over)
				if len(over) > 0 {
					b.ReportMetric(1000*over[len(over)/2], "p50-overhead-ms")
					b.ReportMetric(1000*over[min(len(over)-1, len(over)*99/100)], "p99-overhead-ms")
				}
			})
		}
	}
}

// parallel runs f b.N times from n goroutines and returns the rate.
func parallel(b *testing.B, n int, f func()) float64 {
	var left atomic.Int64
	left.Store(int64(b.N))
	var wg sync.WaitGroup
	start := time.Now()
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for left.Add(-1) >= 0 {
				f()
			}
		}()
	}
	wg.Wait()
	return float64(b.N) / time.Since(start).Seconds()
}

// drain waits until the jobs queued so far are proved: one more job,
// submitted last, is done only after the queue ahead of it (first in,
// first out with one model).
func drain(b *testing.B, cl *client.Client, model string, in []byte) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	j, err := cl.Submit(ctx, client.Job{Model: model, Input: in})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := cl.Wait(ctx, j.JobId, nil); err != nil {
		b.Fatal(err)
	}
	time.Sleep(time.Second)
}
