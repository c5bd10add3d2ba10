package chain

import (
	"encoding/hex"
	"errors"
	"math/big"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/internal/ceremonytest"
	"github.com/zkml/zkml/prover"
)

// TestKeySetupOnChain: the registry tells a requester how a model's keys
// were made, and a ceremony's keys settle jobs like any others.
func TestKeySetupOnChain(t *testing.T) {
	m := newMarket(t)
	ks, err := m.requester.KeySetup(m.ctx, m.model)
	if err != nil {
		t.Fatal(err)
	}
	if ks.Ceremony || ks.Contributions != 0 || ks.Transcript != ([32]byte{}) {
		t.Fatalf("a development-setup model reads as %v", ks)
	}

	dir := filepath.Join(t.TempDir(), "art")
	inputs, err := compileDev(dir)
	if err != nil {
		t.Fatal(err)
	}
	setup := ceremonytest.Run(t, dir, 10, "owner", "operator", "requester")
	pr, err := prover.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	if got := pr.A.Meta.KeySetup(); got.Kind != model.SetupCeremony || got.Transcript != setup.Transcript {
		t.Fatalf("model.json records %+v", got)
	}
	id, _, err := m.owner.RegisterModel(m.ctx, Model{Commitment: pr.A.ID, VK: pr.A.VK, Price: m.price, RoyaltyBps: royaltyBps, Setup: pr.A.Meta.KeySetup()})
	if err != nil {
		t.Fatal(err)
	}
	ks, err = m.requester.KeySetup(m.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !ks.Ceremony || ks.Contributions != 3 || hex.EncodeToString(ks.Transcript[:]) != setup.Transcript {
		t.Fatalf("a ceremony-keyed model reads as %v, model.json says %d contributions, transcript %s", ks, len(setup.Contributions), setup.Transcript)
	}
	if !strings.Contains(ks.String(), "ceremony of 3 contributions") {
		t.Fatalf("KeySetup reads %q", ks)
	}

	// a job on it settles with a proof from the ceremony's keys
	commitment, err := InputCommitment(pr.A, inputs)
	if err != nil {
		t.Fatal(err)
	}
	job, _, err := m.requester.RequestJob(m.ctx, id, commitment, time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	pf, err := pr.Prove(prover.Request{Inputs: inputs, JobID: job, Prover: new(big.Int).SetBytes(m.prover.From.Bytes())})
	if err != nil {
		t.Fatal(err)
	}
	cd, err := ProofCalldata(pf)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.prover.SubmitProof(m.ctx, job, cd); err != nil {
		t.Fatalf("a ceremony-keyed proof on chain: %v", err)
	}
	if j, err := m.requester.Job(m.ctx, job); err != nil || j.Status != StatusPaid {
		t.Fatalf("job after settling: %+v, %v", j, err)
	}

	// a record that is neither is refused by the client and by the registry
	bad := pr.A.Meta.KeySetup()
	bad.Contributions = nil
	if _, _, err := m.owner.RegisterModel(m.ctx, Model{Commitment: pr.A.ID, VK: pr.A.VK, Price: m.price, Setup: bad}); err == nil {
		t.Fatal("the client registered a ceremony of no contributions")
	}
	vk, err := VerifyingKey(pr.A.VK)
	if err != nil {
		t.Fatal(err)
	}
	data, err := m.owner.abi.TryPackRegisterModel(pr.A.ID, vk, m.price, 0, [32]byte{1}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.owner.send(m.ctx, &m.owner.Registry, data, nil); !errors.Is(err, ErrReverted) || !strings.Contains(err.Error(), "key setup") {
		t.Fatalf("the registry took a transcript with no contributions: %v", err)
	}
	if _, err := m.requester.KeySetup(m.ctx, big.NewInt(99)); err == nil {
		t.Fatal("key setup of an unknown model")
	}
}
