package ops

import (
	"fmt"
	"math"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Quantized operators of ONNX and of onnxruntime's com.microsoft domain, with
// onnxruntime's integer semantics: products accumulate exactly in integers,
// the float32 scale ratio is applied as an exact rational, rounding is half to
// even and the result saturates to the output type.
func init() {
	Register("QuantizeLinear", &Spec{Float: quantizeFloat, Lower: quantizeLower})
	Register("DequantizeLinear", &Spec{Float: dequantizeFloat, Lower: dequantizeLower})
	for op, p := range map[string]qplanFunc{
		"MatMulInteger":                    planMatMulInteger,
		"ConvInteger":                      planConvInteger,
		"QLinearMatMul":                    planQLinearMatMul,
		"QLinearConv":                      planQLinearConv,
		"com.microsoft.QGemm":              planQGemm,
		"com.microsoft.QLinearAveragePool": planQLinearAveragePool,
	} {
		Register(op, &Spec{Float: qplanFloat(p), Lower: qplanLower(p)})
	}
}

// qplanFunc builds the integer layer of a quantized operator from its constant
// inputs (in[0], the activation, is ignored), the activation's shape and range.
type qplanFunc func(n *graph.Node, in []*tensor.T, x tensor.Shape, xlo, xhi int64) (l *QLinear, shape tensor.Shape, dt int, err error)

// qplanFloat is the reference of a quantized operator: the integer layer
// itself, run on the (integer-valued) input.
func qplanFloat(p qplanFunc) FloatFunc {
	return func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
		if err := need(n, in, 1); err != nil {
			return nil, err
		}
		x := make([]int64, len(in[0].Data))
		lo, hi := int64(0), int64(0)
		for i, v := range in[0].Data {
			x[i] = int64(math.Round(v))
			lo, hi = min(lo, x[i]), max(hi, x[i])
		}
		l, shape, _, err := p(n, in, in[0].Shape, lo, hi)
		if err != nil {
			return nil, err
		}
		return evalFloat(l, shape, x)
	}
}

func qplanLower(p qplanFunc) LowerFunc {
	return func(n *graph.Node, b *Builder) error {
		id, x, err := b.intTensor(n.Inputs[0], DTUint8)
		if err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		lo, hi, _ := x.IntRange()
		l, shape, dt, err := p(n, constInputs(b, n), x.Shape, lo, hi)
		if err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		l.In = []int{id}
		b.emitInt(n, l, n.Outputs[0], shape, l.OutBits, dt)
		return nil
	}
}

// constAt returns constant input i or an error naming it.
func constAt(in []*tensor.T, i int, what string) (*tensor.T, error) {
	if i >= len(in) || in[i] == nil {
		return nil, fmt.Errorf("input %d (%s) must be a constant", i, what)
	}
	return in[i], nil
}

// zpAt returns the integer zero points at input i (nil input: one 0).
func zpAt(in []*tensor.T, i int) []int64 {
	if i >= len(in) || in[i] == nil {
		return []int64{0}
	}
	out := make([]int64, len(in[i].Data))
	for j, v := range in[i].Data {
		out[j] = int64(v)
	}
	return out
}

// matmulKernel is the kernel of (a - 0)(w - zw) for an activation a of shape
// x [..., M, K] and constant w [K, N] or [..., K, N] with the same batch
// dimensions; zw has one value or one per column.
func matmulKernel(x tensor.Shape, w *tensor.T, zw []int64) (Kernel, tensor.Shape, error) {
	if len(x) < 1 || len(w.Shape) < 2 {
		return nil, nil, fmt.Errorf("shapes %v x %v: not a matrix product", x, w.Shape)
	}
	k, nn := w.Shape[len(w.Shape)-2], w.Shape[len(w.Shape)-1]
	if x[len(x)-1] != k {
		return nil, nil, fmt.Errorf("shapes %v x %v: inner dimensions differ", x, w.Shape)
	}
	if len(zw) != 1 && len(zw) != nn {
		return nil, nil, fmt.Errorf("%d weight zero points for %d columns", len(zw), nn)
	}
	wz := func(t int) int64 { return int64(w.Data[t]) - zw[(t%nn)%len(zw)] }
	shape := append(x[:len(x)-1:len(x)-1].Clone(), nn)
	if len(w.Shape) == 2 {
		rows := x.Size() / k
		d := &Dense{M: rows, K: k, N: nn, W: make([]int64, nn*k)}
		for t := 0; t < k; t++ {
			for j := 0; j < nn; j++ {
				d.W[j*k+t] = wz(t*nn + j)
			}
		}
		return d, shape, nil
	}
	if len(x) != len(w.Shape) || !tensor.Shape(x[:len(x)-2]).Equal(w.Shape[:len(w.Shape)-2]) {
		return nil, nil, fmt.Errorf("shapes %v x %v: batched weights need the same batch dimensions", x, w.Shape)
	}
	m := x[len(x)-2]
	batches := tensor.Shape(x[:len(x)-2]).Size()
	s := &Sparse{Off: []int32{0}}
	for bt := 0; bt < batches; bt++ {
		for i := 0; i < m; i++ {
			for j := 0; j < nn; j++ {
				for t := 0; t < k; t++ {
					s.Idx = append(s.Idx, int32((bt*m+i)*k+t))
					s.W = append(s.W, wz(bt*k*nn+t*nn+j))
				}
				s.Off = append(s.Off, int32(len(s.Idx)))
			}
		}
	}
	return s, shape, nil
}

// zeroBias returns extra_j - zx sum_i w_ji: the accumulator of (x - zx) w
// written as w x + bias. Padded positions have no term, so they count as zx.
func zeroBias(k Kernel, zx int64, extra func(j int) int64) []int64 {
	bias := make([]int64, k.OutSize())
	for j := range bias {
		var s int64
		k.Terms(j, func(_ int, w int64) { s += w })
		bias[j] = -zx * s
		if extra != nil {
			bias[j] += extra(j)
		}
	}
	return bias
}

// integerOut finishes an int32 accumulator output (MatMulInteger, ConvInteger).
func integerOut(l *QLinear, xlo, xhi int64) (*QLinear, error) {
	l.QRequant = QRequant{Mul: []int64{1}, Div: []int64{1}, Zp: []int64{0}}
	if err := l.finish(l.accBound(xlo, xhi)); err != nil {
		return nil, err
	}
	if l.OutBits > 32 {
		return nil, fmt.Errorf("the int32 accumulator can reach %d bits", l.OutBits)
	}
	return l, nil
}

// requantTo finishes l with y = saturate(rhe(acc real_j) + zp) where realOf
// gives the float32 scale ratio of output j.
func requantTo(l *QLinear, n int, realOf func(j int) float64, zp func(j int) int64, dt int, xlo, xhi int64) (*QLinear, error) {
	lo, hi, ok := dtypeRange(dt)
	if !ok {
		return nil, fmt.Errorf("output type %d is not an integer type", dt)
	}
	r := QRequant{Sat: true, Lo: lo, Hi: hi}
	cache := map[float64][2]int64{}
	uniform := true
	for j := 0; j < n; j++ {
		re := realOf(j)
		md, ok := cache[re]
		if !ok {
			m, d, err := ratio(re, 1)
			if err != nil {
				return nil, err
			}
			md = [2]int64{m, d}
			cache[re] = md
		}
		r.Mul, r.Div, r.Zp = append(r.Mul, md[0]), append(r.Div, md[1]), append(r.Zp, zp(j))
		uniform = uniform && md == [2]int64{r.Mul[0], r.Div[0]} && r.Zp[j] == r.Zp[0]
	}
	if uniform && n > 0 {
		r.Mul, r.Div, r.Zp = r.Mul[:1], r.Div[:1], r.Zp[:1]
	}
	l.QRequant = r
	if err := l.finish(l.accBound(xlo, xhi)); err != nil {
		return nil, err
	}
	return l, nil
}

func f32(v float64) float64 { return float64(float32(v)) }

func planMatMulInteger(n *graph.Node, in []*tensor.T, x tensor.Shape, xlo, xhi int64) (*QLinear, tensor.Shape, int, error) {
	w, err := constAt(in, 1, "B")
	if err != nil {
		return nil, nil, 0, err
	}
	za := zpAt(in, 2)
	if len(za) != 1 {
		return nil, nil, 0, fmt.Errorf("a_zero_point must be a scalar (per-tensor), has %d values", len(za))
	}
	k, shape, err := matmulKernel(x, w, zpAt(in, 3))
	if err != nil {
		return nil, nil, 0, err
	}
	l, err := integerOut(&QLinear{K: k, Bias: zeroBias(k, za[0], nil)}, xlo, xhi)
	return l, shape, DTInt32, err
}

// convKernel is the Conv kernel of w - zw (zw per output channel or one).
func convKernel(n *graph.Node, x tensor.Shape, w *tensor.T, zw []int64) (*Conv, error) {
	c, err := convSetup(n, x, w.Shape)
	if err != nil {
		return nil, err
	}
	if len(zw) != 1 && len(zw) != c.Co {
		return nil, fmt.Errorf("%d weight zero points for %d output channels", len(zw), c.Co)
	}
	per := len(w.Data) / c.Co
	c.Weights = make([]int64, len(w.Data))
	for i, v := range w.Data {
		c.Weights[i] = int64(v) - zw[(i/per)%len(zw)]
	}
	return c, nil
}

func planConvInteger(n *graph.Node, in []*tensor.T, x tensor.Shape, xlo, xhi int64) (*QLinear, tensor.Shape, int, error) {
	w, err := constAt(in, 1, "w")
	if err != nil {
		return nil, nil, 0, err
	}
	zx := zpAt(in, 2)
	if len(zx) != 1 {
		return nil, nil, 0, fmt.Errorf("x_zero_point must be a scalar, has %d values", len(zx))
	}
	c, err := convKernel(n, x, w, zpAt(in, 3))
	if err != nil {
		return nil, nil, 0, err
	}
	l, err := integerOut(&QLinear{K: c, Bias: zeroBias(c, zx[0], nil)}, xlo, xhi)
	return l, c.OutShape(c.Co), DTInt32, err
}

func planQLinearMatMul(n *graph.Node, in []*tensor.T, x tensor.Shape, xlo, xhi int64) (*QLinear, tensor.Shape, int, error) {
	if err := need(n, in[1:], 7); err != nil {
		return nil, nil, 0, fmt.Errorf("QLinearMatMul needs its 7 parameters as constants: %v", err)
	}
	aq, err := readQ(n, in, 1, 2, DTUint8)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("a: %v", err)
	}
	bq, err := readQ(n, in, 4, 5, DTUint8)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("b: %v", err)
	}
	yq, err := readQ(n, in, 6, 7, DTUint8)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("y: %v", err)
	}
	if len(aq.zp) != 1 || len(yq.zp) != 1 {
		return nil, nil, 0, fmt.Errorf("a and y must be quantized per tensor")
	}
	k, shape, err := matmulKernel(x, in[3], bq.zp)
	if err != nil {
		return nil, nil, 0, err
	}
	nn := shape[len(shape)-1]
	l := &QLinear{K: k, Bias: zeroBias(k, aq.zp[0], nil)}
	real := func(j int) float64 { return f32(f32(aq.scale[0]*bq.scale[(j%nn)%len(bq.scale)]) / yq.scale[0]) }
	l, err = requantTo(l, k.OutSize(), real, func(int) int64 { return yq.zp[0] }, yq.dt, xlo, xhi)
	return l, shape, yq.dt, err
}

func planQLinearConv(n *graph.Node, in []*tensor.T, x tensor.Shape, xlo, xhi int64) (*QLinear, tensor.Shape, int, error) {
	if err := need(n, in[1:], 7); err != nil {
		return nil, nil, 0, fmt.Errorf("QLinearConv needs its parameters as constants: %v", err)
	}
	xq, err := readQ(n, in, 1, 2, DTUint8)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("x: %v", err)
	}
	wq, err := readQ(n, in, 4, 5, DTUint8)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("w: %v", err)
	}
	yq, err := readQ(n, in, 6, 7, DTUint8)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("y: %v", err)
	}
	if len(xq.zp) != 1 || len(yq.zp) != 1 {
		return nil, nil, 0, fmt.Errorf("x and y must be quantized per tensor")
	}
	c, err := convKernel(n, x, in[3], wq.zp)
	if err != nil {
		return nil, nil, 0, err
	}
	plane := c.Plane()
	var extra func(int) int64
	if len(in) > 8 && in[8] != nil {
		bias := in[8]
		if bias.Shape.Size() != c.Co {
			return nil, nil, 0, fmt.Errorf("B has %d values for %d output channels", bias.Shape.Size(), c.Co)
		}
		extra = func(j int) int64 { return int64(bias.Data[(j/plane)%c.Co]) }
	}
	l := &QLinear{K: c, Bias: zeroBias(c, xq.zp[0], extra)}
	real := func(j int) float64 {
		return f32(f32(xq.scale[0]*wq.scale[((j/plane)%c.Co)%len(wq.scale)]) / yq.scale[0])
	}
	l, err = requantTo(l, c.OutSize(), real, func(int) int64 { return yq.zp[0] }, yq.dt, xlo, xhi)
	return l, c.OutShape(c.Co), yq.dt, err
}

func planQGemm(n *graph.Node, in []*tensor.T, x tensor.Shape, xlo, xhi int64) (*QLinear, tensor.Shape, int, error) {
	aq, err := readQ(n, in, 1, 2, DTUint8)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("A: %v", err)
	}
	w, err := constAt(in, 3, "B")
	if err != nil {
		return nil, nil, 0, err
	}
	bq, err := readQ(n, in, 4, 5, DTUint8)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("B: %v", err)
	}
	if len(in) <= 7 || in[7] == nil {
		return nil, nil, 0, fmt.Errorf("QGemm without y_scale (float output) is not supported")
	}
	yq, err := readQ(n, in, 7, 8, DTUint8)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("Y: %v", err)
	}
	if n.Int("transA", 0) != 0 || len(x) != 2 || len(w.Shape) != 2 || len(aq.zp) != 1 {
		return nil, nil, 0, fmt.Errorf("QGemm supports a 2-D A without transA, per-tensor a quantization and a 2-D B")
	}
	if n.Int("transB", 0) == 1 {
		t := tensor.New(tensor.Shape{w.Shape[1], w.Shape[0]})
		for i := 0; i < w.Shape[0]; i++ {
			for j := 0; j < w.Shape[1]; j++ {
				t.Data[j*w.Shape[0]+i] = w.Data[i*w.Shape[1]+j]
			}
		}
		w = t
	}
	k, shape, err := matmulKernel(x, w, bq.zp)
	if err != nil {
		return nil, nil, 0, err
	}
	nn := shape[1]
	var extra func(int) int64
	if len(in) > 6 && in[6] != nil {
		c := in[6]
		if len(c.Shape) == 1 && c.Shape[0] == shape[0] && shape[0] > 1 {
			// a 1-D C with one value per output row: the test suites' per-output
			// bias (for M = N this differs from Gemm's column broadcast)
			extra = func(j int) int64 { return int64(c.Data[j/nn]) }
		} else {
			bs, err := tensor.BroadcastShape(shape, c.Shape)
			if err != nil || !bs.Equal(shape) {
				return nil, nil, 0, fmt.Errorf("C of shape %v does not broadcast to %v", c.Shape, shape)
			}
			bi := tensor.BroadcastIndex(c.Shape, shape)
			extra = func(j int) int64 { return int64(c.Data[bi[j]]) }
		}
	}
	alpha := f32(n.Float("alpha", 1))
	l := &QLinear{K: k, Bias: zeroBias(k, aq.zp[0], extra)}
	real := func(j int) float64 {
		return f32(f32(f32(alpha*aq.scale[0])*bq.scale[(j%nn)%len(bq.scale)]) / yq.scale[0])
	}
	l, err = requantTo(l, k.OutSize(), real, func(int) int64 { return yq.zp[0] }, yq.dt, xlo, xhi)
	return l, shape, yq.dt, err
}

func planQLinearAveragePool(n *graph.Node, in []*tensor.T, x tensor.Shape, xlo, xhi int64) (*QLinear, tensor.Shape, int, error) {
	xq, err := readQ(n, in, 1, 2, DTUint8)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("x: %v", err)
	}
	yq, err := readQ(n, in, 3, 4, DTUint8)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("y: %v", err)
	}
	if len(xq.zp) != 1 || len(yq.zp) != 1 {
		return nil, nil, 0, fmt.Errorf("x and y must be quantized per tensor")
	}
	if n.Int("channels_last", 0) != 0 {
		return nil, nil, 0, fmt.Errorf("channels_last=1 is not supported")
	}
	shape, off, idx, wf, err := avgWindows(n, x, nil)
	if err != nil {
		return nil, nil, 0, err
	}
	s := &Sparse{Off: off, Idx: idx, W: make([]int64, len(idx))}
	for i := range s.W {
		s.W[i] = 1
	}
	l := &QLinear{K: s, Bias: zeroBias(s, xq.zp[0], nil)}
	// y = rhe(sum (x - zx) sx / (count sy)) + zy; count = 1 / window weight
	lo, hi, _ := dtypeRange(yq.dt)
	m, d, err := ratio(xq.scale[0], yq.scale[0])
	if err != nil {
		return nil, nil, 0, err
	}
	r := QRequant{Sat: true, Lo: lo, Hi: hi, Mul: []int64{m}, Zp: []int64{yq.zp[0]}}
	for j := 0; j+1 < len(off); j++ {
		cnt := int64(math.Round(1 / wf[off[j]]))
		r.Div = append(r.Div, d*cnt)
	}
	l.QRequant = r
	if err := l.finish(l.accBound(xlo, xhi)); err != nil {
		return nil, nil, 0, err
	}
	return l, shape, yq.dt, nil
}

// quantizeParams reads QuantizeLinear's or DequantizeLinear's scale and zero
// point with the per-axis channel of every element.
func quantizeParams(n *graph.Node, in []*tensor.T, shape tensor.Shape) (qparams, func(int) int, error) {
	q, err := readQ(n, in, 1, 2, DTUint8)
	if err != nil {
		return q, nil, err
	}
	if n.Int("block_size", 0) != 0 {
		return q, nil, fmt.Errorf("blocked quantization (block_size) is not supported")
	}
	if a, ok := n.Attrs["output_dtype"]; ok && a.Int != 0 && len(in) <= 2 {
		q.dt = int(a.Int)
	}
	ch, err := channelOf(shape, int(n.Int("axis", 1)), len(q.scale))
	return q, ch, err
}

func quantizeFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 2); err != nil {
		return nil, err
	}
	q, ch, err := quantizeParams(n, in, in[0].Shape)
	if err != nil {
		return nil, err
	}
	lo, hi, _ := dtypeRange(q.dt)
	out := tensor.New(in[0].Shape)
	for j, v := range in[0].Data {
		c := ch(j)
		y := math.RoundToEven(v/q.scale[c]) + float64(q.zp[c])
		out.Data[j] = math.Min(math.Max(y, float64(lo)), float64(hi))
	}
	return []*tensor.T{out}, nil
}

// quantizeLower: y = saturate(rhe(x / s) + zp) for a fixed-point or integer
// x = q 2^-f: acc = q, Mul / Div = 2^-f / s exactly.
func quantizeLower(n *graph.Node, b *Builder) error {
	id, x, err := b.Tensor(n.Inputs[0])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	q, ch, err := quantizeParams(n, constInputs(b, n), x.Shape)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	lo, hi, _ := dtypeRange(q.dt)
	l := &QLinear{LayerBase: LayerBase{In: []int{id}}}
	l.QRequant = QRequant{Sat: true, Lo: lo, Hi: hi}
	md := make([][2]int64, len(q.scale))
	for c, s := range q.scale {
		m, d, err := ratio(math.Ldexp(1, -x.Frac), s)
		if err != nil {
			return nodeErr(n, "%v", err)
		}
		md[c] = [2]int64{m, d}
	}
	if len(q.scale) == 1 {
		l.Mul, l.Div, l.Zp = []int64{md[0][0]}, []int64{md[0][1]}, []int64{q.zp[0]}
	} else {
		for j := 0; j < x.Shape.Size(); j++ {
			c := ch(j)
			l.Mul, l.Div, l.Zp = append(l.Mul, md[c][0]), append(l.Div, md[c][1]), append(l.Zp, q.zp[c])
		}
	}
	if err := l.finish(math.Ldexp(1, x.Bits-1)); err != nil {
		return nodeErr(n, "%v", err)
	}
	b.emitInt(n, l, n.Outputs[0], x.Shape, l.OutBits, q.dt)
	return nil
}

func dequantizeFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 2); err != nil {
		return nil, err
	}
	q, ch, err := quantizeParams(n, in, in[0].Shape)
	if err != nil {
		return nil, err
	}
	out := tensor.New(in[0].Shape)
	for j, v := range in[0].Data {
		c := ch(j)
		out.Data[j] = f32((v - float64(q.zp[c])) * q.scale[c])
	}
	return []*tensor.T{out}, nil
}

// dequantizeLower: y = (x - zp) s. With s = m 2^e the product is exact at
// frac F = max(-e) as (x - zp) m 2^(e+F); when that needs too many bits, y is
// rounded to the calibrated scale instead.
func dequantizeLower(n *graph.Node, b *Builder) error {
	id, x, err := b.intTensor(n.Inputs[0], DTUint8)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	q, ch, err := quantizeParams(n, constInputs(b, n), x.Shape)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	xlo, xhi, _ := x.IntRange()
	size := x.Shape.Size()
	l := &QLinear{LayerBase: LayerBase{In: []int{id}}, Bias: make([]int64, size)}
	maxDiff := int64(0)
	for j := 0; j < size; j++ {
		zp := q.zp[ch(j)]
		l.Bias[j] = -zp
		maxDiff = max(maxDiff, abs64(xlo-zp), abs64(xhi-zp))
	}
	parts := make([][2]int64, len(q.scale))
	frac := math.MinInt32
	var maxM int64
	for c, s := range q.scale {
		m, e, err := scaleParts(s)
		if err != nil {
			return nodeErr(n, "%v", err)
		}
		parts[c] = [2]int64{m, int64(e)}
		frac = max(frac, -e)
		maxM = max(maxM, m)
	}
	limit := b.Cfg.ActBits + 8
	if b.Outputs[n.Outputs[0]] {
		limit = 48
	}
	exactBits := signedBits(0, maxDiff*maxM) + max(0, 0)
	if frac > 60 || exactBits+maxShift(parts, frac) > limit {
		// round to the calibrated scale
		frac = b.Frac(n.Outputs[0])
		for j := 0; j < size; j++ {
			m, d, err := ratio(q.scale[ch(j)], math.Ldexp(1, -frac))
			if err != nil {
				return nodeErr(n, "%v", err)
			}
			l.Mul, l.Div = append(l.Mul, m), append(l.Div, d)
		}
		l.Zp, l.OutBits = []int64{0}, b.Cfg.ActBits
	} else {
		for j := 0; j < size; j++ {
			p := parts[ch(j)]
			l.Mul = append(l.Mul, p[0]<<(int(p[1])+frac))
		}
		l.Div, l.Zp = []int64{1}, []int64{0}
	}
	if err := l.finish(l.accBound(xlo, xhi)); err != nil {
		return nodeErr(n, "%v", err)
	}
	if l.Div[0] != 1 || len(l.Div) > 1 {
		l.QBits = l.OutBits
	}
	b.Emit(n, l, n.Outputs[0], x.Shape, frac, l.OutBits)
	return nil
}

// maxShift is the largest extra shift e+F of the exact dequantization.
func maxShift(parts [][2]int64, frac int) int {
	s := 0
	for _, p := range parts {
		s = max(s, int(p[1])+frac)
	}
	return s
}

// evalFloat runs an integer layer on integer-valued inputs and returns its
// output as a float tensor: the float semantics of an integer operator.
func evalFloat(l Layer, shape tensor.Shape, in ...[]int64) ([]*tensor.T, error) {
	y, err := l.Eval(in)
	if err != nil {
		return nil, err
	}
	out := tensor.New(shape)
	for i, v := range y {
		out.Data[i] = float64(v)
	}
	return []*tensor.T{out}, nil
}
