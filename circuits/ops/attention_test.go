package ops_test

import (
	"math"
	"testing"

	"github.com/consensys/gnark/constraint/solver"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
)

// attentionNodes is single-head attention over x [n, 3d] as exporters write
// it: Split into Q, K, V, K transposed, the scores scaled by a constant
// (scaleOp: Mul or Div), masked (maskOp: Where with a fill, Add of a mask, or
// ""), Softmax over the last axis, then the product with V.
func attentionNodes(scaleOp, maskOp string) []*graph.Node {
	nodes := []*graph.Node{node("Split", []string{"x"}, []string{"q", "k", "v"}, "axis", 1),
		node("Transpose", []string{"k"}, []string{"kt"}, "perm", []int{1, 0}),
		node("MatMul", []string{"q", "kt"}, []string{"s"})}
	s := "s"
	if scaleOp != "" {
		nodes = append(nodes, node(scaleOp, []string{"s", "c"}, []string{"sc"}))
		s = "sc"
	}
	switch maskOp {
	case "Where":
		nodes = append(nodes, node("Where", []string{"mask", "ninf", s}, []string{"ms"}))
		s = "ms"
	case "Add":
		nodes = append(nodes, node("Add", []string{s, "bias"}, []string{"ms"}))
		s = "ms"
	}
	return append(nodes, node("Softmax", []string{s}, []string{"p"}, "axis", -1), node("MatMul", []string{"p", "v"}, []string{"y"}))
}

// causal is the n x n mask with 1 above the diagonal (masked), the -1e9
// additive mask of the same positions, and the fill.
func causal(n int) map[string]*tensor.T {
	mask, bias := tensor.New(tensor.Shape{n, n}), tensor.New(tensor.Shape{n, n})
	for i := range n {
		for j := i + 1; j < n; j++ {
			mask.Data[i*n+j], bias.Data[i*n+j] = 1, -1e9
		}
	}
	return map[string]*tensor.T{"mask": mask, "bias": bias, "ninf": constT(tensor.Shape{}, math.Inf(-1))}
}

// TestAttention: the scaled, masked softmax and its product with V fuse
// into one zkml.Attention (a Where mask with -inf, an additive -1e9 mask,
// none; a scale by Mul or Div) and match the float model; a wrong score
// product, maximum, rescale, reciprocal or weighted sum is refused.
func TestAttention(t *testing.T) {
	const n, d = 6, 4
	lies := []solver.Hint{gadgets.MatMulHint, gadgets.MaxHint, gadgets.RescaleHint, gadgets.DivRoundHint}
	for _, tc := range []struct{ name, scale, mask string }{
		{"causal-where", "Mul", "Where"},
		{"additive-mask", "Div", "Add"},
		{"unmasked", "", ""},
	} {
		consts := causal(n)
		consts["c"] = constT(tensor.Shape{}, 0.37)
		if tc.scale == "Div" {
			consts["c"] = constT(tensor.Shape{}, 2)
		}
		nodes := attentionNodes(tc.scale, tc.mask)
		g := &graph.Graph{Consts: consts, Nodes: nodes, Inputs: []graph.Value{{Name: "x", Shape: tensor.Shape{n, 3 * d}, DType: 1}}, Outputs: []graph.Value{{Name: "y"}}}
		pg, _, err := ops.Prepare(g)
		if err != nil {
			t.Fatal(err)
		}
		fused := 0
		for _, nd := range pg.Nodes {
			if nd.Op == "Softmax" || nd.Op == "MatMul" {
				t.Errorf("%s: %s left unfused", tc.name, nd.Label())
			}
			if nd.Op == "Attention" {
				fused++
			}
		}
		if fused != 1 {
			t.Errorf("%s: %d fused attention nodes, want 1", tc.name, fused)
		}
		run(t, opCase{name: "attention-" + tc.name, order: []string{"x"}, inputs: map[string]tensor.Shape{"x": {n, 3 * d}}, consts: consts,
			nodes: nodes, out: []string{"y"}, lo: -2, hi: 2, tol: 0.03, lieHints: lies, lieOne: true})
	}
}

// TestAttentionHeads: attention over a batch of heads [h, n, d] (Q, K, V
// already split), the product of two batches of activations.
func TestAttentionHeads(t *testing.T) {
	consts := causal(5)
	consts["c"] = constT(tensor.Shape{}, 0.5)
	in := map[string]tensor.Shape{"q": {2, 5, 3}, "kt": {2, 3, 5}, "v": {2, 5, 4}}
	nodes := []*graph.Node{node("MatMul", []string{"q", "kt"}, []string{"s"}), node("Mul", []string{"s", "c"}, []string{"sc"}),
		node("Where", []string{"mask", "ninf", "sc"}, []string{"ms"}), node("Softmax", []string{"ms"}, []string{"p"}, "axis", -1),
		node("MatMul", []string{"p", "v"}, []string{"y"})}
	run(t, opCase{name: "attention-heads", order: []string{"q", "kt", "v"}, inputs: in, consts: consts, nodes: nodes, out: []string{"y"},
		lo: -2, hi: 2, tol: 0.03, lieHints: []solver.Hint{gadgets.MatMulHint, gadgets.MaxHint}, lieOne: true})
}

// TestAttentionMaskedIsZero: a masked score contributes exactly 0. Under a
// causal mask the last key and value reach only the last row, so in the
// integer program changing them leaves every other row's output as it was,
// to the last bit.
func TestAttentionMaskedIsZero(t *testing.T) {
	const n, d = 6, 4
	consts := causal(n)
	consts["c"] = constT(tensor.Shape{}, 0.37)
	g := &graph.Graph{Consts: consts, Nodes: attentionNodes("Mul", "Where"), Inputs: []graph.Value{{Name: "x", Shape: tensor.Shape{n, 3 * d}, DType: 1}}, Outputs: []graph.Value{{Name: "y"}}}
	r := newRand(7)
	cal := randT(r, tensor.Shape{n, 3 * d}, -2, 2)
	q, err := model.Quantize(g, [][]*tensor.T{{cal}}, ops.Defaults)
	if err != nil {
		t.Fatal(err)
	}
	outs := func(x *tensor.T) []int64 {
		in, err := model.QuantizeInputs(q.Prog, []*tensor.T{x})
		if err != nil {
			t.Fatal(err)
		}
		vals, err := q.Prog.Run(in)
		if err != nil {
			t.Fatal(err)
		}
		return vals[q.Prog.Outputs[0]]
	}
	a := outs(cal)
	moved := &tensor.T{Shape: cal.Shape, Data: append([]float64(nil), cal.Data...)}
	for c := d; c < 3*d; c++ { // the last row's key and value
		moved.Data[(n-1)*3*d+c] = -moved.Data[(n-1)*3*d+c]
	}
	b := outs(moved)
	changed := false
	for i := range n {
		for c := range d {
			if i < n-1 && a[i*d+c] != b[i*d+c] {
				t.Errorf("row %d col %d moved from %d to %d with a key and value it may not see", i, c, a[i*d+c], b[i*d+c])
			}
			changed = changed || (i == n-1 && a[i*d+c] != b[i*d+c])
		}
	}
	if !changed {
		t.Error("the last row did not change with its own key and value: the test perturbs nothing")
	}
}

// TestAttentionNotFused: a softmax whose probabilities are also an output,
// or whose mask is an activation, stays the unfused operators (and still
// matches the float model).
func TestAttentionNotFused(t *testing.T) {
	const n, d = 4, 2
	consts := causal(n)
	consts["c"] = constT(tensor.Shape{}, 0.5)
	g := &graph.Graph{Consts: consts, Nodes: attentionNodes("Mul", "Where"), Inputs: []graph.Value{{Name: "x", Shape: tensor.Shape{n, 3 * d}, DType: 1}},
		Outputs: []graph.Value{{Name: "y"}, {Name: "p"}}}
	pg, _, err := ops.Prepare(g)
	if err != nil {
		t.Fatal(err)
	}
	for _, nd := range pg.Nodes {
		if nd.Op == "Attention" {
			t.Fatalf("fused although the probabilities are an output")
		}
	}
	run(t, opCase{name: "attention-probs-out", order: []string{"x"}, inputs: map[string]tensor.Shape{"x": {n, 3 * d}}, consts: consts,
		nodes: attentionNodes("Mul", "Where"), out: []string{"y", "p"}, tol: 0.03})
}

// TestAttentionKeepsShape: a one-element scale of a higher rank than the
// scores broadcasts them up a rank in ONNX; the fusion leaves it alone, and
// the output keeps the model's shape.
func TestAttentionKeepsShape(t *testing.T) {
	consts := map[string]*tensor.T{"c": constT(tensor.Shape{1, 1, 1}, 0.5)}
	nodes := []*graph.Node{node("MatMul", []string{"q", "kt"}, []string{"s"}), node("Mul", []string{"s", "c"}, []string{"sc"}),
		node("Softmax", []string{"sc"}, []string{"p"}, "axis", -1), node("MatMul", []string{"p", "v"}, []string{"y"})}
	g := &graph.Graph{Consts: consts, Nodes: nodes, Inputs: []graph.Value{{Name: "q", Shape: tensor.Shape{4, 3}, DType: 1},
		{Name: "kt", Shape: tensor.Shape{3, 4}, DType: 1}, {Name: "v", Shape: tensor.Shape{4, 2}, DType: 1}}, Outputs: []graph.Value{{Name: "y"}}}
	before, err := ops.Shapes(g)
	if err != nil {
		t.Fatal(err)
	}
	_, after, err := ops.Prepare(g)
	if err != nil {
		t.Fatal(err)
	}
	if !before["y"].Equal(after["y"]) {
		t.Errorf("preparing changed y's shape from %v to %v", before["y"], after["y"])
	}
}
