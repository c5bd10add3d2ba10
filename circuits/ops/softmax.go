package ops

import (
	"math"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/lookup/logderivlookup"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Softmax along one axis: m = max, e_i = Exp[min(round((m - x_i) / 2^Shift),
// 2^IdxBits - 1)] (a table of exp(-t) at scale 2^ExpFrac), y_i = floor(e_i 2^OutFrac / sum e).
type Softmax struct {
	LayerBase
	Outer, Len, Inner int
	InBits            int
	Shift, IdxBits    int
	Exp               []int64
	ExpFrac, OutFrac  int
}

func init() {
	Register("Softmax", &Spec{Float: softmaxFloat, Lower: softmaxLower})
}

func softmaxAxis(n *graph.Node, shape tensor.Shape) (outer, length, inner int, err error) {
	// opset < 13 flattens at axis (default 1); for the [batch, classes] inputs
	// of exported classifiers both readings agree with the last axis.
	axis, err := tensor.NormAxis(int(n.Int("axis", -1)), len(shape))
	if err != nil {
		return 0, 0, 0, err
	}
	return tensor.Shape(shape[:axis]).Size(), shape[axis], tensor.Shape(shape[axis+1:]).Size(), nil
}

func softmaxFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 1); err != nil {
		return nil, err
	}
	outer, length, inner, err := softmaxAxis(n, in[0].Shape)
	if err != nil {
		return nil, err
	}
	out := tensor.New(in[0].Shape)
	for o := 0; o < outer; o++ {
		for i := 0; i < inner; i++ {
			at := func(a int) int { return (o*length+a)*inner + i }
			m := math.Inf(-1)
			for a := 0; a < length; a++ {
				m = math.Max(m, in[0].Data[at(a)])
			}
			s := 0.0
			for a := 0; a < length; a++ {
				out.Data[at(a)] = math.Exp(in[0].Data[at(a)] - m)
				s += out.Data[at(a)]
			}
			for a := 0; a < length; a++ {
				out.Data[at(a)] /= s
			}
		}
	}
	return []*tensor.T{out}, nil
}

func softmaxLower(n *graph.Node, b *Builder) error {
	id, x, err := b.Tensor(n.Inputs[0])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	outer, length, inner, err := softmaxAxis(n, x.Shape)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	t := b.Cfg.TableBits
	ft := min(x.Frac, t-5) // the table spans exp(0) .. exp(-2^(t-1-ft)) ~ exp(-16)
	expFrac := b.Cfg.ActBits - 2
	vals := make([]int64, 1<<t)
	for i := range vals {
		vals[i] = int64(math.Round(math.Exp(-math.Ldexp(float64(i), -ft)) * math.Ldexp(1, expFrac)))
	}
	// the clamp: exp(-32) and below is 0 at this scale anyway, and a masked
	// score (-inf, saturated) lands here, so it contributes exactly 0
	vals[len(vals)-1] = 0
	l := &Softmax{LayerBase: LayerBase{In: []int{id}}, Outer: outer, Len: length, Inner: inner,
		InBits: x.Bits, Shift: x.Frac - ft, IdxBits: t, Exp: vals, ExpFrac: expFrac, OutFrac: b.Cfg.ActBits - 2}
	b.Emit(n, l, n.Outputs[0], x.Shape, l.OutFrac, b.Cfg.ActBits)
	return nil
}

func (l *Softmax) at(o, a, i int) int { return (o*l.Len+a)*l.Inner + i }

// Eval implements Layer.
func (l *Softmax) Eval(in [][]int64) ([]int64, error) {
	x := in[0]
	out := make([]int64, len(x))
	top := int64(1)<<l.IdxBits - 1
	e := make([]int64, l.Len)
	for o := 0; o < l.Outer; o++ {
		for i := 0; i < l.Inner; i++ {
			m := x[l.at(o, 0, i)]
			for a := 1; a < l.Len; a++ {
				m = max(m, x[l.at(o, a, i)])
			}
			var s int64
			for a := 0; a < l.Len; a++ {
				q := min(gadgets.Rescale(m-x[l.at(o, a, i)], l.Shift, false), top)
				e[a] = l.Exp[q]
				s += e[a]
			}
			for a := 0; a < l.Len; a++ {
				out[l.at(o, a, i)] = (e[a] << l.OutFrac) / s
			}
		}
	}
	return out, nil
}

// Define implements Layer.
func (l *Softmax) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	x := in[0]
	out := make([]frontend.Variable, len(x))
	tbl := logderivlookup.New(api)
	for _, v := range l.Exp {
		tbl.Insert(v)
	}
	top := int64(1)<<l.IdxBits - 1
	dBits := max(l.InBits-l.Shift+2, 2) // with Shift > InBits every quotient is 0
	sumBits := bitsOf(int64(l.Len)<<l.ExpFrac) + 1
	for o := 0; o < l.Outer; o++ {
		for i := 0; i < l.Inner; i++ {
			vals := make([]frontend.Variable, l.Len)
			for a := range vals {
				vals[a] = x[l.at(o, a, i)]
			}
			m := c.Max(vals, l.InBits)
			idx := make([]frontend.Variable, l.Len)
			for a, v := range vals {
				q := c.Rescale(api.Sub(m, v), l.Shift, dBits)
				// min(q, top) = top - relu(top - q)
				y, _ := c.Split(api.Sub(top, q), 0, l.IdxBits+1, dBits)
				idx[a] = api.Sub(top, y)
			}
			e := tbl.Lookup(idx...)
			s := gadgets.Sum(api, e)
			for a := range e {
				out[l.at(o, a, i)] = c.Div(api.Mul(e[a], int64(1)<<l.OutFrac), s, l.OutFrac+1, sumBits)
			}
		}
	}
	return out
}
