package ops

import (
	"math"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// maskFill is the largest additive mask value (or Where fill) read as
// "masked": exp(-1e4) is 0 in float64, so the float model gives it no
// weight either.
const maskFill = -1e4

// fuseAttention replaces MatMul(Q, K^T) -> [Mul or Div by a scalar
// constant] -> [Where(constant condition, ., fill) or Add(constant mask)] ->
// Softmax(last axis) -> MatMul(., V) by one zkml.Attention, where every
// intermediate feeds only the next step, Q, K^T and V are activations, the
// mask is constant (fill at or below -1e4, -inf included) and no row is
// wholly masked. Anything else stays as it is.
func fuseAttention(g *graph.Graph) error {
	has := false
	for _, n := range g.Nodes {
		has = has || isDomain(n, "Softmax")
	}
	if !has {
		return nil
	}
	shapes, err := Shapes(g)
	if err != nil {
		return err
	}
	prod, sole := producers(g), soleReader(g)
	next := func(name string) *graph.Node { return sole(name, 1) }
	scalar := func(name string) (float64, bool) {
		c := g.Consts[name]
		if c == nil || len(c.Data) != 1 {
			return 0, false
		}
		return c.Data[0], true
	}
	act := func(name string) bool { return g.Consts[name] == nil }
	removed := map[*graph.Node]bool{}
	replace := map[*graph.Node]*graph.Node{}
	for _, sm := range g.Nodes {
		if !isDomain(sm, "Softmax") || len(sm.Outputs) != 1 {
			continue
		}
		x := sm.Inputs[0]
		rank := len(shapes[x])
		if _, _, inner, err := softmaxAxis(sm, shapes[x]); err != nil || inner != 1 {
			continue
		}
		if a := sm.Int("axis", 1); g.Opset < 13 && a != -1 && int(a) != rank-1 {
			continue // before opset 13 Softmax flattens from its axis (default 1) on
		}
		pv := next(sm.Outputs[0])
		if !isDomain(pv, "MatMul") || pv.Inputs[0] != sm.Outputs[0] || !act(pv.Inputs[1]) {
			continue
		}
		chain := []*graph.Node{sm, pv}
		head := sm         // the node that reads x
		var mask *tensor.T // 1 where masked
		p := prod[x]
		if p != nil && next(x) == head {
			switch {
			case isDomain(p, "Where") && len(p.Inputs) == 3 && g.Consts[p.Input(0)] != nil:
				cond := g.Consts[p.Inputs[0]]
				if f, ok := scalar(p.Inputs[1]); ok && f <= maskFill && act(p.Inputs[2]) {
					mask, x = maskOf(cond, func(v float64) bool { return v != 0 }), p.Inputs[2]
				} else if f, ok := scalar(p.Inputs[2]); ok && f <= maskFill && act(p.Inputs[1]) {
					mask, x = maskOf(cond, func(v float64) bool { return v == 0 }), p.Inputs[1]
				}
			case isDomain(p, "Add") && len(p.Inputs) == 2:
				i := 0 // the constant operand
				if g.Consts[p.Inputs[0]] == nil {
					i = 1
				}
				if c := g.Consts[p.Inputs[i]]; c != nil && act(p.Inputs[1-i]) && isMask(c) {
					mask, x = maskOf(c, func(v float64) bool { return v <= maskFill }), p.Inputs[1-i]
				}
			}
			if mask != nil {
				chain, head = append(chain, p), p
				p = prod[x]
			}
		}
		scale := 1.0
		if p != nil && next(x) == head && len(p.Inputs) == 2 {
			if c, ok := scalar(p.Inputs[1]); ok && (isDomain(p, "Mul") || (isDomain(p, "Div") && c != 0)) && act(p.Inputs[0]) {
				scale = c
				if p.Op == "Div" {
					scale = 1 / c
				}
				chain, head, x = append(chain, p), p, p.Inputs[0]
			} else if c, ok := scalar(p.Inputs[0]); ok && isDomain(p, "Mul") && act(p.Inputs[1]) {
				scale = c
				chain, head, x = append(chain, p), p, p.Inputs[1]
			}
			p = prod[x]
		}
		if !isDomain(p, "MatMul") || next(x) != head || !act(p.Inputs[0]) || !act(p.Inputs[1]) {
			continue
		}
		if math.IsNaN(scale) || math.IsInf(scale, 0) || scale == 0 {
			continue
		}
		geo, ok := attentionGeom(shapes[p.Inputs[0]], shapes[p.Inputs[1]], shapes[pv.Inputs[1]])
		if !ok {
			continue
		}
		chain = append(chain, p)
		sshape := append(geo.batch.Clone(), geo.m, geo.n)
		// a scale or fill of a higher rank broadcasts the scores up: the
		// fused layer's shapes must be the model's
		if !shapes[sm.Inputs[0]].Equal(sshape) || !shapes[pv.Outputs[0]].Equal(append(geo.batch.Clone(), geo.m, geo.dv)) {
			continue
		}
		inputs := []string{p.Inputs[0], p.Inputs[1], pv.Inputs[1]}
		if mask != nil {
			full, ok := expandMask(mask, sshape)
			if !ok {
				continue
			}
			name := pv.Outputs[0] + "/attention_mask"
			g.Consts[name] = full
			inputs = append(inputs, name)
		}
		for _, n := range chain {
			removed[n] = true
		}
		replace[pv] = &graph.Node{Name: sm.Name + "/attention", Op: "Attention", Domain: "zkml", Inputs: inputs,
			Outputs: []string{pv.Outputs[0], pv.Outputs[0] + attnScores},
			Attrs:   map[string]graph.Attr{"scale": {Kind: graph.AttrFloat, Float: scale}}}
	}
	splice(g, replace, removed)
	return nil
}

// isMask reports whether an additive constant only masks: every entry 0 or
// at most maskFill.
func isMask(c *tensor.T) bool {
	for _, v := range c.Data {
		if v != 0 && !(v <= maskFill) {
			return false
		}
	}
	return true
}

// maskOf is 1 where masked(v) holds.
func maskOf(c *tensor.T, masked func(float64) bool) *tensor.T {
	m := tensor.New(c.Shape)
	for i, v := range c.Data {
		if masked(v) {
			m.Data[i] = 1
		}
	}
	return m
}

// expandMask broadcasts a mask to the scores' shape; it fails where the
// shapes do not broadcast or a row is wholly masked (its float softmax is
// NaN).
func expandMask(m *tensor.T, shape tensor.Shape) (*tensor.T, bool) {
	if b, err := tensor.BroadcastShape(m.Shape, shape); err != nil || !b.Equal(shape) {
		return nil, false
	}
	idx := tensor.BroadcastIndex(m.Shape, shape)
	out := tensor.New(shape)
	n := shape[len(shape)-1]
	for r := 0; r < len(idx); r += n {
		all := true
		for j := range n {
			out.Data[r+j] = m.Data[idx[r+j]]
			all = all && out.Data[r+j] != 0
		}
		if all {
			return nil, false
		}
	}
	return out, true
}
