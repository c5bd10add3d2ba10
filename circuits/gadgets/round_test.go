package gadgets

import (
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"
)

func TestRoundDivReference(t *testing.T) {
	cases := []struct{ n, d, want int64 }{
		{5, 2, 2}, {7, 2, 4}, {-5, 2, -2}, {-7, 2, -4}, {3, 2, 2}, {1, 2, 0}, {-1, 2, 0},
		{10, 4, 2}, {14, 4, 4}, {15, 10, 2}, {25, 10, 2}, {26, 10, 3}, {-26, 10, -3},
		{0, 7, 0}, {6, 7, 1}, {-4, 7, -1}, {-3, 7, 0}, {44, 10, 4}, {47, 10, 5},
	}
	for _, c := range cases {
		if got := RoundDiv(c.n, c.d); got != c.want {
			t.Errorf("RoundDiv(%d, %d) = %d, want %d", c.n, c.d, got, c.want)
		}
	}
}

type roundCircuit struct {
	N, D, M, B, Q frontend.Variable
	constD        int64
}

func (c *roundCircuit) Define(api frontend.API) error {
	g := New(api)
	var d frontend.Variable = c.D
	if c.constD != 0 {
		d = c.constD
	}
	g.API.AssertIsEqual(g.CheckRoundDiv(c.N, d, c.M, c.B, 8, 10), c.Q)
	return nil
}

// TestRoundDivGadget accepts the honest quotient of ties, negatives and
// ordinary values and rejects its neighbours and the odd choice at a tie.
func TestRoundDivGadget(t *testing.T) {
	field := ecc.BN254.ScalarField()
	for _, constD := range []int64{0, 10} {
		for _, n := range []int64{25, 35, -25, -35, 44, 47, -47, 0, 5, 300} {
			d := int64(10)
			q := RoundDiv(n, d)
			split := func(q int64) (int64, int64) { return q >> 1, q & 1 }
			m, b := split(q)
			ok := &roundCircuit{N: n, D: d, M: m, B: b, Q: q}
			if err := IsSolvedTwice(t, &roundCircuit{constD: constD}, ok, field); err != nil {
				t.Fatalf("n=%d d=%d q=%d rejected: %v", n, d, q, err)
			}
			for _, w := range []int64{q - 1, q + 1} {
				m, b := split(w)
				bad := &roundCircuit{N: n, D: d, M: m, B: b, Q: w}
				if err := IsSolvedTwice(t, &roundCircuit{constD: constD}, bad, field); err == nil {
					t.Fatalf("n=%d d=%d: wrong quotient %d accepted (right %d)", n, d, w, q)
				}
			}
		}
	}
}

type satCircuit struct{ V, Y frontend.Variable }

func (c *satCircuit) Define(api frontend.API) error {
	api.AssertIsEqual(New(api).Saturate(c.V, -128, 127, 12), c.Y)
	return nil
}

func TestSaturate(t *testing.T) {
	field := ecc.BN254.ScalarField()
	for _, v := range []int64{-1000, -129, -128, 0, 127, 128, 1000} {
		y := min(max(v, -128), 127)
		if err := IsSolvedTwice(t, &satCircuit{}, &satCircuit{V: v, Y: y}, field); err != nil {
			t.Fatalf("saturate(%d) = %d rejected: %v", v, y, err)
		}
		if err := IsSolvedTwice(t, &satCircuit{}, &satCircuit{V: v, Y: y + 1}, field); err == nil {
			t.Fatalf("saturate(%d) = %d accepted", v, y+1)
		}
	}
}
