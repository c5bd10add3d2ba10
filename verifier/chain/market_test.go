package chain

import (
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// maxSettleGas is the budget for submitProof under Osaka rules, for a prover
// whose account is open (as a coordinator opens its own); with a consumer's
// callback, the example vault's budget is checked in prover/farm.
const maxSettleGas = 400_000

func TestMarket(t *testing.T) {
	m := newMarket(t)
	ctx := m.ctx
	job1 := m.request(time.Hour)
	job2 := m.request(time.Hour)
	if job1.Int64() != 1 || job2.Int64() != 2 {
		t.Fatalf("job ids %s, %s; want 1, 2", job1, job2)
	}
	cd := m.prove(job1, m.prover.From)

	t.Run("copied proof from another address is rejected", func(t *testing.T) {
		if _, err := m.other.SubmitProof(ctx, job1, cd); !errors.Is(err, ErrProofRejected) {
			t.Fatalf("got %v, want ErrProofRejected", err)
		}
	})
	t.Run("same proof on another job is rejected", func(t *testing.T) {
		if _, err := m.prover.SubmitProof(ctx, job2, cd); !errors.Is(err, ErrProofRejected) {
			t.Fatalf("got %v, want ErrProofRejected", err)
		}
	})
	t.Run("wrong output is rejected", func(t *testing.T) {
		bad := *cd
		bad.Output = new(big.Int).Add(cd.Output, big.NewInt(1))
		if _, err := m.prover.SubmitProof(ctx, job1, &bad); !errors.Is(err, ErrProofRejected) {
			t.Fatalf("got %v, want ErrProofRejected", err)
		}
	})
	t.Run("output outside the field is rejected", func(t *testing.T) {
		bad := *cd
		bad.Output = new(big.Int).Lsh(big.NewInt(1), 255)
		if _, err := m.prover.SubmitProof(ctx, job1, &bad); !errors.Is(err, ErrNotInField) {
			t.Fatalf("got %v, want ErrNotInField", err)
		}
	})
	t.Run("wrong payment is rejected", func(t *testing.T) {
		data := m.requester.abi.PackRequestJob(m.model, m.inputCommitment, uint64(time.Now().Add(time.Hour).Unix()), common.Address{}, 0)
		if _, err := m.requester.send(ctx, &m.requester.Registry, data, big.NewInt(1)); !errors.Is(err, ErrWrongPayment) {
			t.Fatalf("got %v, want ErrWrongPayment", err)
		}
	})

	var paid *types.Receipt
	t.Run("valid proof pays prover and owner", func(t *testing.T) {
		ok, verifyGas, err := m.prover.VerifyGas(ctx, m.model, job1, m.prover.From, cd)
		if err != nil || !ok {
			t.Fatalf("verifier call: ok=%v err=%v", ok, err)
		}
		rc, err := m.prover.SubmitProof(ctx, job1, cd)
		if err != nil {
			t.Fatal(err)
		}
		paid = rc
		t.Logf("verify_gas=%d settle_gas=%d (Osaka)", verifyGas, rc.GasUsed)
		if rc.GasUsed > maxSettleGas {
			t.Errorf("settle gas %d over the %d budget", rc.GasUsed, maxSettleGas)
		}
		royalty := new(big.Int).Div(new(big.Int).Mul(m.price, big.NewInt(royaltyBps)), big.NewInt(10_000))
		wantProver := new(big.Int).Sub(m.price, royalty)
		for _, c := range []struct {
			who  *Client
			want *big.Int
		}{{m.prover, wantProver}, {m.owner, royalty}, {m.other, new(big.Int)}, {m.requester, new(big.Int)}} {
			got, err := m.prover.Credit(ctx, c.who.From)
			if err != nil {
				t.Fatal(err)
			}
			if got.Cmp(c.want) != 0 {
				t.Errorf("credit of %s: %s, want %s", c.who.From, got, c.want)
			}
		}
		j, err := m.prover.Job(ctx, job1)
		if err != nil {
			t.Fatal(err)
		}
		if j.Status != StatusPaid || j.Prover != m.prover.From {
			t.Errorf("job 1: status %s prover %s; want paid by %s", j.Status, j.Prover, m.prover.From)
		}
	})
	if paid == nil {
		t.FailNow()
	}
	t.Run("a second payment is impossible", func(t *testing.T) {
		if _, err := m.prover.SubmitProof(ctx, job1, cd); !errors.Is(err, ErrJobNotOpen) {
			t.Fatalf("resubmit: got %v, want ErrJobNotOpen", err)
		}
		if _, err := m.requester.Refund(ctx, job1); !errors.Is(err, ErrJobNotOpen) {
			t.Fatalf("refund of a paid job: got %v, want ErrJobNotOpen", err)
		}
	})
	t.Run("refund before the deadline is rejected, after it succeeds", func(t *testing.T) {
		if _, err := m.requester.Refund(ctx, job2); !errors.Is(err, ErrDeadlineNotPassed) {
			t.Fatalf("early refund: got %v, want ErrDeadlineNotPassed", err)
		}
		cd2 := m.prove(job2, m.prover.From)
		m.chain.Sim.Commit()
		if err := m.chain.Sim.AdjustTime(2 * time.Hour); err != nil {
			t.Fatal(err)
		}
		m.chain.Sim.Commit()
		if _, err := m.prover.SubmitProof(ctx, job2, cd2); !errors.Is(err, ErrDeadlinePassed) {
			t.Fatalf("late proof: got %v, want ErrDeadlinePassed", err)
		}
		if _, err := m.other.Refund(ctx, job2); err != nil {
			t.Fatal(err)
		}
		if got, _ := m.prover.Credit(ctx, m.requester.From); got.Cmp(m.price) != 0 {
			t.Errorf("requester credit %s, want %s", got, m.price)
		}
		if _, err := m.requester.Refund(ctx, job2); !errors.Is(err, ErrJobNotOpen) {
			t.Fatalf("second refund: got %v, want ErrJobNotOpen", err)
		}
	})
	t.Run("withdraw pays out once", func(t *testing.T) {
		credit, _ := m.prover.Credit(ctx, m.prover.From)
		before, _ := m.chain.BalanceAt(ctx, m.prover.From, nil)
		rc, err := m.prover.Withdraw(ctx)
		if err != nil {
			t.Fatal(err)
		}
		after, _ := m.chain.BalanceAt(ctx, m.prover.From, nil)
		fee := new(big.Int).Mul(new(big.Int).SetUint64(rc.GasUsed), rc.EffectiveGasPrice)
		want := new(big.Int).Sub(new(big.Int).Add(before, credit), fee)
		if after.Cmp(want) != 0 {
			t.Errorf("balance after withdraw %s, want %s", after, want)
		}
		if _, err := m.prover.Withdraw(ctx); !errors.Is(err, ErrNothingToWithdraw) {
			t.Fatalf("second withdraw: got %v, want ErrNothingToWithdraw", err)
		}
	})
	t.Run("unknown job and model", func(t *testing.T) {
		if _, err := m.prover.SubmitProof(ctx, big.NewInt(99), cd); !errors.Is(err, ErrUnknownJob) {
			t.Fatalf("got %v, want ErrUnknownJob", err)
		}
		if _, _, err := m.requester.RequestJob(ctx, big.NewInt(99), m.inputCommitment, time.Now().Add(time.Hour)); !errors.Is(err, ErrUnknownModel) {
			t.Fatalf("got %v, want ErrUnknownModel", err)
		}
	})
	t.Run("every state change has an event", func(t *testing.T) {
		evs, err := m.owner.Events(ctx, 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range evs {
			names = append(names, e.Name())
		}
		want := []string{"Transfer", "ModelRegistered", "JobRequested", "JobRequested", "JobPaid", "JobRefunded", "Withdrawn"}
		if len(names) != len(want) {
			t.Fatalf("events %v, want %v", names, want)
		}
		for i := range want {
			if names[i] != want[i] {
				t.Fatalf("events %v, want %v", names, want)
			}
		}
		if p := evs[4].JobPaid; p.Job.Cmp(job1) != 0 || p.Prover != m.prover.From || p.Output.Cmp(cd.Output) != 0 {
			t.Errorf("JobPaid %+v", p)
		}
	})
	t.Run("watch delivers job requests", func(t *testing.T) {
		wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		sink := make(chan Event, 16)
		done := make(chan error, 1)
		go func() { done <- m.prover.Watch(wctx, 0, sink) }()
		job3 := m.request(time.Hour)
		var seen []string
		for {
			select {
			case ev := <-sink:
				if ev.JobRequested != nil {
					seen = append(seen, ev.JobRequested.Job.String())
				}
				if ev.JobRequested != nil && ev.JobRequested.Job.Cmp(job3) == 0 {
					cancel()
					<-done
					if len(seen) != 3 {
						t.Errorf("job requests seen %v, want 1, 2, 3", seen)
					}
					return
				}
			case err := <-done:
				t.Fatalf("watch ended before job %s: %v (seen %v)", job3, err, seen)
			}
		}
	})
}
