package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Split moves elements only: each output is an index map of the input.
func init() {
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
			consts := make([]*tensor.T, len(n.Inputs))
			for i, name := range n.Inputs {
				consts[i] = b.Const(name)
			}
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
