package ops

import (
	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Quotient divides by an activation: out = round(a 2^ShiftA / (b 2^ShiftB)),
// rounded half up, at the output's scale (gadgets.DivRound: a hinted
// quotient and remainder, the remainder range-checked, so the quotient is
// exact to the integer reference). When calibration saw only positive
// divisors the divisor's sign is not tested (Positive), and a divisor of 0
// or below has no proof.
type Quotient struct {
	LayerBase
	IdxA, IdxB     []int32
	ShiftA, ShiftB int
	NBits, DBits   int
	OutBits        int
	Positive       bool
}

func init() {
	gobRegister(&Quotient{})
	Register("Reciprocal", &Spec{Float: unary(func(v float64) float64 { return 1 / v }), Lower: func(n *graph.Node, b *Builder) error {
		one := n.Outputs[0] + "/one"
		b.Consts[one] = tensor.Scalar(1)
		return divLower(&graph.Node{Name: n.Name, Op: n.Op, Inputs: []string{one, n.Inputs[0]}, Outputs: n.Outputs, Attrs: n.Attrs}, b)
	}})
}

// divLower lowers a / b for an activation b (a an activation or a constant).
func divLower(n *graph.Node, b *Builder) error {
	sa, sb := b.Shapes[n.Inputs[0]], b.Shapes[n.Inputs[1]]
	if c := b.Const(n.Inputs[0]); c != nil {
		sa = c.Shape
	}
	shape, err := tensor.BroadcastShape(sa, sb)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	idA, ta, idB, tb, err := b.tensorPair(n)
	if err != nil {
		return err
	}
	out := n.Outputs[0]
	fy := b.Frac(out)
	// a/b at frac fy: a 2^-fa / (b 2^-fb) 2^fy = a 2^(fy - fa + fb) / b
	s := fy - ta.Frac + tb.Frac
	l := &Quotient{LayerBase: LayerBase{In: []int{idA, idB}}, OutBits: b.Cfg.ActBits, Positive: b.Stats[n.Inputs[1]].Min > 0,
		IdxA: toInt32(tensor.BroadcastIndex(sa, shape)), IdxB: toInt32(tensor.BroadcastIndex(sb, shape))}
	if s >= 0 {
		l.ShiftA = s
	} else {
		l.ShiftB = -s
	}
	l.NBits, l.DBits = ta.Bits+l.ShiftA, tb.Bits+l.ShiftB
	if l.NBits+1 > 62 || l.DBits+1 > 62 {
		return nodeErr(n, "its operands' scales are too far apart to divide exactly (2^%d): the dividend needs %d bits and the divisor %d", s, l.NBits, l.DBits)
	}
	b.Emit(n, l, out, shape, fy, l.OutBits)
	return nil
}

// Eval implements Layer.
func (l *Quotient) Eval(in [][]int64) ([]int64, error) {
	out := make([]int64, len(l.IdxA))
	for j := range out {
		num := in[0][l.IdxA[j]] << l.ShiftA
		den := in[1][l.IdxB[j]] << l.ShiftB
		if den == 0 || (l.Positive && den < 0) {
			what := "zero"
			if den < 0 {
				what = "negative (calibration saw only positive divisors)"
			}
			return nil, &NodeError{Node: l.Node, Err: errf("element %d: the divisor is %s", j, what)}
		}
		q, _ := gadgets.DivRoundInt(num, den)
		out[j] = q
	}
	if err := checkRange(l.Node, out, l.OutBits); err != nil {
		return nil, err
	}
	return out, nil
}

// Define implements Layer.
func (l *Quotient) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	out := make([]frontend.Variable, len(l.IdxA))
	for j := range out {
		num := api.Mul(in[0][l.IdxA[j]], int64(1)<<l.ShiftA)
		den := api.Mul(in[1][l.IdxB[j]], int64(1)<<l.ShiftB)
		// |num| < 2^(NBits-1) and |den| < 2^(DBits-1)
		out[j] = c.DivRound(num, den, l.NBits, l.DBits, l.OutBits, l.Positive)
	}
	return out
}
