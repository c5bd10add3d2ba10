package model_test

import (
	"math/big"
	"path/filepath"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/test"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
	"github.com/zkml/zkml/prover"
)

// TestPackedInputBinding: a small model's input public input is its packed
// quantized input, bound slot by slot. The circuit rejects another value,
// the packing of another input, inputs that carry between slots to pack to
// the honest value (each slot is range-checked), and, for a model that
// hashes its input, the packed value in place of the hash.
func TestPackedInputBinding(t *testing.T) {
	src := "../../../shared/models/dev/1l_mlp"
	g, err := onnx.Load(filepath.Join(src, "network.onnx"))
	if err != nil {
		t.Fatal(err)
	}
	in, err := model.ReadInput(filepath.Join(src, "input.json"))
	if err != nil {
		t.Fatal(err)
	}
	q, err := model.Quantize(g, [][]*tensor.T{{{Shape: g.Inputs[0].Shape, Data: in[0]}}}, ops.Defaults)
	if err != nil {
		t.Fatal(err)
	}
	p := q.Prog
	if model.HashesInput(p, false) {
		t.Fatal("1l_mlp's three inputs should pack into one element")
	}
	id, err := model.ModelID(p)
	if err != nil {
		t.Fatal(err)
	}
	field := ecc.BN254.ScalarField()
	for _, hashIn := range []bool{false, true} {
		modes := model.Modes{HashInput: hashIn, HashOutput: model.HashesOutput(p, false)}
		a := &model.Artifacts{Prog: p, ID: id, Meta: &model.Meta{}}
		a.Meta.InputEncoding, a.Meta.OutputEncoding = model.Encodings(p, modes)
		w, err := prover.Solve(a, prover.Request{Inputs: in, JobID: big.NewInt(5), Prover: big.NewInt(0xabc)})
		if err != nil {
			t.Fatal(err)
		}
		// the requester's value (quantize and pack, no model run) is the prover's
		if v, err := a.InputValue(in); err != nil || v.Cmp(w.Public[1]) != 0 {
			t.Fatalf("hash input %v: Artifacts.InputValue %v (%v), the witness's input public input %v", hashIn, v, err, w.Public[1])
		}
		circuit := func() *model.Circuit { return model.NewCircuitModes(p, id, modes) }
		if err := test.IsSolved(circuit(), w.Full, field); err != nil {
			t.Fatalf("hash input %v: honest witness rejected: %v", hashIn, err)
		}
		honest := w.Full.(*model.Circuit)
		x := honest.X[0]
		packedOf := func(v []int64) *big.Int { return model.InputValue(p, [][]int64{v}, false) }
		q0 := append([]int64(nil), w.Input[0]...)
		bad := map[string]func(c *model.Circuit){
			"input public input + 1": func(c *model.Circuit) { c.Input = new(big.Int).Add(w.Public[1], big.NewInt(1)) },
			"another input's packing": func(c *model.Circuit) {
				o := append([]int64(nil), q0...)
				o[1]++
				c.Input = packedOf(o)
			},
			"the input changed under the same public input": func(c *model.Circuit) {
				c.X = [][]frontend.Variable{{x[0], q0[1] + 1, x[2]}}
			},
		}
		if !hashIn {
			// slot 0 two's-complement-wraps into slot 1: q0+2^w and q1-1 pack to the same sum
			wb := model.InputWidth(p)
			bad["a carry between slots"] = func(c *model.Circuit) {
				c.X = [][]frontend.Variable{{new(big.Int).Add(big.NewInt(q0[0]), new(big.Int).Lsh(big.NewInt(1), uint(wb))), q0[1] - 1, q0[2]}}
			}
		} else {
			bad["the packed value in place of the hash"] = func(c *model.Circuit) { c.Input = packedOf(q0) }
		}
		for name, mutate := range bad {
			full := *honest
			full.X = [][]frontend.Variable{append([]frontend.Variable(nil), x...)}
			mutate(&full)
			if err := test.IsSolved(circuit(), &full, field); err == nil {
				t.Errorf("hash input %v: %s: accepted", hashIn, name)
			}
		}
	}
}
