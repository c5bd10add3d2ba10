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
// has its own statistics). LayerNormalization and RMSNormalization become
// the operators older exporters write them with (ReduceMean, Sub, Mul, Add,
// Sqrt, Div, and the scale and bias), each step calibrated and exact.
func init() {
	gobRegister(&Root{})
	Register("Sqrt", &Spec{Float: unary(math.Sqrt), Lower: sqrtLower})
	Register("Pow", &Spec{Float: binary(math.Pow)})
	Register("LayerNormalization", &Spec{Float: layerNormFloat})
	Register("RMSNormalization", &Spec{Float: layerNormFloat})
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
		has = has || n.Op == "Pow" || n.Op == "LayerNormalization" || n.Op == "RMSNormalization"
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
			add, err = expandPow(g, n)
		case "LayerNormalization", "RMSNormalization":
			add, err = expandLayerNorm(g, n, shapes)
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

func mk(op, name string, in []string, out string, attrs map[string]graph.Attr) *graph.Node {
	if attrs == nil {
		attrs = map[string]graph.Attr{}
	}
	return &graph.Node{Name: name, Op: op, Inputs: in, Outputs: []string{out}, Attrs: attrs}
}

func expandPow(g *graph.Graph, n *graph.Node) ([]*graph.Node, error) {
	e := g.Consts[n.Input(1)]
	if e == nil {
		return nil, nodeErr(n, "the exponent must be a constant")
	}
	if len(e.Data) == 1 {
		return powScalar(n, e.Data[0], n.Inputs[0], n.Outputs[0], n.Label())
	}
	// a tensor of exponents: x to each distinct exponent, then each element
	// picked from its power by constant masks (Where with a constant
	// condition costs no product)
	var distinct []float64
	seen := map[float64]bool{}
	for _, v := range e.Data {
		if !seen[v] {
			seen[v] = true
			distinct = append(distinct, v)
		}
	}
	out := n.Outputs[0]
	var nodes []*graph.Node
	powers := make([]string, len(distinct))
	for i, p := range distinct {
		powers[i] = fmt.Sprintf("%s/pow%d", out, i)
		if p == 0 {
			g.Consts[powers[i]] = tensor.Scalar(1)
			continue
		}
		add, err := powScalar(n, p, n.Inputs[0], powers[i], fmt.Sprintf("%s/pow%d", n.Label(), i))
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, add...)
	}
	acc := powers[len(powers)-1]
	for i := len(distinct) - 2; i >= 0; i-- {
		mask := &tensor.T{Shape: e.Shape.Clone(), Data: make([]float64, len(e.Data))}
		for j, v := range e.Data {
			mask.Data[j] = bit(v == distinct[i])
		}
		name := fmt.Sprintf("%s/mask%d", out, i)
		g.Consts[name] = mask
		next := fmt.Sprintf("%s/pick%d", out, i)
		if i == 0 {
			next = out
		}
		nodes = append(nodes, mk("Where", fmt.Sprintf("%s/pick%d", n.Label(), i), []string{name, powers[i], acc}, next, nil))
		acc = next
	}
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
