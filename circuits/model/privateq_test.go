package model_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zkml/zkml/circuits/model"
)

// --weights private on a QGemm model left its weights circuit constants,
// outside the model id (0 for a model of quantized operators only) and in
// the program.bin verifiers get: the model is refused, naming the node.
func TestPrivateWeightsRefuseQuantizedOps(t *testing.T) {
	dir := "../../../shared/models/quant-ops/frozen/test_qgemm_int8_bias_per_output"
	q := quantizeDir(t, dir)
	out := filepath.Join(t.TempDir(), "art")
	_, err := model.Compile(q, out, model.CompileOptions{PrivateWeights: true})
	if err == nil || !strings.Contains(err.Error(), "--weights private") || !strings.Contains(err.Error(), "QGemm") {
		t.Fatalf("compile --weights private of a QGemm model: %v, want a refusal naming the node", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the refused compile left an artifacts directory")
	}
	if _, err := model.Compile(q, out, model.CompileOptions{}); err != nil {
		t.Fatalf("the same model with public weights: %v", err)
	}
}
