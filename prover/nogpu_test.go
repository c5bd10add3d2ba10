//go:build !icicle

package prover_test

import (
	"errors"
	"testing"

	"github.com/zkml/zkml/prover"
)

func TestNoGPUSupport(t *testing.T) {
	if _, err := prover.NewAccelerator("icicle", prover.GPUOptions{}); !errors.Is(err, prover.ErrNoGPU) {
		t.Fatalf("icicle without the build tag: %v, want ErrNoGPU", err)
	}
	if _, _, err := prover.GPUMemory(0); !errors.Is(err, prover.ErrNoGPU) {
		t.Fatalf("GPUMemory without the build tag: %v", err)
	}
	if a, err := prover.NewAccelerator("cpu", prover.GPUOptions{}); err != nil || a.Name() != "cpu" {
		t.Fatalf("cpu accelerator: %v %v", a, err)
	}
	if _, err := prover.NewAccelerator("tpu", prover.GPUOptions{}); err == nil {
		t.Fatal("unknown accelerator accepted")
	}
}
