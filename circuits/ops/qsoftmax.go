package ops

import (
	"encoding/gob"
	"fmt"
	"math"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/lookup/logderivlookup"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// onnxruntime's QLinearSoftmax (com.microsoft). Per row of the reduced axis,
// with m the largest input, onnxruntime looks up e_i = exp((x_i - m) x_scale)
// (times a constant) in a 256-entry table and returns
// y_i = saturate(rhe(e_i floor(1 / y_scale) / sum e) + y_zp). The input zero
// point cancels in x_i - m. Here the table holds round(2^24 exp(-k x_scale)),
// k = m - x_i in [0, 255], and the quotient is rounded exactly, so the result
// equals onnxruntime's float32 computation except where that quotient lies
// within float32 rounding of a half. Where onnxruntime's int8 kernel wraps an
// out-of-range value (128 for y_zp = -128 and a one-hot row), this saturates.
func init() {
	Register("com.microsoft.QLinearSoftmax", &Spec{Float: qsoftmaxFloat, Lower: qsoftmaxLower})
	gob.Register(&QSoftmax{})
}

// qsoftmaxExpBits is the fixed-point precision of the exp table.
const qsoftmaxExpBits = 24

// QSoftmax is the integer layer of QLinearSoftmax.
type QSoftmax struct {
	LayerBase
	Outer, Len, Inner int
	Exp               []int64 // 256 entries
	YMul              int64   // floor(1 / y_scale)
	Zp, Lo, Hi        int64
}

func (l *QSoftmax) at(o, a, i int) int { return (o*l.Len+a)*l.Inner + i }

// Eval implements Layer.
func (l *QSoftmax) Eval(in [][]int64) ([]int64, error) {
	x := in[0]
	out := make([]int64, len(x))
	e := make([]int64, l.Len)
	for o := 0; o < l.Outer; o++ {
		for i := 0; i < l.Inner; i++ {
			m := x[l.at(o, 0, i)]
			for a := 1; a < l.Len; a++ {
				m = max(m, x[l.at(o, a, i)])
			}
			var s int64
			for a := range e {
				k := m - x[l.at(o, a, i)]
				if k > 255 {
					return nil, &RangeError{Node: l.Node, Index: l.at(o, a, i), Value: x[l.at(o, a, i)], Bits: 9}
				}
				e[a] = l.Exp[k]
				s += e[a]
			}
			for a := range e {
				out[l.at(o, a, i)] = min(max(gadgets.RoundDiv(e[a]*l.YMul, s)+l.Zp, l.Lo), l.Hi)
			}
		}
	}
	return out, nil
}

// Define implements Layer. The Max gadget bounds m - x_i to [0, 256), the
// table's domain, and makes m one of the inputs, so the sum holds the entry
// 2^24 and the divisor is positive.
func (l *QSoftmax) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	x := in[0]
	out := make([]frontend.Variable, len(x))
	tbl := logderivlookup.New(api)
	for _, v := range l.Exp {
		tbl.Insert(v)
	}
	dBits := bitsOf(int64(l.Len)<<qsoftmaxExpBits) + 1
	qBits := bitsOf(l.YMul) + 2
	satBits := bitsOf(l.YMul+abs64(l.Zp)) + 2
	for o := 0; o < l.Outer; o++ {
		for i := 0; i < l.Inner; i++ {
			vals := make([]frontend.Variable, l.Len)
			for a := range vals {
				vals[a] = x[l.at(o, a, i)]
			}
			m := c.Max(vals, 8)
			idx := make([]frontend.Variable, l.Len)
			for a, v := range vals {
				idx[a] = api.Sub(m, v)
			}
			e := tbl.Lookup(idx...)
			s := gadgets.Sum(api, e)
			for a := range e {
				q := c.RoundDiv(api.Mul(e[a], l.YMul), s, dBits, qBits)
				out[l.at(o, a, i)] = c.Saturate(api.Add(q, l.Zp), l.Lo, l.Hi, satBits)
			}
		}
	}
	return out
}

// qsoftmaxPlan builds the layer from the constant parameters and the shape.
func qsoftmaxPlan(n *graph.Node, in []*tensor.T, x tensor.Shape, xdt int) (*QSoftmax, int, error) {
	if len(in) < 4 {
		return nil, 0, fmt.Errorf("QLinearSoftmax needs x, x_scale, x_zero_point, y_scale (and y_zero_point), has %d inputs", len(in))
	}
	xq, err := readQ(n, in, 1, 2, xdt)
	if err != nil {
		return nil, 0, fmt.Errorf("x: %v", err)
	}
	yq, err := readQ(n, in, 3, 4, xdt)
	if err != nil {
		return nil, 0, fmt.Errorf("y: %v", err)
	}
	if len(xq.scale) != 1 || len(yq.scale) != 1 || len(yq.zp) != 1 {
		return nil, 0, fmt.Errorf("x and y must be quantized per tensor")
	}
	if xq.dt != DTUint8 && xq.dt != DTInt8 {
		return nil, 0, fmt.Errorf("x must be uint8 or int8, is %s", DTypeName(xq.dt))
	}
	if yq.dt != xq.dt {
		return nil, 0, fmt.Errorf("y_zero_point is %s, x is %s", DTypeName(yq.dt), DTypeName(xq.dt))
	}
	if !(xq.scale[0] > 0) || math.IsInf(xq.scale[0], 0) {
		return nil, 0, fmt.Errorf("x_scale %v must be a positive finite number", xq.scale[0])
	}
	ymul := math.Floor(float64(float32(1) / float32(yq.scale[0])))
	if !(ymul >= 1) || ymul > 1<<20 {
		return nil, 0, fmt.Errorf("y_scale %v: floor(1 / y_scale) = %v must lie in [1, 2^20]", yq.scale[0], ymul)
	}
	rank := len(x)
	axis := int(n.Int("axis", -1))
	opset := n.Int("opset", 0)
	if !n.Has("axis") && opset != 0 && opset < 13 {
		axis = 1
	}
	ax, err := tensor.NormAxis(axis, rank)
	if err != nil {
		return nil, 0, err
	}
	l := &QSoftmax{YMul: int64(ymul), Zp: yq.zp[0], Exp: make([]int64, 256)}
	l.Lo, l.Hi, _ = dtypeRange(yq.dt)
	if opset >= 13 {
		l.Outer, l.Len, l.Inner = tensor.Shape(x[:ax]).Size(), x[ax], tensor.Shape(x[ax+1:]).Size()
	} else {
		// opset < 13 (and onnxruntime without the opset attribute): the
		// input flattens to 2-D at axis
		l.Outer, l.Len, l.Inner = tensor.Shape(x[:ax]).Size(), tensor.Shape(x[ax:]).Size(), 1
	}
	if l.Len < 1 || l.Len > 1<<20 {
		return nil, 0, fmt.Errorf("softmax over %d elements", l.Len)
	}
	for k := range l.Exp {
		l.Exp[k] = int64(math.Round(math.Exp(-float64(k)*xq.scale[0]) * (1 << qsoftmaxExpBits)))
	}
	return l, yq.dt, nil
}

func qsoftmaxFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 4); err != nil {
		return nil, err
	}
	dt := DTUint8
	if len(in) > 2 && in[2] != nil && in[2].DType != 0 {
		dt = in[2].DType
	} else if in[0].DType != 0 {
		dt = in[0].DType
	}
	l, _, err := qsoftmaxPlan(n, in, in[0].Shape, dt)
	if err != nil {
		return nil, err
	}
	x := make([]int64, len(in[0].Data))
	for i, v := range in[0].Data {
		x[i] = int64(math.Round(v))
	}
	y, err := l.Eval([][]int64{x})
	if err != nil {
		return nil, err
	}
	out := tensor.New(in[0].Shape)
	for i, v := range y {
		out.Data[i] = float64(v)
	}
	return []*tensor.T{out}, nil
}

func qsoftmaxLower(n *graph.Node, b *Builder) error {
	id, x, err := b.intTensor(n.Inputs[0], DTUint8)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	l, dt, err := qsoftmaxPlan(n, constInputs(b, n), x.Shape, x.DType)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	l.In = []int{id}
	b.emitInt(n, l, n.Outputs[0], x.Shape, signedBits(l.Lo, l.Hi), dt)
	return nil
}
