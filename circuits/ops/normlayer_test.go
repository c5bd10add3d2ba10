package ops_test

import (
	"math"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
)

var normLies = []solver.Hint{gadgets.SqrtHint, gadgets.DivRoundHint, gadgets.RescaleHint}

// decomposedNorm is the normalization as older exporters write it, over the
// axes from axis on of a rank-rank input x: mean (unless rms), centre, square
// (Pow, or Mul of d by itself), variance, epsilon, root, division, then the
// scale and bias when given.
func decomposedNorm(rank, axis int, rms, mul bool, gamma, beta string) []*graph.Node {
	var axes []int
	for d := axis; d < rank; d++ {
		axes = append(axes, d)
	}
	var nodes []*graph.Node
	d := "x"
	if !rms {
		nodes = append(nodes, node("ReduceMean", []string{"x"}, []string{"mean"}, "axes", axes, "keepdims", 1),
			node("Sub", []string{"x", "mean"}, []string{"d"}))
		d = "d"
	}
	if mul {
		nodes = append(nodes, node("Mul", []string{d, d}, []string{"d2"}))
	} else {
		nodes = append(nodes, node("Pow", []string{d, "two"}, []string{"d2"}))
	}
	nodes = append(nodes, node("ReduceMean", []string{"d2"}, []string{"var"}, "axes", axes, "keepdims", 1),
		node("Add", []string{"var", "eps"}, []string{"ve"}),
		node("Sqrt", []string{"ve"}, []string{"std"}),
		node("Div", []string{d, "std"}, []string{"n"}))
	last := "n"
	if gamma != "" {
		nodes = append(nodes, node("Mul", []string{last, gamma}, []string{"s"}))
		last = "s"
	}
	if beta != "" {
		nodes = append(nodes, node("Add", []string{last, beta}, []string{"y"}))
		last = "y"
	}
	nodes[len(nodes)-1].Outputs[0] = "y"
	return nodes
}

// norms lists the Norm layers of a program.
func norms(p *ops.Program) []*ops.Norm {
	var out []*ops.Norm
	for _, l := range p.Layers {
		if n, ok := l.(*ops.Norm); ok {
			out = append(out, n)
		}
	}
	return out
}

// TestLayerNormFused: LayerNormalization and RMSNormalization (the last
// axis, two trailing axes, with and without bias) are one Norm layer, exact
// to the float reference within 2%, and a wrong root, factor or rescaled
// value is refused.
func TestLayerNormFused(t *testing.T) {
	r := newRand(61)
	x := map[string]tensor.Shape{"x": {3, 4, 8}}
	consts := map[string]*tensor.T{"g": randT(r, tensor.Shape{8}, 0.5, 1.5), "b": randT(r, tensor.Shape{8}, -0.5, 0.5),
		"g2": randT(r, tensor.Shape{4, 8}, -1.5, 1.5), "b2": randT(r, tensor.Shape{4, 1}, -0.5, 0.5)}
	cases := []opCase{
		{name: "LayerNorm axis -1", nodes: []*graph.Node{node("LayerNormalization", []string{"x", "g", "b"}, []string{"y"}, "axis", -1, "epsilon", 1e-3)}},
		{name: "LayerNorm axis 1 no bias", nodes: []*graph.Node{node("LayerNormalization", []string{"x", "g2"}, []string{"y"}, "axis", 1)}},
		{name: "LayerNorm axis -2 bias", nodes: []*graph.Node{node("LayerNormalization", []string{"x", "g2", "b2"}, []string{"y"}, "axis", -2, "epsilon", 0.1)}},
		{name: "RMSNorm", nodes: []*graph.Node{node("RMSNormalization", []string{"x", "g"}, []string{"y"}, "axis", -1, "epsilon", 1e-4)}},
		{name: "RMSNorm axis 1", nodes: []*graph.Node{node("RMSNormalization", []string{"x", "g2"}, []string{"y"}, "axis", 1)}},
		// unused Mean and InvStdDev outputs do not stop the fusion
		{name: "LayerNorm unused stats", nodes: []*graph.Node{node("LayerNormalization", []string{"x", "g", "b"}, []string{"y", "m", ""}, "axis", -1)}},
	}
	for _, c := range cases {
		c.order, c.inputs, c.consts, c.out = []string{"x"}, x, consts, []string{"y"}
		c.lo, c.hi = -3, 5
		c.lieHints, c.lieOne = normLies, true
		q, err := model.Quantize(c.graph(), [][]*tensor.T{{randT(r, x["x"], -3, 5)}}, ops.Defaults)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(q.Prog.Layers) != 1 || len(norms(q.Prog)) != 1 {
			t.Fatalf("%s: %d layers, want one Norm", c.name, len(q.Prog.Layers))
		}
		run(t, c)
	}
}

// TestLayerNormPattern: the decomposed form (Pow or Mul for the square,
// with and without the mean, scale and bias) prepares into one
// normalization node and one Norm layer; where an intermediate is read
// elsewhere or is an output it is not fused, and both stay correct.
func TestLayerNormPattern(t *testing.T) {
	r := newRand(62)
	x := map[string]tensor.Shape{"x": {4, 16}}
	consts := map[string]*tensor.T{"two": constT(tensor.Shape{}, 2), "eps": constT(tensor.Shape{}, 1e-5),
		"g": randT(r, tensor.Shape{16}, 0.5, 1.5), "b": randT(r, tensor.Shape{1, 16}, -0.5, 0.5), "gs": constT(tensor.Shape{1}, 0.7)}
	cases := []struct {
		name  string
		nodes []*graph.Node
		op    string
	}{
		{"pattern Pow", decomposedNorm(2, 1, false, false, "g", "b"), "LayerNormalization"},
		{"pattern Mul", decomposedNorm(2, 1, false, true, "g", "b"), "LayerNormalization"},
		{"pattern no scale", decomposedNorm(2, 1, false, false, "", "b"), "LayerNormalization"},
		{"pattern scalar scale", decomposedNorm(2, 1, false, true, "gs", ""), "LayerNormalization"},
		{"pattern RMS", decomposedNorm(2, 1, true, false, "g", ""), "RMSNormalization"},
		{"pattern RMS Mul", decomposedNorm(2, -1+2, true, true, "g", "b"), "RMSNormalization"},
	}
	for _, c := range cases {
		oc := opCase{name: c.name, order: []string{"x"}, inputs: x, consts: consts, nodes: c.nodes, out: []string{"y"},
			lo: -2, hi: 3, lieHints: normLies, lieOne: true}
		pg, _, err := ops.Prepare(oc.graph())
		if err != nil {
			t.Fatal(err)
		}
		if len(pg.Nodes) != 1 || pg.Nodes[0].Op != c.op {
			var got []string
			for _, n := range pg.Nodes {
				got = append(got, n.Op)
			}
			t.Fatalf("%s prepared into %v, want one %s", c.name, got, c.op)
		}
		q, err := model.Quantize(oc.graph(), [][]*tensor.T{{randT(r, x["x"], -2, 3)}}, ops.Defaults)
		if err != nil {
			t.Fatal(err)
		}
		if len(q.Prog.Layers) != 1 || len(norms(q.Prog)) != 1 {
			t.Fatalf("%s: %d layers, want one Norm", c.name, len(q.Prog.Layers))
		}
		run(t, oc)
	}

	// the centred value is also an output: the mean and Sub stay, and the
	// rest fuses as the RMS normalization of d
	nodes := decomposedNorm(2, 1, false, false, "g", "b")
	oc := opCase{name: "pattern d output", order: []string{"x"}, inputs: x, consts: consts, nodes: nodes, out: []string{"y", "d"}, lo: -2, hi: 3}
	pg, _, err := ops.Prepare(oc.graph())
	if err != nil {
		t.Fatal(err)
	}
	if ops := opsOf(pg); len(ops) != 3 || ops[2] != "RMSNormalization" {
		t.Fatalf("with d an output: prepared into %v, want ReduceMean, Sub, RMSNormalization", ops)
	}
	run(t, oc)
	// the variance is also read elsewhere: nothing fuses
	nodes = append(decomposedNorm(2, 1, false, true, "g", "b"), node("Mul", []string{"var", "two"}, []string{"v2"}))
	oc = opCase{name: "pattern var shared", order: []string{"x"}, inputs: x, consts: consts, nodes: nodes, out: []string{"y", "v2"}, lo: -2, hi: 3, tol: 0.03}
	pg, _, err = ops.Prepare(oc.graph())
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range opsOf(pg) {
		if op == "LayerNormalization" || op == "RMSNormalization" {
			t.Fatalf("with the variance read elsewhere: prepared into %v, want no fusion", opsOf(pg))
		}
	}
	run(t, oc)
	// the scale varies along a leading axis: the division fuses, the Mul stays
	nodes = decomposedNorm(2, 1, false, false, "gl", "")
	oc = opCase{name: "pattern leading scale", order: []string{"x"}, inputs: x, nodes: nodes, out: []string{"y"}, lo: -2, hi: 3,
		consts: map[string]*tensor.T{"two": consts["two"], "eps": consts["eps"], "gl": randT(r, tensor.Shape{4, 1}, 0.5, 1.5)}}
	pg, _, err = ops.Prepare(oc.graph())
	if err != nil {
		t.Fatal(err)
	}
	if ops := opsOf(pg); len(ops) != 2 || ops[0] != "LayerNormalization" || ops[1] != "Mul" {
		t.Fatalf("with a leading-axis scale: prepared into %v, want LayerNormalization, Mul", ops)
	}
	run(t, oc)
}

func opsOf(g *graph.Graph) []string {
	var out []string
	for _, n := range g.Nodes {
		out = append(out, n.Op)
	}
	return out
}

// TestLayerNormCost measures the Norm layer's constraints on a 64x64
// LayerNorm (nanoGPT's) against the same program without it, with 16- and
// 8-bit range limbs.
func TestLayerNormCost(t *testing.T) {
	r := newRand(63)
	for _, limb := range []int{16, 8} {
		g := &graph.Graph{Consts: map[string]*tensor.T{"g": randT(r, tensor.Shape{64}, 0.5, 1.5), "b": randT(r, tensor.Shape{64}, -0.5, 0.5)},
			Nodes:  []*graph.Node{node("LayerNormalization", []string{"x", "g", "b"}, []string{"y"}, "axis", -1)},
			Inputs: []graph.Value{{Name: "x", Shape: tensor.Shape{64, 64}, DType: 1}}, Outputs: []graph.Value{{Name: "y"}}}
		cfg := ops.Defaults
		cfg.LimbBits = limb
		var samples [][]*tensor.T
		for range 3 {
			samples = append(samples, []*tensor.T{randT(r, tensor.Shape{64, 64}, -4, 4)})
		}
		q, err := model.Quantize(g, samples, cfg)
		if err != nil {
			t.Fatal(err)
		}
		l := norms(q.Prog)[0]
		count := func(p *ops.Program) int {
			id, err := model.ModelID(p)
			if err != nil {
				t.Fatal(err)
			}
			ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, model.NewCircuit(p, id, model.HashesOutput(p, false)))
			if err != nil {
				t.Fatal(err)
			}
			return ccs.GetNbConstraints()
		}
		full := count(q.Prog)
		// the same program with the output read straight from the input
		bare := *q.Prog
		bare.Layers = nil
		bare.Outputs = []int{q.Prog.Inputs[0]}
		base := count(&bare)
		per := float64(full-base) / 4096
		t.Logf("limbs %d: Norm 64x64 (shift %d, root %d bits, factor %d bits): %d constraints, %.2f per element; estimate %d",
			limb, l.Shift, l.DBits, l.QBits, full-base, per, l.EstimatedCost(4096, q.Prog.LimbBits))
		// the expansion it replaces (the Mean output requested keeps it),
		// the Mean output's binding (64 values) included
		eg := *g
		eg.Nodes = []*graph.Node{node("LayerNormalization", []string{"x", "g", "b"}, []string{"y", "mean"}, "axis", -1)}
		eg.Outputs = []graph.Value{{Name: "y"}, {Name: "mean"}}
		eq, err := model.Quantize(&eg, samples, cfg)
		if err != nil {
			t.Fatal(err)
		}
		ebare := *eq.Prog
		ebare.Layers = nil
		ebare.Outputs = []int{eq.Prog.Inputs[0]}
		t.Logf("limbs %d: the expansion: %d constraints", limb, count(eq.Prog)-count(&ebare))
		if limb == 16 && per > 6 {
			t.Errorf("%.2f constraints per element, want about 5", per)
		}
		// the output is within 2% of the float reference
		in, err := model.QuantizeInputs(q.Prog, samples[0])
		if err != nil {
			t.Fatal(err)
		}
		vals, err := q.Prog.Run(in)
		if err != nil {
			t.Fatal(err)
		}
		ref, err := ops.Run(q.Graph, samples[0])
		if err != nil {
			t.Fatal(err)
		}
		yt := q.Prog.Tensors[q.Prog.Outputs[0]]
		worst := 0.0
		for j, v := range vals[q.Prog.Outputs[0]] {
			worst = math.Max(worst, math.Abs(math.Ldexp(float64(v), -yt.Frac)-ref["y"].Data[j]))
		}
		if worst > 0.02*ref["y"].MaxAbs() {
			t.Errorf("limbs %d: worst error %v against a float magnitude %v", limb, worst, ref["y"].MaxAbs())
		}
		t.Logf("limbs %d: worst error %.5f (output quantum %.5f)", limb, worst, math.Ldexp(1, -yt.Frac))
	}
}
