package farm_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/zkml/zkml/prover/client"
	"github.com/zkml/zkml/prover/farm"
	"github.com/zkml/zkml/prover/worker"
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
