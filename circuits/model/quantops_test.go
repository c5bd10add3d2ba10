package model_test

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/test"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
	"github.com/zkml/zkml/prover"
)

const frozen = "../../../shared/models/quant-ops/frozen"

// notYet are the conformance models whose operators have no circuit yet.
var notYet = map[string]bool{}

// TestQuantOpsConformance runs every frozen quantized-operator model through
// quantization and the integer reference, requires the expected outputs
// exactly (floats within 1e-5), and checks in gnark's test engine that the
// honest witness is accepted and a changed output is rejected.
func TestQuantOpsConformance(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join(frozen, "test_*"))
	if len(dirs) == 0 {
		t.Fatalf("no conformance models under %s", frozen)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			g, err := onnx.Load(filepath.Join(dir, "network.onnx"))
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(filepath.Join(dir, "input.json"))
			if err != nil {
				t.Fatal(err)
			}
			var f struct {
				In  [][]float64 `json:"input_data"`
				Out [][]float64 `json:"output_data"`
			}
			if err := json.Unmarshal(raw, &f); err != nil {
				t.Fatal(err)
			}
			sample := make([]*tensor.T, len(g.Inputs))
			for i, in := range g.Inputs {
				sample[i] = &tensor.T{Shape: in.Shape, Data: f.In[i]}
			}
			q, err := model.Quantize(g, [][]*tensor.T{sample}, ops.Defaults)
			if notYet[name] {
				if !errors.Is(err, ops.ErrUnsupported) {
					t.Fatalf("expected an unsupported-operator error, got %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			id, err := model.ModelID(q.Prog)
			if err != nil {
				t.Fatal(err)
			}
			hashed := model.HashesOutput(q.Prog, false)
			a := &model.Artifacts{Prog: q.Prog, ID: id, Meta: &model.Meta{}}
			a.Meta.InputEncoding, a.Meta.OutputEncoding = model.Encodings(q.Prog, model.Modes{})
			w, err := prover.Solve(a, prover.Request{Inputs: f.In, JobID: big.NewInt(1)})
			if err != nil {
				t.Fatal(err)
			}
			for i, oid := range q.Prog.Outputs {
				info := q.Prog.Tensors[oid]
				for j, v := range w.Outputs[i] {
					got, want := float64(v)*math.Ldexp(1, -info.Frac), f.Out[i][j]
					if math.Abs(got-want) > 1e-5*math.Max(1, math.Abs(want)) {
						t.Fatalf("output %d[%d] = %v, expected %v", i, j, got, want)
					}
				}
			}
			field := ecc.BN254.ScalarField()
			circuit := func() *model.Circuit { return model.NewCircuit(q.Prog, id, hashed) }
			if err := test.IsSolved(circuit(), w.Full, field); err != nil {
				t.Fatalf("honest witness rejected: %v", err)
			}
			outs := make([][]int64, len(w.Outputs))
			for i := range outs {
				outs[i] = append([]int64(nil), w.Outputs[i]...)
			}
			outs[0][0]++
			bad := *w.Full.(*model.Circuit)
			bad.Output = model.OutputValue(q.Prog, outs, hashed)
			if err := test.IsSolved(circuit(), &bad, field); err == nil {
				t.Fatal("output[0][0]+1 was accepted")
			}
		})
	}
}

// TestIntegerInputRange rejects a uint8 input outside [0, 255] with an error
// naming the input, the element and the range.
func TestIntegerInputRange(t *testing.T) {
	dir := filepath.Join(frozen, "test_qlinearadd_uint8")
	g, err := onnx.Load(filepath.Join(dir, "network.onnx"))
	if err != nil {
		t.Fatal(err)
	}
	x := tensor.New(g.Inputs[0].Shape)
	q, err := model.Quantize(g, [][]*tensor.T{{x}}, ops.Defaults)
	if err != nil {
		t.Fatal(err)
	}
	x.Data[3] = 256
	_, err = model.QuantizeInputs(q.Prog, []*tensor.T{x})
	if err == nil || !contains(err.Error(), "element 3", "uint8", "[0, 255]") {
		t.Fatalf("want an error naming element 3 and the uint8 range, got %v", err)
	}
}

func contains(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
