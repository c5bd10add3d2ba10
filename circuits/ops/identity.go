package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Identity, Dropout (inference: identity) and Cast between numeric types move
// no element. Cast to an integer type truncates toward zero in floats; in the
// integer program values keep their scale, which is exact for the integer
// inputs such casts see in exported models.
func init() {
	same := func(n *graph.Node, shapes []tensor.Shape, _ []*tensor.T) (*indexMap, error) {
		return identityMap(shapes[0]), nil
	}
	registerMap("Identity", same)
	registerMap("Dropout", same)
	registerMap("Cast", same)
}
