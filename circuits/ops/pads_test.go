package ops_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
)

func poolGraph(op string, in tensor.Shape, attrs ...any) *graph.Graph {
	g := &graph.Graph{Consts: map[string]*tensor.T{}, Nodes: []*graph.Node{node(op, []string{"x"}, []string{"y"}, attrs...)}}
	g.Inputs = []graph.Value{{Name: "x", Shape: in, DType: 1}}
	g.Outputs = []graph.Value{{Name: "y"}}
	return g
}

// Pads as wide as the kernel made windows that read only padding: the
// integer reference returned MinInt64 for a 16-bit tensor and the compiler
// failed deep inside with "max of no values". Pads of 100,000 exhausted
// memory. Both are errors naming the node; negative pads too.
func TestPoolPads(t *testing.T) {
	for _, c := range []struct {
		name  string
		g     *graph.Graph
		maybe []string
	}{
		{"1x1 window, pads 1", poolGraph("MaxPool", tensor.Shape{1, 1, 2, 2}, "kernel_shape", []int{1, 1}, "pads", []int{1, 1, 1, 1}), []string{"reads only padding"}},
		{"pads 100000", poolGraph("MaxPool", tensor.Shape{1, 1, 2, 2}, "kernel_shape", []int{2, 2}, "pads", []int{100000, 100000, 100000, 100000}), []string{"elements", "reads only padding"}},
		{"negative pads", poolGraph("MaxPool", tensor.Shape{1, 1, 4, 4}, "kernel_shape", []int{2, 2}, "pads", []int{-1, 0, 0, 0}), []string{"negative"}},
		{"average pool, pads 1", poolGraph("AveragePool", tensor.Shape{1, 1, 2, 2}, "kernel_shape", []int{1, 1}, "pads", []int{1, 1, 1, 1}), []string{"reads only padding"}},
	} {
		_, _, err := ops.Prepare(c.g)
		ok := false
		for _, m := range c.maybe {
			ok = ok || (err != nil && strings.Contains(err.Error(), m))
		}
		ok = ok && strings.Contains(err.Error(), "_under_test")
		if !ok {
			t.Errorf("%s: %v, want an error naming the node and saying %q", c.name, err, c.maybe)
		}
	}
}

// With ceil_mode a last window that would start in the end padding is
// dropped, as onnxruntime does: a 1x1 pool of stride 2 over 2 rows has one
// output row, not a second that reads nothing.
func TestPoolCeilDropsPaddingWindow(t *testing.T) {
	g := poolGraph("MaxPool", tensor.Shape{1, 1, 2, 3}, "kernel_shape", []int{1, 1}, "strides", []int{2, 2}, "ceil_mode", 1)
	shapes, err := ops.Shapes(g)
	if err != nil {
		t.Fatal(err)
	}
	if got := shapes["y"]; !got.Equal(tensor.Shape{1, 1, 1, 2}) {
		t.Errorf("output shape %v, want [1 1 1 2]", got)
	}
}

// TestPadModes: edge, reflect and wrap pads read the input indices numpy's
// pad gives (pads wider than the axis included), and run through the op
// harness's dishonest witnesses.
func TestPadModes(t *testing.T) {
	x := constT(tensor.Shape{1, 3}, 1, 2, 3)
	for mode, want := range map[string][]float64{
		"edge":    {1, 1, 1, 1, 2, 3, 3, 3, 3, 3},
		"reflect": {2, 3, 2, 1, 2, 3, 2, 1, 2, 3},
		"wrap":    {1, 2, 3, 1, 2, 3, 1, 2, 3, 1},
	} {
		g := &graph.Graph{Consts: map[string]*tensor.T{"pads": constT(tensor.Shape{4}, 0, 3, 0, 4)},
			Nodes:  []*graph.Node{node("Pad", []string{"x", "pads"}, []string{"y"}, "mode", mode)},
			Inputs: []graph.Value{{Name: "x", Shape: tensor.Shape{1, 3}, DType: 1}}, Outputs: []graph.Value{{Name: "y"}}}
		pg, _, err := ops.Prepare(g)
		if err != nil {
			t.Fatalf("%s: %v", mode, err)
		}
		vals, err := ops.Run(pg, []*tensor.T{x})
		if err != nil {
			t.Fatal(err)
		}
		if got := vals["y"].Data; fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: %v, want %v", mode, got, want)
		}
		run(t, opCase{name: "pad " + mode, inputs: map[string]tensor.Shape{"x": {1, 2, 3}}, order: []string{"x"},
			consts: map[string]*tensor.T{"pads": constT(tensor.Shape{6}, 0, 1, 2, 0, 1, 2)},
			nodes:  []*graph.Node{node("Pad", []string{"x", "pads"}, []string{"y"}, "mode", mode)}, out: []string{"y"}})
	}
}
