package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// MatMul with numpy semantics. With a constant 2-D right-hand side it is
// rewritten to zkml.Dense on import; its float form serves folding.
func init() {
	Register("MatMul", &Spec{Float: matmulFloat})
}

func matmulFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 2); err != nil {
		return nil, err
	}
	a, b := in[0], in[1]
	if len(b.Shape) != 2 || len(a.Shape) < 1 {
		return nil, errf("only [..., K] x [K, N] is supported, got %v x %v", a.Shape, b.Shape)
	}
	k, nn := b.Shape[0], b.Shape[1]
	if a.Shape[len(a.Shape)-1] != k {
		return nil, errf("inner dimensions differ: %v x %v", a.Shape, b.Shape)
	}
	rows := a.Shape.Size() / k
	shape := append(a.Shape[:len(a.Shape)-1:len(a.Shape)-1].Clone(), nn)
	out := tensor.New(shape)
	for m := 0; m < rows; m++ {
		for j := 0; j < nn; j++ {
			s := 0.0
			for t := 0; t < k; t++ {
				s += a.Data[m*k+t] * b.Data[t*nn+j]
			}
			out.Data[m*nn+j] = s
		}
	}
	return []*tensor.T{out}, nil
}
