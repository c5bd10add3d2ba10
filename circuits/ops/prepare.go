package ops

import (
	"errors"
	"fmt"
	"strings"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Run evaluates the graph in floats and returns every tensor by name.
func Run(g *graph.Graph, inputs []*tensor.T) (map[string]*tensor.T, error) {
	if len(inputs) != len(g.Inputs) {
		return nil, fmt.Errorf("model has %d inputs, got %d", len(g.Inputs), len(inputs))
	}
	vals := make(map[string]*tensor.T, len(g.Consts)+len(g.Nodes))
	for k, v := range g.Consts {
		vals[k] = v
	}
	for i, in := range g.Inputs {
		if in.Shape.Size() != len(inputs[i].Data) {
			return nil, fmt.Errorf("input %d (%s) has %d values, shape %v needs %d", i, in.Name, len(inputs[i].Data), in.Shape, in.Shape.Size())
		}
		vals[in.Name] = inputs[i]
	}
	for _, n := range g.Nodes {
		in := make([]*tensor.T, len(n.Inputs))
		for i, name := range n.Inputs {
			if name == "" {
				continue
			}
			v, ok := vals[name]
			if !ok {
				return nil, &NodeError{Node: n.Label(), Err: fmt.Errorf("input %q is not computed before this node", name)}
			}
			in[i] = v
		}
		out, pre, err := evalNode(n, in)
		if err != nil {
			return nil, err
		}
		if pre != nil {
			vals[PreRelu(n.Outputs[0])] = pre
		}
		for i, name := range n.Outputs {
			if i < len(out) && name != "" {
				vals[name] = out[i]
			}
		}
	}
	return vals, nil
}

// Check lists every node whose operator is not supported, in one error.
func Check(g *graph.Graph) error {
	var errs []string
	for _, n := range g.Nodes {
		if _, err := Lookup(n); err != nil {
			errs = append(errs, fmt.Sprintf("node %s: operator %q", n.Label(), err.(*UnsupportedError).Op))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w:\n  %s\nsupported operators: %s", ErrUnsupported, strings.Join(errs, "\n  "), strings.Join(Supported(), ", "))
	}
	return nil
}

// ErrUnsupported is wrapped by Check when a model uses an operator with no circuit.
var ErrUnsupported = errors.New("the model uses unsupported operators")

// Prepare readies an imported graph for quantization: it folds every node whose
// inputs are constants (including Shape chains, since shapes are static), rewrites
// Gemm and MatMul with constant weights to zkml.Dense, folds bias adds, constant
// scales and BatchNormalization into the Dense or Conv before them, and fuses
// each Relu into the layer that produces its input. It returns the static shape
// of every tensor.
func Prepare(g *graph.Graph) (*graph.Graph, map[string]tensor.Shape, error) {
	if err := Check(g); err != nil {
		return nil, nil, err
	}
	g, err := unrollRecurrent(g)
	if err != nil {
		return nil, nil, err
	}
	if g, err = splitTreePost(g); err != nil {
		return nil, nil, err
	}
	out := &graph.Graph{Inputs: g.Inputs, Outputs: g.Outputs, Consts: map[string]*tensor.T{}, Opset: g.Opset}
	for k, v := range g.Consts {
		out.Consts[k] = v
	}
	if err := fold(g, out); err != nil {
		return nil, nil, err
	}
	if err := fuseNormPattern(out); err != nil {
		return nil, nil, err
	}
	if err := expandNormalization(out); err != nil {
		return nil, nil, err
	}
	if err := lift1D(out); err != nil {
		return nil, nil, err
	}
	if err := canonicalize(out); err != nil {
		return nil, nil, err
	}
	if err := fuseAttention(out); err != nil {
		return nil, nil, err
	}
	fusePointwise(out)
	fuseAffine(out)
	reluAfterPool(out)
	fuseRelu(out)
	shapes, err := Shapes(out)
	if err != nil {
		return nil, nil, err
	}
	for i, o := range out.Outputs {
		out.Outputs[i].Shape = shapes[o.Name]
	}
	return out, shapes, nil
}

// Shapes runs the graph on zero inputs and records every tensor's shape.
func Shapes(g *graph.Graph) (map[string]tensor.Shape, error) {
	zeros := make([]*tensor.T, len(g.Inputs))
	for i, in := range g.Inputs {
		zeros[i] = tensor.New(in.Shape)
	}
	vals, err := Run(g, zeros)
	if err != nil {
		return nil, err
	}
	shapes := make(map[string]tensor.Shape, len(vals))
	for k, v := range vals {
		shapes[k] = v.Shape
	}
	return shapes, nil
}

// fold evaluates g on zero inputs and moves every node whose value does not
// depend on the inputs into out.Consts; the other nodes go to out.Nodes.
func fold(g, out *graph.Graph) error {
	vals := map[string]*tensor.T{}
	isConst := map[string]bool{}
	for k, v := range g.Consts {
		vals[k], isConst[k] = v, true
	}
	for _, in := range g.Inputs {
		vals[in.Name] = tensor.New(in.Shape)
	}
	for _, n := range g.Nodes {
		in := make([]*tensor.T, len(n.Inputs))
		allConst := true
		for i, name := range n.Inputs {
			if name == "" {
				continue
			}
			v, ok := vals[name]
			if !ok {
				return &NodeError{Node: n.Label(), Err: fmt.Errorf("input %q is not computed before this node", name)}
			}
			in[i] = v
			allConst = allConst && isConst[name]
		}
		res, err := EvalNode(n, in)
		if err != nil {
			return err
		}
		folds := allConst || n.Op == "Shape"
		for i, name := range n.Outputs {
			if i >= len(res) || name == "" {
				continue
			}
			vals[name] = res[i]
			if folds {
				isConst[name] = true
				out.Consts[name] = res[i]
			}
		}
		if !folds {
			cp := *n // later passes rewrite nodes; leave the caller's graph alone
			cp.Inputs = append([]string(nil), n.Inputs...)
			cp.Outputs = append([]string(nil), n.Outputs...)
			cp.Attrs = make(map[string]graph.Attr, len(n.Attrs))
			for k, v := range n.Attrs {
				cp.Attrs[k] = v
			}
			out.Nodes = append(out.Nodes, &cp)
		}
	}
	return nil
}

// gemmOfActivations writes Gemm(A, B, C) with B an activation as
// alpha (A' B') + beta C, A' and B' transposed as transA and transB say.
func gemmOfActivations(g *graph.Graph, n *graph.Node) []*graph.Node {
	out := n.Outputs[0]
	var nodes []*graph.Node
	attrs := func() map[string]graph.Attr { return map[string]graph.Attr{} }
	operand := func(name, suffix string, trans bool) string {
		if !trans {
			return name
		}
		t := out + "/" + suffix + "^T"
		nodes = append(nodes, &graph.Node{Name: t, Op: "Transpose", Inputs: []string{name}, Outputs: []string{t},
			Attrs: map[string]graph.Attr{"perm": {Kind: graph.AttrInts, Ints: []int64{1, 0}}}})
		return t
	}
	a := operand(n.Input(0), "A", n.Int("transA", 0) != 0)
	b := operand(n.Input(1), "B", n.Int("transB", 0) != 0)
	alpha, beta := n.Float("alpha", 1), n.Float("beta", 1)
	c := n.Input(2)
	prod := out
	if alpha != 1 || c != "" {
		prod = out + "/AB"
	}
	nodes = append(nodes, &graph.Node{Name: n.Name, Op: "MatMul", Inputs: []string{a, b}, Outputs: []string{prod}, Attrs: attrs()})
	scaled := prod
	if alpha != 1 {
		scaled = out
		if c != "" {
			scaled = out + "/alphaAB"
		}
		g.Consts[out+"/alpha"] = tensor.Scalar(alpha)
		nodes = append(nodes, &graph.Node{Name: out + "/alpha", Op: "Mul", Inputs: []string{prod, out + "/alpha"}, Outputs: []string{scaled}, Attrs: attrs()})
	}
	if c != "" {
		if ct := g.Consts[c]; ct != nil {
			cb := tensor.New(ct.Shape)
			for j := range cb.Data {
				cb.Data[j] = beta * ct.Data[j]
			}
			g.Consts[out+"/C"] = cb
			c = out + "/C"
		} else if beta != 1 {
			g.Consts[out+"/beta"] = tensor.Scalar(beta)
			nodes = append(nodes, &graph.Node{Name: out + "/betaC", Op: "Mul", Inputs: []string{c, out + "/beta"}, Outputs: []string{out + "/betaC"}, Attrs: attrs()})
			c = out + "/betaC"
		}
		nodes = append(nodes, &graph.Node{Name: out + "/C", Op: "Add", Inputs: []string{scaled, c}, Outputs: []string{out}, Attrs: attrs()})
	}
	return nodes
}

// canonicalize rewrites Gemm and MatMul with a constant right-hand side to
// zkml.Dense (W as [N, K], bias [N]).
func canonicalize(g *graph.Graph) error {
	var nodes []*graph.Node // with a Gemm's transpose before it and its matrix bias after
	for _, n := range g.Nodes {
		var after *graph.Node
		switch n.Op {
		case "Gemm":
			w := g.Consts[n.Input(1)]
			if w == nil { // B an activation: transposes, a MatMul of two activations, the scales and C
				nodes = append(nodes, gemmOfActivations(g, n)...)
				continue
			}
			if n.Int("transA", 0) != 0 { // A^T B: transpose the activation first (an index map, free)
				at := n.Outputs[0] + "/A^T"
				nodes = append(nodes, &graph.Node{Name: at, Op: "Transpose", Inputs: []string{n.Input(0)}, Outputs: []string{at},
					Attrs: map[string]graph.Attr{"perm": {Kind: graph.AttrInts, Ints: []int64{1, 0}}}})
				n.Inputs = append([]string{at}, n.Inputs[1:]...)
			}
			k, nn := w.Shape[0], w.Shape[1]
			if n.Int("transB", 0) == 1 {
				k, nn = nn, k
			}
			alpha, beta := n.Float("alpha", 1), n.Float("beta", 1)
			wt := tensor.New(tensor.Shape{nn, k})
			for j := 0; j < nn; j++ {
				for t := 0; t < k; t++ {
					v := w.Data[t*nn+j]
					if n.Int("transB", 0) == 1 {
						v = w.Data[j*k+t]
					}
					wt.Data[j*k+t] = alpha * v
				}
			}
			var bias *tensor.T
			if c := n.Input(2); c != "" {
				ct := g.Consts[c]
				if ct == nil { // C an activation: beta C added after the product
					out := n.Outputs[0]
					if beta != 1 {
						g.Consts[out+"/beta"] = tensor.Scalar(beta)
						nodes = append(nodes, &graph.Node{Name: out + "/betaC", Op: "Mul", Inputs: []string{c, out + "/beta"}, Outputs: []string{out + "/betaC"}, Attrs: map[string]graph.Attr{}})
						c = out + "/betaC"
					}
					n.Outputs = []string{out + "/AB"}
					after = &graph.Node{Name: out, Op: "Add", Inputs: []string{out + "/AB", c}, Outputs: []string{out}, Attrs: map[string]graph.Attr{}}
				} else if ct.Shape.Size() == nn || ct.Shape.Size() == 1 {
					bias = tensor.New(tensor.Shape{nn})
					for j := range bias.Data {
						bias.Data[j] = beta * ct.Data[j%ct.Shape.Size()]
					}
				} else {
					// a bias per output element (C broadcast to [M, N]): an Add
					// of the constant after the product
					cb := tensor.New(ct.Shape)
					for j := range cb.Data {
						cb.Data[j] = beta * ct.Data[j]
					}
					out := n.Outputs[0]
					g.Consts[out+"/C"] = cb
					n.Outputs = []string{out + "/AB"}
					after = &graph.Node{Name: out, Op: "Add", Inputs: []string{out + "/AB", out + "/C"}, Outputs: []string{out}, Attrs: map[string]graph.Attr{}}
				}
			}
			toDense(g, n, wt, bias)
		case "MatMul":
			w := g.Consts[n.Input(1)]
			if w == nil || len(w.Shape) != 2 || g.Consts[n.Input(0)] != nil {
				break // a batch of matrices, a constant left-hand side or two activations: lowered as MatMul
			}
			k, nn := w.Shape[0], w.Shape[1]
			wt := tensor.New(tensor.Shape{nn, k})
			for t := 0; t < k; t++ {
				for j := 0; j < nn; j++ {
					wt.Data[j*k+t] = w.Data[t*nn+j]
				}
			}
			toDense(g, n, wt, nil)
		}
		nodes = append(nodes, n)
		if after != nil {
			nodes = append(nodes, after)
		}
	}
	g.Nodes = nodes
	return nil
}

func toDense(g *graph.Graph, n *graph.Node, w, bias *tensor.T) {
	base := n.Outputs[0]
	g.Consts[base+"/W"] = w
	inputs := []string{n.Inputs[0], base + "/W"}
	if bias != nil {
		g.Consts[base+"/b"] = bias
		inputs = append(inputs, base+"/b")
	}
	n.Op, n.Domain, n.Inputs = "Dense", "zkml", inputs
	n.Attrs = map[string]graph.Attr{}
}

// producers maps every tensor to the node that writes it.
func producers(g *graph.Graph) map[string]*graph.Node {
	p := map[string]*graph.Node{}
	for _, n := range g.Nodes {
		for _, o := range n.Outputs {
			p[o] = n
		}
	}
	return p
}

// soleReader returns, for g as it stands, the node that alone reads a
// tensor, reads times (a square reads its operand twice), where the tensor
// is no graph output; nil otherwise. The fusions use it to take in an
// intermediate only when nothing else sees it.
func soleReader(g *graph.Graph) func(name string, reads int) *graph.Node {
	uses := g.Consumers()
	readers := map[string][]*graph.Node{}
	for _, n := range g.Nodes {
		for _, in := range n.Inputs {
			if in != "" {
				readers[in] = append(readers[in], n)
			}
		}
	}
	return func(name string, reads int) *graph.Node {
		if uses[name] != reads || g.IsOutput(name) || len(readers[name]) == 0 {
			return nil
		}
		r := readers[name][0]
		for _, o := range readers[name] {
			if o != r {
				return nil
			}
		}
		return r
	}
}

// isDomain reports whether n is the standard ONNX operator op.
func isDomain(n *graph.Node, op string) bool {
	return n != nil && n.Op == op && (n.Domain == "" || n.Domain == "ai.onnx")
}

// fuseAffine folds an elementwise affine step with constant, per-feature
// operands (Add, Sub, Mul, Div, BatchNormalization) into the Dense or Conv
// before it.
func fuseAffine(g *graph.Graph) {
	for changed := true; changed; {
		changed = false
		prod, uses := producers(g), g.Consumers()
		for i, n := range g.Nodes {
			x := n.Input(0)
			if (n.Op == "Add" || n.Op == "Mul") && len(n.Inputs) == 2 && g.Consts[x] != nil && g.Consts[n.Inputs[1]] == nil {
				x = n.Inputs[1] // Add(bias, x), as PyTorch exports a Linear over 3-D inputs
			}
			p := prod[x]
			if len(n.Inputs) == 0 || p == nil || uses[x] != 1 || g.IsOutput(x) || p.Int("_relu", 0) == 1 {
				continue
			}
			if !(p.Domain == "zkml" && p.Op == "Dense") && p.Op != "Conv" {
				continue
			}
			outShape := shapeOfLinear(g, p)
			if outShape == nil {
				continue
			}
			axis := len(outShape) - 1
			if p.Op == "Conv" {
				axis = 1
			}
			a, c, ok := featureAffine(g, n, outShape, axis)
			if !ok {
				continue
			}
			foldInto(g, p, a, c)
			p.Outputs[0] = n.Outputs[0]
			g.Nodes = append(g.Nodes[:i:i], g.Nodes[i+1:]...)
			changed = true
			break
		}
	}
}

// shapeOfLinear infers the output shape of a Dense or Conv node.
func shapeOfLinear(g *graph.Graph, p *graph.Node) tensor.Shape {
	shapes, err := Shapes(g)
	if err != nil {
		return nil
	}
	return shapes[p.Outputs[0]]
}

// featureAffine returns per-feature (a, c) with n(x) = a_f x + c_f when n is an
// elementwise step whose constant operands vary only along axis of shape.
func featureAffine(g *graph.Graph, n *graph.Node, shape tensor.Shape, axis int) (a, c []float64, ok bool) {
	feat := shape[axis]
	a, c = make([]float64, feat), make([]float64, feat)
	for f := range a {
		a[f] = 1
	}
	perFeature := func(t *tensor.T) ([]float64, bool) {
		bs, err := tensor.BroadcastShape(shape, t.Shape)
		if err != nil || !bs.Equal(shape) {
			return nil, false
		}
		idx := tensor.BroadcastIndex(t.Shape, shape)
		inner := tensor.Shape(shape[axis+1:]).Size()
		v := make([]float64, feat)
		seen := make([]bool, feat)
		for j, i := range idx {
			f := (j / inner) % feat
			if seen[f] && v[f] != t.Data[i] {
				return nil, false
			}
			v[f], seen[f] = t.Data[i], true
		}
		return v, true
	}
	switch n.Op {
	case "Add", "Sub", "Mul", "Div":
		if len(n.Inputs) != 2 {
			return nil, nil, false
		}
		k := g.Consts[n.Inputs[1]]
		if k == nil && (n.Op == "Add" || n.Op == "Mul") {
			k = g.Consts[n.Inputs[0]] // commutative: the constant may come first
		}
		if k == nil {
			return nil, nil, false
		}
		v, ok := perFeature(k)
		if !ok {
			return nil, nil, false
		}
		for f := range v {
			switch n.Op {
			case "Add":
				c[f] = v[f]
			case "Sub":
				c[f] = -v[f]
			case "Mul":
				a[f] = v[f]
			case "Div":
				if v[f] == 0 {
					return nil, nil, false
				}
				a[f] = 1 / v[f]
			}
		}
		return a, c, true
	case "BatchNormalization":
		if axis != 1 && !(len(shape) == 2 && axis == 1) {
			return nil, nil, false
		}
		in := []*tensor.T{tensor.New(nil)}
		for i := 1; i < 5; i++ {
			t := g.Consts[n.Input(i)]
			if t == nil {
				return nil, nil, false
			}
			in = append(in, t)
		}
		a, c, err := bnAffine(n, in)
		if err != nil || len(a) != feat {
			return nil, nil, false
		}
		return a, c, true
	}
	return nil, nil, false
}

// foldInto scales the weights of feature f by a_f and sets bias_f = a_f bias_f + c_f.
func foldInto(g *graph.Graph, p *graph.Node, a, c []float64) {
	w := g.Consts[p.Inputs[1]]
	nw := &tensor.T{Shape: w.Shape.Clone(), Data: append([]float64(nil), w.Data...)}
	per := len(w.Data) / len(a)
	for f := range a {
		for i := f * per; i < (f+1)*per; i++ {
			nw.Data[i] *= a[f]
		}
	}
	bias := tensor.New(tensor.Shape{len(a)})
	if old := g.Consts[p.Input(2)]; old != nil {
		copy(bias.Data, old.Data)
	}
	for f := range a {
		bias.Data[f] = a[f]*bias.Data[f] + c[f]
	}
	name := p.Outputs[0] + "/fold"
	g.Consts[name+"/W"], g.Consts[name+"/b"] = nw, bias
	p.Inputs = []string{p.Inputs[0], name + "/W", name + "/b"}
}

// fuseRelu marks the producer of each Relu's input, when it can absorb it.
func fuseRelu(g *graph.Graph) {
	prod, uses := producers(g), g.Consumers()
	var kept []*graph.Node
	for _, n := range g.Nodes {
		if n.Op == "Relu" && n.Domain == "" {
			p := prod[n.Input(0)]
			if p != nil && uses[n.Input(0)] == 1 && !g.IsOutput(n.Input(0)) && p.Int("_relu", 0) == 0 {
				if s, err := Lookup(p); err == nil && s.FusesRelu {
					p.Attrs["_relu"] = graph.Attr{Kind: graph.AttrInt, Int: 1}
					p.Outputs[0] = n.Outputs[0]
					prod[n.Outputs[0]] = p
					continue
				}
			}
		}
		kept = append(kept, n)
	}
	g.Nodes = kept
}

// reluAfterPool rewrites X -> Relu -> MaxPool as X -> MaxPool(relu): ReLU and
// max commute, and the pooled tensor is several times smaller, so the ReLU
// costs one window candidate per pooled value instead of a sign per input.
func reluAfterPool(g *graph.Graph) {
	uses := g.Consumers()
	byInput := map[string]*graph.Node{}
	for _, n := range g.Nodes {
		for _, in := range n.Inputs {
			byInput[in] = n
		}
	}
	var kept []*graph.Node
	for _, n := range g.Nodes {
		if n.Op == "Relu" && n.Domain == "" && uses[n.Outputs[0]] == 1 && !g.IsOutput(n.Outputs[0]) {
			if p := byInput[n.Outputs[0]]; p != nil && p.Op == "MaxPool" && p.Int("_relu", 0) == 0 && p.Input(0) == n.Outputs[0] {
				p.Inputs[0] = n.Inputs[0]
				p.Attrs["_relu"] = graph.Attr{Kind: graph.AttrInt, Int: 1}
				continue
			}
		}
		kept = append(kept, n)
	}
	g.Nodes = kept
}

// lift1D rewrites 1-D Conv, MaxPool and AveragePool (input [N, C, L]) as
// their 2-D forms on [N, C, 1, L]: an Unsqueeze before, a Squeeze after, the
// attributes and the weights given a unit height.
func lift1D(g *graph.Graph) error {
	shapes, err := Shapes(g)
	if err != nil {
		return err
	}
	var nodes []*graph.Node
	for _, n := range g.Nodes {
		if n.Domain != "" || (n.Op != "Conv" && n.Op != "MaxPool" && n.Op != "AveragePool") || len(shapes[n.Input(0)]) != 3 {
			nodes = append(nodes, n)
			continue
		}
		liftAttrs(n)
		in2, out2 := n.Inputs[0]+"/2d", n.Outputs[0]+"/2d"
		axis := graph.Attr{Kind: graph.AttrInts, Ints: []int64{2}}
		nodes = append(nodes, &graph.Node{Name: n.Name + "/unsqueeze", Op: "Unsqueeze", Inputs: []string{n.Inputs[0]}, Outputs: []string{in2}, Attrs: map[string]graph.Attr{"axes": axis}})
		if n.Op == "Conv" {
			w := g.Consts[n.Input(1)]
			if w == nil || len(w.Shape) != 3 {
				return nodeErr(n, "1-D convolution weights must be a constant of rank 3")
			}
			name := n.Outputs[0] + "/W2d"
			g.Consts[name] = &tensor.T{Shape: tensor.Shape{w.Shape[0], w.Shape[1], 1, w.Shape[2]}, Data: w.Data}
			n.Inputs[1] = name
		}
		final := n.Outputs[0]
		n.Inputs[0], n.Outputs[0] = in2, out2
		nodes = append(nodes, n, &graph.Node{Name: n.Name + "/squeeze", Op: "Squeeze", Inputs: []string{out2}, Outputs: []string{final}, Attrs: map[string]graph.Attr{"axes": axis}})
	}
	g.Nodes = nodes
	return nil
}

// liftAttrs gives the window attributes of a 1-D node a unit height.
func liftAttrs(n *graph.Node) {
	for _, name := range []string{"kernel_shape", "strides", "dilations", "pads"} {
		v := n.Ints(name, nil)
		if v == nil {
			continue
		}
		out := []int64{1, int64(v[0])}
		if name == "pads" {
			out = []int64{0, int64(v[0]), 0, int64(v[len(v)/2])}
		}
		n.Attrs[name] = graph.Attr{Kind: graph.AttrInts, Ints: out}
	}
}

// float1D lets a 2-D window operator evaluate a 1-D node ([N, C, L] input) as
// lift1D will rewrite it.
func float1D(f FloatFunc) FloatFunc {
	return func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
		if len(in) == 0 || in[0] == nil || len(in[0].Shape) != 3 {
			return f(n, in)
		}
		cp := *n
		cp.Attrs = make(map[string]graph.Attr, len(n.Attrs))
		for k, v := range n.Attrs {
			cp.Attrs[k] = v
		}
		liftAttrs(&cp)
		args := append([]*tensor.T(nil), in...)
		x := in[0]
		args[0] = &tensor.T{Shape: tensor.Shape{x.Shape[0], x.Shape[1], 1, x.Shape[2]}, Data: x.Data}
		if n.Op == "Conv" && len(in) > 1 && in[1] != nil && len(in[1].Shape) == 3 {
			w := in[1]
			args[1] = &tensor.T{Shape: tensor.Shape{w.Shape[0], w.Shape[1], 1, w.Shape[2]}, Data: w.Data}
		}
		out, err := f(&cp, args)
		if err != nil {
			return nil, err
		}
		o := out[0]
		out[0] = &tensor.T{Shape: tensor.Shape{o.Shape[0], o.Shape[1], o.Shape[3]}, Data: o.Data}
		return out, nil
	}
}
