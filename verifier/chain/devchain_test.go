package chain

import (
	"context"
	"math/big"
	"testing"
	"time"
)

// TestDevChain: the dev chain serves JSON-RPC on loopback, the client works
// against it as against any chain (deploy, register, request, settle, read
// events), and block time follows the wall clock (a deadline passes).
func TestDevChain(t *testing.T) {
	d, err := ServeDev("127.0.0.1:0", 3)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := ServeDev("0.0.0.0:0", 1); err == nil {
		t.Fatal("a dev chain listened beyond loopback")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := Dial(ctx, d.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	owner, _, err := Deploy(ctx, c, d.Keys[0])
	if err != nil {
		t.Fatal(err)
	}
	pr, inputs := devProver(t)
	price := big.NewInt(1e15)
	model, _, err := owner.RegisterModel(ctx, Model{Commitment: pr.A.ID, VK: pr.A.VK, Price: price, RoyaltyBps: 100})
	if err != nil {
		t.Fatal(err)
	}
	req, err := New(ctx, c, d.Keys[1], owner.Registry)
	if err != nil {
		t.Fatal(err)
	}
	commit, err := InputCommitment(pr.A, inputs)
	if err != nil {
		t.Fatal(err)
	}
	head, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if drift := time.Since(time.Unix(int64(head.Time), 0)); drift > time.Minute || drift < -time.Minute {
		t.Fatalf("the head's time is %s off the wall clock", drift)
	}
	job, _, err := req.RequestJob(ctx, model, commit, time.Now().Add(3*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(4 * time.Second)
	if _, err := req.Refund(ctx, job); err != nil {
		t.Fatalf("refund after the deadline on the dev chain: %v", err)
	}
	if j, err := req.Job(ctx, job); err != nil || j.Status != StatusRefunded {
		t.Fatalf("job after refund: %+v, %v", j, err)
	}
	evs, err := req.Events(ctx, 0, nil)
	if err != nil || len(evs) < 3 {
		t.Fatalf("events: %d, %v", len(evs), err)
	}
}
