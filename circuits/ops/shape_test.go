package ops_test

import (
	"testing"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Shape operators move elements and cost no constraint; each case feeds one
// into a Relu so a changed element is caught downstream too.
func TestShapeOps(t *testing.T) {
	x := map[string]tensor.Shape{"x": {1, 2, 3, 4}}
	cases := []struct {
		name   string
		consts map[string]*tensor.T
		node   *graph.Node
	}{
		{"Identity", nil, node("Identity", []string{"x"}, []string{"s"})},
		{"Dropout", nil, node("Dropout", []string{"x"}, []string{"s"})},
		{"Cast", nil, node("Cast", []string{"x"}, []string{"s"}, "to", 1)},
		{"Flatten", nil, node("Flatten", []string{"x"}, []string{"s"}, "axis", 2)},
		{"Reshape", map[string]*tensor.T{"shape": constT(tensor.Shape{2}, 0, -1)}, node("Reshape", []string{"x", "shape"}, []string{"s"})},
		{"Transpose", nil, node("Transpose", []string{"x"}, []string{"s"}, "perm", []int{0, 3, 1, 2})},
		{"Squeeze", map[string]*tensor.T{"axes": constT(tensor.Shape{1}, 0)}, node("Squeeze", []string{"x", "axes"}, []string{"s"})},
		{"Unsqueeze", nil, node("Unsqueeze", []string{"x"}, []string{"s"}, "axes", []int{0, -1})},
		{"Concat", nil, node("Concat", []string{"x", "x"}, []string{"s"}, "axis", 2)},
		{"Slice", map[string]*tensor.T{
			"st": constT(tensor.Shape{2}, 1, -1), "en": constT(tensor.Shape{2}, 3, -5),
			"ax": constT(tensor.Shape{2}, 2, 3), "sp": constT(tensor.Shape{2}, 1, -2),
		}, node("Slice", []string{"x", "st", "en", "ax", "sp"}, []string{"s"})},
		{"Gather", map[string]*tensor.T{"i": constT(tensor.Shape{3}, 3, 0, -1)}, node("Gather", []string{"x", "i"}, []string{"s"}, "axis", 3)},
		{"Pad", map[string]*tensor.T{"p": constT(tensor.Shape{8}, 0, 0, 1, 0, 0, 0, 0, 2)}, node("Pad", []string{"x", "p"}, []string{"s"})},
	}
	for _, tc := range cases {
		run(t, opCase{
			name:   tc.name,
			order:  []string{"x"},
			inputs: x,
			consts: tc.consts,
			nodes:  []*graph.Node{tc.node, node("Relu", []string{"s"}, []string{"y"})},
			out:    []string{"y"},
		})
	}
}

func TestConstantAndShapeFold(t *testing.T) {
	// PyTorch-style: Shape -> Gather -> Unsqueeze -> Concat -> Reshape, all folded
	shape := &tensor.T{Shape: tensor.Shape{1}, Data: []float64{-1}}
	run(t, opCase{
		name:   "Constant+Shape",
		order:  []string{"x"},
		inputs: map[string]tensor.Shape{"x": {1, 2, 3}},
		consts: map[string]*tensor.T{"zero": tensor.Scalar(0)},
		nodes: []*graph.Node{
			node("Shape", []string{"x"}, []string{"sh"}),
			node("Gather", []string{"sh", "zero"}, []string{"n"}, "axis", 0),
			node("Unsqueeze", []string{"n"}, []string{"n1"}, "axes", []int{0}),
			node("Constant", nil, []string{"m1"}, "value", shape),
			node("Concat", []string{"n1", "m1"}, []string{"target"}, "axis", 0),
			node("Reshape", []string{"x", "target"}, []string{"s"}),
			node("Relu", []string{"s"}, []string{"y"}),
		},
		out: []string{"y"},
	})
}
