package farm_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	"github.com/zkml/zkml/internal/pgtest"
	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/client"
	"github.com/zkml/zkml/prover/farm"
	"github.com/zkml/zkml/prover/store"
	"github.com/zkml/zkml/prover/worker"
)

// An ordinary job could take the idempotency key "chain:N" and make paid
// chain job N fail for good with a key conflict; that prefix is reserved.
// A chain job id of millions of digits took seconds of parsing and came back
// whole in the error; it is refused by length first.
func TestChainJobKeysAndIDs(t *testing.T) {
	art := hashedArtifacts(t)
	ctx := ctxT(t)
	m := newChainMarket(t, art)
	addr, _, _ := chainCoordinator(t, t.TempDir(), m.chain, m.coordKey, m.owner, nil)
	cl := dial(t, addr, "")
	pushed, err := cl.PushModel(ctx, art)
	if err != nil {
		t.Fatal(err)
	}
	_, err = cl.Submit(ctx, client.Job{Model: pushed.ModelId, Input: input(t), Key: "chain:1"})
	if status.Code(err) != codes.InvalidArgument || !strings.Contains(err.Error(), "reserved") {
		t.Fatalf("a plain job keyed chain:1: %v, want InvalidArgument (reserved)", err)
	}
	head, err := m.chain.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := m.requester.RequestJob(ctx, m.modelID, m.ic, time.Unix(int64(head.Time), 0).Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Submit(ctx, client.Job{Input: input(t), ChainJob: id.String()}); err != nil {
		t.Fatalf("the paid chain job: %v", err)
	}
	for _, n := range []int{40, 1 << 20} {
		start := time.Now()
		_, err := cl.Submit(ctx, client.Job{Input: input(t), ChainJob: strings.Repeat("9", n)})
		if status.Code(err) != codes.InvalidArgument || len(err.Error()) > 400 {
			t.Errorf("a chain job id of %d digits: %v (%d bytes), want a short InvalidArgument", n, clipped(err), len(err.Error()))
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("a chain job id of %d digits took %v to refuse", n, d)
		}
	}
}

func clipped(err error) string {
	if err == nil {
		return "<nil>"
	}
	s := err.Error()
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// PostgreSQL's text refuses NUL characters, SQLite keeps them: a worker
// named with one could not claim a job on PostgreSQL, and an idempotency key
// with one failed as an internal error. Keys with NUL are refused; free text
// (names, progress, failure reasons) is stored without it.
func TestCallerTextOnPostgres(t *testing.T) {
	pg := pgtest.Start(t)
	st, err := store.Open(context.Background(), pg.NewDatabase(t, "callertext"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	art := artifacts(t)
	addr, c := coordinator(t, func(cfg *farm.Config) { cfg.Store = st })
	cl := dial(t, addr, "")
	ctx := ctxT(t)
	m, err := cl.PushModel(ctx, art)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"k\x00ey", "\x00"} {
		if _, err := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: input(t), Key: key}); status.Code(err) != codes.InvalidArgument {
			t.Errorf("key %q: %v, want InvalidArgument", key, err)
		}
	}
	j, err := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: input(t), Key: "plain"})
	if err != nil {
		t.Fatal(err)
	}
	startWorker(t, addr, func(w *worker.Config) { w.Name = "gpu\x00box" })
	waitState(t, c.Store(), j.JobId, store.Done)
}

// A push whose first chunk names no file wrote to no file and came back as
// an internal error.
func TestPushUnnamedChunk(t *testing.T) {
	addr, _ := coordinator(t, nil)
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	s, err := api.NewModelsClient(conn).PushModel(ctxT(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(&api.FileChunk{File: "", Data: []byte("x")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CloseAndRecv(); status.Code(err) != codes.InvalidArgument {
		t.Errorf("a push with an unnamed first chunk: %v, want InvalidArgument", err)
	}
}
