package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Gather with constant indices is an index map.
func init() {
	registerMap("Gather", func(n *graph.Node, shapes []tensor.Shape, consts []*tensor.T) (*indexMap, error) {
		in := shapes[0]
		if len(consts) < 2 || consts[1] == nil {
			return nil, errf("indices must be a constant (data-dependent Gather is not supported)")
		}
		idx := consts[1]
		axis, err := tensor.NormAxis(int(n.Int("axis", 0)), len(in))
		if err != nil {
			return nil, err
		}
		out := append(append(in[:axis:axis].Clone(), idx.Shape...), in[axis+1:]...)
		outer := tensor.Shape(in[:axis]).Size()
		inner := tensor.Shape(in[axis+1:]).Size()
		m := &indexMap{Shape: out}
		for o := 0; o < outer; o++ {
			for _, k := range idx.Ints() {
				if k < 0 {
					k += in[axis]
				}
				if k < 0 || k >= in[axis] {
					return nil, errf("index %d out of range for axis %d of size %d", k, axis, in[axis])
				}
				for i := 0; i < inner; i++ {
					m.Src = append(m.Src, src{0, (o*in[axis]+k)*inner + i})
				}
			}
		}
		return m, nil
	})
}
