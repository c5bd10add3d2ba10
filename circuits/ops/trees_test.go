package ops_test

import (
	"math/rand"
	"testing"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// ensembleNode builds a TreeEnsemble node of depth-2 trees: in tree t, node
// 0 tests feature feats[t][0] with modes[t][0], its true child is node 1 and
// false child node 2, whose children are leaves 3, 4 and 5, 6. Each leaf
// votes a random weight for every target.
func ensembleNode(r *rand.Rand, op string, trees, features, targets int, modes [][3]string, extra ...any) *graph.Node {
	var treeIDs, nodeIDs, feats, trues, falses, vt, vn, vi []int
	var vals, vw []float64
	var ms []string
	for t := range trees {
		for id := range 7 {
			treeIDs, nodeIDs = append(treeIDs, t), append(nodeIDs, id)
			if id < 3 {
				feats = append(feats, r.Intn(features))
				vals = append(vals, r.Float64()*2-1)
				ms = append(ms, modes[t%len(modes)][id])
				trues, falses = append(trues, 2*id+1), append(falses, 2*id+2)
				continue
			}
			feats, vals, ms = append(feats, 0), append(vals, 0), append(ms, "LEAF")
			trues, falses = append(trues, 0), append(falses, 0)
			for k := range targets {
				vt, vn, vi, vw = append(vt, t), append(vn, id), append(vi, k), append(vw, r.Float64()*2-1)
			}
		}
	}
	prefix := "target"
	if op == "TreeEnsembleClassifier" {
		prefix = "class"
	}
	attrs := append([]any{"nodes_treeids", treeIDs, "nodes_nodeids", nodeIDs, "nodes_featureids", feats, "nodes_values", vals,
		"nodes_modes", ms, "nodes_truenodeids", trues, "nodes_falsenodeids", falses,
		prefix + "_treeids", vt, prefix + "_nodeids", vn, prefix + "_ids", vi, prefix + "_weights", vw}, extra...)
	outs := []string{"y"}
	if op == "TreeEnsembleClassifier" {
		outs = []string{"label", "probs"}
	}
	n := node(op, []string{"x"}, outs, attrs...)
	n.Domain = "ai.onnx.ml"
	return n
}

// TestTreeEnsembles: classifiers (labels that are not 0..n-1, a binary one
// under LOGISTIC, SOFTMAX) and regressors (SUM with base values, AVERAGE,
// MIN, MAX, several targets) over every branch mode; with every branch bit
// flipped (a wrong branch taken) or the label's one-hot moved (a wrong
// argmax) the proof is refused.
func TestTreeEnsembles(t *testing.T) {
	r := newRand(21)
	modes := [][3]string{{"BRANCH_LEQ", "BRANCH_LT", "BRANCH_GT"}, {"BRANCH_GTE", "BRANCH_NEQ", "BRANCH_LEQ"}, {"BRANCH_LT", "BRANCH_EQ", "BRANCH_GTE"}}
	x := map[string]tensor.Shape{"x": {3, 4}}
	cases := []struct {
		name string
		n    *graph.Node
	}{
		{"classifier", ensembleNode(r, "TreeEnsembleClassifier", 3, 4, 3, modes, "classlabels_int64s", []int{5, 7, 9}, "base_values", []float64{0.1, -0.2, 0.3})},
		{"classifier/softmax", ensembleNode(r, "TreeEnsembleClassifier", 4, 4, 4, modes, "classlabels_int64s", []int{0, 1, 2, 3}, "post_transform", "SOFTMAX")},
		{"binary/logistic", ensembleNode(r, "TreeEnsembleClassifier", 3, 4, 1, modes, "classlabels_int64s", []int{0, 1}, "post_transform", "LOGISTIC")},
		{"binary/none", ensembleNode(r, "TreeEnsembleClassifier", 2, 4, 1, modes, "classlabels_int64s", []int{0, 1})},
		{"regressor/sum", ensembleNode(r, "TreeEnsembleRegressor", 5, 4, 2, modes, "n_targets", 2, "base_values", []float64{1.5, -0.5})},
		{"regressor/average", ensembleNode(r, "TreeEnsembleRegressor", 4, 4, 1, modes, "n_targets", 1, "aggregate_function", "AVERAGE")},
		{"regressor/min", ensembleNode(r, "TreeEnsembleRegressor", 3, 4, 2, modes, "n_targets", 2, "aggregate_function", "MIN")},
		{"regressor/max", ensembleNode(r, "TreeEnsembleRegressor", 3, 4, 1, modes, "n_targets", 1, "aggregate_function", "MAX")},
	}
	for _, c := range cases {
		oc := opCase{name: c.name, order: []string{"x"}, inputs: x, nodes: []*graph.Node{c.n}, out: c.n.Outputs, lieHints: negHint, tol: 0.03}
		run(t, oc)
		if c.n.Op == "TreeEnsembleClassifier" {
			oc.lieHints = argmaxHint
			run(t, oc)
		}
	}
}

// TestDynamicGather: Gather from a constant table and from an activation at
// indices the model computes (ArgMax; shifted below zero so they count from
// the end), GatherElements, and OneHot; a moved argmax one-hot is refused.
func TestDynamicGather(t *testing.T) {
	r := newRand(23)
	table := randT(r, tensor.Shape{5, 3}, -2, 2)
	run(t, opCase{name: "Gather/const-table", order: []string{"x"}, inputs: map[string]tensor.Shape{"x": {2, 5}},
		consts: map[string]*tensor.T{"T": table, "U": randT(r, tensor.Shape{3, 5}, -1, 1), "two": constT(tensor.Shape{}, 2)},
		nodes: []*graph.Node{node("ArgMax", []string{"x"}, []string{"i"}, "axis", 1, "keepdims", 0),
			node("Sub", []string{"i", "two"}, []string{"j"}),
			node("Gather", []string{"T", "j"}, []string{"e"}, "axis", 0),
			node("Gather", []string{"U", "i"}, []string{"f"}, "axis", 1)},
		out: []string{"e", "f"}, lieHints: argmaxHint})
	run(t, opCase{name: "Gather/activation", order: []string{"x", "d"}, inputs: map[string]tensor.Shape{"x": {3, 4}, "d": {4, 2}},
		nodes: []*graph.Node{node("ArgMax", []string{"x"}, []string{"i"}, "axis", 1, "keepdims", 0),
			node("Gather", []string{"d", "i"}, []string{"y"}, "axis", 0)},
		out: []string{"y"}, lieHints: argmaxHint})
	run(t, opCase{name: "GatherElements", order: []string{"x", "d"}, inputs: map[string]tensor.Shape{"x": {2, 3, 4}, "d": {2, 5}},
		nodes: []*graph.Node{node("ArgMax", []string{"x"}, []string{"i"}, "axis", 2, "keepdims", 0),
			node("GatherElements", []string{"d", "i"}, []string{"y"}, "axis", 1)},
		out: []string{"y"}, lieHints: argmaxHint})
	run(t, opCase{name: "OneHot", order: []string{"x"}, inputs: map[string]tensor.Shape{"x": {2, 3, 4}},
		consts: map[string]*tensor.T{"depth": constT(tensor.Shape{}, 4), "vals": constT(tensor.Shape{2}, -0.5, 2)},
		nodes: []*graph.Node{node("ArgMax", []string{"x"}, []string{"i"}, "axis", 2, "keepdims", 0),
			node("OneHot", []string{"i", "depth", "vals"}, []string{"y"}, "axis", 1)},
		out: []string{"y"}, lieHints: argmaxHint})
}
