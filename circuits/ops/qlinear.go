package ops

import (
	"encoding/gob"
	"fmt"
	"math"
	"math/bits"

	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// ONNX element types of the integer tensors of quantized models.
const (
	DTFloat  = 1
	DTUint8  = 2
	DTInt8   = 3
	DTUint16 = 4
	DTInt16  = 5
	DTInt32  = 6
	DTBool   = 9
)

// dtypeRange returns the value range of an integer element type.
func dtypeRange(dt int) (lo, hi int64, ok bool) {
	switch dt {
	case DTUint8:
		return 0, 255, true
	case DTInt8:
		return -128, 127, true
	case DTUint16:
		return 0, 65535, true
	case DTInt16:
		return -32768, 32767, true
	case DTInt32:
		return math.MinInt32, math.MaxInt32, true
	case DTBool:
		return 0, 1, true
	}
	return 0, 0, false
}

// DTypeName names an element type in messages and model.json.
func DTypeName(dt int) string {
	return map[int]string{DTFloat: "float32", DTUint8: "uint8", DTInt8: "int8", DTUint16: "uint16", DTInt16: "int16", DTInt32: "int32", DTBool: "bool"}[dt]
}

// DTypeRangeByName is the value range of the integer element type named as
// DTypeName names it; ok is false for float32 or an unknown name.
func DTypeRangeByName(name string) (lo, hi int64, ok bool) {
	for dt := range 16 {
		if DTypeName(dt) == name {
			return dtypeRange(dt)
		}
	}
	return 0, 0, false
}

// IntRange returns the value range of an exact integer tensor.
func (t *TensorInfo) IntRange() (lo, hi int64, ok bool) { return dtypeRange(t.DType) }

// signedBits is the smallest signed width holding every value of [lo, hi].
func signedBits(lo, hi int64) int {
	b := 1
	for lo < -(int64(1)<<(b-1)) || hi >= int64(1)<<(b-1) {
		b++
	}
	return b
}

// AddTypedInput declares a model input; integer element types become exact
// integer tensors (Frac 0, the type's range), floats get a calibrated scale.
func (b *Builder) AddTypedInput(name string, shape tensor.Shape, dt int) int {
	lo, hi, ok := dtypeRange(dt)
	if !ok {
		return b.AddInput(name, shape)
	}
	id := b.newTensor(TensorInfo{Name: name, Shape: shape, Frac: 0, Bits: signedBits(lo, hi), DType: dt})
	b.Prog.Inputs = append(b.Prog.Inputs, id)
	return id
}

// QRequant maps an integer accumulator to its output as onnxruntime does:
// y = saturate(round_half_even(acc * Mul / Div) + Zp) to [Lo, Hi]. Mul, Div
// and Zp hold one value or one per output element; Mul / Div is the exact
// rational value of the float32 scale ratio.
type QRequant struct {
	Mul, Div, Zp []int64
	Sat          bool
	Lo, Hi       int64
	DBits        int // bits of the largest divisor
	QBits        int // signed bits of the rounded value
	SatBits      int // signed bits of the rounded value plus zero point
	OutBits      int
}

func at(v []int64, j int) int64 {
	if len(v) == 1 {
		return v[0]
	}
	return v[j]
}

func (r *QRequant) eval(node string, acc []int64) ([]int64, error) {
	out := make([]int64, len(acc))
	lim := int64(1) << (r.QBits - 1)
	for j, a := range acc {
		q := a * at(r.Mul, j)
		if d := at(r.Div, j); d != 1 {
			q = gadgets.RoundDiv(q, d)
		}
		if q < -lim || q >= lim {
			return nil, &RangeError{Node: node, Index: j, Value: q, Bits: r.QBits}
		}
		v := q + at(r.Zp, j)
		if r.Sat {
			v = min(max(v, r.Lo), r.Hi)
		}
		out[j] = v
	}
	if err := checkRange(node, out, r.OutBits); err != nil {
		return nil, err
	}
	return out, nil
}

func (r *QRequant) define(c *gadgets.Ctx, acc []frontend.Variable) []frontend.Variable {
	api := c.API
	out := make([]frontend.Variable, len(acc))
	for j, a := range acc {
		q := a
		if m := at(r.Mul, j); m != 1 {
			q = api.Mul(q, m)
		}
		d := at(r.Div, j)
		if d != 1 {
			q = c.RoundDiv(q, d, r.DBits, r.QBits)
		}
		if zp := at(r.Zp, j); zp != 0 {
			q = api.Add(q, zp)
		}
		switch {
		case r.Sat:
			q = c.Saturate(q, r.Lo, r.Hi, r.SatBits)
		case d == 1:
			c.Signed(q, r.OutBits)
		}
		out[j] = q
	}
	return out
}

// finish fills the widths of r from a bound on |acc| and checks that the
// integer reference cannot overflow.
func (r *QRequant) finish(accBound float64) error {
	maxMul, maxDiv, minDiv, maxZp := int64(1), int64(1), int64(math.MaxInt64), int64(0)
	for _, m := range r.Mul {
		maxMul = max(maxMul, abs64(m))
	}
	for _, d := range r.Div {
		if d <= 0 {
			return fmt.Errorf("internal: divisor %d", d)
		}
		maxDiv, minDiv = max(maxDiv, d), min(minDiv, d)
	}
	for _, z := range r.Zp {
		maxZp = max(maxZp, abs64(z))
	}
	nb := accBound * float64(maxMul)
	if nb >= math.Ldexp(1, 61) {
		return fmt.Errorf("accumulator bound %.3g times multiplier %d overflows 61 bits", accBound, maxMul)
	}
	qb := int64(math.Ceil(nb/float64(minDiv))) + 1
	r.QBits = signedBits(-qb, qb)
	r.DBits = 64 - bits.LeadingZeros64(uint64(maxDiv))
	sb := qb + maxZp
	if r.Sat {
		sb = max(sb, abs64(r.Lo), abs64(r.Hi))
		r.OutBits = signedBits(r.Lo, r.Hi)
	} else if r.OutBits == 0 {
		r.OutBits = signedBits(-sb, sb)
	}
	r.SatBits = signedBits(-sb, sb)
	return nil
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// QLinear is out = QRequant(bias + K x) with constant integer weights: the
// integer core of QLinearMatMul, QLinearConv, QGemm, MatMulInteger,
// ConvInteger, QLinearAveragePool, QuantizeLinear and DequantizeLinear. A nil
// K is the identity (acc_j = bias_j + x_j).
type QLinear struct {
	LayerBase
	K    Kernel
	Bias []int64
	QRequant
}

func (l *QLinear) acc(x []int64) []int64 {
	if l.K == nil {
		acc := append([]int64(nil), x...)
		for j := range acc {
			if l.Bias != nil {
				acc[j] += l.Bias[j]
			}
		}
		return acc
	}
	acc := make([]int64, l.K.OutSize())
	for j := range acc {
		var s int64
		if l.Bias != nil {
			s = l.Bias[j]
		}
		l.K.Terms(j, func(i int, w int64) { s += w * x[i] })
		acc[j] = s
	}
	return acc
}

// Eval implements Layer.
func (l *QLinear) Eval(in [][]int64) ([]int64, error) { return l.eval(l.Node, l.acc(in[0])) }

// Define implements Layer.
func (l *QLinear) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	x := in[0]
	var acc []frontend.Variable
	if l.K == nil {
		acc = make([]frontend.Variable, len(x))
		for j := range x {
			acc[j] = x[j]
			if l.Bias != nil && l.Bias[j] != 0 {
				acc[j] = api.Add(x[j], l.Bias[j])
			}
		}
	} else {
		acc = make([]frontend.Variable, l.K.OutSize())
		terms := make([]frontend.Variable, 0, 64)
		for j := range acc {
			terms = terms[:0]
			if l.Bias != nil && l.Bias[j] != 0 {
				terms = append(terms, l.Bias[j])
			}
			l.K.Terms(j, func(i int, w int64) {
				if w != 0 {
					terms = append(terms, api.Mul(x[i], w))
				}
			})
			acc[j] = gadgets.Sum(api, terms)
		}
	}
	return l.define(c, acc)
}

// accBound bounds |acc| for inputs of the given range.
func (l *QLinear) accBound(xlo, xhi int64) float64 {
	xm := float64(max(abs64(xlo), abs64(xhi)))
	best := 0.0
	n := 0
	if l.K == nil {
		n = len(l.Bias)
		if n == 0 {
			return xm
		}
	} else {
		n = l.K.OutSize()
	}
	for j := 0; j < n; j++ {
		s := 0.0
		if l.Bias != nil {
			s = math.Abs(float64(l.Bias[j]))
		}
		if l.K == nil {
			s += xm
		} else {
			l.K.Terms(j, func(_ int, w int64) { s += math.Abs(float64(w)) * xm })
		}
		best = max(best, s)
	}
	return best
}

// scaleParts writes a positive float32 scale as m 2^e with m odd.
func scaleParts(s float64) (m int64, e int, err error) {
	f := float32(s)
	if !(f > 0) || math.IsInf(float64(f), 0) {
		return 0, 0, fmt.Errorf("scale %v must be a positive finite number", s)
	}
	fr, ex := math.Frexp(float64(f))
	m, e = int64(fr*(1<<24)), ex-24
	for m%2 == 0 {
		m, e = m/2, e+1
	}
	return m, e, nil
}

// ratio returns Mul, Div with Mul / Div = num / den exactly, for float32 num and den.
func ratio(num, den float64) (int64, int64, error) {
	mn, en, err := scaleParts(num)
	if err != nil {
		return 0, 0, err
	}
	md, ed, err := scaleParts(den)
	if err != nil {
		return 0, 0, err
	}
	sh := en - ed
	if sh >= 0 {
		if sh > 36 {
			return 0, 0, fmt.Errorf("scale ratio %g / %g is too large", num, den)
		}
		return mn << sh, md, nil
	}
	if -sh > 36 {
		return 0, 0, fmt.Errorf("scale ratio %g / %g is too small", num, den)
	}
	return mn, md << -sh, nil
}

// qparams is a scale and zero point pair of a quantized operator.
type qparams struct {
	scale []float64 // float32 values
	zp    []int64
	dt    int
}

// readQ reads the scale at input si and the zero point at zi (optional; its
// absence means 0 of type defDT).
func readQ(n *graph.Node, in []*tensor.T, si, zi, defDT int) (qparams, error) {
	var q qparams
	if si >= len(in) || in[si] == nil {
		return q, fmt.Errorf("input %d (scale) is missing", si)
	}
	for _, v := range in[si].Data {
		q.scale = append(q.scale, float64(float32(v)))
	}
	q.dt = defDT
	if zi < len(in) && in[zi] != nil {
		for _, v := range in[zi].Data {
			q.zp = append(q.zp, int64(v))
		}
		if in[zi].DType != 0 {
			q.dt = in[zi].DType
		}
		if len(q.zp) != len(q.scale) {
			return q, fmt.Errorf("zero point has %d values, scale %d", len(q.zp), len(q.scale))
		}
	} else {
		q.zp = make([]int64, len(q.scale))
	}
	if _, _, ok := dtypeRange(q.dt); !ok {
		return q, fmt.Errorf("zero point type %d is not an 8/16/32-bit integer type", q.dt)
	}
	return q, nil
}

// constInputs gathers the constant inputs of a node (nil for activations).
func constInputs(b *Builder, n *graph.Node) []*tensor.T {
	out := make([]*tensor.T, len(n.Inputs))
	for i, name := range n.Inputs {
		if name != "" {
			out[i] = b.Const(name)
		}
	}
	return out
}

// intTensor returns the exact integer tensor behind name; a constant becomes
// a constant integer tensor of type dt.
func (b *Builder) intTensor(name string, dt int) (int, *TensorInfo, error) {
	if id, ok := b.ids[name]; ok {
		t := &b.Prog.Tensors[id]
		if t.DType == 0 || t.Frac != 0 {
			return 0, nil, fmt.Errorf("tensor %q is a fixed-point tensor (frac %d), a quantized operator needs an integer tensor", name, t.Frac)
		}
		return id, t, nil
	}
	c := b.Consts[name]
	if c == nil {
		return 0, nil, fmt.Errorf("tensor %q is not computed before it is used", name)
	}
	if c.DType != 0 {
		dt = c.DType
	}
	lo, hi, ok := dtypeRange(dt)
	if !ok {
		return 0, nil, fmt.Errorf("constant %q has element type %d, not an integer type", name, dt)
	}
	q := make([]int64, len(c.Data))
	for i, v := range c.Data {
		q[i] = int64(v)
	}
	id := b.newTensor(TensorInfo{Name: name, Shape: c.Shape, Bits: signedBits(lo, hi), Const: q, DType: dt})
	return id, &b.Prog.Tensors[id], nil
}

// emitInt appends a layer producing an exact integer tensor.
func (b *Builder) emitInt(n *graph.Node, l Layer, out string, shape tensor.Shape, bits, dt int) {
	b.Emit(n, l, out, shape, 0, bits)
	b.Prog.Tensors[len(b.Prog.Tensors)-1].DType = dt
}

// channelOf maps element j of shape to its index along axis when a parameter
// has one value per channel (len > 1), else 0.
func channelOf(shape tensor.Shape, axis, nparam int) (func(j int) int, error) {
	if nparam <= 1 {
		return func(int) int { return 0 }, nil
	}
	ax, err := tensor.NormAxis(axis, len(shape))
	if err != nil {
		return nil, err
	}
	if shape[ax] != nparam {
		return nil, fmt.Errorf("%d per-axis parameters for axis %d of shape %v", nparam, axis, shape)
	}
	inner := tensor.Shape(shape[ax+1:]).Size()
	return func(j int) int { return (j / inner) % nparam }, nil
}

func init() {
	gob.Register(&QLinear{})
	gob.Register(&QBinary{})
}
