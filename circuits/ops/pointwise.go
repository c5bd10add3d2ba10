package ops

import (
	"math"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// fusePointwise replaces each elementwise region around a table operator
// (Erf, Tanh, Sigmoid, Exp, Gelu) that reads one activation x — its other
// operands scalar constants — by one table of the whole region's function
// of x (zkml.Pointwise). GELU as exporters write it, x (1 + erf(x / sqrt 2))
// / 2 in five nodes, becomes one lookup; so do SiLU, x sigmoid(x), and the
// tanh approximation's chain. A region already needs a table's precision,
// so one table of the same width is no less exact, and it saves a rescale
// and a range check per node per element.
func fusePointwise(g *graph.Graph) {
	consumers := map[string][]*graph.Node{}
	for _, n := range g.Nodes {
		for _, in := range n.Inputs {
			consumers[in] = append(consumers[in], n)
		}
	}
	outputs := map[string]bool{}
	for _, o := range g.Outputs {
		outputs[o.Name] = true
	}
	prod := producers(g)
	scalar := func(name string) bool {
		c := g.Consts[name]
		return c != nil && len(c.Data) == 1
	}
	// step reports whether n is elementwise in x: every input is x, a value
	// the region computes, or a scalar constant, and at least one is not a
	// constant.
	step := func(n *graph.Node, x string, region map[string]bool) bool {
		switch n.Op {
		case "Add", "Sub", "Mul", "Div", "Neg", "Relu", "Erf", "Tanh", "Sigmoid", "Exp", "Gelu", "Abs":
		default:
			return false
		}
		if n.Domain != "" || len(n.Outputs) != 1 || n.Int("_relu", 0) != 0 {
			return false
		}
		live := false
		for _, in := range n.Inputs {
			switch {
			case in == x || region[in]:
				live = true
			case scalar(in):
			default:
				return false
			}
		}
		return live
	}
	single := func(name string) bool { return len(consumers[name]) == 1 && !outputs[name] }
	fused := map[*graph.Node]bool{}
	replace := map[*graph.Node]*graph.Node{} // last node of a region -> the fused node
	for _, t := range g.Nodes {
		if fused[t] || !isTable(t.Op) || t.Domain != "" {
			continue
		}
		// backwards: the steps that lead from x to the table
		chain := []*graph.Node{t}
		x := t.Inputs[0]
		for {
			p := prod[x]
			if p == nil || fused[p] || !single(x) {
				break
			}
			var src string
			for _, in := range p.Inputs {
				if !scalar(in) {
					src = in
				}
			}
			if src == "" || !step(p, src, nil) {
				break
			}
			chain = append([]*graph.Node{p}, chain...)
			x = src
		}
		if g.Consts[x] != nil {
			continue
		}
		region := map[string]bool{}
		for _, n := range chain {
			region[n.Outputs[0]] = true
		}
		// forwards: consumers that read only x, the region and scalars
		last := t
		for single(last.Outputs[0]) {
			next := consumers[last.Outputs[0]][0]
			if fused[next] || !step(next, x, region) {
				break
			}
			// every region value it reads must have no other reader
			ok := true
			for _, in := range next.Inputs {
				if region[in] && in != last.Outputs[0] {
					ok = false
				}
			}
			if !ok {
				break
			}
			chain = append(chain, next)
			region[next.Outputs[0]] = true
			last = next
		}
		if len(chain) < 2 {
			continue
		}
		sub := &graph.Graph{Inputs: []graph.Value{{Name: x}}, Outputs: []graph.Value{{Name: last.Outputs[0]}}, Consts: map[string]*tensor.T{}, Nodes: chain}
		for _, n := range chain {
			for _, in := range n.Inputs {
				if scalar(in) {
					sub.Consts[in] = g.Consts[in]
				}
			}
			fused[n] = true
		}
		replace[last] = &graph.Node{Name: t.Name + "/pointwise", Op: "Pointwise", Domain: "zkml", Inputs: []string{x}, Outputs: []string{last.Outputs[0]},
			Attrs: map[string]graph.Attr{"body": {Kind: graph.AttrGraph, Graphs: []*graph.Graph{sub}}}}
	}
	splice(g, replace, fused)
}

// splice puts each fused node where the last node it replaces was, and
// drops the other nodes it absorbed (removed).
func splice(g *graph.Graph, replace map[*graph.Node]*graph.Node, removed map[*graph.Node]bool) {
	if len(replace) == 0 {
		return
	}
	var nodes []*graph.Node
	for _, n := range g.Nodes {
		if f := replace[n]; f != nil {
			nodes = append(nodes, f)
		} else if !removed[n] {
			nodes = append(nodes, n)
		}
	}
	g.Nodes = nodes
}

func isTable(op string) bool {
	switch op {
	case "Erf", "Tanh", "Sigmoid", "Exp", "Gelu":
		return true
	}
	return false
}

// pointwiseBody is a fused region's body taking an input of shape s.
func pointwiseBody(n *graph.Node, s tensor.Shape) *graph.Graph {
	body := *n.Attrs["body"].Graphs[0]
	body.Inputs = []graph.Value{{Name: body.Inputs[0].Name, Shape: s, DType: DTFloat}}
	return &body
}

// evalPointwise runs a fused region on x.
func evalPointwise(n *graph.Node, x *tensor.T) (*tensor.T, error) {
	body := pointwiseBody(n, x.Shape)
	vals, err := Run(body, []*tensor.T{x})
	if err != nil {
		return nil, err
	}
	return vals[body.Outputs[0].Name], nil
}

func init() {
	Register("zkml.Pointwise", &Spec{
		Float: func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
			if err := need(n, in, 1); err != nil {
				return nil, err
			}
			y, err := evalPointwise(n, in[0])
			if err != nil {
				return nil, err
			}
			return []*tensor.T{y}, nil
		},
		Lower: func(n *graph.Node, b *Builder) error {
			return tableLower(func(v float64) float64 {
				y, err := evalPointwise(n, tensor.Scalar(v))
				if err != nil || math.IsNaN(y.Data[0]) {
					return 0 // the body is elementwise and was evaluated in calibration: no error here
				}
				return y.Data[0]
			})(n, b)
		},
	})
}
