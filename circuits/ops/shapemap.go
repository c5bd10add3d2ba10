package ops

import (
	"fmt"
	"math"

	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// src names one input element; Input < 0 means the fill value.
type src struct{ Input, Index int }

// indexMap is how a shape operator moves elements: out[j] = in[Src[j]].
type indexMap struct {
	Shape tensor.Shape
	Src   []src
	Fill  float64
}

// mapFunc computes the index map of a shape operator from its input shapes and
// the values of its constant inputs (nil where an input is not constant).
type mapFunc func(n *graph.Node, shapes []tensor.Shape, consts []*tensor.T) (*indexMap, error)

// identityMap maps input 0 to itself under a new shape.
func identityMap(shape tensor.Shape) *indexMap {
	m := &indexMap{Shape: shape, Src: make([]src, shape.Size())}
	for j := range m.Src {
		m.Src[j] = src{0, j}
	}
	return m
}

// registerMap registers a shape operator from its index map.
func registerMap(op string, f mapFunc) {
	Register(op, &Spec{
		Float: func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
			if err := need(n, in, 1); err != nil {
				return nil, err
			}
			shapes := make([]tensor.Shape, len(in))
			for i, t := range in {
				if t != nil {
					shapes[i] = t.Shape
				}
			}
			m, err := f(n, shapes, in)
			if err != nil {
				return nil, err
			}
			out := tensor.New(m.Shape)
			for j, s := range m.Src {
				if s.Input < 0 {
					out.Data[j] = m.Fill
				} else {
					out.Data[j] = in[s.Input].Data[s.Index]
				}
			}
			return []*tensor.T{out}, nil
		},
		Lower: func(n *graph.Node, b *Builder) error {
			shapes := make([]tensor.Shape, len(n.Inputs))
			consts := make([]*tensor.T, len(n.Inputs))
			for i, name := range n.Inputs {
				if name == "" {
					continue
				}
				shapes[i] = b.Shapes[name]
				consts[i] = b.Const(name)
			}
			m, err := f(n, shapes, consts)
			if err != nil {
				return &NodeError{Node: n.Label(), Err: err}
			}
			return b.lowerMap(n, m)
		},
	})
}

// lowerMap emits a Map layer; inputs of different scales are aligned to the finest.
func (b *Builder) lowerMap(n *graph.Node, m *indexMap) error {
	used := map[int]bool{}
	for _, s := range m.Src {
		if s.Input >= 0 {
			used[s.Input] = true
		}
	}
	l := &Map{}
	var infos []*TensorInfo
	ins := make([]int, len(n.Inputs)) // node input -> layer input
	for i := range n.Inputs {
		ins[i] = -1
		if !used[i] {
			continue
		}
		id, info, err := b.Tensor(n.Inputs[i])
		if err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		ins[i] = len(l.In)
		l.In = append(l.In, id)
		infos = append(infos, info)
	}
	frac, bits := 0, b.Cfg.ActBits
	for i, t := range infos {
		if i == 0 || t.Frac > frac {
			frac = t.Frac
		}
	}
	for _, t := range infos {
		if t.Bits+frac-t.Frac > 62 {
			return nodeErr(n, "its inputs' scales differ by 2^%d: aligning them leaves the 2^62 the integer engine holds (the inputs' ranges are too far apart for %d-bit activations)", frac-t.Frac, b.Cfg.ActBits)
		}
		l.Mul = append(l.Mul, int64(1)<<(frac-t.Frac))
		bits = max(bits, t.Bits+frac-t.Frac)
	}
	if len(infos) == 0 { // only fill values
		frac = b.Cfg.ActBits - 2
	}
	l.Inp = make([]int32, len(m.Src))
	l.Idx = make([]int32, len(m.Src))
	for j, s := range m.Src {
		if s.Input < 0 {
			l.Inp[j] = -1
			continue
		}
		l.Inp[j] = int32(ins[s.Input])
		l.Idx[j] = int32(s.Index)
	}
	if !(math.Abs(math.Ldexp(m.Fill, frac)) < maxAcc) {
		return nodeErr(n, "its fill value %g at the output's scale 2^-%d exceeds the 2^62 the integer engine holds", m.Fill, frac)
	}
	l.Fill = QuantizeAt([]float64{m.Fill}, frac)[0]
	if m.Fill != 0 {
		bits = max(bits, bitsOf(l.Fill))
	}
	b.Emit(n, l, n.Outputs[0], m.Shape, frac, bits)
	return nil
}

func bitsOf(v int64) int {
	if v < 0 {
		v = -v
	}
	n := 1
	for v > 0 {
		n++
		v >>= 1
	}
	return n
}

// Map is a shape operator: out[j] = Mul[Inp[j]] * in[Inp[j]][Idx[j]], or Fill
// where Inp[j] < 0. It costs no constraint.
type Map struct {
	LayerBase
	Inp  []int32
	Idx  []int32
	Mul  []int64
	Fill int64
}

// Eval implements Layer.
func (l *Map) Eval(in [][]int64) ([]int64, error) {
	out := make([]int64, len(l.Inp))
	for j, k := range l.Inp {
		if k < 0 {
			out[j] = l.Fill
		} else {
			out[j] = l.Mul[k] * in[k][l.Idx[j]]
		}
	}
	return out, nil
}

// Define implements Layer.
func (l *Map) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	out := make([]frontend.Variable, len(l.Inp))
	for j, k := range l.Inp {
		switch {
		case k < 0:
			out[j] = l.Fill
		case l.Mul[k] == 1:
			out[j] = in[k][l.Idx[j]]
		default:
			out[j] = c.API.Mul(in[k][l.Idx[j]], l.Mul[k])
		}
	}
	return out
}

func errf(format string, args ...any) error { return fmt.Errorf(format, args...) }
