package ops_test

import (
	"testing"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

func TestArithmeticWithConstants(t *testing.T) {
	r := newRand(5)
	k := randT(r, tensor.Shape{1, 4}, 0.5, 2)
	for _, op := range []string{"Add", "Sub", "Mul", "Div"} {
		for _, constFirst := range []bool{false, true} {
			if op == "Div" && constFirst {
				continue // tested as an error below
			}
			in := []string{"x", "k"}
			if constFirst {
				in = []string{"k", "x"}
			}
			run(t, opCase{
				name:   op + "/const",
				order:  []string{"x"},
				inputs: map[string]tensor.Shape{"x": {3, 4}},
				consts: map[string]*tensor.T{"k": k},
				nodes:  []*graph.Node{node(op, in, []string{"y"})},
				out:    []string{"y"},
			})
		}
	}
}

func TestArithmeticOfActivations(t *testing.T) {
	for _, op := range []string{"Add", "Sub", "Mul"} {
		run(t, opCase{
			name:   op + "/activations",
			order:  []string{"a", "b"},
			inputs: map[string]tensor.Shape{"a": {2, 3}, "b": {1, 3}},
			nodes:  []*graph.Node{node(op, []string{"a", "b"}, []string{"y"})},
			out:    []string{"y"},
		})
	}
	// two inputs of different ranges get different scales, aligned before adding
	run(t, opCase{
		name:   "Add/scales",
		order:  []string{"a", "b"},
		inputs: map[string]tensor.Shape{"a": {4}, "b": {4}},
		consts: map[string]*tensor.T{"big": constT(tensor.Shape{1}, 50)},
		nodes: []*graph.Node{
			node("Mul", []string{"b", "big"}, []string{"b50"}),
			node("Add", []string{"a", "b50"}, []string{"y"}),
		},
		out: []string{"y"},
	})
}
