package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

func init() {
	registerMap("Transpose", func(n *graph.Node, shapes []tensor.Shape, _ []*tensor.T) (*indexMap, error) {
		in := shapes[0]
		perm := n.Ints("perm", nil)
		if perm == nil {
			for i := len(in) - 1; i >= 0; i-- {
				perm = append(perm, i)
			}
		}
		if len(perm) != len(in) {
			return nil, errf("perm %v does not match rank %d", perm, len(in))
		}
		out := make(tensor.Shape, len(in))
		for i, p := range perm {
			if p < 0 || p >= len(in) {
				return nil, errf("perm %v is not a permutation", perm)
			}
			out[i] = in[p]
		}
		ist, ost := in.Strides(), out.Strides()
		m := &indexMap{Shape: out, Src: make([]src, out.Size())}
		for j := range m.Src {
			rem, s := j, 0
			for d := range out {
				c := rem / ost[d]
				rem %= ost[d]
				s += c * ist[perm[d]]
			}
			m.Src[j] = src{0, s}
		}
		return m, nil
	})
}
