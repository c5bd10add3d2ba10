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

var (
	negHint    = []solver.Hint{gadgets.NegativeHint}
	argmaxHint = []solver.Hint{gadgets.ArgMaxHint}
)

// TestComparisons: each comparison against a constant and between two
// activations of different scales, as a 0/1 output and through Where,
// And/Or/Xor/Not; with every sign bit flipped the proof is refused.
func TestComparisons(t *testing.T) {
	r := newRand(11)
	c := randT(r, tensor.Shape{6}, -1, 1)
	for _, op := range []string{"Less", "LessOrEqual", "Greater", "GreaterOrEqual"} {
		run(t, opCase{name: op + "/const", order: []string{"x"}, inputs: map[string]tensor.Shape{"x": {2, 6}},
			consts: map[string]*tensor.T{"c": c},
			nodes:  []*graph.Node{node(op, []string{"x", "c"}, []string{"y"})},
			out:    []string{"y"}, lieHints: negHint})
		run(t, opCase{name: op + "/const-first", order: []string{"x"}, inputs: map[string]tensor.Shape{"x": {2, 6}},
			consts: map[string]*tensor.T{"c": c},
			nodes:  []*graph.Node{node(op, []string{"c", "x"}, []string{"y"})},
			out:    []string{"y"}, lieHints: negHint})
		// a ranges over [-2, 2), b = 3x over [-6, 6): their scales differ
		run(t, opCase{name: op + "/two", order: []string{"a", "x"}, inputs: map[string]tensor.Shape{"a": {2, 6}, "x": {1, 6}},
			consts: map[string]*tensor.T{"three": constT(tensor.Shape{}, 3)},
			nodes: []*graph.Node{node("Mul", []string{"x", "three"}, []string{"b"}),
				node(op, []string{"a", "b"}, []string{"y"})},
			out: []string{"y"}, lieHints: negHint})
	}
	// Equal on integer-valued tensors (ArgMax indices) and on a constant
	run(t, opCase{name: "Equal", order: []string{"a", "b"}, inputs: map[string]tensor.Shape{"a": {3, 4}, "b": {3, 4}},
		consts: map[string]*tensor.T{"one": constT(tensor.Shape{1}, 1)},
		nodes: []*graph.Node{node("ArgMax", []string{"a"}, []string{"ia"}, "axis", 1),
			node("ArgMax", []string{"b"}, []string{"ib"}, "axis", 1),
			node("Equal", []string{"ia", "ib"}, []string{"e1"}),
			node("Equal", []string{"ia", "one"}, []string{"e2"}),
			node("Or", []string{"e1", "e2"}, []string{"y"})},
		out: []string{"y"}, lieHints: argmaxHint})
	// logic and Where with a computed condition and a -inf constant branch
	run(t, opCase{name: "Logic+Where", order: []string{"x", "z"}, inputs: map[string]tensor.Shape{"x": {2, 5}, "z": {2, 5}},
		consts: map[string]*tensor.T{"zero": constT(tensor.Shape{}, 0), "half": constT(tensor.Shape{}, 0.5), "ninf": constT(tensor.Shape{}, -1e30)},
		nodes: []*graph.Node{
			node("Greater", []string{"x", "zero"}, []string{"p"}),
			node("Less", []string{"z", "half"}, []string{"q"}),
			node("And", []string{"p", "q"}, []string{"pq"}),
			node("Xor", []string{"p", "q"}, []string{"px"}),
			node("Not", []string{"px"}, []string{"npx"}),
			node("Or", []string{"pq", "npx"}, []string{"cond"}),
			node("Where", []string{"cond", "x", "z"}, []string{"w"}),
			node("Where", []string{"p", "w", "ninf"}, []string{"y"}),
			node("Softmax", []string{"y"}, []string{"s"}, "axis", 1),
		},
		out: []string{"w", "s"}, tol: 0.03, lieHints: negHint})
}

// TestExtremes: Max/Min of several inputs with broadcasting, ReduceMax and
// ReduceMin, ArgMax/ArgMin (first and last index), Sign and Abs.
func TestExtremes(t *testing.T) {
	run(t, opCase{name: "Max/Min", order: []string{"a", "b", "c"}, inputs: map[string]tensor.Shape{"a": {2, 4}, "b": {4}, "c": {2, 1}},
		nodes: []*graph.Node{node("Max", []string{"a", "b", "c"}, []string{"m"}), node("Min", []string{"a", "b"}, []string{"n"})},
		out:   []string{"m", "n"}})
	for _, op := range []string{"ReduceMax", "ReduceMin"} {
		run(t, opCase{name: op, order: []string{"x"}, inputs: map[string]tensor.Shape{"x": {2, 3, 4}},
			nodes: []*graph.Node{node(op, []string{"x"}, []string{"y"}, "axes", []int{1}, "keepdims", 0)},
			out:   []string{"y"}})
	}
	for _, op := range []string{"ArgMax", "ArgMin"} {
		for _, last := range []int{0, 1} {
			run(t, opCase{name: op, order: []string{"x"}, inputs: map[string]tensor.Shape{"x": {3, 5}},
				consts: map[string]*tensor.T{"zero": constT(tensor.Shape{}, 0)},
				// clamping at 0 makes ties, so select_last_index matters
				nodes: []*graph.Node{node(map[string]string{"ArgMax": "Min", "ArgMin": "Max"}[op], []string{"x", "zero"}, []string{"xc"}),
					node(op, []string{"xc"}, []string{"y"}, "axis", 1, "keepdims", 1, "select_last_index", last)},
				out: []string{"y"}, lieHints: argmaxHint})
		}
	}
	run(t, opCase{name: "Sign/Abs", order: []string{"x"}, inputs: map[string]tensor.Shape{"x": {2, 6}},
		nodes: []*graph.Node{node("Sign", []string{"x"}, []string{"s"}), node("Abs", []string{"x"}, []string{"a"})},
		out:   []string{"s", "a"}, lieHints: negHint})
}

// TestDivision: division by an activation, signed (its sign tested) and
// positive (a softmax's sum of exponentials), a constant over an
// activation, Reciprocal; a dishonest quotient is refused.
func TestDivision(t *testing.T) {
	div := []solver.Hint{gadgets.DivRoundHint}
	run(t, opCase{name: "Div/signed", order: []string{"a", "b"}, inputs: map[string]tensor.Shape{"a": {2, 4}, "b": {4}},
		consts: map[string]*tensor.T{"k": constT(tensor.Shape{}, 0.5)},
		// b + 0.5 sign(b) keeps the divisor away from 0 on either side
		nodes: []*graph.Node{node("Sign", []string{"b"}, []string{"sb"}), node("Mul", []string{"sb", "k"}, []string{"off"}),
			node("Add", []string{"b", "off"}, []string{"d"}), node("Div", []string{"a", "d"}, []string{"y"})},
		out: []string{"y"}, tol: 0.03, lieHints: div})
	run(t, opCase{name: "Div/softmax", order: []string{"x"}, inputs: map[string]tensor.Shape{"x": {2, 5}},
		nodes: []*graph.Node{node("ReduceMax", []string{"x"}, []string{"m"}, "axes", []int{1}),
			node("Sub", []string{"x", "m"}, []string{"z"}), node("Exp", []string{"z"}, []string{"e"}),
			node("ReduceSum", []string{"e"}, []string{"s"}, "axes", []int{1}), node("Div", []string{"e", "s"}, []string{"y"})},
		out: []string{"y"}, tol: 0.03, lieHints: div})
	run(t, opCase{name: "Reciprocal", order: []string{"x"}, inputs: map[string]tensor.Shape{"x": {6}}, lo: 0.5, hi: 3,
		consts: map[string]*tensor.T{"two": constT(tensor.Shape{}, 2)},
		nodes:  []*graph.Node{node("Reciprocal", []string{"x"}, []string{"r"}), node("Div", []string{"two", "x"}, []string{"y"})},
		out:    []string{"r", "y"}, lieHints: div})
}

// TestMatMulForms: batched MatMul with constant matrices, a constant
// left-hand side, two activations (batched, broadcast, 1-D) and Gemm with
// an activation B; a quotient off by one in the rescale is refused.
func TestMatMulForms(t *testing.T) {
	r := newRand(31)
	run(t, opCase{name: "MatMul/batched-const", order: []string{"x"}, inputs: map[string]tensor.Shape{"x": {2, 3, 4}},
		consts: map[string]*tensor.T{"W": randT(r, tensor.Shape{2, 4, 5}, -1, 1)},
		nodes:  []*graph.Node{node("MatMul", []string{"x", "W"}, []string{"y"})}, out: []string{"y"}, lie: true})
	run(t, opCase{name: "MatMul/const-lhs", order: []string{"x"}, inputs: map[string]tensor.Shape{"x": {4, 2}},
		consts: map[string]*tensor.T{"A": randT(r, tensor.Shape{3, 4}, -1, 1)},
		nodes:  []*graph.Node{node("MatMul", []string{"A", "x"}, []string{"y"})}, out: []string{"y"}, lie: true})
	run(t, opCase{name: "MatMul/activations", order: []string{"a", "b", "v"}, inputs: map[string]tensor.Shape{"a": {2, 3, 4}, "b": {4, 5}, "v": {5}},
		nodes: []*graph.Node{node("MatMul", []string{"a", "b"}, []string{"ab"}), node("MatMul", []string{"ab", "v"}, []string{"y"})},
		out:   []string{"ab", "y"}, tol: 0.03})
	// attention's shape: batched heads, Freivalds' check; a product wrong in
	// one entry is refused
	run(t, opCase{name: "MatMul/freivalds", order: []string{"q", "k"}, inputs: map[string]tensor.Shape{"q": {2, 6, 4}, "k": {2, 4, 6}},
		nodes: []*graph.Node{node("MatMul", []string{"q", "k"}, []string{"y"})},
		out:   []string{"y"}, tol: 0.03, lieHints: []solver.Hint{gadgets.MatMulHint}, lieOne: true})
	run(t, opCase{name: "Gemm/activation-B", order: []string{"a", "b", "c"}, inputs: map[string]tensor.Shape{"a": {4, 3}, "b": {5, 4}, "c": {5}},
		nodes: []*graph.Node{node("Gemm", []string{"a", "b", "c"}, []string{"y"}, "transA", 1, "transB", 1, "alpha", 0.5, "beta", 2.0)},
		out:   []string{"y"}, tol: 0.03})
}

// TestWindows3D: 3-D convolution (grouped, strided, dilated, padded) and
// 3-D max and average pooling against the float reference.
func TestWindows3D(t *testing.T) {
	r := newRand(41)
	x := map[string]tensor.Shape{"x": {1, 4, 4, 5, 5}}
	run(t, opCase{name: "Conv3d", order: []string{"x"}, inputs: x,
		consts: map[string]*tensor.T{"W": randT(r, tensor.Shape{6, 2, 2, 3, 2}, -0.5, 0.5), "B": randT(r, tensor.Shape{6}, -0.5, 0.5)},
		nodes: []*graph.Node{node("Conv", []string{"x", "W", "B"}, []string{"y"}, "group", 2, "strides", []int{1, 2, 1},
			"dilations", []int{2, 1, 1}, "pads", []int{0, 1, 1, 1, 0, 1})},
		out: []string{"y"}, tol: 0.03, lie: true})
	run(t, opCase{name: "MaxPool3d", order: []string{"x"}, inputs: x,
		nodes: []*graph.Node{node("MaxPool", []string{"x"}, []string{"y"}, "kernel_shape", []int{2, 2, 3}, "strides", []int{2, 1, 2}, "pads", []int{0, 1, 1, 1, 0, 1})},
		out:   []string{"y"}})
	run(t, opCase{name: "AveragePool3d", order: []string{"x"}, inputs: x,
		nodes: []*graph.Node{node("AveragePool", []string{"x"}, []string{"y"}, "kernel_shape", []int{3, 2, 2}, "strides", []int{1, 2, 2}, "pads", []int{1, 0, 0, 1, 1, 1})},
		out:   []string{"y"}})
}

// TestTransformerOps: GELU as exporters write it (Div, Erf, Add, Mul, Mul)
// and SiLU fuse into one table each; LayerNormalization (with its Mean and
// InvStdDev), Pow and Sqrt, Split and a causal mask with -inf before a
// Softmax over the last axis, against the float reference; a dishonest
// root, quotient or sign bit is refused.
func TestTransformerOps(t *testing.T) {
	r := newRand(51)
	consts := map[string]*tensor.T{"s2": constT(tensor.Shape{}, math.Sqrt2), "one": constT(tensor.Shape{}, 1), "half": constT(tensor.Shape{}, 0.5)}
	gelu := []*graph.Node{node("Div", []string{"x", "s2"}, []string{"d"}), node("Erf", []string{"d"}, []string{"e"}),
		node("Add", []string{"e", "one"}, []string{"a"}), node("Mul", []string{"x", "a"}, []string{"m"}),
		node("Mul", []string{"m", "half"}, []string{"y"}), node("Sigmoid", []string{"x"}, []string{"sg"}), node("Mul", []string{"x", "sg"}, []string{"silu"})}
	g := &graph.Graph{Consts: consts, Nodes: gelu, Inputs: []graph.Value{{Name: "x", Shape: tensor.Shape{2, 8}, DType: 1}}, Outputs: []graph.Value{{Name: "y"}, {Name: "silu"}}}
	pg, _, err := ops.Prepare(g)
	if err != nil {
		t.Fatal(err)
	}
	if len(pg.Nodes) != 2 || pg.Nodes[0].Op != "Pointwise" || pg.Nodes[1].Op != "Pointwise" {
		var got []string
		for _, n := range pg.Nodes {
			got = append(got, n.Op)
		}
		t.Fatalf("GELU and SiLU prepared into %v, want two Pointwise tables", got)
	}
	run(t, opCase{name: "GELU+SiLU", order: []string{"x"}, inputs: map[string]tensor.Shape{"x": {2, 8}}, consts: consts, nodes: gelu, out: []string{"y", "silu"}, tol: 0.02})

	ln := []*graph.Node{node("LayerNormalization", []string{"x", "g", "b"}, []string{"y", "mean", "inv"}, "axis", -1, "epsilon", 1e-3),
		node("Pow", []string{"y", "two"}, []string{"y2"}), node("Sqrt", []string{"y2"}, []string{"ay"})}
	run(t, opCase{name: "LayerNorm+Pow+Sqrt", order: []string{"x"}, inputs: map[string]tensor.Shape{"x": {3, 8}},
		consts: map[string]*tensor.T{"g": randT(r, tensor.Shape{8}, 0.5, 1.5), "b": randT(r, tensor.Shape{8}, -0.5, 0.5), "two": constT(tensor.Shape{}, 2)},
		nodes:  ln, out: []string{"y", "mean", "inv", "ay"}, tol: 0.03, lieHints: []solver.Hint{gadgets.SqrtHint, gadgets.DivRoundHint}, lieOne: true})

	// a constant row (zero variance; epsilon below the variance's quantum)
	// still normalizes: the standard deviation is at least one quantum
	lg := &graph.Graph{Consts: map[string]*tensor.T{"g": constT(tensor.Shape{8}, 1, 1, 1, 1, 1, 1, 1, 1), "b": randT(r, tensor.Shape{8}, -0.5, 0.5)},
		Nodes:  []*graph.Node{node("LayerNormalization", []string{"x", "g", "b"}, []string{"y"}, "axis", -1)},
		Inputs: []graph.Value{{Name: "x", Shape: tensor.Shape{1, 8}, DType: 1}}, Outputs: []graph.Value{{Name: "y"}}}
	lq, err := model.Quantize(lg, [][]*tensor.T{{randT(r, tensor.Shape{1, 8}, -2, 2)}, {randT(r, tensor.Shape{1, 8}, 0, 2)}}, ops.Defaults)
	if err != nil {
		t.Fatal(err)
	}
	flat, err := model.QuantizeInputs(lq.Prog, []*tensor.T{constT(tensor.Shape{1, 8}, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5)})
	if err != nil {
		t.Fatal(err)
	}
	lv, err := lq.Prog.Run(flat)
	if err != nil {
		t.Fatalf("LayerNormalization of a constant row: %v", err)
	}
	yt := lq.Prog.Tensors[lq.Prog.Outputs[0]]
	for j, v := range lv[lq.Prog.Outputs[0]] {
		if got, want := math.Ldexp(float64(v), -yt.Frac), lg.Consts["b"].Data[j]; math.Abs(got-want) > 0.01 {
			t.Errorf("constant row: y[%d] = %v, want the bias %v", j, got, want)
		}
	}

	mask := tensor.New(tensor.Shape{4, 4})
	for i := range 4 {
		for j := range 4 {
			mask.Data[i*4+j] = bit(j <= i)
		}
	}
	run(t, opCase{name: "Split+causal-mask", order: []string{"x"}, inputs: map[string]tensor.Shape{"x": {4, 8}},
		consts: map[string]*tensor.T{"mask": mask, "ninf": constT(tensor.Shape{}, math.Inf(-1))},
		nodes: []*graph.Node{node("Split", []string{"x"}, []string{"q", "k"}, "axis", 1),
			node("Transpose", []string{"k"}, []string{"kt"}, "perm", []int{1, 0}),
			node("MatMul", []string{"q", "kt"}, []string{"s"}),
			node("Where", []string{"mask", "s", "ninf"}, []string{"ms"}),
			node("Softmax", []string{"ms"}, []string{"p"}, "axis", -1)},
		out: []string{"p"}, tol: 0.03})
	// a masked score contributes exactly 0: every masked probability of the
	// integer program is 0, and the unmasked ones sum to one
	mg := &graph.Graph{Consts: map[string]*tensor.T{"mask": mask, "ninf": constT(tensor.Shape{}, math.Inf(-1))},
		Nodes:  []*graph.Node{node("Where", []string{"mask", "x", "ninf"}, []string{"ms"}), node("Softmax", []string{"ms"}, []string{"p"}, "axis", -1)},
		Inputs: []graph.Value{{Name: "x", Shape: tensor.Shape{4, 4}, DType: 1}}, Outputs: []graph.Value{{Name: "p"}}}
	sample := []*tensor.T{randT(r, tensor.Shape{4, 4}, -3, 3)}
	prog, vals := runInts(t, mg, sample, ops.Defaults)
	p := vals[prog.Outputs[0]]
	one := int64(1) << prog.Tensors[prog.Outputs[0]].Frac
	for i := range 4 {
		var s int64
		for j := range 4 {
			if v := p[i*4+j]; j > i && v != 0 {
				t.Errorf("masked score (%d, %d) has probability %d, not 0", i, j, v)
			}
			s += p[i*4+j]
		}
		if s > one || s < one-4 {
			t.Errorf("row %d sums to %d, want %d (less the rounding of 4 entries)", i, s, one)
		}
	}
}

func bit(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
