package ops_test

import (
	"testing"

	"github.com/consensys/gnark/constraint/solver"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

func TestLookupTables(t *testing.T) {
	for _, tc := range []struct {
		op     string
		lo, hi float64
	}{
		{"Sigmoid", -6, 6},
		{"Tanh", -3, 3},
		{"Exp", -3, 2},
	} {
		run(t, opCase{
			name:   tc.op,
			order:  []string{"x"},
			inputs: map[string]tensor.Shape{"x": {3, 4}},
			lo:     tc.lo, hi: tc.hi,
			nodes: []*graph.Node{node(tc.op, []string{"x"}, []string{"y"})},
			out:   []string{"y"},
			// a table index one off: the lookup bounds the quotient, the
			// remainder's check refuses it
			lieHints: []solver.Hint{gadgets.RescaleHint}, lieOne: true,
		})
	}
}

func TestSoftmax(t *testing.T) {
	run(t, opCase{
		name:   "Softmax",
		order:  []string{"x"},
		inputs: map[string]tensor.Shape{"x": {2, 5}},
		lo:     -4, hi: 4,
		nodes: []*graph.Node{node("Softmax", []string{"x"}, []string{"y"}, "axis", -1)},
		out:   []string{"y"},
	})
	run(t, opCase{
		name:   "Softmax/axis1",
		order:  []string{"x"},
		inputs: map[string]tensor.Shape{"x": {1, 4, 3}},
		nodes:  []*graph.Node{node("Softmax", []string{"x"}, []string{"y"}, "axis", 1)},
		out:    []string{"y"},
	})
}
