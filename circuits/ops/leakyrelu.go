package ops

import (
	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Leaky is LeakyRelu and PRelu: x for x >= 0, alpha x below. The ReLU split
// x = y - z (y z = 0) gives both halves; out = round((y 2^F - alpha_j z) / 2^F)
// with alpha quantized at AlphaFrac = F.
type Leaky struct {
	LayerBase
	Alpha     []int64 // per output element
	AlphaFrac int
	InBits    int
	Requant
}

func init() {
	Register("LeakyRelu", &Spec{
		Float: func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
			a := n.Float("alpha", 0.01)
			return unary(func(v float64) float64 { return leaky(v, a) })(n, in)
		},
		Lower: func(n *graph.Node, b *Builder) error {
			size := b.Shapes[n.Inputs[0]].Size()
			alpha := make([]float64, size)
			for i := range alpha {
				alpha[i] = n.Float("alpha", 0.01)
			}
			return b.emitLeaky(n, alpha)
		},
	})
	Register("PRelu", &Spec{
		Float: func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
			if err := need(n, in, 2); err != nil {
				return nil, err
			}
			return binary(leaky)(n, []*tensor.T{in[0], channelSlope(in[0].Shape, in[1])})
		},
		Lower: func(n *graph.Node, b *Builder) error {
			slope := b.Const(n.Input(1))
			if slope == nil {
				return nodeErr(n, "the slope must be a constant")
			}
			shape := b.Shapes[n.Inputs[0]]
			slope = channelSlope(shape, slope)
			if _, err := tensor.BroadcastShape(shape, slope.Shape); err != nil {
				return &NodeError{Node: n.Label(), Err: err}
			}
			idx := tensor.BroadcastIndex(slope.Shape, shape)
			alpha := make([]float64, len(idx))
			for j, i := range idx {
				alpha[j] = slope.Data[i]
			}
			return b.emitLeaky(n, alpha)
		},
	})
}

// channelSlope reads a 1-D slope of one value per channel (axis 1) as
// [C, 1, ..., 1], as exporters of PRelu before opset 7 meant it, where it
// does not broadcast from the right.
func channelSlope(x tensor.Shape, slope *tensor.T) *tensor.T {
	if _, err := tensor.BroadcastShape(x, slope.Shape); err == nil || len(slope.Shape) != 1 || len(x) < 2 || x[1] != slope.Shape[0] {
		return slope
	}
	s := tensor.Shape{slope.Shape[0]}
	for range len(x) - 2 {
		s = append(s, 1)
	}
	return &tensor.T{Shape: s, Data: slope.Data, DType: slope.DType}
}

func leaky(v, a float64) float64 {
	if v < 0 {
		return a * v
	}
	return v
}

func (b *Builder) emitLeaky(n *graph.Node, alpha []float64) error {
	id, x, err := b.Tensor(n.Inputs[0])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	aq, fa := b.QuantizeWeights(alpha)
	// slopes of 2^(WeightBits-1) and more would need a negative frac (a
	// right shift of the positive side), tiny ones a frac that overflows
	// v << frac: keep 0 <= frac <= 62 - InBits
	if c := max(0, min(fa, 62-x.Bits)); c != fa {
		fa, aq = c, QuantizeAt(alpha, c)
	}
	// the output keeps the input's scale unless a slope above 1 makes it
	// larger than that scale holds
	fy := min(x.Frac, b.Frac(n.Outputs[0]))
	l := &Leaky{LayerBase: LayerBase{In: []int{id}}, Alpha: aq, AlphaFrac: fa, InBits: x.Bits,
		Requant: Requant{Shift: fa + x.Frac - fy, OutBits: b.Cfg.ActBits, LimbBits: b.Cfg.LimbBits}}
	b.Emit(n, l, n.Outputs[0], x.Shape, fy, b.Cfg.ActBits)
	return nil
}

// Eval implements Layer.
func (l *Leaky) Eval(in [][]int64) ([]int64, error) {
	acc := make([]int64, len(in[0]))
	for j, v := range in[0] {
		if v >= 0 {
			acc[j] = v << l.AlphaFrac
		} else {
			acc[j] = l.Alpha[j] * v
		}
	}
	return l.eval(l.Node, acc)
}

// Define implements Layer.
func (l *Leaky) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	acc := make([]frontend.Variable, len(in[0]))
	for j, v := range in[0] {
		y, z := c.Split(v, 0, l.InBits, l.InBits)
		acc[j] = api.Sub(api.Mul(y, int64(1)<<l.AlphaFrac), api.Mul(z, l.Alpha[j]))
	}
	return l.define(c, acc)
}
