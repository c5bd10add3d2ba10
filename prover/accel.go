package prover

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync/atomic"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/solidity"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
)

// Accelerator proves solved witnesses. The CPU one is gnark's prover; the
// ICICLE one (build tag icicle) runs the MSMs and NTTs on an NVIDIA GPU.
type Accelerator interface {
	// Name is "cpu" or "icicle".
	Name() string
	// NewProvingKey returns an empty key of the type Prove expects, to be
	// filled with UnsafeReadFrom.
	NewProvingKey() groth16.ProvingKey
	// Prove proves w with opts added to the defaults (the solver's options
	// for the model's hints). Implementations need not be safe for concurrent
	// use.
	Prove(ccs constraint.ConstraintSystem, pk groth16.ProvingKey, w witness.Witness, opts ...backend.ProverOption) (groth16.Proof, error)
	// Release frees device memory held for pk, if any.
	Release(pk groth16.ProvingKey)
}

// ErrNoGPU is returned when GPU proving is asked of a binary built without it.
var ErrNoGPU = errors.New("this zkml binary was built without GPU support: rebuild with `go build -tags icicle` and the ICICLE libraries (see README, GPU proving)")

// proverOpts are the options every proof is made with: the hash to field of
// the commitment must match the Solidity verifier.
func proverOpts() []backend.ProverOption {
	return []backend.ProverOption{solidity.WithProverTargetSolidityVerifier(backend.GROTH16)}
}

// CPU is gnark's Groth16 prover.
type CPU struct{}

func (CPU) Name() string                      { return "cpu" }
func (CPU) NewProvingKey() groth16.ProvingKey { return groth16.NewProvingKey(ecc.BN254) }
func (CPU) Release(groth16.ProvingKey)        {}
func (CPU) Prove(ccs constraint.ConstraintSystem, pk groth16.ProvingKey, w witness.Witness, opts ...backend.ProverOption) (groth16.Proof, error) {
	return groth16.Prove(ccs, pk, w, append(proverOpts(), opts...)...)
}

// NewAccelerator returns the accelerator called name ("cpu" or "icicle").
func NewAccelerator(name string, o GPUOptions) (Accelerator, error) {
	switch name {
	case "", "cpu":
		return CPU{}, nil
	case "icicle":
		return newIcicle(o)
	}
	return nil, fmt.Errorf("unknown accelerator %q (cpu or icicle)", name)
}

// GPUOptions configure the ICICLE accelerator.
type GPUOptions struct {
	DeviceID int
	// BackendDir overrides ICICLE_BACKEND_INSTALL_DIR.
	BackendDir string
}

// Stats count what GPU proving did; a worker exports them as metrics.
type Stats struct {
	GPUProofs atomic.Int64 // proofs made on the GPU and accepted
	Fallbacks atomic.Int64 // proofs the GPU failed, made again on the CPU
}

// Fallback proves on a GPU accelerator and falls back to the CPU for a proof
// when the GPU errors, panics or returns a proof that does not verify: every
// GPU proof is verified on the CPU (about a millisecond) before it is used.
type Fallback struct {
	GPU   Accelerator
	Log   *slog.Logger
	Stats *Stats
	// cpuKey is the proving key loaded for the CPU, made on first fallback.
	cpuKey func() (groth16.ProvingKey, error)
}

// dirProver is an accelerator that proves a model by its artifacts
// directory, in another process (Isolated).
type dirProver interface {
	ProveDir(dir string, w witness.Witness) (groth16.Proof, error)
}

// proveChecked runs the GPU prover with panics turned into errors, then checks
// the proof against vk.
func proveChecked(a Accelerator, dir string, ccs constraint.ConstraintSystem, pk groth16.ProvingKey, vk groth16.VerifyingKey, w witness.Witness, opts ...backend.ProverOption) (proof groth16.Proof, err error) {
	defer func() {
		if r := recover(); r != nil {
			proof, err = nil, fmt.Errorf("%s prover panicked: %v", a.Name(), r)
		}
	}()
	if d, ok := a.(dirProver); ok {
		proof, err = d.ProveDir(dir, w)
	} else {
		proof, err = a.Prove(ccs, pk, w, opts...)
	}
	if err != nil {
		return nil, fmt.Errorf("%s prover: %w", a.Name(), err)
	}
	pub, err := w.Public()
	if err != nil {
		return nil, err
	}
	if err := groth16.Verify(proof, vk, pub, solidity.WithVerifierTargetSolidityVerifier(backend.GROTH16)); err != nil {
		return nil, fmt.Errorf("%s proof does not verify on the CPU: %w", a.Name(), err)
	}
	return proof, nil
}

// discard is a logger for callers that give none.
var discard = slog.New(slog.NewTextHandler(io.Discard, nil))
