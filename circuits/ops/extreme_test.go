package ops_test

import (
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"runtime/debug"
	"strconv"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/test"

	"errors"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
	"github.com/zkml/zkml/prover"
)

// xCase is an opCase with a quantization config and an input generator.
type xCase struct {
	opCase
	cfg ops.Config
	// gen produces input i of sample s; nil: uniform in [lo, hi)
	gen func(r *rand.Rand, s int, shape tensor.Shape) *tensor.T
	// mustProve: a refusal at quantization is a failure too
	mustProve bool
}

// xCheck quantizes, solves and checks the honest witness; it returns the
// first problem found (a panic, an output away from the float model, the
// circuit rejecting the honest witness, an error at quantization that names
// no node or, with mustProve, any) and never fails the test itself. These
// cases sit at the edges of int64 and of the activation widths: the model
// must either be refused, naming the node, or prove what the float model
// computes.
func xCheck(c xCase) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("PANIC: %v\n%s", r, firstLines(string(debug.Stack()), 14))
		}
	}()
	gadgets.RegisterHints()
	r := rand.New(rand.NewSource(int64(len(c.name))*7919 + 1))
	g := c.graph()
	if c.hi == c.lo {
		c.lo, c.hi = -2, 2
	}
	var samples [][]*tensor.T
	for s := 0; s < 4; s++ {
		var in []*tensor.T
		for _, v := range g.Inputs {
			if c.gen != nil {
				in = append(in, c.gen(r, s, v.Shape))
			} else {
				in = append(in, randT(r, v.Shape, c.lo, c.hi))
			}
		}
		samples = append(samples, in)
	}
	cfg := c.cfg
	if cfg.ActBits == 0 {
		cfg = ops.Defaults
	}
	q, err := model.Quantize(g, samples, cfg)
	var ne *ops.NodeError
	if err != nil && errors.As(err, &ne) && !c.mustProve {
		return nil // refused, naming the node: what a model out of range must get
	}
	if err != nil {
		return fmt.Errorf("quantize: %w", err)
	}
	id, err := model.ModelID(q.Prog)
	if err != nil {
		return err
	}
	a := &model.Artifacts{Prog: q.Prog, ID: id, Meta: &model.Meta{}}
	a.Meta.InputEncoding, a.Meta.OutputEncoding = model.Encodings(q.Prog, model.Modes{})
	hashed := model.HashesOutput(q.Prog, false)
	sample := samples[len(samples)-1]
	req := prover.Request{JobID: big.NewInt(77), Prover: big.NewInt(0xbeef)}
	for _, s := range sample {
		req.Inputs = append(req.Inputs, s.Data)
	}
	w, err := prover.Solve(a, req)
	if err != nil {
		return fmt.Errorf("witness (calibration sample itself): %w", err)
	}
	ref, err := ops.Run(q.Graph, sample)
	if err != nil {
		return err
	}
	tol := c.tol
	if tol == 0 {
		tol = 0.05
	}
	var floatErr error
	for i, oid := range q.Prog.Outputs {
		info := q.Prog.Tensors[oid]
		f := ref[info.Name]
		m := math.Max(f.MaxAbs(), 1e-300)
		for j, v := range w.Outputs[i] {
			got := float64(v) * math.Ldexp(1, -info.Frac)
			if math.Abs(got-f.Data[j]) > tol*m && floatErr == nil {
				floatErr = fmt.Errorf("WRONG VALUE: output %s[%d] = %v, float reference %v (frac %d, int %d, tolerance %v)", info.Name, j, got, f.Data[j], info.Frac, v, tol*m)
			}
		}
	}
	circuit := func() *model.Circuit { return model.NewCircuit(q.Prog, id, hashed) }
	field := ecc.BN254.ScalarField()
	full := w.Full.(*model.Circuit)
	if e := xEngine(circuit(), full, field); e != nil {
		return fmt.Errorf("REJECTED by test engine: %v (float check: %v)", firstLines(e.Error(), 3), floatErr)
	}
	ccs, err := frontend.Compile(field, r1cs.NewBuilder, circuit())
	if err != nil {
		return fmt.Errorf("compile: %v", err)
	}
	wit, err := frontend.NewWitness(full, field)
	if err != nil {
		return err
	}
	if e := ccs.IsSolved(wit, q.Prog.SolverOptions()...); e != nil {
		return fmt.Errorf("REJECTED by R1CS solver: %v (float check: %v)", firstLines(e.Error(), 3), floatErr)
	}
	return floatErr
}

func firstLines(s string, n int) string {
	out, k := "", 0
	for _, line := range splitLines(s) {
		if k == n {
			break
		}
		out += line + "\n"
		k++
	}
	return out
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// xReport runs cases and logs every problem; it fails the test if any.
func xReport(t *testing.T, cases []xCase) {
	t.Helper()
	bad := 0
	for _, c := range cases {
		if err := xCheck(c); err != nil {
			bad++
			t.Errorf("%s [bits %d wbits %d]: %v", c.name, c.cfg.ActBits, c.cfg.WeightBits, err)
		}
	}
	t.Logf("%d/%d cases failed", bad, len(cases))
}

func cfgBits(act, w int) ops.Config {
	c := ops.Defaults
	c.ActBits, c.WeightBits = act, w
	return c
}

func xEngine(c, w *model.Circuit, field *big.Int) error {
	return test.IsSolved(c, w, field)
}
func xOne(name string, bits, wbits int, shapes map[string]tensor.Shape, order []string, consts map[string]*tensor.T, nodes []*graph.Node, lo, hi float64) xCase {
	c := xCase{cfg: cfgBits(bits, wbits)}
	c.name = name
	c.order = order
	c.inputs = shapes
	c.consts = consts
	c.nodes = nodes
	c.out = []string{"y"}
	c.lo, c.hi = lo, hi
	return c
}

// Dense with --weight-bits 24 --bits 32: w x products near 2^60, a K=32 sum overflows int64.
func TestExtremeDenseWideAccumulator(t *testing.T) {
	r := newRand(3)
	var cases []xCase
	for _, k := range []int{4, 32, 256} {
		for _, wb := range []int{12, 16, 24} {
			W := randT(r, tensor.Shape{k, 2}, -1, 1)
			cases = append(cases, xOne("MatMul/K"+itoa(k), 32, wb, map[string]tensor.Shape{"x": {1, k}}, []string{"x"},
				map[string]*tensor.T{"W": W}, []*graph.Node{node("MatMul", []string{"x", "W"}, []string{"y"})}, 0.5, 2))
		}
	}
	xReport(t, cases)
}

// Dense of tiny inputs with a bias of ordinary size: the bias is quantized at
// the accumulator frac (input frac + weight frac).
func TestExtremeDenseBiasOverflow(t *testing.T) {
	var cases []xCase
	for _, bits := range []int{16, 24, 32} {
		for _, bias := range []float64{1, 100, 1e4} {
			W := constT(tensor.Shape{2, 2}, 0.5, -0.25, 0.75, 1)
			b := constT(tensor.Shape{2}, bias, -bias)
			cases = append(cases, xOne("Gemm/tinyx/bias"+ftoa(bias), bits, 12, map[string]tensor.Shape{"x": {1, 2}}, []string{"x"},
				map[string]*tensor.T{"W": W, "b": b}, []*graph.Node{node("Gemm", []string{"x", "W", "b"}, []string{"y"})}, -1e-6, 1e-6))
		}
	}
	// Add of a constant to a tiny activation is the same affine path
	for _, bits := range []int{16, 32} {
		cases = append(cases, xOne("Add/tinyx+const", bits, 12, map[string]tensor.Shape{"x": {3}}, []string{"x"},
			map[string]*tensor.T{"k": constT(tensor.Shape{1}, 1e4)}, []*graph.Node{node("Add", []string{"x", "k"}, []string{"y"})}, -1e-6, 1e-6))
	}
	xReport(t, cases)
}

// Add of two activations with very different scales: MulA = 2^(frac difference).
func TestExtremeAddScales(t *testing.T) {
	var cases []xCase
	for _, bits := range []int{16, 24, 32} {
		for _, big := range []float64{1e4, 1e6, 1e7} {
			c := xOne("Add/act/big"+ftoa(big), bits, 12, map[string]tensor.Shape{"a": {3}, "b": {3}}, []string{"a", "b"}, nil,
				[]*graph.Node{node("Add", []string{"a", "b"}, []string{"y"})}, 0, 0)
			c.gen = xTwoScale(big, 1e-6)
			cases = append(cases, c)
		}
	}
	xReport(t, cases)
}

// xTwoScale alternates inputs: the first in [-big, big], the second in [-small, small].
func xTwoScale(big, small float64) func(*rand.Rand, int, tensor.Shape) *tensor.T {
	n := 0
	return func(r *rand.Rand, _ int, sh tensor.Shape) *tensor.T {
		m := big
		if n%2 == 1 {
			m = small
		}
		n++
		return randT(r, sh, -m, m)
	}
}

// Concat of a huge and a tiny activation aligns both to the finer frac.
func TestExtremeConcatScales(t *testing.T) {
	var cases []xCase
	for _, bits := range []int{16, 32} {
		for _, big := range []float64{1e3, 1e6} {
			c := xOne("Concat/big"+ftoa(big), bits, 12, map[string]tensor.Shape{"a": {2}, "b": {2}}, []string{"a", "b"}, nil,
				[]*graph.Node{node("Concat", []string{"a", "b"}, []string{"y"}, "axis", 0)}, 0, 0)
			c.gen = xTwoScale(big, 1e-6)
			cases = append(cases, c)
		}
	}
	xReport(t, cases)
}

// LeakyRelu/PRelu with a tiny or a large slope.
func TestExtremeLeakySlopes(t *testing.T) {
	var cases []xCase
	for _, bits := range []int{16, 24, 32} {
		for _, a := range []float64{1e-9, 1e-6, 0, 3000, 0.01} {
			cases = append(cases, xOne("LeakyRelu/alpha"+ftoa(a), bits, 12, map[string]tensor.Shape{"x": {6}}, []string{"x"}, nil,
				[]*graph.Node{node("LeakyRelu", []string{"x"}, []string{"y"}, "alpha", a)}, -2, 2))
		}
	}
	// --weight-bits 4 with a slope of 10
	cases = append(cases, xOne("PRelu/slope10/wbits4", 16, 4, map[string]tensor.Shape{"x": {3}}, []string{"x"},
		map[string]*tensor.T{"s": constT(tensor.Shape{1}, 10)}, []*graph.Node{node("PRelu", []string{"x", "s"}, []string{"y"})}, -0.1, 0.1))
	for i := range cases {
		cases[i].mustProve = true
	}
	xReport(t, cases)
}

// Gemm+Relu whose pre-activations are far more negative than its outputs are positive.
func TestExtremeReluNegRange(t *testing.T) {
	var cases []xCase
	for _, bits := range []int{16, 24, 32} {
		for _, neg := range []float64{1e3, 1e6} {
			// y = relu(x*1 - neg) with x in [0, neg + 1e-3): mostly very negative
			W := constT(tensor.Shape{1, 1}, 1)
			b := constT(tensor.Shape{1}, -neg)
			c := xOne("Gemm+Relu/neg"+ftoa(neg), bits, 12, map[string]tensor.Shape{"x": {4, 1}}, []string{"x"},
				map[string]*tensor.T{"W": W, "b": b}, []*graph.Node{node("Gemm", []string{"x", "W", "b"}, []string{"h"}), node("Relu", []string{"h"}, []string{"y"})}, 0, 0)
			// at 16 and 24 bits the input's own step (2^6 for 1e6) is far
			// above the output's 1e-3: what must hold is that the model
			// compiles and proves (the ReLU's negative range reaches 64
			// bits), not the precision
			c.tol, c.mustProve = 1, true
			c.gen = func(r *rand.Rand, s int, sh tensor.Shape) *tensor.T {
				t := tensor.New(sh)
				t.Data[0] = neg + 1e-3 // positive output 1e-3
				for i := 1; i < len(t.Data); i++ {
					t.Data[i] = r.Float64() * neg * 0.01 // pre-activation ~ -neg
				}
				return t
			}
			cases = append(cases, c)
		}
	}
	xReport(t, cases)
}

func itoa(i int) string     { return ftoa(float64(i)) }
func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// A long dot product with --bits 32 --weight-bits 24: the int64 accumulator
// (Linear.accumulate) of w x terms near 2^52 overflows past ~2^11 terms.
func TestExtremeDenseLongSum(t *testing.T) {
	var cases []xCase
	for _, k := range []int{512, 2048} {
		W := tensor.New(tensor.Shape{k, 1})
		for i := range W.Data {
			W.Data[i] = 1
		}
		cases = append(cases, xOne("MatMul/ones/K"+itoa(k), 32, 24, map[string]tensor.Shape{"x": {1, k}}, []string{"x"},
			map[string]*tensor.T{"W": W}, []*graph.Node{node("MatMul", []string{"x", "W"}, []string{"y"})}, 1.9, 2))
	}
	xReport(t, cases)
}

// xPair: input a spans [-big, big] with its extremes present, input b spans [-small, small].
func xPair(big, small float64, aNonPos bool) func(*rand.Rand, int, tensor.Shape) *tensor.T {
	n := 0
	return func(r *rand.Rand, _ int, sh tensor.Shape) *tensor.T {
		t := tensor.New(sh)
		if n%2 == 0 {
			for i := range t.Data {
				t.Data[i] = []float64{big, -big, 0.5 * big, 0}[i%4]
				if aNonPos && t.Data[i] > 0 {
					t.Data[i] = -t.Data[i]
				}
			}
		} else {
			for i := range t.Data {
				t.Data[i] = small * (2*r.Float64() - 1)
				if aNonPos {
					t.Data[i] = small * r.Float64()
				}
			}
		}
		n++
		return t
	}
}

// Add/Sub of two activations of very different scales (the big one at its
// calibrated extremes).
func TestExtremeAddScalesExtreme(t *testing.T) {
	var cases []xCase
	for _, bits := range []int{16, 24, 32} {
		for _, big := range []float64{1e5, 1e7} {
			for _, op := range []string{"Add", "Sub"} {
				c := xOne(op+"/act/big"+ftoa(big)+"/tiny", bits, 12, map[string]tensor.Shape{"a": {4}, "b": {4}}, []string{"a", "b"}, nil,
					[]*graph.Node{node(op, []string{"a", "b"}, []string{"y"})}, 0, 0)
				c.gen = xPair(big, 1e-6, false)
				cases = append(cases, c)
			}
		}
	}
	xReport(t, cases)
}

// Relu(a + b): a in [-big, 0], b in [0, 1e-6): the output is tiny (fine frac),
// the pre-activation hugely negative.
func TestExtremeAddReluNegRange(t *testing.T) {
	var cases []xCase
	for _, bits := range []int{16, 24, 32} {
		for _, big := range []float64{1e3, 1e5, 1e6} {
			c := xOne("Relu(Add)/neg"+ftoa(big), bits, 12, map[string]tensor.Shape{"a": {4}, "b": {4}}, []string{"a", "b"}, nil,
				[]*graph.Node{node("Add", []string{"a", "b"}, []string{"h"}), node("Relu", []string{"h"}, []string{"y"})}, 0, 0)
			c.gen = xPair(big, 1e-6, true)
			c.mustProve = true
			cases = append(cases, c)
		}
	}
	xReport(t, cases)
}

// Concat of a huge and a tiny activation: Map aligns both to the finer frac
// with Mul = 2^(frac difference).
func TestExtremeConcatScalesExtreme(t *testing.T) {
	var cases []xCase
	for _, bits := range []int{16, 24, 32} {
		for _, big := range []float64{1e5, 1e7} {
			c := xOne("Concat/big"+ftoa(big)+"/tiny", bits, 12, map[string]tensor.Shape{"a": {4}, "b": {4}}, []string{"a", "b"}, nil,
				[]*graph.Node{node("Concat", []string{"a", "b"}, []string{"c"}, "axis", 0), node("Relu", []string{"c"}, []string{"y"})}, 0, 0)
			c.gen = xPair(big, 1e-6, false)
			cases = append(cases, c)
		}
	}
	xReport(t, cases)
}

// Softmax of small logits (|x| <= 1e-4) at the default 16 bits.
func TestExtremeSoftmaxSmallLogits(t *testing.T) {
	var cases []xCase
	for _, hi := range []float64{1e-3, 1e-4, 1e-6} {
		c := xCase{cfg: cfgBits(16, 12), mustProve: true}
		c.name = "Softmax/small"
		c.order = []string{"x"}
		c.inputs = map[string]tensor.Shape{"x": {1, 4}}
		c.nodes = []*graph.Node{node("Softmax", []string{"x"}, []string{"y"})}
		c.out = []string{"y"}
		c.lo, c.hi = -hi, hi
		cases = append(cases, c)
	}
	xReport(t, cases)
}

// A product of two activations near 1e6 (1e12) is held by 16-bit
// activations at a coarse scale (scales reach 2^1000 per step), computed
// within the quantization error.
func TestExtremeMagnitude(t *testing.T) {
	g := &graph.Graph{Consts: map[string]*tensor.T{}, Nodes: []*graph.Node{node("Mul", []string{"a", "b"}, []string{"y"})}}
	g.Inputs = []graph.Value{{Name: "a", Shape: tensor.Shape{2}, DType: 1}, {Name: "b", Shape: tensor.Shape{2}, DType: 1}}
	g.Outputs = []graph.Value{{Name: "y"}}
	sample := []*tensor.T{constT(tensor.Shape{2}, 1e6, -1e6), constT(tensor.Shape{2}, 1e6, 1e6)}
	prog, vals := runInts(t, g, sample, cfgBits(16, 12))
	y := prog.Tensors[prog.Outputs[0]]
	for j, want := range []float64{1e12, -1e12} {
		if got := math.Ldexp(float64(vals[prog.Outputs[0]][j]), -y.Frac); math.Abs(got-want) > 0.01*1e12 {
			t.Errorf("y[%d] = %g, want %g", j, got, want)
		}
	}
}
