//go:build icicle

package prover

import (
	"fmt"
	"sync"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/accelerated/icicle"
	icicle_groth16 "github.com/consensys/gnark/backend/accelerated/icicle/groth16"
	icicle_bn254 "github.com/consensys/gnark/backend/accelerated/icicle/groth16/bn254"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	icicle_runtime "github.com/ingonyama-zk/icicle-gnark/v3/wrappers/golang/runtime"
)

// gpu proves through gnark's ICICLE backend. One proof runs on a device at a
// time; the proving key of the model last proved stays pinned in GPU memory
// and is released when another model's key is used.
type gpu struct {
	opts []icicle.Option
	// mu serializes proofs on the device and guards pinned.
	mu     sync.Mutex
	pinned groth16.ProvingKey
}

func newIcicle(o GPUOptions) (Accelerator, error) {
	opts := []icicle.Option{
		icicle.WithDeviceID(o.DeviceID),
		icicle.WithPinKeysToGPU(true),
	}
	if o.BackendDir != "" {
		opts = append(opts, icicle.WithBackendLibrary(o.BackendDir))
	}
	return &gpu{opts: opts}, nil
}

func (g *gpu) Name() string                      { return "icicle" }
func (g *gpu) NewProvingKey() groth16.ProvingKey { return icicle_groth16.NewProvingKey(ecc.BN254) }

func (g *gpu) Prove(ccs constraint.ConstraintSystem, pk groth16.ProvingKey, w witness.Witness, opts ...backend.ProverOption) (groth16.Proof, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.pinned != nil && g.pinned != pk {
		g.release(g.pinned)
	}
	g.pinned = pk
	return icicle_groth16.Prove(ccs, pk, w, append(g.opts[:len(g.opts):len(g.opts)], icicle.WithProverOptions(append(proverOpts(), opts...)...))...)
}

func (g *gpu) Release(pk groth16.ProvingKey) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.release(pk)
	if g.pinned == pk {
		g.pinned = nil
	}
}

func (g *gpu) release(pk groth16.ProvingKey) {
	if k, ok := pk.(*icicle_bn254.ProvingKey); ok {
		k.FreeGPUResources()
	}
}

// GPUMemory reports the total and free memory of GPU deviceID.
func GPUMemory(deviceID int) (total, free uint64, err error) {
	if e := icicle_runtime.LoadBackendFromEnvOrDefault(); e != icicle_runtime.Success {
		return 0, 0, fmt.Errorf("loading the ICICLE backend: %s", e.AsString())
	}
	dev := icicle_runtime.CreateDevice("CUDA", deviceID)
	if e := icicle_runtime.SetDevice(&dev); e != icicle_runtime.Success {
		return 0, 0, fmt.Errorf("GPU %d: %s", deviceID, e.AsString())
	}
	m, e := icicle_runtime.GetAvailableMemory()
	if e != icicle_runtime.Success {
		return 0, 0, fmt.Errorf("GPU %d memory: %s", deviceID, e.AsString())
	}
	return uint64(m.Total), uint64(m.Free), nil
}
