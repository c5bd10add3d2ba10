package ops

import (
	"encoding/gob"
	"fmt"

	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/tensor"
)

// TensorInfo describes one integer tensor of a Program: value = q / 2^Frac with
// -2^(Bits-1) <= q < 2^(Bits-1). Const holds the values of constant tensors.
type TensorInfo struct {
	Name  string
	Shape tensor.Shape
	Frac  int
	Bits  int
	Const []int64
	// DType is the ONNX element type of an exact integer tensor (uint8, int8,
	// int32: Frac 0) and 0 for fixed-point tensors.
	DType int `json:",omitempty"`
}

// Program is the quantized model: integer tensors and the layers between them,
// in evaluation order. The reference engine and the circuit both walk it.
type Program struct {
	Tensors []TensorInfo
	Inputs  []int
	Outputs []int
	Layers  []Layer
	// ActBits is the signed bit width of activations.
	ActBits int
	// LimbBits is the width of the circuit's range-check table.
	LimbBits int
	// Hash is the Poseidon2 construction of the model's commitments (model
	// id, input, hashed output); programs written before it existed decode
	// as gadgets.MD2.
	Hash gadgets.Scheme
}

// Layer is one integer operation of a Program.
type Layer interface {
	// Base returns the node label, operator and tensor ids.
	Base() *LayerBase
	// Eval is the integer reference: it computes exactly what Define constrains.
	Eval(in [][]int64) ([]int64, error)
	// Define constrains the output given the input variables.
	Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable
}

// LayerBase is what every layer records about where it comes from.
type LayerBase struct {
	Node string // label of the ONNX node
	Op   string
	In   []int
	Out  int
}

// Base implements Layer.
func (b *LayerBase) Base() *LayerBase { return b }

// RegisterGob registers the concrete layer types for gob encoding of Programs.
func init() {
	gob.Register(&Linear{})
	gob.Register(&Dense{})
	gob.Register(&Conv{})
	gob.Register(&Sparse{})
	gob.Register(&Map{})
	gob.Register(&MaxPool{})
	gob.Register(&Table{})
	gob.Register(&Binary{})
	gob.Register(&Softmax{})
	gob.Register(&Clamp{})
	gob.Register(&Leaky{})
}

// RangeError reports an integer value that left its declared range: the input
// lies outside what the model was calibrated for.
type RangeError struct {
	Node  string
	Index int
	Value int64
	Bits  int
}

func (e *RangeError) Error() string {
	return fmt.Sprintf("node %s: element %d = %d leaves the calibrated %d-bit range [%d, %d); the input lies outside what the model was calibrated for (recompile with --calibration covering it, or with more --bits)",
		e.Node, e.Index, e.Value, e.Bits, -(int64(1) << (e.Bits - 1)), int64(1)<<(e.Bits-1))
}

// Run evaluates the program on quantized inputs and returns every tensor's values.
func (p *Program) Run(inputs [][]int64) ([][]int64, error) {
	if len(inputs) != len(p.Inputs) {
		return nil, fmt.Errorf("model has %d inputs, got %d", len(p.Inputs), len(inputs))
	}
	vals := make([][]int64, len(p.Tensors))
	for i, t := range p.Tensors {
		if t.Const != nil {
			vals[i] = t.Const
		}
	}
	for i, id := range p.Inputs {
		if n := p.Tensors[id].Shape.Size(); len(inputs[i]) != n {
			return nil, fmt.Errorf("input %d (%s) has %d values, want %d for shape %v", i, p.Tensors[id].Name, len(inputs[i]), n, p.Tensors[id].Shape)
		}
		vals[id] = inputs[i]
	}
	for _, l := range p.Layers {
		b := l.Base()
		in := make([][]int64, len(b.In))
		for i, id := range b.In {
			in[i] = vals[id]
		}
		out, err := l.Eval(in)
		if err != nil {
			return nil, err
		}
		vals[b.Out] = out
	}
	return vals, nil
}

// checkRange returns a RangeError for the first value outside bits.
func checkRange(node string, vals []int64, bits int) error {
	lo, hi := -(int64(1) << (bits - 1)), int64(1)<<(bits-1)
	for i, v := range vals {
		if v < lo || v >= hi {
			return &RangeError{Node: node, Index: i, Value: v, Bits: bits}
		}
	}
	return nil
}

// MarkBounded leaves out the output range check of every linear layer whose
// output only feeds MaxPools with a fused ReLU and is not a model output. Such
// a MaxPool checks m - v in [0, 2^Bits) for each of its values v and for 0, so
// each v lies in (-2^Bits, 2^Bits): the rescale's remainder check alone then
// pins the quotient (gadgets.RescaleBounded). What changes is the range the
// circuit accepts, not the values: a quotient beyond OutBits but within the
// pool's bound now has a witness (still the exact value), so the integer
// engine, which refuses it before proving, is what enforces OutBits there.
// Outputs in no pooling window are left unconstrained; nothing reads them.
func (p *Program) MarkBounded() {
	uses := make(map[int][]Layer)
	for _, l := range p.Layers {
		for _, id := range l.Base().In {
			uses[id] = append(uses[id], l)
		}
	}
	output := make(map[int]bool)
	for _, id := range p.Outputs {
		output[id] = true
	}
	for _, l := range p.Layers {
		lin, ok := l.(*Linear)
		if !ok || lin.Relu || output[lin.Out] || len(uses[lin.Out]) == 0 {
			continue
		}
		bounded := true
		for _, u := range uses[lin.Out] {
			mp, ok := u.(*MaxPool)
			if !ok || !mp.Relu || mp.Bits+lin.Shift+2 >= 253 {
				bounded = false
				break
			}
		}
		lin.Bounded = bounded
	}
}

// gobRegister registers layer types for gob encoding of Programs.
func gobRegister(ls ...Layer) {
	for _, l := range ls {
		gob.Register(l)
	}
}
