package farm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/store"
	"github.com/zkml/zkml/verifier"
	"github.com/zkml/zkml/verifier/chain"
)

// Chain mode. A coordinator with Config.Chain set sells proofs on a registry:
//
//   - A requester escrows a job on chain (RequestJob: model, input public
//     input, payment). For a model whose input packs into one field element
//     (input_encoding "packed") the chain carries the input itself: the
//     watcher takes it from the JobRequested event and queues the job. For a
//     larger input the chain carries its commitment and the requester
//     delivers the input with SubmitJob and chain_job_id. The
//     coordinator reads the job on chain, picks the pushed model whose
//     model.json model_id is the registered model's commitment, checks that
//     the input's commitment equals the job's, and queues a farm job whose id
//     is the chain job id (32 hex digits) and whose prover is the
//     coordinator's settlement address: the proof binds both.
//   - The watcher follows the registry's events: it logs JobRequested for
//     models this coordinator has, and cancels a farm job whose chain job was
//     refunded or paid to someone else before it was proved.
//   - When a proof is accepted, the store writes the job's settlement (an
//     outbox row) in the transaction that marks the job done. The settler
//     takes each live settlement, re-reads the job on chain (a job already
//     paid, refunded or past its deadline is marked skipped and nothing is
//     sent), signs submitProof with the tracked nonce, records the signed
//     transaction, then broadcasts it and records the receipt's status and
//     gas. After a restart a recorded transaction is broadcast again, never
//     replaced while it can still land, so a settlement is paid at most once
//     and never lost.
//
// One coordinator should own a settlement key: its nonces are tracked here.

// chainKeyPrefix starts the idempotency key of the farm job of a chain job;
// SubmitJob refuses it in other keys, so no request can take a chain job's.
const chainKeyPrefix = "chain:"

// chainKey is the idempotency key of the farm job of a chain job.
func chainKey(job *big.Int) string { return chainKeyPrefix + job.String() }

// chainJobID is the farm job id of a chain job: its id as 32 hex digits, so
// the proof's job public input is the registry's job id.
func chainJobID(job *big.Int) string { return fmt.Sprintf("%032x", job) }

// submitChainJob handles SubmitJob with a chain job id.
func (c *Coordinator) submitChainJob(ctx context.Context, r *api.SubmitJobRequest) (*api.Job, error) {
	cl := c.cfg.Chain
	if cl == nil {
		return nil, status.Error(codes.FailedPrecondition, "chain_job_id: this coordinator is not in chain mode")
	}
	// 2^128 has 39 digits; parsing a longer string costs time quadratic in
	// its length, and echoing it back would return it whole
	var id *big.Int
	ok := len(r.ChainJobId) <= 39
	if ok {
		id, ok = new(big.Int).SetString(r.ChainJobId, 10)
	}
	if !ok || id.Sign() <= 0 || id.BitLen() > 128 {
		return nil, status.Errorf(codes.InvalidArgument, "chain_job_id %q: want the registry's job id, a decimal number below 2^128", clip(r.ChainJobId, 48))
	}
	if r.ModelId != "" {
		mid, err := c.resolveModel(ctx, r.ModelId)
		if err != nil {
			return nil, err
		}
		r.ModelId = mid
	}
	if r.Prover != "" && !common.IsHexAddress(r.Prover) || r.Prover != "" && common.HexToAddress(r.Prover) != cl.From {
		return nil, status.Errorf(codes.InvalidArgument, "prover %q: a chain job is proved for the coordinator's settlement address %s", clip(r.Prover, 48), cl.From)
	}
	if len(r.InputJson) > c.cfg.MaxInputBytes {
		return nil, status.Errorf(codes.ResourceExhausted, "input_json is %d bytes; the limit is %d", len(r.InputJson), c.cfg.MaxInputBytes)
	}
	// A resubmission of a known chain job returns it (or conflicts) without
	// asking the chain again: the job may have been paid meanwhile.
	if old, err := c.store.Get(ctx, chainJobID(id)); err == nil && old.ChainJob == id.String() {
		if (r.ModelId != "" && r.ModelId != old.ModelID) || !c.sameInput(old.ModelID, old.Input, r.InputJson) {
			return nil, status.Errorf(codes.AlreadyExists, "chain job %s was submitted with another input or model", id)
		}
		return c.chainJob(ctx, old)
	}
	j, err := cl.Job(ctx, id)
	if errors.Is(err, chain.ErrUnknownJob) {
		return nil, status.Errorf(codes.NotFound, "chain job %s: no such job on registry %s", id, cl.Registry)
	}
	if err != nil {
		return nil, status.Errorf(codes.Unavailable, "reading chain job %s: %v", id, err)
	}
	if j.Status != chain.StatusOpen {
		return nil, status.Errorf(codes.FailedPrecondition, "chain job %s is %s", id, j.Status)
	}
	head, err := cl.Chain.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, status.Errorf(codes.Unavailable, "reading the chain head: %v", err)
	}
	if head.Time >= uint64(j.Deadline.Unix()) {
		return nil, status.Errorf(codes.FailedPrecondition, "chain job %s: its deadline %s has passed", id, j.Deadline.UTC().Format(time.RFC3339))
	}
	if left := time.Duration(uint64(j.Deadline.Unix())-head.Time) * time.Second; left < c.cfg.MinDeadline {
		return nil, status.Errorf(codes.FailedPrecondition, "chain job %s: %s left before its deadline; this coordinator takes jobs with at least %s", id, left, c.cfg.MinDeadline)
	}
	info, err := cl.Model(ctx, j.Model)
	if err != nil {
		return nil, status.Errorf(codes.Unavailable, "reading chain model %s: %v", j.Model, err)
	}
	fee := new(big.Int).Sub(j.Amount, new(big.Int).Div(new(big.Int).Mul(j.Amount, big.NewInt(int64(info.RoyaltyBps))), big.NewInt(10_000)))
	if c.cfg.MinFee != nil && fee.Cmp(c.cfg.MinFee) < 0 {
		return nil, status.Errorf(codes.FailedPrecondition, "chain job %s pays the prover %s wei (escrow %s, royalty %d bps); this coordinator takes at least %s", id, fee, j.Amount, info.RoyaltyBps, c.cfg.MinFee)
	}
	m, err := c.modelFor(ctx, info)
	if err != nil {
		return nil, err
	}
	if r.ModelId != "" && r.ModelId != m.ID {
		return nil, status.Errorf(codes.InvalidArgument, "model_id %s: chain job %s is for model %s", r.ModelId, id, m.ID)
	}
	if err := c.checkInput(m.ID, r.InputJson); err != nil {
		return nil, err
	}
	a, err := c.artifacts(m.ID)
	if err != nil {
		return nil, status.Errorf(codes.FailedPrecondition, "model %s: %v", m.ID, err)
	}
	in, err := model.ParseInput(r.InputJson)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "input_json: %v", err)
	}
	ic, err := chain.InputCommitment(a, in)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "input_json: %v", err)
	}
	if ic.Cmp(j.Input) != 0 {
		return nil, status.Errorf(codes.InvalidArgument, "input_json is input %s; chain job %s was requested for input %s", verifier.Hex(ic), id, verifier.Hex(j.Input))
	}
	got, created, err := c.store.Submit(ctx, &store.Job{ID: chainJobID(id), ModelID: m.ID, Key: chainKey(id), Input: r.InputJson,
		Prover: cl.From.Hex(), ChainJob: id.String(), MemoryBytes: m.MemoryBytes, MaxAttempts: c.cfg.MaxAttempts})
	if err != nil {
		return nil, storeErr(err)
	}
	if created {
		c.metrics.submitted.Inc()
		c.log.Info("chain job submitted", "job", got.ID, "chain_job", id, "model", got.ModelID)
		c.bump()
	}
	return c.chainJob(ctx, got)
}

// sameInput reports whether two input files are the same input of a model:
// the same bytes, or the same input public input (the coordinator queued a
// chain job from its on-chain input, and the requester delivers it too, in
// its own formatting).
func (c *Coordinator) sameInput(modelID string, a, b []byte) bool {
	if string(a) == string(b) {
		return true
	}
	art, err := c.artifacts(modelID)
	if err != nil {
		return false
	}
	value := func(raw []byte) *big.Int {
		in, err := model.ParseInput(raw)
		if err != nil {
			return nil
		}
		v, err := art.InputValue(in)
		if err != nil {
			return nil
		}
		return v
	}
	va, vb := value(a), value(b)
	return va != nil && vb != nil && va.Cmp(vb) == 0
}

// modelFor finds the pushed model a registered model is: the one whose
// model.json model_id is its commitment and whose verifying key is the one
// its verifier was deployed with (anyone may register a commitment, with
// keys that prove anything).
func (c *Coordinator) modelFor(ctx context.Context, info chain.ModelInfo) (*store.Model, error) {
	ms, err := c.store.ListModels(ctx)
	if err != nil {
		return nil, storeErr(err)
	}
	sameCommitment := false
	for _, m := range ms {
		if v, err := verifier.ParseHex(m.CircuitID); err != nil || v.Cmp(info.Commitment) != 0 {
			continue
		}
		sameCommitment = true
		a, err := c.artifacts(m.ID)
		if err != nil {
			continue
		}
		if h, err := chain.VKHash(a.VK); err == nil && h == info.VkHash {
			return m, nil
		}
	}
	if sameCommitment {
		return nil, status.Errorf(codes.FailedPrecondition, "the registered model's verifying key (hash %x) is none of the pushed models with commitment %s: a registration by someone else, or keys from another setup", info.VkHash, verifier.Hex(info.Commitment))
	}
	return nil, status.Errorf(codes.NotFound, "no pushed model has commitment %s: push the registered model with zkml model push", verifier.Hex(info.Commitment))
}

// chainJob is toJob plus the job's settlement.
func (c *Coordinator) chainJob(ctx context.Context, j *store.Job) (*api.Job, error) {
	out := toJob(j)
	if j.ChainJob == "" {
		return out, nil
	}
	st, err := c.store.GetSettlement(ctx, j.ID)
	if errors.Is(err, store.ErrNotFound) {
		return out, nil
	}
	if err != nil {
		return nil, storeErr(err)
	}
	out.Settlement, out.SettlementTx, out.SettlementGas, out.SettlementDetail = string(st.State), st.TxHash, uint64(st.GasUsed), st.Detail
	return out, nil
}

// watch follows the registry's events until the coordinator stops.
func (c *Coordinator) watch(ctx context.Context) {
	cl := c.cfg.Chain
	evs := make(chan chain.Event, 16)
	go func() {
		for ctx.Err() == nil {
			if err := cl.Watch(ctx, c.cfg.ChainFrom, evs); err != nil && ctx.Err() == nil {
				c.log.Warn("watching the registry; retrying", "err", err)
				select {
				case <-ctx.Done():
				case <-time.After(c.cfg.PollInterval):
				}
			}
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-evs:
			c.onEvent(ctx, ev)
		case m := <-c.pushed:
			c.claimChainJobs(ctx, m)
		}
	}
}

func (c *Coordinator) onEvent(ctx context.Context, ev chain.Event) {
	cl := c.cfg.Chain
	var job *big.Int
	switch {
	case ev.JobRequested != nil:
		info, err := cl.Model(ctx, ev.JobRequested.Model)
		if err != nil {
			return
		}
		m, err := c.modelFor(ctx, info)
		if err != nil {
			return
		}
		c.metrics.chainRequests.Inc()
		c.onChainInput(ctx, ev.JobRequested.Job, ev.JobRequested.Input, m)
		return
	case ev.JobPaid != nil:
		if ev.JobPaid.Prover == cl.From {
			return
		}
		job = ev.JobPaid.Job
	case ev.JobRefunded != nil:
		job = ev.JobRefunded.Job
	default:
		return
	}
	j, err := c.store.Get(ctx, chainJobID(job))
	if err != nil || j.ChainJob != job.String() || j.State.Terminal() {
		return
	}
	if _, err := c.store.Cancel(ctx, j.ID); err == nil {
		c.log.Warn("chain job closed on chain before it was proved; canceled", "job", j.ID, "chain_job", job, "event", ev.Name())
		c.bump()
	}
}

// claimChainJobs queues the open chain jobs with their input on chain that
// were requested for a model before it was pushed here (the watcher saw
// their events when it had no such model).
func (c *Coordinator) claimChainJobs(ctx context.Context, m *store.Model) {
	cl := c.cfg.Chain
	events := cl.JobRequestedTopic()
	evs, err := cl.EventsWith(ctx, c.cfg.ChainFrom, events)
	if err != nil {
		c.log.Warn("reading the registry's past requests for a pushed model", "model", m.ID, "err", err)
		return
	}
	ours := map[string]bool{} // registry model id: is it the pushed model
	for _, ev := range evs {
		r := ev.JobRequested
		if r == nil {
			continue
		}
		is, seen := ours[r.Model.String()]
		if !seen {
			info, err := cl.Model(ctx, r.Model)
			if err == nil {
				got, err := c.modelFor(ctx, info)
				is = err == nil && got.ID == m.ID
			}
			ours[r.Model.String()] = is
		}
		if !is {
			continue
		}
		if _, err := c.store.Get(ctx, chainJobID(r.Job)); err == nil {
			continue
		}
		if j, err := cl.Job(ctx, r.Job); err != nil || j.Status != chain.StatusOpen {
			continue
		}
		c.onChainInput(ctx, r.Job, r.Input, m)
	}
}

// onChainInput queues a requested chain job whose input rides on chain (a
// packed input): the input is unpacked from the event, so no one delivers
// it. A job whose input is a commitment waits for SubmitJob.
func (c *Coordinator) onChainInput(ctx context.Context, job, input *big.Int, m *store.Model) {
	a, err := c.artifacts(m.ID)
	if err != nil {
		c.log.Warn("chain job requested for a model whose artifacts do not load", "chain_job", job, "model", m.ID, "err", err)
		return
	}
	if a.Meta.InputHashed() {
		c.log.Info("chain job requested; waiting for its input", "chain_job", job, "model", m.ID)
		return
	}
	q, err := a.Meta.UnpackInput(input)
	if err != nil {
		c.log.Warn("chain job requested with an input the model cannot take; not proving it", "chain_job", job, "model", m.ID, "err", err)
		return
	}
	raw, err := json.Marshal(map[string]any{"input_data": a.Meta.Dequantize(q)})
	if err != nil {
		return
	}
	got, err := c.submitChainJob(ctx, &api.SubmitJobRequest{ChainJobId: job.String(), ModelId: m.ID, InputJson: raw})
	if err != nil {
		c.log.Warn("chain job with its input on chain not queued", "chain_job", job, "model", m.ID, "err", err)
		return
	}
	c.log.Info("chain job queued with its input from the chain", "chain_job", job, "job", got.JobId, "model", m.ID)
}

// settler sends the live settlements, on every change and every SettleInterval.
func (c *Coordinator) settler(ctx context.Context) {
	t := time.NewTicker(c.cfg.SettleInterval)
	defer t.Stop()
	for {
		wake := c.changes()
		c.SettleOnce(ctx)
		select {
		case <-ctx.Done():
			return
		case <-wake:
		case <-t.C:
		}
	}
}

// SettleOnce works through the live settlements once (the settler loop calls
// it; a test may too). It returns the number that reached a final state.
func (c *Coordinator) SettleOnce(ctx context.Context) int {
	if c.cfg.Chain == nil {
		return 0
	}
	rows, err := c.store.Settlements(ctx, store.SettlePending, store.SettleSent)
	if err != nil {
		c.log.Error("reading settlements", "err", err)
		return 0
	}
	n := 0
	for _, st := range rows {
		if ctx.Err() != nil {
			break
		}
		if err := c.settleRow(ctx, st); err != nil {
			c.log.Warn("settlement not finished; will retry", "job", st.JobID, "chain_job", st.ChainJob, "state", st.State, "err", err)
			continue
		}
		if st.State.Final() {
			n++
			c.metrics.settlements.WithLabelValues(string(st.State)).Inc()
			c.log.Info("settlement "+string(st.State), "job", st.JobID, "chain_job", st.ChainJob, "tx", st.TxHash, "gas", st.GasUsed, "detail", st.Detail)
			c.bump()
		}
	}
	return n
}

// hook runs the test hook of a settlement stage; an error stops the
// settlement there, as a crash would.
func (c *Coordinator) hook(stage string, st *store.Settlement) error {
	if c.cfg.settleHook == nil {
		return nil
	}
	return c.cfg.settleHook(stage, st)
}

// move writes st (now in its new state) if its row is still in state from.
func (c *Coordinator) move(ctx context.Context, st *store.Settlement, from store.SettleState) error {
	return c.store.UpdateSettlement(ctx, st, from)
}

// settleRow advances one settlement as far as it can now.
func (c *Coordinator) settleRow(ctx context.Context, st *store.Settlement) error {
	if st.State == store.SettlePending {
		if err := c.sendSettlement(ctx, st); err != nil || st.State != store.SettleSent {
			return err
		}
	}
	return c.awaitSettlement(ctx, st)
}

// openOnChain re-reads the chain job: "" when it can still be paid, else why not.
func (c *Coordinator) openOnChain(ctx context.Context, job *big.Int) (string, error) {
	cl := c.cfg.Chain
	j, err := cl.Job(ctx, job)
	if errors.Is(err, chain.ErrUnknownJob) {
		return "no such job on the registry", nil
	}
	if err != nil {
		return "", err
	}
	switch j.Status {
	case chain.StatusOpen:
	case chain.StatusPaid:
		return fmt.Sprintf("already paid to %s", j.Prover), nil
	default:
		return "job is " + j.Status.String(), nil
	}
	head, err := cl.Chain.HeaderByNumber(ctx, nil)
	if err != nil {
		return "", err
	}
	if head.Time >= uint64(j.Deadline.Unix()) {
		return fmt.Sprintf("deadline %s passed", j.Deadline.UTC().Format(time.RFC3339)), nil
	}
	return "", nil
}

// sendSettlement re-checks a pending settlement's job on chain and either
// marks it skipped, or signs submitProof, records the signed transaction
// (state sent) and broadcasts it.
func (c *Coordinator) sendSettlement(ctx context.Context, st *store.Settlement) error {
	cl := c.cfg.Chain
	if err := c.hook("send", st); err != nil {
		return err
	}
	job, ok := new(big.Int).SetString(st.ChainJob, 10)
	if !ok {
		st.State, st.Detail = store.SettleFailed, "chain job id is not a number"
		return c.move(ctx, st, store.SettlePending)
	}
	why, err := c.openOnChain(ctx, job)
	if err != nil {
		return err
	}
	if why != "" {
		st.State, st.Detail = store.SettleSkipped, why
		return c.move(ctx, st, store.SettlePending)
	}
	raw, err := c.store.Proof(ctx, st.JobID)
	if err != nil {
		return err
	}
	var pf verifier.ProofFile
	if err := json.Unmarshal(raw, &pf); err != nil {
		st.State, st.Detail = store.SettleFailed, "stored proof: "+err.Error()
		return c.move(ctx, st, store.SettlePending)
	}
	cd, err := chain.ProofCalldata(&pf)
	if err != nil {
		st.State, st.Detail = store.SettleFailed, "stored proof: "+err.Error()
		return c.move(ctx, st, store.SettlePending)
	}
	tx, err := cl.SignSubmitProof(ctx, job, cd)
	switch {
	case errors.Is(err, chain.ErrJobNotOpen), errors.Is(err, chain.ErrDeadlinePassed):
		st.State, st.Detail = store.SettleSkipped, err.Error()
		return c.move(ctx, st, store.SettlePending)
	case errors.Is(err, chain.ErrProofRejected), errors.Is(err, chain.ErrNotInField), errors.Is(err, chain.ErrUnknownJob):
		st.State, st.Detail = store.SettleFailed, err.Error()
		return c.move(ctx, st, store.SettlePending)
	case err != nil:
		return err
	}
	bin, err := tx.MarshalBinary()
	if err != nil {
		cl.ResetNonce()
		return err
	}
	st.State, st.Tx, st.TxHash, st.Nonce = store.SettleSent, bin, tx.Hash().Hex(), int64(tx.Nonce())
	if err := c.move(ctx, st, store.SettlePending); err != nil {
		cl.ResetNonce() // the signed transaction was never sent: its nonce is free again
		return err
	}
	if err := c.hook("broadcast", st); err != nil {
		return err
	}
	if err := cl.Broadcast(ctx, tx); err != nil {
		c.log.Warn("broadcasting the settlement; will look for its receipt and retry", "job", st.JobID, "tx", st.TxHash, "err", err)
	}
	return nil
}

// awaitSettlement follows a sent settlement: it broadcasts the recorded
// transaction again (harmless if the node has it), waits for its receipt
// and records status and gas. A transaction whose nonce was used by another
// can never land: the job is re-checked and the settlement goes back to
// pending (or skipped) for a new transaction.
func (c *Coordinator) awaitSettlement(ctx context.Context, st *store.Settlement) error {
	cl := c.cfg.Chain
	if err := c.hook("await", st); err != nil {
		return err
	}
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(st.Tx); err != nil {
		st.State, st.Detail = store.SettleFailed, "recorded transaction: "+err.Error()
		return c.move(ctx, st, store.SettleSent)
	}
	rc, err := cl.Receipt(ctx, tx.Hash())
	if err != nil {
		return err
	}
	if rc == nil {
		if err := cl.Broadcast(ctx, tx); err != nil {
			c.log.Debug("rebroadcast", "tx", st.TxHash, "err", err)
		}
		wctx, cancel := context.WithTimeout(ctx, c.cfg.ReceiptTimeout)
		rc, err = cl.Wait(wctx, tx.Hash())
		cancel()
		if err != nil && ctx.Err() != nil {
			return ctx.Err()
		}
	}
	if rc == nil {
		mined, err := cl.MinedNonce(ctx)
		if err != nil {
			return err
		}
		if mined <= tx.Nonce() {
			return fmt.Errorf("tx %s (nonce %d) not mined yet", st.TxHash, tx.Nonce())
		}
		// Its nonce went to another transaction: this one never lands. A
		// last look for its receipt closes the race with it being mined.
		if rc, err = cl.Receipt(ctx, tx.Hash()); err != nil {
			return err
		}
		if rc == nil {
			job, _ := new(big.Int).SetString(st.ChainJob, 10)
			why, err := c.openOnChain(ctx, job)
			if err != nil {
				return err
			}
			st.Tx, st.TxHash, st.Nonce = nil, "", -1
			st.State, st.Detail = store.SettlePending, fmt.Sprintf("tx %s was replaced at nonce %d", tx.Hash(), tx.Nonce())
			if why != "" {
				st.State, st.Detail = store.SettleSkipped, why
			}
			return c.move(ctx, st, store.SettleSent)
		}
	}
	st.GasUsed, st.Status = int64(rc.GasUsed), int(rc.Status)
	if rc.Status == types.ReceiptStatusSuccessful {
		st.State, st.Detail = store.SettleSettled, "paid"
		if ev := cl.Paid(rc); ev != nil {
			st.Detail = fmt.Sprintf("paid %s wei (royalty %s wei) in block %d", ev.ProverAmount, ev.Royalty, rc.BlockNumber)
		}
	} else {
		st.State, st.Detail = store.SettleFailed, cl.Reverted(ctx, tx, rc).Error()
	}
	return c.move(ctx, st, store.SettleSent)
}
