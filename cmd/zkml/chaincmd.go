package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/contracts/registry"
	"github.com/zkml/zkml/prover/client"
	"github.com/zkml/zkml/verifier"
	"github.com/zkml/zkml/verifier/chain"
)

// chainFlags are the flags every chain step shares: where the chain is,
// the key it sends with and the registry.
type chainFlags struct {
	rpc, key, registry string
	needsRegistry      bool
	timeout            time.Duration
}

func (f *chainFlags) register(fs *flag.FlagSet, sends, needsRegistry bool) {
	rpc := os.Getenv("ZKML_CHAIN_RPC")
	if rpc == "" {
		rpc = "http://127.0.0.1:8545"
	}
	fs.StringVar(&f.rpc, "rpc", rpc, "JSON-RPC URL of the chain (default $ZKML_CHAIN_RPC, else zkml chain dev's)")
	if sends {
		fs.StringVar(&f.key, "key", os.Getenv("ZKML_CHAIN_KEY"), "hex private key to send with (default $ZKML_CHAIN_KEY)")
	}
	f.needsRegistry = needsRegistry
	if needsRegistry {
		fs.StringVar(&f.registry, "registry", os.Getenv("ZKML_REGISTRY"), "registry address (default $ZKML_REGISTRY)")
	}
	fs.DurationVar(&f.timeout, "timeout", 5*time.Minute, "give up after this long")
}

// connect dials the chain and returns a client for the registry (none for
// deploy) with the key, or a throwaway one for a step that only reads.
func (f *chainFlags) connect(sends bool) (*chain.Client, *chain.Chain, *ecdsa.PrivateKey, context.Context, func(), error) {
	var key *ecdsa.PrivateKey
	var err error
	switch {
	case f.key != "":
		if key, err = chain.ParseKey(f.key); err != nil {
			return nil, nil, nil, nil, nil, fmt.Errorf("--key: %w", err)
		}
	case sends:
		return nil, nil, nil, nil, nil, errors.New("--key (or $ZKML_CHAIN_KEY) is required: this step sends a transaction")
	default:
		if key, err = crypto.GenerateKey(); err != nil {
			return nil, nil, nil, nil, nil, err
		}
	}
	if f.registry == "" && f.needsRegistry {
		return nil, nil, nil, nil, nil, errors.New("--registry (or $ZKML_REGISTRY) is required: the address zkml chain deploy printed")
	}
	if f.registry != "" && !common.IsHexAddress(f.registry) {
		return nil, nil, nil, nil, nil, fmt.Errorf("--registry %q: want a 0x address", f.registry)
	}
	ctx, cancel := context.WithTimeout(context.Background(), f.timeout)
	c, err := chain.Dial(ctx, f.rpc)
	if err != nil {
		cancel()
		return nil, nil, nil, nil, nil, err
	}
	done := func() { c.Close(); cancel() }
	if f.registry == "" {
		return nil, c, key, ctx, done, nil
	}
	cl, err := chain.New(ctx, c, key, common.HexToAddress(f.registry))
	if err != nil {
		done()
		return nil, nil, nil, nil, nil, err
	}
	return cl, c, key, ctx, done, nil
}

// parseConnect parses a step's flags, checks the required ones and connects.
func (f *chainFlags) parseConnect(fs *flag.FlagSet, args []string, sends bool, need ...string) (*chain.Client, *chain.Chain, *ecdsa.PrivateKey, context.Context, func(), error) {
	if err := fs.Parse(args); err != nil {
		return nil, nil, nil, nil, nil, err
	}
	if err := required(fs, need...); err != nil {
		return nil, nil, nil, nil, nil, err
	}
	return f.connect(sends)
}

// reportTx prints a transaction's hash and gas to stderr.
func reportTx(stderr io.Writer, step string, rc *types.Receipt) {
	if rc != nil {
		fmt.Fprintf(stderr, "[chain %s] tx %s block %d gas %d\n", step, rc.TxHash.Hex(), rc.BlockNumber, rc.GasUsed)
	}
}

// parseID parses a decimal model or job id.
func parseID(flagName, s string) (*big.Int, error) {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok || v.Sign() <= 0 || len(s) > 78 {
		return nil, fmt.Errorf("--%s %q: want the decimal id the registry gave", flagName, s)
	}
	return v, nil
}

func parseWei(flagName, s string) (*big.Int, error) {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok || v.Sign() < 0 || v.BitLen() > 96 {
		return nil, fmt.Errorf("--%s %q: want a whole number of wei below 2^96", flagName, s)
	}
	return v, nil
}

func runChainDeploy(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("chain deploy", stderr)
	var f chainFlags
	f.register(fs, true, false)
	_, c, key, ctx, done, err := f.parseConnect(fs, args, true)
	if err != nil {
		return err
	}
	defer done()
	cl, rc, err := chain.Deploy(ctx, c, key)
	if err != nil {
		return err
	}
	reportTx(stderr, "deploy", rc)
	fmt.Fprintln(stdout, cl.Registry.Hex())
	return nil
}

func runChainRegister(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("chain register", stderr)
	var f chainFlags
	f.register(fs, true, true)
	dir := fs.String("artifacts", "", "directory written by zkml compile (model.json and verifying.key are read)")
	price := fs.String("price", "", "wei a job costs")
	royalty := fs.Uint("royalty-bps", 0, "the model holder's share of each payment, in basis points (0..10000)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "artifacts", "price"); err != nil {
		return err
	}
	wei, err := parseWei("price", *price)
	if err != nil {
		return err
	}
	if *royalty > 10_000 {
		return fmt.Errorf("--royalty-bps %d: must be within 0..10000", *royalty)
	}
	a, err := model.Load(*dir)
	if err != nil {
		return err
	}
	cl, _, _, ctx, done, err := f.connect(true)
	if err != nil {
		return err
	}
	defer done()
	id, rc, err := cl.RegisterModel(ctx, chain.Model{Commitment: a.ID, VK: a.VK, Price: wei, RoyaltyBps: uint16(*royalty), Setup: a.Meta.KeySetup()})
	reportTx(stderr, "register", rc)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "[chain register] model %s (%s) registered: price %s wei, royalty %d bps, keys: %s\n", id, a.Meta.ModelID, wei, *royalty, a.Meta.KeySetup().Kind)
	fmt.Fprintln(stdout, id)
	return nil
}

func runChainRequest(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("chain request", stderr)
	var f chainFlags
	f.register(fs, true, true)
	var cf clientFlags
	fs.StringVar(&cf.addr, "coordinator", "", "coordinator HOST:PORT to deliver the input to (needed when the input is a commitment)")
	fs.StringVar(&cf.token, "token", os.Getenv("ZKML_TOKEN"), "requester token for --coordinator (default $ZKML_TOKEN)")
	fs.StringVar(&cf.tlsCA, "tls-ca", os.Getenv("ZKML_TLS_CA"), "PEM file of the CA of --coordinator's certificate (default $ZKML_TLS_CA)")
	modelFlag := fs.String("model", "", "the registered model id (zkml chain register printed it)")
	input := fs.String("input", "", "input file (input.json format)")
	dir := fs.String("artifacts", "", "the model's compiled artifacts (model.json, program.bin and verifying.key are read: no proving key)")
	deadline := fs.Duration("deadline", time.Hour, "how long provers have; then the escrow is refundable")
	consumer := fs.String("consumer", "", "a contract to call back with the verified output (IInferenceConsumer)")
	callbackGas := fs.Uint("callback-gas", 200_000, "with --consumer: the gas its callback gets (at most 1000000)")
	maxPrice := fs.String("max-price", "", "refuse to escrow more than this many wei (default: any price)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "model", "input", "artifacts"); err != nil {
		return err
	}
	mid, err := parseID("model", *modelFlag)
	if err != nil {
		return err
	}
	if *deadline <= 0 {
		return fmt.Errorf("--deadline %s: must be positive", *deadline)
	}
	var cons common.Address
	var gas uint32
	gasSet := false
	fs.Visit(func(fl *flag.Flag) { gasSet = gasSet || fl.Name == "callback-gas" })
	if gasSet && *consumer == "" {
		return errors.New("--callback-gas needs --consumer")
	}
	if *consumer != "" {
		if !common.IsHexAddress(*consumer) {
			return fmt.Errorf("--consumer %q: want a 0x address", *consumer)
		}
		if *callbackGas == 0 || *callbackGas > 1_000_000 {
			return fmt.Errorf("--callback-gas %d: must be within 1..1000000", *callbackGas)
		}
		cons, gas = common.HexToAddress(*consumer), uint32(*callbackGas)
	}
	v, meta, err := inputValue(*dir, *input)
	if err != nil {
		return err
	}
	a, err := model.Load(*dir) // the verifying key, to check the registration
	if err != nil {
		return err
	}
	if meta.InputHashed() && cf.addr == "" {
		fmt.Fprintf(stderr, "[chain request] the input is a commitment: deliver it to a coordinator with zkml submit --chain-job, or pass --coordinator\n")
	}
	cl, c, _, ctx, done, err := f.connect(true)
	if err != nil {
		return err
	}
	defer done()
	// the registration must be these artifacts: the same commitment and
	// the same verifying key (anyone can register a commitment, with keys
	// of their own that would let them forge the proof)
	info, err := cl.CheckModel(ctx, mid, a)
	if err != nil {
		return err
	}
	if info.Retired {
		return fmt.Errorf("model %s is retired: it takes no new jobs", mid)
	}
	if *maxPrice != "" {
		limit, err := parseWei("max-price", *maxPrice)
		if err != nil {
			return err
		}
		if info.Price.Cmp(limit) > 0 {
			return fmt.Errorf("model %s costs %s wei, above --max-price %s", mid, info.Price, limit)
		}
	}
	if ks, err := cl.KeySetup(ctx, mid); err == nil {
		fmt.Fprintf(stderr, "[chain request] model %s keys: %s\n", mid, ks)
	}
	head, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	// the deadline counts from the chain's clock, which a proof is checked against
	job, rc, err := cl.RequestJobFor(ctx, mid, v, time.Unix(int64(head.Time), 0).Add(*deadline), cons, gas)
	reportTx(stderr, "request", rc)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "[chain request] job %s: model %s, input %s (%s), escrowed %s wei\n", job, mid, verifier.Hex(v), meta.InputEncoding, info.Price)
	if cf.addr != "" && meta.InputHashed() {
		raw, err := os.ReadFile(*input)
		if err != nil {
			return err
		}
		o, err := cf.options()
		if err != nil {
			return err
		}
		fc, err := client.Dial(cf.addr, o)
		if err != nil {
			return err
		}
		defer fc.Close()
		j, err := fc.Submit(ctx, client.Job{Input: raw, ChainJob: job.String()})
		if err != nil {
			return fmt.Errorf("job %s is escrowed, but delivering its input to %s failed (retry with zkml submit --chain-job %s): %w", job, cf.addr, job, err)
		}
		fmt.Fprintf(stderr, "[chain request] input delivered to %s: farm job %s\n", cf.addr, j.JobId)
	}
	fmt.Fprintln(stdout, job)
	return nil
}

// jobReport is `zkml chain job --json`.
type jobReport struct {
	Job         string      `json:"job"`
	Model       string      `json:"model"`
	State       string      `json:"state"`
	Requester   string      `json:"requester"`
	Amount      string      `json:"amount_wei"`
	Deadline    string      `json:"deadline"`
	Refundable  bool        `json:"refundable,omitempty"`
	Input       string      `json:"input"`
	Consumer    string      `json:"consumer,omitempty"`
	CallbackGas uint32      `json:"callback_gas,omitempty"`
	Prover      string      `json:"prover,omitempty"`
	Paid        string      `json:"paid_wei,omitempty"`
	Royalty     string      `json:"royalty_wei,omitempty"`
	SettleTx    string      `json:"settle_tx,omitempty"`
	SettleGas   uint64      `json:"settle_gas,omitempty"`
	Output      string      `json:"output,omitempty"`
	OutputData  [][]float64 `json:"output_data,omitempty"`
	ConsumerOK  *bool       `json:"consumer_ok,omitempty"`
}

func runChainJob(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("chain job", stderr)
	var f chainFlags
	f.register(fs, false, true)
	jobFlag := fs.String("job", "", "the job id (zkml chain request printed it)")
	dir := fs.String("artifacts", "", "the model's artifacts, to decode the verified output (model.json)")
	wait := fs.Bool("wait", false, "wait until the job is paid or refunded, or its deadline passes")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "job"); err != nil {
		return err
	}
	id, err := parseID("job", *jobFlag)
	if err != nil {
		return err
	}
	var meta *model.Meta
	if *dir != "" {
		if meta, err = model.LoadMeta(*dir); err != nil {
			return err
		}
	}
	cl, c, _, ctx, done, err := f.connect(false)
	if err != nil {
		return err
	}
	defer done()
	var j *chain.Job
	var expired bool
	for {
		if j, err = cl.Job(ctx, id); err != nil {
			return err
		}
		head, err := c.HeaderByNumber(ctx, nil)
		if err != nil {
			return err
		}
		expired = j.Status == chain.StatusOpen && head.Time > uint64(j.Deadline.Unix())
		if !*wait || j.Status != chain.StatusOpen || expired {
			break
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("job %s still open: %w", id, ctx.Err())
		case <-time.After(500 * time.Millisecond):
		}
	}
	r := jobReport{Job: id.String(), Model: j.Model.String(), State: j.Status.String(), Requester: j.Requester.Hex(), Amount: j.Amount.String(),
		Deadline: j.Deadline.UTC().Format(time.RFC3339), Refundable: expired, Input: verifier.Hex(j.Input)}
	if j.Consumer != (common.Address{}) {
		r.Consumer, r.CallbackGas = j.Consumer.Hex(), j.CallbackGas
	}
	if j.Status == chain.StatusPaid {
		r.Prover, r.Output = j.Prover.Hex(), verifier.Hex(j.Output)
		evs, err := cl.JobEvents(ctx, id)
		if err != nil {
			return err
		}
		for _, ev := range evs {
			switch {
			case ev.JobPaid != nil:
				r.Paid, r.Royalty, r.SettleTx = ev.JobPaid.ProverAmount.String(), ev.JobPaid.Royalty.String(), ev.TxHash.Hex()
				rc, err := c.TransactionReceipt(ctx, ev.TxHash)
				if err != nil {
					return err
				}
				r.SettleGas = rc.GasUsed
			case ev.ConsumerCalled != nil:
				ok := ev.ConsumerCalled.Ok
				r.ConsumerOK = &ok
			}
		}
		if meta != nil {
			want, err := verifier.ParseHex(meta.ModelID)
			if err != nil {
				return fmt.Errorf("--artifacts %s: %s: model_id %q: %v", *dir, model.MetaFile, meta.ModelID, err)
			}
			m, err := cl.Model(ctx, j.Model)
			if err != nil {
				return err
			}
			if m.Commitment.Cmp(want) != 0 {
				return fmt.Errorf("job %s is for model %s (commitment %s), not --artifacts %s's model %s", id, j.Model, verifier.Hex(m.Commitment), *dir, meta.ModelID)
			}
			if r.OutputData, err = meta.DecodeOutput(j.Output); err != nil {
				fmt.Fprintf(stderr, "[chain job] %v\n", err)
			}
		}
	}
	if *asJSON {
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, string(b))
		return nil
	}
	fmt.Fprintf(stdout, "job %s: model %s, %s, escrow %s wei, deadline %s\n", r.Job, r.Model, r.State, r.Amount, r.Deadline)
	if r.Refundable {
		fmt.Fprintln(stdout, "  deadline passed unpaid: the requester can zkml chain refund it")
	}
	if r.State == "paid" {
		fmt.Fprintf(stdout, "  prover %s paid %s wei, royalty %s wei, settle gas %d (tx %s)\n", r.Prover, r.Paid, r.Royalty, r.SettleGas, r.SettleTx)
		fmt.Fprintf(stdout, "  output %s", r.Output)
		if r.OutputData != nil {
			fmt.Fprintf(stdout, " = %v", r.OutputData)
		}
		fmt.Fprintln(stdout)
		if r.ConsumerOK != nil {
			fmt.Fprintf(stdout, "  consumer %s called back: ok=%v\n", r.Consumer, *r.ConsumerOK)
		}
	}
	fmt.Fprintln(stdout, r.State)
	return nil
}

func runChainRefund(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("chain refund", stderr)
	var f chainFlags
	f.register(fs, true, true)
	jobFlag := fs.String("job", "", "the job id")
	cl, _, _, ctx, done, err := f.parseConnect(fs, args, true, "job")
	if err != nil {
		return err
	}
	defer done()
	id, err := parseID("job", *jobFlag)
	if err != nil {
		return err
	}
	j, err := cl.Job(ctx, id)
	if err != nil {
		return err
	}
	rc, err := cl.Refund(ctx, id)
	reportTx(stderr, "refund", rc)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "[chain refund] %s wei credited to the requester %s: zkml chain withdraw with its key pays it out\n", j.Amount, j.Requester.Hex())
	fmt.Fprintln(stdout, j.Amount)
	return nil
}

func runChainWithdraw(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("chain withdraw", stderr)
	var f chainFlags
	f.register(fs, true, true)
	cl, _, _, ctx, done, err := f.parseConnect(fs, args, true)
	if err != nil {
		return err
	}
	defer done()
	credit, err := cl.Credit(ctx, cl.From)
	if err != nil {
		return err
	}
	rc, err := cl.Withdraw(ctx)
	reportTx(stderr, "withdraw", rc)
	if err != nil {
		return err
	}
	for _, l := range rc.Logs {
		if ev, err := registry.NewRegistry().UnpackWithdrawnEvent(l); err == nil {
			credit = ev.Amount
		}
	}
	fmt.Fprintf(stderr, "[chain withdraw] %s wei sent to %s\n", credit, cl.From.Hex())
	fmt.Fprintln(stdout, credit)
	return nil
}

// calldataReport is what `zkml chain calldata` prints: submitProof's
// arguments, and the whole call's ABI encoding.
type calldataReport struct {
	Job      string `json:"job"`
	Proof    string `json:"proof"`
	Output   string `json:"output"`
	Calldata string `json:"calldata"`
	Prover   string `json:"prover"`
}

func runChainCalldata(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("chain calldata", stderr)
	proof := fs.String("proof", "", "proof file (zkml prove or zkml fetch wrote it)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "proof"); err != nil {
		return err
	}
	pf, err := verifier.ReadProofFile(*proof)
	if err != nil {
		return err
	}
	cd, err := chain.ProofCalldata(pf)
	if err != nil {
		return err
	}
	job := cd.Public[3]
	if job.Sign() == 0 {
		fmt.Fprintln(stderr, "[chain calldata] the proof's job is 0: the registry accepts a proof only for the job it binds (prove with --job N --prover ADDR)")
	}
	data, err := registry.NewRegistry().TryPackSubmitProof(job, cd.Proof, cd.Output)
	if err != nil {
		return err
	}
	b, err := json.Marshal(calldataReport{Job: job.String(), Proof: "0x" + hex.EncodeToString(cd.Proof), Output: verifier.Hex(cd.Output),
		Calldata: "0x" + hex.EncodeToString(data), Prover: fmt.Sprintf("0x%040x", cd.Public[4])})
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "[chain calldata] submitProof(job, proof, output) from %s, the address the proof binds\n", fmt.Sprintf("0x%040x", cd.Public[4]))
	fmt.Fprintln(stdout, string(b))
	return nil
}

// runChainModel changes a registered model: its price, its holder or its
// retirement (its holder only).
func runChainModel(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("chain model", stderr)
	var f chainFlags
	f.register(fs, true, true)
	modelFlag := fs.String("model", "", "the model id")
	price := fs.String("price", "", "set the price of later jobs, in wei")
	to := fs.String("transfer-to", "", "hand the model (its token, royalties and control) to this address")
	retire := fs.Bool("retire", false, "take no new jobs (open jobs keep their terms)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "model"); err != nil {
		return err
	}
	mid, err := parseID("model", *modelFlag)
	if err != nil {
		return err
	}
	if *to != "" && !common.IsHexAddress(*to) {
		return fmt.Errorf("--transfer-to %q: want a 0x address", *to)
	}
	cl, _, _, ctx, done, err := f.connect(*price != "" || *to != "" || *retire)
	if err != nil {
		return err
	}
	defer done()
	if *price != "" {
		wei, err := parseWei("price", *price)
		if err != nil {
			return err
		}
		rc, err := cl.SetPrice(ctx, mid, wei)
		reportTx(stderr, "model price", rc)
		if err != nil {
			return err
		}
	}
	if *retire {
		rc, err := cl.Retire(ctx, mid)
		reportTx(stderr, "model retire", rc)
		if err != nil {
			return err
		}
	}
	if *to != "" {
		rc, err := cl.TransferModel(ctx, mid, common.HexToAddress(*to))
		reportTx(stderr, "model transfer", rc)
		if err != nil {
			return err
		}
	}
	m, err := cl.Model(ctx, mid)
	if err != nil {
		return err
	}
	ks, err := cl.KeySetup(ctx, mid)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "model %s: holder %s, price %s wei, royalty %d bps, retired %v, verifier %s, commitment %s, keys: %s\n",
		mid, m.Owner.Hex(), m.Price, m.RoyaltyBps, m.Retired, m.Verifier.Hex(), verifier.Hex(m.Commitment), ks)
	fmt.Fprintln(stdout, m.Owner.Hex())
	return nil
}
