package ops_test

import (
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/test"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/ops"
)

// selectCircuit reads a 3 x 4 constant table at the index tensor Q (frac 2)
// through a Select layer and pins its outputs to Out.
type selectCircuit struct {
	Q   []frontend.Variable
	Out []frontend.Variable
	L   *ops.Select `gnark:"-"`
}

func (c *selectCircuit) Define(api frontend.API) error {
	out := c.L.Define(gadgets.New(api), [][]frontend.Variable{c.Q})
	for i := range out {
		api.AssertIsEqual(out[i], c.Out[i])
	}
	return nil
}

// TestSelectIndex: a Gather at computed indices reads the row its integer
// index names, and an index that is not an integer (a quarter, whose
// field value q 2^-2 would still land Start + i Stride on a table entry
// with stride 4) has no witness whatever output is claimed.
func TestSelectIndex(t *testing.T) {
	gadgets.RegisterHints()
	table := []int64{10, 11, 12, 13, 20, 21, 22, 23, 30, 31, 32, 33}
	// Gather(table [3, 4], idx [1]) on axis 0: outputs row idx, Stride 4, Frac 2
	l := &ops.Select{Data: table, Pos: []int32{0, 0, 0, 0}, Start: []int32{0, 1, 2, 3}, Stride: 4, Dim: 3, Frac: 2, IdxBits: 4, Bound: true}
	l.Node = "Gather"
	field := ecc.BN254.ScalarField()
	check := func(q int64, out []int64) error {
		w := &selectCircuit{Q: []frontend.Variable{q}, Out: make([]frontend.Variable, 4)}
		for i, v := range out {
			w.Out[i] = v
		}
		return test.IsSolved(&selectCircuit{Q: make([]frontend.Variable, 1), Out: make([]frontend.Variable, 4), L: l}, w, field)
	}
	got, err := l.Eval([][]int64{{2 << 2}})
	if err != nil || got[0] != 30 || got[3] != 33 {
		t.Fatalf("Eval(index 2) = %v, %v", got, err)
	}
	if err := check(2<<2, got); err != nil {
		t.Fatalf("honest read of row 2 rejected: %v", err)
	}
	if _, err := l.Eval([][]int64{{1}}); err == nil {
		t.Fatal("Eval accepted index 0.25")
	}
	// index 0.25 (q = 1): q 2^-2 times the stride 4 is 1, which would read
	// table[1..4] without the index range check
	for _, claim := range [][]int64{{11, 12, 13, 20}, {10, 11, 12, 13}, {0, 0, 0, 0}} {
		if err := check(1, claim); err == nil {
			t.Errorf("index 0.25 accepted with output %v", claim)
		}
	}
}
