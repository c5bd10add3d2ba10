package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

func init() {
	registerMap("Flatten", func(n *graph.Node, shapes []tensor.Shape, _ []*tensor.T) (*indexMap, error) {
		in := shapes[0]
		axis := int(n.Int("axis", 1))
		if axis < 0 {
			axis += len(in)
		}
		if axis < 0 || axis > len(in) {
			return nil, errf("axis %d out of range for rank %d", n.Int("axis", 1), len(in))
		}
		outer := tensor.Shape(in[:axis]).Size()
		return identityMap(tensor.Shape{outer, in.Size() / max(outer, 1)}), nil
	})
}
