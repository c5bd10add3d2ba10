package ops

import (
	"fmt"
	"math"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Config holds the quantization choices of a compile.
type Config struct {
	// ActBits is the signed width of every activation (default 16).
	ActBits int
	// WeightBits is the signed width weights are rounded to (default 12).
	WeightBits int
	// Margin is the headroom over the calibrated magnitude of each tensor (default 2).
	Margin float64
	// TableBits is the index width of lookup tables (default 12).
	TableBits int
	// LimbBits is the width of the shared range-check table; 0 chooses by
	// model size (see AutoLimbBits).
	LimbBits int
}

// Defaults are the quantization settings of `zkml compile`.
var Defaults = Config{ActBits: 16, WeightBits: 12, Margin: 2, TableBits: 12}

// Stat is what calibration records about a float tensor.
type Stat struct {
	MaxAbs float64
	Min    float64
	Max    float64
}

// Builder quantizes a float graph into a Program, one node at a time.
type Builder struct {
	Cfg    Config
	Prog   *Program
	Consts map[string]*tensor.T
	Stats  map[string]Stat
	Shapes map[string]tensor.Shape
	// Outputs marks the graph outputs.
	Outputs map[string]bool
	// Notes are what compile reports about the model besides errors.
	Notes []string
	// Nodes is the prepared graph being lowered, for choices shared by
	// several layers (the attention layers' one exponential table).
	Nodes []*graph.Node
	ids   map[string]int
	bools map[string]bool
	attn  *attnShared
}

// NewBuilder returns a builder for a graph whose shapes and statistics are known.
func NewBuilder(cfg Config, consts map[string]*tensor.T, shapes map[string]tensor.Shape, stats map[string]Stat) *Builder {
	return &Builder{
		Cfg:     cfg,
		Prog:    &Program{ActBits: cfg.ActBits, LimbBits: cfg.LimbBits, Hash: gadgets.Sponge16},
		Consts:  consts,
		Stats:   stats,
		Shapes:  shapes,
		Outputs: map[string]bool{},
		ids:     map[string]int{},
	}
}

// AddInput declares a model input tensor with a frac chosen from its statistics.
func (b *Builder) AddInput(name string, shape tensor.Shape) int {
	id := b.newTensor(TensorInfo{Name: name, Shape: shape, Frac: b.Frac(name), Bits: b.Cfg.ActBits})
	b.Prog.Inputs = append(b.Prog.Inputs, id)
	return id
}

// MarkOutput declares a model output.
func (b *Builder) MarkOutput(name string) error {
	id, ok := b.ids[name]
	if !ok {
		if _, isConst := b.Consts[name]; !isConst {
			return fmt.Errorf("output %q is produced by no node", name)
		}
		// a proof still binds it (and the input, the model, the job), but
		// it says nothing about the input
		var err error
		if id, _, err = b.Tensor(name); err != nil {
			return err
		}
		b.Notes = append(b.Notes, fmt.Sprintf("output %q does not depend on the input: it is a constant of the model", name))
	}
	b.Prog.Outputs = append(b.Prog.Outputs, id)
	return nil
}

func (b *Builder) newTensor(t TensorInfo) int {
	b.Prog.Tensors = append(b.Prog.Tensors, t)
	id := len(b.Prog.Tensors) - 1
	b.ids[t.Name] = id
	return id
}

// Const returns the float value of a constant tensor, or nil.
func (b *Builder) Const(name string) *tensor.T { return b.Consts[name] }

// Tensor returns the integer tensor behind name. A constant that a layer reads
// as an activation becomes a constant integer tensor.
func (b *Builder) Tensor(name string) (int, *TensorInfo, error) {
	if id, ok := b.ids[name]; ok {
		return id, &b.Prog.Tensors[id], nil
	}
	c := b.Consts[name]
	if c == nil {
		return 0, nil, fmt.Errorf("tensor %q is not computed before it is used", name)
	}
	frac := fracFor(c.MaxAbs(), b.Cfg.ActBits, 1)
	q := make([]int64, len(c.Data))
	for i, v := range c.Data {
		q[i] = int64(math.Round(v * math.Ldexp(1, frac)))
	}
	id := b.newTensor(TensorInfo{Name: name, Shape: c.Shape, Frac: frac, Bits: b.Cfg.ActBits, Const: q})
	return id, &b.Prog.Tensors[id], nil
}

// Emit appends a layer producing the tensor out.
func (b *Builder) Emit(n *graph.Node, l Layer, out string, shape tensor.Shape, frac, bits int) {
	id := b.newTensor(TensorInfo{Name: out, Shape: shape.Clone(), Frac: frac, Bits: bits})
	base := l.Base()
	base.Node = n.Label()
	base.Op = n.Op
	base.Out = id
	b.Prog.Layers = append(b.Prog.Layers, l)
}

// Frac chooses the fractional bits of an activation from its calibrated
// magnitude so that Margin times it still fits in ActBits.
func (b *Builder) Frac(name string) int {
	return fracFor(b.Stats[name].MaxAbs*b.Cfg.Margin, b.Cfg.ActBits, 0)
}

// minFrac is the coarsest scale, 2^1000 per step: fixed point reaches any
// float64 magnitude (ONNX's exported tests hold values up to 1e224).
const minFrac = -1000

// fracFor returns the largest frac with |m| 2^frac < 2^(bits-1), within
// [minFrac, 40].
func fracFor(m float64, bits int, slack int) int {
	if !(m > 1e-12) {
		return bits - 2
	}
	e := int(math.Floor(math.Log2(m))) + 1 // m < 2^e
	f := bits - 1 - e - slack
	return max(minFrac, min(40, f))
}

// QuantizeWeights rounds w to WeightBits signed bits and returns the values and
// their frac.
func (b *Builder) QuantizeWeights(w []float64) ([]int64, int) {
	m := 0.0
	for _, v := range w {
		m = math.Max(m, math.Abs(v))
	}
	frac := fracFor(m, b.Cfg.WeightBits, 0)
	q := make([]int64, len(w))
	for i, v := range w {
		q[i] = int64(math.Round(v * math.Ldexp(1, frac)))
	}
	return q, frac
}

// QuantizeAt rounds values to a given frac.
func QuantizeAt(v []float64, frac int) []int64 {
	q := make([]int64, len(v))
	s := math.Ldexp(1, frac)
	for i, x := range v {
		q[i] = int64(math.Round(x * s))
	}
	return q
}

// Requantizer chooses the rescale that brings an accumulator of accFrac
// fractional bits and magnitude below accBound to the output's scale. It
// returns the rescale and the output frac.
func (b *Builder) Requantizer(n *graph.Node, out string, accFrac int, accBound float64) (Requant, int, error) {
	if !(accBound < maxAcc) {
		return Requant{}, 0, nodeErr(n, "its accumulators reach %.3g, beyond the 2^62 the integer engine holds: the scales of its inputs, weights or bias are too far apart for %d-bit activations and %d-bit weights (fewer --bits or --weight-bits)", accBound, b.Cfg.ActBits, b.Cfg.WeightBits)
	}
	fy := min(b.Frac(out), accFrac)
	k := accFrac - fy
	// the most negative rounded quotient: what calibration saw (with margin),
	// never more than the accumulator can reach
	bound := accBound / math.Ldexp(1, k)
	if st, ok := b.Stats[PreRelu(out)]; ok {
		bound = math.Min(bound, math.Max(-st.Min, 0)*b.Cfg.Margin*math.Ldexp(1, fy))
	}
	neg := int(math.Ceil(math.Log2(bound + 2)))
	return Requant{Shift: k, Relu: n.Int("_relu", 0) == 1, OutBits: b.Cfg.ActBits, NegBits: max(1, min(neg, 200)), LimbBits: b.Cfg.LimbBits}, fy, nil
}

// maxAcc bounds every integer the reference engine computes (int64, with a
// bit to spare for a sum of two).
const maxAcc = 0x1p62

// AutoLimbBits picks the range-check table width for a model with about n
// activations of actBits bits. Most checks are actBits wide (or a multiple of
// the width: rescale shifts are aligned to it), and a width that divides
// actBits checks them at one query per limb. With 16-bit activations, 8-bit
// limbs cost a ReLU+rescale 4 queries and the table 256 entries; 16-bit limbs
// cost it 2 queries and the table 65,536 entries, which pays off from about
// 40,000 activations on. So: actBits itself (up to 16) from 5/8 of 2^actBits
// activations on, else its largest divisor from 8 down to 4, else 8.
func AutoLimbBits(n, actBits int) int {
	if actBits >= 4 && actBits <= 16 && n >= (1<<actBits)*5/8 {
		return actBits
	}
	for l := 8; l >= 4; l-- {
		if actBits%l == 0 {
			return l
		}
	}
	return 8
}

// markBool records that a tensor holds bits, constrained where it is made.
func (b *Builder) markBool(name string) {
	if b.bools == nil {
		b.bools = map[string]bool{}
	}
	b.bools[name] = true
}

// isBool reports whether a tensor is a bit tensor made by a comparison or
// logic layer, or a constant of only zeros and ones.
func (b *Builder) isBool(name string) bool {
	if b.bools[name] {
		return true
	}
	if id, ok := b.ids[name]; ok && b.Prog.Tensors[id].DType == DTBool {
		return true // a bool model input, range-checked to {0, 1}
	}
	c := b.Const(name)
	if c == nil {
		return false
	}
	for _, v := range c.Data {
		if v != 0 && v != 1 {
			return false
		}
	}
	return true
}

// constAt returns a constant integer tensor holding c at frac, each value
// saturating to the signed bits range (so -inf and +inf become its ends).
func (b *Builder) constAt(name string, c *tensor.T, frac, bits int) int {
	key := fmt.Sprintf("%s@2^-%d", name, frac)
	if id, ok := b.ids[key]; ok {
		return id
	}
	lim := math.Ldexp(1, bits-1) - 1
	q := make([]int64, len(c.Data))
	for i, v := range c.Data {
		q[i] = int64(math.Round(math.Max(-lim, math.Min(lim, v*math.Ldexp(1, frac)))))
	}
	return b.newTensor(TensorInfo{Name: key, Shape: c.Shape, Frac: frac, Bits: bits, Const: q})
}

// boolTensor is Tensor for a boolean operand: a constant becomes a frac-0
// integer tensor of its zeros and ones.
func (b *Builder) boolTensor(name string) (int, *TensorInfo, error) {
	if c := b.Const(name); c != nil && b.isBool(name) {
		id := b.constAt(name, c, 0, boolBits)
		return id, &b.Prog.Tensors[id], nil
	}
	return b.Tensor(name)
}

// tensorPair is Tensor for a node's first two inputs, errors naming the node.
func (b *Builder) tensorPair(n *graph.Node) (idA int, ta *TensorInfo, idB int, tb *TensorInfo, err error) {
	if idA, ta, err = b.Tensor(n.Inputs[0]); err != nil {
		return 0, nil, 0, nil, &NodeError{Node: n.Label(), Err: err}
	}
	if idB, tb, err = b.Tensor(n.Inputs[1]); err != nil {
		return 0, nil, 0, nil, &NodeError{Node: n.Label(), Err: err}
	}
	return idA, ta, idB, tb, nil
}

// broadcast2 checks a binary node's inputs and returns their broadcast shape
// and each output's element of either operand.
func (b *Builder) broadcast2(n *graph.Node) (tensor.Shape, []int, []int, error) {
	if len(n.Inputs) != 2 {
		return nil, nil, nil, nodeErr(n, "needs 2 inputs, has %d", len(n.Inputs))
	}
	sa, sb := b.Shapes[n.Inputs[0]], b.Shapes[n.Inputs[1]]
	shape, err := tensor.BroadcastShape(sa, sb)
	if err != nil {
		return nil, nil, nil, &NodeError{Node: n.Label(), Err: err}
	}
	return shape, tensor.BroadcastIndex(sa, shape), tensor.BroadcastIndex(sb, shape), nil
}

// consts lists the constant value of each of a node's inputs (nil where an
// input is computed).
func (b *Builder) consts(n *graph.Node) []*tensor.T {
	out := make([]*tensor.T, len(n.Inputs))
	for i, name := range n.Inputs {
		out[i] = b.Const(name)
	}
	return out
}
