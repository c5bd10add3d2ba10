package ops

import (
	"fmt"
	"math"
	"math/big"

	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Sqrt, Pow with a constant exponent, LayerNormalization and
// RMSNormalization.
//
// Sqrt is a hinted root (gadgets.Sqrt: floor(sqrt(x 2^Shift)) at the
// output's scale, exact to the integer reference). Pow with an integer
// exponent becomes a chain of products of two activations, 0.5 a Sqrt, -1
// a Reciprocal, -0.5 both (expandPow, before calibration, so every step
// has its own statistics). LayerNormalization and RMSNormalization are one
// fused integer layer (Norm, normlayer.go), and so is the decomposed form
// older exporters write (ReduceMean, Sub, Pow, ReduceMean, Add, Sqrt, Div,
// and the scale and bias; fuseNormPattern). Where the Mean or InvStdDev
// output is used, or the scale or bias is computed, they become those
// operators instead, each step calibrated and exact.
func init() {
	gobRegister(&Root{})
	Register("Sqrt", &Spec{Float: unary(math.Sqrt), Lower: sqrtLower})
	Register("Pow", &Spec{Float: binary(math.Pow)})
	Register("LayerNormalization", &Spec{Float: layerNormFloat, Lower: normLower})
	Register("RMSNormalization", &Spec{Float: layerNormFloat, Lower: normLower})
	Register("zkml.PowTable", &Spec{Float: func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) { return unary(powTable(n))(n, in) }, Lower: powTableLower})
}

// Root is y = floor(sqrt(x 2^Shift + Offset)). A normalization's standard
// deviation has Offset 1, so it is at least one quantum even where its
// epsilon rounds to nothing at the variance's scale (a constant row).
type Root struct {
	LayerBase
	Shift  int
	Bits   int // the output's width
	Offset int64
}

func sqrtLower(n *graph.Node, b *Builder) error {
	id, x, err := b.Tensor(n.Inputs[0])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	// sqrt(x 2^-fx) 2^fy = sqrt(x 2^(2fy - fx)): at least half the input's
	// frac, so the shift is not negative
	fy := max(b.Frac(n.Outputs[0]), (x.Frac+1)/2)
	l := &Root{LayerBase: LayerBase{In: []int{id}}, Shift: 2*fy - x.Frac, Bits: b.Cfg.ActBits, Offset: n.Int("_offset", 0)}
	if x.Bits+l.Shift > 120 {
		return nodeErr(n, "its input needs %d bits at the root's scale", x.Bits+l.Shift)
	}
	b.Emit(n, l, n.Outputs[0], x.Shape, fy, b.Cfg.ActBits)
	return nil
}

// Eval implements Layer.
func (l *Root) Eval(in [][]int64) ([]int64, error) {
	out := make([]int64, len(in[0]))
	for j, v := range in[0] {
		if v < 0 {
			return nil, &NodeError{Node: l.Node, Err: fmt.Errorf("element %d: the square root of %d (a negative value)", j, v)}
		}
		r := new(big.Int).Sqrt(new(big.Int).Add(new(big.Int).Lsh(big.NewInt(v), uint(l.Shift)), big.NewInt(l.Offset)))
		if r.BitLen() >= l.Bits {
			return nil, &RangeError{Node: l.Node, Index: j, Value: r.Int64(), Bits: l.Bits}
		}
		out[j] = r.Int64()
	}
	return out, nil
}

// Define implements Layer.
func (l *Root) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	out := make([]frontend.Variable, len(in[0]))
	shift := new(big.Int).Lsh(big.NewInt(1), uint(l.Shift))
	for j, v := range in[0] {
		out[j] = c.Sqrt(c.API.Add(c.API.Mul(v, shift), l.Offset), l.Bits-1)
	}
	return out
}

// layerNormFloat is the float reference of LayerNormalization (and, with
// op RMSNormalization, of the mean-free form): normalized over the axes
// from axis on, epsilon added to the variance, then scale and bias.
func layerNormFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 2); err != nil {
		return nil, err
	}
	x := in[0]
	axis, err := tensor.NormAxis(int(n.Int("axis", -1)), len(x.Shape))
	if err != nil {
		return nil, err
	}
	eps := n.Float("epsilon", 1e-5)
	inner := tensor.Shape(x.Shape[axis:]).Size()
	rows := x.Shape.Size() / max(inner, 1)
	scale := tensor.BroadcastIndex(in[1].Shape, x.Shape[axis:])
	var bias []int
	if len(in) > 2 && in[2] != nil {
		bias = tensor.BroadcastIndex(in[2].Shape, x.Shape[axis:])
	}
	out := tensor.New(x.Shape)
	for r := range rows {
		row := x.Data[r*inner : (r+1)*inner]
		mean := 0.0
		if n.Op == "LayerNormalization" {
			for _, v := range row {
				mean += v
			}
			mean /= float64(inner)
		}
		v2 := 0.0
		for _, v := range row {
			v2 += (v - mean) * (v - mean)
		}
		std := math.Sqrt(v2/float64(inner) + eps)
		for i, v := range row {
			y := (v - mean) / std * in[1].Data[scale[i]]
			if bias != nil {
				y += in[2].Data[bias[i]]
			}
			out.Data[r*inner+i] = y
		}
	}
	return []*tensor.T{out}, nil
}

// expandNormalization rewrites Pow with a constant exponent,
// LayerNormalization and RMSNormalization into the operators they are made
// of (constants must be folded: it runs after fold).
func expandNormalization(g *graph.Graph) error {
	has := false
	for _, n := range g.Nodes {
		has = has || n.Op == "Pow" || n.Op == "LayerNormalization" || n.Op == "RMSNormalization" || trainingBN(n)
	}
	if !has {
		return nil
	}
	shapes, err := Shapes(g)
	if err != nil {
		return err
	}
	var nodes []*graph.Node
	for _, n := range g.Nodes {
		var add []*graph.Node
		switch n.Op {
		case "Pow":
			add, err = expandPow(g, n, shapes)
		case "LayerNormalization", "RMSNormalization":
			if fusedNorm(g, n) {
				n.Outputs = n.Outputs[:1]
				add = []*graph.Node{n}
			} else {
				add, err = expandLayerNorm(g, n, shapes)
			}
		case "BatchNormalization":
			if trainingBN(n) {
				add, err = expandBatchNormTraining(g, n, shapes)
			} else {
				add = []*graph.Node{n}
			}
		default:
			add = []*graph.Node{n}
		}
		if err != nil {
			return err
		}
		nodes = append(nodes, add...)
	}
	g.Nodes = nodes
	return nil
}

// fusedNorm reports whether a normalization node lowers to one Norm layer:
// its Mean and InvStdDev outputs are not used and its scale and bias are
// constants.
func fusedNorm(g *graph.Graph, n *graph.Node) bool {
	uses := g.Consumers()
	for _, o := range n.Outputs[1:] {
		if o != "" && uses[o] > 0 {
			return false
		}
	}
	if n.Int("stash_type", 1) != 1 {
		return false // expandLayerNorm names the error
	}
	for i := 1; i < len(n.Inputs); i++ {
		if n.Inputs[i] != "" && g.Consts[n.Inputs[i]] == nil {
			return false
		}
	}
	return n.Input(1) != ""
}

func mk(op, name string, in []string, out string, attrs map[string]graph.Attr) *graph.Node {
	if attrs == nil {
		attrs = map[string]graph.Attr{}
	}
	return &graph.Node{Name: name, Op: op, Inputs: in, Outputs: []string{out}, Attrs: attrs}
}

func expandPow(g *graph.Graph, n *graph.Node, shapes map[string]tensor.Shape) ([]*graph.Node, error) {
	e := g.Consts[n.Input(1)]
	if e == nil {
		return nil, nodeErr(n, "the exponent must be a constant")
	}
	if len(e.Data) == 1 {
		return powScalar(n, e.Data[0], n.Inputs[0], n.Outputs[0], n.Label())
	}
	// a tensor of exponents: each distinct exponent raises only the elements
	// it applies to (gathered from x broadcast to the output), and a constant
	// permutation puts them back; index maps all, no product
	xs := shapes[n.Inputs[0]]
	outShape, err := tensor.BroadcastShape(xs, e.Shape)
	if err != nil {
		return nil, &NodeError{Node: n.Label(), Err: err}
	}
	out, base := n.Outputs[0], n.Label()
	ints := func(name string, v []int) string {
		t := &tensor.T{Shape: tensor.Shape{len(v)}, Data: make([]float64, len(v)), DType: 7}
		for i, x := range v {
			t.Data[i] = float64(x)
		}
		g.Consts[name] = t
		return name
	}
	var nodes []*graph.Node
	x := n.Inputs[0]
	if !xs.Equal(outShape) {
		nodes = append(nodes, mk("Expand", base+"/expand", []string{x, ints(out+"/shape", outShape)}, out+"/x", nil))
		x = out + "/x"
	}
	nodes = append(nodes, mk("Reshape", base+"/flat", []string{x, ints(out+"/-1", []int{-1})}, out+"/xflat", nil))
	exps := tensor.BroadcastIndex(e.Shape, outShape)
	var distinct []float64
	at := map[float64][]int{}
	for j, k := range exps {
		p := e.Data[k]
		if at[p] == nil {
			distinct = append(distinct, p)
		}
		at[p] = append(at[p], j)
	}
	perm := make([]int, len(exps))
	var parts []string
	pos := 0
	for i, p := range distinct {
		part := fmt.Sprintf("%s/pow%d", out, i)
		if p == 0 {
			ones := tensor.New(tensor.Shape{len(at[p])})
			for j := range ones.Data {
				ones.Data[j] = 1
			}
			g.Consts[part] = ones
		} else {
			in := fmt.Sprintf("%s/x%d", out, i)
			nodes = append(nodes, mk("Gather", fmt.Sprintf("%s/x%d", base, i), []string{out + "/xflat", ints(in+"/at", at[p])}, in, nil))
			add, err := powScalar(n, p, in, part, fmt.Sprintf("%s/pow%d", base, i))
			if err != nil {
				return nil, err
			}
			nodes = append(nodes, add...)
		}
		for _, j := range at[p] {
			perm[j] = pos
			pos++
		}
		parts = append(parts, part)
	}
	nodes = append(nodes,
		&graph.Node{Name: base + "/concat", Op: "Concat", Inputs: parts, Outputs: []string{out + "/parts"}, Attrs: map[string]graph.Attr{"axis": {Kind: graph.AttrInt, Int: 0}}},
		mk("Gather", base+"/order", []string{out + "/parts", ints(out+"/perm", perm)}, out+"/yflat", nil),
		mk("Reshape", base+"/shape", []string{out + "/yflat", ints(out+"/outshape", outShape)}, out, nil))
	return nodes, nil
}

// powScalar writes x^p as the operators it is made of.
func powScalar(n *graph.Node, p float64, x, out, base string) ([]*graph.Node, error) {
	switch {
	case p == 1:
		return []*graph.Node{mk("Identity", base, []string{x}, out, nil)}, nil
	case p == 0.5:
		return []*graph.Node{mk("Sqrt", base, []string{x}, out, nil)}, nil
	case p == -1:
		return []*graph.Node{mk("Reciprocal", base, []string{x}, out, nil)}, nil
	case p == -0.5:
		return []*graph.Node{mk("Sqrt", base+"/sqrt", []string{x}, out+"/sqrt", nil), mk("Reciprocal", base, []string{out + "/sqrt"}, out, nil)}, nil
	case p >= 2 && p <= 16 && p == math.Trunc(p):
		// square and multiply: x^p from x^(2^i)
		k := int(p)
		var nodes []*graph.Node
		pow, acc := x, ""
		for i := 0; k > 0; i++ {
			if k&1 == 1 {
				if acc == "" {
					acc = pow
				} else {
					next := fmt.Sprintf("%s/acc%d", out, i)
					if k == 1 {
						next = out
					}
					nodes = append(nodes, mk("Mul", fmt.Sprintf("%s/mul%d", base, i), []string{acc, pow}, next, nil))
					acc = next
				}
			}
			k >>= 1
			if k > 0 {
				sq := fmt.Sprintf("%s/sq%d", out, i)
				if k == 1 && acc == "" {
					sq = out
				}
				nodes = append(nodes, mk("Mul", fmt.Sprintf("%s/square%d", base, i), []string{pow, pow}, sq, nil))
				pow = sq
			}
		}
		return nodes, nil
	}
	// any other exponent: a lookup table of v^p over the calibrated range
	return []*graph.Node{{Name: base, Op: "PowTable", Domain: "zkml", Inputs: []string{x}, Outputs: []string{out},
		Attrs: map[string]graph.Attr{"exponent": {Kind: graph.AttrFloat, Float: p}}}}, nil
}

// powTable is v^p for the exponent attribute; a fractional power of a
// negative value has no real result.
func powTable(n *graph.Node) func(float64) float64 {
	p := n.Float("exponent", 1)
	return func(v float64) float64 { return math.Pow(v, p) }
}

func powTableLower(n *graph.Node, b *Builder) error {
	if st := b.Stats[n.Inputs[0]]; st.Min < 0 && n.Float("exponent", 1) != math.Trunc(n.Float("exponent", 1)) {
		return nodeErr(n, "exponent %g of values calibrated down to %g: a fractional power of a negative value has no real result", n.Float("exponent", 1), st.Min)
	}
	return tableLower(func(v float64) float64 {
		if r := powTable(n)(v); !math.IsNaN(r) {
			return r
		}
		return 0 // table entries below 0, which calibration never reaches
	})(n, b)
}

func expandLayerNorm(g *graph.Graph, n *graph.Node, shapes map[string]tensor.Shape) ([]*graph.Node, error) {
	x, out, base := n.Inputs[0], n.Outputs[0], n.Label()
	stat := func(i int) string {
		if i < len(n.Outputs) {
			return n.Outputs[i]
		}
		return ""
	}
	if stat(1) != "" && n.Op != "LayerNormalization" {
		return nil, nodeErr(n, "output 1 is not defined for %s", n.Op)
	}
	axis := n.Int("axis", -1)
	if n.Int("stash_type", 1) != 1 {
		return nil, nodeErr(n, "stash_type %d is not supported", n.Int("stash_type", 1))
	}
	rank := len(shapes[x])
	if axis < 0 {
		axis += int64(rank)
	}
	if axis < 0 || int(axis) >= rank {
		return nil, nodeErr(n, "axis %d out of range for rank %d", n.Int("axis", -1), rank)
	}
	var axes []int64 // from axis to the last
	for d := axis; int(d) < rank; d++ {
		axes = append(axes, d)
	}
	red := map[string]graph.Attr{"axes": {Kind: graph.AttrInts, Ints: axes}, "keepdims": {Kind: graph.AttrInt, Int: 1}}
	eps := n.Float("epsilon", 1e-5)
	g.Consts[out+"/eps"] = tensor.Scalar(eps)
	var nodes []*graph.Node
	d := x
	if n.Op == "LayerNormalization" {
		nodes = append(nodes, mk("ReduceMean", base+"/mean", []string{x}, out+"/mean", red),
			mk("Sub", base+"/center", []string{x, out + "/mean"}, out+"/d", nil))
		d = out + "/d"
	}
	nodes = append(nodes,
		mk("Mul", base+"/square", []string{d, d}, out+"/d2", nil),
		mk("ReduceMean", base+"/var", []string{out + "/d2"}, out+"/var", red),
		mk("Add", base+"/eps", []string{out + "/var", out + "/eps"}, out+"/ve", nil),
		mk("Sqrt", base+"/std", []string{out + "/ve"}, out+"/std", map[string]graph.Attr{"_offset": {Kind: graph.AttrInt, Int: 1}}),
		mk("Div", base+"/normalize", []string{d, out + "/std"}, out+"/n", nil))
	// the optional Mean and InvStdDev outputs
	if m := stat(1); m != "" {
		nodes = append(nodes, mk("Identity", base+"/Mean", []string{out + "/mean"}, m, nil))
	}
	if is := stat(2); is != "" {
		nodes = append(nodes, mk("Reciprocal", base+"/InvStdDev", []string{out + "/std"}, is, nil))
	}
	scaled := out
	if n.Input(2) != "" {
		scaled = out + "/scaled"
	}
	nodes = append(nodes, mk("Mul", base+"/scale", []string{out + "/n", n.Input(1)}, scaled, nil))
	if n.Input(2) != "" {
		nodes = append(nodes, mk("Add", base+"/bias", []string{scaled, n.Input(2)}, out, nil))
	}
	return nodes, nil
}

func trainingBN(n *graph.Node) bool {
	return n.Op == "BatchNormalization" && n.Int("training_mode", 0) == 1
}

// expandBatchNormTraining writes training-mode BatchNormalization: the
// batch's mean and (population) variance per channel, Y normalized with
// them, and the running statistics input * momentum + batch * (1 -
// momentum) as its second and third outputs.
func expandBatchNormTraining(g *graph.Graph, n *graph.Node, shapes map[string]tensor.Shape) ([]*graph.Node, error) {
	x, out, base := n.Inputs[0], n.Outputs[0], n.Label()
	shape := shapes[x]
	if len(shape) < 2 {
		return nil, nodeErr(n, "input shape %v has no channel axis", shape)
	}
	c := shape[1]
	params := make([]*tensor.T, 5)
	for i := 1; i < 5; i++ {
		if params[i] = g.Consts[n.Input(i)]; params[i] == nil || params[i].Shape.Size() != c {
			return nil, nodeErr(n, "input %d must be a constant of %d values (one per channel)", i, c)
		}
	}
	// per-channel constants as [1, C, 1, ...]
	bshape := tensor.Shape{1, c}
	for range len(shape) - 2 {
		bshape = append(bshape, 1)
	}
	cst := func(suffix string, f func(i int) float64) string {
		t := tensor.New(bshape)
		for i := range t.Data {
			t.Data[i] = f(i)
		}
		name := out + "/" + suffix
		g.Consts[name] = t
		return name
	}
	mom, eps := n.Float("momentum", 0.9), n.Float("epsilon", 1e-5)
	var axes []int64
	for d := range len(shape) {
		if d != 1 {
			axes = append(axes, int64(d))
		}
	}
	red := map[string]graph.Attr{"axes": {Kind: graph.AttrInts, Ints: axes}, "keepdims": {Kind: graph.AttrInt, Int: 1}}
	g.Consts[out+"/eps"] = tensor.Scalar(eps)
	scale := cst("scale", func(i int) float64 { return params[1].Data[i] })
	bias := cst("bias", func(i int) float64 { return params[2].Data[i] })
	nodes := []*graph.Node{
		mk("ReduceMean", base+"/mean", []string{x}, out+"/mean", red),
		mk("Sub", base+"/center", []string{x, out + "/mean"}, out+"/d", nil),
		mk("Mul", base+"/square", []string{out + "/d", out + "/d"}, out+"/d2", nil),
		mk("ReduceMean", base+"/var", []string{out + "/d2"}, out+"/var", red),
		mk("Add", base+"/eps", []string{out + "/var", out + "/eps"}, out+"/ve", nil),
		mk("Sqrt", base+"/std", []string{out + "/ve"}, out+"/std", map[string]graph.Attr{"_offset": {Kind: graph.AttrInt, Int: 1}}),
		mk("Div", base+"/normalize", []string{out + "/d", out + "/std"}, out+"/n", nil),
		mk("Mul", base+"/scale", []string{out + "/n", scale}, out+"/scaled", nil),
		mk("Add", base+"/bias", []string{out + "/scaled", bias}, out, nil),
	}
	g.Consts[out+"/1-momentum"] = tensor.Scalar(1 - mom)
	g.Consts[out+"/[C]"] = &tensor.T{Shape: tensor.Shape{1}, Data: []float64{float64(c)}}
	for i, stat := range []string{"mean", "var"} {
		name := ""
		if i+1 < len(n.Outputs) {
			name = n.Outputs[i+1]
		}
		if name == "" {
			continue
		}
		prior := cst("prior-"+stat, func(k int) float64 { return params[3+i].Data[k] * mom })
		nodes = append(nodes,
			mk("Mul", base+"/batch-"+stat, []string{out + "/" + stat, out + "/1-momentum"}, out+"/batch-"+stat, nil),
			mk("Add", base+"/running-"+stat, []string{out + "/batch-" + stat, prior}, out+"/running-"+stat, nil),
			mk("Reshape", base+"/running-"+stat+"/[C]", []string{out + "/running-" + stat, out + "/[C]"}, name, nil))
	}
	return nodes, nil
}
