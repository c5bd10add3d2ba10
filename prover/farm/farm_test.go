package farm_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/internal/devmodel"
	"github.com/zkml/zkml/internal/leakcheck"
	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/client"
	"github.com/zkml/zkml/prover/farm"
	"github.com/zkml/zkml/prover/store"
	"github.com/zkml/zkml/prover/worker"
	"github.com/zkml/zkml/verifier"
)

const models = "../../../shared/models/dev"

var (
	compileOnce sync.Once
	compiled    string
	compileErr  error
)

// artifacts compiles 1l_mlp once per test binary into a temporary directory.
func artifacts(t testing.TB) string {
	t.Helper()
	compileOnce.Do(func() {
		dir, err := os.MkdirTemp("", "zkml-farm-test-")
		if err != nil {
			compileErr = err
			return
		}
		compiled = filepath.Join(dir, "art")
		compileErr = compile(filepath.Join(models, "1l_mlp"), compiled)
	})
	if compileErr != nil {
		t.Fatal(compileErr)
	}
	return compiled
}

var (
	hashedOnce sync.Once
	hashed     string
	hashedErr  error
)

// hashedArtifacts compiles 1l_mlp with --hash-input once per test binary:
// its input public input is a commitment, so a chain job's input is
// delivered with SubmitJob rather than read from the chain.
func hashedArtifacts(t testing.TB) string {
	t.Helper()
	hashedOnce.Do(func() {
		dir, err := os.MkdirTemp("", "zkml-farm-test-")
		if err != nil {
			hashedErr = err
			return
		}
		hashed = filepath.Join(dir, "art")
		_, hashedErr = devmodel.CompileWith(filepath.Join(models, "1l_mlp"), hashed, model.CompileOptions{HashInput: true})
	})
	if hashedErr != nil {
		t.Fatal(hashedErr)
	}
	return hashed
}

func compile(src, out string) error {
	_, err := devmodel.Compile(src, out)
	return err
}

func TestMain(m *testing.M) {
	code := leakcheck.Main(m)
	for _, d := range []string{compiled, hashed} {
		if d != "" {
			os.RemoveAll(filepath.Dir(d))
		}
	}
	os.Exit(code)
}

func input(t testing.TB) []byte {
	raw, err := os.ReadFile(filepath.Join(models, "1l_mlp", "input.json"))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// coordinator starts a coordinator on 127.0.0.1:0 and stops it at cleanup.
func coordinator(t testing.TB, mod func(*farm.Config)) (string, *farm.Coordinator) {
	t.Helper()
	cfg := farm.Defaults
	cfg.DataDir = t.TempDir()
	cfg.PollInterval = 100 * time.Millisecond
	cfg.ReapInterval = 100 * time.Millisecond
	if os.Getenv("ZKML_TEST_LOG") != "" {
		cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	if mod != nil {
		mod(&cfg)
	}
	c, err := farm.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan struct{})
	go func() { defer close(served); c.Serve(lis) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		c.Shutdown(ctx)
		<-served
	})
	return lis.Addr().String(), c
}

// startWorker runs a worker until cleanup.
func startWorker(t testing.TB, addr string, mod func(*worker.Config)) {
	t.Helper()
	cfg := worker.Defaults
	cfg.Coordinator = addr
	cfg.CacheDir = t.TempDir()
	cfg.ReconnectDelay = 50 * time.Millisecond
	if mod != nil {
		mod(&cfg)
	}
	w, err := worker.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); w.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done; w.Close() })
}

func dial(t testing.TB, addr, token string) *client.Client {
	t.Helper()
	c, err := client.Dial(addr, client.Options{Token: token, CallTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func ctxT(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestEndToEnd(t *testing.T) {
	art := artifacts(t)
	addr, _ := coordinator(t, nil)
	cl := dial(t, addr, "")
	ctx := ctxT(t)
	m, err := cl.PushModel(ctx, art)
	if err != nil {
		t.Fatal(err)
	}
	meta, _ := model.LoadMeta(art)
	if !farm.ValidModelID(m.ModelId) || m.CircuitId != meta.ModelID || m.Constraints != int64(meta.Constraints) {
		t.Fatalf("pushed model %+v, meta id %s constraints %d", m, meta.ModelID, meta.Constraints)
	}
	again, err := cl.PushModel(ctx, art)
	if err != nil || again.ModelId != m.ModelId {
		t.Fatalf("second push: %v %v", again, err)
	}
	var ids []string
	for i := 0; i < 3; i++ {
		j, err := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: input(t), Prover: "0x00000000000000000000000000000000000000ab"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, j.JobId)
	}
	k1, err := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: input(t), Key: "order-7"})
	if err != nil {
		t.Fatal(err)
	}
	k2, err := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: input(t), Key: "order-7"})
	if err != nil || k2.JobId != k1.JobId {
		t.Fatalf("idempotent resubmit: %v %v, want job %s", k2, err, k1.JobId)
	}
	ids = append(ids, k1.JobId)
	startWorker(t, addr, nil)
	a, err := model.Load(art)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		var seen []string
		j, err := cl.Wait(ctx, id, func(j *api.Job) { seen = append(seen, client.StateName(j.State)+"/"+j.Progress) })
		if err != nil {
			t.Fatal(err)
		}
		if j.State != api.JobState_JOB_STATE_DONE || j.Attempts != 1 {
			t.Fatalf("job %s: %+v (events %v)", id, j, seen)
		}
		raw, err := cl.Proof(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var pf verifier.ProofFile
		if err := json.Unmarshal(raw, &pf); err != nil {
			t.Fatal(err)
		}
		if err := verifier.Verify(a, &pf); err != nil {
			t.Fatalf("job %s: proof does not verify: %v", id, err)
		}
		if pf.JobID != "0x"+strings.TrimLeft(id, "0") {
			t.Fatalf("proof binds job %s, want %s", pf.JobID, id)
		}
	}
	ms, err := cl.ListModels(ctx)
	if err != nil || len(ms) != 1 {
		t.Fatalf("list models %v %v", ms, err)
	}
}

func TestBadInput(t *testing.T) {
	art := artifacts(t)
	addr, c := coordinator(t, func(c *farm.Config) {
		c.RequesterToken, c.WorkerToken = "req-secret", "work-secret"
		c.MaxInputBytes = 4096
	})
	cl := dial(t, addr, "req-secret")
	ctx := ctxT(t)
	m, err := cl.PushModel(ctx, art)
	if err != nil {
		t.Fatal(err)
	}
	good, err := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: input(t)})
	if err != nil {
		t.Fatal(err)
	}
	unknown := strings.Repeat("ab", 32)
	cases := []struct {
		name string
		cl   *client.Client
		job  client.Job
		code codes.Code
		msg  string
	}{
		{"unknown model", cl, client.Job{Model: unknown, Input: input(t)}, codes.NotFound, "unknown"},
		{"malformed model id", cl, client.Job{Model: "mnist", Input: input(t)}, codes.InvalidArgument, "model_id"},
		{"malformed input", cl, client.Job{Model: m.ModelId, Input: []byte(`{"input_data": [[1, "x"]]`)}, codes.InvalidArgument, "input_json"},
		{"wrong input length", cl, client.Job{Model: m.ModelId, Input: []byte(`{"input_data": [[1, 2]]}`)}, codes.InvalidArgument, "needs"},
		{"oversize input", cl, client.Job{Model: m.ModelId, Input: []byte(`{"input_data": [[` + strings.Repeat("1,", 5000) + `1]]}`)}, codes.ResourceExhausted, "limit is 4096"},
		{"out-of-range input", cl, client.Job{Model: m.ModelId, Input: []byte(`{"input_data": [[1e9, 0, 0]]}`)}, codes.OutOfRange, "calibrated range"},
		{"bad prover", cl, client.Job{Model: m.ModelId, Input: input(t), Prover: "0x" + strings.Repeat("f", 41)}, codes.InvalidArgument, "prover"},
		{"wrong token", dial(t, addr, "guess"), client.Job{Model: m.ModelId, Input: input(t)}, codes.Unauthenticated, "wrong token"},
		{"no token", dial(t, addr, ""), client.Job{Model: m.ModelId, Input: input(t)}, codes.Unauthenticated, "needs a token"},
		{"worker token for requests", dial(t, addr, "work-secret"), client.Job{Model: m.ModelId, Input: input(t)}, codes.Unauthenticated, "wrong token"},
	}
	for _, tc := range cases {
		_, err := tc.cl.Submit(ctx, tc.job)
		if status.Code(err) != tc.code || !strings.Contains(status.Convert(err).Message(), tc.msg) {
			t.Errorf("%s: got %v, want %v containing %q", tc.name, err, tc.code, tc.msg)
		}
	}
	if _, err := cl.Get(ctx, strings.Repeat("0", 32)); status.Code(err) != codes.NotFound {
		t.Errorf("unknown job: %v", err)
	}
	// GetModel describes what a job's input must be and how to read its output
	meta, err := model.LoadMeta(art)
	if err != nil {
		t.Fatal(err)
	}
	d, err := cl.GetModel(ctx, m.ModelId)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Inputs) != 1 || len(d.Outputs) != 1 || d.InputEncoding != meta.InputEncoding || d.OutputEncoding != meta.OutputEncoding || d.KeySetup != "development" {
		t.Fatalf("GetModel: %v", d)
	}
	in0 := d.Inputs[0]
	lim := math.Ldexp(1, meta.Inputs[0].Bits-1)
	if in0.FracBits != int32(meta.Inputs[0].Frac) || fmt.Sprint(in0.Shape) != fmt.Sprint(meta.Inputs[0].Shape) || in0.Min != math.Ldexp(-lim, -meta.Inputs[0].Frac) || in0.Max != math.Ldexp(lim-1, -meta.Inputs[0].Frac) {
		t.Fatalf("GetModel input %v; model.json %+v", in0, meta.Inputs[0])
	}
	if _, err := cl.Get(ctx, "xyz"); status.Code(err) != codes.InvalidArgument {
		t.Errorf("malformed job id: %v", err)
	}
	if _, err := cl.Proof(ctx, good.JobId); status.Code(err) != codes.FailedPrecondition {
		t.Errorf("proof of a queued job: %v", err)
	}
	// A push of something that is not a model.
	bad := t.TempDir()
	for _, f := range farm.ArtifactFiles {
		os.WriteFile(filepath.Join(bad, f), []byte("{}"), 0o644)
	}
	if _, err := cl.PushModel(ctx, bad); status.Code(err) != codes.InvalidArgument {
		t.Errorf("push of junk: %v", err)
	}
	// Nothing stored was lost: the good job is still there and queued.
	counts, err := c.Store().Counts(ctx)
	if err != nil || counts[store.Queued] != 1 || len(counts) != len(store.States) {
		t.Fatalf("counts after bad requests: %v %v", counts, err)
	}
	if j, err := cl.Get(ctx, good.JobId); err != nil || j.State != api.JobState_JOB_STATE_QUEUED {
		t.Fatalf("good job: %v %v", j, err)
	}
	// Health and reflection need no token.
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, svc := range []string{"", "zkml.farm.v1.Requester", "zkml.farm.v1.Models", "zkml.farm.v1.Worker", "zkml.farm.v1.Ceremony"} {
		h, err := healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{Service: svc})
		if err != nil || h.Status != healthpb.HealthCheckResponse_SERVING {
			t.Fatalf("health of %q: %v %v", svc, h, err)
		}
	}
	if _, err := healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{Service: "nope"}); status.Code(err) != codes.NotFound {
		t.Fatalf("health of an unknown service: %v, want NotFound", err)
	}
}

func TestCheckListen(t *testing.T) {
	cfg := farm.Defaults
	for _, a := range []string{"127.0.0.1:7700", "[::1]:1", "localhost:9"} {
		if err := farm.CheckListen(a, cfg); err != nil {
			t.Errorf("%s: %v", a, err)
		}
	}
	err := farm.CheckListen("0.0.0.0:7700", cfg)
	if err == nil || !strings.Contains(err.Error(), "without tokens") {
		t.Errorf("0.0.0.0 without tokens: %v", err)
	}
	cfg.RequesterToken = "r"
	if farm.CheckListen("10.0.0.1:7700", cfg) == nil {
		t.Error("one token is not enough")
	}
	cfg.WorkerToken = "w"
	if farm.CheckListen("0.0.0.0:7700", cfg) == nil {
		t.Error("without an owner token anyone with the requester token could push models")
	}
	cfg.OwnerToken = "r"
	if err := farm.CheckListen("127.0.0.1:7700", cfg); err == nil || !strings.Contains(err.Error(), "must differ") {
		t.Errorf("owner token equal to the requester's: %v", err)
	}
	cfg.OwnerToken = "o"
	if err := farm.CheckListen("0.0.0.0:7700", cfg); err != nil {
		t.Errorf("with tokens: %v", err)
	}
}

// rawWorker drives the worker protocol by hand over real gRPC, to act as a
// worker that dies, lies or comes back late.
type rawWorker struct {
	stream api.Worker_ConnectClient
	cancel context.CancelFunc
}

func connectRaw(t *testing.T, addr string, mem int64, cached ...string) *rawWorker {
	t.Helper()
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	s, err := api.NewWorkerClient(conn).Connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(&api.WorkerMessage{Msg: &api.WorkerMessage_Hello{Hello: &api.Hello{Name: "raw", Accelerator: "cpu", MaxMemoryBytes: mem, CachedModels: cached}}}); err != nil {
		t.Fatal(err)
	}
	return &rawWorker{stream: s, cancel: cancel}
}

func (r *rawWorker) lease(t *testing.T) *api.Lease {
	t.Helper()
	m, err := r.stream.Recv()
	if err != nil {
		t.Fatal(err)
	}
	if m.GetLease() == nil {
		t.Fatalf("want a lease, got %v", m)
	}
	return m.GetLease()
}

func (r *rawWorker) result(t *testing.T, res *api.Result) {
	t.Helper()
	if err := r.stream.Send(&api.WorkerMessage{Msg: &api.WorkerMessage_Result{Result: res}}); err != nil {
		t.Fatal(err)
	}
}

func waitState(t *testing.T, s store.JobStore, id string, want store.State) *store.Job {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		j, err := s.Get(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if j.State == want {
			return j
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %s is %s (%s), want %s", id, j.State, j.Error, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestLeasePrefersCachedModels: a worker that holds a model is leased its job
// before an older job of another model, within the coordinator's CacheWindow,
// and strictly in order without one.
func TestLeasePrefersCachedModels(t *testing.T) {
	a, b := strings.Repeat("a", 64), strings.Repeat("b", 64)
	for _, tc := range []struct {
		window time.Duration
		want   string
	}{{time.Minute, "job-b"}, {0, "job-a"}} {
		addr, c := coordinator(t, func(cfg *farm.Config) { cfg.CacheWindow = tc.window })
		for _, j := range []*store.Job{{ID: "job-a", ModelID: a}, {ID: "job-b", ModelID: b}} {
			j.Input, j.MaxAttempts = []byte(`{"input_data":[[1]]}`), 1
			if _, _, err := c.Store().Submit(ctxT(t), j); err != nil {
				t.Fatal(err)
			}
			time.Sleep(5 * time.Millisecond)
		}
		// b, then more ids than a claim query can carry and some that are no
		// model id: the worker is still leased, and b still counts
		held := []string{b, "not a model id"}
		for i := range 34000 {
			held = append(held, fmt.Sprintf("%064x", i+1))
		}
		w := connectRaw(t, addr, 0, held...)
		if l := w.lease(t); l.JobId != tc.want {
			t.Errorf("window %v, worker holding model b: leased %s, want %s", tc.window, l.JobId, tc.want)
		}
		w.cancel()
	}
}

// TestLeasesAndFencing: a dropped stream requeues at once; a bad proof is a
// failed attempt; a late result from an old lease is ignored; attempts run
// out into failed with the reason.
func TestLeasesAndFencing(t *testing.T) {
	art := artifacts(t)
	addr, c := coordinator(t, nil)
	cl := dial(t, addr, "")
	ctx := ctxT(t)
	m, err := cl.PushModel(ctx, art)
	if err != nil {
		t.Fatal(err)
	}
	j, err := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: input(t)})
	if err != nil {
		t.Fatal(err)
	}
	st := c.Store()

	// 1. A worker takes the lease and its stream drops: back to queued at once.
	w1 := connectRaw(t, addr, 0)
	l1 := w1.lease(t)
	if l1.JobId != j.JobId || l1.Token != 1 {
		t.Fatalf("lease %+v", l1)
	}
	w1.cancel()
	if got := waitState(t, st, j.JobId, store.Queued); got.Attempts != 1 || !strings.Contains(got.Error, "disconnected") && !strings.Contains(got.Error, "stream ended") {
		t.Fatalf("after a dropped stream: %+v", got)
	}

	// 2. The next worker returns a proof of another job: rejected, requeued.
	w2 := connectRaw(t, addr, 0)
	l2 := w2.lease(t)
	if l2.Token != 2 {
		t.Fatalf("second lease token %d", l2.Token)
	}
	p, err := proveFor(art, strings.Repeat("1", 32), l2.InputJson)
	if err != nil {
		t.Fatal(err)
	}
	w2.result(t, &api.Result{JobId: l2.JobId, Token: l2.Token, ProofJson: p})
	// It goes straight back to the only worker: lease 3, with the reason kept.
	l3 := w2.lease(t)
	got, _ := st.Get(ctx, j.JobId)
	if l3.Token != 3 || got.Attempts != 3 || !strings.Contains(got.Error, "rejected") || !strings.Contains(got.Error, "public input job") {
		t.Fatalf("after a proof of another job: lease %+v, job %+v", l3, got)
	}

	// 3. The first worker's (late) valid proof carries token 1: ignored.
	good, err := proveFor(art, j.JobId, l3.InputJson)
	if err != nil {
		t.Fatal(err)
	}
	w2.result(t, &api.Result{JobId: j.JobId, Token: l1.Token, ProofJson: good})
	time.Sleep(200 * time.Millisecond)
	if got, _ := st.Get(ctx, j.JobId); got.State != store.Leased || got.Token != l3.Token {
		t.Fatalf("a zombie result changed the job: %+v", got)
	}
	// 4. The current lease holder reports failure; attempts are used up.
	w2.result(t, &api.Result{JobId: j.JobId, Token: l3.Token, Error: "out of memory"})
	got = waitState(t, st, j.JobId, store.Failed)
	if got.Attempts != 3 || !strings.Contains(got.Error, "out of memory") {
		t.Fatalf("after the last attempt: %+v", got)
	}

	// 5. A correct proof under a current lease is accepted.
	j2, _ := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: input(t)})
	l4 := w2.lease(t)
	good, _ = proveFor(art, j2.JobId, l4.InputJson)
	w2.result(t, &api.Result{JobId: j2.JobId, Token: l4.Token, ProofJson: good})
	waitState(t, st, j2.JobId, store.Done)
}

// proveFor proves input under job id jobID.
func proveFor(art, jobID string, in []byte) ([]byte, error) {
	p, err := proverLoad(art)
	if err != nil {
		return nil, err
	}
	req, err := farm.JobRequest(jobID, in, "")
	if err != nil {
		return nil, err
	}
	pf, err := p.Prove(req)
	if err != nil {
		return nil, err
	}
	return json.Marshal(pf)
}

// TestScheduling: a job goes only to a worker whose memory fits the model's
// estimate; graceful shutdown hands a lease back without using an attempt.
func TestSchedulingAndShutdown(t *testing.T) {
	art := artifacts(t)
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "jobs.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	addr, c := coordinator(t, func(c *farm.Config) { c.Store = st })
	cl := dial(t, addr, "")
	ctx := ctxT(t)
	m, err := cl.PushModel(ctx, art)
	if err != nil {
		t.Fatal(err)
	}
	if m.ProveMemoryBytes <= 1 {
		t.Fatalf("model has no memory estimate: %+v", m)
	}
	small := connectRaw(t, addr, m.ProveMemoryBytes-1)
	j, _ := cl.Submit(ctx, client.Job{Model: m.ModelId, Input: input(t)})
	time.Sleep(300 * time.Millisecond)
	if got, _ := c.Store().Get(ctx, j.JobId); got.State != store.Queued {
		t.Fatalf("a worker without the memory got the job: %+v", got)
	}
	big := connectRaw(t, addr, m.ProveMemoryBytes)
	l := big.lease(t)
	if l.JobId != j.JobId {
		t.Fatalf("lease %+v", l)
	}
	_ = small
	sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	c.Shutdown(sctx)
	got, _ := c.Store().Get(ctx, j.JobId)
	if got.State != store.Queued || got.Attempts != 0 {
		t.Fatalf("after graceful shutdown: %+v, want queued with no attempt used", got)
	}
	if _, err := big.stream.Recv(); status.Code(err) != codes.Unavailable {
		t.Fatalf("worker stream after shutdown: %v", err)
	}
}

func TestMetrics(t *testing.T) {
	art := artifacts(t)
	addr, c := coordinator(t, nil)
	cl := dial(t, addr, "")
	ctx := ctxT(t)
	m, _ := cl.PushModel(ctx, art)
	cl.Submit(ctx, client.Job{Model: m.ModelId, Input: input(t)})
	srv := &http.Server{Handler: c.MetricsHandler()}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(lis)
	defer srv.Close()
	resp, err := http.Get("http://" + lis.Addr().String() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{"zkml_farm_queue_depth 1", `zkml_farm_jobs{state="queued"} 1`, "zkml_farm_workers 0", "zkml_farm_prove_seconds_bucket", "zkml_farm_jobs_submitted_total 1"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}
