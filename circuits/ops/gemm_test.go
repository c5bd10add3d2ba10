package ops_test

import (
	"testing"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

func TestGemm(t *testing.T) {
	r := newRand(1)
	w := randT(r, tensor.Shape{5, 4}, -1, 1)
	b := randT(r, tensor.Shape{5}, -1, 1)
	for _, tc := range []struct {
		name  string
		attrs []any
		w     *tensor.T
	}{
		{"transB", []any{"transB", 1}, w},
		{"alpha-beta", []any{"transB", 1, "alpha", 0.5, "beta", 2.0}, w},
		{"plain", nil, transpose2(w)},
	} {
		run(t, opCase{
			name:   "Gemm/" + tc.name,
			order:  []string{"x"},
			inputs: map[string]tensor.Shape{"x": {1, 4}},
			consts: map[string]*tensor.T{"W": tc.w, "b": b},
			nodes:  []*graph.Node{node("Gemm", []string{"x", "W", "b"}, []string{"y"}, tc.attrs...)},
			out:    []string{"y"},
			lie:    true,
		})
	}
	// Gemm followed by Relu: the ReLU fuses into the rescale
	run(t, opCase{
		name:   "Gemm+Relu",
		order:  []string{"x"},
		inputs: map[string]tensor.Shape{"x": {1, 4}},
		consts: map[string]*tensor.T{"W": w, "b": b},
		nodes: []*graph.Node{
			node("Gemm", []string{"x", "W", "b"}, []string{"h"}, "transB", 1),
			node("Relu", []string{"h"}, []string{"y"}),
		},
		out: []string{"y"},
		lie: true,
	})
}

func TestMatMul(t *testing.T) {
	r := newRand(2)
	run(t, opCase{
		name:   "MatMul+Add",
		order:  []string{"x"},
		inputs: map[string]tensor.Shape{"x": {2, 6}},
		consts: map[string]*tensor.T{"W": randT(r, tensor.Shape{6, 3}, -1, 1), "b": randT(r, tensor.Shape{3}, -1, 1)},
		nodes: []*graph.Node{
			node("MatMul", []string{"x", "W"}, []string{"h"}),
			node("Add", []string{"h", "b"}, []string{"y"}),
		},
		out: []string{"y"},
	})
}

func transpose2(t *tensor.T) *tensor.T {
	out := tensor.New(tensor.Shape{t.Shape[1], t.Shape[0]})
	for i := 0; i < t.Shape[0]; i++ {
		for j := 0; j < t.Shape[1]; j++ {
			out.Data[j*t.Shape[0]+i] = t.Data[i*t.Shape[1]+j]
		}
	}
	return out
}

// TestGemmTransAMatrixBias: transA (the activation transposed first, an
// index map) and a bias per output element (C of shape [M, N], an Add of
// the constant after the product), alone and together, with a Relu after,
// through the harness's dishonest witnesses.
func TestGemmTransAMatrixBias(t *testing.T) {
	r := newRand(3)
	w := randT(r, tensor.Shape{5, 4}, -1, 1)
	cm := randT(r, tensor.Shape{3, 5}, -1, 1)
	cb := randT(r, tensor.Shape{5}, -1, 1)
	for _, tc := range []struct {
		name  string
		x     tensor.Shape
		c     *tensor.T
		attrs []any
		relu  bool
	}{
		{"transA", tensor.Shape{4, 3}, cb, []any{"transA", 1, "transB", 1}, false},
		{"matrix bias", tensor.Shape{3, 4}, cm, []any{"transB", 1, "beta", 0.5}, false},
		{"transA, matrix bias, alpha, Relu", tensor.Shape{4, 3}, cm, []any{"transA", 1, "transB", 1, "alpha", 0.7}, true},
	} {
		nodes := []*graph.Node{node("Gemm", []string{"x", "W", "C"}, []string{"y"}, tc.attrs...)}
		if tc.relu {
			nodes[0].Outputs = []string{"h"}
			nodes = append(nodes, node("Relu", []string{"h"}, []string{"y"}))
		}
		run(t, opCase{name: "Gemm/" + tc.name, order: []string{"x"}, inputs: map[string]tensor.Shape{"x": tc.x},
			consts: map[string]*tensor.T{"W": w, "C": tc.c}, nodes: nodes, out: []string{"y"}, lie: true})
	}
	// C an activation (torch.addmm): beta C is added after the product
	run(t, opCase{name: "Gemm/activation C", order: []string{"x", "c"}, inputs: map[string]tensor.Shape{"x": {3, 4}, "c": {3, 5}},
		consts: map[string]*tensor.T{"W": w}, nodes: []*graph.Node{node("Gemm", []string{"x", "W", "c"}, []string{"y"}, "transB", 1, "beta", 0.5)},
		out: []string{"y"}, lie: true})
}
