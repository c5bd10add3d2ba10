package model_test

import (
	"strings"
	"testing"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
)

// TestNearThresholdReport: a calibration sample within one quantum of a
// threshold (a tree's split, a comparison's constant) is reported by
// Quantize, naming the node, the value and the threshold; samples clear of
// every threshold give no report.
func TestNearThresholdReport(t *testing.T) {
	ints := func(v ...int64) graph.Attr { return graph.Attr{Kind: graph.AttrInts, Ints: v} }
	tree := &graph.Node{Name: "forest", Op: "TreeEnsembleRegressor", Domain: "ai.onnx.ml", Inputs: []string{"x"}, Outputs: []string{"y"},
		Attrs: map[string]graph.Attr{
			"nodes_treeids": ints(0, 0, 0), "nodes_nodeids": ints(0, 1, 2), "nodes_featureids": ints(1, 0, 0),
			"nodes_values":       {Kind: graph.AttrFloats, Floats: []float64{0.25, 0, 0}},
			"nodes_modes":        {Kind: graph.AttrStrings, Strings: []string{"BRANCH_LEQ", "LEAF", "LEAF"}},
			"nodes_truenodeids":  ints(1, 0, 0),
			"nodes_falsenodeids": ints(2, 0, 0),
			"target_treeids":     ints(0, 0), "target_nodeids": ints(1, 2), "target_ids": ints(0, 0),
			"target_weights": {Kind: graph.AttrFloats, Floats: []float64{-1, 1}},
		}}
	less := &graph.Node{Name: "gate", Op: "Less", Inputs: []string{"x", "c"}, Outputs: []string{"z"}, Attrs: map[string]graph.Attr{}}
	g := &graph.Graph{Nodes: []*graph.Node{tree, less}, Consts: map[string]*tensor.T{"c": {Shape: tensor.Shape{2}, Data: []float64{0.5, -0.75}}},
		Inputs:  []graph.Value{{Name: "x", Shape: tensor.Shape{1, 2}, DType: 1}},
		Outputs: []graph.Value{{Name: "y"}, {Name: "z"}}}
	sample := func(a, b float64) []*tensor.T { return []*tensor.T{{Shape: tensor.Shape{1, 2}, Data: []float64{a, b}}} }
	q, err := model.Quantize(g, [][]*tensor.T{sample(0.9, -0.9), sample(-0.9, 0.9)}, ops.Defaults)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Warnings) != 0 {
		t.Fatalf("samples clear of every threshold reported: %q", q.Warnings)
	}
	// feature 1 a hair above the split at 0.25, feature 0 a hair below the
	// comparison with 0.5
	q, err = model.Quantize(g, [][]*tensor.T{sample(0.9, -0.9), sample(0.5-1e-6, 0.25+1e-6)}, ops.Defaults)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(q.Warnings, "\n")
	if len(q.Warnings) != 2 || !strings.Contains(all, "calibration sample 1, node forest") || !strings.Contains(all, "threshold 0.25") ||
		!strings.Contains(all, "node gate") || !strings.Contains(all, "of 0.5") {
		t.Fatalf("near-threshold report: %q", q.Warnings)
	}
}
