package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
)

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// quantFlags are the quantization flags shared by compile and inspect.
type quantFlags struct {
	calibration    multiFlag
	cfg            ops.Config
	maxConstraints int
}

// defaultMaxConstraints is what this machine sets up and proves in minutes:
// what 60% of its memory holds at model.BytesPerConstraint (leaving the rest
// to the system and to the estimate's error), at most 2^20 per core (a
// Groth16 setup runs at about 4,000 constraints a second per core here:
// cifar_cnn's 263k in 69 s on 2), and never more than 2^23. On 2 cores and
// 24 GiB that is 2^21. A 13M-constraint convolution of ONNX's own tests took
// 20 GB before it was stopped; a 2.5M-constraint 3-D pool sets up for longer
// than five minutes on 2 cores. --max-constraints raises it.
func defaultMaxConstraints() int {
	limit := min(1<<20*runtime.NumCPU(), 1<<23)
	if mem := physicalMemory(); mem > 0 {
		limit = min(limit, int(float64(mem)*0.6/model.BytesPerConstraint))
	}
	return limit
}

func (q *quantFlags) register(fs *flag.FlagSet) {
	q.cfg = ops.Defaults
	fs.IntVar(&q.maxConstraints, "max-constraints", defaultMaxConstraints(), "refuse a model whose estimated constraints exceed this, before building its circuit (default: what this machine's memory holds; 0: no limit)")
	fs.Var(&q.calibration, "calibration", "calibration input file (input.json format; repeatable; default: the input*.json files beside the model)")
	fs.IntVar(&q.cfg.ActBits, "bits", ops.Defaults.ActBits, "signed bit width of activations")
	fs.IntVar(&q.cfg.WeightBits, "weight-bits", ops.Defaults.WeightBits, "signed bit width weights are rounded to")
	fs.Float64Var(&q.cfg.Margin, "margin", ops.Defaults.Margin, "headroom over the calibrated range of every tensor")
}

func (q *quantFlags) check() error {
	switch {
	case q.cfg.ActBits < 4 || q.cfg.ActBits > 32:
		return fmt.Errorf("--bits %d: must be within 4..32", q.cfg.ActBits)
	case q.cfg.WeightBits < 2 || q.cfg.WeightBits > 24:
		return fmt.Errorf("--weight-bits %d: must be within 2..24", q.cfg.WeightBits)
	case !(q.cfg.Margin >= 1 && q.cfg.Margin <= 1024):
		return fmt.Errorf("--margin %v: must be within 1..1024", q.cfg.Margin)
	case q.maxConstraints < 0:
		return fmt.Errorf("--max-constraints %d: must be 0 (no limit) or positive", q.maxConstraints)
	}
	return nil
}

// samples reads the calibration inputs: the given files, or the input*.json
// beside the model. A file whose input holds k times the input size gives k samples.
func (q *quantFlags) samples(modelPath string, g *graph.Graph, required bool) ([][]*tensor.T, []string, error) {
	files := []string(q.calibration)
	if len(files) == 0 {
		files, _ = filepath.Glob(filepath.Join(filepath.Dir(modelPath), "input*.json"))
		sort.Strings(files)
	}
	if len(files) == 0 {
		if required {
			return nil, nil, fmt.Errorf("no calibration data: pass --calibration FILE (input.json format) or put input*.json beside the model")
		}
		zeros := make([]*tensor.T, len(g.Inputs))
		for i, in := range g.Inputs {
			zeros[i] = tensor.New(in.Shape)
		}
		return [][]*tensor.T{zeros}, nil, nil
	}
	var out [][]*tensor.T
	for _, f := range files {
		data, err := model.ReadInput(f)
		if err != nil {
			return nil, nil, err
		}
		if len(data) != len(g.Inputs) {
			return nil, nil, fmt.Errorf("%s: %w: holds %d inputs, the model has %d", f, model.ErrBadInput, len(data), len(g.Inputs))
		}
		size := g.Inputs[0].Shape.Size()
		k := len(data[0]) / max(size, 1)
		if k == 0 || len(data[0])%size != 0 {
			return nil, nil, fmt.Errorf("%s: %w: input 0 (%s) holds %d values, shape %v needs %d", f, model.ErrBadInput, g.Inputs[0].Name, len(data[0]), g.Inputs[0].Shape, size)
		}
		for s := 0; s < k; s++ {
			sample := make([]*tensor.T, len(g.Inputs))
			for i, in := range g.Inputs {
				n := in.Shape.Size()
				if len(data[i]) != k*n {
					return nil, nil, fmt.Errorf("%s: %w: input %d (%s) holds %d values, shape %v needs %d", f, model.ErrBadInput, i, in.Name, len(data[i]), in.Shape, n)
				}
				sample[i] = &tensor.T{Shape: in.Shape, Data: data[i][s*n : (s+1)*n]}
			}
			out = append(out, sample)
		}
	}
	return out, files, nil
}

func runCompile(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("compile", stderr)
	modelPath := fs.String("model", "", "ONNX model file")
	out := fs.String("out", "", "directory to write the artifacts to (must not exist or be empty)")
	hashOut := fs.Bool("hash-output", false, "make the output public input a Poseidon2 commitment even when the outputs fit in one field element")
	hashIn := fs.Bool("hash-input", false, "make the input public input a Poseidon2 commitment even when the inputs fit in one field element (by default such an input is carried packed, so a contract can request an inference on data it holds)")
	weights := fs.String("weights", "public", "public: weights are circuit constants; private: weights are a private witness committed by the model id (weights.bin)")
	inputMode := fs.String("input", "hashed", "hashed: proof.json carries only the input public input (a small input packed, else its Poseidon2 commitment; see --hash-input); public: proof.json also discloses input_data and verify checks it")
	outputMode := fs.String("output", "public", "public: outputs packed into the public input when they fit; hashed: always their Poseidon2 commitment")
	var qf quantFlags
	qf.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "model", "out"); err != nil {
		return err
	}
	if err := qf.check(); err != nil {
		return err
	}
	for _, f := range []struct{ name, val, a, b string }{{"weights", *weights, "public", "private"}, {"input", *inputMode, "hashed", "public"}, {"output", *outputMode, "public", "hashed"}} {
		if f.val != f.a && f.val != f.b {
			return fmt.Errorf("--%s %q: must be %s or %s", f.name, f.val, f.a, f.b)
		}
	}
	st := stager(stderr, "compile")
	var g *graph.Graph
	if err := timeStage(st, "import "+filepath.Base(*modelPath), func() (err error) { g, err = onnx.Load(*modelPath); return }); err != nil {
		return err
	}
	samples, _, err := qf.samples(*modelPath, g, true)
	if err != nil {
		return err
	}
	var q *model.Quantized
	if err := timeStage(st, fmt.Sprintf("calibrate+quantize (%d samples)", len(samples)), func() (err error) {
		q, err = model.Quantize(g, samples, qf.cfg)
		return
	}); err != nil {
		return err
	}
	est, err := model.CheckSize(q.Prog, model.Modes{HashOutput: *hashOut || *outputMode == "hashed", HashInput: *hashIn}, qf.maxConstraints)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "[compile] estimated %d constraints (limit %d)\n", est, qf.maxConstraints)
	meta, err := model.Compile(q, *out, model.CompileOptions{HashOutput: *hashOut || *outputMode == "hashed", HashInput: *hashIn, PrivateWeights: *weights == "private", PublicInput: *inputMode == "public", Source: *modelPath, Stage: st})
	if err != nil {
		return err
	}
	printLayers(stdout, meta.Layers)
	for _, w := range meta.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	fmt.Fprintf(stdout, "model %s: %d constraints, input %s, output %s, commitments %s; artifacts in %s\n", meta.ModelID, meta.Constraints, meta.InputEncoding, meta.OutputEncoding, meta.Commitment, *out)
	return nil
}

func printLayers(w io.Writer, layers []model.LayerReport) {
	fmt.Fprintf(w, "%-4s %-18s %-40s %-16s %11s %10s\n", "#", "op", "node", "shape", "constraints", "rel.error")
	for i, l := range layers {
		node := l.Node
		if len(node) > 40 {
			node = "…" + node[len(node)-39:]
		}
		fmt.Fprintf(w, "%-4d %-18s %-40s %-16s %11d %10.5f\n", i, l.Op, node, fmt.Sprint(l.Shape), l.Constraints, l.RelError)
	}
}
