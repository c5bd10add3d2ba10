package ops

import (
	"math"

	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Max and Min (elementwise, any number of inputs with broadcasting),
// ReduceMax and ReduceMin lower to Extreme; ArgMax and ArgMin to ArgMax; Sign
// and Abs to Sign.
func init() {
	gobRegister(&Extreme{}, &ArgMax{}, &Sign{})
	for _, op := range []string{"Max", "Min"} {
		Register(op, &Spec{Float: extremeFloat, Lower: extremeLower})
	}
	Register("ReduceMax", &Spec{Float: reduceExtremeFloat, Lower: reduceExtremeLower})
	Register("ReduceMin", &Spec{Float: reduceExtremeFloat, Lower: reduceExtremeLower})
	Register("ArgMax", &Spec{Float: argFloat, Lower: argLower})
	Register("ArgMin", &Spec{Float: argFloat, Lower: argLower})
	Register("Sign", &Spec{Float: unary(func(v float64) float64 {
		switch {
		case v > 0:
			return 1
		case v < 0:
			return -1
		}
		return 0
	}), Lower: signLower})
	Register("Abs", &Spec{Float: unary(math.Abs), Lower: signLower})
}

// Extreme is the largest (Min: smallest) value of each window; window j is
// elements Off[j]..Off[j+1] of (Inp, Idx), inputs scaled by Mul to a common
// scale. It is gadgets.Max: a range check per value and a product per value.
type Extreme struct {
	LayerBase
	Off  []int32
	Inp  []int8
	Idx  []int32
	Mul  []int64
	Bits int
	Min  bool
}

func extremeFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if len(in) == 0 {
		return nil, errf("needs at least one input")
	}
	shape := in[0].Shape
	for _, t := range in[1:] {
		var err error
		if shape, err = tensor.BroadcastShape(shape, t.Shape); err != nil {
			return nil, err
		}
	}
	out := tensor.New(shape)
	for i, t := range in {
		idx := tensor.BroadcastIndex(t.Shape, shape)
		for j := range out.Data {
			v := t.Data[idx[j]]
			if i == 0 || (n.Op == "Max" && v > out.Data[j]) || (n.Op == "Min" && v < out.Data[j]) {
				out.Data[j] = v
			}
		}
	}
	return []*tensor.T{out}, nil
}

func extremeLower(n *graph.Node, b *Builder) error {
	frac := math.MinInt
	var ids []int
	var infos []*TensorInfo
	for _, name := range n.Inputs {
		id, t, err := b.Tensor(name)
		if err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		ids, infos = append(ids, id), append(infos, t)
		frac = max(frac, t.Frac)
	}
	shape := b.Shapes[n.Outputs[0]]
	l := &Extreme{LayerBase: LayerBase{In: ids}, Min: n.Op == "Min", Off: []int32{0}}
	for _, t := range infos {
		if frac-t.Frac > 40 {
			return nodeErr(n, "its inputs' scales are 2^%d apart", frac-t.Frac)
		}
		l.Mul = append(l.Mul, int64(1)<<(frac-t.Frac))
		l.Bits = max(l.Bits, t.Bits+frac-t.Frac)
	}
	if l.Bits > 62 {
		return nodeErr(n, "its inputs need %d bits at a common scale", l.Bits)
	}
	idx := make([][]int, len(infos))
	for i, t := range infos {
		idx[i] = tensor.BroadcastIndex(t.Shape, shape)
	}
	for j := 0; j < shape.Size(); j++ {
		for i := range infos {
			l.Inp = append(l.Inp, int8(i))
			l.Idx = append(l.Idx, int32(idx[i][j]))
		}
		l.Off = append(l.Off, int32(len(l.Idx)))
	}
	b.Emit(n, l, n.Outputs[0], shape, frac, l.Bits)
	return nil
}

// reduceExtremeWindows are ReduceSum's windows (axes as an attribute or a
// constant input, keepdims, noop_with_empty_axes).
func reduceExtremeWindows(n *graph.Node, in tensor.Shape, consts []*tensor.T) (tensor.Shape, []int32, []int32, error) {
	shape, off, idx, _, err := reduceWindows(false)(n, in, consts)
	if err != nil {
		return nil, nil, nil, err
	}
	for j := 0; j+1 < len(off); j++ {
		if off[j] == off[j+1] {
			return nil, nil, nil, errf("reduces an empty axis")
		}
	}
	return shape, off, idx, nil
}

func reduceExtremeFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 1); err != nil {
		return nil, err
	}
	shape, off, idx, err := reduceExtremeWindows(n, in[0].Shape, in)
	if err != nil {
		return nil, err
	}
	out := tensor.New(shape)
	for j := range out.Data {
		m := in[0].Data[idx[off[j]]]
		for _, i := range idx[off[j]:off[j+1]] {
			if v := in[0].Data[i]; (n.Op == "ReduceMax" && v > m) || (n.Op == "ReduceMin" && v < m) {
				m = v
			}
		}
		out.Data[j] = m
	}
	return []*tensor.T{out}, nil
}

func reduceExtremeLower(n *graph.Node, b *Builder) error {
	id, x, err := b.Tensor(n.Inputs[0])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	consts := b.consts(n)
	shape, off, idx, err := reduceExtremeWindows(n, x.Shape, consts)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	l := &Extreme{LayerBase: LayerBase{In: []int{id}}, Off: off, Idx: idx, Inp: make([]int8, len(idx)), Mul: []int64{1}, Bits: x.Bits, Min: n.Op == "ReduceMin"}
	b.Emit(n, l, n.Outputs[0], shape, x.Frac, x.Bits)
	return nil
}

// Eval implements Layer.
func (l *Extreme) Eval(in [][]int64) ([]int64, error) {
	out := make([]int64, len(l.Off)-1)
	for j := range out {
		for t := l.Off[j]; t < l.Off[j+1]; t++ {
			v := l.Mul[l.Inp[t]] * in[l.Inp[t]][l.Idx[t]]
			if t == l.Off[j] || (!l.Min && v > out[j]) || (l.Min && v < out[j]) {
				out[j] = v
			}
		}
	}
	return out, nil
}

// Define implements Layer.
func (l *Extreme) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	out := make([]frontend.Variable, len(l.Off)-1)
	for j := range out {
		var w []frontend.Variable
		for t := l.Off[j]; t < l.Off[j+1]; t++ {
			v := api.Mul(in[l.Inp[t]][l.Idx[t]], l.Mul[l.Inp[t]])
			if l.Min {
				v = api.Neg(v)
			}
			w = append(w, v)
		}
		// differences of two Bits-bit signed values fit in Bits bits unsigned
		m := c.Max(w, l.Bits)
		if l.Min {
			m = api.Neg(m)
		}
		out[j] = m
	}
	return out
}

// ArgMax is the index of the largest (Min: smallest) value along one axis:
// gadgets.ArgMax over each group (Off/Idx), first index on ties or last with
// select_last_index.
type ArgMax struct {
	LayerBase
	Off  []int32
	Idx  []int32
	Bits int
	Min  bool
	Last bool
	// Map, when set, is what each group element stands for (MaxPool's
	// Indices: its flat input position); the output is Map at the argmax.
	Map []int64
}

// argGroups lists, per output, the input elements along the axis.
func argGroups(n *graph.Node, in tensor.Shape) (tensor.Shape, []int32, []int32, error) {
	if len(in) == 0 {
		return nil, nil, nil, errf("needs an input of rank >= 1")
	}
	axis, err := tensor.NormAxis(int(n.Int("axis", 0)), len(in))
	if err != nil {
		return nil, nil, nil, err
	}
	if in[axis] == 0 {
		return nil, nil, nil, errf("axis %d is empty", axis)
	}
	var out tensor.Shape
	for d, s := range in {
		if d != axis {
			out = append(out, s)
		} else if n.Int("keepdims", 1) == 1 {
			out = append(out, 1)
		}
	}
	outer, inner := tensor.Shape(in[:axis]).Size(), tensor.Shape(in[axis+1:]).Size()
	off, idx := []int32{0}, []int32{}
	for o := 0; o < outer; o++ {
		for i := 0; i < inner; i++ {
			for k := 0; k < in[axis]; k++ {
				idx = append(idx, int32((o*in[axis]+k)*inner+i))
			}
			off = append(off, int32(len(idx)))
		}
	}
	return out, off, idx, nil
}

func argFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 1); err != nil {
		return nil, err
	}
	shape, off, idx, err := argGroups(n, in[0].Shape)
	if err != nil {
		return nil, err
	}
	last := n.Int("select_last_index", 0) == 1
	out := tensor.New(shape)
	for j := range out.Data {
		best := 0
		for k, i := range idx[off[j]:off[j+1]] {
			v, m := in[0].Data[i], in[0].Data[idx[off[j]+int32(best)]]
			if n.Op == "ArgMin" {
				v, m = -v, -m
			}
			if v > m || (v == m && last) {
				best = k
			}
		}
		out.Data[j] = float64(best)
	}
	return []*tensor.T{out}, nil
}

func argLower(n *graph.Node, b *Builder) error {
	id, x, err := b.Tensor(n.Inputs[0])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	shape, off, idx, err := argGroups(n, x.Shape)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	l := &ArgMax{LayerBase: LayerBase{In: []int{id}}, Off: off, Idx: idx, Bits: x.Bits, Min: n.Op == "ArgMin", Last: n.Int("select_last_index", 0) == 1}
	b.Emit(n, l, n.Outputs[0], shape, 0, signedBits(0, int64(off[1]-off[0])))
	return nil
}

// Eval implements Layer.
func (l *ArgMax) Eval(in [][]int64) ([]int64, error) {
	out := make([]int64, len(l.Off)-1)
	for j := range out {
		g := l.Idx[l.Off[j]:l.Off[j+1]]
		best := in[0][g[0]]
		for k, i := range g {
			v := in[0][i]
			if (!l.Min && (v > best || (v == best && l.Last))) || (l.Min && (v < best || (v == best && l.Last))) {
				best, out[j] = v, int64(k)
			}
		}
		if l.Map != nil {
			out[j] = l.Map[int(l.Off[j])+int(out[j])]
		}
	}
	return out, nil
}

// Define implements Layer.
func (l *ArgMax) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	out := make([]frontend.Variable, len(l.Off)-1)
	for j := range out {
		var w []frontend.Variable
		for _, i := range l.Idx[l.Off[j]:l.Off[j+1]] {
			v := in[0][i]
			if l.Min {
				v = api.Neg(v)
			}
			w = append(w, v)
		}
		bits := l.Bits
		if l.Min { // -v of a Bits-bit v may need one bit more
			bits++
		}
		if l.Map == nil {
			out[j], _ = c.ArgMax(w, bits, l.Last)
			continue
		}
		e, _ := c.ArgMaxOneHot(w, bits, l.Last)
		var s frontend.Variable = 0
		for k, ek := range e {
			s = api.Add(s, api.Mul(ek, l.Map[int(l.Off[j])+k]))
		}
		out[j] = s
	}
	return out
}

// Sign is Sign(x) = [x > 0] - [x < 0] (frac 0) or, with Abs, |x| =
// x - 2 [x < 0] x (the input's scale, one bit wider). Each sign test is
// gadgets.IsNegative.
type Sign struct {
	LayerBase
	Abs  bool
	Bits int
}

func signLower(n *graph.Node, b *Builder) error {
	id, x, err := b.Tensor(n.Inputs[0])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	l := &Sign{LayerBase: LayerBase{In: []int{id}}, Abs: n.Op == "Abs", Bits: x.Bits}
	if l.Abs {
		b.Emit(n, l, n.Outputs[0], x.Shape, x.Frac, x.Bits+1)
	} else {
		b.Emit(n, l, n.Outputs[0], x.Shape, 0, boolBits)
	}
	return nil
}

// Eval implements Layer.
func (l *Sign) Eval(in [][]int64) ([]int64, error) {
	out := make([]int64, len(in[0]))
	for j, v := range in[0] {
		switch {
		case l.Abs && v < 0:
			out[j] = -v
		case l.Abs:
			out[j] = v
		case v > 0:
			out[j] = 1
		case v < 0:
			out[j] = -1
		}
	}
	return out, nil
}

// Define implements Layer.
func (l *Sign) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	out := make([]frontend.Variable, len(in[0]))
	for j, v := range in[0] {
		// v and -v are Bits-bit signed (or -v = 2^(Bits-1)): within [-2^Bits, 2^Bits)
		neg := c.IsNegative(v, l.Bits)
		if l.Abs {
			out[j] = api.Sub(v, api.Mul(2, neg, v))
			continue
		}
		pos := c.IsNegative(api.Neg(v), l.Bits)
		out[j] = api.Sub(pos, neg)
	}
	return out
}
