package farm_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/internal/gethtest"
	"github.com/zkml/zkml/internal/vaulttest"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/client"
	"github.com/zkml/zkml/verifier/chain"
)

// maxCallbackSettleGas bounds submitProof with the vault's callback (Osaka).
const maxCallbackSettleGas = 450_000

// TestVaultOnChain runs the example consumer end to end on the embedded
// chain: a vault holding features asks the model for advice with the
// features packed on chain; the coordinator in chain mode takes the input
// from the JobRequested event (nobody delivers it), a worker proves, the
// settlement pays and the registry calls the vault back, which acts on the
// verified scores. A callback from anyone else is refused.
func TestVaultOnChain(t *testing.T) {
	ownerKey, reqKey, coordKey := newKey(t), newKey(t), newKey(t)
	eth := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	c := chain.NewSimulated(eth, crypto.PubkeyToAddress(ownerKey.PublicKey), crypto.PubkeyToAddress(reqKey.PublicKey), crypto.PubkeyToAddress(coordKey.PublicKey))
	t.Cleanup(func() { c.Close() })
	runVault(t, c, ownerKey, reqKey, coordKey, true)
}

// TestVaultGethDev is TestVaultOnChain against a real geth --dev.
func TestVaultGethDev(t *testing.T) {
	if !gethtest.Enabled() {
		t.Skip("set ZKML_GETH=1 to run against geth --dev (.ci/run does)")
	}
	url := gethtest.Start(t)
	ctx := ctxT(t)
	c, err := chain.Dial(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	ownerKey, err := chain.ParseKey(gethtest.DevKey)
	if err != nil {
		t.Fatal(err)
	}
	reqKey, coordKey := newKey(t), newKey(t)
	runVault(t, c, ownerKey, reqKey, coordKey, false)
}

// runVault runs the vault's flow on c; osaka: the chain runs Osaka's rules,
// which the gas budget is for (geth --dev runs a later fork).
func runVault(t *testing.T, c *chain.Chain, ownerKey, reqKey, coordKey *ecdsa.PrivateKey, osaka bool) {
	art := artifacts(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	a, err := model.Load(art)
	if err != nil {
		t.Fatal(err)
	}
	if a.Meta.InputHashed() {
		t.Fatalf("1l_mlp compiled with input_encoding %q; its 3 inputs should ride packed", a.Meta.InputEncoding)
	}
	owner, _, err := chain.Deploy(ctx, c, ownerKey)
	if err != nil {
		t.Fatal(err)
	}
	eth := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	if bal, _ := c.BalanceAt(ctx, crypto.PubkeyToAddress(reqKey.PublicKey), nil); bal.Sign() == 0 { // geth: fund the parties
		for _, k := range []*ecdsa.PrivateKey{reqKey, coordKey} {
			if _, err := owner.Transfer(ctx, crypto.PubkeyToAddress(k.PublicKey), eth); err != nil {
				t.Fatal(err)
			}
		}
	}
	price := big.NewInt(1e15)
	modelID, _, err := owner.RegisterModel(ctx, chain.Model{Commitment: a.ID, VK: a.VK, Price: price, RoyaltyBps: 500})
	if err != nil {
		t.Fatal(err)
	}
	keeper, err := chain.New(ctx, c, reqKey, owner.Registry)
	if err != nil {
		t.Fatal(err)
	}
	vault, err := vaulttest.Deploy(ctx, keeper, modelID, a.Meta, 0, 1, new(big.Int).Mul(price, big.NewInt(3)))
	if err != nil {
		t.Fatal(err)
	}
	in, err := model.ParseInput(input(t))
	if err != nil {
		t.Fatal(err)
	}
	q, err := a.Meta.QuantizeInputs(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := vault.Observe(ctx, q[0]); err != nil {
		t.Fatal(err)
	}

	// The first request comes before the coordinator has the model: the
	// watcher passes its event by, and claims the job when the model is
	// pushed. The second comes after, and is taken from its event.
	head, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	job, reqGas, err := vault.RequestAdvice(ctx, time.Unix(int64(head.Time), 0).Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	addr, _, _ := chainCoordinator(t, t.TempDir(), c, coordKey, owner, nil)
	cl := dial(t, addr, "")
	time.Sleep(300 * time.Millisecond) // the watcher reads the request before the model is there
	if _, err := cl.PushModel(ctx, art); err != nil {
		t.Fatal(err)
	}
	startWorker(t, addr, nil)
	for round := 1; round <= 2; round++ {
		if round == 2 {
			if job, reqGas, err = vault.RequestAdvice(ctx, time.Unix(int64(head.Time), 0).Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
		adviseRound(t, ctx, a, owner, cl, vault, modelID, in, job, reqGas, uint64(round), osaka)
	}
	// only the keeper spends the vault's funds on advice
	if err := vault.Call(ctx, owner, vault.ABI().PackRequestAdvice(uint64(head.Time)+3600)); err == nil {
		t.Fatal("the vault requested advice for someone other than its keeper")
	}

	// A vault that reserved too little gas for its callback: the prover is
	// paid, the callback fails, and the vault catches up from the output
	// the registry stored.
	starved, err := vaulttest.DeployWith(ctx, keeper, modelID, a.Meta, 0, 1, new(big.Int).Mul(price, big.NewInt(2)), 3_000)
	if err != nil {
		t.Fatal(err)
	}
	if err := starved.Observe(ctx, q[0]); err != nil {
		t.Fatal(err)
	}
	sj, _, err := starved.RequestAdvice(ctx, time.Unix(int64(head.Time), 0).Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the starved vault's job to be settled", func() bool {
		j, err := cl.Get(ctx, farmJobID(sj))
		return err == nil && j.Settlement == "settled"
	})
	st, err := starved.State(ctx)
	if err != nil || st.Pending.Cmp(sj) != 0 {
		t.Fatalf("starved vault after settlement: %+v %v; want its job %s still pending (the callback ran out of gas)", st, err, sj)
	}
	if err := starved.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if st, err = starved.State(ctx); err != nil || st.Pending.Sign() != 0 || st.Rebalances != 1 {
		t.Fatalf("starved vault after catchUp: %+v %v; want it to act on the stored output", st, err)
	}
}

// adviseRound follows one advice job to the vault's callback.
func adviseRound(t *testing.T, ctx context.Context, a *model.Artifacts, owner *chain.Client, cl *client.Client, vault *vaulttest.Vault,
	modelID *big.Int, in [][]float64, job *big.Int, reqGas uint64, round uint64, osaka bool) {
	t.Helper()
	j, err := owner.Job(ctx, job)
	if err != nil {
		t.Fatal(err)
	}
	want, err := a.Meta.InputValue(in)
	if err != nil {
		t.Fatal(err)
	}
	if j.Input.Cmp(want) != 0 || j.Consumer != vault.Addr {
		t.Fatalf("job %s: input %x consumer %s; want the packed features %x and the vault %s", job, j.Input, j.Consumer, want, vault.Addr)
	}

	// nobody submits the input: the coordinator takes it from the event
	waitFor(t, "the coordinator to queue the chain job from its event", func() bool {
		_, err := cl.Get(ctx, farmJobID(job))
		return err == nil
	})
	// a requester that delivers the input as well (in its own formatting)
	// gets the job the coordinator queued from the chain
	if got, err := cl.Submit(ctx, client.Job{Input: input(t), ChainJob: job.String()}); err != nil || got.JobId != farmJobID(job) {
		t.Fatalf("delivering the input of chain job %s again: %v %v", job, got, err)
	}
	fj, err := cl.Wait(ctx, farmJobID(job), nil)
	if err != nil || fj.State != api.JobState_JOB_STATE_DONE {
		t.Fatalf("farm job of chain job %s: %v %v", job, fj, err)
	}
	var settled *api.Job
	waitFor(t, "the settlement", func() bool {
		settled, err = cl.Get(ctx, fj.JobId)
		return err == nil && settled.Settlement == "settled"
	})
	st, err := vault.State(ctx)
	if err != nil {
		t.Fatal(err)
	}
	evs, err := owner.Events(ctx, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		if ev.ConsumerCalled != nil && !ev.ConsumerCalled.Ok {
			t.Errorf("the registry's callback of the vault failed (tx %s; settlement %s)", ev.TxHash, settled.SettlementDetail)
		}
	}
	w, err := prover.Solve(a, prover.Request{Inputs: in})
	if err != nil {
		t.Fatal(err)
	}
	hold, rebalance := w.Outputs[0][0], w.Outputs[0][1]
	acts := uint64(0)
	if rebalance > hold {
		acts = round
	}
	if st.Pending.Sign() != 0 || st.Hold != hold || st.Rebalance != rebalance || st.Rebalances != acts {
		t.Fatalf("vault after the callback: pending %s, scores %d/%d, rebalances %d; want 0, %d/%d, %d", st.Pending, st.Hold, st.Rebalance, st.Rebalances, hold, rebalance, acts)
	}
	paid, err := owner.Job(ctx, job)
	if err != nil {
		t.Fatal(err)
	}
	if paid.Status != chain.StatusPaid || paid.Output.Cmp(w.Public[2]) != 0 {
		t.Fatalf("job %s on chain: %s output %x, want paid with %x", job, paid.Status, paid.Output, w.Public[2])
	}
	t.Logf("request (vault) gas %d, settle + callback gas %d", reqGas, settled.SettlementGas)
	if osaka && settled.SettlementGas > maxCallbackSettleGas {
		t.Errorf("settle + callback gas %d over the %d budget", settled.SettlementGas, maxCallbackSettleGas)
	}
	// only the registry may call the vault back
	if err := vault.ForgeAdvice(ctx, owner, job, modelID, big.NewInt(1)); err == nil {
		t.Fatal("the vault took a callback from an account")
	}
}
