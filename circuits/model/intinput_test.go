package model_test

import (
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/verifier"
)

// An int32 model input was accepted up to 2^31 but packed at the 16-bit
// activation width for its commitment, so inputs [65536, 0] and [0, 1]
// shared one commitment: the first could not be proved, and a proof of the
// second verified as a proof about the first. Inputs are packed at their own
// width where it is wider.
func TestIntInputCommitment(t *testing.T) {
	gadgets.RegisterHints()
	scale, _ := tensor.FromData(tensor.Shape{1}, []float64{1})
	zp, _ := tensor.FromData(tensor.Shape{1}, []float64{0})
	zp.DType = ops.DTInt32
	g := &graph.Graph{Consts: map[string]*tensor.T{"s": scale, "zp": zp}}
	g.Inputs = []graph.Value{{Name: "x", Shape: tensor.Shape{1, 2}, DType: ops.DTInt32}}
	g.Outputs = []graph.Value{{Name: "y"}}
	g.Nodes = []*graph.Node{{Op: "DequantizeLinear", Inputs: []string{"x", "s", "zp"}, Outputs: []string{"y"}, Attrs: map[string]graph.Attr{}}}
	calib := []*tensor.T{{Shape: tensor.Shape{1, 2}, Data: []float64{3, -5}}}
	q, err := model.Quantize(g, [][]*tensor.T{calib}, ops.Defaults)
	if err != nil {
		t.Fatal(err)
	}
	honest := []float64{65536, 0}
	forged := []float64{0, 1}
	qh, err := model.QuantizeInputs(q.Prog, []*tensor.T{{Shape: tensor.Shape{1, 2}, Data: honest}})
	if err != nil {
		t.Fatalf("honest int32 input refused: %v", err)
	}
	qf, _ := model.QuantizeInputs(q.Prog, []*tensor.T{{Shape: tensor.Shape{1, 2}, Data: forged}})
	dir := filepath.Join(t.TempDir(), "art")
	if _, err := model.Compile(q, dir, model.CompileOptions{PublicInput: true}); err != nil {
		t.Fatal(err)
	}
	pr, err := prover.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if model.InputCommitment(pr.A.Prog, qh).Cmp(model.InputCommitment(pr.A.Prog, qf)) == 0 {
		t.Fatalf("inputs %v and %v share a commitment", honest, forged)
	}
	hp, err := pr.Prove(prover.Request{Inputs: [][]float64{honest}, JobID: big.NewInt(1), Prover: big.NewInt(0xaa)})
	if err != nil {
		t.Fatalf("the int32 input %v: %v", honest, err)
	}
	if err := verifier.Verify(pr.A, hp); err != nil {
		t.Fatalf("its proof: %v", err)
	}
	pf, err := pr.Prove(prover.Request{Inputs: [][]float64{forged}, JobID: big.NewInt(1), Prover: big.NewInt(0xaa)})
	if err != nil {
		t.Fatal(err)
	}
	pf.InputData = [][]float64{honest}
	if err := verifier.Verify(pr.A, pf); err == nil {
		t.Errorf("a proof of input %v verifies with input_data %v", forged, honest)
	}

	// artifacts of an earlier zkml packed such inputs at the activation
	// width and record no input width: refused with what to do, not a
	// failing constraint at prove time
	metaPath := filepath.Join(dir, model.MetaFile)
	raw, err := os.ReadFile(metaPath)
	if err != nil {
		t.Fatal(err)
	}
	old := strings.Replace(string(raw), `"input_width": 32,`, "", 1)
	if old == string(raw) {
		t.Fatalf("model.json records no input width:\n%s", raw)
	}
	if err := os.WriteFile(metaPath, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := model.Load(dir); !errors.Is(err, model.ErrArtifacts) || !strings.Contains(err.Error(), "recompile") {
		t.Errorf("artifacts without the input width: %v", err)
	}
}
