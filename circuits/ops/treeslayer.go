package ops

import (
	"fmt"
	"math"

	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Trees is the integer form of an ensemble. The internal nodes are in
// Order (parents before children); node i tests
// MulA[i] x[row, Feature[i]] - K[i] < 0 (Eq: == 0, with Not negated).
type Trees struct {
	LayerBase
	Rows, Features int
	Cols           int
	Feature        []int32
	MulA           []int8
	K              []int64
	Eq, Not        []bool
	True, False    []int32
	Order          []int32
	Roots          []int32
	// Leaves and their weights at the output's scale: leaf Leaf[v] adds
	// W[v] to column Col[v] (MIN/MAX: is that tree's value there).
	Leaf    []int32
	Col     []int32
	W       []int64
	Bias    []int64 // per column (the base values), at the output's scale
	Agg     string
	Bits    int // the input's width
	DBits   int // the comparisons' width
	OutBits int
	// Threshold and Frac are the float thresholds and the input's frac, for
	// the near-threshold report of compile.
	Threshold []float64
	Frac      int
}

func treesLower(n *graph.Node, b *Builder) error {
	e, err := parseEnsemble(n)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	id, x, err := b.Tensor(n.Inputs[0])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	rows, feats, err := e.features(n, x.Shape)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	cols := e.columns()
	l := &Trees{LayerBase: LayerBase{In: []int{id}}, Rows: rows, Features: feats, Cols: cols, Agg: e.agg, Bits: x.Bits, Frac: x.Frac}
	wscale := 1.0
	if e.agg == "AVERAGE" {
		wscale = 1 / float64(len(e.roots))
	}
	// the output's scale: what the scores can reach (the base, plus each
	// tree's largest weight per column), not only what calibration saw
	bound := 1.0 // a binary classifier's 1 - s
	for t := range e.targets {
		col := 0.0
		if t < len(e.base) {
			col = math.Abs(e.base[t])
		}
		if e.binary && len(e.base) > 0 {
			col = math.Abs(e.base[len(e.base)-1])
		}
		for _, r := range e.roots {
			col += e.treeMax(r, t) * wscale
		}
		bound = math.Max(bound, col+1)
	}
	frac := fracFor(bound, b.Cfg.ActBits, 0)
	scale := math.Ldexp(1, frac)
	l.OutBits = b.Cfg.ActBits
	// nodes in order: a walk from every root, parents first
	var km int64
	for _, r := range e.roots {
		l.Roots = append(l.Roots, int32(r))
		stack := []int{r}
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			nd := e.nodes[i]
			if nd.mode == "LEAF" {
				for _, v := range e.votes[i] {
					col := v.target
					if e.binary {
						col = 1
					}
					l.Leaf = append(l.Leaf, int32(i))
					l.Col = append(l.Col, int32(col))
					l.W = append(l.W, int64(math.Round(v.weight*wscale*scale)))
				}
				continue
			}
			op := map[string]string{"BRANCH_LT": "Less", "BRANCH_LEQ": "LessOrEqual", "BRANCH_GT": "Greater", "BRANCH_GTE": "GreaterOrEqual", "BRANCH_EQ": "Equal", "BRANCH_NEQ": "Equal"}[nd.mode]
			mul := int8(1)
			if op == "Greater" || op == "GreaterOrEqual" {
				mul = -1
			}
			k := threshold(op, nd.value, x.Frac, x.Bits)
			if op == "Equal" && k == noEqual {
				k = int64(1)<<(x.Bits-1) + 3
			}
			km = max(km, k, -k)
			l.Order = append(l.Order, int32(i))
			l.Feature = append(l.Feature, int32(nd.feature))
			l.MulA = append(l.MulA, mul)
			l.K = append(l.K, k)
			l.Eq = append(l.Eq, op == "Equal")
			l.Not = append(l.Not, nd.mode == "BRANCH_NEQ")
			l.True = append(l.True, int32(nd.true))
			l.False = append(l.False, int32(nd.false))
			l.Threshold = append(l.Threshold, nd.value)
			stack = append(stack, nd.false, nd.true)
		}
	}
	l.DBits = diffBits(1, x.Bits, 0, 0, km)
	l.Bias = make([]int64, cols)
	for t := range cols {
		switch {
		case e.binary && len(e.base) > 0:
			if t == 1 {
				l.Bias[t] = int64(math.Round(e.base[len(e.base)-1] * scale))
			}
		case t < len(e.base):
			l.Bias[t] = int64(math.Round(e.base[t] * scale))
		}
	}
	if e.binary {
		l.Agg = "BINARY-" + e.post // scores [1 - s, s] or [-s, s]
		if e.post == "NONE" || e.post == "PROBIT" {
			l.Bias[0] = int64(math.Round(scale))
		}
	}
	scores := n.Outputs[len(n.Outputs)-1]
	b.Emit(n, l, scores, tensor.Shape{rows, cols}, frac, b.Cfg.ActBits)
	if !e.classifier {
		return nil
	}
	// label = classlabels[argmax(scores)]
	sid := b.ids[scores]
	am := &ArgMax{LayerBase: LayerBase{In: []int{sid}}, Bits: b.Cfg.ActBits, Off: []int32{0}}
	for r := range rows {
		for c := range cols {
			am.Idx = append(am.Idx, int32(r*cols+c))
		}
		am.Off = append(am.Off, int32(len(am.Idx)))
	}
	identity := true
	for i, v := range e.labels {
		identity = identity && v == int64(i)
	}
	label := n.Outputs[0]
	if identity {
		b.Emit(n, am, label, tensor.Shape{rows}, 0, signedBits(0, int64(cols)))
		return nil
	}
	idx := label + "/index"
	b.Emit(n, am, idx, tensor.Shape{rows}, 0, signedBits(0, int64(cols)))
	var lo, hi int64
	for _, v := range e.labels {
		lo, hi = min(lo, v), max(hi, v)
	}
	sel := &Select{LayerBase: LayerBase{In: []int{b.ids[idx]}}, Data: e.labels, Dim: int32(len(e.labels)), Stride: 1, Start: make([]int32, rows), Pos: make([]int32, rows)}
	for r := range rows {
		sel.Pos[r] = int32(r)
	}
	if rows > 1 {
		sel.Bound = true
	}
	b.Emit(n, sel, label, tensor.Shape{rows}, 0, signedBits(lo, hi))
	return nil
}

// branches returns the bit of every internal node for one row.
func (l *Trees) branches(x []int64) []bool {
	bits := make([]bool, len(l.Order))
	for i := range l.Order {
		d := int64(l.MulA[i])*x[l.Feature[i]] - l.K[i]
		if l.Eq[i] {
			bits[i] = (d == 0) != l.Not[i]
		} else {
			bits[i] = d < 0
		}
	}
	return bits
}

// Eval implements Layer.
func (l *Trees) Eval(in [][]int64) ([]int64, error) {
	out := make([]int64, l.Rows*l.Cols)
	pos := make(map[int32]int, len(l.Order))
	for i, v := range l.Order {
		pos[v] = i
	}
	for r := range l.Rows {
		x := in[0][r*l.Features : (r+1)*l.Features]
		bits := l.branches(x)
		reached := map[int32]bool{}
		for _, root := range l.Roots {
			v := root
			for {
				i, internal := pos[v]
				if !internal {
					break
				}
				if bits[i] {
					v = l.True[i]
				} else {
					v = l.False[i]
				}
			}
			reached[v] = true
		}
		row := out[r*l.Cols : (r+1)*l.Cols]
		first := make([]bool, l.Cols)
		for j, leaf := range l.Leaf {
			if !reached[leaf] {
				continue
			}
			c := l.Col[j]
			switch {
			case l.Agg == "MIN" && (!first[c] || l.W[j] < row[c]), l.Agg == "MAX" && (!first[c] || l.W[j] > row[c]):
				row[c] = l.W[j]
			case l.Agg != "MIN" && l.Agg != "MAX":
				row[c] += l.W[j]
			}
			first[c] = true
		}
		for c := range row {
			row[c] += l.Bias[c]
		}
		switch l.Agg {
		case "BINARY-NONE", "BINARY-PROBIT":
			row[0] = l.Bias[0] - row[1]
		case "BINARY-SOFTMAX", "BINARY-LOGISTIC":
			row[0] = -row[1]
		}
	}
	return out, nil
}

// Define implements Layer.
func (l *Trees) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	out := make([]frontend.Variable, l.Rows*l.Cols)
	for r := range l.Rows {
		x := in[0][r*l.Features : (r+1)*l.Features]
		ind := map[int32]frontend.Variable{}
		root := map[int32]bool{}
		for _, r := range l.Roots {
			ind[r], root[r] = 1, true
		}
		for i, v := range l.Order {
			d := api.Sub(api.Mul(x[l.Feature[i]], int64(l.MulA[i])), l.K[i])
			var bit frontend.Variable
			if l.Eq[i] {
				bit = api.IsZero(d)
				if l.Not[i] {
					bit = api.Sub(1, bit)
				}
			} else {
				bit = c.IsNegative(d, l.DBits)
			}
			p := ind[v]
			t := bit // a root's true child: 1 times the bit
			if !root[v] {
				t = api.Mul(p, bit)
			}
			ind[l.True[i]] = t
			ind[l.False[i]] = api.Sub(p, t)
		}
		row := make([]frontend.Variable, l.Cols)
		if l.Agg == "MIN" || l.Agg == "MAX" {
			// each tree's value per column, then the extreme over the trees
			perTree := make([][]frontend.Variable, l.Cols)
			byTree := l.treeOfLeaf()
			vals := map[[2]int32]frontend.Variable{}
			for j, leaf := range l.Leaf {
				k := [2]int32{byTree[leaf], l.Col[j]}
				if vals[k] == nil {
					vals[k] = frontend.Variable(0)
				}
				vals[k] = api.Add(vals[k], api.Mul(ind[leaf], l.W[j]))
			}
			for t := range l.Roots {
				for col := range l.Cols {
					if v := vals[[2]int32{int32(t), int32(col)}]; v != nil {
						if l.Agg == "MIN" {
							v = api.Neg(v)
						}
						perTree[col] = append(perTree[col], v)
					}
				}
			}
			for col := range l.Cols {
				m := c.Max(perTree[col], l.OutBits)
				if l.Agg == "MIN" {
					m = api.Neg(m)
				}
				row[col] = m
			}
		} else {
			for col := range row {
				row[col] = frontend.Variable(0)
			}
			for j, leaf := range l.Leaf {
				row[l.Col[j]] = api.Add(row[l.Col[j]], api.Mul(ind[leaf], l.W[j]))
			}
		}
		for col := range row {
			row[col] = api.Add(row[col], l.Bias[col])
		}
		switch l.Agg {
		case "BINARY-NONE", "BINARY-PROBIT":
			row[0] = api.Sub(l.Bias[0], row[1])
		case "BINARY-SOFTMAX", "BINARY-LOGISTIC":
			row[0] = api.Neg(row[1])
		}
		copy(out[r*l.Cols:], row)
	}
	return out
}

// treeOfLeaf maps every node to the index of its tree.
func (l *Trees) treeOfLeaf() map[int32]int32 {
	tree := map[int32]int32{}
	for t, r := range l.Roots {
		tree[r] = int32(t)
	}
	for i, v := range l.Order {
		tree[l.True[i]] = tree[v]
		tree[l.False[i]] = tree[v]
	}
	return tree
}

// NearThresholds reports the comparisons of one calibration row x (floats,
// the input's values) that land within one quantum of their threshold: the
// fixed point may branch there differently from the float model.
func (l *Trees) NearThresholds(x []float64) []string {
	var out []string
	q := math.Ldexp(1, -l.Frac)
	for r := range l.Rows {
		for i := range l.Order {
			v := x[r*l.Features+int(l.Feature[i])]
			if math.Abs(v-l.Threshold[i]) < q && v != l.Threshold[i] {
				out = append(out, fmt.Sprintf("row %d, feature %d = %g is within one quantum (%g) of threshold %g", r, l.Feature[i], v, q, l.Threshold[i]))
			}
		}
	}
	return out
}
