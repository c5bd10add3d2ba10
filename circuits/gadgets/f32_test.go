package gadgets

import (
	"math"
	"math/rand"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"
)

// TestF32References compares F32Quotient and F32RoundDiv with Go's float32
// arithmetic, which rounds as IEEE division does.
func TestF32References(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		r := rng.Int63n(1<<17) + 1
		m, tt := F32Quotient(r, 255)
		if got, want := float64(m)*math.Ldexp(1, -int(tt)), float64(float32(r)/255); got != want {
			t.Fatalf("F32Quotient(%d, 255) = %v, float32 gives %v", r, got, want)
		}
		s := float32(r) / 255 // the scale of a tensor whose range is r
		x := rng.Int63n(2*r+1) - r
		want := int64(math.RoundToEven(float64(float32(x) / s)))
		// x / s = x 2^t / m
		if got := F32RoundDiv(x<<tt, m); got != want {
			t.Fatalf("F32RoundDiv(%d / %v) = %d, float32 gives %d", x, s, got, want)
		}
	}
	// the double rounding case of the DynamicQuantizeLinear conformance test
	m, tt := F32Quotient(5, 255)
	if got := F32RoundDiv(int64(1)<<tt, 2*m); got != 26 {
		t.Fatalf("rhe(float32(0.5 / float32(5/255))) = %d, want 26", got)
	}
}

type f32Circuit struct {
	R, X, M, P, Y frontend.Variable
}

func (c *f32Circuit) Define(api frontend.API) error {
	g := New(api)
	m, p, _ := g.F32Quotient(c.R, 255, 18)
	api.AssertIsEqual(m, c.M)
	api.AssertIsEqual(p, c.P)
	api.AssertIsEqual(g.F32RoundDiv(api.Mul(c.X, p), m, 25), c.Y)
	return nil
}

// TestF32Gadgets accepts the honest mantissa, power and quotient and rejects
// a neighbouring quotient.
func TestF32Gadgets(t *testing.T) {
	field := ecc.BN254.ScalarField()
	for _, c := range [][2]int64{{5 * 4096, 4096 / 2}, {5 * 4096, -10240}, {5 * 4096, 5489}, {1000, -999}, {77777, 3}} {
		r, x := c[0], c[1]
		m, tt := F32Quotient(r, 255)
		y := F32RoundDiv(x<<tt, m)
		ok := &f32Circuit{R: r, X: x, M: m, P: int64(1) << tt, Y: y}
		if err := IsSolvedTwice(t, &f32Circuit{}, ok, field); err != nil {
			t.Fatalf("r=%d x=%d y=%d rejected: %v", r, x, y, err)
		}
		for _, w := range []int64{y - 1, y + 1} {
			bad := &f32Circuit{R: r, X: x, M: m, P: int64(1) << tt, Y: w}
			if err := IsSolvedTwice(t, &f32Circuit{}, bad, field); err == nil {
				t.Fatalf("r=%d x=%d: wrong quotient %d accepted (right %d)", r, x, w, y)
			}
		}
		bad := &f32Circuit{R: r, X: x, M: m + 1, P: int64(1) << tt, Y: y}
		if err := IsSolvedTwice(t, &f32Circuit{}, bad, field); err == nil {
			t.Fatalf("r=%d: wrong mantissa accepted", r)
		}
	}
}
