package ops

import (
	"math"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// BatchNormalization (inference) is y = a_c x + b_c per channel (axis 1). On
// import it folds into a preceding Conv or Dense; alone it lowers to an
// elementwise affine layer.
func init() {
	Register("BatchNormalization", &Spec{Float: bnFloat, Lower: bnLower, FusesRelu: true})
}

// bnAffine returns the per-channel scale and shift of a BatchNormalization node
// whose parameters are constants.
func bnAffine(n *graph.Node, in []*tensor.T) (a, c []float64, err error) {
	if err := need(n, in, 5); err != nil {
		return nil, nil, err
	}
	ch := in[1].Shape.Size()
	for i := 2; i < 5; i++ {
		if in[i].Shape.Size() != ch {
			return nil, nil, errf("parameter %d has %d values, scale has %d", i, in[i].Shape.Size(), ch)
		}
	}
	eps := n.Float("epsilon", 1e-5)
	a, c = make([]float64, ch), make([]float64, ch)
	for i := range a {
		a[i] = in[1].Data[i] / math.Sqrt(in[4].Data[i]+eps)
		c[i] = in[2].Data[i] - in[3].Data[i]*a[i]
	}
	return a, c, nil
}

// channelIndex maps every element of shape to its axis-1 channel.
func channelIndex(shape tensor.Shape) []int {
	idx := make([]int, shape.Size())
	if len(shape) < 2 {
		return idx
	}
	inner := tensor.Shape(shape[2:]).Size()
	for j := range idx {
		idx[j] = (j / inner) % shape[1]
	}
	return idx
}

func bnFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	a, c, err := bnAffine(n, in)
	if err != nil {
		return nil, err
	}
	x := in[0]
	if len(x.Shape) < 2 || x.Shape[1] != len(a) {
		return nil, errf("input shape %v does not have %d channels on axis 1", x.Shape, len(a))
	}
	out := tensor.New(x.Shape)
	for j, ch := range channelIndex(x.Shape) {
		out.Data[j] = a[ch]*x.Data[j] + c[ch]
	}
	return []*tensor.T{out}, nil
}

func bnLower(n *graph.Node, b *Builder) error {
	shape := b.Shapes[n.Inputs[0]]
	params := []*tensor.T{tensor.New(nil)}
	for i := 1; i < 5; i++ {
		t := b.Const(n.Input(i))
		if t == nil {
			return nodeErr(n, "parameter %d (%q) must be a constant", i, n.Input(i))
		}
		params = append(params, t)
	}
	a, c, err := bnAffine(n, params)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	idx := channelIndex(shape)
	as, cs := make([]float64, len(idx)), make([]float64, len(idx))
	ident := make([]int, len(idx))
	for j, ch := range idx {
		as[j], cs[j], ident[j] = a[ch], c[ch], j
	}
	return b.EmitAffine(n, n.Inputs[0], ident, as, cs)
}

// EmitAffine emits out_j = a_j x[src_j] + c_j as a one-term Sparse layer.
func (b *Builder) EmitAffine(n *graph.Node, x string, srcIdx []int, a, c []float64) error {
	id, xi, err := b.Tensor(x)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	off := make([]int32, len(srcIdx)+1)
	idx := make([]int32, len(srcIdx))
	for j, s := range srcIdx {
		idx[j] = int32(s)
		off[j+1] = int32(j + 1)
	}
	return b.EmitLinear(n, id, xi, a, func(wq []int64) Kernel { return &Sparse{Off: off, Idx: idx, W: wq} }, c)
}
