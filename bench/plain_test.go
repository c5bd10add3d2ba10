package bench

import (
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/test"

	"github.com/zkml/zkml/circuits/model"
)

// plainIO is ReferenceIO or a failed test.
func plainIO(t *testing.T, m Model) (*model.Quantized, []int64, []int64) {
	t.Helper()
	q, x, y, err := ReferenceIO(m, corpus)
	if err != nil {
		t.Fatal(err)
	}
	return q, x, y
}

// The plain baseline must compute what the integer reference does and reject
// any other output, or its timing would not be of the same work.
func TestPlainCircuit(t *testing.T) {
	q, x, y := plainIO(t, Model{Name: "mnist_mlp_bn", Dir: "dev/mnist_mlp_bn"})
	c, err := NewPlainCircuit(q.Prog)
	if err != nil {
		t.Fatal(err)
	}
	if err := test.IsSolved(c, c.Assign(x, y), ecc.BN254.ScalarField()); err != nil {
		t.Fatalf("the integer reference's output is rejected: %v", err)
	}
	for _, i := range []int{0, len(y) - 1} {
		bad := append([]int64(nil), y...)
		bad[i]++
		if err := test.IsSolved(c, c.Assign(x, bad), ecc.BN254.ScalarField()); err == nil {
			t.Errorf("output %d off by one is accepted", i)
		}
	}
	conv, _, _ := plainIO(t, Model{Name: "3l_relu_conv_fc", Dir: "dev/3l_relu_conv_fc"})
	if _, err := NewPlainCircuit(conv.Prog); err == nil || !strings.Contains(err.Error(), "node") {
		t.Errorf("a convolutional model: err = %v, want one naming the node", err)
	}
}

// The plain circuit proves with real Groth16 keys and the proof verifies.
func TestMeasurePlain(t *testing.T) {
	q, x, y := plainIO(t, Model{Name: "accuracy", Dir: "dev/accuracy"})
	r, err := MeasurePlain(q.Prog, x, y, 1)
	if err != nil {
		t.Fatal(err)
	}
	if r.Constraints == 0 || r.ProveSec <= 0 {
		t.Errorf("plain accuracy: %+v", r)
	}
}
