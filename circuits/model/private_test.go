package model_test

import (
	"math/big"
	"math/rand"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/test"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
	"github.com/zkml/zkml/prover"
)

// mlp is Gemm(6x5) -> Relu -> Gemm(5x3) with random weights.
func mlp(r *rand.Rand) *graph.Graph {
	rt := func(shape ...int) *tensor.T {
		t := tensor.New(shape)
		for i := range t.Data {
			t.Data[i] = r.Float64()*2 - 1
		}
		return t
	}
	g := &graph.Graph{Consts: map[string]*tensor.T{"w1": rt(5, 6), "b1": rt(5), "w2": rt(3, 5), "b2": rt(3)}}
	g.Inputs = []graph.Value{{Name: "x", Shape: tensor.Shape{1, 6}, DType: 1}}
	g.Outputs = []graph.Value{{Name: "y"}}
	gemm := func(in, w, b, out string) *graph.Node {
		return &graph.Node{Op: "Gemm", Inputs: []string{in, w, b}, Outputs: []string{out},
			Attrs: map[string]graph.Attr{"transB": {Kind: graph.AttrInt, Int: 1}}}
	}
	g.Nodes = []*graph.Node{gemm("x", "w1", "b1", "h"), {Op: "Relu", Inputs: []string{"h"}, Outputs: []string{"r"}, Attrs: map[string]graph.Attr{}}, gemm("r", "w2", "b2", "y")}
	return g
}

// TestPrivateWeights: with --weights private the honest witness satisfies the
// circuit; weights other than the committed ones do not, even when the rest
// of the witness is recomputed for them; and the same circuit proves another
// weight set of the architecture under that set's own commitment.
func TestPrivateWeights(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	var samples [][]*tensor.T
	for i := 0; i < 4; i++ {
		x := tensor.New(tensor.Shape{1, 6})
		for j := range x.Data {
			x.Data[j] = r.Float64()*2 - 1
		}
		samples = append(samples, []*tensor.T{x})
	}
	q, err := model.Quantize(mlp(r), samples, ops.Defaults)
	if err != nil {
		t.Fatal(err)
	}
	wb, bb := ops.ParamWidths(q.Prog)
	modes := model.Modes{PrivateWeights: true, WBits: wb, BBits: bb, HashOutput: model.HashesOutput(q.Prog, false)}
	id := model.PrivateModelID(q.Prog, wb, bb)
	meta := &model.Meta{Weights: "private", WeightBits: wb, BiasBits: bb}
	meta.InputEncoding, meta.OutputEncoding = model.Encodings(q.Prog, modes)
	a := &model.Artifacts{Prog: q.Prog, ID: id, Meta: meta, HasWeights: true}
	req := prover.Request{Inputs: [][]float64{samples[0][0].Data}, JobID: big.NewInt(3)}
	w, err := prover.Solve(a, req)
	if err != nil {
		t.Fatal(err)
	}
	field := ecc.BN254.ScalarField()
	circuit := func() *model.Circuit { return model.NewCircuitModes(q.Prog, id, modes) }
	if err := test.IsSolved(circuit(), w.Full, field); err != nil {
		t.Fatalf("honest witness rejected: %v", err)
	}

	// one weight changed, everything else recomputed for the changed model,
	// the model public input left at the committed id
	ws, bs := ops.FlatParams(q.Prog)
	other := append([]int64(nil), ws...)
	other[2]++
	if err := ops.SetParams(q.Prog, other, bs); err != nil {
		t.Fatal(err)
	}
	id2 := model.PrivateModelID(q.Prog, wb, bb)
	if id2.Cmp(id) == 0 {
		t.Fatal("changing a weight did not change the commitment")
	}
	w2, err := prover.Solve(&model.Artifacts{Prog: q.Prog, ID: id2, Meta: meta, HasWeights: true}, req)
	if err != nil {
		t.Fatal(err)
	}
	forged := *w2.Full.(*model.Circuit)
	forged.Model = id
	if err := test.IsSolved(circuit(), &forged, field); err == nil {
		t.Fatal("a witness with other weights was accepted against the committed model id")
	}
	// the same circuit serves the other weights under their own commitment
	if err := test.IsSolved(circuit(), w2.Full, field); err != nil {
		t.Fatalf("other weights under their own commitment rejected: %v", err)
	}
	// the committed weights with a wrong weight in the witness only
	if err := ops.SetParams(q.Prog, ws, bs); err != nil {
		t.Fatal(err)
	}
	bad := *w.Full.(*model.Circuit)
	bad.W = append([]frontend.Variable(nil), bad.W...)
	bad.W[0] = ws[0] + 1
	if err := test.IsSolved(circuit(), &bad, field); err == nil {
		t.Fatal("a changed weight in the witness was accepted")
	}
}
