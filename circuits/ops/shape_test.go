package ops_test

import (
	"testing"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/ops"
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

// TestShapeOpValues pins the float semantics of shape operators with values
// worked out by hand, since the float and integer forms share the index map.
func TestShapeOpValues(t *testing.T) {
	x := &tensor.T{Shape: tensor.Shape{2, 3}, Data: []float64{0, 1, 2, 3, 4, 5}}
	cases := []struct {
		name   string
		n      *graph.Node
		extra  []*tensor.T
		shape  tensor.Shape
		values []float64
	}{
		{"Transpose", node("Transpose", []string{"x"}, []string{"y"}, "perm", []int{1, 0}), nil, tensor.Shape{3, 2}, []float64{0, 3, 1, 4, 2, 5}},
		{"Slice", node("Slice", []string{"x", "s", "e", "a", "p"}, []string{"y"}),
			[]*tensor.T{constT(tensor.Shape{1}, 2), constT(tensor.Shape{1}, -10), constT(tensor.Shape{1}, 1), constT(tensor.Shape{1}, -2)}, tensor.Shape{2, 2}, []float64{2, 0, 5, 3}},
		{"Gather", node("Gather", []string{"x", "i"}, []string{"y"}, "axis", 1), []*tensor.T{constT(tensor.Shape{2}, 2, 0)}, tensor.Shape{2, 2}, []float64{2, 0, 5, 3}},
		{"Pad", node("Pad", []string{"x", "p"}, []string{"y"}, "value", 9.0), []*tensor.T{constT(tensor.Shape{4}, 0, 1, 1, 0)}, tensor.Shape{3, 4}, []float64{9, 0, 1, 2, 9, 3, 4, 5, 9, 9, 9, 9}},
		{"Concat", node("Concat", []string{"x", "x"}, []string{"y"}, "axis", 1), []*tensor.T{x}, tensor.Shape{2, 6}, []float64{0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5}},
		{"Flatten", node("Flatten", []string{"x"}, []string{"y"}, "axis", 0), nil, tensor.Shape{1, 6}, []float64{0, 1, 2, 3, 4, 5}},
	}
	for _, c := range cases {
		out, err := ops.EvalNode(c.n, append([]*tensor.T{x}, c.extra...))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !out[0].Shape.Equal(c.shape) {
			t.Fatalf("%s: shape %v, want %v", c.name, out[0].Shape, c.shape)
		}
		for i, v := range c.values {
			if out[0].Data[i] != v {
				t.Fatalf("%s: %v, want %v", c.name, out[0].Data, c.values)
			}
		}
	}
}

func TestExpandTileReduce(t *testing.T) {
	x := map[string]tensor.Shape{"x": {1, 3, 1}}
	cases := []struct {
		name   string
		consts map[string]*tensor.T
		nodes  []*graph.Node
	}{
		{"Expand", map[string]*tensor.T{"s": constT(tensor.Shape{3}, 2, 1, 4)}, []*graph.Node{node("Expand", []string{"x", "s"}, []string{"y0"})}},
		{"Tile", map[string]*tensor.T{"r": constT(tensor.Shape{3}, 2, 1, 3)}, []*graph.Node{node("Tile", []string{"x", "r"}, []string{"y0"})}},
		{"ReduceSum", map[string]*tensor.T{"a": constT(tensor.Shape{1}, 1)}, []*graph.Node{node("ReduceSum", []string{"x", "a"}, []string{"y0"}, "keepdims", 0)}},
		{"ReduceMean", nil, []*graph.Node{node("ReduceMean", []string{"x"}, []string{"y0"}, "axes", []int{1})}},
		{"Neg", nil, []*graph.Node{node("Neg", []string{"x"}, []string{"y0"})}},
		{"ConstantOfShape+Add", map[string]*tensor.T{"s": constT(tensor.Shape{3}, 1, 3, 1)}, []*graph.Node{
			node("ConstantOfShape", []string{"s"}, []string{"c"}, "value", constT(tensor.Shape{1}, 0.5)),
			node("Add", []string{"x", "c"}, []string{"y0"}),
		}},
	}
	for _, c := range cases {
		run(t, opCase{
			name:   c.name,
			order:  []string{"x"},
			inputs: x,
			consts: c.consts,
			nodes:  append(c.nodes, node("Relu", []string{"y0"}, []string{"y"})),
			out:    []string{"y"},
		})
	}
	// hand-checked values
	in := &tensor.T{Shape: tensor.Shape{2, 2}, Data: []float64{1, 2, 3, 4}}
	for _, c := range []struct {
		n    *graph.Node
		want []float64
	}{
		{node("Tile", []string{"x", "r"}, []string{"y"}), []float64{1, 2, 1, 2, 3, 4, 3, 4}},
		{node("ReduceSum", []string{"x"}, []string{"y"}, "axes", []int{0}), []float64{4, 6}},
		{node("ReduceMean", []string{"x"}, []string{"y"}, "axes", []int{1}, "keepdims", 0), []float64{1.5, 3.5}},
	} {
		args := []*tensor.T{in}
		if c.n.Op == "Tile" {
			args = append(args, constT(tensor.Shape{2}, 1, 2))
		}
		out, err := ops.EvalNode(c.n, args)
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range c.want {
			if out[0].Data[i] != v {
				t.Fatalf("%s: %v, want %v", c.n.Op, out[0].Data, c.want)
			}
		}
	}
}
