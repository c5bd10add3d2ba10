package farm_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/internal/devmodel"
	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/client"
	"github.com/zkml/zkml/prover/farm"
	"github.com/zkml/zkml/prover/worker"
	"github.com/zkml/zkml/verifier"
)

// TestOwnerToken: with an owner token set, only it pushes models; the
// requester token submits jobs but cannot add or replace a model, and the
// owner token is not a requester's.
func TestOwnerToken(t *testing.T) {
	art := artifacts(t)
	addr, _ := coordinator(t, func(c *farm.Config) {
		c.RequesterToken, c.WorkerToken, c.OwnerToken = "req-secret", "work-secret", "owner-secret"
	})
	ctx := ctxT(t)
	_, err := dial(t, addr, "req-secret").PushModel(ctx, art)
	if status.Code(err) != codes.Unauthenticated || !strings.Contains(err.Error(), "ZKML_OWNER_TOKEN") {
		t.Fatalf("push with the requester token: %v, want Unauthenticated naming ZKML_OWNER_TOKEN", err)
	}
	m, err := dial(t, addr, "owner-secret").PushModel(ctx, art)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dial(t, addr, "owner-secret").Submit(ctx, client.Job{Model: m.ModelId, Input: input(t)}); status.Code(err) != codes.Unauthenticated {
		t.Fatalf("submit with the owner token: %v, want Unauthenticated", err)
	}
	if _, err := dial(t, addr, "req-secret").Submit(ctx, client.Job{Model: m.ModelId, Input: input(t)}); err != nil {
		t.Fatal(err)
	}
}

// TestWorkerTokenRefused: a worker whose token the coordinator refuses
// stops at once with a message naming ZKML_WORKER_TOKEN, rather than
// reconnecting forever.
func TestWorkerTokenRefused(t *testing.T) {
	addr, _ := coordinator(t, func(c *farm.Config) { c.RequesterToken, c.WorkerToken = "req-secret", "work-secret" })
	cfg := worker.Defaults
	cfg.Coordinator, cfg.CacheDir = addr, t.TempDir()
	cfg.Client = client.Options{Token: "guess"}
	w, err := worker.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err = w.Run(ctx)
	if err == nil || ctx.Err() != nil || !strings.Contains(err.Error(), "ZKML_WORKER_TOKEN") {
		t.Fatalf("worker with a wrong token: Run returned %v (ctx %v), want an error naming ZKML_WORKER_TOKEN", err, ctx.Err())
	}
}

// TestPrivateWeightsPushed: a model compiled with --weights private ships
// weights.bin with the push and the fetch, so workers can prove it (every
// job of one failed three times for the missing file).
func TestPrivateWeightsPushed(t *testing.T) {
	art := filepath.Join(t.TempDir(), "art")
	if _, err := devmodel.CompileWith(filepath.Join(models, "1l_mlp"), art, model.CompileOptions{PrivateWeights: true}); err != nil {
		t.Fatal(err)
	}
	addr, _ := coordinator(t, nil)
	cl := dial(t, addr, "")
	ctx := ctxT(t)
	m, err := cl.PushModel(ctx, art)
	if err != nil {
		t.Fatal(err)
	}
	if m.Weights != "private" {
		t.Fatalf("pushed model: weights %q, want private", m.Weights)
	}
	startWorker(t, addr, nil)
	j, err := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: input(t)})
	if err != nil {
		t.Fatal(err)
	}
	j, err = cl.Wait(ctx, j.JobId, nil)
	if err != nil || j.State != api.JobState_JOB_STATE_DONE || j.Attempts != 1 {
		t.Fatalf("job of a private-weights model: %v %v", j, err)
	}
	raw, err := cl.Proof(ctx, j.JobId)
	if err != nil {
		t.Fatal(err)
	}
	a, err := model.Load(art)
	if err != nil {
		t.Fatal(err)
	}
	var pf verifier.ProofFile
	if err := json.Unmarshal(raw, &pf); err != nil {
		t.Fatal(err)
	}
	if err := verifier.Verify(a, &pf); err != nil {
		t.Fatal(err)
	}
	// a push of a private-weights model without weights.bin is refused
	bare := t.TempDir()
	for _, f := range farm.ArtifactFiles {
		b, err := os.ReadFile(filepath.Join(art, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(bare, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := cl.PushModel(ctx, bare); status.Code(err) != codes.InvalidArgument || !strings.Contains(err.Error(), "weights.bin") {
		t.Fatalf("push without weights.bin: %v, want InvalidArgument naming weights.bin", err)
	}
}

// TestIDForms: a model is found by the id zkml model push printed or by
// model.json's model_id (what zkml compile printed and proof.json holds),
// and a job by the 32 hex digits zkml submit printed or proof.json's job_id.
func TestIDForms(t *testing.T) {
	art := artifacts(t)
	addr, _ := coordinator(t, nil)
	cl := dial(t, addr, "")
	ctx := ctxT(t)
	m, err := cl.PushModel(ctx, art)
	if err != nil {
		t.Fatal(err)
	}
	meta, err := model.LoadMeta(art)
	if err != nil {
		t.Fatal(err)
	}
	d, err := cl.GetModel(ctx, meta.ModelID)
	if err != nil || d.ModelId != m.ModelId {
		t.Fatalf("GetModel by model.json's model_id %s: %v %v", meta.ModelID, d, err)
	}
	startWorker(t, addr, nil)
	j, err := cl.Submit(ctx, client.Job{Model: meta.ModelID, Input: input(t)})
	if err != nil || j.ModelId != m.ModelId {
		t.Fatalf("submit by model.json's model_id: %v %v", j, err)
	}
	if _, err := cl.Wait(ctx, j.JobId, nil); err != nil {
		t.Fatal(err)
	}
	raw, err := cl.Proof(ctx, j.JobId)
	if err != nil {
		t.Fatal(err)
	}
	var pf verifier.ProofFile
	if err := json.Unmarshal(raw, &pf); err != nil {
		t.Fatal(err)
	}
	got, err := cl.Get(ctx, pf.JobID)
	if err != nil || got.JobId != j.JobId {
		t.Fatalf("status by proof.json's job_id %s: %v %v", pf.JobID, got, err)
	}
	if _, err := cl.Submit(ctx, client.Job{Model: "0x1234", Input: input(t)}); status.Code(err) != codes.NotFound {
		t.Fatalf("an unknown circuit id: %v, want NotFound", err)
	}
}
