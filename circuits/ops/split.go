package ops

import (
	"math"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Split moves elements only: each output is an index map of the input.
// Range (of constants) folds on import: shapes are static.
func init() {
	Register("Range", &Spec{Float: func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
		if err := need(n, in, 3); err != nil {
			return nil, err
		}
		for i, t := range in[:3] {
			if len(t.Data) != 1 {
				return nil, errf("input %d must be a scalar", i)
			}
		}
		start, limit, delta := in[0].Data[0], in[1].Data[0], in[2].Data[0]
		if delta == 0 {
			return nil, errf("delta is 0")
		}
		count := max(0, int(math.Ceil((limit-start)/delta)))
		if count > 1<<26 {
			return nil, errf("%d elements", count)
		}
		out := tensor.New(tensor.Shape{count})
		for i := range out.Data {
			out.Data[i] = start + float64(i)*delta
		}
		return []*tensor.T{out}, nil
	}, Lower: rangeLower})
	Register("Split", &Spec{
		Float: func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
			if err := need(n, in, 1); err != nil {
				return nil, err
			}
			maps, err := splitMaps(n, in[0].Shape, in)
			if err != nil {
				return nil, err
			}
			var out []*tensor.T
			for _, m := range maps {
				t := tensor.New(m.Shape)
				for j, s := range m.Src {
					t.Data[j] = in[0].Data[s.Index]
				}
				out = append(out, t)
			}
			return out, nil
		},
		Lower: func(n *graph.Node, b *Builder) error {
			consts := b.consts(n)
			maps, err := splitMaps(n, b.Shapes[n.Inputs[0]], consts)
			if err != nil {
				return &NodeError{Node: n.Label(), Err: err}
			}
			for i, m := range maps {
				one := *n
				one.Inputs, one.Outputs = n.Inputs[:1], []string{n.Outputs[i]}
				if err := b.lowerMap(&one, m); err != nil {
					return err
				}
			}
			return nil
		},
	})
}

// splitMaps returns the index map of every output: the split sizes come
// from the split input (opset 13) or attribute (before), or num_outputs
// (opset 18, the last part smaller), or an equal split over the outputs.
func splitMaps(n *graph.Node, in tensor.Shape, consts []*tensor.T) ([]*indexMap, error) {
	axis, err := tensor.NormAxis(int(n.Int("axis", 0)), len(in))
	if err != nil {
		return nil, err
	}
	parts := len(n.Outputs)
	sizes := n.Ints("split", nil)
	if n.Input(1) != "" {
		if len(consts) < 2 || consts[1] == nil {
			return nil, errf("split must be a constant")
		}
		sizes = consts[1].Ints()
	}
	if sizes == nil {
		k := parts
		if v := n.Int("num_outputs", 0); v > 0 {
			k = int(v)
		}
		chunk := (in[axis] + k - 1) / k
		for left := in[axis]; left > 0; left -= chunk {
			sizes = append(sizes, min(chunk, left))
		}
	}
	if len(sizes) != parts {
		return nil, errf("%d split sizes for %d outputs", len(sizes), parts)
	}
	total := 0
	for _, s := range sizes {
		if s < 0 {
			return nil, errf("split size %d is negative", s)
		}
		total += s
	}
	if total != in[axis] {
		return nil, errf("split sizes %v sum to %d, axis %d has %d", sizes, total, axis, in[axis])
	}
	outer, inner := tensor.Shape(in[:axis]).Size(), tensor.Shape(in[axis+1:]).Size()
	var maps []*indexMap
	start := 0
	for _, s := range sizes {
		shape := in.Clone()
		shape[axis] = s
		m := &indexMap{Shape: shape}
		for o := 0; o < outer; o++ {
			for k := start; k < start+s; k++ {
				for i := 0; i < inner; i++ {
					m.Src = append(m.Src, src{0, (o*in[axis]+k)*inner + i})
				}
			}
		}
		maps = append(maps, m)
		start += s
	}
	return maps, nil
}

// rangeLower: a Range whose start, limit or delta is an input has the shape
// it was calibrated with only for those values (shapes are static), so the
// inputs are pinned to them (Pinned) and the output is the constant range.
func rangeLower(n *graph.Node, b *Builder) error {
	var vals [3]float64
	var live []int
	for i, name := range n.Inputs[:3] {
		if c := b.Const(name); c != nil {
			vals[i] = c.Data[0]
			continue
		}
		st := b.Stats[name]
		if math.Abs(st.Min) != st.MaxAbs { // (a sample that differs otherwise fails Pinned's check)
			return nodeErr(n, "input %d (%s) varies over the calibration samples; the output's shape would too", i, name)
		}
		vals[i] = st.Min
		live = append(live, i)
	}
	if len(live) != 1 {
		return nodeErr(n, "only one of start, limit and delta may be an input")
	}
	id, x, err := b.Tensor(n.Inputs[live[0]])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	outs, err := registry["Range"].Float(n, []*tensor.T{tensor.Scalar(vals[0]), tensor.Scalar(vals[1]), tensor.Scalar(vals[2])})
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	frac := fracFor(outs[0].MaxAbs(), b.Cfg.ActBits, 0)
	want := QuantizeAt([]float64{vals[live[0]]}, x.Frac)
	l := &Pinned{LayerBase: LayerBase{In: []int{id}}, Want: want, Values: QuantizeAt(outs[0].Data, frac)}
	b.Emit(n, l, n.Outputs[0], outs[0].Shape, frac, b.Cfg.ActBits)
	return nil
}
