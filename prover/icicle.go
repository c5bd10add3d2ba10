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
	opts   []icicle.Option
	device int
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
	return &gpu{opts: opts, device: o.DeviceID}, nil
}

func (g *gpu) Name() string                      { return "icicle" }
func (g *gpu) NewProvingKey() groth16.ProvingKey { return icicle_groth16.NewProvingKey(ecc.BN254) }

func (g *gpu) Prove(ccs constraint.ConstraintSystem, pk groth16.ProvingKey, w witness.Witness, opts ...backend.ProverOption) (groth16.Proof, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.pinned != nil && g.pinned != pk {
		g.release(g.pinned)
		g.pinned = nil
	}
	if g.pinned == nil {
		// a key the device cannot hold would fail deep inside ICICLE, in
		// goroutines of its own: check first, and let the CPU prove it
		if _, free, err := GPUMemory(g.device); err == nil {
			if need := deviceBytes(pk); need > free {
				return nil, fmt.Errorf("GPU %d has %d bytes free, the proving key and its working memory need about %d: proving on the CPU", g.device, free, need)
			}
		}
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

// deviceBytes estimates the device memory a proof with pk takes: the key's
// points pinned (affine, 64 bytes in G1, 128 in G2) and as much again for
// the MSM buckets and the NTT's vectors.
func deviceBytes(pk groth16.ProvingKey) uint64 {
	k, ok := pk.(*icicle_bn254.ProvingKey)
	if !ok {
		return 0
	}
	g1 := len(k.G1.A) + len(k.G1.B) + len(k.G1.Z) + len(k.G1.K)
	return 2 * (uint64(g1)*64 + uint64(len(k.G2.B))*128)
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
