package farm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/store"
	"github.com/zkml/zkml/verifier"
)

type workers struct {
	api.UnimplementedWorkerServer
	c *Coordinator
}

// session is one connected worker.
type session struct {
	name        string
	accelerator string
	maxMemory   int64
	// models the worker holds: those of its Hello and every one it was
	// leased since (the worker fetches what it lacks)
	models map[string]bool
}

// maxCachedModels bounds the models a session remembers: each is one
// parameter of the claim query (SQLite allows 32,766, PostgreSQL 65,535).
const maxCachedModels = 1024

// hold records that the worker holds model id; ids that are not model ids and
// models beyond maxCachedModels are not recorded (they only lose their
// preference in leasing).
func (s *session) hold(id string) {
	if len(s.models) < maxCachedModels && ValidModelID(id) {
		s.models[id] = true
	}
}

// cached lists s.models in a stable order.
func (s *session) cached() []string {
	out := make([]string, 0, len(s.models))
	for m := range s.models {
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}

// Accelerators lists the accelerators a worker may announce.
var Accelerators = []string{"cpu", "icicle"}

type recvd struct {
	msg *api.WorkerMessage
	err error
}

// Connect runs one worker's stream: it leases one job at a time to the
// worker, keeps the lease alive on heartbeats and settles results. This
// goroutine is the stream's only sender.
func (w *workers) Connect(stream api.Worker_ConnectServer) error {
	c := w.c
	ctx := stream.Context()
	in := make(chan recvd, 1)
	go func() { // ends when the stream does (the handler returning cancels ctx)
		for {
			m, err := stream.Recv()
			select {
			case in <- recvd{m, err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	var hello *api.Hello
	select {
	case r := <-in:
		if r.err != nil {
			return r.err
		}
		hello = r.msg.GetHello()
	case <-time.After(c.cfg.HelloTimeout):
	case <-ctx.Done():
		return ctx.Err()
	}
	if hello == nil {
		return status.Errorf(codes.InvalidArgument, "a worker's first message must be Hello, within %v", c.cfg.HelloTimeout)
	}
	if hello.Accelerator == "" {
		hello.Accelerator = "cpu"
	}
	known := false
	for _, a := range Accelerators {
		known = known || a == hello.Accelerator
	}
	if !known {
		return status.Errorf(codes.InvalidArgument, "accelerator %q: want one of %v", hello.Accelerator, Accelerators)
	}
	limit := hello.MaxMemoryBytes
	if g := hello.GpuMemoryBytes; g > 0 && (limit == 0 || g < limit) {
		limit = g // a GPU worker holds the proving key in GPU memory
	}
	s := &session{name: storedText(hello.Name, 128), accelerator: hello.Accelerator, maxMemory: limit, models: make(map[string]bool)}
	for _, m := range hello.CachedModels {
		s.hold(m)
	}
	if s.name == "" {
		s.name = "worker-" + NewJobID()[:8]
	}
	c.mu.Lock()
	select {
	case <-c.stopping:
		c.mu.Unlock()
		return status.Error(codes.Unavailable, "coordinator shutting down")
	default:
	}
	c.sessions[s] = struct{}{}
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.sessions, s)
		c.mu.Unlock()
	}()
	log := c.log.With("worker", s.name)
	log.Info("worker connected", "accelerator", s.accelerator, "max_memory", s.maxMemory, "cached_models", len(hello.CachedModels))

	var cur *store.Job // the job leased to this worker, if any
	// revoked: cur's lease was lost (canceled, expired, superseded) while the
	// worker proves it. The worker finishes the proof and sends its result
	// (dropped as stale); until then it is busy, and a lease sent to it now
	// would be ignored and left to expire.
	revoked := false
	// end settles cur when the stream ends: a graceful shutdown hands the
	// lease back; a dropped stream counts as a failed attempt.
	end := func(handBack bool, why string) {
		if cur == nil || revoked {
			return
		}
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		var err error
		if handBack {
			err = c.store.Release(sctx, cur.ID, cur.Token)
		} else {
			err = c.store.Fail(sctx, cur.ID, cur.Token, why, true)
		}
		if err != nil && !errors.Is(err, store.ErrLeaseLost) {
			log.Error("settling the lease of a gone worker", "job", cur.ID, "err", err)
		}
		log.Warn("lease returned to the queue", "job", cur.ID, "reason", why)
		cur = nil
		c.bump()
	}
	poll := time.NewTicker(c.cfg.PollInterval)
	defer poll.Stop()
	for {
		wake := c.changes()
		if cur == nil {
			select {
			case <-c.stopping:
			default:
				j, err := c.store.Claim(ctx, store.Claim{Worker: s.name, MaxMemory: s.maxMemory, TTL: c.cfg.LeaseTTL, Cached: s.cached(), Window: c.cfg.CacheWindow})
				if err != nil {
					log.Error("claiming a job", "err", err)
				} else if j != nil {
					cur = j
					s.hold(j.ModelID)
					log.Info("job leased", "job", j.ID, "attempt", j.Attempts, "token", j.Token)
					c.bump()
					if err := stream.Send(&api.CoordinatorMessage{Msg: &api.CoordinatorMessage_Lease{Lease: &api.Lease{
						JobId: j.ID, Token: j.Token, ModelId: j.ModelID, InputJson: j.Input, Prover: j.Prover, TtlMs: c.cfg.LeaseTTL.Milliseconds(),
					}}}); err != nil {
						end(false, fmt.Sprintf("worker %s: sending the lease failed: %v", s.name, err))
						return err
					}
				}
			}
		}
		select {
		case r := <-in:
			if r.err != nil {
				end(false, fmt.Sprintf("worker %s disconnected: %v", s.name, r.err))
				return nil
			}
			switch m := r.msg.Msg.(type) {
			case *api.WorkerMessage_Heartbeat:
				hb := m.Heartbeat
				err := c.store.Heartbeat(ctx, hb.JobId, hb.Token, c.cfg.LeaseTTL, storedText(hb.Progress, 256))
				if errors.Is(err, store.ErrLeaseLost) {
					if cur != nil && cur.ID == hb.JobId && cur.Token == hb.Token {
						revoked = true
					}
					if err := stream.Send(&api.CoordinatorMessage{Msg: &api.CoordinatorMessage_Revoke{Revoke: &api.Revoke{
						JobId: hb.JobId, Token: hb.Token, Reason: "lease lost (expired, canceled or superseded)",
					}}}); err != nil {
						return err
					}
				} else if err != nil {
					log.Error("heartbeat", "job", hb.JobId, "err", err)
				} else {
					c.bump()
				}
			case *api.WorkerMessage_Result:
				res := m.Result
				c.settle(ctx, s, res)
				if cur != nil && cur.ID == res.JobId && cur.Token == res.Token {
					cur, revoked = nil, false
				}
				c.bump()
			default:
				log.Warn("unexpected message from worker", "type", fmt.Sprintf("%T", m))
			}
		case <-c.stopping:
			end(true, "coordinator shutting down")
			return status.Error(codes.Unavailable, "coordinator shutting down")
		case <-ctx.Done():
			end(false, fmt.Sprintf("worker %s: stream ended: %v", s.name, ctx.Err()))
			return nil
		case <-wake:
		case <-poll.C:
		}
	}
}

// settle verifies a result and completes or fails the lease it names. A
// result for a lease that is no longer current is dropped (fencing).
func (c *Coordinator) settle(ctx context.Context, s *session, res *api.Result) {
	log := c.log.With("worker", s.name, "job", res.JobId, "token", res.Token)
	j, err := c.store.Get(ctx, res.JobId)
	if err != nil {
		log.Warn("result for an unknown job", "err", err)
		c.metrics.results.WithLabelValues("stale").Inc()
		return
	}
	if j.State != store.Leased || j.Token != res.Token {
		log.Warn("stale result ignored", "state", j.State, "current_token", j.Token)
		c.metrics.results.WithLabelValues("stale").Inc()
		return
	}
	fail := func(outcome, reason string, retry bool) {
		c.metrics.results.WithLabelValues(outcome).Inc()
		if err := c.store.Fail(ctx, j.ID, j.Token, reason, retry); err != nil {
			log.Warn("failing the attempt", "err", err)
		}
		log.Warn("attempt failed", "reason", reason, "retry", retry, "attempt", j.Attempts)
	}
	if res.Error != "" {
		fail("failed", fmt.Sprintf("worker %s: %s", s.name, storedText(res.Error, 4096)), !res.BadInput)
		return
	}
	pf, err := c.check(j, res.ProofJson)
	if err != nil {
		fail("rejected", fmt.Sprintf("proof from worker %s rejected: %v", s.name, err), true)
		return
	}
	if err := c.store.Complete(ctx, j.ID, j.Token, res.ProofJson, pf.ProveSeconds); err != nil {
		log.Warn("completing", "err", err)
		c.metrics.results.WithLabelValues("stale").Inc()
		return
	}
	c.metrics.results.WithLabelValues("accepted").Inc()
	c.metrics.proofs.WithLabelValues(s.accelerator, strconv.FormatBool(res.GpuFallback)).Inc()
	c.metrics.proveSeconds.Observe(pf.ProveSeconds)
	c.metrics.jobSeconds.Observe(time.Since(j.Created).Seconds())
	log.Info("proof verified, job done", "prove_seconds", pf.ProveSeconds, "attempt", j.Attempts)
}

// check verifies proof.json of job j: the Groth16 proof against the model's
// verifying key, and all five public inputs against what this job must bind —
// the model, the commitment of the submitted input, the outputs the integer
// reference computes from it, the job id and the prover address.
func (c *Coordinator) check(j *store.Job, raw []byte) (*verifier.ProofFile, error) {
	var pf verifier.ProofFile
	if err := json.Unmarshal(raw, &pf); err != nil {
		return nil, fmt.Errorf("not a proof file: %v", err)
	}
	a, err := c.artifacts(j.ModelID)
	if err != nil {
		return nil, err
	}
	if err := verifier.Verify(a, &pf); err != nil {
		return nil, err
	}
	req, err := JobRequest(j.ID, j.Input, j.Prover)
	if err != nil {
		return nil, err
	}
	w, err := prover.Solve(a, req)
	if err != nil {
		return nil, err
	}
	if len(pf.PublicInputs) != len(w.Public) {
		return nil, fmt.Errorf("%d public inputs, want %d", len(pf.PublicInputs), len(w.Public))
	}
	for i, want := range w.Public {
		got, err := verifier.ParseHex(pf.PublicInputs[i])
		if err != nil || got.Cmp(want) != 0 {
			name := fmt.Sprint(i)
			if i < len(a.Meta.PublicInputs) {
				name = a.Meta.PublicInputs[i]
			}
			return nil, fmt.Errorf("public input %s is %s, this job needs %s", name, pf.PublicInputs[i], verifier.Hex(want))
		}
	}
	return &pf, nil
}

// JobRequest is the prover request of a job: its input, its id (128 bits, as
// the job public input) and the prover address (0 when empty).
func JobRequest(jobID string, input []byte, proverAddr string) (prover.Request, error) {
	var r prover.Request
	var err error
	if r.Inputs, err = model.ParseInput(input); err != nil {
		return r, err
	}
	var ok bool
	if r.JobID, ok = new(big.Int).SetString(jobID, 16); !ok {
		return r, fmt.Errorf("job id %q is not hex", jobID)
	}
	r.Prover = new(big.Int)
	if proverAddr != "" {
		if r.Prover, err = verifier.ParseHex(proverAddr); err != nil {
			return r, fmt.Errorf("prover %q: %v", proverAddr, err)
		}
	}
	return r, nil
}
