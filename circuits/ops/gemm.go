package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Gemm: Y = alpha A' B' + beta C. With a constant B it is rewritten to
// zkml.Dense on import (see Canonicalize); its float form serves folding.
func init() {
	Register("Gemm", &Spec{Float: gemmFloat})
}

func gemmFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 2); err != nil {
		return nil, err
	}
	a, bm := in[0], in[1]
	if len(a.Shape) != 2 || len(bm.Shape) != 2 {
		return nil, errf("A %v and B %v must be 2-D", a.Shape, bm.Shape)
	}
	ta, tb := n.Int("transA", 0) == 1, n.Int("transB", 0) == 1
	alpha, beta := n.Float("alpha", 1), n.Float("beta", 1)
	m, k := a.Shape[0], a.Shape[1]
	if ta {
		m, k = k, m
	}
	k2, nn := bm.Shape[0], bm.Shape[1]
	if tb {
		k2, nn = nn, k2
	}
	if k != k2 {
		return nil, errf("inner dimensions differ: A %v, B %v (transA=%v, transB=%v)", a.Shape, bm.Shape, ta, tb)
	}
	out := tensor.New(tensor.Shape{m, nn})
	var cidx []int
	if len(in) > 2 && in[2] != nil {
		if _, err := tensor.BroadcastShape(in[2].Shape, out.Shape); err != nil {
			return nil, err
		}
		cidx = tensor.BroadcastIndex(in[2].Shape, out.Shape)
	}
	for i := 0; i < m; i++ {
		for j := 0; j < nn; j++ {
			s := 0.0
			for t := 0; t < k; t++ {
				var av, bv float64
				if ta {
					av = a.Data[t*a.Shape[1]+i]
				} else {
					av = a.Data[i*a.Shape[1]+t]
				}
				if tb {
					bv = bm.Data[j*bm.Shape[1]+t]
				} else {
					bv = bm.Data[t*bm.Shape[1]+j]
				}
				s += av * bv
			}
			s *= alpha
			if cidx != nil {
				s += beta * in[2].Data[cidx[i*nn+j]]
			}
			out.Data[i*nn+j] = s
		}
	}
	return []*tensor.T{out}, nil
}
