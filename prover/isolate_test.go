package prover_test

import (
	"bufio"
	"encoding/gob"
	"math/big"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/verifier"
)

// childEnv makes the test binary a stand-in for the GPU prover process (the
// GPU cannot run here): "works" proves on the CPU through the real pipe
// protocol (ServeChild); "crash" takes a request and dies of a panic in a
// goroutine of its own, as ICICLE's do on a device out of memory, where no
// recover reaches; "hang" takes a request and never answers.
const childEnv = "ZKML_TEST_GPU_CHILD"

func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "":
		os.Exit(m.Run())
	case "works":
		if err := prover.ServeChild(os.Stdin, os.Stdout, prover.CPU{}); err != nil {
			os.Exit(3)
		}
		os.Exit(0)
	case "crash", "hang":
		var req struct{ Dir string }
		gob.NewDecoder(bufio.NewReader(os.Stdin)).Decode(&req)
		if os.Getenv(childEnv) == "crash" {
			go func() { panic("cudaErrorMemoryAllocation: out of memory (test stand-in)") }()
		}
		time.Sleep(time.Hour)
	}
}

func standIn(t *testing.T, mode string, timeout time.Duration) *prover.Isolated {
	t.Helper()
	t.Setenv(childEnv, mode) // the child inherits it
	a := &prover.Isolated{Command: []string{os.Args[0], "-test.run=^$"}, Label: "gpu-stand-in-" + mode, Timeout: timeout}
	t.Cleanup(a.Close)
	return a
}

// TestIsolatedProver: proofs made in a child process verify; a child that
// crashes (a panic in a foreign goroutine) or hangs costs the proof its GPU
// attempt, not the process: the proof falls back to the CPU and verifies,
// and the next proof starts a new child.
func TestIsolatedProver(t *testing.T) {
	art := compile(t)
	in := [][]float64{{1.5, 0.5, 1.2}}
	for _, tc := range []struct {
		mode           string
		timeout        time.Duration
		gpu, fallbacks int64
	}{
		{"works", 0, 2, 0},
		{"crash", 0, 0, 2},
		{"hang", 2 * time.Second, 0, 2},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			stats := new(prover.Stats)
			p, err := prover.Load(art, prover.WithAccelerator(standIn(t, tc.mode, tc.timeout)), prover.WithStats(stats))
			if err != nil {
				t.Fatal(err)
			}
			for job := range 2 {
				pf, err := p.Prove(prover.Request{Inputs: in, JobID: big.NewInt(int64(job + 1))})
				if err != nil {
					t.Fatalf("proof %d: %v", job+1, err)
				}
				if err := verifier.Verify(p.A, pf); err != nil {
					t.Fatalf("proof %d does not verify: %v", job+1, err)
				}
				if !strings.HasSuffix(pf.JobID, string(rune('0'+job+1))) {
					t.Fatalf("proof %d binds job %s", job+1, pf.JobID)
				}
			}
			if g, f := stats.GPUProofs.Load(), stats.Fallbacks.Load(); g != tc.gpu || f != tc.fallbacks {
				t.Errorf("GPU proofs %d and fallbacks %d, want %d and %d", g, f, tc.gpu, tc.fallbacks)
			}
		})
	}
}

// TestIsolatedProverStuckChild: a child whose pipes outlive it (a grandchild
// holds them, as a process stuck in the driver would) or that writes
// garbage where the protocol expects answers costs a proof its GPU attempt
// within the timeout, not the worker its progress.
func TestIsolatedProverStuckChild(t *testing.T) {
	art := compile(t)
	in := [][]float64{{1.5, 0.5, 1.2}}
	for name, cmd := range map[string][]string{
		"grandchild holds the pipes": {"bash", "-c", "sleep 60; true"},
		"garbage on stdout":          {"bash", "-c", "echo ICICLE backend loaded; cat >/dev/null"},
	} {
		t.Run(name, func(t *testing.T) {
			a := &prover.Isolated{Command: cmd, Label: "stand-in", Timeout: 2 * time.Second}
			t.Cleanup(a.Close)
			stats := new(prover.Stats)
			p, err := prover.Load(art, prover.WithAccelerator(a), prover.WithStats(stats))
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			pf, err := p.Prove(prover.Request{Inputs: in})
			if err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > 15*time.Second {
				t.Fatalf("the proof took %s with a 2 s child timeout", d)
			}
			if err := verifier.Verify(p.A, pf); err != nil || stats.Fallbacks.Load() != 1 {
				t.Fatalf("verify %v, fallbacks %d", err, stats.Fallbacks.Load())
			}
		})
	}
}
