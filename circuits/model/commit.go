package model

import (
	"fmt"
	"math"
	"math/big"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
)

// The input public input, computed from model.json alone: what a requester
// needs to escrow a job for an input, with no program, circuit or keys.
// docs/COMMITMENTS.md specifies the construction for other languages, and
// TestCommitmentVectors checks its test vectors.
//
//  1. Quantize: input i's value v becomes q = round(v · 2^frac_bits), ties
//     away from zero, which must lie in [-2^(bits-1), 2^(bits-1)); an
//     integer input (dtype set) must already be an integer of that type.
//  2. Pack: the inputs, in order and flattened row-major, become unsigned
//     slots q + 2^(w-1) of w = input_width bits, floor(253/w) to a field
//     element, the first value in the lowest bits.
//  3. The input public input is that element when there is one and
//     input_encoding is "packed"; else the Poseidon2 hash of the elements in
//     model.json's commitment scheme.

// QuantizeInputs rounds float inputs to the input scales model.json records.
func (m *Meta) QuantizeInputs(in [][]float64) ([][]int64, error) {
	if len(in) != len(m.Inputs) {
		return nil, fmt.Errorf("%w: the model has %d inputs, input_data holds %d", ErrBadInput, len(m.Inputs), len(in))
	}
	out := make([][]int64, len(in))
	for i, t := range m.Inputs {
		if t.Bits < 1 || t.Bits > 62 || t.Frac < -64 || t.Frac > 64 {
			return nil, fmt.Errorf("%w: %s: input %d (%s) has %d bits and %d fraction bits", ErrArtifacts, MetaFile, i, t.Name, t.Bits, t.Frac)
		}
		lo, hi, isInt := ops.DTypeRangeByName(t.DType)
		if t.DType != "" && !isInt {
			return nil, fmt.Errorf("%w: %s: input %d (%s) has dtype %q", ErrArtifacts, MetaFile, i, t.Name, t.DType)
		}
		var err error
		if out[i], err = quantizeInput(i, t.Name, in[i], tensor.Shape(t.Shape), t.Frac, t.Bits, t.DType, lo, hi, isInt); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrBadInput, err)
		}
	}
	return out, nil
}

// Scheme is the commitment construction model.json names.
func (m *Meta) Scheme() (gadgets.Scheme, error) {
	if m.Commitment == "" {
		return gadgets.MD2, nil // artifacts from before it was recorded
	}
	for _, s := range []gadgets.Scheme{gadgets.MD2, gadgets.Sponge16} {
		if s.String() == m.Commitment {
			return s, nil
		}
	}
	return 0, fmt.Errorf("%w: %s: unknown commitment construction %q (written by a newer zkml?)", ErrArtifacts, MetaFile, m.Commitment)
}

// inputWidth is the slot width inputs pack at (input_width; artifacts
// from before it was recorded pack at the activation width).
func (m *Meta) inputWidth() int {
	if m.InputWidth == 0 {
		return m.Quantization.ActBits
	}
	return m.InputWidth
}

// PackedInputs are the quantized inputs packed into field elements (step 2).
func (m *Meta) PackedInputs(q [][]int64) []*big.Int {
	var flat []int64
	for _, v := range q {
		flat = append(flat, v...)
	}
	return gadgets.PackInts(flat, m.inputWidth())
}

// InputValue is the input public input of float inputs: the value a
// requester escrows a job with and a proof of this input carries.
func (m *Meta) InputValue(in [][]float64) (*big.Int, error) {
	q, err := m.QuantizeInputs(in)
	if err != nil {
		return nil, err
	}
	s, err := m.Scheme()
	if err != nil {
		return nil, err
	}
	return publicValue(s, q, m.inputWidth(), m.InputHashed()), nil
}

// UnpackInput is the inverse of a packed input public input: the quantized
// inputs it carries, one slice per model input. It fails for a model whose
// input public input is a commitment, or a value no input packs to.
func (m *Meta) UnpackInput(v *big.Int) ([][]int64, error) {
	if m.InputHashed() {
		return nil, fmt.Errorf("the model's input public input is a Poseidon2 commitment (input_encoding %q): the input must be delivered", m.InputEncoding)
	}
	n := 0
	for _, t := range m.Inputs {
		n += tensor.Shape(t.Shape).Size()
	}
	w := m.inputWidth()
	if w < 1 || w > 62 || n*w > 253 {
		return nil, fmt.Errorf("%w: %s: %d inputs of width %d do not pack into one field element, yet input_encoding is %q", ErrArtifacts, MetaFile, n, w, m.InputEncoding)
	}
	for i, t := range m.Inputs {
		if t.Bits < 1 || t.Bits > w {
			return nil, fmt.Errorf("%w: %s: input %d (%s) has %d bits, the slots %d", ErrArtifacts, MetaFile, i, t.Name, t.Bits, w)
		}
	}
	if v.Sign() < 0 || v.BitLen() > n*w {
		return nil, fmt.Errorf("%w: input value %s is wider than %d inputs of %d bits", ErrBadInput, v.Text(16), n, w)
	}
	flat := gadgets.UnpackInts([]*big.Int{v}, n, w)
	out := make([][]int64, len(m.Inputs))
	for i, t := range m.Inputs {
		k := tensor.Shape(t.Shape).Size()
		out[i], flat = flat[:k], flat[k:]
		lim := int64(1) << (t.Bits - 1)
		lo, hi, isInt := ops.DTypeRangeByName(t.DType)
		for j, q := range out[i] {
			if q < -lim || q >= lim || isInt && (q < lo || q > hi) {
				return nil, fmt.Errorf("%w: input %d (%s) element %d: %d is outside its %d-bit range", ErrBadInput, i, t.Name, j, q, t.Bits)
			}
		}
	}
	return out, nil
}

// Dequantize maps quantized inputs back to the floats they stand for.
func (m *Meta) Dequantize(q [][]int64) [][]float64 {
	out := make([][]float64, len(q))
	for i, v := range q {
		frac := 0
		if i < len(m.Inputs) {
			frac = m.Inputs[i].Frac
		}
		out[i] = make([]float64, len(v))
		for j, e := range v {
			out[i][j] = math.Ldexp(float64(e), -frac)
		}
	}
	return out
}

// DecodeOutput is the inverse of a packed output public input: the output
// values it carries, one slice per model output, as floats (the layout of
// proof.json's output_data). It fails for a model whose output public input
// is a commitment.
func (m *Meta) DecodeOutput(v *big.Int) ([][]float64, error) {
	if m.OutputHashed() {
		return nil, fmt.Errorf("the model's output public input is a Poseidon2 commitment (output_encoding %q): the outputs are in the proof file, not on chain", m.OutputEncoding)
	}
	n := 0
	for _, t := range m.Outputs {
		n += tensor.Shape(t.Shape).Size()
	}
	w := m.OutputWidth
	if w < 1 || w > 62 || n*w > 253 {
		return nil, fmt.Errorf("%w: %s: %d outputs of width %d do not pack into one field element", ErrArtifacts, MetaFile, n, w)
	}
	if v.Sign() < 0 || v.BitLen() > n*w {
		return nil, fmt.Errorf("%w: output value %s is wider than %d outputs of %d bits", ErrBadInput, v.Text(16), n, w)
	}
	flat := gadgets.UnpackInts([]*big.Int{v}, n, w)
	out := make([][]float64, len(m.Outputs))
	for i, t := range m.Outputs {
		k := tensor.Shape(t.Shape).Size()
		out[i] = make([]float64, k)
		for j, q := range flat[:k] {
			out[i][j] = math.Ldexp(float64(q), -t.Frac)
		}
		flat = flat[k:]
	}
	return out, nil
}
