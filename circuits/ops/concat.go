package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

func init() {
	registerMap("Concat", func(n *graph.Node, shapes []tensor.Shape, _ []*tensor.T) (*indexMap, error) {
		first := shapes[0]
		axis, err := tensor.NormAxis(int(n.Int("axis", 0)), len(first))
		if err != nil {
			return nil, err
		}
		out := first.Clone()
		out[axis] = 0
		for i, s := range shapes {
			if len(s) != len(first) {
				return nil, errf("input %d has rank %d, input 0 has %d", i, len(s), len(first))
			}
			for d := range s {
				if d != axis && s[d] != first[d] {
					return nil, errf("input %d has shape %v, incompatible with %v on axis %d", i, s, first, d)
				}
			}
			out[axis] += s[axis]
		}
		outer := tensor.Shape(first[:axis]).Size()
		inner := tensor.Shape(first[axis+1:]).Size()
		m := &indexMap{Shape: out}
		for o := 0; o < outer; o++ {
			for i, s := range shapes {
				chunk := s[axis] * inner
				for k := 0; k < chunk; k++ {
					m.Src = append(m.Src, src{i, o*chunk + k})
				}
			}
		}
		return m, nil
	})
}
