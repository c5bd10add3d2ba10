package model_test

import (
	"encoding/json"
	"flag"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/zkml/zkml/circuits/model"
)

var updateVectors = flag.Bool("update-vectors", false, "rewrite docs/commitment-vectors.json from this implementation")

// vectorsFile holds the input-commitment test vectors docs/commitments.md
// refers to, for implementations in other languages.
const vectorsFile = "../../docs/commitment-vectors.json"

// vector is one test vector: the model.json fields the construction reads,
// the float input, and each step's result.
type vector struct {
	Name  string      `json:"name"`
	Model vectorModel `json:"model"`
	Input [][]float64 `json:"input_data"`
	// Quantized are step 1's integers; Packed step 2's field elements
	// (hex); Value the input public input (hex).
	Quantized [][]int64 `json:"quantized"`
	Packed    []string  `json:"packed"`
	Value     string    `json:"input_value"`
}

type vectorModel struct {
	Inputs        []model.TensorMeta `json:"inputs"`
	InputWidth    int                `json:"input_width"`
	InputEncoding string             `json:"input_encoding"`
	Commitment    string             `json:"commitment"`
}

// vectorCases are the vectors' models and inputs: a small input carried
// packed, the same forced to a hash in each scheme, a multi-element input,
// negative and tie-rounding values, and an integer (uint8) input.
func vectorCases() []vector {
	x := func(name string, shape []int, frac, bits int) model.TensorMeta {
		return model.TensorMeta{Name: name, Shape: shape, Frac: frac, Bits: bits}
	}
	many := make([]float64, 40)
	for i := range many {
		many[i] = float64(i-20) / 8
	}
	return []vector{
		{Name: "packed: three values in one element", Model: vectorModel{Inputs: []model.TensorMeta{x("input", []int{1, 3}, 12, 16)}, InputWidth: 16, InputEncoding: "packed", Commitment: "poseidon2-sponge-t16"},
			Input: [][]float64{{1.5417295, 0.5346153, -1.2172532}}},
		{Name: "poseidon2-md-t2: the same input hashed", Model: vectorModel{Inputs: []model.TensorMeta{x("input", []int{1, 3}, 12, 16)}, InputWidth: 16, InputEncoding: "poseidon2", Commitment: "poseidon2-md-t2"},
			Input: [][]float64{{1.5417295, 0.5346153, -1.2172532}}},
		{Name: "poseidon2-sponge-t16: the same input hashed", Model: vectorModel{Inputs: []model.TensorMeta{x("input", []int{1, 3}, 12, 16)}, InputWidth: 16, InputEncoding: "poseidon2", Commitment: "poseidon2-sponge-t16"},
			Input: [][]float64{{1.5417295, 0.5346153, -1.2172532}}},
		{Name: "two inputs, 40 values in three elements, ties rounded away from zero", Model: vectorModel{Inputs: []model.TensorMeta{x("a", []int{2, 20}, 3, 16), x("b", []int{2}, 1, 16)}, InputWidth: 16, InputEncoding: "poseidon2", Commitment: "poseidon2-sponge-t16"},
			Input: [][]float64{many, {0.25, -0.25}}},
		{Name: "an integer (uint8) input beside a fixed-point one", Model: vectorModel{Inputs: []model.TensorMeta{{Name: "ids", Shape: []int{4}, Frac: 0, Bits: 9, DType: "uint8"}, x("x", []int{2}, 8, 16)}, InputWidth: 16, InputEncoding: "packed", Commitment: "poseidon2-md-t2"},
			Input: [][]float64{{0, 7, 200, 255}, {-0.5, 0.75}}},
	}
}

func (v *vector) meta() *model.Meta {
	return &model.Meta{Inputs: v.Model.Inputs, InputWidth: v.Model.InputWidth, InputEncoding: v.Model.InputEncoding, Commitment: v.Model.Commitment}
}

// compute fills in each step's result with this implementation.
func (v *vector) compute(t *testing.T) {
	m := v.meta()
	q, err := m.QuantizeInputs(v.Input)
	if err != nil {
		t.Fatalf("%s: %v", v.Name, err)
	}
	v.Quantized, v.Packed = q, nil
	for _, e := range m.PackedInputs(q) {
		v.Packed = append(v.Packed, "0x"+e.Text(16))
	}
	val, err := m.InputValue(v.Input)
	if err != nil {
		t.Fatalf("%s: %v", v.Name, err)
	}
	v.Value = "0x" + val.Text(16)
}

// TestCommitmentVectors checks docs/commitment-vectors.json against this
// implementation (go test ./circuits/model -run CommitmentVectors
// -update-vectors rewrites it), and that a packed value unpacks to its
// quantized inputs.
func TestCommitmentVectors(t *testing.T) {
	want := vectorCases()
	for i := range want {
		want[i].compute(t)
	}
	if *updateVectors {
		b, err := json.MarshalIndent(want, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(vectorsFile, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := os.ReadFile(vectorsFile)
	if err != nil {
		t.Fatal(err)
	}
	var got []vector
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("%s: %v", filepath.Base(vectorsFile), err)
	}
	if len(got) != len(want) {
		t.Fatalf("%s holds %d vectors, want %d (rerun with -update-vectors)", vectorsFile, len(got), len(want))
	}
	for i := range got {
		g := got[i]
		g.compute(t) // from the file's own model and input
		gb, _ := json.Marshal(g)
		fb, _ := json.Marshal(got[i])
		if string(gb) != string(fb) {
			t.Errorf("vector %q: the file says\n%s\nthis implementation computes\n%s", got[i].Name, fb, gb)
		}
		m := g.meta()
		if m.InputHashed() {
			if _, err := m.UnpackInput(big.NewInt(1)); err == nil {
				t.Errorf("vector %q: a hashed input unpacked", g.Name)
			}
			continue
		}
		v, _ := new(big.Int).SetString(g.Value[2:], 16)
		q, err := m.UnpackInput(v)
		if err != nil {
			t.Fatalf("vector %q: %v", g.Name, err)
		}
		qb, _ := json.Marshal(q)
		wb, _ := json.Marshal(g.Quantized)
		if string(qb) != string(wb) {
			t.Errorf("vector %q: unpacked %s, quantized %s", g.Name, qb, wb)
		}
		// a value wider than the inputs is refused, not truncated
		if _, err := m.UnpackInput(new(big.Int).Lsh(big.NewInt(1), 253)); err == nil {
			t.Errorf("vector %q: a 254-bit value unpacked", g.Name)
		}
	}
}
