package ops

import (
	"math"

	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Clamp is Clip: min(max(x, Lo), Hi), as two ReLU splits:
// max(x, Lo) = Lo + relu(x - Lo) and min(v, Hi) = Hi - relu(Hi - v).
type Clamp struct {
	LayerBase
	Lo, Hi       int64
	HasLo, HasHi bool
	Bits         int
}

func init() {
	Register("Clip", &Spec{Float: clipFloat, Lower: clipLower})
}

func clipBounds(n *graph.Node, in []*tensor.T) (lo, hi float64, err error) {
	lo, hi = n.Float("min", math.Inf(-1)), n.Float("max", math.Inf(1))
	for i, p := range []*float64{&lo, &hi} {
		if n.Input(i+1) == "" {
			continue
		}
		if i+1 >= len(in) || in[i+1] == nil {
			return 0, 0, errf("bound %d must be a constant", i+1)
		}
		*p = in[i+1].Data[0]
	}
	return lo, hi, nil
}

func clipFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	lo, hi, err := clipBounds(n, in)
	if err != nil {
		return nil, err
	}
	return unary(func(v float64) float64 { return math.Min(math.Max(v, lo), hi) })(n, in)
}

func clipLower(n *graph.Node, b *Builder) error {
	consts := b.consts(n)
	lo, hi, err := clipBounds(n, consts)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	id, x, err := b.Tensor(n.Inputs[0])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	lim := math.Ldexp(1, x.Bits-1)
	l := &Clamp{LayerBase: LayerBase{In: []int{id}}, Bits: x.Bits}
	if q := math.Round(lo * math.Ldexp(1, x.Frac)); q > -lim {
		l.HasLo, l.Lo = true, int64(math.Min(q, lim-1))
	}
	if q := math.Round(hi * math.Ldexp(1, x.Frac)); q < lim-1 {
		l.HasHi, l.Hi = true, int64(math.Max(q, -lim))
	}
	b.Emit(n, l, n.Outputs[0], x.Shape, x.Frac, x.Bits)
	return nil
}

// Eval implements Layer.
func (l *Clamp) Eval(in [][]int64) ([]int64, error) {
	out := make([]int64, len(in[0]))
	for j, v := range in[0] {
		if l.HasLo {
			v = max(v, l.Lo)
		}
		if l.HasHi {
			v = min(v, l.Hi)
		}
		out[j] = v
	}
	return out, nil
}

// Define implements Layer.
func (l *Clamp) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	out := make([]frontend.Variable, len(in[0]))
	for j, v := range in[0] {
		if l.HasLo {
			y, _ := c.Split(api.Sub(v, l.Lo), 0, l.Bits+1, l.Bits+1)
			v = api.Add(l.Lo, y)
		}
		if l.HasHi {
			y, _ := c.Split(api.Sub(l.Hi, v), 0, l.Bits+1, l.Bits+1)
			v = api.Sub(l.Hi, y)
		}
		out[j] = v
	}
	return out
}
