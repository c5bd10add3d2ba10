package ops

import (
	"math"
	"sort"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Tree ensembles of ai.onnx.ml: TreeEnsembleClassifier and
// TreeEnsembleRegressor.
//
// Every internal node compares one feature with its threshold in the input's
// fixed point, exactly as the float model branches (see threshold): one
// gadgets.IsNegative (or IsZero for BRANCH_EQ/NEQ). The leaf a row reaches
// is then a product of branch bits: the root's indicator is 1, a true
// child's is its parent's times the bit and a false child's the parent's
// minus that — one product per internal node, and every indicator is exactly
// 0 or 1 with a single 1 per tree, because every bit is pinned by its
// comparison. A target's score is the sum of leaf indicators times the leaf
// weights (constants: no products), plus the base value; MIN and MAX
// aggregate the trees' values with gadgets.Max. A classifier's label is the
// gadgets.ArgMax of the scores, mapped to classlabels_int64s.
//
// post_transform SOFTMAX and LOGISTIC become a Softmax or Sigmoid node after
// the ensemble (splitTreePost), which the ensemble's label does not need:
// both are monotone.
func init() {
	gobRegister(&Trees{})
	for _, op := range []string{"TreeEnsembleClassifier", "TreeEnsembleRegressor"} {
		Register("ai.onnx.ml."+op, &Spec{Float: treesFloat, Lower: treesLower})
	}
}

type treeNode struct {
	feature     int
	mode        string // BRANCH_LT, ..., LEAF
	value       float64
	true, false int // node indices; -1 for a leaf
}

type vote struct {
	target int
	weight float64
}

// ensemble is a parsed tree ensemble.
type ensemble struct {
	nodes      []treeNode
	roots      []int
	votes      map[int][]vote
	targets    int
	base       []float64
	agg        string
	classifier bool
	labels     []int64
	binary     bool   // one score column expanded to two
	post       string // the post_transform the ensemble was exported with
}

func isTrees(n *graph.Node) bool {
	return n.Domain == "ai.onnx.ml" && (n.Op == "TreeEnsembleClassifier" || n.Op == "TreeEnsembleRegressor")
}

// floatsOrTensor reads a float list given as name or name_as_tensor.
func floatsOrTensor(n *graph.Node, name string) []float64 {
	if v := n.Floats(name, nil); v != nil {
		return v
	}
	if a, ok := n.Attrs[name+"_as_tensor"]; ok && a.Kind == graph.AttrTensor && a.Tensor != nil {
		return a.Tensor.Data
	}
	return nil
}

func parseEnsemble(n *graph.Node) (*ensemble, error) {
	e := &ensemble{classifier: n.Op == "TreeEnsembleClassifier", votes: map[int][]vote{}, agg: n.Str("aggregate_function", "SUM")}
	e.post = n.Str("_post", n.Str("post_transform", "NONE"))
	treeIDs, nodeIDs := n.Ints("nodes_treeids", nil), n.Ints("nodes_nodeids", nil)
	feats, modes, vals := n.Ints("nodes_featureids", nil), n.Strs("nodes_modes", nil), floatsOrTensor(n, "nodes_values")
	trues, falses := n.Ints("nodes_truenodeids", nil), n.Ints("nodes_falsenodeids", nil)
	k := len(nodeIDs)
	if k == 0 {
		return nil, errf("the ensemble has no nodes")
	}
	for name, l := range map[string]int{"nodes_treeids": len(treeIDs), "nodes_featureids": len(feats), "nodes_modes": len(modes), "nodes_values": len(vals), "nodes_truenodeids": len(trues), "nodes_falsenodeids": len(falses)} {
		if l != k {
			return nil, errf("attribute %s has %d entries, nodes_nodeids %d", name, l, k)
		}
	}
	type key struct{ tree, node int }
	index := map[key]int{}
	root := map[int]int{}
	var trees []int
	for i := range k {
		kk := key{treeIDs[i], nodeIDs[i]}
		if _, dup := index[kk]; dup {
			return nil, errf("tree %d has node id %d twice", kk.tree, kk.node)
		}
		index[kk] = i
		if _, seen := root[treeIDs[i]]; !seen {
			root[treeIDs[i]] = i
			trees = append(trees, treeIDs[i])
		}
	}
	sort.Ints(trees)
	for _, t := range trees {
		e.roots = append(e.roots, root[t])
	}
	e.nodes = make([]treeNode, k)
	for i := range k {
		nd := treeNode{feature: feats[i], mode: modes[i], value: vals[i], true: -1, false: -1}
		switch nd.mode {
		case "LEAF":
		case "BRANCH_LT", "BRANCH_LEQ", "BRANCH_GT", "BRANCH_GTE", "BRANCH_EQ", "BRANCH_NEQ":
			var ok bool
			if nd.true, ok = index[key{treeIDs[i], trues[i]}]; !ok {
				return nil, errf("tree %d node %d: true child %d does not exist", treeIDs[i], nodeIDs[i], trues[i])
			}
			if nd.false, ok = index[key{treeIDs[i], falses[i]}]; !ok {
				return nil, errf("tree %d node %d: false child %d does not exist", treeIDs[i], nodeIDs[i], falses[i])
			}
			if nd.feature < 0 {
				return nil, errf("tree %d node %d: feature %d", treeIDs[i], nodeIDs[i], nd.feature)
			}
		default:
			return nil, errf("tree %d node %d: nodes_modes %q is not a tree ensemble mode", treeIDs[i], nodeIDs[i], nd.mode)
		}
		e.nodes[i] = nd
	}
	// every node has one parent and every tree is a tree: the indicator
	// construction relies on it
	parent := make([]int, k)
	for i := range parent {
		parent[i] = -1
	}
	for i, nd := range e.nodes {
		for _, c := range []int{nd.true, nd.false} {
			if c < 0 {
				continue
			}
			if parent[c] >= 0 || c == i || treeIDs[c] != treeIDs[i] {
				return nil, errf("tree %d node %d is reached twice; the trees must be trees", treeIDs[c], nodeIDs[c])
			}
			parent[c] = i
		}
	}
	isRoot := map[int]bool{}
	for _, r := range e.roots {
		if parent[r] >= 0 {
			return nil, errf("tree %d: its first node %d is not its root", treeIDs[r], nodeIDs[r])
		}
		isRoot[r] = true
	}
	for i := range parent {
		if parent[i] < 0 && !isRoot[i] {
			return nil, errf("tree %d node %d is reached from no node of its tree", treeIDs[i], nodeIDs[i])
		}
	}
	prefix := "target"
	if e.classifier {
		prefix = "class"
	}
	vt, vn, vi, vw := n.Ints(prefix+"_treeids", nil), n.Ints(prefix+"_nodeids", nil), n.Ints(prefix+"_ids", nil), floatsOrTensor(n, prefix+"_weights")
	if len(vt) != len(vn) || len(vt) != len(vi) || len(vt) != len(vw) {
		return nil, errf("the %s_treeids, _nodeids, _ids and _weights lists differ in length", prefix)
	}
	if e.classifier {
		if n.Has("classlabels_strings") {
			return nil, errf("string class labels (classlabels_strings) have no numeric output to prove; export with classlabels_int64s")
		}
		for _, v := range n.Ints("classlabels_int64s", nil) {
			e.labels = append(e.labels, int64(v))
		}
		if len(e.labels) == 0 {
			return nil, errf("classlabels_int64s is empty")
		}
		e.targets = len(e.labels)
		ids := map[int]bool{}
		for _, c := range vi {
			ids[c] = true
		}
		e.binary = len(ids) == 1 && len(e.labels) <= 2
		if e.binary && len(e.labels) == 1 {
			return nil, errf("a single class label is not supported")
		}
	} else {
		e.targets = int(n.Int("n_targets", 1))
	}
	for i := range vt {
		nd, ok := index[key{vt[i], vn[i]}]
		if !ok {
			return nil, errf("%s weight %d is for tree %d node %d, which does not exist", prefix, i, vt[i], vn[i])
		}
		if e.nodes[nd].mode != "LEAF" {
			return nil, errf("%s weight %d is for tree %d node %d, which is not a leaf", prefix, i, vt[i], vn[i])
		}
		if vi[i] < 0 || vi[i] >= e.targets {
			return nil, errf("%s weight %d is for target %d of %d", prefix, i, vi[i], e.targets)
		}
		e.votes[nd] = append(e.votes[nd], vote{vi[i], vw[i]})
	}
	e.base = floatsOrTensor(n, "base_values")
	if len(e.base) != 0 && len(e.base) != e.targets && !(e.binary && len(e.base) == 1) {
		return nil, errf("base_values has %d entries for %d targets", len(e.base), e.targets)
	}
	switch e.agg {
	case "SUM", "AVERAGE":
	case "MIN", "MAX":
		for i, nd := range e.nodes {
			if nd.mode != "LEAF" {
				continue
			}
			seen := map[int]bool{}
			for _, v := range e.votes[i] {
				seen[v.target] = true
			}
			if len(seen) != e.targets || len(e.votes[i]) != e.targets {
				return nil, errf("aggregate_function %s needs every leaf to vote once for every target; a leaf of tree %d does not", e.agg, treeIDs[i])
			}
		}
	default:
		return nil, errf("aggregate_function %q is not SUM, AVERAGE, MIN or MAX", e.agg)
	}
	return e, nil
}

// treeMax is the largest |weight| any leaf of the tree under r gives target t.
func (e *ensemble) treeMax(r, t int) float64 {
	nd := e.nodes[r]
	if nd.mode != "LEAF" {
		return math.Max(e.treeMax(nd.true, t), e.treeMax(nd.false, t))
	}
	m := 0.0
	for _, v := range e.votes[r] {
		if v.target == t {
			m += math.Abs(v.weight)
		}
	}
	return m
}

// branch is the float rule of a node.
func (nd treeNode) branch(x float64) bool {
	switch nd.mode {
	case "BRANCH_LEQ":
		return x <= nd.value
	case "BRANCH_LT":
		return x < nd.value
	case "BRANCH_GTE":
		return x >= nd.value
	case "BRANCH_GT":
		return x > nd.value
	case "BRANCH_EQ":
		return x == nd.value
	default: // BRANCH_NEQ
		return x != nd.value
	}
}

// columns is the number of score columns.
func (e *ensemble) columns() int {
	if e.binary {
		return 2
	}
	return e.targets
}

// scores computes one row's scores in floats as ONNX's reference does.
func (e *ensemble) scores(x []float64) ([]float64, error) {
	res := make([]float64, e.targets)
	if e.agg == "MIN" || e.agg == "MAX" {
		for t := range res {
			res[t] = math.Inf(map[string]int{"MIN": 1, "MAX": -1}[e.agg])
		}
	}
	for _, r := range e.roots {
		i := r
		for e.nodes[i].mode != "LEAF" {
			nd := e.nodes[i]
			if nd.feature >= len(x) {
				return nil, errf("a node reads feature %d of %d", nd.feature, len(x))
			}
			if nd.branch(x[nd.feature]) {
				i = nd.true
			} else {
				i = nd.false
			}
		}
		for _, v := range e.votes[i] {
			switch e.agg {
			case "MIN":
				res[v.target] = math.Min(res[v.target], v.weight)
			case "MAX":
				res[v.target] = math.Max(res[v.target], v.weight)
			default:
				res[v.target] += v.weight
			}
		}
	}
	if e.agg == "AVERAGE" {
		for t := range res {
			res[t] /= float64(len(e.roots))
		}
	}
	if !e.binary {
		for t := range res {
			if t < len(e.base) {
				res[t] += e.base[t]
			}
		}
		return res, nil
	}
	s := res[0]
	if len(e.base) > 0 {
		s += e.base[len(e.base)-1]
	}
	if e.post == "NONE" || e.post == "PROBIT" {
		return []float64{1 - s, s}, nil
	}
	return []float64{-s, s}, nil
}

func (e *ensemble) features(n *graph.Node, x tensor.Shape) (rows, feats int, err error) {
	switch len(x) {
	case 1:
		rows, feats = 1, x[0]
	case 2:
		rows, feats = x[0], x[1]
	default:
		return 0, 0, errf("input shape %v: a tree ensemble reads [N, features]", x)
	}
	for i, nd := range e.nodes {
		if nd.mode != "LEAF" && nd.feature >= feats {
			return 0, 0, errf("node %d reads feature %d of %d", i, nd.feature, feats)
		}
	}
	return rows, feats, nil
}

func treesFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 1); err != nil {
		return nil, err
	}
	e, err := parseEnsemble(n)
	if err != nil {
		return nil, err
	}
	if p := n.Str("post_transform", "NONE"); p != "NONE" {
		return nil, errf("post_transform %s is applied by a node of its own (the graph was not prepared)", p)
	}
	rows, feats, err := e.features(n, in[0].Shape)
	if err != nil {
		return nil, err
	}
	cols := e.columns()
	scores := tensor.New(tensor.Shape{rows, cols})
	label := tensor.New(tensor.Shape{rows})
	for r := range rows {
		s, err := e.scores(in[0].Data[r*feats : (r+1)*feats])
		if err != nil {
			return nil, err
		}
		copy(scores.Data[r*cols:], s)
		if !e.classifier {
			continue
		}
		best := 0
		for c := range s {
			if s[c] > s[best] {
				best = c
			}
		}
		label.Data[r] = float64(e.labels[best])
	}
	if !e.classifier {
		return []*tensor.T{scores}, nil
	}
	return []*tensor.T{label, scores}, nil
}

// splitTreePost rewrites an ensemble with post_transform SOFTMAX or LOGISTIC
// into the ensemble with NONE and a Softmax (axis 1) or Sigmoid node on its
// scores.
func splitTreePost(g *graph.Graph) (*graph.Graph, error) {
	var nodes []*graph.Node
	changed := false
	for _, n := range g.Nodes {
		post := n.Str("post_transform", "NONE")
		if !isTrees(n) || post == "NONE" {
			nodes = append(nodes, n)
			continue
		}
		var op string
		switch post {
		case "SOFTMAX":
			op = "Softmax"
		case "LOGISTIC":
			op = "Sigmoid"
		default:
			return nil, nodeErr(n, "post_transform %s is not supported (NONE, SOFTMAX and LOGISTIC are)", post)
		}
		scoreOut := len(n.Outputs) - 1 // the classifier's second output, the regressor's only one
		cp := *n
		cp.Attrs = make(map[string]graph.Attr, len(n.Attrs)+1)
		for k, v := range n.Attrs {
			cp.Attrs[k] = v
		}
		cp.Attrs["post_transform"] = graph.Attr{Kind: graph.AttrString, Str: "NONE"}
		cp.Attrs["_post"] = graph.Attr{Kind: graph.AttrString, Str: post}
		cp.Outputs = append([]string(nil), n.Outputs...)
		final := cp.Outputs[scoreOut]
		raw := final + "/raw"
		cp.Outputs[scoreOut] = raw
		pn := &graph.Node{Name: n.Name + "/" + op, Op: op, Inputs: []string{raw}, Outputs: []string{final},
			Attrs: map[string]graph.Attr{"axis": {Kind: graph.AttrInt, Int: 1}}}
		nodes = append(nodes, &cp, pn)
		changed = true
	}
	if !changed {
		return g, nil
	}
	out := *g
	out.Nodes = nodes
	return &out, nil
}
