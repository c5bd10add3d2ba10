package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/client"
	"github.com/zkml/zkml/prover/farm"
	"github.com/zkml/zkml/prover/store"
	"github.com/zkml/zkml/prover/worker"
	"github.com/zkml/zkml/verifier"
	"github.com/zkml/zkml/verifier/chain"
)

// demoResult is the JSON line `zkml demo --json` ends with.
type demoResult struct {
	Chain           string  `json:"chain"`
	Registry        string  `json:"registry"`
	ModelID         string  `json:"model_id"`
	ModelCommitment string  `json:"model_commitment"`
	Verifier        string  `json:"verifier"`
	KeySetup        string  `json:"key_setup"`
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
	arts, err := model.Load(art)
	if err != nil {
		return err
	}
	step("compiled the bundled %d-%d-%d MLP: %d constraints, model %s (%.2fs)", demoIn, demoHidden, demoOut, meta.Constraints, meta.ModelID, time.Since(t0).Seconds())

	// 2. The chain and the three parties: the model owner, the requester and
	// the proving farm, whose coordinator settles with the prover key.
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
	head0, err := c.BlockNumber(ctx)
	if err != nil {
		return err
	}

	// 3. Register the model: the registry deploys its verifier.
	modelID, rc, err := owner.RegisterModel(ctx, chain.Model{Commitment: arts.ID, VK: arts.VK, Price: priceWei, RoyaltyBps: uint16(*royalty), Setup: meta.KeySetup()})
	if err != nil {
		return err
	}
	info, err := owner.Model(ctx, modelID)
	if err != nil {
		return err
	}
	ks, err := requester.KeySetup(ctx, modelID)
	if err != nil {
		return err
	}
	res.KeySetup = "development"
	if ks.Ceremony {
		res.KeySetup = "ceremony"
	}

	res.ModelID, res.ModelCommitment, res.Verifier, res.RegisterGas = modelID.String(), meta.ModelID, info.Verifier.Hex(), rc.GasUsed
	step("owner %s registered model %s (price %s wei, royalty %d bps); its verifier is at %s (%d gas)", owner.From, modelID, priceWei, *royalty, info.Verifier, rc.GasUsed)
	step("the registry records the model's keys as made by a %s", ks)

	// 4. An in-process proving farm in chain mode: a coordinator (SQLite in
	// the temporary directory, 127.0.0.1) settling with the prover key, and
	// one CPU worker. The requester pushes the model to it.
	coord, err := startDemoFarm(ctx, tmp, provr, head0)
	if err != nil {
		return err
	}
	defer coord.stop()
	cl, err := client.Dial(coord.addr, client.Options{CallTimeout: 30 * time.Second})
	if err != nil {
		return err
	}
	defer cl.Close()
	pushed, err := cl.PushModel(ctx, art)
	if err != nil {
		return err
	}
	step("started a coordinator on %s in chain mode (settlement address %s) and a worker; pushed the model as %s", coord.addr, provr.From, pushed.ModelId)

	// 5. The requester escrows the price for an inference on its input, then
	// hands the input to the coordinator (the chain holds its commitment only).
	ic, err := chain.InputCommitment(arts, demoInput)
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
	inputJSON, err := json.Marshal(map[string]any{"input_data": demoInput})
	if err != nil {
		return err
	}
	fj, err := cl.Submit(ctx, client.Job{Input: inputJSON, ChainJob: job.String()})
	if err != nil {
		return err
	}
	step("requester sent the input to the coordinator: farm job %s", fj.JobId)

	// 6. The farm proves the job bound to the job id and the settlement
	// address; the coordinator verifies the proof, records the settlement and
	// submits it on chain.
	fj, err = cl.Wait(ctx, fj.JobId, nil)
	if err != nil {
		return err
	}
	if fj.State != api.JobState_JOB_STATE_DONE {
		return fmt.Errorf("farm job %s is %s: %s", fj.JobId, client.StateName(fj.State), fj.Error)
	}
	proofJSON, err := cl.Proof(ctx, fj.JobId)
	if err != nil {
		return err
	}
	var pf verifier.ProofFile
	if err := json.Unmarshal(proofJSON, &pf); err != nil {
		return err
	}
	res.ProveSeconds, res.Prover = pf.ProveSeconds, provr.From.Hex()
	step("worker %s proved job %s in %.2fs; the coordinator verified it: outputs %v", fj.Worker, job, pf.ProveSeconds, pf.OutputData)
	for fj.Settlement != string(store.SettleSettled) {
		if st := store.SettleState(fj.Settlement); st.Final() {
			return fmt.Errorf("settlement of job %s %s: %s", job, st, fj.SettlementDetail)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for the settlement of job %s: %w", job, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
		if fj, err = cl.Get(ctx, fj.JobId); err != nil {
			return err
		}
	}
	cd, err := chain.ProofCalldata(&pf)
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
	res.VerifyGas, res.SettleGas, res.Output = vgas, fj.SettlementGas, verifier.Hex(cd.Output)
	j, err := provr.Job(ctx, job)
	if err != nil {
		return err
	}
	res.VerifiedOnchain = j.Status == chain.StatusPaid && j.Prover == provr.From
	step("coordinator submitted the proof in tx %s: verified on chain, job %s %s (verify %d gas, settle %d gas)", fj.SettlementTx, job, j.Status, vgas, fj.SettlementGas)

	// 7. Pull payments.
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

// demoFarm is the demo's in-process coordinator and worker.
type demoFarm struct {
	addr string
	stop func()
}

// startDemoFarm starts a coordinator in chain mode settling with settle,
// watching from block from, and one CPU worker; stop ends both.
func startDemoFarm(ctx context.Context, dir string, settle *chain.Client, from uint64) (*demoFarm, error) {
	cfg := farm.Defaults
	cfg.DataDir = filepath.Join(dir, "farm")
	cfg.PollInterval = 50 * time.Millisecond
	cfg.ReapInterval = 200 * time.Millisecond
	cfg.SettleInterval = 200 * time.Millisecond
	cfg.Chain, cfg.ChainFrom = settle, from
	co, err := farm.New(cfg)
	if err != nil {
		return nil, err
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	served := make(chan struct{})
	go func() { defer close(served); co.Serve(lis) }()
	wcfg := worker.Defaults
	wcfg.Coordinator, wcfg.CacheDir, wcfg.Name, wcfg.ReconnectDelay = lis.Addr().String(), filepath.Join(dir, "worker"), "demo-worker", 50*time.Millisecond
	stopCoord := func() {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		co.Shutdown(sctx)
		<-served
	}
	w, err := worker.New(wcfg)
	if err != nil {
		stopCoord()
		return nil, err
	}
	wctx, wcancel := context.WithCancel(context.WithoutCancel(ctx))
	worked := make(chan struct{})
	go func() { defer close(worked); w.Run(wctx) }()
	return &demoFarm{addr: lis.Addr().String(), stop: func() {
		wcancel()
		<-worked
		w.Close()
		stopCoord()
	}}, nil
}
