package chain

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/consensys/gnark/logger"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/internal/devmodel"
	"github.com/zkml/zkml/prover"
)

const devModel = "../../../shared/models/dev/1l_mlp"

var (
	compileOnce sync.Once
	compiled    struct {
		pr     *prover.Prover
		inputs [][]float64
		err    error
	}
	compileDir string
)

// devProver compiles the 1l_mlp dev model once per test binary.
func devProver(t testing.TB) (*prover.Prover, [][]float64) {
	t.Helper()
	compileOnce.Do(func() {
		logger.Disable()
		dir, err := mkdirTemp()
		if err != nil {
			compiled.err = err
			return
		}
		compileDir = dir
		out := filepath.Join(dir, "art")
		var in [][]float64
		if in, compiled.err = compileDev(out); compiled.err != nil {
			return
		}
		compiled.pr, compiled.err = prover.Load(out)
		compiled.inputs = in
	})
	if compiled.err != nil {
		t.Fatal(compiled.err)
	}
	return compiled.pr, compiled.inputs
}

// compileDev compiles the 1l_mlp dev model into out and returns its input.
func compileDev(out string) ([][]float64, error) { return devmodel.Compile(devModel, out) }

// market is a registry on an embedded chain with one registered model and
// four funded parties.
type market struct {
	t                                testing.TB
	ctx                              context.Context
	chain                            *Chain
	owner, requester, prover, other  *Client
	model, price                     *big.Int
	pr                               *prover.Prover
	inputs                           [][]float64
	inputCommitment                  *big.Int
	ownerKey, requesterKey, proverKy *ecdsa.PrivateKey
}

const royaltyBps = 1000

func newMarket(t testing.TB) *market {
	t.Helper()
	pr, inputs := devProver(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	keys := make([]*ecdsa.PrivateKey, 4)
	addrs := make([]common.Address, 4)
	for i := range keys {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		keys[i], addrs[i] = k, crypto.PubkeyToAddress(k.PublicKey)
	}
	eth := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	c := NewSimulated(new(big.Int).Mul(eth, big.NewInt(100)), addrs...)
	t.Cleanup(func() { c.Close() })
	m := &market{t: t, ctx: ctx, chain: c, pr: pr, inputs: inputs, price: new(big.Int).Div(eth, big.NewInt(100))}
	var err error
	if m.owner, _, err = Deploy(ctx, c, keys[0]); err != nil {
		t.Fatal(err)
	}
	clients := []**Client{&m.requester, &m.prover, &m.other}
	for i, p := range clients {
		if *p, err = New(ctx, c, keys[i+1], m.owner.Registry); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := m.prover.OpenAccount(ctx); err != nil {
		t.Fatal(err)
	}
	if m.model, _, err = m.owner.RegisterModel(ctx, Model{Commitment: pr.A.ID, VK: pr.A.VK, Price: m.price, RoyaltyBps: royaltyBps}); err != nil {
		t.Fatal(err)
	}
	if m.inputCommitment, err = InputCommitment(pr.A, inputs); err != nil {
		t.Fatal(err)
	}
	return m
}

// request escrows a job open for d.
func (m *market) request(d time.Duration) *big.Int {
	m.t.Helper()
	head, err := m.chain.HeaderByNumber(m.ctx, nil)
	if err != nil {
		m.t.Fatal(err)
	}
	job, _, err := m.requester.RequestJob(m.ctx, m.model, m.inputCommitment, time.Unix(int64(head.Time), 0).Add(d))
	if err != nil {
		m.t.Fatal(err)
	}
	return job
}

// prove proves the market's input for job and submitter.
func (m *market) prove(job *big.Int, submitter common.Address) *Calldata {
	m.t.Helper()
	pf, err := m.pr.Prove(prover.Request{Inputs: m.inputs, JobID: job, Prover: new(big.Int).SetBytes(submitter.Bytes())})
	if err != nil {
		m.t.Fatal(err)
	}
	cd, err := ProofCalldata(pf)
	if err != nil {
		m.t.Fatal(err)
	}
	return cd
}

func mkdirTemp() (string, error) { return os.MkdirTemp("", "zkml-chain-test-") }

func TestMain(m *testing.M) {
	code := m.Run()
	if compileDir != "" {
		os.RemoveAll(compileDir)
	}
	os.Exit(code)
}
