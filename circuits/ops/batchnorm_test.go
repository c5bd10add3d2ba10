package ops_test

import (
	"testing"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

func TestBatchNormalization(t *testing.T) {
	r := newRand(4)
	params := func() map[string]*tensor.T {
		return map[string]*tensor.T{
			"s": randT(r, tensor.Shape{3}, 0.5, 2), "b": randT(r, tensor.Shape{3}, -1, 1),
			"m": randT(r, tensor.Shape{3}, -0.5, 0.5), "v": randT(r, tensor.Shape{3}, 0.2, 3),
		}
	}
	// alone: an elementwise affine layer
	run(t, opCase{
		name:   "BatchNormalization",
		order:  []string{"x"},
		inputs: map[string]tensor.Shape{"x": {1, 3, 2, 2}},
		consts: params(),
		nodes:  []*graph.Node{node("BatchNormalization", []string{"x", "s", "b", "m", "v"}, []string{"y"}, "epsilon", 1e-5)},
		out:    []string{"y"},
	})
	// after MatMul: folded into the weights
	c := params()
	c["W"] = randT(r, tensor.Shape{4, 3}, -1, 1)
	run(t, opCase{
		name:   "MatMul+BatchNormalization",
		order:  []string{"x"},
		inputs: map[string]tensor.Shape{"x": {1, 4}},
		consts: c,
		nodes: []*graph.Node{
			node("MatMul", []string{"x", "W"}, []string{"h"}),
			node("BatchNormalization", []string{"h", "s", "b", "m", "v"}, []string{"y"}),
		},
		out: []string{"y"},
	})
}
