package ops

import (
	"fmt"
	"math"

	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Expand (numpy broadcast to a constant shape) and Tile (constant repeats)
// are index maps.
func init() {
	registerMap("Expand", func(n *graph.Node, shapes []tensor.Shape, consts []*tensor.T) (*indexMap, error) {
		if len(consts) < 2 || consts[1] == nil {
			return nil, errf("the target shape must be a constant")
		}
		out, err := tensor.BroadcastShape(shapes[0], tensor.Shape(consts[1].Ints()))
		if err != nil {
			return nil, err
		}
		idx := tensor.BroadcastIndex(shapes[0], out)
		m := &indexMap{Shape: out, Src: make([]src, len(idx))}
		for j, i := range idx {
			m.Src[j] = src{0, i}
		}
		return m, nil
	})
	registerMap("Tile", func(n *graph.Node, shapes []tensor.Shape, consts []*tensor.T) (*indexMap, error) {
		in := shapes[0]
		if len(consts) < 2 || consts[1] == nil {
			return nil, errf("repeats must be a constant")
		}
		rep := consts[1].Ints()
		if len(rep) != len(in) {
			return nil, errf("%d repeats for rank %d", len(rep), len(in))
		}
		out := make(tensor.Shape, len(in))
		for d := range in {
			if rep[d] < 0 {
				return nil, errf("negative repeat %d on axis %d", rep[d], d)
			}
			out[d] = in[d] * rep[d]
		}
		ist, ost := in.Strides(), out.Strides()
		m := &indexMap{Shape: out, Src: make([]src, out.Size())}
		for j := range m.Src {
			rem, s := j, 0
			for d := range out {
				c := rem / ost[d]
				rem %= ost[d]
				s += (c % in[d]) * ist[d]
			}
			m.Src[j] = src{0, s}
		}
		return m, nil
	})
	// ConstantOfShape of a constant shape is folded on import. Given the
	// shape as an input, the circuit's shapes are static: the input is
	// pinned to the shape it was compiled for (Pinned) and the output is
	// the constant.
	Register("ConstantOfShape", &Spec{Lower: pinnedLower, Float: func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
		if err := need(n, in, 1); err != nil {
			return nil, err
		}
		v := 0.0
		if a, ok := n.Attrs["value"]; ok && a.Tensor != nil && len(a.Tensor.Data) > 0 {
			v = a.Tensor.Data[0]
		}
		out := tensor.New(tensor.Shape(in[0].Ints()))
		for i := range out.Data {
			out.Data[i] = v
		}
		return []*tensor.T{out}, nil
	}})
}

// Pinned asserts its input equals Want (the static shape a model was
// compiled for) and outputs the constant Values.
type Pinned struct {
	LayerBase
	Want   []int64
	Values []int64
}

func init() { gobRegister(&Pinned{}) }

func pinnedLower(n *graph.Node, b *Builder) error {
	id, x, err := b.Tensor(n.Inputs[0])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	shape := b.Shapes[n.Outputs[0]]
	if len(shape) != x.Shape.Size() {
		return nodeErr(n, "the shape input has %d values for a rank-%d output", x.Shape.Size(), len(shape))
	}
	want := make([]int64, len(shape))
	for i, d := range shape { // rounded as the input's quantization rounds
		want[i] = int64(math.Round(math.Ldexp(float64(d), x.Frac)))
	}
	v := 0.0
	if a, ok := n.Attrs["value"]; ok && a.Tensor != nil && len(a.Tensor.Data) > 0 {
		v = a.Tensor.Data[0]
	}
	frac := fracFor(math.Abs(v), b.Cfg.ActBits, 0)
	vals := make([]int64, shape.Size())
	for i := range vals {
		vals[i] = int64(math.Round(math.Ldexp(v, frac)))
	}
	l := &Pinned{LayerBase: LayerBase{In: []int{id}}, Want: want, Values: vals}
	b.Emit(n, l, n.Outputs[0], shape, frac, b.Cfg.ActBits)
	return nil
}

// Eval implements Layer.
func (l *Pinned) Eval(in [][]int64) ([]int64, error) {
	for i, w := range l.Want {
		if in[0][i] != w {
			return nil, &NodeError{Node: l.Node, Err: fmt.Errorf("shape input element %d is %d (quantized); the model was compiled for %d: its shapes are static", i, in[0][i], w)}
		}
	}
	return l.Values, nil
}

// Define implements Layer.
func (l *Pinned) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	for i, w := range l.Want {
		c.API.AssertIsEqual(in[0][i], w)
	}
	out := make([]frontend.Variable, len(l.Values))
	for i, v := range l.Values {
		out[i] = v
	}
	return out
}
