package ops

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/lookup/logderivlookup"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Select reads a table at indices an activation computes (Gather and
// GatherElements whose indices are not constants: token embeddings, tree
// traversals). Output j is T[Start_j + i Stride], i the index element Pos_j.
// The table is a constant (Data) or the layer's first input; either way it
// is one log-derivative lookup table (std/lookup/logderivlookup, its
// challenge from the circuit's commitment), so a read costs a few
// constraints whatever the table's size, and a constant table costs no
// multiplication.
//
// The index tensor holds i 2^Frac; i is that value times 2^-Frac in the
// field, an integer only where the value is a multiple of 2^Frac. With
// Wrap, a negative i counts from the end (i + Dim, its sign by
// gadgets.IsNegative, which also pins i to an integer). With Bound, i is
// range-checked to [0, Dim): the table holds several rows (an i beyond its
// row would read a neighbour's), or Frac > 0 (a non-integer i, a field
// element, could still land Start + i Stride on an entry). Without Bound the
// table is one row (len = Dim Stride, every Start below Stride) and i is
// q 2^|Frac|, an integer, so the read itself bounds it.
type Select struct {
	LayerBase
	Data    []int64
	Pos     []int32
	Start   []int32
	Stride  int32
	Dim     int32
	Frac    int
	Wrap    bool
	Bound   bool
	IdxBits int
}

func init() {
	gobRegister(&Select{}, &OneHot{})
	Register("OneHot", &Spec{Float: oneHotFloat, Lower: oneHotLower})
}

func selectLower(n *graph.Node, b *Builder) error {
	data, indices := n.Inputs[0], n.Input(1)
	idxID, it, err := b.Tensor(indices)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	ds := b.Shapes[data]
	l := &Select{Frac: it.Frac, Wrap: b.Stats[indices].Min < 0, IdxBits: max(it.Bits-it.Frac, 1) + 1}
	var outShape tensor.Shape
	switch n.Op {
	case "Gather":
		axis, err := tensor.NormAxis(int(n.Int("axis", 0)), len(ds))
		if err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		outShape = append(append(ds[:axis:axis].Clone(), it.Shape...), ds[axis+1:]...)
		outer, inner := tensor.Shape(ds[:axis]).Size(), tensor.Shape(ds[axis+1:]).Size()
		l.Stride, l.Dim = int32(inner), int32(ds[axis])
		for o := 0; o < outer; o++ {
			for k := 0; k < it.Shape.Size(); k++ {
				for i := 0; i < inner; i++ {
					l.Pos = append(l.Pos, int32(k))
					l.Start = append(l.Start, int32(o*ds[axis]*inner+i))
				}
			}
		}
	default: // GatherElements
		base, stride, dim, err := gatherElementsGeom(n, ds, it.Shape)
		if err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		outShape = it.Shape.Clone()
		l.Stride, l.Dim = int32(stride), int32(dim)
		l.Start, l.Pos = toInt32(base), make([]int32, len(base))
		for p := range l.Pos {
			l.Pos[p] = int32(p)
		}
	}
	if l.Dim == 0 {
		return nodeErr(n, "gathers from an empty axis")
	}
	// several rows in the table, or a fractional index scale (q 2^-Frac is
	// a field element that a read could still land on when Stride shares
	// powers of two with 2^Frac): range-check the index itself
	l.Bound = ds.Size() != int(l.Dim*l.Stride) || l.Frac > 0
	for _, v := range l.Start {
		l.Bound = l.Bound || v >= l.Stride
	}
	out := n.Outputs[0]
	if c := b.Const(data); c != nil {
		frac := fracFor(c.MaxAbs(), b.Cfg.ActBits, 0)
		l.Data = QuantizeAt(c.Data, frac)
		l.In = []int{idxID}
		b.Emit(n, l, out, outShape, frac, b.Cfg.ActBits)
		return nil
	}
	dataID, dt, err := b.Tensor(data)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	l.In = []int{dataID, idxID}
	b.Emit(n, l, out, outShape, dt.Frac, dt.Bits)
	if b.isBool(data) {
		b.markBool(out)
	}
	return nil
}

// index returns the table position of output j for an index value q.
func (l *Select) index(q int64, j int) (int64, error) {
	i, ok := intIndex(q, l.Frac)
	if !ok {
		return 0, &NodeError{Node: l.Node, Err: fmt.Errorf("index element %d is %g, not an integer", l.Pos[j], math.Ldexp(float64(q), -l.Frac))}
	}
	if i < 0 && l.Wrap {
		i += int64(l.Dim)
	}
	if i < 0 || i >= int64(l.Dim) {
		return 0, &NodeError{Node: l.Node, Err: fmt.Errorf("index element %d is %d, outside [0, %d) (negative indices count from the end only where calibration saw one)", l.Pos[j], i, l.Dim)}
	}
	return int64(l.Start[j]) + i*int64(l.Stride), nil
}

// Eval implements Layer.
func (l *Select) Eval(in [][]int64) ([]int64, error) {
	table, idx := l.Data, in[0]
	if table == nil {
		table, idx = in[0], in[1]
	}
	out := make([]int64, len(l.Pos))
	for j, p := range l.Pos {
		t, err := l.index(idx[p], j)
		if err != nil {
			return nil, err
		}
		out[j] = table[t]
	}
	return out, nil
}

// Define implements Layer.
func (l *Select) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	tbl := logderivlookup.New(api)
	idx := in[0]
	if l.Data != nil {
		for _, v := range l.Data {
			tbl.Insert(v)
		}
	} else {
		for _, v := range in[0] {
			tbl.Insert(v)
		}
		idx = in[1]
	}
	scale := indexScale(api, l.Frac)
	ints := make([]frontend.Variable, len(idx))
	for p, q := range idx {
		i := api.Mul(q, scale)
		if l.Wrap {
			i = api.Add(i, api.Mul(c.IsNegative(i, l.IdxBits), l.Dim))
		}
		if l.Bound {
			w := bits.Len32(uint32(l.Dim - 1))
			c.Unsigned(i, w)
			c.Unsigned(api.Sub(l.Dim-1, i), w)
		}
		ints[p] = i
	}
	pos := make([]frontend.Variable, len(l.Pos))
	for j, p := range l.Pos {
		pos[j] = api.Add(l.Start[j], api.Mul(ints[p], l.Stride))
	}
	return tbl.Lookup(pos...)
}

// OneHot with indices an activation computes: each index becomes a one-hot
// vector (gadgets.OneHot, depth + 2 constraints), then off + (on - off) e.
// The depth and the values must be constants; an index outside [-depth,
// depth) has no proof (ONNX makes its row all off values).
type OneHot struct {
	LayerBase
	Depth     int32
	Axis      int // of the output
	Frac      int // the index tensor's
	Off, On   int64
	Wrap      bool
	IdxBits   int
	InShape   tensor.Shape
	OutStride []int
}

func oneHotParams(n *graph.Node, in []*tensor.T, inShape tensor.Shape) (depth, axis int, err error) {
	if len(in) < 3 || in[1] == nil || in[2] == nil {
		return 0, 0, errf("depth and values must be constants")
	}
	if len(in[1].Data) != 1 || len(in[2].Data) != 2 {
		return 0, 0, errf("depth must be a scalar and values hold [off, on]")
	}
	depth = int(in[1].Data[0])
	if depth <= 0 || depth > 1<<20 {
		return 0, 0, errf("depth %d is not in [1, 2^20]", depth)
	}
	axis = int(n.Int("axis", -1))
	if axis < 0 {
		axis += len(inShape) + 1
	}
	if axis < 0 || axis > len(inShape) {
		return 0, 0, errf("axis %d out of range for rank %d", n.Int("axis", -1), len(inShape)+1)
	}
	return depth, axis, nil
}

func oneHotShape(in tensor.Shape, depth, axis int) tensor.Shape {
	return append(append(in[:axis:axis].Clone(), depth), in[axis:]...)
}

func oneHotFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 3); err != nil {
		return nil, err
	}
	depth, axis, err := oneHotParams(n, in, in[0].Shape)
	if err != nil {
		return nil, err
	}
	shape := oneHotShape(in[0].Shape, depth, axis)
	out := tensor.New(shape)
	inner := tensor.Shape(in[0].Shape[axis:]).Size()
	for p, v := range in[0].Data {
		o, i := p/inner, p%inner
		k := int(math.Trunc(v))
		if k < 0 {
			k += depth
		}
		for d := 0; d < depth; d++ {
			val := in[2].Data[0]
			if d == k {
				val = in[2].Data[1]
			}
			out.Data[(o*depth+d)*inner+i] = val
		}
	}
	return []*tensor.T{out}, nil
}

func oneHotLower(n *graph.Node, b *Builder) error {
	id, it, err := b.Tensor(n.Inputs[0])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	consts := []*tensor.T{nil, b.Const(n.Input(1)), b.Const(n.Input(2))}
	depth, axis, err := oneHotParams(n, consts, it.Shape)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	vals := consts[2]
	frac := fracFor(vals.MaxAbs(), b.Cfg.ActBits, 0)
	q := QuantizeAt(vals.Data, frac)
	l := &OneHot{LayerBase: LayerBase{In: []int{id}}, Depth: int32(depth), Axis: axis, Frac: it.Frac, Off: q[0], On: q[1],
		Wrap: b.Stats[n.Inputs[0]].Min < 0, IdxBits: max(it.Bits-it.Frac, 1) + 1, InShape: it.Shape}
	b.Emit(n, l, n.Outputs[0], oneHotShape(it.Shape, depth, axis), frac, b.Cfg.ActBits)
	return nil
}

func (l *OneHot) inner() int { return tensor.Shape(l.InShape[l.Axis:]).Size() }

// Eval implements Layer.
func (l *OneHot) Eval(in [][]int64) ([]int64, error) {
	depth, inner := int(l.Depth), l.inner()
	out := make([]int64, len(in[0])*depth)
	for p, q := range in[0] {
		k, ok := intIndex(q, l.Frac)
		if !ok {
			return nil, &NodeError{Node: l.Node, Err: fmt.Errorf("index element %d is %g, not an integer", p, math.Ldexp(float64(q), -l.Frac))}
		}
		if k < 0 && l.Wrap {
			k += int64(depth)
		}
		if k < 0 || k >= int64(depth) {
			return nil, &NodeError{Node: l.Node, Err: fmt.Errorf("index element %d is %d, outside [0, %d)", p, k, depth)}
		}
		o, i := p/inner, p%inner
		for d := 0; d < depth; d++ {
			v := l.Off
			if int64(d) == k {
				v = l.On
			}
			out[(o*depth+d)*inner+i] = v
		}
	}
	return out, nil
}

// Define implements Layer.
func (l *OneHot) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	depth, inner := int(l.Depth), l.inner()
	scale := indexScale(api, l.Frac)
	out := make([]frontend.Variable, len(in[0])*depth)
	for p, q := range in[0] {
		k := api.Mul(q, scale)
		if l.Wrap {
			k = api.Add(k, api.Mul(c.IsNegative(k, l.IdxBits), depth))
		}
		e := c.OneHot(k, depth)
		o, i := p/inner, p%inner
		for d := 0; d < depth; d++ {
			out[(o*depth+d)*inner+i] = api.Add(l.Off, api.Mul(e[d], l.On-l.Off))
		}
	}
	return out
}

// intIndex is the integer an index tensor's value q at frac stands for; ok
// is false when q is not a multiple of 2^frac.
func intIndex(q int64, frac int) (int64, bool) {
	if frac <= 0 {
		return q << -frac, true
	}
	if q%(int64(1)<<frac) != 0 {
		return 0, false
	}
	return q >> frac, true
}

// indexScale is the field element 2^-frac (2^|frac| for a negative frac)
// that turns an index tensor's variable into its integer.
func indexScale(api frontend.API, frac int) *big.Int {
	scale := new(big.Int).Lsh(big.NewInt(1), uint(abs(float64(frac))))
	if frac > 0 {
		scale.ModInverse(scale, api.Compiler().Field())
	}
	return scale
}
