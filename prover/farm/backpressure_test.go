package farm_test

import (
	"testing"

	"google.golang.org/grpc/codes"

	"github.com/zkml/zkml/prover/client"
	"github.com/zkml/zkml/prover/farm"
)

// TestBackpressure: past --max-queue a submission is ResourceExhausted (the
// accepted ones stay), and past --max-storage a push is.
func TestBackpressure(t *testing.T) {
	art := artifacts(t)
	addr, _ := coordinator(t, func(c *farm.Config) { c.MaxQueue = 2 })
	cl := dial(t, addr, "")
	ctx := ctxT(t)
	m, err := cl.PushModel(ctx, art)
	if err != nil {
		t.Fatal(err)
	}
	in := input(t)
	var ids []string
	for range 2 {
		j, err := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: in})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, j.JobId)
	}
	_, err = cl.Submit(ctx, client.Job{Model: m.ModelId, Input: in})
	wantCode(t, "a third job past --max-queue 2", err, codes.ResourceExhausted, "its limit (--max-queue)")
	for _, id := range ids {
		if _, err := cl.Get(ctx, id); err != nil {
			t.Fatalf("an accepted job after a refusal: %v", err)
		}
	}
	if _, err := cl.Cancel(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: in}); err != nil {
		t.Fatalf("a job once there is room: %v", err)
	}

	addr2, _ := coordinator(t, func(c *farm.Config) { c.MaxStorageBytes = 100 << 10 })
	_, err = dial(t, addr2, "").PushModel(ctx, art)
	wantCode(t, "a push past --max-storage", err, codes.ResourceExhausted, "--max-storage allows")
}
