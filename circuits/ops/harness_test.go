package ops_test

import (
	"math"
	"math/big"
	"math/rand"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/test"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
	"github.com/zkml/zkml/prover"
)

// opCase is a small graph around one operator.
type opCase struct {
	name   string
	inputs map[string]tensor.Shape // graph inputs, in inputOrder
	order  []string
	consts map[string]*tensor.T
	nodes  []*graph.Node
	out    []string
	lo, hi float64 // input values are uniform in [lo, hi)
	tol    float64 // error bound relative to the float output's magnitude
	// lie also solves the R1CS with dishonest layer advice (the first
	// quotient of each linear layer off by one, the public output made to
	// match) and requires the solver to reject it.
	lie bool
	// lieHints also solves with each of these gadget hints dishonest (a bit
	// flipped, a one-hot moved) and requires the solver to reject it.
	lieHints []solver.Hint
	// lieOne corrupts a multi-output hint in one entry (its first, plus
	// one) rather than moving a one-hot's one.
	lieOne bool
}

// graph is the case's graph: its nodes, constants, inputs and outputs.
func (c opCase) graph() *graph.Graph {
	g := &graph.Graph{Consts: map[string]*tensor.T{}, Nodes: c.nodes}
	for k, v := range c.consts {
		g.Consts[k] = v
	}
	for _, name := range c.order {
		g.Inputs = append(g.Inputs, graph.Value{Name: name, Shape: c.inputs[name], DType: 1})
	}
	for _, o := range c.out {
		g.Outputs = append(g.Outputs, graph.Value{Name: o})
	}
	return g
}

func node(op string, in, out []string, attrs ...any) *graph.Node {
	n := &graph.Node{Op: op, Name: op + "_under_test", Inputs: in, Outputs: out, Attrs: map[string]graph.Attr{}}
	for i := 0; i+1 < len(attrs); i += 2 {
		name := attrs[i].(string)
		switch v := attrs[i+1].(type) {
		case int:
			n.Attrs[name] = graph.Attr{Kind: graph.AttrInt, Int: int64(v)}
		case float64:
			n.Attrs[name] = graph.Attr{Kind: graph.AttrFloat, Float: v}
		case string:
			n.Attrs[name] = graph.Attr{Kind: graph.AttrString, Str: v}
		case []int:
			a := graph.Attr{Kind: graph.AttrInts}
			for _, x := range v {
				a.Ints = append(a.Ints, int64(x))
			}
			n.Attrs[name] = a
		case *tensor.T:
			n.Attrs[name] = graph.Attr{Kind: graph.AttrTensor, Tensor: v}
		case []float64:
			n.Attrs[name] = graph.Attr{Kind: graph.AttrFloats, Floats: v}
		case []string:
			n.Attrs[name] = graph.Attr{Kind: graph.AttrStrings, Strings: v}
		default:
			panic("unknown attribute type")
		}
	}
	return n
}

func randT(r *rand.Rand, shape tensor.Shape, lo, hi float64) *tensor.T {
	t := tensor.New(shape)
	for i := range t.Data {
		t.Data[i] = lo + (hi-lo)*r.Float64()
	}
	return t
}

func constT(shape tensor.Shape, v ...float64) *tensor.T {
	t, err := tensor.FromData(shape, v)
	if err != nil {
		panic(err)
	}
	return t
}

// run quantizes the case, checks the integer reference against the float
// graph, then checks in gnark's test engine that the honest witness satisfies
// the circuit and that a changed output, a changed input under the same
// commitment, a changed job or prover binding... fail.
func run(t *testing.T, c opCase) {
	t.Helper()
	gadgets.RegisterHints()
	r := rand.New(rand.NewSource(int64(len(c.name)) * 7919))
	g := c.graph()
	if c.hi == c.lo {
		c.lo, c.hi = -2, 2
	}
	var samples [][]*tensor.T
	for s := 0; s < 4; s++ {
		var in []*tensor.T
		for _, v := range g.Inputs {
			in = append(in, randT(r, v.Shape, c.lo, c.hi))
		}
		samples = append(samples, in)
	}
	q, err := model.Quantize(g, samples, ops.Defaults)
	if err != nil {
		t.Fatalf("%s: quantize: %v", c.name, err)
	}
	id, err := model.ModelID(q.Prog)
	if err != nil {
		t.Fatal(err)
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
		t.Fatalf("%s: witness: %v", c.name, err)
	}

	// integer reference against floats
	ref, err := ops.Run(q.Graph, sample)
	if err != nil {
		t.Fatal(err)
	}
	tol := c.tol
	if tol == 0 {
		tol = 0.02
	}
	for i, id := range q.Prog.Outputs {
		info := q.Prog.Tensors[id]
		f := ref[info.Name]
		m := math.Max(f.MaxAbs(), 1e-3)
		for j, v := range w.Outputs[i] {
			got := float64(v) * math.Ldexp(1, -info.Frac)
			if math.Abs(got-f.Data[j]) > tol*m {
				t.Fatalf("%s: output %s[%d] = %v, float reference %v (tolerance %v)", c.name, info.Name, j, got, f.Data[j], tol*m)
			}
		}
	}

	circuit := func() *model.Circuit { return model.NewCircuit(q.Prog, id, hashed) }
	field := ecc.BN254.ScalarField()
	ccs, err := frontend.Compile(field, r1cs.NewBuilder, circuit())
	if err != nil {
		t.Fatalf("%s: compile: %v", c.name, err)
	}
	// isSolved checks an assignment with gnark's test engine and with the
	// compiled R1CS and its solver (the prover's path, with the program's
	// layer hints); the two must agree.
	isSolved := func(_ *model.Circuit, assignment *model.Circuit, _ *big.Int) error {
		t.Helper()
		engine := test.IsSolved(circuit(), assignment, field)
		wit, err := frontend.NewWitness(assignment, field)
		if err != nil {
			t.Fatal(err)
		}
		solved := ccs.IsSolved(wit, q.Prog.SolverOptions()...)
		if (engine == nil) != (solved == nil) {
			t.Errorf("%s: the test engine says %v, the R1CS solver says %v", c.name, engine, solved)
		}
		return engine
	}
	full := w.Full.(*model.Circuit)
	if err := isSolved(circuit(), full, field); err != nil {
		t.Fatalf("%s: honest witness rejected: %v", c.name, err)
	}
	bad := *full
	bad.Output = new(big.Int).Add(w.Public[2], big.NewInt(1))
	if err := isSolved(circuit(), &bad, field); err == nil {
		t.Fatalf("%s: a wrong output was accepted", c.name)
	}
	if len(w.Outputs[0]) > 0 {
		// a wrong value in one output slot, packed consistently
		outs := make([][]int64, len(w.Outputs))
		for i := range outs {
			outs[i] = append([]int64(nil), w.Outputs[i]...)
		}
		outs[0][0]++
		bad = *full
		bad.Output = model.OutputValue(q.Prog, outs, hashed)
		if err := isSolved(circuit(), &bad, field); err == nil {
			t.Fatalf("%s: output[0][0]+1 was accepted", c.name)
		}
	}
	// refused solves the R1CS with the given solver options under the honest
	// public output and under output[0][0]+1 (what a dishonest witness could
	// have moved it to) and requires both to fail
	refused := func(what string, opts ...solver.Option) {
		outs := make([][]int64, len(w.Outputs))
		for i := range outs {
			outs[i] = append([]int64(nil), w.Outputs[i]...)
		}
		outs[0][0]++
		for _, o := range []*big.Int{w.Public[2], model.OutputValue(q.Prog, outs, hashed)} {
			bad := *full
			bad.Output = o
			wit, err := frontend.NewWitness(&bad, field)
			if err != nil {
				t.Fatal(err)
			}
			if err := ccs.IsSolved(wit, opts...); err == nil {
				t.Fatalf("%s: %s was accepted", c.name, what)
			}
		}
	}
	if c.lie {
		honest := q.Prog.LayerHint
		refused("layer advice with a quotient off by one", solver.OverrideHint(ops.LayerHintID, func(mod *big.Int, in, out []*big.Int) error {
			if err := honest(mod, in, out); err != nil {
				return err
			}
			out[0].Add(out[0], big.NewInt(1)).Mod(out[0], mod)
			return nil
		}))
	}
	for _, h := range c.lieHints {
		evil := func(mod *big.Int, in, out []*big.Int) error {
			if err := h(mod, in, out); err != nil {
				return err
			}
			if c.lieOne {
				out[0].Add(out[0], big.NewInt(1)).Mod(out[0], mod)
			} else if len(out) == 1 { // a bit: flip it
				out[0].Sub(big.NewInt(1), out[0]).Mod(out[0], mod)
			} else { // a one-hot: move its one along
				last := out[len(out)-1]
				copy(out[1:], out[:len(out)-1])
				out[0] = last
			}
			return nil
		}
		refused("a dishonest "+solver.GetHintName(h), append(q.Prog.SolverOptions(), solver.OverrideHint(solver.GetHintID(h), evil))...)
	}
	bad = *full
	bad.Model = new(big.Int).Add(id, big.NewInt(1))
	if err := isSolved(circuit(), &bad, field); err == nil {
		t.Fatalf("%s: a wrong model commitment was accepted", c.name)
	}
	bad = *full
	bad.X = append([][]frontend.Variable(nil), full.X...)
	for i := range full.X {
		bad.X[i] = append([]frontend.Variable(nil), full.X[i]...)
	}
	bad.X[0][0] = w.Input[0][0] + 1
	if err := isSolved(circuit(), &bad, field); err == nil {
		t.Fatalf("%s: an input that does not match the input commitment was accepted", c.name)
	}
}

func newRand(seed int64) *rand.Rand { return rand.New(rand.NewSource(seed)) }

// runInts quantizes g on sample (also its calibration) and returns the
// program and every tensor's integer values from the reference engine.
func runInts(t *testing.T, g *graph.Graph, sample []*tensor.T, cfg ops.Config) (*ops.Program, [][]int64) {
	t.Helper()
	q, err := model.Quantize(g, [][]*tensor.T{sample}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	in, err := model.QuantizeInputs(q.Prog, sample)
	if err != nil {
		t.Fatal(err)
	}
	vals, err := q.Prog.Run(in)
	if err != nil {
		t.Fatal(err)
	}
	return q.Prog, vals
}
