package ops_test

import (
	"testing"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

func TestConv(t *testing.T) {
	r := newRand(3)
	for _, tc := range []struct {
		name  string
		in    tensor.Shape
		w     tensor.Shape
		attrs []any
	}{
		{"plain", tensor.Shape{1, 2, 6, 6}, tensor.Shape{3, 2, 3, 3}, nil},
		{"pads-strides", tensor.Shape{1, 2, 7, 6}, tensor.Shape{2, 2, 3, 3}, []any{"pads", []int{1, 0, 2, 1}, "strides", []int{2, 2}}},
		{"dilations", tensor.Shape{1, 1, 7, 7}, tensor.Shape{2, 1, 3, 3}, []any{"dilations", []int{2, 2}}},
		{"groups", tensor.Shape{1, 4, 5, 5}, tensor.Shape{4, 2, 3, 3}, []any{"group", 2}},
		{"same-upper", tensor.Shape{1, 1, 5, 5}, tensor.Shape{2, 1, 4, 4}, []any{"auto_pad", "SAME_UPPER"}},
	} {
		run(t, opCase{
			name:   "Conv/" + tc.name,
			order:  []string{"x"},
			inputs: map[string]tensor.Shape{"x": tc.in},
			consts: map[string]*tensor.T{"W": randT(r, tc.w, -1, 1), "b": randT(r, tensor.Shape{tc.w[0]}, -1, 1)},
			nodes:  []*graph.Node{node("Conv", []string{"x", "W", "b"}, []string{"y"}, tc.attrs...)},
			out:    []string{"y"},
			lie:    tc.name == "plain",
		})
	}
	// Conv, per-channel Add and Relu fold into one layer
	run(t, opCase{
		name:   "Conv+Add+Relu",
		order:  []string{"x"},
		inputs: map[string]tensor.Shape{"x": {1, 1, 5, 5}},
		consts: map[string]*tensor.T{"W": randT(r, tensor.Shape{2, 1, 3, 3}, -1, 1), "b": randT(r, tensor.Shape{2, 1, 1}, -1, 1)},
		nodes: []*graph.Node{
			node("Conv", []string{"x", "W"}, []string{"c"}),
			node("Add", []string{"c", "b"}, []string{"h"}),
			node("Relu", []string{"h"}, []string{"y"}),
		},
		out: []string{"y"},
	})
}

func TestConvAndPools1D(t *testing.T) {
	r := newRand(9)
	run(t, opCase{
		name:   "Conv1D",
		order:  []string{"x"},
		inputs: map[string]tensor.Shape{"x": {1, 2, 9}},
		consts: map[string]*tensor.T{"W": randT(r, tensor.Shape{3, 2, 3}, -1, 1)},
		nodes:  []*graph.Node{node("Conv", []string{"x", "W"}, []string{"y"}, "pads", []int{1, 1}, "strides", []int{2})},
		out:    []string{"y"},
	})
	for _, op := range []string{"MaxPool", "AveragePool"} {
		run(t, opCase{
			name:   op + "1D",
			order:  []string{"x"},
			inputs: map[string]tensor.Shape{"x": {1, 2, 10}},
			nodes:  []*graph.Node{node(op, []string{"x"}, []string{"y"}, "kernel_shape", []int{3}, "strides", []int{1}, "pads", []int{1, 1})},
			out:    []string{"y"},
		})
	}
}
