package farm

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/store"
	"github.com/zkml/zkml/verifier"
)

// MaxKeyLen bounds idempotency keys.
const MaxKeyLen = 200

type requester struct {
	api.UnimplementedRequesterServer
	c *Coordinator
}

var toState = map[store.State]api.JobState{
	store.Queued:   api.JobState_JOB_STATE_QUEUED,
	store.Leased:   api.JobState_JOB_STATE_LEASED,
	store.Done:     api.JobState_JOB_STATE_DONE,
	store.Failed:   api.JobState_JOB_STATE_FAILED,
	store.Canceled: api.JobState_JOB_STATE_CANCELED,
}

func toJob(j *store.Job) *api.Job {
	return &api.Job{
		JobId: j.ID, ModelId: j.ModelID, State: toState[j.State], Attempts: int32(j.Attempts), MaxAttempts: int32(j.MaxAttempts),
		Error: j.Error, IdempotencyKey: j.Key, Progress: j.Progress, ProveSeconds: j.ProveSecs,
		CreatedUnixMs: j.Created.UnixMilli(), UpdatedUnixMs: j.Updated.UnixMilli(), Worker: j.Worker, ChainJobId: j.ChainJob,
	}
}

// NewJobID returns 128 random bits as 32 hex digits.
func NewJobID() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func validJobID(id string) error {
	if len(id) != 32 {
		return status.Errorf(codes.InvalidArgument, "job_id %q: want the 32 hex digits printed by zkml submit", clip(id, 48))
	}
	if _, err := hex.DecodeString(id); err != nil {
		return status.Errorf(codes.InvalidArgument, "job_id %q: want 32 hex digits", clip(id, 48))
	}
	return nil
}

// normJobID takes a job id in any form a command printed: the 32 hex
// digits of zkml submit, or proof.json's job_id (0x, no leading zeros).
func normJobID(id *string) error {
	if h, ok := strings.CutPrefix(strings.ToLower(*id), "0x"); ok && len(h) >= 1 && len(h) <= 32 {
		*id = strings.Repeat("0", 32-len(h)) + h
	}
	return validJobID(*id)
}

// resolveModel takes a model id in either form a command printed: the 64
// hex digits of zkml model push, or model.json's model_id (0x..., what
// zkml compile prints and proof.json carries) of a pushed model.
func (c *Coordinator) resolveModel(ctx context.Context, id string) (string, error) {
	if ValidModelID(id) {
		return id, nil
	}
	if strings.HasPrefix(id, "0x") && len(id) <= 66 {
		if v, err := verifier.ParseHex(id); err == nil {
			ms, err := c.store.ListModels(ctx)
			if err != nil {
				return "", storeErr(err)
			}
			var found []string
			for _, m := range ms {
				if w, err := verifier.ParseHex(m.CircuitID); err == nil && w.Cmp(v) == 0 {
					found = append(found, m.ID)
				}
			}
			switch len(found) {
			case 1:
				return found[0], nil
			case 0:
				return "", status.Errorf(codes.NotFound, "model_id %s: no pushed model has this circuit id (push it with zkml model push)", clip(id, 80))
			}
			return "", status.Errorf(codes.InvalidArgument, "model_id %s: %d pushed models share this circuit (keys from different setups): give the push id, one of %v", clip(id, 80), len(found), found)
		}
	}
	return "", status.Errorf(codes.InvalidArgument, "model_id %q: want the 64 hex digits printed by zkml model push, or model.json's 0x model_id", clip(id, 80))
}

func (s *requester) SubmitJob(ctx context.Context, r *api.SubmitJobRequest) (*api.Job, error) {
	c := s.c
	if r.ChainJobId != "" {
		return c.submitChainJob(ctx, r)
	}
	id, err := c.resolveModel(ctx, r.ModelId)
	if err != nil {
		return nil, err
	}
	r.ModelId = id
	if len(r.InputJson) > c.cfg.MaxInputBytes {
		return nil, status.Errorf(codes.ResourceExhausted, "input_json is %d bytes; the limit is %d", len(r.InputJson), c.cfg.MaxInputBytes)
	}
	if len(r.IdempotencyKey) > MaxKeyLen {
		return nil, status.Errorf(codes.InvalidArgument, "idempotency_key is %d bytes; the limit is %d", len(r.IdempotencyKey), MaxKeyLen)
	}
	if strings.ContainsRune(r.IdempotencyKey, 0) {
		return nil, status.Error(codes.InvalidArgument, "idempotency_key: contains a NUL character")
	}
	if strings.HasPrefix(r.IdempotencyKey, chainKeyPrefix) {
		return nil, status.Errorf(codes.InvalidArgument, "idempotency_key %q: the prefix %q is reserved for the jobs of chain_job_id", r.IdempotencyKey, chainKeyPrefix)
	}
	if r.Prover != "" {
		p, err := verifier.ParseHex(r.Prover)
		if err != nil || p.Sign() < 0 || p.BitLen() > model.ProverBits {
			return nil, status.Errorf(codes.InvalidArgument, "prover %q: want a 0x-prefixed 20-byte address", clip(r.Prover, 48))
		}
	}
	m, err := c.store.GetModel(ctx, r.ModelId)
	if errors.Is(err, store.ErrNotFound) {
		return nil, status.Errorf(codes.NotFound, "model %s is unknown: push it with zkml model push", r.ModelId)
	}
	if err != nil {
		return nil, storeErr(err)
	}
	if err := c.checkInput(r.ModelId, r.InputJson); err != nil {
		return nil, err
	}
	if err := c.checkQueue(ctx); err != nil {
		return nil, err
	}
	j := &store.Job{ID: NewJobID(), ModelID: r.ModelId, Key: r.IdempotencyKey, Input: r.InputJson, Prover: r.Prover,
		MemoryBytes: m.MemoryBytes, MaxAttempts: c.cfg.MaxAttempts}
	got, created, err := c.store.Submit(ctx, j)
	if err != nil {
		return nil, storeErr(err)
	}
	if created {
		c.metrics.submitted.Inc()
		c.log.Info("job submitted", "job", got.ID, "model", got.ModelID)
		c.bump()
	}
	return toJob(got), nil
}

// checkQueue refuses a submission while MaxQueue jobs wait or are being
// proved. (A retry of an accepted submission is refused too while the queue
// is full; its job is not lost, and the retry succeeds once there is room.)
func (c *Coordinator) checkQueue(ctx context.Context) error {
	if c.cfg.MaxQueue <= 0 {
		return nil
	}
	n, err := c.store.Live(ctx)
	if err != nil {
		return storeErr(err)
	}
	if n >= c.cfg.MaxQueue {
		c.metrics.refused.WithLabelValues("queue").Inc()
		return status.Errorf(codes.ResourceExhausted, "the queue holds %d jobs, its limit (--max-queue): retry later", n)
	}
	return nil
}

// checkInput parses input.json and checks it against the model's input shapes.
func (c *Coordinator) checkInput(modelID string, raw []byte) error {
	in, err := model.ParseInput(raw)
	if err != nil {
		return status.Errorf(codes.InvalidArgument, "input_json: %v", err)
	}
	a, err := c.artifacts(modelID)
	if err != nil {
		return status.Errorf(codes.FailedPrecondition, "model %s: %v", modelID, err)
	}
	ins := a.Meta.Inputs
	if len(in) != len(ins) {
		return status.Errorf(codes.InvalidArgument, "input_json: input_data holds %d inputs, the model has %d", len(in), len(ins))
	}
	for i, t := range ins {
		n := 1
		for _, d := range t.Shape {
			n *= d
		}
		if len(in[i]) != n {
			return status.Errorf(codes.InvalidArgument, "input_json: input_data[%d] (%s) holds %d values, shape %v needs %d", i, t.Name, len(in[i]), t.Shape, n)
		}
	}
	// a value the model cannot take fails every attempt: refuse it now
	if _, err := a.Meta.QuantizeInputs(in); err != nil {
		var ie *model.InputError
		if errors.As(err, &ie) && ie.OutOfRange {
			return status.Errorf(codes.OutOfRange, "input_json: %v (model %s takes input %d in the range GetModel reports)", ie, modelID, ie.Input)
		}
		return status.Errorf(codes.InvalidArgument, "input_json: %v", err)
	}
	return nil
}

func (s *requester) GetJob(ctx context.Context, r *api.GetJobRequest) (*api.Job, error) {
	if err := normJobID(&r.JobId); err != nil {
		return nil, err
	}
	j, err := s.c.store.Get(ctx, r.JobId)
	if err != nil {
		return nil, storeErr(err)
	}
	return s.c.chainJob(ctx, j)
}

func (s *requester) WatchJob(r *api.GetJobRequest, stream api.Requester_WatchJobServer) error {
	if err := normJobID(&r.JobId); err != nil {
		return err
	}
	ctx := stream.Context()
	var last *api.Job
	for {
		wake := s.c.changes()
		j, err := s.c.store.Get(ctx, r.JobId)
		if err != nil {
			return storeErr(err)
		}
		cur, err := s.c.chainJob(ctx, j)
		if err != nil {
			return err
		}
		if last == nil || cur.State != last.State || cur.Progress != last.Progress || cur.Attempts != last.Attempts || cur.Error != last.Error ||
			cur.Settlement != last.Settlement || cur.SettlementTx != last.SettlementTx {
			if err := stream.Send(cur); err != nil {
				return err
			}
			last = cur
		}
		if j.State.Terminal() {
			return nil
		}
		select {
		case <-ctx.Done():
			return status.FromContextError(ctx.Err()).Err()
		case <-s.c.stopping:
			return status.Error(codes.Unavailable, "coordinator shutting down; watch again")
		case <-wake:
		case <-time.After(s.c.cfg.PollInterval):
		}
	}
}

func (s *requester) GetProof(ctx context.Context, r *api.GetJobRequest) (*api.Proof, error) {
	if err := normJobID(&r.JobId); err != nil {
		return nil, err
	}
	p, err := s.c.store.Proof(ctx, r.JobId)
	if err != nil {
		return nil, storeErr(err)
	}
	return &api.Proof{JobId: r.JobId, ProofJson: p}, nil
}

func (s *requester) CancelJob(ctx context.Context, r *api.GetJobRequest) (*api.Job, error) {
	if err := normJobID(&r.JobId); err != nil {
		return nil, err
	}
	j, err := s.c.store.Cancel(ctx, r.JobId)
	if err != nil {
		return nil, storeErr(err)
	}
	s.c.bump()
	return toJob(j), nil
}

func (s *requester) ListModels(ctx context.Context, _ *api.ListModelsRequest) (*api.ListModelsResponse, error) {
	ms, err := s.c.store.ListModels(ctx)
	if err != nil {
		return nil, storeErr(err)
	}
	out := &api.ListModelsResponse{}
	for _, m := range ms {
		out.Models = append(out.Models, s.c.describeModel(m))
	}
	return out, nil
}
