package model

import (
	"bytes"
	"encoding/gob"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/ops"
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
	var flat []int64
	for _, v := range in {
		flat = append(flat, v...)
	}
	return p.Hash.HashInts(gadgets.PackInts(flat, InputWidth(p)))
}

// InputValue is the input public input for quantized inputs: their packed
// values when they fit in one field element and the model does not hash its
// input (model.json's input_encoding "packed"), else InputCommitment.
func InputValue(p *ops.Program, in [][]int64, hashed bool) *big.Int {
	var flat []int64
	for _, v := range in {
		flat = append(flat, v...)
	}
	packed := gadgets.PackInts(flat, InputWidth(p))
	if len(packed) == 1 && !hashed {
		return packed[0]
	}
	return p.Hash.HashInts(packed)
}

// OutputValue is the output public input for quantized outputs.
func OutputValue(p *ops.Program, outs [][]int64, hashed bool) *big.Int {
	var flat []int64
	for _, v := range outs {
		flat = append(flat, v...)
	}
	packed := gadgets.PackInts(flat, OutputWidth(p))
	if len(packed) == 1 && !hashed {
		return packed[0]
	}
	return p.Hash.HashInts(packed)
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
