package prover_test

import (
	"errors"
	"math/big"
	"path/filepath"
	"testing"

	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/verifier"
)

// The GPU cannot run here, so these accelerators are test doubles standing in
// for it: one that panics (as gnark's MSM chunking can under memory pressure),
// one that returns an error, one that returns a proof of another witness (an
// invalid proof), and one that works (it proves on the CPU).
type gpuDouble struct {
	mode string
	cpu  prover.CPU
	ccs  constraint.ConstraintSystem
	pk   groth16.ProvingKey
	// other is a witness of other inputs, for the "wrong" mode
	other witness.Witness
}

func (g *gpuDouble) Name() string                      { return "gpu-test-double-" + g.mode }
func (g *gpuDouble) NewProvingKey() groth16.ProvingKey { return g.cpu.NewProvingKey() }
func (g *gpuDouble) Release(groth16.ProvingKey)        {}
func (g *gpuDouble) Prove(ccs constraint.ConstraintSystem, pk groth16.ProvingKey, w witness.Witness, opts ...backend.ProverOption) (groth16.Proof, error) {
	switch g.mode {
	case "panic":
		panic("msm: empty last chunk")
	case "error":
		return nil, errors.New("cudaErrorMemoryAllocation")
	case "wrong":
		return g.cpu.Prove(ccs, pk, g.other, opts...)
	}
	return g.cpu.Prove(ccs, pk, w, opts...)
}

func compile(t *testing.T) string {
	t.Helper()
	dir := "../../shared/models/dev/1l_mlp"
	g, err := onnx.Load(filepath.Join(dir, "network.onnx"))
	if err != nil {
		t.Fatal(err)
	}
	in, err := model.ReadInput(filepath.Join(dir, "input.json"))
	if err != nil {
		t.Fatal(err)
	}
	q, err := model.Quantize(g, [][]*tensor.T{{{Shape: g.Inputs[0].Shape, Data: in[0]}}}, ops.Defaults)
	if err != nil {
		t.Fatal(err)
	}
	art := filepath.Join(t.TempDir(), "a")
	if _, err := model.Compile(q, art, model.CompileOptions{}); err != nil {
		t.Fatal(err)
	}
	return art
}

func TestGPUFallback(t *testing.T) {
	art := compile(t)
	in := [][]float64{{1.5, 0.5, 1.2}}
	for _, tc := range []struct {
		mode           string
		gpu, fallbacks int64
	}{
		{"works", 1, 0},
		{"panic", 0, 1},
		{"error", 0, 1},
		{"wrong", 0, 1},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			double := &gpuDouble{mode: tc.mode}
			stats := new(prover.Stats)
			p, err := prover.Load(art, prover.WithAccelerator(double), prover.WithStats(stats))
			if err != nil {
				t.Fatal(err)
			}
			if tc.mode == "wrong" {
				w, err := prover.Solve(p.A, prover.Request{Inputs: [][]float64{{0.1, 0.2, 0.3}}})
				if err != nil {
					t.Fatal(err)
				}
				if double.other, err = fullWitness(w); err != nil {
					t.Fatal(err)
				}
			}
			pf, err := p.Prove(prover.Request{Inputs: in, JobID: big.NewInt(9)})
			if err != nil {
				t.Fatalf("prove: %v", err)
			}
			if err := verifier.Verify(p.A, pf); err != nil {
				t.Fatalf("the returned proof does not verify: %v", err)
			}
			if got := stats.GPUProofs.Load(); got != tc.gpu {
				t.Errorf("GPU proofs %d, want %d", got, tc.gpu)
			}
			if got := stats.Fallbacks.Load(); got != tc.fallbacks {
				t.Errorf("fallbacks %d, want %d", got, tc.fallbacks)
			}
		})
	}
}

// Several goroutines proving with one Prover at once, every proof falling
// back to the CPU: the first fallback's key load was unguarded (a data race
// under -race); each proof must verify and bind its own job.
func TestConcurrentFallback(t *testing.T) {
	art := compile(t)
	stats := new(prover.Stats)
	p, err := prover.Load(art, prover.WithAccelerator(&gpuDouble{mode: "error"}), prover.WithStats(stats))
	if err != nil {
		t.Fatal(err)
	}
	in := [][]float64{{1.5, 0.5, 1.2}}
	const n = 4
	errs := make(chan error, n)
	for i := range n {
		go func() {
			pf, err := p.Prove(prover.Request{Inputs: in, JobID: big.NewInt(int64(100 + i))})
			if err == nil {
				err = verifier.Verify(p.A, pf)
			}
			if err == nil && pf.JobID != verifier.Hex(big.NewInt(int64(100+i))) {
				err = errors.New("proof of job " + pf.JobID + " for job " + big.NewInt(int64(100+i)).String())
			}
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if got := stats.Fallbacks.Load(); got != n {
		t.Errorf("fallbacks %d, want %d", got, n)
	}
}
