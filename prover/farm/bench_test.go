package farm_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zkml/zkml/prover/client"
)

// BenchmarkFarmOverhead measures, per job on loopback with one worker, the
// job latency (submit to the end of WatchJob) minus the prove time the worker
// reports: queueing, leasing, model reuse, transport, the coordinator's
// verification and the store. Target: <= 50 ms.
func BenchmarkFarmOverhead(b *testing.B) {
	art := artifacts(b)
	addr, _ := coordinator(b, nil)
	startWorker(b, addr, nil)
	cl := dial(b, addr, "")
	ctx := context.Background()
	m, err := cl.PushModel(ctx, art)
	if err != nil {
		b.Fatal(err)
	}
	in := input(b)
	run := func() (time.Duration, float64) {
		t0 := time.Now()
		j, err := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: in})
		if err != nil {
			b.Fatal(err)
		}
		wctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		j, err = cl.Wait(wctx, j.JobId, nil)
		if err != nil {
			b.Fatal(err)
		}
		return time.Since(t0), j.ProveSeconds
	}
	run() // the worker fetches and loads the model once
	b.ResetTimer()
	var over, prove float64
	for i := 0; i < b.N; i++ {
		lat, ps := run()
		over += lat.Seconds() - ps
		prove += ps
	}
	b.ReportMetric(1000*over/float64(b.N), "overhead-ms/job")
	b.ReportMetric(1000*prove/float64(b.N), "prove-ms/job")
}

// BenchmarkSubmit measures how many submissions per second one coordinator
// (SQLite store) accepts from 8 concurrent requesters.
func BenchmarkSubmit(b *testing.B) {
	art := artifacts(b)
	addr, _ := coordinator(b, nil)
	cl := dial(b, addr, "")
	ctx := context.Background()
	m, err := cl.PushModel(ctx, art)
	if err != nil {
		b.Fatal(err)
	}
	in := input(b)
	var n atomic.Int64
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n.Add(1) <= int64(b.N) {
				if _, err := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: in}); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "submits/s")
}
