package ops_test

import (
	"testing"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
)

func TestRelu(t *testing.T) {
	// standalone: the graph input feeds it directly, nothing to fuse into
	run(t, opCase{
		name:   "Relu",
		order:  []string{"x"},
		inputs: map[string]tensor.Shape{"x": {2, 5}},
		nodes:  []*graph.Node{node("Relu", []string{"x"}, []string{"y"})},
		out:    []string{"y"},
	})
}

func TestLeakyRelu(t *testing.T) {
	run(t, opCase{
		name:   "LeakyRelu",
		order:  []string{"x"},
		inputs: map[string]tensor.Shape{"x": {2, 5}},
		nodes:  []*graph.Node{node("LeakyRelu", []string{"x"}, []string{"y"}, "alpha", 0.1)},
		out:    []string{"y"},
	})
}

func TestPRelu(t *testing.T) {
	run(t, opCase{
		name:   "PRelu",
		order:  []string{"x"},
		inputs: map[string]tensor.Shape{"x": {1, 3, 2, 2}},
		consts: map[string]*tensor.T{"slope": constT(tensor.Shape{3, 1, 1}, 0.25, 0.5, 0.05)},
		nodes:  []*graph.Node{node("PRelu", []string{"x", "slope"}, []string{"y"})},
		out:    []string{"y"},
	})
}

func TestClip(t *testing.T) {
	run(t, opCase{
		name:   "Clip/inputs",
		order:  []string{"x"},
		inputs: map[string]tensor.Shape{"x": {2, 6}},
		consts: map[string]*tensor.T{"lo": tensor.Scalar(-0.5), "hi": tensor.Scalar(1)},
		nodes:  []*graph.Node{node("Clip", []string{"x", "lo", "hi"}, []string{"y"})},
		out:    []string{"y"},
	})
	run(t, opCase{
		name:   "Clip/relu6-attrs",
		order:  []string{"x"},
		inputs: map[string]tensor.Shape{"x": {8}},
		lo:     -10, hi: 10,
		nodes: []*graph.Node{node("Clip", []string{"x"}, []string{"y"}, "min", 0.0, "max", 6.0)},
		out:   []string{"y"},
	})
}

// TestAutoLimbBits pins the table width chosen for a model: one query per
// check (a width dividing the activation width), the activation width itself
// once the table's entries are repaid.
func TestAutoLimbBits(t *testing.T) {
	for _, c := range []struct{ n, bits, want int }{
		{6000, 16, 8}, {40959, 16, 8}, {40960, 16, 16}, {73000, 16, 16},
		{6000, 15, 5}, {20480, 15, 15}, {6000, 12, 12}, {2000, 12, 6}, {6000, 8, 8}, {100, 8, 8},
		{6000, 13, 13}, {4000, 13, 8}, {100000, 24, 8}, {100000, 20, 5},
	} {
		if got := ops.AutoLimbBits(c.n, c.bits); got != c.want {
			t.Errorf("%d activations of %d bits: limbs of %d bits, want %d", c.n, c.bits, got, c.want)
		}
	}
}
