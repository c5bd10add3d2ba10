package ops

import (
	"fmt"
	"math"

	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Comparisons, logic and Where. A comparison's output is a bit (frac 0,
// 2-bit signed range). Every comparison is d < 0 or d == 0 for an integer
// d = MulA a - MulB b - K:
//
//   - two activations are brought to the finer of their scales (MulA, MulB
//     powers of two), so a < b is exactly d < 0 and a <= b is d - 1 < 0;
//   - against a constant c, the activation's integer x at frac f is compared
//     with c 2^f as the float model compares x with c: x < c is
//     x - ceil(c 2^f) < 0, x <= c is x - floor(c 2^f) - 1 < 0, and > and >=
//     mirror them; x == c holds only where c 2^f is an integer.
//
// d < 0 is gadgets.IsNegative: one boolean, one product and one range check
// of d's width. d == 0 is gnark's IsZero.
type Compare struct {
	LayerBase
	Equal      bool // d == 0 rather than d < 0
	IdxA, IdxB []int32
	MulA, MulB int64
	K          []int64 // per output; nil is 0
	// Bits bounds d: -2^Bits <= d < 2^Bits.
	Bits int
	// C and Frac are the float constant per output and the input's frac,
	// for compile's near-threshold report (nil for two activations).
	C    []float64
	Frac int
}

// NearThresholds reports the elements of a calibration input x that land
// within one quantum of the constant they are compared with.
func (l *Compare) NearThresholds(x []float64) []string {
	var out []string
	q := math.Ldexp(1, -l.Frac)
	for j, c := range l.C {
		if v := x[l.IdxA[j]]; math.Abs(v-c) < q && v != c {
			out = append(out, fmt.Sprintf("element %d = %g is within one quantum (%g) of %g", l.IdxA[j], v, q, c))
		}
	}
	return out
}

func init() {
	gobRegister(&Compare{}, &Logic{}, &Where{})
	cmp := map[string]func(a, b float64) bool{
		"Less":           func(a, b float64) bool { return a < b },
		"LessOrEqual":    func(a, b float64) bool { return a <= b },
		"Greater":        func(a, b float64) bool { return a > b },
		"GreaterOrEqual": func(a, b float64) bool { return a >= b },
		"Equal":          func(a, b float64) bool { return a == b },
	}
	for op, f := range cmp {
		Register(op, &Spec{Float: binary(func(a, b float64) float64 { return bit(f(a, b)) }), Lower: compareLower})
	}
	logic := map[string]func(a, b float64) float64{
		"And": func(a, b float64) float64 { return bit(a != 0 && b != 0) },
		"Or":  func(a, b float64) float64 { return bit(a != 0 || b != 0) },
		"Xor": func(a, b float64) float64 { return bit((a != 0) != (b != 0)) },
	}
	for op, f := range logic {
		Register(op, &Spec{Float: binary(f), Lower: logicLower})
	}
	Register("Not", &Spec{Float: unary(func(v float64) float64 { return bit(v == 0) }), Lower: logicLower})
	Register("Where", &Spec{Float: whereFloat, Lower: whereLower})
}

func bit(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// boolBits is the width of a bit tensor: values 0 and 1 in a signed range.
const boolBits = 2

// diffBits is the width bounding |ma a| + |mb b| + |k| for a of aBits and b
// of bBits signed bits.
func diffBits(ma int64, aBits int, mb int64, bBits int, k int64) int {
	m := math.Abs(float64(ma))*math.Ldexp(1, aBits-1) + math.Abs(float64(mb))*math.Ldexp(1, bBits-1) + math.Abs(float64(k))
	return max(1, int(math.Ceil(math.Log2(m+1))))
}

// alignScales returns the multipliers bringing tensors of fracs fa and fb to
// the finer of the two, and that frac.
func alignScales(n *graph.Node, fa, fb int) (ma, mb int64, f int, err error) {
	f = max(fa, fb)
	if f-fa > 40 || f-fb > 40 {
		return 0, 0, 0, nodeErr(n, "its operands' scales are 2^%d apart; they cannot be aligned exactly", int(abs(float64(fa-fb))))
	}
	return int64(1) << (f - fa), int64(1) << (f - fb), f, nil
}

func compareLower(n *graph.Node, b *Builder) error {
	shape, ia, ib, err := b.broadcast2(n)
	if err != nil {
		return err
	}
	ca, cb := b.Const(n.Inputs[0]), b.Const(n.Inputs[1])
	op := n.Op
	l := &Compare{Equal: op == "Equal"}
	if ca != nil || cb != nil {
		// x op c, with the constant moved to the right
		x, xi, c, ci := n.Inputs[0], ia, cb, ib
		if ca != nil {
			x, xi, c, ci = n.Inputs[1], ib, ca, ia
			op = map[string]string{"Less": "Greater", "Greater": "Less", "LessOrEqual": "GreaterOrEqual", "GreaterOrEqual": "LessOrEqual", "Equal": "Equal"}[op]
		}
		id, xt, err := b.Tensor(x)
		if err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		l.In, l.IdxA, l.MulA = []int{id}, toInt32(xi), 1
		if op == "Greater" || op == "GreaterOrEqual" {
			l.MulA = -1
		}
		l.K, l.C, l.Frac = make([]int64, len(xi)), make([]float64, len(xi)), xt.Frac
		for j := range xi {
			l.C[j] = c.Data[ci[j]]
			l.K[j] = threshold(op, c.Data[ci[j]], xt.Frac, xt.Bits)
			if op == "Equal" && l.K[j] == noEqual {
				// c has no exact integer at this scale: no x equals it, and no
				// x in the tensor's range equals a K just beyond that range
				l.K[j] = int64(1)<<(xt.Bits-1) + 3
			}
		}
		var km int64
		for _, k := range l.K {
			km = max(km, k, -k)
		}
		l.Bits = diffBits(l.MulA, xt.Bits, 0, 0, km)
		if l.Bits > 62 {
			return nodeErr(n, "the comparison needs %d bits, beyond the 2^62 the integer engine holds", l.Bits)
		}
		b.Emit(n, l, n.Outputs[0], shape, 0, boolBits)
		b.markBool(n.Outputs[0])
		return nil
	}
	idA, ta, idB, tb, err := b.tensorPair(n)
	if err != nil {
		return err
	}
	ma, mb, _, err := alignScales(n, ta.Frac, tb.Frac)
	if err != nil {
		return err
	}
	l.In, l.IdxA, l.IdxB, l.MulA, l.MulB = []int{idA, idB}, toInt32(ia), toInt32(ib), ma, mb
	var k int64
	switch op {
	case "LessOrEqual":
		k = 1
	case "Greater": // b - a < 0
		l.In, l.IdxA, l.IdxB, l.MulA, l.MulB = []int{idB, idA}, l.IdxB, l.IdxA, mb, ma
	case "GreaterOrEqual": // b - a - 1 < 0
		l.In, l.IdxA, l.IdxB, l.MulA, l.MulB = []int{idB, idA}, l.IdxB, l.IdxA, mb, ma
		k = 1
	}
	if k != 0 {
		l.K = make([]int64, len(ia))
		for j := range l.K {
			l.K[j] = k
		}
	}
	l.Bits = diffBits(ma, ta.Bits, mb, tb.Bits, k)
	if l.Bits > 62 {
		return nodeErr(n, "its operands' difference needs %d bits at a common scale, beyond the 2^62 the integer engine holds", l.Bits)
	}
	b.Emit(n, l, n.Outputs[0], shape, 0, boolBits)
	b.markBool(n.Outputs[0])
	return nil
}

// noEqual marks a constant with no exact integer at the compared scale.
const noEqual = math.MinInt64

// threshold returns K such that "x op c" is "x - K < 0" (for > and >=,
// "K - x < 0") for the integer x of a tensor at frac with bits signed bits;
// for Equal, the integer c 2^frac or noEqual. K is clamped just beyond the
// tensor's range, where every x compares the same way as with c itself.
func threshold(op string, c float64, frac, bits int) int64 {
	y := c * math.Ldexp(1, frac)
	lim := math.Ldexp(1, bits-1) + 2
	clamp := func(v float64) int64 { return int64(math.Max(-lim, math.Min(lim, v))) }
	switch op {
	case "Less": // x < y  <=>  x < ceil(y)
		return clamp(math.Ceil(y))
	case "LessOrEqual": // x <= y  <=>  x < floor(y) + 1
		return clamp(math.Floor(y) + 1)
	case "Greater": // x > y  <=>  floor(y) - x < 0
		return -clamp(math.Floor(y))
	case "GreaterOrEqual": // x >= y  <=>  ceil(y) - 1 - x < 0
		return -clamp(math.Ceil(y) - 1)
	default: // Equal
		if y != math.Trunc(y) || math.Abs(y) > lim {
			return noEqual
		}
		return int64(y)
	}
}

func toInt32(v []int) []int32 {
	out := make([]int32, len(v))
	for i, x := range v {
		out[i] = int32(x)
	}
	return out
}

func (l *Compare) d(a, b int64, j int) int64 {
	d := l.MulA * a
	if l.IdxB != nil {
		d -= l.MulB * b
	}
	if l.K != nil {
		d -= l.K[j]
	}
	return d
}

// Eval implements Layer.
func (l *Compare) Eval(in [][]int64) ([]int64, error) {
	out := make([]int64, len(l.IdxA))
	for j := range out {
		var bv int64
		if l.IdxB != nil {
			bv = in[1][l.IdxB[j]]
		}
		d := l.d(in[0][l.IdxA[j]], bv, j)
		if l.Equal {
			out[j] = int64(bit(d == 0))
		} else {
			out[j] = int64(bit(d < 0))
		}
	}
	return out, nil
}

// Define implements Layer.
func (l *Compare) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	out := make([]frontend.Variable, len(l.IdxA))
	for j := range out {
		d := api.Mul(in[0][l.IdxA[j]], l.MulA)
		if l.IdxB != nil {
			d = api.Sub(d, api.Mul(in[1][l.IdxB[j]], l.MulB))
		}
		if l.K != nil {
			d = api.Sub(d, l.K[j])
		}
		if l.Equal {
			out[j] = api.IsZero(d)
		} else {
			out[j] = c.IsNegative(d, l.Bits)
		}
	}
	return out
}

// Logic is Not, And, Or or Xor on bits: 1 - a, ab, a + b - ab, a + b - 2ab.
// An operand not produced as a bit (a model input, a constant) is asserted
// to be one (Check).
type Logic struct {
	LayerBase
	Kind       string
	IdxA, IdxB []int32
	Check      []bool // per input
}

func logicLower(n *graph.Node, b *Builder) error {
	l := &Logic{Kind: n.Op}
	var shapes []tensor.Shape
	for _, name := range n.Inputs {
		id, t, err := b.boolTensor(name)
		if err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		if t.Frac != 0 || !b.isBool(name) && t.Const != nil {
			return nodeErr(n, "input %q is not a boolean tensor", name)
		}
		l.In = append(l.In, id)
		l.Check = append(l.Check, !b.isBool(name))
		shapes = append(shapes, t.Shape)
	}
	shape := shapes[0]
	if n.Op != "Not" {
		if len(shapes) != 2 {
			return nodeErr(n, "needs 2 inputs, has %d", len(shapes))
		}
		var err error
		if shape, err = tensor.BroadcastShape(shapes[0], shapes[1]); err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		l.IdxB = toInt32(tensor.BroadcastIndex(shapes[1], shape))
	}
	l.IdxA = toInt32(tensor.BroadcastIndex(shapes[0], shape))
	b.Emit(n, l, n.Outputs[0], shape, 0, boolBits)
	b.markBool(n.Outputs[0])
	return nil
}

// Eval implements Layer.
func (l *Logic) Eval(in [][]int64) ([]int64, error) {
	for i, v := range in {
		for j, x := range v {
			if x != 0 && x != 1 {
				return nil, &NodeError{Node: l.Node, Err: fmt.Errorf("input %d element %d is %d, not a boolean", i, j, x)}
			}
		}
	}
	out := make([]int64, len(l.IdxA))
	for j := range out {
		a := in[0][l.IdxA[j]]
		var bv int64
		if l.IdxB != nil {
			bv = in[1][l.IdxB[j]]
		}
		switch l.Kind {
		case "Not":
			out[j] = 1 - a
		case "And":
			out[j] = a * bv
		case "Or":
			out[j] = a + bv - a*bv
		default:
			out[j] = a + bv - 2*a*bv
		}
	}
	return out, nil
}

// Define implements Layer.
func (l *Logic) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	for i, v := range in {
		if l.Check[i] {
			for _, x := range v {
				api.AssertIsBoolean(x)
			}
		}
	}
	out := make([]frontend.Variable, len(l.IdxA))
	for j := range out {
		a := in[0][l.IdxA[j]]
		if l.Kind == "Not" {
			out[j] = api.Sub(1, a)
			continue
		}
		bv := in[1][l.IdxB[j]]
		switch l.Kind {
		case "And":
			out[j] = api.Mul(a, bv)
		case "Or":
			out[j] = api.Sub(api.Add(a, bv), api.Mul(a, bv))
		default:
			out[j] = api.Sub(api.Add(a, bv), api.Mul(2, a, bv))
		}
	}
	return out
}

// Where selects x where the condition holds and y elsewhere:
// y + cond (x - y), one product per element (none when cond is a constant).
// x and y are brought to the finer of their scales; a constant operand is
// quantized at the other's scale, an infinite one saturating to the end of
// the range.
type Where struct {
	LayerBase
	IdxC, IdxX, IdxY []int32
	MulX, MulY       int64
	Check            bool // assert cond is a bit
}

func whereFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 3); err != nil {
		return nil, err
	}
	s, err := tensor.BroadcastShape(in[0].Shape, in[1].Shape)
	if err == nil {
		s, err = tensor.BroadcastShape(s, in[2].Shape)
	}
	if err != nil {
		return nil, err
	}
	ic, ix, iy := tensor.BroadcastIndex(in[0].Shape, s), tensor.BroadcastIndex(in[1].Shape, s), tensor.BroadcastIndex(in[2].Shape, s)
	out := tensor.New(s)
	for j := range out.Data {
		if in[0].Data[ic[j]] != 0 {
			out.Data[j] = in[1].Data[ix[j]]
		} else {
			out.Data[j] = in[2].Data[iy[j]]
		}
	}
	return []*tensor.T{out}, nil
}

func whereLower(n *graph.Node, b *Builder) error {
	if len(n.Inputs) != 3 {
		return nodeErr(n, "needs 3 inputs, has %d", len(n.Inputs))
	}
	cond, x, y := n.Inputs[0], n.Inputs[1], n.Inputs[2]
	shape := b.Shapes[n.Outputs[0]]
	// the scale of the selected values: an activation operand's, or the
	// output's when both are constants
	var frac, bits int
	var have bool
	for _, name := range []string{x, y} {
		if b.Const(name) == nil {
			_, t, err := b.Tensor(name)
			if err != nil {
				return &NodeError{Node: n.Label(), Err: err}
			}
			if !have || t.Frac > frac {
				frac = t.Frac
			}
			have = true
		}
	}
	if !have {
		frac = b.Frac(n.Outputs[0])
	}
	// an infinite constant (a mask's -inf) saturates to the end of a range
	// 16 bits wider than the activations: far enough below every score that
	// a Softmax after it gives it exactly 0
	infinite := false
	for _, name := range []string{x, y} {
		if c := b.Const(name); c != nil {
			for _, v := range c.Data {
				infinite = infinite || math.IsInf(v, 0)
			}
		}
	}
	operand := func(name string) (int, int64, int, error) {
		if c := b.Const(name); c != nil {
			bitsC := b.Cfg.ActBits
			if infinite {
				bitsC += 16
			}
			id := b.constAt(name, c, frac, bitsC)
			return id, 1, bitsC, nil
		}
		id, t, err := b.Tensor(name)
		if err != nil {
			return 0, 0, 0, &NodeError{Node: n.Label(), Err: err}
		}
		if frac-t.Frac > 40 {
			return 0, 0, 0, nodeErr(n, "its operands' scales are 2^%d apart", frac-t.Frac)
		}
		return id, int64(1) << (frac - t.Frac), t.Bits + frac - t.Frac, nil
	}
	idX, mx, bx, err := operand(x)
	if err != nil {
		return err
	}
	idY, my, by, err := operand(y)
	if err != nil {
		return err
	}
	idC, tc, err := b.boolTensor(cond)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	bits = max(bx, by)
	if bits > 62 {
		return nodeErr(n, "its operands need %d bits at a common scale", bits)
	}
	l := &Where{LayerBase: LayerBase{In: []int{idC, idX, idY}}, MulX: mx, MulY: my, Check: !b.isBool(cond) && tc.Const == nil,
		IdxC: toInt32(tensor.BroadcastIndex(tc.Shape, shape)),
		IdxX: toInt32(tensor.BroadcastIndex(b.Prog.Tensors[idX].Shape, shape)),
		IdxY: toInt32(tensor.BroadcastIndex(b.Prog.Tensors[idY].Shape, shape))}
	b.Emit(n, l, n.Outputs[0], shape, frac, bits)
	return nil
}

// Eval implements Layer.
func (l *Where) Eval(in [][]int64) ([]int64, error) {
	out := make([]int64, len(l.IdxC))
	for j := range out {
		switch in[0][l.IdxC[j]] {
		case 1:
			out[j] = l.MulX * in[1][l.IdxX[j]]
		case 0:
			out[j] = l.MulY * in[2][l.IdxY[j]]
		default:
			return nil, &NodeError{Node: l.Node, Err: fmt.Errorf("condition element %d is %d, not a boolean", l.IdxC[j], in[0][l.IdxC[j]])}
		}
	}
	return out, nil
}

// Define implements Layer.
func (l *Where) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	if l.Check {
		for _, v := range in[0] {
			api.AssertIsBoolean(v)
		}
	}
	out := make([]frontend.Variable, len(l.IdxC))
	for j := range out {
		x := api.Mul(in[1][l.IdxX[j]], l.MulX)
		y := api.Mul(in[2][l.IdxY[j]], l.MulY)
		out[j] = api.Add(y, api.Mul(in[0][l.IdxC[j]], api.Sub(x, y)))
	}
	return out
}
