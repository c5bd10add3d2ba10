package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/verifier"
	"github.com/zkml/zkml/verifier/chain"
)

// jobProver proves one job's inference. The demo proves in-process; a
// proving farm can stand in for it.
type jobProver interface {
	Prove(ctx context.Context, r prover.Request) (*verifier.ProofFile, error)
}

// localProver proves on this machine's CPU.
type localProver struct{ p *prover.Prover }

func (l localProver) Prove(_ context.Context, r prover.Request) (*verifier.ProofFile, error) {
	return l.p.Prove(r)
}

// demoResult is the JSON line `zkml demo --json` ends with.
type demoResult struct {
	Chain           string  `json:"chain"`
	Registry        string  `json:"registry"`
	ModelID         string  `json:"model_id"`
	ModelCommitment string  `json:"model_commitment"`
	Verifier        string  `json:"verifier"`
	JobID           string  `json:"job_id"`
	Prover          string  `json:"prover"`
	VerifiedOnchain bool    `json:"verified_onchain"`
	PriceWei        string  `json:"price_wei"`
	PaidWei         string  `json:"paid_wei"`
	RoyaltyWei      string  `json:"royalty_wei"`
	DeployGas       uint64  `json:"deploy_gas"`
	RegisterGas     uint64  `json:"register_gas"`
	RequestGas      uint64  `json:"request_gas"`
	VerifyGas       uint64  `json:"verify_gas"`
	SettleGas       uint64  `json:"settle_gas"`
	WithdrawGas     uint64  `json:"withdraw_gas"`
	ProveSeconds    float64 `json:"prove_seconds"`
	Output          string  `json:"output"`
}

func runDemo(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("demo", stderr)
	asJSON := fs.Bool("json", false, "end with one JSON line of the results")
	rpc := fs.String("rpc", "", "JSON-RPC URL of a chain (default: an embedded simulated chain, Osaka rules)")
	keyHex := fs.String("key", "", "hex private key of a funded account on --rpc (deploys, registers, funds the requester and prover)")
	price := fs.String("price", "10000000000000000", "price of a job, wei")
	royalty := fs.Uint("royalty-bps", 1000, "model owner's royalty, basis points of the price")
	timeout := fs.Duration("timeout", 5*time.Minute, "give up after this long")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs); err != nil {
		return err
	}
	if (*rpc == "") != (*keyHex == "") {
		return errors.New("--rpc and --key go together")
	}
	priceWei, ok := new(big.Int).SetString(*price, 10)
	if !ok || priceWei.Sign() <= 0 || priceWei.BitLen() > 96 {
		return fmt.Errorf("--price %q: must be a positive integer below 2^96 wei", *price)
	}
	if *royalty > 10_000 {
		return fmt.Errorf("--royalty-bps %d: must be within 0..10000", *royalty)
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	step := func(format string, a ...any) { fmt.Fprintf(stderr, "[demo] "+format+"\n", a...) }

	// 1. The bundled model, compiled into a temporary directory.
	tmp, err := os.MkdirTemp("", "zkml-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	t0 := time.Now()
	raw, err := demoONNX()
	if err != nil {
		return err
	}
	g, err := onnx.Decode(raw)
	if err != nil {
		return err
	}
	q, err := model.Quantize(g, [][]*tensor.T{{{Shape: g.Inputs[0].Shape, Data: demoInput[0]}}}, ops.Defaults)
	if err != nil {
		return err
	}
	art := filepath.Join(tmp, "demo_mlp")
	meta, err := model.Compile(q, art, model.CompileOptions{Source: "bundled demo model"})
	if err != nil {
		return err
	}
	pr, err := prover.Load(art)
	if err != nil {
		return err
	}
	var farm jobProver = localProver{pr}
	step("compiled the bundled %d-%d-%d MLP: %d constraints, model %s (%.2fs)", demoIn, demoHidden, demoOut, meta.Constraints, meta.ModelID, time.Since(t0).Seconds())

	// 2. The chain and the three parties.
	ownerKey, requesterKey, proverKey := mustKey(), mustKey(), mustKey()
	var c *chain.Chain
	if *rpc == "" {
		eth := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
		c = chain.NewSimulated(new(big.Int).Mul(eth, big.NewInt(100)), addr(ownerKey), addr(requesterKey), addr(proverKey))
	} else {
		if ownerKey, err = chain.ParseKey(*keyHex); err != nil {
			return fmt.Errorf("--key: %w", err)
		}
		if c, err = chain.Dial(ctx, *rpc); err != nil {
			return err
		}
	}
	defer c.Close()
	owner, rc, err := chain.Deploy(ctx, c, ownerKey)
	if err != nil {
		return err
	}
	res := demoResult{Chain: c.String(), Registry: owner.Registry.Hex(), DeployGas: rc.GasUsed, PriceWei: priceWei.String()}
	step("deployed the registry at %s on %s (%d gas)", owner.Registry, c, rc.GasUsed)
	if *rpc != "" {
		fund := new(big.Int).Mul(priceWei, big.NewInt(2))
		fund.Add(fund, new(big.Int).Exp(big.NewInt(10), big.NewInt(17), nil)) // gas money
		for _, k := range []*ecdsa.PrivateKey{requesterKey, proverKey} {
			if _, err := owner.Transfer(ctx, addr(k), fund); err != nil {
				return err
			}
		}
		step("funded the requester %s and the prover %s", addr(requesterKey), addr(proverKey))
	}
	requester, err := chain.New(ctx, c, requesterKey, owner.Registry)
	if err != nil {
		return err
	}
	provr, err := chain.New(ctx, c, proverKey, owner.Registry)
	if err != nil {
		return err
	}

	// 3. Register the model: the registry deploys its verifier.
	modelID, rc, err := owner.RegisterModel(ctx, chain.Model{Commitment: pr.A.ID, VK: pr.A.VK, Price: priceWei, RoyaltyBps: uint16(*royalty)})
	if err != nil {
		return err
	}
	info, err := owner.Model(ctx, modelID)
	if err != nil {
		return err
	}
	res.ModelID, res.ModelCommitment, res.Verifier, res.RegisterGas = modelID.String(), meta.ModelID, info.Verifier.Hex(), rc.GasUsed
	step("owner %s registered model %s (price %s wei, royalty %d bps); its verifier is at %s (%d gas)", owner.From, modelID, priceWei, *royalty, info.Verifier, rc.GasUsed)

	// 4. The requester escrows the price for an inference on its input.
	ic, err := chain.InputCommitment(pr.A, demoInput)
	if err != nil {
		return err
	}
	head, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	job, rc, err := requester.RequestJob(ctx, modelID, ic, time.Unix(int64(head.Time), 0).Add(time.Hour))
	if err != nil {
		return err
	}
	res.JobID, res.RequestGas = job.String(), rc.GasUsed
	step("requester %s escrowed %s wei for job %s on input %s (%d gas)", requester.From, priceWei, job, verifier.Hex(ic), rc.GasUsed)

	// 5. The prover re-checks the job, proves it bound to the job and to itself, and submits.
	j, err := provr.Job(ctx, job)
	if err != nil {
		return err
	}
	if j.Status != chain.StatusOpen {
		return fmt.Errorf("job %s is %s", job, j.Status)
	}
	pf, err := farm.Prove(ctx, prover.Request{Inputs: demoInput, JobID: job, Prover: new(big.Int).SetBytes(provr.From.Bytes())})
	if err != nil {
		return err
	}
	res.ProveSeconds, res.Prover = pf.ProveSeconds, provr.From.Hex()
	step("prover %s proved job %s in %.2fs: outputs %v", provr.From, job, pf.ProveSeconds, pf.OutputData)
	cd, err := chain.ProofCalldata(pf)
	if err != nil {
		return err
	}
	ok, vgas, err := provr.VerifyGas(ctx, modelID, job, provr.From, cd)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%w: the model's verifier rejects the proof", chain.ErrProofRejected)
	}
	res.VerifyGas, res.Output = vgas, verifier.Hex(cd.Output)
	rc, err = provr.SubmitProof(ctx, job, cd)
	if err != nil {
		return err
	}
	res.SettleGas = rc.GasUsed
	if j, err = provr.Job(ctx, job); err != nil {
		return err
	}
	res.VerifiedOnchain = j.Status == chain.StatusPaid && j.Prover == provr.From
	step("proof verified on chain, job %s %s (verify %d gas, settle %d gas)", job, j.Status, vgas, rc.GasUsed)

	// 6. Pull payments.
	paid, err := provr.Credit(ctx, provr.From)
	if err != nil {
		return err
	}
	royaltyWei, err := owner.Credit(ctx, owner.From)
	if err != nil {
		return err
	}
	if rc, err = provr.Withdraw(ctx); err != nil {
		return err
	}
	res.PaidWei, res.RoyaltyWei, res.WithdrawGas = paid.String(), royaltyWei.String(), rc.GasUsed
	step("prover withdrew %s wei (%d gas); owner royalty %s wei", paid, rc.GasUsed, royaltyWei)

	if *asJSON {
		line, err := json.Marshal(res)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, string(line))
		return nil
	}
	fmt.Fprintf(stdout, "job %s verified on chain: %v; prover paid %s wei, owner %s wei; verify %d gas, settle %d gas\n",
		res.JobID, res.VerifiedOnchain, res.PaidWei, res.RoyaltyWei, res.VerifyGas, res.SettleGas)
	return nil
}

func mustKey() *ecdsa.PrivateKey {
	k, err := crypto.GenerateKey()
	if err != nil {
		panic(err)
	}
	return k
}

func addr(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }
