package ops

import (
	"math"

	"github.com/zkml/zkml/circuits/graph"
)

// Relu fuses into the rescale of the layer before it whenever it can (see
// Fuse); standalone it is the same gadget with no rescale: x = y - z, y z = 0,
// y and z range-checked.
func init() {
	Register("Relu", &Spec{Float: unary(func(v float64) float64 { return math.Max(v, 0) }), Lower: reluLower})
}

func reluLower(n *graph.Node, b *Builder) error {
	id, x, err := b.Tensor(n.Inputs[0])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	size := x.Shape.Size()
	k := &Sparse{Off: make([]int32, size+1), Idx: make([]int32, size), W: make([]int64, size)}
	for j := 0; j < size; j++ {
		k.Off[j+1], k.Idx[j], k.W[j] = int32(j+1), int32(j), 1
	}
	l := &Linear{LayerBase: LayerBase{In: []int{id}}, K: k,
		Requant: Requant{Relu: true, OutBits: x.Bits, NegBits: x.Bits, LimbBits: b.Cfg.LimbBits}}
	b.Emit(n, l, n.Outputs[0], x.Shape, x.Frac, x.Bits)
	return nil
}
