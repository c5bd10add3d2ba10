package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/verifier"
)

const frozenModels = "../../../shared/models/quant-ops/frozen"

// TestQuantizedModelsCLI compiles, proves and verifies pre-quantized models
// without calibration flags and requires the expected outputs exactly.
func TestQuantizedModelsCLI(t *testing.T) {
	for _, name := range []string{"test_qlinearconv", "test_quantizelinear_axis", "test_qgemm_int8_bias_per_output"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(frozenModels, name)
			art := filepath.Join(t.TempDir(), "a")
			if code, out := zkml(t, "compile", "--model", filepath.Join(dir, "network.onnx"), "--out", art); code != 0 {
				t.Fatalf("compile: exit %d\n%s", code, out)
			}
			proof := filepath.Join(t.TempDir(), "p.json")
			if code, out := zkml(t, "prove", "--artifacts", art, "--input", filepath.Join(dir, "input.json"), "--out", proof); code != 0 {
				t.Fatalf("prove: exit %d\n%s", code, out)
			}
			if code, out := zkml(t, "verify", "--artifacts", art, "--proof", proof); code != 0 {
				t.Fatalf("verify: exit %d\n%s", code, out)
			}
			pf, err := verifier.ReadProofFile(proof)
			if err != nil {
				t.Fatal(err)
			}
			want := reference(t, dir, "input.json")
			for i := range want {
				for j := range want[i] {
					if math.Abs(pf.OutputData[i][j]-want[i][j]) > 1e-5*math.Max(1, math.Abs(want[i][j])) {
						t.Fatalf("output %d[%d] = %v, expected %v", i, j, pf.OutputData[i][j], want[i][j])
					}
				}
			}
		})
	}
}

// TestPrivacyModesCLI: private weights, disclosed input, hashed output. The
// proof verifies without weights.bin; a changed input_data or changed
// weights are refused.
func TestPrivacyModesCLI(t *testing.T) {
	dir := filepath.Join(models, "1l_mlp")
	art := filepath.Join(t.TempDir(), "a")
	if code, out := zkml(t, "compile", "--model", filepath.Join(dir, "network.onnx"), "--out", art, "--weights", "private", "--input", "public", "--output", "hashed"); code != 0 {
		t.Fatalf("compile: exit %d\n%s", code, out)
	}
	meta, err := model.LoadMeta(art)
	if err != nil {
		t.Fatal(err)
	}
	if meta.Weights != "private" || meta.Input != "public" || meta.OutputEncoding != "poseidon2" {
		t.Fatalf("model.json records weights %q input %q output %q", meta.Weights, meta.Input, meta.OutputEncoding)
	}
	proof := filepath.Join(t.TempDir(), "p.json")
	if code, out := zkml(t, "prove", "--artifacts", art, "--input", filepath.Join(dir, "input.json"), "--out", proof); code != 0 {
		t.Fatalf("prove: exit %d\n%s", code, out)
	}
	// the verifier's copy has no weights
	vdir := filepath.Join(t.TempDir(), "v")
	if err := os.MkdirAll(vdir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{model.MetaFile, model.ProgramFile, model.VKFile} {
		raw, err := os.ReadFile(filepath.Join(art, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(vdir, f), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, out := zkml(t, "verify", "--artifacts", vdir, "--proof", proof); code != 0 {
		t.Fatalf("verify without weights: exit %d\n%s", code, out)
	}
	pf, err := verifier.ReadProofFile(proof)
	if err != nil {
		t.Fatal(err)
	}
	if len(pf.InputData) == 0 {
		t.Fatal("--input public: the proof file does not disclose input_data")
	}
	pf.InputData[0][0] += 1
	bad := filepath.Join(t.TempDir(), "bad.json")
	raw, _ := json.Marshal(pf)
	if err := os.WriteFile(bad, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out := zkml(t, "verify", "--artifacts", vdir, "--proof", bad); code != exitRejected {
		t.Fatalf("a changed input_data: exit %d, want %d\n%s", code, exitRejected, out)
	}
	// other weights than the committed ones: the prover refuses them
	wpath := filepath.Join(art, model.WeightsFile)
	wraw, err := os.ReadFile(wpath)
	if err != nil {
		t.Fatal(err)
	}
	wraw[len(wraw)-1] ^= 2
	if err := os.WriteFile(wpath, wraw, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out := zkml(t, "prove", "--artifacts", art, "--input", filepath.Join(dir, "input.json"), "--out", proof); code == exitOK {
		t.Fatalf("prove with changed weights succeeded\n%s", out)
	}
}
