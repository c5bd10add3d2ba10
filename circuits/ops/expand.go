package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Expand (numpy broadcast to a constant shape) and Tile (constant repeats)
// are index maps.
func init() {
	registerMap("Expand", func(n *graph.Node, shapes []tensor.Shape, consts []*tensor.T) (*indexMap, error) {
		if len(consts) < 2 || consts[1] == nil {
			return nil, errf("the target shape must be a constant")
		}
		out, err := tensor.BroadcastShape(shapes[0], tensor.Shape(consts[1].Ints()))
		if err != nil {
			return nil, err
		}
		idx := tensor.BroadcastIndex(shapes[0], out)
		m := &indexMap{Shape: out, Src: make([]src, len(idx))}
		for j, i := range idx {
			m.Src[j] = src{0, i}
		}
		return m, nil
	})
	registerMap("Tile", func(n *graph.Node, shapes []tensor.Shape, consts []*tensor.T) (*indexMap, error) {
		in := shapes[0]
		if len(consts) < 2 || consts[1] == nil {
			return nil, errf("repeats must be a constant")
		}
		rep := consts[1].Ints()
		if len(rep) != len(in) {
			return nil, errf("%d repeats for rank %d", len(rep), len(in))
		}
		out := make(tensor.Shape, len(in))
		for d := range in {
			if rep[d] < 0 {
				return nil, errf("negative repeat %d on axis %d", rep[d], d)
			}
			out[d] = in[d] * rep[d]
		}
		ist, ost := in.Strides(), out.Strides()
		m := &indexMap{Shape: out, Src: make([]src, out.Size())}
		for j := range m.Src {
			rem, s := j, 0
			for d := range out {
				c := rem / ost[d]
				rem %= ost[d]
				s += (c % in[d]) * ist[d]
			}
			m.Src[j] = src{0, s}
		}
		return m, nil
	})
	// ConstantOfShape only ever makes a constant: import folds it.
	Register("ConstantOfShape", &Spec{Float: func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
		if err := need(n, in, 1); err != nil {
			return nil, err
		}
		v := 0.0
		if a, ok := n.Attrs["value"]; ok && a.Tensor != nil && len(a.Tensor.Data) > 0 {
			v = a.Tensor.Data[0]
		}
		out := tensor.New(tensor.Shape(in[0].Ints()))
		for i := range out.Data {
			out.Data[i] = v
		}
		return []*tensor.T{out}, nil
	}})
}
