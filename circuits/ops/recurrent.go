package ops

import (
	"fmt"
	"strings"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Recurrent ops (RNN, LSTM, GRU) are unrolled over their static sequence
// length into the operators they are made of, before anything else runs on
// the graph: per step a Dense of the input and one of the hidden state
// (constant weights), their sum and bias, the gate activations (Sigmoid,
// Tanh tables, ...), the elementwise gate products of two activations
// (Binary Mul: one constraint each, exactly rescaled) and the state update.
// So calibration sees every gate, the integer reference and the circuit are
// those of the ops, and each gate's error shows per layer.
//
// Supported: directions forward, reverse and bidirectional; activations
// Sigmoid, Tanh, Relu, LeakyRelu, HardSigmoid, Affine with activation_alpha
// and activation_beta; clip; input_forget (LSTM); peepholes P (LSTM);
// linear_before_reset (GRU); layout 0 and 1; initial states (constants or
// computed); sequence_lens absent or equal to the sequence length.

func init() {
	for _, op := range []string{"RNN", "LSTM", "GRU"} {
		Register(op, &Spec{Float: recurrentNotExpanded, Lower: func(n *graph.Node, b *Builder) error {
			return nodeErr(n, "recurrent ops are unrolled before lowering")
		}})
	}
}

func recurrentNotExpanded(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	return nil, errf("%s is unrolled into its gates before evaluation (ops.Prepare)", n.Op)
}

// unroller emits the nodes of unrolled recurrent ops into a graph.
type unroller struct {
	g     *graph.Graph
	nodes []*graph.Node
	base  string // unique prefix of the node being unrolled
}

func (u *unroller) name(parts ...any) string {
	s := make([]string, len(parts))
	for i, p := range parts {
		s[i] = fmt.Sprint(p)
	}
	return u.base + "/" + strings.Join(s, "/")
}

// node appends a node and returns its output name.
func (u *unroller) node(op string, inputs []string, attrs map[string]graph.Attr, out string) string {
	if attrs == nil {
		attrs = map[string]graph.Attr{}
	}
	u.nodes = append(u.nodes, &graph.Node{Name: out, Op: op, Inputs: inputs, Outputs: []string{out}, Attrs: attrs})
	return out
}

func (u *unroller) konst(name string, t *tensor.T) string {
	u.g.Consts[name] = t
	return name
}

func ints(v ...int) *tensor.T {
	t := tensor.New(tensor.Shape{len(v)})
	for i, x := range v {
		t.Data[i] = float64(x)
	}
	return t
}

// gather selects indices [from, from+n) of axis.
func (u *unroller) gather(x string, axis, from, n int, out string) string {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = from + i
	}
	return u.node("Gather", []string{x, u.konst(out+"#idx", ints(idx...))}, map[string]graph.Attr{"axis": {Kind: graph.AttrInt, Int: int64(axis)}}, out)
}

func (u *unroller) reshape(x string, shape []int, out string) string {
	return u.node("Reshape", []string{x, u.konst(out+"#shape", ints(shape...))}, nil, out)
}

// activation is one of the recurrent op's activation functions.
type activation struct {
	name        string
	alpha, beta float64
}

func (u *unroller) act(a activation, x, out string) (string, error) {
	switch a.name {
	case "Sigmoid", "Tanh", "Relu":
		return u.node(a.name, []string{x}, nil, out), nil
	case "LeakyRelu":
		return u.node("LeakyRelu", []string{x}, map[string]graph.Attr{"alpha": {Kind: graph.AttrFloat, Float: a.alpha}}, out), nil
	case "HardSigmoid", "Affine":
		s := u.node("Mul", []string{x, u.konst(out+"#alpha", scalar(a.alpha))}, nil, out+"#scaled")
		y := u.node("Add", []string{s, u.konst(out+"#beta", scalar(a.beta))}, nil, out+"#shifted")
		if a.name == "Affine" {
			return u.node("Identity", []string{y}, nil, out), nil
		}
		return u.node("Clip", []string{y}, map[string]graph.Attr{"min": {Kind: graph.AttrFloat, Float: 0}, "max": {Kind: graph.AttrFloat, Float: 1}}, out), nil
	}
	return "", fmt.Errorf("activation %q is not supported (Sigmoid, Tanh, Relu, LeakyRelu, HardSigmoid, Affine are)", a.name)
}

func scalar(v float64) *tensor.T {
	t := tensor.New(tensor.Shape{1})
	t.Data[0] = v
	return t
}

// activations reads the activations attribute (defaults def per direction),
// with activation_alpha and activation_beta consumed in order by the
// activations that take them.
func activations(n *graph.Node, def []string, dirs int) ([]activation, error) {
	names := n.Strs("activations", nil)
	if names == nil {
		for range dirs {
			names = append(names, def...)
		}
	}
	if len(names) != len(def)*dirs {
		return nil, fmt.Errorf("activations lists %d functions, want %d (%d per direction)", len(names), len(def)*dirs, len(def))
	}
	alphas, betas := n.Floats("activation_alpha", nil), n.Floats("activation_beta", nil)
	ai, bi := 0, 0
	out := make([]activation, len(names))
	for i, nm := range names {
		a := activation{name: nm}
		defA, defB, takesA, takesB := 0.0, 0.0, false, false
		switch nm {
		case "LeakyRelu":
			defA, takesA = 0.01, true
		case "HardSigmoid":
			defA, defB, takesA, takesB = 0.2, 0.5, true, true
		case "Affine":
			defA, defB, takesA, takesB = 1, 0, true, true
		}
		a.alpha, a.beta = defA, defB
		if takesA && ai < len(alphas) {
			a.alpha, ai = alphas[ai], ai+1
		}
		if takesB && bi < len(betas) {
			a.beta, bi = betas[bi], bi+1
		}
		out[i] = a
	}
	return out, nil
}

// transpose2 returns m [rows, cols] (a slice of a weight tensor) transposed.
func transpose2(data []float64, rows, cols int) *tensor.T {
	t := tensor.New(tensor.Shape{cols, rows})
	for r := range rows {
		for c := range cols {
			t.Data[c*rows+r] = data[r*cols+c]
		}
	}
	return t
}

// isRecurrent reports whether n is an op unrollRecurrent rewrites.
func isRecurrent(n *graph.Node) bool {
	return n.Domain == "" && (n.Op == "RNN" || n.Op == "LSTM" || n.Op == "GRU")
}

// unrollRecurrent returns g with every RNN, LSTM and GRU node rewritten
// into its steps (g itself is left alone). Each is unrolled once the shapes
// before it are known: the nodes before it are evaluated on zero inputs.
func unrollRecurrent(g *graph.Graph) (*graph.Graph, error) {
	has := false
	for _, n := range g.Nodes {
		has = has || isRecurrent(n)
	}
	if !has {
		return g, nil
	}
	out := &graph.Graph{Inputs: g.Inputs, Outputs: g.Outputs, Consts: map[string]*tensor.T{}, Opset: g.Opset, Nodes: append([]*graph.Node(nil), g.Nodes...)}
	for k, v := range g.Consts {
		out.Consts[k] = v
	}
	for count := 0; ; count++ {
		i := -1
		for j, n := range out.Nodes {
			if isRecurrent(n) {
				i = j
				break
			}
		}
		if i < 0 {
			return out, nil
		}
		n := out.Nodes[i]
		vals, err := evalPrefix(out, i)
		if err != nil {
			return nil, err
		}
		shape := func(name string) (tensor.Shape, bool) {
			v, ok := vals[name]
			if !ok {
				return nil, false
			}
			return v.Shape, true
		}
		u := &unroller{g: out, base: fmt.Sprintf("%s#%d", strings.ReplaceAll(n.Label(), " ", ""), count)}
		if err := u.unroll(n, shape); err != nil {
			return nil, &NodeError{Node: n.Label(), Err: err}
		}
		out.Nodes = append(append(append([]*graph.Node(nil), out.Nodes[:i]...), u.nodes...), out.Nodes[i+1:]...)
	}
}

// evalPrefix evaluates the first k nodes of g on zero inputs.
func evalPrefix(g *graph.Graph, k int) (map[string]*tensor.T, error) {
	vals := map[string]*tensor.T{}
	for name, v := range g.Consts {
		vals[name] = v
	}
	for _, in := range g.Inputs {
		vals[in.Name] = tensor.New(in.Shape)
	}
	for _, n := range g.Nodes[:k] {
		in := make([]*tensor.T, len(n.Inputs))
		for i, name := range n.Inputs {
			if name != "" {
				in[i] = vals[name]
			}
		}
		res, err := EvalNode(n, in)
		if err != nil {
			return nil, err
		}
		for i, name := range n.Outputs {
			if i < len(res) && name != "" {
				vals[name] = res[i]
			}
		}
	}
	return vals, nil
}

func (u *unroller) unroll(n *graph.Node, shapes func(string) (tensor.Shape, bool)) error {
	gates := map[string]int{"RNN": 1, "LSTM": 4, "GRU": 3}[n.Op]
	defAct := map[string][]string{"RNN": {"Tanh"}, "LSTM": {"Sigmoid", "Tanh", "Tanh"}, "GRU": {"Sigmoid", "Tanh"}}[n.Op]
	xs, ok := shapes(n.Input(0))
	if !ok || len(xs) != 3 {
		return fmt.Errorf("input X needs a static 3-D shape, has %v", xs)
	}
	layout := n.Int("layout", 0)
	seq, batch, inSize := xs[0], xs[1], xs[2]
	x := n.Input(0)
	if layout == 1 {
		seq, batch = xs[1], xs[0]
		x = u.node("Transpose", []string{x}, map[string]graph.Attr{"perm": {Kind: graph.AttrInts, Ints: []int64{1, 0, 2}}}, u.name("X"))
	} else if layout != 0 {
		return fmt.Errorf("layout %d: want 0 or 1", layout)
	}
	H := int(n.Int("hidden_size", 0))
	W, R := u.g.Consts[n.Input(1)], u.g.Consts[n.Input(2)]
	if W == nil || R == nil {
		return fmt.Errorf("W and R must be constants (the weights)")
	}
	dirs := 1
	dir := n.Str("direction", "forward")
	switch dir {
	case "forward", "reverse":
	case "bidirectional":
		dirs = 2
	default:
		return fmt.Errorf("direction %q: want forward, reverse or bidirectional", dir)
	}
	if H <= 0 {
		H = W.Shape[1] / gates
	}
	if len(W.Shape) != 3 || W.Shape[0] != dirs || W.Shape[1] != gates*H || W.Shape[2] != inSize {
		return fmt.Errorf("W has shape %v, want [%d %d %d]", W.Shape, dirs, gates*H, inSize)
	}
	if len(R.Shape) != 3 || R.Shape[0] != dirs || R.Shape[1] != gates*H || R.Shape[2] != H {
		return fmt.Errorf("R has shape %v, want [%d %d %d]", R.Shape, dirs, gates*H, H)
	}
	var B *tensor.T
	if name := n.Input(3); name != "" {
		if B = u.g.Consts[name]; B == nil || B.Shape.Size() != dirs*2*gates*H {
			return fmt.Errorf("B must be a constant of %d values", dirs*2*gates*H)
		}
	}
	if name := n.Input(4); name != "" {
		l := u.g.Consts[name]
		if l == nil {
			return fmt.Errorf("sequence_lens must be a constant")
		}
		for _, v := range l.Data {
			if int(v) != seq {
				return fmt.Errorf("sequence_lens %v: only the full sequence length %d is supported", l.Data, seq)
			}
		}
	}
	var P *tensor.T
	if n.Op == "LSTM" && n.Input(7) != "" {
		if P = u.g.Consts[n.Input(7)]; P == nil || P.Shape.Size() != dirs*3*H {
			return fmt.Errorf("P (peepholes) must be a constant of %d values", dirs*3*H)
		}
	}
	acts, err := activations(n, defAct, dirs)
	if err != nil {
		return err
	}
	clip := n.Float("clip", 0)
	inputForget := n.Int("input_forget", 0) != 0
	lbr := n.Int("linear_before_reset", 0) != 0

	var ys, hs, cs []string
	for d := range dirs {
		reverse := dir == "reverse" || d == 1
		init := func(k int, what string) string {
			if name := n.Input(k); name != "" {
				return u.gather(name, 0, d, 1, u.name(d, what+"0"))
			}
			return u.konst(u.name(d, what+"0"), tensor.New(tensor.Shape{1, batch, H}))
		}
		h := u.reshape(init(5, "h"), []int{batch, H}, u.name(d, "h", "init"))
		var c string
		if n.Op == "LSTM" {
			c = u.reshape(init(6, "c"), []int{batch, H}, u.name(d, "c", "init"))
		}
		// weights per direction, transposed for x @ W^T: [in, gates*H], [H, gates*H]
		wT := u.konst(u.name(d, "W^T"), transpose2(W.Data[d*gates*H*inSize:(d+1)*gates*H*inSize], gates*H, inSize))
		rAll := R.Data[d*gates*H*H : (d+1)*gates*H*H]
		bias := func(k int) *tensor.T { // Wb (k=0) or Rb (k=1) of all gates
			t := tensor.New(tensor.Shape{gates * H})
			if B != nil {
				copy(t.Data, B.Data[d*2*gates*H+k*gates*H:d*2*gates*H+(k+1)*gates*H])
			}
			return t
		}
		wb, rb := bias(0), bias(1)
		a := acts[d*len(defAct) : (d+1)*len(defAct)]
		steps := make([]string, seq)
		for s := range seq {
			t := s
			if reverse {
				t = seq - 1 - s
			}
			xt := u.reshape(u.gather(x, 0, t, 1, u.name(d, t, "x")), []int{batch, inSize}, u.name(d, t, "xt"))
			xw := u.node("MatMul", []string{xt, wT}, nil, u.name(d, t, "xW"))
			xw = u.node("Add", []string{xw, u.konst(u.name(d, t, "Wb"), wb)}, nil, u.name(d, t, "xW+b"))
			switch n.Op {
			case "RNN":
				h, err = u.rnnStep(d, t, xw, h, rAll, rb, H, a, clip)
			case "LSTM":
				h, c, err = u.lstmStep(d, t, xw, h, c, rAll, rb, P, H, a, clip, inputForget)
			case "GRU":
				h, err = u.gruStep(d, t, xw, h, rAll, rb, H, a, clip, lbr)
			}
			if err != nil {
				return err
			}
			steps[t] = u.reshape(h, []int{1, 1, batch, H}, u.name(d, t, "y"))
		}
		ys = append(ys, u.node("Concat", steps, map[string]graph.Attr{"axis": {Kind: graph.AttrInt, Int: 0}}, u.name(d, "Y")))
		hs = append(hs, u.reshape(h, []int{1, batch, H}, u.name(d, "Yh")))
		if c != "" {
			cs = append(cs, u.reshape(c, []int{1, batch, H}, u.name(d, "Yc")))
		}
	}
	results := [][]string{ys, hs, cs}
	axes := []int64{1, 0, 0}
	for k, name := range n.Outputs {
		if name == "" || k >= len(results) || len(results[k]) == 0 {
			continue
		}
		joined := results[k][0]
		if len(results[k]) > 1 {
			joined = u.node("Concat", results[k], map[string]graph.Attr{"axis": {Kind: graph.AttrInt, Int: axes[k]}}, u.name("join", k))
		}
		if layout == 1 { // Y [batch, seq, dirs, H]; Y_h, Y_c [batch, dirs, H]
			perm := []int64{1, 0, 2}
			if k == 0 {
				perm = []int64{2, 0, 1, 3}
			}
			u.node("Transpose", []string{joined}, map[string]graph.Attr{"perm": {Kind: graph.AttrInts, Ints: perm}}, name)
		} else {
			u.node("Identity", []string{joined}, nil, name)
		}
	}
	return nil
}

// hr is h @ R_k^T + Rb_k for gate k (one Dense of the hidden state).
func (u *unroller) hr(d, t, k int, h string, rAll []float64, rb *tensor.T, H int, what string) string {
	rT := u.konst(u.name(d, t, "R^T", what), transpose2(rAll[k*H*H:(k+1)*H*H], H, H))
	m := u.node("MatMul", []string{h, rT}, nil, u.name(d, t, "hR", what))
	b := tensor.New(tensor.Shape{H})
	copy(b.Data, rb.Data[k*H:(k+1)*H])
	return u.node("Add", []string{m, u.konst(u.name(d, t, "Rb", what), b)}, nil, u.name(d, t, "hR+b", what))
}

// gate is activation a of pre (clipped to ±clip when clip > 0).
func (u *unroller) gate(a activation, pre string, clip float64, out string) (string, error) {
	if clip > 0 {
		pre = u.node("Clip", []string{pre}, map[string]graph.Attr{"min": {Kind: graph.AttrFloat, Float: -clip}, "max": {Kind: graph.AttrFloat, Float: clip}}, out+"#clip")
	}
	return u.act(a, pre, out)
}

func (u *unroller) add(a, b, out string) string { return u.node("Add", []string{a, b}, nil, out) }
func (u *unroller) mul(a, b, out string) string { return u.node("Mul", []string{a, b}, nil, out) }

func (u *unroller) rnnStep(d, t int, xw, h string, rAll []float64, rb *tensor.T, H int, a []activation, clip float64) (string, error) {
	pre := u.add(xw, u.hr(d, t, 0, h, rAll, rb, H, "i"), u.name(d, t, "pre"))
	return u.gate(a[0], pre, clip, u.name(d, t, "h"))
}

// lstmStep: gates i, o, f, c (ONNX order); C = f*C + i*g(c~); H = o*h(C).
func (u *unroller) lstmStep(d, t int, xw, h, c string, rAll []float64, rb, P *tensor.T, H int, a []activation, clip float64, inputForget bool) (string, string, error) {
	f, g, hh := a[0], a[1], a[2]
	pre := func(k int, what string) string {
		xk := u.gather(xw, 1, k*H, H, u.name(d, t, "x", what))
		return u.add(xk, u.hr(d, t, k, h, rAll, rb, H, what), u.name(d, t, "pre", what))
	}
	peep := func(k int, state, p string) string {
		if P == nil {
			return p
		}
		pk := tensor.New(tensor.Shape{H})
		copy(pk.Data, P.Data[(d*3+k)*H:(d*3+k+1)*H])
		m := u.mul(state, u.konst(u.name(d, t, "P", k), pk), u.name(d, t, "peep", k))
		return u.add(p, m, u.name(d, t, "pre+peep", k))
	}
	it, err := u.gate(f, peep(0, c, pre(0, "i")), clip, u.name(d, t, "i"))
	if err != nil {
		return "", "", err
	}
	var ft string
	if inputForget {
		ft = u.node("Sub", []string{u.konst(u.name(d, t, "one"), scalar(1)), it}, nil, u.name(d, t, "f"))
	} else if ft, err = u.gate(f, peep(2, c, pre(2, "f")), clip, u.name(d, t, "f")); err != nil {
		return "", "", err
	}
	ct, err := u.gate(g, pre(3, "c"), clip, u.name(d, t, "g"))
	if err != nil {
		return "", "", err
	}
	cNew := u.add(u.mul(ft, c, u.name(d, t, "f*C")), u.mul(it, ct, u.name(d, t, "i*g")), u.name(d, t, "C"))
	ot, err := u.gate(f, peep(1, cNew, pre(1, "o")), clip, u.name(d, t, "o"))
	if err != nil {
		return "", "", err
	}
	hc, err := u.act(hh, cNew, u.name(d, t, "h(C)"))
	if err != nil {
		return "", "", err
	}
	return u.mul(ot, hc, u.name(d, t, "H")), cNew, nil
}

// gruStep: gates z, r, h (ONNX order); H = (1-z)*h~ + z*H.
func (u *unroller) gruStep(d, t int, xw, h string, rAll []float64, rb *tensor.T, H int, a []activation, clip float64, lbr bool) (string, error) {
	f, g := a[0], a[1]
	xk := func(k int, what string) string { return u.gather(xw, 1, k*H, H, u.name(d, t, "x", what)) }
	zt, err := u.gate(f, u.add(xk(0, "z"), u.hr(d, t, 0, h, rAll, rb, H, "z"), u.name(d, t, "pre", "z")), clip, u.name(d, t, "z"))
	if err != nil {
		return "", err
	}
	rt, err := u.gate(f, u.add(xk(1, "r"), u.hr(d, t, 1, h, rAll, rb, H, "r"), u.name(d, t, "pre", "r")), clip, u.name(d, t, "r"))
	if err != nil {
		return "", err
	}
	var hpre string
	if lbr { // r * (h R_h^T + Rb_h)
		hpre = u.add(xk(2, "h"), u.mul(rt, u.hr(d, t, 2, h, rAll, rb, H, "h"), u.name(d, t, "r*hR")), u.name(d, t, "pre", "h"))
	} else { // (r * h) R_h^T + Rb_h
		hpre = u.add(xk(2, "h"), u.hr(d, t, 2, u.mul(rt, h, u.name(d, t, "r*h")), rAll, rb, H, "h"), u.name(d, t, "pre", "h"))
	}
	ht, err := u.gate(g, hpre, clip, u.name(d, t, "h~"))
	if err != nil {
		return "", err
	}
	oneMinusZ := u.node("Sub", []string{u.konst(u.name(d, t, "one"), scalar(1)), zt}, nil, u.name(d, t, "1-z"))
	return u.add(u.mul(oneMinusZ, ht, u.name(d, t, "(1-z)*h~")), u.mul(zt, h, u.name(d, t, "z*H")), u.name(d, t, "H")), nil
}
