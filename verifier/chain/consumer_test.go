package chain

import (
	"bytes"
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/consensys/gnark/backend/groth16"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/zkml/zkml/internal/solctest"
)

// consumers are callback targets that misbehave in each way a registry
// must survive: revert, burn all their gas, return a large blob, re-enter
// the registry to be paid twice, or record what they got (the honest one).
const consumers = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;
interface IRegistry {
    function submitProof(uint256 job, bytes calldata proof, uint256 output) external;
    function withdraw() external;
}
contract Reverts { function onInference(uint256, uint256, uint256) external pure { revert("no"); } }
contract Burns { function onInference(uint256, uint256, uint256) external pure { while (true) {} } }
contract Blob { function onInference(uint256, uint256, uint256) external pure { assembly { return(0, 20000) } } }
contract Reenters {
    IRegistry immutable r;
    bytes proof;
    uint256 public okCalls;
    constructor(address registry) { r = IRegistry(registry); }
    function arm(bytes calldata p) external { proof = p; }
    function onInference(uint256 job, uint256, uint256 output) external {
        (bool ok,) = address(r).call(abi.encodeCall(IRegistry.submitProof, (job, proof, output)));
        if (ok) okCalls++;
        (ok,) = address(r).call(abi.encodeCall(IRegistry.withdraw, ()));
        if (ok) okCalls++;
    }
}
contract Records {
    address immutable r;
    uint256 public job; uint256 public model; uint256 public output;
    constructor(address registry) { r = registry; }
    function onInference(uint256 job_, uint256 model_, uint256 output_) external {
        require(msg.sender == r, "not the registry");
        (job, model, output) = (job_, model_, output_);
    }
}
`

// TestConsumerCallback: a paid job's output is stored and handed to its
// consumer; a consumer that reverts, burns its gas, returns a blob or
// re-enters never blocks or doubles the prover's payment, and a requester
// cannot ask for a callback without a consumer or beyond the gas cap.
func TestConsumerCallback(t *testing.T) {
	m := newMarket(t)
	ctx := m.ctx
	cs := solctest.Compile(t, map[string]string{"Consumers.sol": consumers})
	deploy := func(name string, withRegistry bool) (common.Address, abi.ABI) {
		c := cs[name]
		a, err := abi.JSON(bytes.NewReader([]byte(c.ABI)))
		if err != nil {
			t.Fatal(err)
		}
		code := c.Bin
		if withRegistry {
			ctor, _ := a.Pack("", m.owner.Registry)
			code = append(append([]byte(nil), code...), ctor...)
		}
		return deployCode(t, m.other, code), a
	}
	head := func() time.Time {
		h, err := m.chain.HeaderByNumber(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		return time.Unix(int64(h.Time), 0)
	}
	// settle requests a job for consumer, proves and settles it, and
	// returns whether the consumer's call succeeded.
	settle := func(consumer common.Address, gas uint32, arm func(job *big.Int, cd *Calldata)) (bool, uint64) {
		t.Helper()
		job, _, err := m.requester.RequestJobFor(ctx, m.model, m.inputCommitment, head().Add(time.Hour), consumer, gas)
		if err != nil {
			t.Fatal(err)
		}
		cd := m.prove(job, m.prover.From)
		if arm != nil {
			arm(job, cd)
		}
		before, _ := m.prover.Credit(ctx, m.prover.From)
		rc, err := m.prover.SubmitProof(ctx, job, cd)
		if err != nil {
			t.Fatalf("consumer %s: the prover was not paid: %v", consumer, err)
		}
		after, _ := m.prover.Credit(ctx, m.prover.From)
		royalty := new(big.Int).Div(new(big.Int).Mul(m.price, big.NewInt(royaltyBps)), big.NewInt(10_000))
		if got := new(big.Int).Sub(after, before); got.Cmp(new(big.Int).Sub(m.price, royalty)) != 0 {
			t.Errorf("consumer %s: prover credited %s wei, want the price less the royalty", consumer, got)
		}
		j, err := m.prover.Job(ctx, job)
		if err != nil {
			t.Fatal(err)
		}
		if j.Status != StatusPaid || j.Output.Cmp(cd.Output) != 0 || j.Consumer != consumer || j.CallbackGas != gas {
			t.Errorf("job %s after settlement: %+v; want paid with output %s for consumer %s", job, j, cd.Output, consumer)
		}
		for _, l := range rc.Logs {
			if ev, err := m.prover.abi.UnpackConsumerCalledEvent(l); err == nil {
				return ev.Ok, rc.GasUsed
			}
		}
		t.Fatalf("consumer %s: no ConsumerCalled event", consumer)
		return false, 0
	}

	t.Run("the honest consumer gets the verified output", func(t *testing.T) {
		addr, a := deploy("Records", true)
		var job *big.Int
		ok, gas := settle(addr, 100_000, func(j *big.Int, _ *Calldata) { job = j })
		if !ok {
			t.Fatal("the recording consumer's call failed")
		}
		cd := m.prove(job, m.prover.From)
		for method, want := range map[string]*big.Int{"job": job, "model": m.model, "output": cd.Output} {
			data, _ := a.Pack(method)
			out, err := m.prover.Call(ctx, addr, data)
			if err != nil {
				t.Fatal(err)
			}
			if v, _ := a.Unpack(method, out); v[0].(*big.Int).Cmp(want) != 0 {
				t.Errorf("consumer's %s: %v, want %s", method, v[0], want)
			}
		}
		// three new storage slots: more than the example vault's budget
		t.Logf("settle + recording callback gas %d", gas)
	})
	for _, name := range []string{"Reverts", "Burns"} {
		t.Run("a consumer that "+name+" does not block payment", func(t *testing.T) {
			addr, _ := deploy(name, false)
			if ok, gas := settle(addr, 50_000, nil); ok {
				t.Errorf("%s's call reported success", name)
			} else {
				t.Logf("%s: settle gas %d", name, gas)
			}
		})
	}
	t.Run("a consumer's return data is not copied", func(t *testing.T) {
		addr, _ := deploy("Blob", false)
		if ok, gas := settle(addr, 50_000, nil); !ok {
			t.Error("the blob consumer's call failed")
		} else {
			t.Logf("blob: settle gas %d", gas)
		}
	})
	t.Run("a re-entering consumer cannot be paid twice", func(t *testing.T) {
		addr, a := deploy("Reenters", true)
		// the consumer re-submits the same (valid) proof from inside the
		// callback: the job is already paid, and the proof binds the prover
		settle(addr, 200_000, func(_ *big.Int, cd *Calldata) {
			data, _ := a.Pack("arm", cd.Proof)
			if _, err := m.other.Transact(ctx, &addr, data, nil); err != nil {
				t.Fatal(err)
			}
		})
		data, _ := a.Pack("okCalls")
		out, err := m.prover.Call(ctx, addr, data)
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := a.Unpack("okCalls", out); v[0].(*big.Int).Sign() != 0 {
			t.Errorf("%v re-entrant calls succeeded", v[0])
		}
	})
	t.Run("callback gas goes with a consumer and within the cap", func(t *testing.T) {
		addr, _ := deploy("Reverts", false)
		for _, c := range []struct {
			consumer common.Address
			gas      uint32
		}{{addr, 0}, {common.Address{}, 1000}, {addr, 1_000_001}} {
			if _, _, err := m.requester.RequestJobFor(ctx, m.model, m.inputCommitment, head().Add(time.Hour), c.consumer, c.gas); !errors.Is(err, ErrReverted) {
				t.Errorf("consumer %s gas %d: got %v, want a BadCallbackGas revert", c.consumer, c.gas, err)
			}
		}
	})
	t.Run("a prover cannot starve the callback", func(t *testing.T) {
		addr, _ := deploy("Records", true)
		job, _, err := m.requester.RequestJobFor(ctx, m.model, m.inputCommitment, head().Add(time.Hour), addr, 300_000)
		if err != nil {
			t.Fatal(err)
		}
		cd := m.prove(job, m.prover.From)
		data := m.prover.abi.PackSubmitProof(job, cd.Proof, cd.Output)
		// enough for the proof check and the payment, not for the 300k callback
		err = m.prover.sendWithGas(ctx, &m.prover.Registry, data, 420_000)
		if err == nil {
			t.Fatal("a settlement with too little gas for the callback went through")
		}
		if j, _ := m.prover.Job(ctx, job); j.Status != StatusOpen {
			t.Fatalf("job %s is %s after a starved settlement; it must stay open", job, j.Status)
		}
	})
}

// TestModelToken: a model is an ERC-721 token; the royalty follows its
// holder, only the holder sets the price or retires it, and an open job
// keeps the terms it was requested on.
func TestModelToken(t *testing.T) {
	m := newMarket(t)
	ctx := m.ctx
	if h, err := m.owner.Holder(ctx, m.model); err != nil || h != m.owner.From {
		t.Fatalf("holder of a new model: %s %v, want its registrant %s", h, err, m.owner.From)
	}
	old := m.request(time.Hour) // at the first price
	if _, err := m.owner.TransferModel(ctx, m.model, m.other.From); err != nil {
		t.Fatal(err)
	}
	if h, _ := m.owner.Holder(ctx, m.model); h != m.other.From {
		t.Fatalf("holder after transfer: %s, want %s", h, m.other.From)
	}
	if _, err := m.owner.SetPrice(ctx, m.model, big.NewInt(1)); !errors.Is(err, ErrNotHolder) {
		t.Fatalf("the former holder set the price: %v, want ErrNotHolder", err)
	}
	if _, err := m.owner.TransferModel(ctx, m.model, m.owner.From); !errors.Is(err, ErrNotHolder) {
		t.Fatalf("the former holder took the model back: %v, want ErrNotHolder", err)
	}
	price2 := new(big.Int).Mul(m.price, big.NewInt(2))
	if _, err := m.other.SetPrice(ctx, m.model, price2); err != nil {
		t.Fatal(err)
	}
	newJob := m.request(time.Hour) // at the new price
	for _, c := range []struct {
		job, amount *big.Int
	}{{old, m.price}, {newJob, price2}} {
		j, err := m.prover.Job(ctx, c.job)
		if err != nil {
			t.Fatal(err)
		}
		if j.Amount.Cmp(c.amount) != 0 {
			t.Errorf("job %s escrows %s wei, want %s", c.job, j.Amount, c.amount)
		}
	}
	if _, err := m.owner.Retire(ctx, m.model); !errors.Is(err, ErrNotHolder) {
		t.Fatalf("the former holder retired the model: %v", err)
	}
	if _, err := m.other.Retire(ctx, m.model); err != nil {
		t.Fatal(err)
	}
	if _, _, err := m.requester.RequestJob(ctx, m.model, m.inputCommitment, time.Now().Add(time.Hour)); !errors.Is(err, ErrRetired) {
		t.Fatalf("a job on a retired model: %v, want ErrRetired", err)
	}
	// both open jobs still settle, each on its own terms, royalty to the holder
	ownerBefore, _ := m.prover.Credit(ctx, m.owner.From)
	for _, c := range []struct {
		job, amount *big.Int
	}{{old, m.price}, {newJob, price2}} {
		before, _ := m.prover.Credit(ctx, m.other.From)
		if _, err := m.prover.SubmitProof(ctx, c.job, m.prove(c.job, m.prover.From)); err != nil {
			t.Fatal(err)
		}
		after, _ := m.prover.Credit(ctx, m.other.From)
		royalty := new(big.Int).Div(new(big.Int).Mul(c.amount, big.NewInt(royaltyBps)), big.NewInt(10_000))
		if got := new(big.Int).Sub(after, before); got.Cmp(royalty) != 0 {
			t.Errorf("job %s: holder's royalty %s wei, want %s", c.job, got, royalty)
		}
	}
	if after, _ := m.prover.Credit(ctx, m.owner.From); after.Cmp(ownerBefore) != 0 {
		t.Errorf("the former holder was credited %s wei after the transfer", new(big.Int).Sub(after, ownerBefore))
	}
}

// sendWithGas sends a transaction with a fixed gas limit, as a prover
// skimping on gas would, and returns its revert as an error.
func (c *Client) sendWithGas(ctx context.Context, to *common.Address, data []byte, gas uint64) error {
	head, err := c.Chain.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	nonce, err := c.Chain.PendingNonceAt(ctx, c.From)
	if err != nil {
		return err
	}
	tip := big.NewInt(1e9)
	tx, err := types.SignNewTx(c.key, types.LatestSignerForChainID(c.chainID), &types.DynamicFeeTx{ChainID: c.chainID, Nonce: nonce,
		GasTipCap: tip, GasFeeCap: new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2))), Gas: gas, To: to, Data: data})
	if err != nil {
		return err
	}
	if err := c.Chain.SendTransaction(ctx, tx); err != nil {
		return err
	}
	c.ResetNonce()
	rc, err := c.Wait(ctx, tx.Hash())
	if err != nil {
		return err
	}
	return c.Reverted(ctx, tx, rc)
}

// TestCheckModel: the registry records the verifying key's hash as the Go
// side computes it, and a registration of the same commitment with keys
// from another setup is told apart (anyone can register a commitment).
func TestCheckModel(t *testing.T) {
	m := newMarket(t)
	if _, err := m.prover.CheckModel(m.ctx, m.model, m.pr.A); err != nil {
		t.Fatalf("the registered model: %v", err)
	}
	ccs, err := m.pr.A.LoadCircuit()
	if err != nil {
		t.Fatal(err)
	}
	_, otherVK, err := groth16.Setup(ccs) // the same circuit, another setup's keys
	if err != nil {
		t.Fatal(err)
	}
	copied, _, err := m.other.RegisterModel(m.ctx, Model{Commitment: m.pr.A.ID, VK: otherVK, Price: big.NewInt(0), RoyaltyBps: 10_000})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.prover.CheckModel(m.ctx, copied, m.pr.A); !errors.Is(err, ErrNotThisModel) {
		t.Fatalf("a copied registration with other keys: %v, want ErrNotThisModel", err)
	}
}
