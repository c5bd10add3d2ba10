package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// axesOf reads the axes of Squeeze/Unsqueeze/Reduce-style nodes: an attribute
// before opset 13, a constant second input since.
func axesOf(n *graph.Node, consts []*tensor.T) []int {
	if len(consts) > 1 && consts[1] != nil {
		return consts[1].Ints()
	}
	return n.Ints("axes", nil)
}

func init() {
	registerMap("Squeeze", func(n *graph.Node, shapes []tensor.Shape, consts []*tensor.T) (*indexMap, error) {
		in := shapes[0]
		axes := axesOf(n, consts)
		drop := map[int]bool{}
		for _, a := range axes {
			ax, err := tensor.NormAxis(a, len(in))
			if err != nil {
				return nil, err
			}
			if in[ax] != 1 {
				return nil, errf("cannot squeeze axis %d of size %d", a, in[ax])
			}
			drop[ax] = true
		}
		var out tensor.Shape
		for i, d := range in {
			if (len(axes) == 0 && d == 1) || drop[i] {
				continue
			}
			out = append(out, d)
		}
		return identityMap(out), nil
	})
	registerMap("Unsqueeze", func(n *graph.Node, shapes []tensor.Shape, consts []*tensor.T) (*indexMap, error) {
		in := shapes[0]
		axes := axesOf(n, consts)
		rank := len(in) + len(axes)
		ins := map[int]bool{}
		for _, a := range axes {
			ax, err := tensor.NormAxis(a, rank)
			if err != nil {
				return nil, err
			}
			ins[ax] = true
		}
		out := make(tensor.Shape, 0, rank)
		k := 0
		for i := 0; i < rank; i++ {
			if ins[i] {
				out = append(out, 1)
			} else {
				out = append(out, in[k])
				k++
			}
		}
		return identityMap(out), nil
	})
}
