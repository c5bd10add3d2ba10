package verifier_test

import (
	"bytes"
	"encoding/hex"
	"math/big"
	"path/filepath"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/solidity"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/verifier"
)

// TestEveryPublicInputIsBound changes each of the five public inputs in turn
// and hands the unchanged proof to gnark's verifier: every change must be
// rejected (a public input no constraint touches would be accepted).
func TestEveryPublicInputIsBound(t *testing.T) {
	dir := "../../shared/models/dev/sklearn_mlp"
	g, err := onnx.Load(filepath.Join(dir, "network.onnx"))
	if err != nil {
		t.Fatal(err)
	}
	in, err := model.ReadInput(filepath.Join(dir, "input.json"))
	if err != nil {
		t.Fatal(err)
	}
	q, err := model.Quantize(g, [][]*tensor.T{{{Shape: g.Inputs[0].Shape, Data: in[0]}}}, ops.Defaults)
	if err != nil {
		t.Fatal(err)
	}
	art := filepath.Join(t.TempDir(), "a")
	if _, err := model.Compile(q, art, model.CompileOptions{}); err != nil {
		t.Fatal(err)
	}
	p, err := prover.Load(art)
	if err != nil {
		t.Fatal(err)
	}
	pf, err := p.Prove(prover.Request{Inputs: in, JobID: big.NewInt(1234), Prover: big.NewInt(0xabcdef)})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := hex.DecodeString(strings.TrimPrefix(pf.Proof, "0x"))
	proof := groth16.NewProof(ecc.BN254)
	if _, err := proof.ReadFrom(bytes.NewReader(raw)); err != nil {
		t.Fatal(err)
	}
	pub := make([]*big.Int, 5)
	for i, s := range pf.PublicInputs {
		pub[i], _ = verifier.ParseHex(s)
	}
	check := func(vals []*big.Int) error {
		w, err := verifier.PublicWitness(vals)
		if err != nil {
			t.Fatal(err)
		}
		return groth16.Verify(proof, p.A.VK, w, solidity.WithVerifierTargetSolidityVerifier(backend.GROTH16))
	}
	if err := check(pub); err != nil {
		t.Fatalf("honest public inputs rejected: %v", err)
	}
	for i, name := range model.PublicInputs {
		for _, delta := range []int64{1, -1} {
			changed := append([]*big.Int(nil), pub...)
			changed[i] = new(big.Int).Add(pub[i], big.NewInt(delta))
			if changed[i].Sign() < 0 {
				changed[i].Add(changed[i], ecc.BN254.ScalarField())
			}
			if err := check(changed); err == nil {
				t.Errorf("public input %s changed by %d: the proof still verifies", name, delta)
			}
		}
	}
}
