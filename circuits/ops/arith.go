package ops

import (
	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
)

// Binary is an elementwise Add, Sub or Mul of two activations with numpy
// broadcasting (IdxA/IdxB map outputs to input elements). Add and Sub align the
// operands' scales with MulA/MulB; Mul costs one constraint per element. All
// end in a rescale.
type Binary struct {
	LayerBase
	Kind       string // "Add", "Sub" or "Mul"
	IdxA, IdxB []int32
	MulA, MulB int64
	Requant
}

// Eval implements Layer.
func (l *Binary) Eval(in [][]int64) ([]int64, error) {
	acc := make([]int64, len(l.IdxA))
	for j := range acc {
		a, b := in[0][l.IdxA[j]], in[1][l.IdxB[j]]
		switch l.Kind {
		case "Add":
			acc[j] = l.MulA*a + l.MulB*b
		case "Sub":
			acc[j] = l.MulA*a - l.MulB*b
		default:
			acc[j] = a * b
		}
	}
	return l.eval(l.Node, acc)
}

// Define implements Layer.
func (l *Binary) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	acc := make([]frontend.Variable, len(l.IdxA))
	for j := range acc {
		a, b := in[0][l.IdxA[j]], in[1][l.IdxB[j]]
		switch l.Kind {
		case "Add":
			acc[j] = api.Add(api.Mul(a, l.MulA), api.Mul(b, l.MulB))
		case "Sub":
			acc[j] = api.Sub(api.Mul(a, l.MulA), api.Mul(b, l.MulB))
		default:
			acc[j] = api.Mul(a, b)
		}
	}
	return l.define(c, acc)
}

// arith registers Add, Sub, Mul and Div. With one constant operand they lower
// to an elementwise affine layer (a_j x_j + c_j, weights as constants); with two
// activations to Binary. Div needs a constant divisor.
func init() {
	ops := map[string]func(a, b float64) float64{
		"Add": func(a, b float64) float64 { return a + b },
		"Sub": func(a, b float64) float64 { return a - b },
		"Mul": func(a, b float64) float64 { return a * b },
		"Div": func(a, b float64) float64 { return a / b },
	}
	for op, f := range ops {
		Register(op, &Spec{Float: binary(f), Lower: arithLower, FusesRelu: true})
	}
}

func arithLower(n *graph.Node, b *Builder) error {
	shape, ia, ib, err := b.broadcast2(n)
	if err != nil {
		return err
	}
	ca, cb := b.Const(n.Inputs[0]), b.Const(n.Inputs[1])
	if ca != nil || cb != nil {
		// one constant operand: y = a x + c
		x, xi := n.Inputs[0], ia
		k, ki := cb, ib
		if ca != nil {
			x, xi, k, ki = n.Inputs[1], ib, ca, ia
		}
		as, cs := make([]float64, len(xi)), make([]float64, len(xi))
		for j := range xi {
			kv := k.Data[ki[j]]
			switch {
			case n.Op == "Add":
				as[j], cs[j] = 1, kv
			case n.Op == "Sub" && ca == nil:
				as[j], cs[j] = 1, -kv
			case n.Op == "Sub":
				as[j], cs[j] = -1, kv
			case n.Op == "Mul":
				as[j] = kv
			case n.Op == "Div" && ca == nil:
				if kv == 0 {
					return nodeErr(n, "division by a constant 0 at element %d", ki[j])
				}
				as[j] = 1 / kv
			default: // a constant divided by an activation
				return divLower(n, b)
			}
		}
		return b.EmitAffine(n, x, xi, as, cs)
	}
	if n.Op == "Div" {
		return divLower(n, b)
	}
	idA, ta, idB, tb, err := b.tensorPair(n)
	if err != nil {
		return err
	}
	l := &Binary{LayerBase: LayerBase{In: []int{idA, idB}}, Kind: n.Op, MulA: 1, MulB: 1}
	l.IdxA, l.IdxB = make([]int32, len(ia)), make([]int32, len(ib))
	for j := range ia {
		l.IdxA[j], l.IdxB[j] = int32(ia[j]), int32(ib[j])
	}
	var accFrac int
	var bound float64
	la, lb := float64(int64(1)<<(ta.Bits-1)), float64(int64(1)<<(tb.Bits-1))
	if n.Op == "Mul" {
		accFrac = ta.Frac + tb.Frac
		bound = la * lb
	} else {
		accFrac = max(ta.Frac, tb.Frac)
		if d := max(accFrac-ta.Frac, accFrac-tb.Frac); d+max(ta.Bits, tb.Bits) > 62 {
			return nodeErr(n, "its inputs' scales differ by 2^%d: aligning them leaves the 2^62 the integer engine holds (the inputs' ranges are too far apart for %d-bit activations)", d, b.Cfg.ActBits)
		}
		l.MulA, l.MulB = int64(1)<<(accFrac-ta.Frac), int64(1)<<(accFrac-tb.Frac)
		bound = la*float64(l.MulA) + lb*float64(l.MulB)
	}
	out := n.Outputs[0]
	rq, fy, err := b.Requantizer(n, out, accFrac, bound)
	if err != nil {
		return err
	}
	l.Requant = rq
	b.Emit(n, l, out, shape, fy, b.Cfg.ActBits)
	return nil
}
