package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// AveragePool and GlobalAveragePool are linear: every output is a weighted sum
// of its window, so they lower to a Sparse kernel and one rescale.
func init() {
	Register("AveragePool", &Spec{Float: float1D(poolFloat(avgWindows)), Lower: poolLower(avgWindows), FusesRelu: true})
	Register("GlobalAveragePool", &Spec{Float: poolFloat(globalWindows), Lower: poolLower(globalWindows), FusesRelu: true})
}

// windowsFunc returns the output shape and the float terms of every output.
// consts holds the values of the node's constant inputs (nil elsewhere).
type windowsFunc func(n *graph.Node, in tensor.Shape, consts []*tensor.T) (tensor.Shape, []int32, []int32, []float64, error)

func avgWindows(n *graph.Node, in tensor.Shape, _ []*tensor.T) (tensor.Shape, []int32, []int32, []float64, error) {
	g, err := poolGeom(n, in)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	off, idx := g.windows()
	w := make([]float64, len(idx))
	full := float64(g.KSize())
	for j := 0; j+1 < len(off); j++ {
		cnt := float64(off[j+1] - off[j])
		if n.Int("count_include_pad", 0) == 1 {
			cnt = full
		}
		for t := off[j]; t < off[j+1]; t++ {
			w[t] = 1 / cnt
		}
	}
	return g.OutShape(g.C), off, idx, w, nil
}

func globalWindows(n *graph.Node, in tensor.Shape, _ []*tensor.T) (tensor.Shape, []int32, []int32, []float64, error) {
	if len(in) < 3 {
		return nil, nil, nil, nil, errf("input shape %v needs spatial dimensions", in)
	}
	plane := tensor.Shape(in[2:]).Size()
	outer := in[0] * in[1]
	out := tensor.Shape{in[0], in[1]}
	for range in[2:] {
		out = append(out, 1)
	}
	off := make([]int32, outer+1)
	idx := make([]int32, 0, outer*plane)
	w := make([]float64, 0, outer*plane)
	for j := 0; j < outer; j++ {
		for i := 0; i < plane; i++ {
			idx = append(idx, int32(j*plane+i))
			w = append(w, 1/float64(plane))
		}
		off[j+1] = int32(len(idx))
	}
	return out, off, idx, w, nil
}

func poolFloat(win windowsFunc) FloatFunc {
	return func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
		if err := need(n, in, 1); err != nil {
			return nil, err
		}
		shape, off, idx, w, err := win(n, in[0].Shape, in)
		if err != nil {
			return nil, err
		}
		out := tensor.New(shape)
		for j := range out.Data {
			for t := off[j]; t < off[j+1]; t++ {
				out.Data[j] += w[t] * in[0].Data[idx[t]]
			}
		}
		return []*tensor.T{out}, nil
	}
}

func poolLower(win windowsFunc) LowerFunc {
	return func(n *graph.Node, b *Builder) error {
		id, x, err := b.Tensor(n.Inputs[0])
		if err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		consts := b.consts(n)
		_, off, idx, w, err := win(n, x.Shape, consts)
		if err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		return b.EmitLinear(n, id, x, w, func(wq []int64) Kernel { return &Sparse{Off: off, Idx: idx, W: wq} }, nil)
	}
}
