package model_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
)

// TestModeCosts prints the constraint count of every privacy mode of the dev
// models (the README's table). Heavy: set ZKML_HEAVY=1.
func TestModeCosts(t *testing.T) {
	if os.Getenv("ZKML_HEAVY") == "" {
		t.Skip("set ZKML_HEAVY=1 to compile every mode of the dev models")
	}
	dev := "../../../shared/models/dev"
	fmt.Println("| model | public weights | + hashed output | private weights | private + hashed output | weights + biases (widths) |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, name := range []string{"1l_mlp", "sklearn_mlp", "accuracy", "3l_relu_conv_fc", "mnist_mlp_bn"} {
		q := quantizeDir(t, filepath.Join(dev, name))
		var counts []int
		for _, m := range []model.Modes{{}, {HashOutput: true}, {PrivateWeights: true}, {PrivateWeights: true, HashOutput: true}} {
			ccs, _, err := model.CompileCircuitModes(q, m)
			if err != nil {
				t.Fatal(err)
			}
			counts = append(counts, ccs.GetNbConstraints())
		}
		w, b := ops.FlatParams(q.Prog)
		wb, bb := ops.ParamWidths(q.Prog)
		fmt.Printf("| %s | %d | %d | %d | %d | %d+%d (%d/%d bits) |\n", name, counts[0], counts[1], counts[2], counts[3], len(w), len(b), wb, bb)
	}
}

// quantizeDir imports dir/network.onnx and quantizes it on dir/input.json.
func quantizeDir(t *testing.T, dir string) *model.Quantized {
	t.Helper()
	g, err := onnx.Load(filepath.Join(dir, "network.onnx"))
	if err != nil {
		t.Fatal(err)
	}
	in, err := model.ReadInput(filepath.Join(dir, "input.json"))
	if err != nil {
		t.Fatal(err)
	}
	sample := make([]*tensor.T, len(g.Inputs))
	for i, v := range g.Inputs {
		sample[i] = &tensor.T{Shape: v.Shape, Data: in[i]}
	}
	q, err := model.Quantize(g, [][]*tensor.T{sample}, ops.Defaults)
	if err != nil {
		t.Fatal(err)
	}
	return q
}
