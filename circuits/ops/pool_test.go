package ops_test

import (
	"testing"

	"github.com/zkml/zkml/circuits/graph"
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
