package verifier

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/backend/solidity"
	"github.com/consensys/gnark/backend/witness"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/tensor"
)

var (
	// ErrMalformed: the proof file cannot be read.
	ErrMalformed = errors.New("malformed proof file")
	// ErrMismatch: a value disclosed in the proof file is not the one the proof binds.
	ErrMismatch = errors.New("proof file does not match the proof")
	// ErrProofRejected: the Groth16 proof does not verify.
	ErrProofRejected = errors.New("proof rejected")
)

// Verify checks p against the artifacts: the Groth16 proof against the
// verifying key, and model id, outputs, job id and prover against the public
// inputs the proof binds. It returns nil only if all hold.
func Verify(a *model.Artifacts, p *ProofFile) error {
	pub, err := PublicValues(a, p)
	if err != nil {
		return err
	}
	proof, err := DecodeProof(p.Proof)
	if err != nil {
		return err
	}
	w, err := PublicWitness(pub)
	if err != nil {
		return err
	}
	if err := groth16.Verify(proof, a.VK, w, solidity.WithVerifierTargetSolidityVerifier(backend.GROTH16)); err != nil {
		return fmt.Errorf("%w: %v", ErrProofRejected, err)
	}
	return nil
}

// Sizes of a compressed BN254 Groth16 proof as gnark writes it: A, B and C,
// then the number of BSB22 commitments (4 bytes, big-endian), the
// commitments, and one proof of knowledge for all of them.
const (
	proofHead       = 32 + 64 + 32
	proofCommitment = 32
	// MaxCommitments bounds the commitments a proof may declare; ours have one.
	MaxCommitments = 16
)

// DecodeProof decodes the hex proof bytes of a proof file. Their length must
// be exactly that of a compressed proof with the commitment count they
// declare, checked before gnark reads them: gnark allocates whatever count
// the bytes declare, and 2^32-1 of them would exhaust memory.
func DecodeProof(hexProof string) (*groth16bn254.Proof, error) {
	raw, err := hex.DecodeString(strings.TrimPrefix(hexProof, "0x"))
	if err != nil {
		return nil, fmt.Errorf("%w: proof is not hex: %v", ErrMalformed, err)
	}
	if len(raw) < proofHead+4 {
		return nil, fmt.Errorf("%w: proof is %d bytes, shorter than a Groth16 proof (%d)", ErrMalformed, len(raw), proofHead+4+proofCommitment)
	}
	n := binary.BigEndian.Uint32(raw[proofHead:])
	if n > MaxCommitments {
		return nil, fmt.Errorf("%w: proof declares %d commitments, at most %d", ErrMalformed, n, MaxCommitments)
	}
	if want := proofHead + 4 + int(n)*proofCommitment + proofCommitment; len(raw) != want {
		return nil, fmt.Errorf("%w: proof is %d bytes, a compressed Groth16 proof with %d commitments has %d", ErrMalformed, len(raw), n, want)
	}
	proof := new(groth16bn254.Proof)
	if _, err := proof.ReadFrom(bytes.NewReader(raw)); err != nil {
		return nil, fmt.Errorf("%w: the proof bytes do not decode: %v", ErrMalformed, err)
	}
	return proof, nil
}

// PublicWitness builds the public witness from the five public values.
func PublicWitness(pub []*big.Int) (witness.Witness, error) {
	w, err := witness.New(ecc.BN254.ScalarField())
	if err != nil {
		return nil, err
	}
	ch := make(chan any, len(pub))
	for _, v := range pub {
		ch <- v
	}
	close(ch)
	if err := w.Fill(len(pub), 0, ch); err != nil {
		return nil, err
	}
	return w, nil
}

// PublicValues recomputes, from the proof file and the artifacts, every public
// input it can, checks it against public_inputs, and returns the five values.
func PublicValues(a *model.Artifacts, p *ProofFile) ([]*big.Int, error) {
	if len(p.PublicInputs) != len(model.PublicInputs) {
		return nil, fmt.Errorf("%w: public_inputs has %d values, want %d (%v)", ErrMalformed, len(p.PublicInputs), len(model.PublicInputs), model.PublicInputs)
	}
	pub := make([]*big.Int, len(p.PublicInputs))
	for i, s := range p.PublicInputs {
		v, err := ParseHex(s)
		if err != nil {
			return nil, fmt.Errorf("%w: public_inputs[%d] (%s): %v", ErrMalformed, i, model.PublicInputs[i], err)
		}
		// gnark would reduce a larger value mod r, and the proof would
		// verify for job+r or prover+r; the on-chain verifier refuses them
		if v.Cmp(ecc.BN254.ScalarField()) >= 0 {
			return nil, fmt.Errorf("%w: public_inputs[%d] (%s) %s is not below the BN254 scalar field modulus", ErrMalformed, i, model.PublicInputs[i], s)
		}
		pub[i] = v
	}
	id, err := ParseHex(p.ModelID)
	if err != nil {
		return nil, fmt.Errorf("%w: model_id: %v", ErrMalformed, err)
	}
	if id.Cmp(a.ID) != 0 {
		return nil, fmt.Errorf("%w: the proof is for model %s, the artifacts hold model %s", ErrMismatch, p.ModelID, a.Meta.ModelID)
	}
	if pub[0].Cmp(a.ID) != 0 {
		return nil, fmt.Errorf("%w: public input model is %s, not the artifacts' model %s", ErrMismatch, p.PublicInputs[0], a.Meta.ModelID)
	}
	if p.InputCommitment != "" {
		ic, err := ParseHex(p.InputCommitment)
		if err != nil {
			return nil, fmt.Errorf("%w: input_commitment: %v", ErrMalformed, err)
		}
		if ic.Cmp(pub[1]) != 0 {
			return nil, fmt.Errorf("%w: input_commitment differs from public input input", ErrMismatch)
		}
	}
	if a.Meta.Input == "public" && len(p.InputData) == 0 {
		return nil, fmt.Errorf("%w: the model discloses its input (--input public) but the proof file has no input_data", ErrMismatch)
	}
	// input_data, where a file carries it, is checked whatever the model's
	// input mode: a reader takes what the file shows as what was proved
	if len(p.InputData) > 0 {
		ins := make([]*tensor.T, len(p.InputData))
		for i, v := range p.InputData {
			if i < len(a.Prog.Inputs) {
				ins[i] = &tensor.T{Shape: a.Prog.Tensors[a.Prog.Inputs[i]].Shape, Data: v}
			}
		}
		q, err := model.QuantizeInputs(a.Prog, ins)
		if err != nil {
			return nil, fmt.Errorf("%w: input_data: %v", ErrMismatch, err)
		}
		if model.InputValue(a.Prog, q, a.Meta.InputHashed()).Cmp(pub[1]) != 0 {
			return nil, fmt.Errorf("%w: input_data is not the input the proof commits to", ErrMismatch)
		}
	}
	outs, err := QuantizeOutputs(a, p.OutputData)
	if err != nil {
		return nil, err
	}
	if p.OutputShapes != nil {
		if len(p.OutputShapes) != len(a.Prog.Outputs) {
			return nil, fmt.Errorf("%w: output_shapes lists %d outputs, the model has %d", ErrMismatch, len(p.OutputShapes), len(a.Prog.Outputs))
		}
		for i, id := range a.Prog.Outputs {
			if want := a.Prog.Tensors[id].Shape; !want.Equal(p.OutputShapes[i]) {
				return nil, fmt.Errorf("%w: output_shapes[%d] is %v, output %s has shape %v", ErrMismatch, i, p.OutputShapes[i], a.Prog.Tensors[id].Name, want)
			}
		}
	}
	hashed := a.Meta.OutputHashed()
	if v := model.OutputValue(a.Prog, outs, hashed); v.Cmp(pub[2]) != 0 {
		return nil, fmt.Errorf("%w: output_data is not the output the proof binds", ErrMismatch)
	}
	for i, f := range []struct{ name, val string }{{"job_id", p.JobID}, {"prover", p.Prover}} {
		v, err := ParseHex(f.val)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, f.name, err)
		}
		if v.Cmp(pub[3+i]) != 0 {
			return nil, fmt.Errorf("%w: %s %s differs from the public input %s", ErrMismatch, f.name, f.val, p.PublicInputs[3+i])
		}
		if f.name == "prover" && v.BitLen() > model.ProverBits {
			return nil, fmt.Errorf("%w: prover %s is longer than a 20-byte address", ErrMalformed, f.val)
		}
	}
	return pub, nil
}

// QuantizeOutputs maps output_data back to the integers the circuit produced;
// a value that is not exactly representable at the output's scale is an error.
func QuantizeOutputs(a *model.Artifacts, data [][]float64) ([][]int64, error) {
	if len(data) != len(a.Prog.Outputs) {
		return nil, fmt.Errorf("%w: output_data has %d outputs, the model has %d", ErrMismatch, len(data), len(a.Prog.Outputs))
	}
	out := make([][]int64, len(data))
	for i, id := range a.Prog.Outputs {
		t := a.Prog.Tensors[id]
		if len(data[i]) != t.Shape.Size() {
			return nil, fmt.Errorf("%w: output_data[%d] has %d values, output %s has %d", ErrMismatch, i, len(data[i]), t.Name, t.Shape.Size())
		}
		s := math.Ldexp(1, t.Frac)
		lim := math.Ldexp(1, t.Bits-1)
		out[i] = make([]int64, len(data[i]))
		for j, v := range data[i] {
			q := math.Round(v * s)
			if q/s != v || q < -lim || q >= lim {
				return nil, fmt.Errorf("%w: output_data[%d][%d] = %v is not a value output %s can take (a multiple of 2^-%d below 2^%d)", ErrMismatch, i, j, v, t.Name, t.Frac, t.Bits-1-t.Frac)
			}
			out[i][j] = int64(q)
		}
	}
	return out, nil
}

// ParseHex parses a 0x-prefixed hex (or plain decimal) non-negative integer.
func ParseHex(s string) (*big.Int, error) {
	if s == "" {
		return nil, fmt.Errorf("empty")
	}
	v, ok := new(big.Int), false
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		v, ok = v.SetString(s[2:], 16)
	} else {
		v, ok = v.SetString(s, 10)
	}
	if !ok || v.Sign() < 0 {
		return nil, fmt.Errorf("%q is not a non-negative hex or decimal integer", s)
	}
	return v, nil
}

// Hex formats a field element as 0x-prefixed hex.
func Hex(v *big.Int) string { return "0x" + v.Text(16) }
