package ops

import (
	"math"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/lookup/logderivlookup"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Table is a pointwise function through a lookup table: the input is rescaled
// (its remainder range-checked; the lookup itself bounds the quotient) to an
// IdxBits-bit signed index i and the output is
// Values[i + 2^(IdxBits-1)]. Sigmoid, Tanh and Exp use it.
type Table struct {
	LayerBase
	Shift   int
	IdxBits int
	Values  []int64
}

func init() {
	fns := map[string]func(float64) float64{
		"Sigmoid": func(v float64) float64 { return 1 / (1 + math.Exp(-v)) },
		"Tanh":    math.Tanh,
		"Exp":     math.Exp,
		"Erf":     math.Erf,
	}
	for op, f := range fns {
		Register(op, &Spec{Float: unary(f), Lower: tableLower(f)})
	}
	// Gelu (opset 20): x Phi(x), or with approximate "tanh" the tanh form;
	// one table either way.
	gelu := func(n *graph.Node) func(float64) float64 {
		if n.Str("approximate", "none") == "tanh" {
			return func(v float64) float64 {
				return 0.5 * v * (1 + math.Tanh(math.Sqrt(2/math.Pi)*(v+0.044715*v*v*v)))
			}
		}
		return func(v float64) float64 { return 0.5 * v * (1 + math.Erf(v/math.Sqrt2)) }
	}
	Register("Gelu", &Spec{
		Float: func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) { return unary(gelu(n))(n, in) },
		Lower: func(n *graph.Node, b *Builder) error { return tableLower(gelu(n))(n, b) },
	})
}

func tableLower(f func(float64) float64) LowerFunc {
	return func(n *graph.Node, b *Builder) error {
		id, x, err := b.Tensor(n.Inputs[0])
		if err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		t, ft := tableWidth(b, x, n.Inputs[0], b.Shapes[n.Inputs[0]].Size())
		out := n.Outputs[0]
		fy := b.Frac(out)
		lim := math.Ldexp(1, b.Cfg.ActBits-1) - 1
		vals := make([]int64, 1<<t)
		for i := range vals {
			v := f(math.Ldexp(float64(i-(1<<(t-1))), -ft)) * math.Ldexp(1, fy)
			vals[i] = int64(math.Round(math.Max(-lim, math.Min(lim, v)))) // saturate
		}
		l := &Table{LayerBase: LayerBase{In: []int{id}}, Shift: x.Frac - ft, IdxBits: t, Values: vals}
		b.Emit(n, l, out, x.Shape, fy, b.Cfg.ActBits)
		return nil
	}
}

// tableWidth chooses a table's index width for n lookups of x, and the
// index's scale: from TableBits up to the activations' width (at most 16),
// the one that costs least, a table entry each plus per lookup the query
// and the rescale's remainder checks. A table read often enough pays for
// more entries: at the activations' own width and scale the index needs no
// rescale at all. Ties go to the wider, more precise table.
func tableWidth(b *Builder, x *TensorInfo, name string, n int) (bits, frac int) {
	best := -1
	for t := b.Cfg.TableBits; t <= max(b.Cfg.TableBits, min(16, x.Bits)); t++ {
		ft := min(x.Frac, fracFor(b.Stats[name].MaxAbs*b.Cfg.Margin, t, 0))
		cost := 1<<t + n*2
		if k := x.Frac - ft; k > 0 {
			cost += n * rangeCost(k, b.Cfg.LimbBits)
		}
		if best < 0 || cost <= best {
			best, bits, frac = cost, t, ft
		}
	}
	return bits, frac
}

// Eval implements Layer.
func (l *Table) Eval(in [][]int64) ([]int64, error) {
	out := make([]int64, len(in[0]))
	half := int64(1) << (l.IdxBits - 1)
	for j, v := range in[0] {
		q := gadgets.Rescale(v, l.Shift, false)
		if q < -half || q >= half {
			return nil, &RangeError{Node: l.Node, Index: j, Value: q, Bits: l.IdxBits}
		}
		out[j] = l.Values[q+half]
	}
	return out, nil
}

// Define implements Layer.
func (l *Table) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	tbl := logderivlookup.New(api)
	for _, v := range l.Values {
		tbl.Insert(v)
	}
	// the table's own indices, 0 .. 2^IdxBits - 1, bound the rescaled index:
	// any quotient but the true one that passes the remainder's check is a
	// full-size field element (gadgets.RescaleBounded), which no entry has
	idx := make([]frontend.Variable, len(in[0]))
	for j, v := range in[0] {
		idx[j] = api.Add(c.RescaleBounded(v, l.Shift, l.IdxBits), int64(1)<<(l.IdxBits-1))
	}
	return tbl.Lookup(idx...)
}
