// Package conformance runs ONNX's own backend tests (Debian's
// libonnx-testdata: node, pytorch-converted, pytorch-operator and simple)
// through the compiler, in a model owner's form: every graph input but the
// first becomes an initializer. Each test whose operators the registry lists
// is imported, calibrated on its own input, quantized and either solved
// (the integer reference and the R1CS solver on the compiled circuit) or
// compiled with keys, proved and verified; its outputs must lie within 5% of
// the largest magnitude of the expected ones.
package conformance

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/consensys/gnark/frontend"
	"google.golang.org/protobuf/proto"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/onnx/onnxpb"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/verifier"
)

// DefaultRoot is where Debian's libonnx-testdata installs the suites.
const DefaultRoot = "/usr/share/libonnx-testdata/data"

// Suites are the test suites the harness runs.
var Suites = []string{"node", "pytorch-converted", "pytorch-operator", "simple"}

// Tolerance is the largest error allowed, relative to each output's largest
// magnitude.
const Tolerance = 0.05

// Status is the outcome of one test.
type Status string

const (
	Pass        Status = "pass"
	Unsupported Status = "unsupported" // an operator or attribute the compiler refuses by name
	Refused     Status = "refused"     // compile refused the model for another reason
	TooLarge    Status = "too-large"   // beyond the resource guard
	Failed      Status = "prove"       // solving or proving failed
	NotVerified Status = "verify"
	Inaccurate  Status = "accuracy"
	SkipDType   Status = "skip-dtype" // strings or other non-numeric tensors
	Harness     Status = "harness"    // the test itself could not be read
)

// Case is one backend test.
type Case struct {
	Name string // suite/test_name
	Dir  string
}

// Result is the outcome of a case.
type Result struct {
	Name   string   `json:"name"`
	Status Status   `json:"status"`
	Detail string   `json:"detail,omitempty"`
	Ops    []string `json:"ops"`
	// Constraints of the compiled circuit (0 when it was not compiled).
	Constraints int `json:"constraints,omitempty"`
}

// Cases lists the tests of the suites under root, sorted, keeping those
// whose name matches only (nil: all).
func Cases(root string, only *regexp.Regexp, suites ...string) ([]Case, error) {
	if len(suites) == 0 {
		suites = Suites
	}
	var out []Case
	for _, s := range suites {
		dirs, err := filepath.Glob(filepath.Join(root, s, "*"))
		if err != nil {
			return nil, err
		}
		for _, d := range dirs {
			name := s + "/" + filepath.Base(d)
			if only != nil && !only.MatchString(name) {
				continue
			}
			if _, err := os.Stat(filepath.Join(d, "model.onnx")); err == nil {
				out = append(out, Case{Name: name, Dir: d})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Ops lists a graph's operators, domain-qualified as the registry names them.
func Ops(g *graph.Graph) []string {
	seen := map[string]bool{}
	for _, n := range g.Nodes {
		k := n.Op
		if n.Domain != "" && n.Domain != "ai.onnx" {
			k = n.Domain + "." + n.Op
		}
		seen[k] = true
	}
	var out []string
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Loaded is a test in the model owner's form.
type Loaded struct {
	Graph   *graph.Graph
	Input   *tensor.T   // the first input: the one the prover is given
	Outputs []*tensor.T // the expected outputs
	Ops     []string
}

var pbNumber = regexp.MustCompile(`_(\d+)\.pb$`)

// readTensors reads dir/prefix_*.pb in numeric order.
func readTensors(dir, prefix string) ([]*tensor.T, error) {
	paths, _ := filepath.Glob(filepath.Join(dir, prefix+"_*.pb"))
	sort.Slice(paths, func(i, j int) bool {
		a, _ := strconv.Atoi(pbNumber.FindStringSubmatch(paths[i])[1])
		b, _ := strconv.Atoi(pbNumber.FindStringSubmatch(paths[j])[1])
		return a < b
	})
	var out []*tensor.T
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var tp onnxpb.TensorProto
		if err := proto.Unmarshal(raw, &tp); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(p), err)
		}
		t, err := onnx.Tensor(&tp)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(p), err)
		}
		out = append(out, t)
	}
	return out, nil
}

// Load reads a case: the graph with every input but the first frozen into
// the constants, and its first test data set.
func (c Case) Load() (*Loaded, error) {
	g, err := onnx.Load(filepath.Join(c.Dir, "model.onnx"))
	if err != nil {
		return nil, err
	}
	sets, _ := filepath.Glob(filepath.Join(c.Dir, "test_data_set_*"))
	if len(sets) == 0 {
		return nil, fmt.Errorf("no test data set")
	}
	sort.Strings(sets)
	ins, err := readTensors(sets[0], "input")
	if err != nil {
		return nil, err
	}
	outs, err := readTensors(sets[0], "output")
	if err != nil {
		return nil, err
	}
	if len(ins) != len(g.Inputs) || len(ins) == 0 {
		return nil, fmt.Errorf("%d graph inputs, %d input files", len(g.Inputs), len(ins))
	}
	for i, in := range g.Inputs[1:] {
		g.Consts[in.Name] = ins[i+1]
	}
	g.Inputs = g.Inputs[:1]
	if g.Inputs[0].Shape == nil || g.Inputs[0].Shape.Size() != len(ins[0].Data) {
		g.Inputs[0].Shape = ins[0].Shape.Clone()
	}
	return &Loaded{Graph: g, Input: ins[0], Outputs: outs, Ops: Ops(g)}, nil
}

// DefaultMaxConstraints is the harness's resource guard: 2^21 constraints,
// what `zkml compile` takes by default on 2 cores.
const DefaultMaxConstraints = 1 << 21

// Mode is how far a case is taken.
type Mode int

const (
	// Solve quantizes, compiles the R1CS and solves it with the honest
	// witness (seconds for the whole suite's passing tests).
	Solve Mode = iota
	// Prove also sets up keys, proves and verifies, as `zkml compile`,
	// `prove` and `verify` do.
	Prove
)

// Options of a run.
type Options struct {
	Mode Mode
	// MaxConstraints is the resource guard's limit (0: DefaultMaxConstraints).
	MaxConstraints int
	// WorkDir holds the artifacts of Prove runs.
	WorkDir string
}

// Run takes one case through the compiler. Cases with an operator the
// registry does not list return Unsupported without compiling.
func Run(c Case, o Options) Result {
	r := Result{Name: c.Name}
	l, err := c.Load()
	if err != nil {
		if errors.Is(err, onnx.ErrUnsupported) {
			r.Status, r.Detail = SkipDType, err.Error()
		} else {
			r.Status, r.Detail = Harness, err.Error()
		}
		return r
	}
	r.Ops = l.Ops
	for _, op := range l.Ops {
		if !supported[op] {
			r.Status, r.Detail = Unsupported, "operator "+op
			return r
		}
	}
	defer func() {
		if p := recover(); p != nil {
			r.Status, r.Detail = Failed, fmt.Sprintf("panic: %v", p)
		}
	}()
	q, err := model.Quantize(l.Graph, [][]*tensor.T{{l.Input}}, ops.Defaults)
	if err != nil {
		r.Status, r.Detail = classify(err), short(err)
		return r
	}
	limit := o.MaxConstraints
	if limit == 0 {
		limit = DefaultMaxConstraints
	}
	if _, err := model.CheckSize(q.Prog, model.Modes{}, limit); err != nil {
		r.Status, r.Detail = TooLarge, short(err)
		return r
	}
	var got [][]float64
	switch o.Mode {
	case Solve:
		got, r.Constraints, err = solve(q, l.Input)
	default:
		got, r.Constraints, err = prove(q, l.Input, filepath.Join(o.WorkDir, strings.ReplaceAll(c.Name, "/", "__")))
	}
	if err != nil {
		var ve *verifyError
		if errors.As(err, &ve) {
			r.Status = NotVerified
		} else {
			r.Status = Failed
		}
		r.Detail = short(err)
		return r
	}
	if d := compare(got, l.Outputs); d != "" {
		r.Status, r.Detail = Inaccurate, d
		return r
	}
	r.Status = Pass
	return r
}

// IsSupported reports whether the registry lists an operator.
func IsSupported(op string) bool { return supported[op] }

var supported = func() map[string]bool {
	m := map[string]bool{}
	for _, op := range ops.Supported() {
		m[op] = true
	}
	return m
}()

// classify tells a refusal by name (an operator, attribute or form the
// compiler does not take) from other compile errors.
func classify(err error) Status {
	var ue *ops.UnsupportedError
	s := err.Error()
	if errors.As(err, &ue) || errors.Is(err, onnx.ErrUnsupported) || strings.Contains(s, "not supported") || strings.Contains(s, "unsupported") {
		return Unsupported
	}
	return Refused
}

func short(err error) string {
	s := err.Error()
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

type verifyError struct{ err error }

func (e *verifyError) Error() string { return "verify: " + e.err.Error() }

// solve runs the integer reference, compiles the circuit and checks that
// the R1CS solver accepts the honest witness.
func solve(q *model.Quantized, in *tensor.T) ([][]float64, int, error) {
	ccs, id, err := model.CompileCircuit(q, false)
	if err != nil {
		return nil, 0, err
	}
	a := &model.Artifacts{Prog: q.Prog, ID: id, Meta: &model.Meta{}}
	a.Meta.InputEncoding, a.Meta.OutputEncoding = model.Encodings(q.Prog, model.Modes{})
	w, err := prover.Solve(a, prover.Request{Inputs: [][]float64{in.Data}, JobID: big.NewInt(1), Prover: big.NewInt(2)})
	if err != nil {
		return nil, 0, err
	}
	wit, err := frontend.NewWitness(w.Full, ccs.Field())
	if err != nil {
		return nil, 0, err
	}
	if err := ccs.IsSolved(wit, q.Prog.SolverOptions()...); err != nil {
		return nil, 0, fmt.Errorf("the circuit refuses the honest witness: %w", err)
	}
	out := make([][]float64, len(w.Outputs))
	for i, id := range q.Prog.Outputs {
		f := math.Ldexp(1, -q.Prog.Tensors[id].Frac)
		for _, v := range w.Outputs[i] {
			out[i] = append(out[i], float64(v)*f)
		}
	}
	return out, ccs.GetNbConstraints(), nil
}

// prove compiles artifacts into dir (a development setup), proves and
// verifies.
func prove(q *model.Quantized, in *tensor.T, dir string) ([][]float64, int, error) {
	defer os.RemoveAll(dir)
	meta, err := model.Compile(q, dir, model.CompileOptions{Source: "conformance"})
	if err != nil {
		return nil, 0, err
	}
	p, err := prover.Load(dir)
	if err != nil {
		return nil, meta.Constraints, err
	}
	defer p.Close()
	pf, err := p.Prove(prover.Request{Inputs: [][]float64{in.Data}, JobID: big.NewInt(1), Prover: big.NewInt(2)})
	if err != nil {
		return nil, meta.Constraints, err
	}
	if err := verifier.Verify(p.A, pf); err != nil {
		return nil, meta.Constraints, &verifyError{err}
	}
	return pf.OutputData, meta.Constraints, nil
}

// compare checks outputs against the expected ones; "" when they agree.
func compare(got [][]float64, want []*tensor.T) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d outputs, want %d", len(got), len(want))
	}
	worst := 0.0
	for i, w := range want {
		if len(got[i]) != len(w.Data) {
			return fmt.Sprintf("output %d has %d values, want %d", i, len(got[i]), len(w.Data))
		}
		scale := math.Max(w.MaxAbs(), 1e-3)
		for j, v := range w.Data {
			worst = math.Max(worst, math.Abs(got[i][j]-v)/scale)
		}
	}
	if worst > Tolerance {
		return fmt.Sprintf("rel_err=%.3f", worst)
	}
	return ""
}
