package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// fuseNormPattern rewrites the normalization older exporters write out,
//
//	mean = ReduceMean(x, axes, keepdims=1)     (LayerNorm only)
//	d    = Sub(x, mean)                        (LayerNorm only; else d = x)
//	sq   = Pow(d, 2) or Mul(d, d)
//	var  = ReduceMean(sq, axes, keepdims=1)
//	ve   = Add(var, eps)                       (eps a scalar constant)
//	std  = Sqrt(ve)
//	n    = Div(d, std)
//	s    = Mul(n, gamma)                       (optional; gamma constant)
//	y    = Add(s, beta)                        (optional; beta constant)
//
// with axes the trailing axes from some axis on, into one LayerNormalization
// (or RMSNormalization, without the mean) node, which lowers to one Norm
// layer. It fuses only where every intermediate is read by the pattern alone
// and is no graph output; where mean or d is read elsewhere, the rest still
// fuses as the RMSNormalization of d. Constants must be folded (it runs
// after fold, before expandNormalization expands the Pow).
func fuseNormPattern(g *graph.Graph) error {
	has := false
	for _, n := range g.Nodes {
		has = has || n.Op == "Sqrt"
	}
	if !has {
		return nil
	}
	shapes, err := Shapes(g)
	if err != nil {
		return err
	}
	for changed := true; changed; {
		changed = false
		prod, uses := producers(g), g.Consumers()
		only := soleReader(g)
		for _, sq := range g.Nodes {
			m, ok := matchNorm(g, sq, shapes, prod, uses, only)
			if !ok {
				continue
			}
			splice(g, map[*graph.Node]*graph.Node{m.last: m.node}, m.drop)
			changed = true
			break
		}
	}
	return nil
}

type normMatch struct {
	node *graph.Node          // the LayerNormalization or RMSNormalization
	last *graph.Node          // the pattern's last node, where it goes
	drop map[*graph.Node]bool // the pattern's nodes
}

// matchNorm matches the pattern whose square is sq.
func matchNorm(g *graph.Graph, sq *graph.Node, shapes map[string]tensor.Shape, prod map[string]*graph.Node, uses map[string]int,
	only func(string, int) *graph.Node) (normMatch, bool) {
	var none normMatch
	var d string
	dUses := 0 // reads of d by the square
	switch {
	case isDomain(sq, "Pow") && len(sq.Inputs) == 2:
		e := g.Consts[sq.Inputs[1]]
		if e == nil || len(e.Data) != 1 || e.Data[0] != 2 {
			return none, false
		}
		d, dUses = sq.Inputs[0], 1
	case isDomain(sq, "Mul") && len(sq.Inputs) == 2 && sq.Inputs[0] == sq.Inputs[1]:
		d, dUses = sq.Inputs[0], 2
	default:
		return none, false
	}
	if g.Consts[d] != nil {
		return none, false
	}
	xs := shapes[d]
	rank := len(xs)
	v := only(sq.Outputs[0], 1)
	if !isDomain(v, "ReduceMean") {
		return none, false
	}
	axis, ok := trailingAxes(g, v, rank)
	if !ok {
		return none, false
	}
	ve := only(v.Outputs[0], 1)
	if !isDomain(ve, "Add") || len(ve.Inputs) != 2 {
		return none, false
	}
	epsName := ve.Inputs[1]
	if ve.Inputs[1] == v.Outputs[0] {
		epsName = ve.Inputs[0]
	} else if ve.Inputs[0] != v.Outputs[0] {
		return none, false
	}
	eps := g.Consts[epsName]
	if eps == nil || len(eps.Data) != 1 || len(eps.Shape) > rank || !(eps.Data[0] >= 0) {
		return none, false
	}
	std := only(ve.Outputs[0], 1)
	if !isDomain(std, "Sqrt") {
		return none, false
	}
	div := only(std.Outputs[0], 1)
	if !isDomain(div, "Div") || len(div.Inputs) != 2 || div.Inputs[0] != d || div.Inputs[1] != std.Outputs[0] {
		return none, false
	}
	drop := map[*graph.Node]bool{sq: true, v: true, ve: true, std: true, div: true}
	// LayerNorm: d = x - mean(x) over the same axes, read by the pattern alone
	op, x := "RMSNormalization", d
	if sub := prod[d]; isDomain(sub, "Sub") && len(sub.Inputs) == 2 && uses[d] == dUses+1 && !g.IsOutput(d) {
		if mean := prod[sub.Inputs[1]]; isDomain(mean, "ReduceMean") && mean.Inputs[0] == sub.Inputs[0] && sub.Inputs[0] != sub.Inputs[1] &&
			uses[mean.Outputs[0]] == 1 && !g.IsOutput(mean.Outputs[0]) && shapes[sub.Inputs[0]].Equal(xs) {
			if a, ok := trailingAxes(g, mean, rank); ok && a == axis {
				op, x = "LayerNormalization", sub.Inputs[0]
				drop[sub], drop[mean] = true, true
			}
		}
	}
	// the scale and bias: constants that vary along the normalized axes only
	last, out := div, div.Outputs[0]
	inner := tensor.Shape(xs[axis:])
	var gamma, beta *tensor.T
	operand := func(n *graph.Node) *tensor.T {
		if len(n.Inputs) != 2 {
			return nil
		}
		var c string
		switch out {
		case n.Inputs[0]:
			c = n.Inputs[1]
		case n.Inputs[1]:
			c = n.Inputs[0]
		default:
			return nil
		}
		return trailingConst(g.Consts[c], inner, rank)
	}
	if n := only(out, 1); isDomain(n, "Mul") {
		if gamma = operand(n); gamma != nil {
			last, out = n, n.Outputs[0]
			drop[n] = true
		}
	}
	if n := only(out, 1); isDomain(n, "Add") {
		if beta = operand(n); beta != nil {
			last, out = n, n.Outputs[0]
			drop[n] = true
		}
	}
	if gamma == nil {
		gamma = tensor.New(inner)
		for j := range gamma.Data {
			gamma.Data[j] = 1
		}
	}
	base := last.Outputs[0]
	g.Consts[base+"/norm-scale"] = gamma
	in := []string{x, base + "/norm-scale"}
	if beta != nil {
		g.Consts[base+"/norm-bias"] = beta
		in = append(in, base+"/norm-bias")
	}
	name := div.Name
	if name == "" {
		name = base
	}
	node := &graph.Node{Name: name + "/fused", Op: op, Inputs: in, Outputs: []string{out}, Attrs: map[string]graph.Attr{
		"axis":    {Kind: graph.AttrInt, Int: int64(axis)},
		"epsilon": {Kind: graph.AttrFloat, Float: eps.Data[0]},
	}}
	return normMatch{node: node, last: last, drop: drop}, true
}

// trailingAxes returns the first axis of a ReduceMean with keepdims over the
// axes from some axis to the last of a rank-rank input.
func trailingAxes(g *graph.Graph, n *graph.Node, rank int) (int, bool) {
	if n.Int("keepdims", 1) != 1 || rank == 0 {
		return 0, false
	}
	var consts []*tensor.T
	if n.Input(1) != "" {
		c := g.Consts[n.Input(1)]
		if c == nil {
			return 0, false
		}
		consts = []*tensor.T{nil, c}
	}
	red, err := reduceAxes(n, rank, consts)
	if err != nil {
		return 0, false
	}
	axis := rank
	for axis > 0 && red[axis-1] {
		axis--
	}
	for d := 0; d < axis; d++ {
		if red[d] {
			return 0, false
		}
	}
	return axis, axis < rank
}

// trailingConst returns c as a tensor of the normalized shape inner when it
// broadcasts to it without widening the output: its dimensions before the
// normalized axes are 1, and it has no more of them than the input's rank
// (a higher rank would raise the output's).
func trailingConst(c *tensor.T, inner tensor.Shape, rank int) *tensor.T {
	if c == nil || len(c.Shape) > rank {
		return nil
	}
	s := c.Shape
	for len(s) > len(inner) {
		if s[0] != 1 {
			return nil
		}
		s = s[1:]
	}
	bs, err := tensor.BroadcastShape(s, inner)
	if err != nil || !bs.Equal(inner) {
		return nil
	}
	out := tensor.New(inner)
	for j, k := range tensor.BroadcastIndex(s, inner) {
		out.Data[j] = c.Data[k]
	}
	return out
}
