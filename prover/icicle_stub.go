//go:build !icicle

package prover

// newIcicle fails: GPU proving needs the icicle build tag.
func newIcicle(GPUOptions) (Accelerator, error) { return nil, ErrNoGPU }

// GPUMemory reports the memory of GPU deviceID; without the icicle tag there
// is none.
func GPUMemory(deviceID int) (total, free uint64, err error) { return 0, 0, ErrNoGPU }
