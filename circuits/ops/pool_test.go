package ops_test

import (
	"testing"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
)

func TestMaxPool(t *testing.T) {
	for _, tc := range []struct {
		name  string
		attrs []any
	}{
		{"2x2", []any{"kernel_shape", []int{2, 2}, "strides", []int{2, 2}}},
		{"3x3-pads", []any{"kernel_shape", []int{3, 3}, "pads", []int{1, 1, 1, 1}}},
		{"ceil", []any{"kernel_shape", []int{2, 2}, "strides", []int{2, 2}, "ceil_mode", 1}},
	} {
		run(t, opCase{
			name:   "MaxPool/" + tc.name,
			order:  []string{"x"},
			inputs: map[string]tensor.Shape{"x": {1, 2, 5, 5}},
			nodes:  []*graph.Node{node("MaxPool", []string{"x"}, []string{"y"}, tc.attrs...)},
			out:    []string{"y"},
		})
	}
	// ReLU after MaxPool joins the window as a 0 candidate
	run(t, opCase{
		name:   "MaxPool+Relu",
		order:  []string{"x"},
		inputs: map[string]tensor.Shape{"x": {1, 1, 4, 4}},
		nodes: []*graph.Node{
			node("MaxPool", []string{"x"}, []string{"m"}, "kernel_shape", []int{2, 2}, "strides", []int{2, 2}),
			node("Relu", []string{"m"}, []string{"y"}),
		},
		out: []string{"y"},
	})
}

// TestConvIntoReluMaxPool covers a convolution whose output range check is
// left to the ReLU max-pool it feeds (Program.MarkBounded), with dishonest
// layer advice, and which graphs get that.
func TestConvIntoReluMaxPool(t *testing.T) {
	r := newRand(5)
	w := randT(r, tensor.Shape{2, 1, 3, 3}, -1, 1)
	graphOf := func(tail ...*graph.Node) opCase {
		return opCase{
			name:   "Conv+Relu+MaxPool",
			order:  []string{"x"},
			inputs: map[string]tensor.Shape{"x": {1, 1, 6, 6}},
			consts: map[string]*tensor.T{"W": w},
			nodes:  append([]*graph.Node{node("Conv", []string{"x", "W"}, []string{"c"})}, tail...),
			out:    []string{"y"},
			lie:    true,
		}
	}
	pool := func(in, out string) *graph.Node {
		return node("MaxPool", []string{in}, []string{out}, "kernel_shape", []int{2, 2}, "strides", []int{2, 2})
	}
	relu := func(in, out string) *graph.Node { return node("Relu", []string{in}, []string{out}) }
	run(t, graphOf(relu("c", "h"), pool("h", "y")))

	for _, tc := range []struct {
		name    string
		tail    []*graph.Node
		bounded bool
	}{
		{"relu then pool", []*graph.Node{relu("c", "h"), pool("h", "y")}, true},
		{"pool then relu", []*graph.Node{pool("c", "h"), relu("h", "y")}, true},
		{"pool without relu", []*graph.Node{pool("c", "y")}, false},
		{"relu without pool", []*graph.Node{relu("c", "y")}, false},
	} {
		c := graphOf(tc.tail...)
		g := &graph.Graph{Consts: c.consts, Nodes: c.nodes, Inputs: []graph.Value{{Name: "x", Shape: c.inputs["x"], DType: 1}}, Outputs: []graph.Value{{Name: "y"}}}
		q, err := model.Quantize(g, [][]*tensor.T{{randT(r, c.inputs["x"], -2, 2)}}, ops.Defaults)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got := false
		for _, l := range q.Prog.Layers {
			if lin, ok := l.(*ops.Linear); ok {
				got = lin.Bounded
			}
		}
		if got != tc.bounded {
			t.Errorf("%s: convolution output check left out: %v, want %v", tc.name, got, tc.bounded)
		}
	}
}

func TestAveragePool(t *testing.T) {
	for _, tc := range []struct {
		name  string
		attrs []any
	}{
		{"2x2", []any{"kernel_shape", []int{2, 2}, "strides", []int{2, 2}}},
		{"pads-exclude", []any{"kernel_shape", []int{3, 3}, "pads", []int{1, 1, 1, 1}}},
		{"pads-include", []any{"kernel_shape", []int{3, 3}, "pads", []int{1, 1, 1, 1}, "count_include_pad", 1}},
	} {
		run(t, opCase{
			name:   "AveragePool/" + tc.name,
			order:  []string{"x"},
			inputs: map[string]tensor.Shape{"x": {1, 2, 4, 4}},
			nodes:  []*graph.Node{node("AveragePool", []string{"x"}, []string{"y"}, tc.attrs...)},
			out:    []string{"y"},
		})
	}
}

func TestGlobalAveragePool(t *testing.T) {
	run(t, opCase{
		name:   "GlobalAveragePool",
		order:  []string{"x"},
		inputs: map[string]tensor.Shape{"x": {1, 3, 4, 5}},
		nodes:  []*graph.Node{node("GlobalAveragePool", []string{"x"}, []string{"y"})},
		out:    []string{"y"},
	})
}
