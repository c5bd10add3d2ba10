package farm_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"log/slog"
	"math/big"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/consensys/gnark/backend/groth16"
	"github.com/ethereum/go-ethereum/crypto"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/client"
	"github.com/zkml/zkml/prover/farm"
	"github.com/zkml/zkml/prover/store"
	"github.com/zkml/zkml/verifier"
	"github.com/zkml/zkml/verifier/chain"
)

var errCrash = errors.New("crash")

// chainCoordinator starts a coordinator in chain mode on dataDir with a
// fresh client for key (as a restarted process would have); stop is
// idempotent and also runs at cleanup.
func chainCoordinator(t *testing.T, dataDir string, c *chain.Chain, key *ecdsa.PrivateKey, reg *chain.Client,
	hook func(string, *store.Settlement) error) (string, *farm.Coordinator, func()) {
	t.Helper()
	cl, err := chain.New(context.Background(), c, key, reg.Registry)
	if err != nil {
		t.Fatal(err)
	}
	cfg := farm.Defaults
	cfg.DataDir = dataDir
	cfg.PollInterval = 100 * time.Millisecond
	cfg.ReapInterval = 100 * time.Millisecond
	cfg.Chain = cl
	if os.Getenv("ZKML_TEST_LOG") != "" {
		cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	cfg.SettleInterval = 100 * time.Millisecond
	cfg.ReceiptTimeout = 500 * time.Millisecond
	if hook != nil {
		farm.SetSettleHook(&cfg, hook)
	}
	co, err := farm.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan struct{})
	go func() { defer close(served); co.Serve(lis) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			co.Shutdown(ctx)
			<-served
		})
	}
	t.Cleanup(stop)
	return lis.Addr().String(), co, stop
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// chainMarket is an embedded chain with the registry deployed, the test
// model registered and a funded requester, owner and coordinator key.
type chainMarket struct {
	a                *model.Artifacts
	chain            *chain.Chain
	owner, requester *chain.Client
	coordKey         *ecdsa.PrivateKey
	modelID          *big.Int
	ic               *big.Int // the input commitment of input(t)
}

func newChainMarket(t *testing.T, art string) *chainMarket {
	t.Helper()
	a, err := model.Load(art)
	if err != nil {
		t.Fatal(err)
	}
	ctx := ctxT(t)
	ownerKey, reqKey, coordKey := newKey(t), newKey(t), newKey(t)
	eth := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	c := chain.NewSimulated(eth, crypto.PubkeyToAddress(ownerKey.PublicKey), crypto.PubkeyToAddress(reqKey.PublicKey), crypto.PubkeyToAddress(coordKey.PublicKey))
	t.Cleanup(func() { c.Close() })
	owner, _, err := chain.Deploy(ctx, c, ownerKey)
	if err != nil {
		t.Fatal(err)
	}
	m := &chainMarket{a: a, chain: c, owner: owner, coordKey: coordKey}
	if m.modelID, _, err = owner.RegisterModel(ctx, chain.Model{Commitment: a.ID, VK: a.VK, Price: big.NewInt(1e16), RoyaltyBps: 1000}); err != nil {
		t.Fatal(err)
	}
	if m.requester, err = chain.New(ctx, c, reqKey, owner.Registry); err != nil {
		t.Fatal(err)
	}
	in, err := model.ParseInput(input(t))
	if err != nil {
		t.Fatal(err)
	}
	if m.ic, err = chain.InputCommitment(a, in); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestChainSettlement runs chain mode on the embedded chain: three jobs are
// requested on chain and proved by the farm; the coordinator "crashes" with
// job 1's settlement pending (accepted, nothing sent), job 2's signed
// transaction recorded but not broadcast, and job 3 pending while the
// coordinator's key pays it elsewhere. After a restart each job is paid
// exactly once: job 1 and job 2 by the settler, job 3 marked skipped
// without a transaction.
func TestChainSettlement(t *testing.T) {
	art := hashedArtifacts(t)
	ctx := ctxT(t)
	m := newChainMarket(t, art)
	c, owner, requester, coordKey, modelID, ic := m.chain, m.owner, m.requester, m.coordKey, m.modelID, m.ic
	in, err := model.ParseInput(input(t))
	if err != nil {
		t.Fatal(err)
	}
	head, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var jobs []*big.Int
	for range 3 {
		id, _, err := requester.RequestJob(ctx, modelID, ic, time.Unix(int64(head.Time), 0).Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, id)
	}
	farmID := func(i int) string { return farmJobID(jobs[i]) }

	// The first coordinator crashes job 1 and 3 before sending, job 2 before broadcasting.
	dataDir := t.TempDir()
	hook := func(stage string, st *store.Settlement) error {
		if (stage == "send" && st.JobID != farmID(1)) || (stage != "send" && st.JobID == farmID(1)) {
			return errCrash
		}
		return nil
	}
	addr, co, stop := chainCoordinator(t, dataDir, c, coordKey, owner, hook)
	coordAddr := crypto.PubkeyToAddress(coordKey.PublicKey)
	cl := dial(t, addr, "")
	if _, err := cl.PushModel(ctx, art); err != nil {
		t.Fatal(err)
	}
	// The input must match the job's commitment; the job must exist.
	bad := []byte(`{"input_data":[[` + "0.5" + repeat(",0.5", len(in[0])-1) + `]]}`)
	if _, err := cl.Submit(ctx, client.Job{Input: bad, ChainJob: jobs[0].String()}); status.Code(err) != codes.InvalidArgument {
		t.Fatalf("submit with another input: %v, want InvalidArgument", err)
	}
	if _, err := cl.Submit(ctx, client.Job{Input: input(t), ChainJob: "999"}); status.Code(err) != codes.NotFound {
		t.Fatalf("submit of an unknown chain job: %v, want NotFound", err)
	}
	if _, err := cl.Submit(ctx, client.Job{Input: input(t), ChainJob: jobs[0].String(), Prover: "0x00000000000000000000000000000000000000ab"}); status.Code(err) != codes.InvalidArgument {
		t.Fatalf("submit for another prover: %v, want InvalidArgument", err)
	}
	for i, id := range jobs {
		j, err := cl.Submit(ctx, client.Job{Input: input(t), ChainJob: id.String()})
		if err != nil {
			t.Fatal(err)
		}
		if j.JobId != farmID(i) || j.ChainJobId != id.String() {
			t.Fatalf("chain job %s became farm job %s (%s)", id, j.JobId, j.ChainJobId)
		}
	}
	startWorker(t, addr, nil)
	for i := range jobs {
		j, err := cl.Wait(ctx, farmID(i), nil)
		if err != nil || j.State != api.JobState_JOB_STATE_DONE {
			t.Fatalf("job %d: %v %v", i, j, err)
		}
	}
	s := co.Store()
	waitFor(t, "job 2's transaction to be recorded", func() bool {
		st, err := s.GetSettlement(ctx, farmID(1))
		return err == nil && st.State != store.SettlePending
	})
	if st, _ := s.GetSettlement(ctx, farmID(1)); st.State != store.SettleSent {
		t.Fatalf("job 2's settlement: %+v", st)
	}
	// The coordinator's key pays job 3 with the farm's proof, elsewhere.
	raw, err := s.Proof(ctx, farmID(2))
	if err != nil {
		t.Fatal(err)
	}
	var pf verifier.ProofFile
	if err := json.Unmarshal(raw, &pf); err != nil {
		t.Fatal(err)
	}
	if !sameHex(pf.Prover, coordAddr.Hex()) {
		t.Fatalf("proof binds prover %s, want %s", pf.Prover, coordAddr)
	}
	cd, err := chain.ProofCalldata(&pf)
	if err != nil {
		t.Fatal(err)
	}
	elsewhere, err := chain.New(ctx, c, coordKey, owner.Registry)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := elsewhere.SubmitProof(ctx, jobs[2], cd); err != nil {
		t.Fatal(err)
	}
	for i := range jobs {
		if st, err := s.GetSettlement(ctx, farmID(i)); err != nil || st.State.Final() {
			t.Fatalf("settlement %d before the restart: %+v %v", i, st, err)
		}
	}
	stop()

	// The restarted coordinator finishes every settlement.
	addr2, co2, _ := chainCoordinator(t, dataDir, c, coordKey, owner, nil)
	s = co2.Store()
	waitFor(t, "every settlement to finish", func() bool {
		live, err := s.Settlements(ctx, store.SettlePending, store.SettleSent)
		return err == nil && len(live) == 0
	})
	want := []store.SettleState{store.SettleSettled, store.SettleSettled, store.SettleSkipped}
	for i := range jobs {
		st, err := s.GetSettlement(ctx, farmID(i))
		if err != nil || st.State != want[i] {
			t.Fatalf("settlement %d: %+v %v, want %s", i, st, err, want[i])
		}
		if want[i] == store.SettleSettled && (st.Status != 1 || st.GasUsed <= 0 || st.GasUsed > 400_000 || st.TxHash == "") {
			t.Fatalf("settlement %d: %+v", i, st)
		}
		t.Logf("job %s: %s tx %s gas %d (%s)", jobs[i], st.State, st.TxHash, st.GasUsed, st.Detail)
		oj, err := owner.Job(ctx, jobs[i])
		if err != nil || oj.Status != chain.StatusPaid || oj.Prover != coordAddr {
			t.Fatalf("chain job %s: %+v %v", jobs[i], oj, err)
		}
	}
	evs, err := owner.Events(ctx, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	paid := map[string]int{}
	for _, ev := range evs {
		if ev.JobPaid != nil {
			paid[ev.JobPaid.Job.String()]++
		}
	}
	for _, id := range jobs {
		if paid[id.String()] != 1 {
			t.Fatalf("JobPaid events %v: want one per job", paid)
		}
	}
	// Four transactions from the coordinator's key: opening its account on
	// the registry, two settlements and the payment made elsewhere; job 2's
	// first transaction, whose nonce that payment took, was replaced, never
	// sent twice.
	if n, err := elsewhere.MinedNonce(ctx); err != nil || n != 4 {
		t.Fatalf("coordinator key sent %d transactions (%v), want 4", n, err)
	}
	if co2.SettleOnce(ctx) != 0 {
		t.Fatal("a finished settlement was settled again")
	}
	j, err := dial(t, addr2, "").Get(ctx, farmID(0))
	if err != nil || j.Settlement != "settled" || j.SettlementGas == 0 || j.SettlementTx == "" {
		t.Fatalf("job 1 as the requester sees it: %+v %v", j, err)
	}
	credit, err := owner.Credit(ctx, coordAddr)
	if err != nil || credit.Cmp(big.NewInt(3*9e15)) != 0 {
		t.Fatalf("coordinator credit %v %v", credit, err)
	}
}

func farmJobID(job *big.Int) string {
	b := job.Text(16)
	for len(b) < 32 {
		b = "0" + b
	}
	return b
}

func newKey(t *testing.T) *ecdsa.PrivateKey {
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

func sameHex(a, b string) bool {
	x, err1 := verifier.ParseHex(a)
	y, err2 := verifier.ParseHex(b)
	return err1 == nil && err2 == nil && x.Cmp(y) == 0
}

// TestChainJobPolicy: the coordinator proves only chain jobs worth proving:
// not a registration of a pushed model's commitment with other keys, not one
// that pays the prover nothing (price 0, or a royalty of the whole price),
// not a job about to expire.
func TestChainJobPolicy(t *testing.T) {
	art := hashedArtifacts(t)
	ctx := ctxT(t)
	m := newChainMarket(t, art)
	addr, _, _ := chainCoordinator(t, t.TempDir(), m.chain, m.coordKey, m.owner, nil)
	cl := dial(t, addr, "")
	if _, err := cl.PushModel(ctx, art); err != nil {
		t.Fatal(err)
	}
	ccs, err := m.a.LoadCircuit()
	if err != nil {
		t.Fatal(err)
	}
	_, otherVK, err := groth16.Setup(ccs)
	if err != nil {
		t.Fatal(err)
	}
	hour := time.Hour
	cases := []struct {
		name     string
		reg      chain.Model
		deadline time.Duration // from the head block
		msg      string
	}{
		{"another setup's keys", chain.Model{Commitment: m.a.ID, VK: otherVK, Price: big.NewInt(1e16), RoyaltyBps: 0}, hour, "verifying key"},
		{"price 0", chain.Model{Commitment: m.a.ID, VK: m.a.VK, Price: big.NewInt(0)}, hour, "pays the prover 0 wei"},
		{"the whole price as royalty", chain.Model{Commitment: m.a.ID, VK: m.a.VK, Price: big.NewInt(1e16), RoyaltyBps: 10_000}, hour, "pays the prover 0 wei"},
		{"5 s left", chain.Model{Commitment: m.a.ID, VK: m.a.VK, Price: big.NewInt(1e16)}, 5 * time.Second, "left before its deadline"},
	}
	for _, c := range cases {
		id, _, err := m.owner.RegisterModel(ctx, c.reg)
		if err != nil {
			t.Fatal(err)
		}
		head, err := m.chain.HeaderByNumber(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		job, _, err := m.requester.RequestJob(ctx, id, m.ic, time.Unix(int64(head.Time), 0).Add(c.deadline))
		if err != nil {
			t.Fatal(err)
		}
		_, err = cl.Submit(ctx, client.Job{Input: input(t), ChainJob: job.String()})
		if status.Code(err) != codes.FailedPrecondition || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: %v, want FailedPrecondition containing %q", c.name, err, c.msg)
		}
	}
}
