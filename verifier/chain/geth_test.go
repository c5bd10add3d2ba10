package chain

import (
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/zkml/zkml/internal/gethtest"
)

// TestGethDev runs the market flow against a real geth --dev over JSON-RPC.
func TestGethDev(t *testing.T) {
	if !gethtest.Enabled() {
		t.Skip("set ZKML_GETH=1 to run against geth --dev (.ci/run does)")
	}
	pr, inputs := devProver(t)
	url := gethtest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, err := Dial(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	key, err := ParseKey(gethtest.DevKey)
	if err != nil {
		t.Fatal(err)
	}
	owner, _, err := Deploy(ctx, c, key)
	if err != nil {
		t.Fatal(err)
	}
	price := big.NewInt(1e15)
	model, _, err := owner.RegisterModel(ctx, Model{Commitment: pr.A.ID, VK: pr.A.VK, Price: price, RoyaltyBps: 500})
	if err != nil {
		t.Fatal(err)
	}
	ic, err := InputCommitment(pr.A, inputs)
	if err != nil {
		t.Fatal(err)
	}
	job, _, err := owner.RequestJob(ctx, model, ic, time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	m := &market{t: t, ctx: ctx, pr: pr, inputs: inputs}
	other := m.prove(job, owner.From) // proof bound to the owner's address
	otherCd := *other
	otherCd.Output = new(big.Int).Add(other.Output, big.NewInt(1))
	if _, err := owner.SubmitProof(ctx, job, &otherCd); !errors.Is(err, ErrProofRejected) {
		t.Fatalf("wrong output: got %v, want ErrProofRejected", err)
	}
	rc, err := owner.SubmitProof(ctx, job, other)
	if err != nil {
		t.Fatal(err)
	}
	j, err := owner.Job(ctx, job)
	if err != nil || j.Status != StatusPaid {
		t.Fatalf("job after settlement: %+v %v", j, err)
	}
	if credit, _ := owner.Credit(ctx, owner.From); credit.Cmp(price) != 0 {
		t.Errorf("credit %s, want %s (prover and owner are one account)", credit, price)
	}
	if _, err := owner.SubmitProof(ctx, job, other); !errors.Is(err, ErrJobNotOpen) {
		t.Fatalf("second payment: got %v, want ErrJobNotOpen", err)
	}
	t.Logf("geth --dev %s: settle gas %d", gethtest.Version, rc.GasUsed)
}
