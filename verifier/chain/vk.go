package chain

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark/backend/groth16"
	groth16bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/contracts/registry"
	"github.com/zkml/zkml/verifier"
)

// ErrUnsupportedKey: the verifying key does not have the layout the on-chain
// verifier is written for (BN254, five public inputs, one BSB22 commitment
// over private wires only).
var ErrUnsupportedKey = errors.New("verifying key not supported by the on-chain verifier")

// ProofBytes is the size of a proof in the on-chain encoding.
const ProofBytes = 384

// VerifyingKey converts a gnark Groth16 verifying key to the verifier
// contract's constructor argument.
func VerifyingKey(vk groth16.VerifyingKey) (registry.VerifierVerifyingKey, error) {
	var out registry.VerifierVerifyingKey
	k, ok := vk.(*groth16bn254.VerifyingKey)
	if !ok {
		return out, fmt.Errorf("%w: curve %s, want BN254", ErrUnsupportedKey, vk.CurveID())
	}
	if n := len(model.PublicInputs) + 2; len(k.G1.K) != n {
		return out, fmt.Errorf("%w: %d public wires (K points), want %d (one, %d public inputs, one commitment)", ErrUnsupportedKey, len(k.G1.K), n, len(model.PublicInputs))
	}
	if len(k.CommitmentKeys) != 1 || len(k.PublicAndCommitmentCommitted) != 1 {
		return out, fmt.Errorf("%w: %d commitments, want 1", ErrUnsupportedKey, len(k.CommitmentKeys))
	}
	if len(k.PublicAndCommitmentCommitted[0]) != 0 {
		return out, fmt.Errorf("%w: the commitment covers public wires %v", ErrUnsupportedKey, k.PublicAndCommitmentCommitted[0])
	}
	out.Alpha = g1(&k.G1.Alpha)
	out.Beta = g2(&k.G2.Beta)
	out.Gamma = g2(&k.G2.Gamma)
	out.Delta = g2(&k.G2.Delta)
	for i := range k.G1.K {
		p := g1(&k.G1.K[i])
		out.Ic[2*i], out.Ic[2*i+1] = p[0], p[1]
	}
	out.PedersenG = g2(&k.CommitmentKeys[0].G)
	out.PedersenGSigmaNeg = g2(&k.CommitmentKeys[0].GSigmaNeg)
	return out, nil
}

// VKHash is the registry's record of a verifying key: keccak256 of its
// constructor argument ABI-encoded (36 words: alpha, beta, gamma, delta,
// ic, pedersenG, pedersenGSigmaNeg).
func VKHash(vk groth16.VerifyingKey) ([32]byte, error) {
	k, err := VerifyingKey(vk)
	if err != nil {
		return [32]byte{}, err
	}
	var words []*big.Int
	words = append(words, k.Alpha[:]...)
	words = append(words, k.Beta[:]...)
	words = append(words, k.Gamma[:]...)
	words = append(words, k.Delta[:]...)
	words = append(words, k.Ic[:]...)
	words = append(words, k.PedersenG[:]...)
	words = append(words, k.PedersenGSigmaNeg[:]...)
	buf := make([]byte, 0, 32*len(words))
	for _, w := range words {
		buf = append(buf, common.BigToHash(w).Bytes()...)
	}
	return crypto.Keccak256Hash(buf), nil
}

func g1(p *bn254.G1Affine) [2]*big.Int {
	return [2]*big.Int{p.X.BigInt(new(big.Int)), p.Y.BigInt(new(big.Int))}
}

// g2 uses the EIP-197 order: x imaginary, x real, y imaginary, y real.
func g2(p *bn254.G2Affine) [4]*big.Int {
	return [4]*big.Int{
		p.X.A1.BigInt(new(big.Int)), p.X.A0.BigInt(new(big.Int)),
		p.Y.A1.BigInt(new(big.Int)), p.Y.A0.BigInt(new(big.Int)),
	}
}

// Calldata is what submitProof takes from a proof file.
type Calldata struct {
	Proof  []byte   // the on-chain proof encoding, ProofBytes long
	Output *big.Int // the output public input
	Public []*big.Int
}

// ProofCalldata decodes a proof file into the on-chain encoding (gnark's
// MarshalSolidity) and its output public input.
func ProofCalldata(pf *verifier.ProofFile) (*Calldata, error) {
	p, err := verifier.DecodeProof(pf.Proof)
	if err != nil {
		return nil, err
	}
	if len(p.Commitments) != 1 {
		return nil, fmt.Errorf("%w: the proof has %d commitments, want 1", verifier.ErrMalformed, len(p.Commitments))
	}
	if len(pf.PublicInputs) != len(model.PublicInputs) {
		return nil, fmt.Errorf("%w: public_inputs has %d values, want %d", verifier.ErrMalformed, len(pf.PublicInputs), len(model.PublicInputs))
	}
	cd := &Calldata{Proof: p.MarshalSolidity()}
	for i, s := range pf.PublicInputs {
		v, err := verifier.ParseHex(s)
		if err != nil {
			return nil, fmt.Errorf("%w: public_inputs[%d]: %v", verifier.ErrMalformed, i, err)
		}
		cd.Public = append(cd.Public, v)
	}
	cd.Output = cd.Public[2]
	return cd, nil
}

// InputCommitment is the input public input for inputs to a compiled model:
// what a requester passes to RequestJob (the packed input, or its
// commitment).
func InputCommitment(a *model.Artifacts, inputs [][]float64) (*big.Int, error) {
	return a.InputValue(inputs)
}
