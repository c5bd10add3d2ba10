package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/onnx/qdq"
)

// readInputs reads the input_data of input files, one calibration sample each.
func readInputs(t *testing.T, paths []string) [][][]float64 {
	t.Helper()
	var samples [][][]float64
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var f struct {
			InputData [][]float64 `json:"input_data"`
		}
		if err := json.Unmarshal(raw, &f); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		samples = append(samples, f.InputData)
	}
	return samples
}

// TestQDQModels writes the QDQ form (uint8 activations, int8 weights, int32
// biases, as onnxruntime's static quantizer emits it) of dev models calibrated
// on their inputs, then compiles, proves and verifies it from the CLI and
// compares each output with the float model's reference (5% of its largest
// magnitude, same argmax). mnist-8 runs with ZKML_HEAVY=1.
func TestQDQModels(t *testing.T) {
	cases := []struct {
		name       string
		perChannel bool
		dq         int // DequantizeLinear nodes expected
	}{
		{"mnist_mlp_bn", false, 3 + 6}, // weights; activations in, out, around both BNs
		{"mnist-8", true, 3 + 3 + 7},   // weights, biases, activations (Relus dropped)
	}
	if !heavy { // mnist-8 QDQ: minutes to compile and prove
		cases = cases[:1]
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(models, c.name)
			src, err := os.ReadFile(filepath.Join(dir, "network.onnx"))
			if err != nil {
				t.Fatal(err)
			}
			inputs, _ := filepath.Glob(filepath.Join(dir, "input*.json"))
			raw, err := qdq.Generate(src, readInputs(t, inputs), qdq.Options{PerChannel: c.perChannel})
			if err != nil {
				t.Fatal(err)
			}
			model := filepath.Join(t.TempDir(), "qdq.onnx")
			if err := os.WriteFile(model, raw, 0o644); err != nil {
				t.Fatal(err)
			}
			g, err := onnx.Decode(raw)
			if err != nil {
				t.Fatal(err)
			}
			count := map[string]int{}
			for _, n := range g.Nodes {
				count[n.Op]++
			}
			t.Logf("QDQ graph: %v", count)
			if count["DequantizeLinear"] != c.dq || count["QuantizeLinear"] == 0 {
				t.Errorf("QDQ graph has %d DequantizeLinear, want %d", count["DequantizeLinear"], c.dq)
			}
			int8s := 0
			for _, v := range g.Consts {
				if v.DType == 3 && len(v.Data) > 16 { // INT8 weights, not zero points
					int8s++
				}
			}
			if int8s != 3 {
				t.Errorf("%d int8 weight initializers, want 3", int8s)
			}

			art := filepath.Join(t.TempDir(), "artifacts")
			args := []string{"compile", "--model", model, "--out", art}
			for _, in := range inputs {
				args = append(args, "--calibration", in)
			}
			if code, out := zkml(t, args...); code != 0 {
				t.Fatalf("compile: exit %d\n%s", code, out)
			}
			for _, in := range inputs {
				proveMatches(t, art, dir, in)
			}
		})
	}
}
