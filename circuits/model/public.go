package model

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
)

// ModelID is the Poseidon2 commitment of the quantized model: the canonical
// (gob) encoding of the Program — architecture, scales and weights — cut into
// 31-byte big-endian field elements, prefixed with its length.
func ModelID(p *ops.Program) (*big.Int, error) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(p); err != nil {
		return nil, err
	}
	raw := buf.Bytes()
	elems := []*big.Int{big.NewInt(int64(len(raw)))}
	for i := 0; i < len(raw); i += 31 {
		elems = append(elems, new(big.Int).SetBytes(raw[i:min(i+31, len(raw))]))
	}
	return p.Hash.HashInts(elems), nil
}

// InputCommitment is the Poseidon2 commitment of quantized inputs, as the
// circuit computes it.
func InputCommitment(p *ops.Program, in [][]int64) *big.Int {
	return publicValue(p.Hash, in, InputWidth(p), true)
}

// InputValue is the input public input for quantized inputs: their packed
// values when they fit in one field element and the model does not hash its
// input (model.json's input_encoding "packed"), else InputCommitment.
func InputValue(p *ops.Program, in [][]int64, hashed bool) *big.Int {
	return publicValue(p.Hash, in, InputWidth(p), hashed)
}

// OutputValue is the output public input for quantized outputs.
func OutputValue(p *ops.Program, outs [][]int64, hashed bool) *big.Int {
	return publicValue(p.Hash, outs, OutputWidth(p), hashed)
}

// publicValue is the input or output public input of quantized values: the
// values packed at width, the one element itself when they fit in one and
// hashed is false, else the Poseidon2 hash (scheme s) of the elements.
func publicValue(s gadgets.Scheme, vals [][]int64, width int, hashed bool) *big.Int {
	var flat []int64
	for _, v := range vals {
		flat = append(flat, v...)
	}
	packed := gadgets.PackInts(flat, width)
	if len(packed) == 1 && !hashed {
		return packed[0]
	}
	return s.HashInts(packed)
}

// InputValue is the input public input of float inputs to a's model: they
// are quantized and packed as the prover does, without running the model.
func (a *Artifacts) InputValue(in [][]float64) (*big.Int, error) {
	p := a.Prog
	if len(in) != len(p.Inputs) {
		return nil, fmt.Errorf("%w: the model has %d inputs, input_data holds %d", ErrBadInput, len(p.Inputs), len(in))
	}
	ts := make([]*tensor.T, len(in))
	for i, v := range in {
		ts[i] = &tensor.T{Shape: p.Tensors[p.Inputs[i]].Shape, Data: v}
	}
	q, err := QuantizeInputs(p, ts)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadInput, err)
	}
	return InputValue(p, q, a.Meta.InputHashed()), nil
}

// Reduce maps an arbitrary non-negative integer (a job id) into the field.
func Reduce(v *big.Int) *big.Int { return new(big.Int).Mod(v, fr.Modulus()) }

// PrivateModelID is the model commitment with private weights: Poseidon2 of
// the weights packed at wBits and the biases packed at bBits, as the circuit
// computes it.
func PrivateModelID(p *ops.Program, wBits, bBits int) *big.Int {
	w, b := ops.FlatParams(p)
	return p.Hash.HashInts(append(gadgets.PackInts(w, wBits), gadgets.PackInts(b, bBits)...))
}
