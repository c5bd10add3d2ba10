package model

import (
	"errors"
	"fmt"
	"math"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
)

// LayerReport is one row of the per-layer table of model.json.
type LayerReport struct {
	Node        string  `json:"node"`
	Op          string  `json:"op"`
	Output      string  `json:"output"`
	Shape       []int   `json:"shape"`
	Frac        int     `json:"frac_bits"`
	Constraints int     `json:"constraints"`
	MaxAbsError float64 `json:"max_abs_error"`
	RelError    float64 `json:"rel_error"`
}

// Quantized is a prepared graph with its integer program.
type Quantized struct {
	Graph  *graph.Graph
	Shapes map[string]tensor.Shape
	Prog   *ops.Program
	Layers []LayerReport
	Cfg    ops.Config
	// Overhead holds the rows of the commitments and bindings, filled by
	// CompileCircuit.
	Overhead []LayerReport
	// Warnings name calibration samples that land within one quantum of a
	// threshold a layer branches on: there the fixed point may take the
	// other branch than the float model.
	Warnings []string
}

// thresholder is a layer that branches on its input against constants.
type thresholder interface {
	NearThresholds(x []float64) []string
}

// maxWarnings bounds the near-threshold report.
const maxWarnings = 20

// Quantize prepares g, calibrates every tensor on the samples (each a list of
// float inputs) and lowers the graph to an integer Program. It then runs both
// the float graph and the program on the samples and records each layer's
// error.
func Quantize(g *graph.Graph, samples [][]*tensor.T, cfg ops.Config) (*Quantized, error) {
	pg, shapes, err := ops.Prepare(g)
	if err != nil {
		return nil, err
	}
	if len(samples) == 0 {
		return nil, fmt.Errorf("calibration needs at least one input sample")
	}
	stats := map[string]ops.Stat{}
	var runs []map[string]*tensor.T
	for si, s := range samples {
		vals, err := ops.Run(pg, s)
		if err != nil {
			return nil, fmt.Errorf("calibration sample %d: %w", si, err)
		}
		runs = append(runs, vals)
		for name, v := range vals {
			st, seen := stats[name]
			m, lo := v.MaxAbs(), v.Min()
			if !seen {
				st = ops.Stat{MaxAbs: m, Min: lo, Max: -lo}
			}
			st.MaxAbs, st.Min = math.Max(st.MaxAbs, m), math.Min(st.Min, lo)
			stats[name] = st
		}
	}
	// shapes are static: every sample gives every tensor the shape of the
	// first (which also fixes the shapes of operators such as
	// ConstantOfShape that read a shape from an input)
	for si, vals := range runs {
		for name, v := range vals {
			s0 := runs[0][name]
			if s0 == nil {
				return nil, fmt.Errorf("calibration sample %d: tensor %q is computed, but not for sample 0", si, name)
			}
			if !s0.Shape.Equal(v.Shape) {
				return nil, fmt.Errorf("calibration sample %d: tensor %q has shape %v, sample 0 gave it %v; the circuit's shapes are static", si, name, v.Shape, s0.Shape)
			}
			shapes[name] = v.Shape
		}
	}
	if cfg.LimbBits == 0 {
		n := 0
		for _, nd := range pg.Nodes {
			n += shapes[nd.Outputs[0]].Size()
		}
		cfg.LimbBits = ops.AutoLimbBits(n, cfg.ActBits)
	}
	b := ops.NewBuilder(cfg, pg.Consts, shapes, stats)
	b.Nodes = pg.Nodes
	for _, o := range pg.Outputs {
		b.Outputs[o.Name] = true
	}
	for _, in := range pg.Inputs {
		b.AddTypedInput(in.Name, in.Shape, in.DType)
	}
	for _, n := range pg.Nodes {
		s, err := ops.Lookup(n)
		if err != nil {
			return nil, err
		}
		if s.Lower == nil {
			return nil, &ops.NodeError{Node: n.Label(), Err: fmt.Errorf("operator %s has no circuit form here (its inputs must be constants)", n.Op)}
		}
		if err := s.Lower(n, b); err != nil {
			return nil, err
		}
	}
	for _, o := range pg.Outputs {
		if err := b.MarkOutput(o.Name); err != nil {
			return nil, err
		}
	}
	b.Prog.MarkBounded()
	q := &Quantized{Graph: pg, Shapes: shapes, Prog: b.Prog, Cfg: cfg, Warnings: b.Notes}
	q.Layers = make([]LayerReport, len(q.Prog.Layers))
	for i, l := range q.Prog.Layers {
		t := q.Prog.Tensors[l.Base().Out]
		q.Layers[i] = LayerReport{Node: l.Base().Node, Op: l.Base().Op, Output: t.Name, Shape: t.Shape, Frac: t.Frac}
	}
	for si, s := range samples {
		in, err := QuantizeInputs(q.Prog, s)
		var ie *InputError
		if errors.As(err, &ie) && ie.OutOfRange {
			// the range was calibrated on this very sample: the scale hit
			// its limit, the bit width is what falls short
			return nil, fmt.Errorf("calibration sample %d: input %d (%s) element %d: %g cannot be represented with %d-bit activations beside the other values of its tensor; use more --bits", si, ie.Input, ie.Name, ie.Index, s[ie.Input].Data[ie.Index], cfg.ActBits)
		}
		if err != nil {
			return nil, fmt.Errorf("calibration sample %d: %w", si, err)
		}
		ivals, err := q.Prog.Run(in)
		var re *ops.RangeError
		if errors.As(err, &re) {
			// the ranges were calibrated on this very sample: the width,
			// not the calibration data, falls short
			return nil, fmt.Errorf("calibration sample %d: node %s: element %d = %d does not fit %d-bit activations, on the data the range was calibrated on (wide ranges meet narrow ones here); use more --bits", si, re.Node, re.Index, re.Value, cfg.ActBits)
		}
		if err != nil {
			return nil, fmt.Errorf("calibration sample %d: %w", si, err)
		}
		for _, l := range q.Prog.Layers {
			th, ok := l.(thresholder)
			if !ok || len(l.Base().In) == 0 {
				continue
			}
			x := runs[si][q.Prog.Tensors[l.Base().In[0]].Name]
			if x == nil {
				continue
			}
			for _, w := range th.NearThresholds(x.Data) {
				if len(q.Warnings) == maxWarnings {
					q.Warnings = append(q.Warnings, "(more near-threshold samples not listed)")
				}
				if len(q.Warnings) < maxWarnings {
					q.Warnings = append(q.Warnings, fmt.Sprintf("calibration sample %d, node %s: %s", si, l.Base().Node, w))
				}
			}
		}
		for i, l := range q.Prog.Layers {
			t := q.Prog.Tensors[l.Base().Out]
			f := runs[si][t.Name]
			if f == nil {
				continue
			}
			scale := math.Ldexp(1, -t.Frac)
			m := finiteMaxAbs(f.Data)
			for j, v := range ivals[l.Base().Out] {
				if math.IsInf(f.Data[j], 0) {
					continue // a mask's -inf: the fixed point saturates to the end of its range
				}
				e := math.Abs(float64(v)*scale - f.Data[j])
				q.Layers[i].MaxAbsError = math.Max(q.Layers[i].MaxAbsError, e)
				if m > 0 {
					q.Layers[i].RelError = math.Max(q.Layers[i].RelError, e/m)
				}
			}
		}
	}
	return q, nil
}

// InputError names an input value that cannot be proved.
type InputError struct {
	Input, Index int
	Name         string
	Msg          string
	// OutOfRange: the value is beyond the range the model was calibrated for.
	OutOfRange bool
}

func (e *InputError) Error() string {
	return fmt.Sprintf("input %d (%s) element %d: %s", e.Input, e.Name, e.Index, e.Msg)
}

// QuantizeInputs rounds float inputs to the program's input scales.
func QuantizeInputs(p *ops.Program, in []*tensor.T) ([][]int64, error) {
	if len(in) != len(p.Inputs) {
		return nil, fmt.Errorf("the model has %d inputs, the input file holds %d", len(p.Inputs), len(in))
	}
	out := make([][]int64, len(in))
	for i, id := range p.Inputs {
		t := p.Tensors[id]
		lo, hi, isInt := t.IntRange()
		var err error
		if out[i], err = quantizeInput(i, t.Name, in[i].Data, t.Shape, t.Frac, t.Bits, ops.DTypeName(t.DType), lo, hi, isInt); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// quantizeInput rounds input i's values to frac bits, checks they lie in
// the signed bits range and, for an exact integer input (isInt), that each
// is an integer in [lo, hi].
func quantizeInput(i int, name string, data []float64, shape tensor.Shape, frac, bits int, dtype string, lo, hi int64, isInt bool) ([]int64, error) {
	if len(data) != shape.Size() {
		return nil, &InputError{Input: i, Name: name, Index: len(data), Msg: fmt.Sprintf("has %d values, shape %v needs %d", len(data), shape, shape.Size())}
	}
	s := math.Ldexp(1, frac)
	lim := math.Ldexp(1, bits-1)
	out := make([]int64, len(data))
	for j, v := range data {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, &InputError{Input: i, Name: name, Index: j, Msg: fmt.Sprintf("%v is not a finite number", v)}
		}
		q := math.Round(v * s)
		if isInt && (q != v || q < float64(lo) || q > float64(hi)) {
			return nil, &InputError{Input: i, Name: name, Index: j, Msg: fmt.Sprintf("%v is not a %s value (an integer in [%d, %d])", v, dtype, lo, hi)}
		}
		if q < -lim || q >= lim {
			return nil, &InputError{Input: i, Name: name, Index: j, OutOfRange: true, Msg: fmt.Sprintf("%g is beyond the calibrated range [%g, %g); recompile with --calibration data that covers it", v, -lim/s, (lim-1)/s)}
		}
		out[j] = int64(q)
	}
	return out, nil
}

// finiteMaxAbs is the largest finite magnitude in v.
func finiteMaxAbs(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		if !math.IsInf(x, 0) {
			m = math.Max(m, math.Abs(x))
		}
	}
	return m
}
