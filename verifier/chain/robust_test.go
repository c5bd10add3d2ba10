package chain

import (
	"context"
	"encoding/hex"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/verifier"
)

// A proof whose bytes declare 2^32-1 commitments once made gnark allocate
// 256 GiB and killed the process (a worker's result could take the
// coordinator down); the length is now checked first.
func TestProofBytesBounded(t *testing.T) {
	pr, in := devProver(t)
	pf, err := pr.Prove(prover.Request{Inputs: in, JobID: big.NewInt(7), Prover: big.NewInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := hex.DecodeString(strings.TrimPrefix(pf.Proof, "0x"))
	if err != nil {
		t.Fatal(err)
	}
	huge := append(append([]byte(nil), raw[:128]...), 0xff, 0xff, 0xff, 0xff)
	two := append(append(append([]byte(nil), raw[:128]...), 0, 0, 0, 2), raw[132:]...)
	for name, b := range map[string][]byte{
		"2^32-1 commitments": huge,
		"count 2, one given": two,
		"a byte short":       raw[:len(raw)-1],
		"a byte long":        append(append([]byte(nil), raw...), 0),
		"empty":              nil,
	} {
		bad := *pf
		bad.Proof = "0x" + hex.EncodeToString(b)
		if _, err := ProofCalldata(&bad); !errors.Is(err, verifier.ErrMalformed) {
			t.Errorf("%s: ProofCalldata: %v, want ErrMalformed", name, err)
		}
		if err := verifier.Verify(pr.A, &bad); !errors.Is(err, verifier.ErrMalformed) {
			t.Errorf("%s: Verify: %v, want ErrMalformed", name, err)
		}
	}
	if err := verifier.Verify(pr.A, pf); err != nil {
		t.Fatalf("the honest proof: %v", err)
	}
}

// gnark reduces public inputs mod r: a proof file claiming job 7+r or
// prover+r verified off-chain (the on-chain verifier refuses them).
func TestPublicInputsCanonical(t *testing.T) {
	pr, in := devProver(t)
	pf, err := pr.Prove(prover.Request{Inputs: in, JobID: big.NewInt(7), Prover: big.NewInt(0xabcdef)})
	if err != nil {
		t.Fatal(err)
	}
	r := ecc.BN254.ScalarField()
	for _, i := range []int{0, 1, 2, 3, 4} {
		bad := *pf
		bad.PublicInputs = append([]string(nil), pf.PublicInputs...)
		v, _ := verifier.ParseHex(pf.PublicInputs[i])
		nv := verifier.Hex(new(big.Int).Add(v, r))
		bad.PublicInputs[i] = nv
		switch i {
		case 3:
			bad.JobID = nv
		case 4:
			bad.Prover = nv
		}
		if err := verifier.Verify(pr.A, &bad); !errors.Is(err, verifier.ErrMalformed) {
			t.Errorf("public input %d + r: %v, want ErrMalformed", i, err)
		}
	}
}

// Two provers submit for one job in the same block: the loser's revert is
// reported as the job no longer open, not as a bare revert.
func TestRevertedSameBlock(t *testing.T) {
	m := newMarket(t)
	job := m.request(time.Hour)
	txP, err := m.prover.SignSubmitProof(m.ctx, job, m.prove(job, m.prover.From))
	if err != nil {
		t.Fatal(err)
	}
	txO, err := m.other.SignSubmitProof(m.ctx, job, m.prove(job, m.other.From))
	if err != nil {
		t.Fatal(err)
	}
	if err := m.prover.Broadcast(m.ctx, txP); err != nil {
		t.Fatal(err)
	}
	if err := m.other.Broadcast(m.ctx, txO); err != nil {
		t.Fatal(err)
	}
	m.chain.Sim.Commit()
	rcP, err := m.prover.Receipt(m.ctx, txP.Hash())
	if err != nil {
		t.Fatal(err)
	}
	rcO, err := m.other.Receipt(m.ctx, txO.Hash())
	if err != nil {
		t.Fatal(err)
	}
	if rcP.BlockNumber.Cmp(rcO.BlockNumber) != 0 || rcP.Status != types.ReceiptStatusSuccessful || rcO.Status == types.ReceiptStatusSuccessful {
		t.Fatalf("want both in one block, the first paid: blocks %s/%s, status %d/%d", rcP.BlockNumber, rcO.BlockNumber, rcP.Status, rcO.Status)
	}
	if err := m.other.Reverted(m.ctx, txO, rcO); !errors.Is(err, ErrJobNotOpen) {
		t.Errorf("the loser's revert: %v, want ErrJobNotOpen", err)
	}
}

// noBaseFee is a chain whose headers carry no base fee (before EIP-1559).
type noBaseFee struct{ Backend }

func (b noBaseFee) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	h, err := b.Backend.HeaderByNumber(ctx, n)
	if h != nil {
		h = types.CopyHeader(h)
		h.BaseFee = nil
	}
	return h, err
}

// Sending on such a chain panicked on the nil base fee; it now sends a
// legacy transaction.
func TestNoBaseFeeChain(t *testing.T) {
	m := newMarket(t)
	c := &Chain{Backend: noBaseFee{m.chain.Backend}, Sim: m.chain.Sim, url: "no-base-fee"}
	cl, err := New(m.ctx, c, m.owner.key, m.owner.Registry)
	if err != nil {
		t.Fatal(err)
	}
	before, err := m.chain.BalanceAt(m.ctx, m.other.From, nil)
	if err != nil {
		t.Fatal(err)
	}
	rc, err := cl.Transfer(m.ctx, m.other.From, big.NewInt(12345))
	if err != nil {
		t.Fatal(err)
	}
	if rc.Status != types.ReceiptStatusSuccessful || rc.Type != types.LegacyTxType {
		t.Errorf("receipt status %d type %d, want a successful legacy transaction", rc.Status, rc.Type)
	}
	after, err := m.chain.BalanceAt(m.ctx, m.other.From, nil)
	if err != nil {
		t.Fatal(err)
	}
	if new(big.Int).Sub(after, before).Int64() != 12345 {
		t.Errorf("balance moved by %s, want 12345", new(big.Int).Sub(after, before))
	}
}
