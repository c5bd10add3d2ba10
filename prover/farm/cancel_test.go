package farm_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/prover/client"
	"github.com/zkml/zkml/prover/farm"
	"github.com/zkml/zkml/prover/store"
	"github.com/zkml/zkml/prover/worker"
)

// TestCancelMidProof: canceling the job a worker is proving makes the
// next job to that (still busy) worker, which ignored it; the session then
// never leased again. The worker stays busy until its stale result is back.
func TestCancelMidProof(t *testing.T) {
	art := artifacts(t)
	addr, c := coordinator(t, func(cfg *farm.Config) { cfg.LeaseTTL = time.Second })
	cl := dial(t, addr, "")
	ctx := ctxT(t)
	m, err := cl.PushModel(ctx, art)
	if err != nil {
		t.Fatal(err)
	}
	a, err := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: input(t)})
	if err != nil {
		t.Fatal(err)
	}
	startWorker(t, addr, func(w *worker.Config) { w.ProveDelay = 3 * time.Second })
	waitState(t, c.Store(), a.JobId, store.Leased)
	if _, err := cl.Cancel(ctx, a.JobId); err != nil {
		t.Fatal(err)
	}
	b, err := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: input(t)})
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		j, _ := c.Store().Get(ctx, b.JobId)
		if j.State == store.Done {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	j, _ := c.Store().Get(ctx, b.JobId)
	t.Fatalf("job B never proved by the only (idle) worker: state=%s attempts=%d error=%q", j.State, j.Attempts, j.Error)
}

// A worker's cached copy of a model damaged after it was fetched (one byte
// of program.bin) made every proof of the model panic the worker; it now
// fetches the model again and proves.
func TestDamagedWorkerCache(t *testing.T) {
	art := artifacts(t)
	addr, c := coordinator(t, nil)
	cl := dial(t, addr, "")
	ctx := ctxT(t)
	m, err := cl.PushModel(ctx, art)
	if err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	dir := filepath.Join(cache, m.ModelId)
	if err := os.CopyFS(dir, os.DirFS(art)); err != nil {
		t.Fatal(err)
	}
	prog := filepath.Join(dir, model.ProgramFile)
	raw, err := os.ReadFile(prog)
	if err != nil {
		t.Fatal(err)
	}
	raw[21] ^= 0x5a
	if err := os.WriteFile(prog, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	j, err := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: input(t)})
	if err != nil {
		t.Fatal(err)
	}
	startWorker(t, addr, func(w *worker.Config) { w.CacheDir = cache })
	waitState(t, c.Store(), j.JobId, store.Done)
}
