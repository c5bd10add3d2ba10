// Command gas measures the gas of every registry transaction, on the
// embedded chain (Osaka rules) or on a JSON-RPC chain such as geth --dev,
// and prints a Markdown table for the README:
//
//	go run ./bench/gas                                   # embedded chain
//	go run ./bench/gas --rpc http://127.0.0.1:8545 --key HEX   # a dev chain's funded key
//
// The model is the 1l_mlp dev model (305 constraints: the proof check's
// cost does not depend on the model's size).
package main

import (
	"context"
	"crypto/ecdsa"
	"flag"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"time"

	"github.com/consensys/gnark/logger"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/internal/devmodel"
	"github.com/zkml/zkml/internal/vaulttest"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/verifier/chain"
)

func main() {
	rpc := flag.String("rpc", "", "JSON-RPC URL (default: the embedded chain)")
	key := flag.String("key", "", "with --rpc: a funded key that pays for everything")
	models := flag.String("models", "../shared/models/dev", "the shared dev models")
	flag.Parse()
	logger.Disable()
	if err := run(*rpc, *key, *models); err != nil {
		fmt.Fprintln(os.Stderr, "gas:", err)
		os.Exit(1)
	}
}

// deadlineOf is a job's deadline.
func deadlineOf(ctx context.Context, c *chain.Client, job *big.Int) time.Time {
	j, err := c.Job(ctx, job)
	if err != nil {
		return time.Now()
	}
	return j.Deadline
}

type row struct {
	what string
	gas  uint64
}

func run(rpc, keyHex, models string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	dir, err := os.MkdirTemp("", "zkml-gas-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	art := filepath.Join(dir, "art")
	inputs, err := devmodel.Compile(filepath.Join(models, "1l_mlp"), art)
	if err != nil {
		return err
	}
	pr, err := prover.Load(art)
	if err != nil {
		return err
	}
	keys := make([]*ecdsa.PrivateKey, 3) // owner, requester, prover
	for i := range keys {
		if keys[i], err = crypto.GenerateKey(); err != nil {
			return err
		}
	}
	eth := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	var c *chain.Chain
	name := "embedded chain (Osaka rules)"
	if rpc == "" {
		var addrs []common.Address
		for _, k := range keys {
			addrs = append(addrs, crypto.PubkeyToAddress(k.PublicKey))
		}
		c = chain.NewSimulated(new(big.Int).Mul(eth, big.NewInt(10)), addrs...)
	} else {
		if c, err = chain.Dial(ctx, rpc); err != nil {
			return err
		}
		funder, err := chain.ParseKey(keyHex)
		if err != nil {
			return err
		}
		fc, _, err := chain.Deploy(ctx, c, funder) // a client to fund the parties from
		if err != nil {
			return err
		}
		for _, k := range keys {
			if _, err := fc.Transfer(ctx, crypto.PubkeyToAddress(k.PublicKey), eth); err != nil {
				return err
			}
		}
		name = "geth --dev " + rpc
	}
	defer c.Close()

	var rows []row
	add := func(what string, rc *types.Receipt, err error) error {
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		rows = append(rows, row{what, rc.GasUsed})
		return nil
	}
	owner, rc, err := chain.Deploy(ctx, c, keys[0])
	if err := add("deploy the registry", rc, err); err != nil {
		return err
	}
	req, err := chain.New(ctx, c, keys[1], owner.Registry)
	if err != nil {
		return err
	}
	prv, err := chain.New(ctx, c, keys[2], owner.Registry)
	if err != nil {
		return err
	}
	rc, err = prv.OpenAccount(ctx)
	if err := add("openAccount (once per prover: a coordinator does it at start)", rc, err); err != nil {
		return err
	}
	price := big.NewInt(1e15)
	mid, rc, err := owner.RegisterModel(ctx, chain.Model{Commitment: pr.A.ID, VK: pr.A.VK, Price: price, RoyaltyBps: 500})
	if err := add("registerModel (deploys the model's verifier, mints its token)", rc, err); err != nil {
		return err
	}
	input, err := pr.A.Meta.InputValue(inputs)
	if err != nil {
		return err
	}
	now := func() time.Time {
		h, _ := c.HeaderByNumber(ctx, nil)
		return time.Unix(int64(h.Time), 0)
	}
	settle := func(what string, job *big.Int) error {
		pf, err := pr.Prove(prover.Request{Inputs: inputs, JobID: job, Prover: new(big.Int).SetBytes(prv.From.Bytes())})
		if err != nil {
			return err
		}
		cd, err := chain.ProofCalldata(pf)
		if err != nil {
			return err
		}
		rc, err := prv.SubmitProof(ctx, job, cd)
		return add(what, rc, err)
	}
	for i, what := range []string{"first", "later"} {
		job, rc, err := req.RequestJob(ctx, mid, input, now().Add(time.Hour))
		if err := add(fmt.Sprintf("requestJob (%s, no consumer)", what), rc, err); err != nil {
			return err
		}
		w := "submitProof: verify, pay, store the output (first job)"
		if i > 0 {
			w = "submitProof (later job)"
		}
		if err := settle(w, job); err != nil {
			return err
		}
	}
	vault, err := vaulttest.Deploy(ctx, req, mid, pr.A.Meta, 0, 1, new(big.Int).Mul(price, big.NewInt(4)))
	if err != nil {
		return err
	}
	q, err := pr.A.Meta.QuantizeInputs(inputs)
	if err != nil {
		return err
	}
	if err := vault.Observe(ctx, q[0]); err != nil {
		return err
	}
	for i := range 2 {
		job, g, err := vault.RequestAdvice(ctx, now().Add(time.Hour))
		if err != nil {
			return err
		}
		rows = append(rows, row{fmt.Sprintf("RebalanceVault.requestAdvice (requestJob with a consumer, %s)", map[int]string{0: "first", 1: "later"}[i]), g})
		if err := settle(fmt.Sprintf("submitProof + the vault's callback (%s)", map[int]string{0: "first", 1: "later"}[i]), job); err != nil {
			return err
		}
	}
	late, rc, err := req.RequestJob(ctx, mid, input, now().Add(2*time.Second))
	if err != nil {
		return err
	}
	if c.Sim != nil {
		c.Sim.Commit()
		if err := c.Sim.AdjustTime(time.Minute); err != nil {
			return err
		}
		c.Sim.Commit()
	} else { // geth --dev mines when a transaction comes (each block a second past the last): stamp blocks past the deadline
		for i := 0; i < 30 && !now().After(deadlineOf(ctx, req, late)); i++ {
			time.Sleep(time.Second)
			if _, err := req.Transfer(ctx, req.From, big.NewInt(1)); err != nil {
				return err
			}
		}
	}
	rc, err = req.Refund(ctx, late)
	if err := add("refund (after the deadline)", rc, err); err != nil {
		return err
	}
	rc, err = prv.Withdraw(ctx)
	if err := add("withdraw", rc, err); err != nil {
		return err
	}
	rc, err = owner.SetPrice(ctx, mid, big.NewInt(2e15))
	if err := add("setPrice", rc, err); err != nil {
		return err
	}
	rc, err = owner.TransferModel(ctx, mid, req.From)
	if err := add("safeTransferFrom (hand the model on)", rc, err); err != nil {
		return err
	}
	rc, err = req.Retire(ctx, mid)
	if err := add("retire", rc, err); err != nil {
		return err
	}
	fmt.Printf("\n%s:\n\n| transaction | gas |\n|---|---|\n", name)
	for _, r := range rows {
		fmt.Printf("| %s | %d |\n", r.what, r.gas)
	}
	return nil
}
