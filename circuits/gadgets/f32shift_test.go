package gadgets

import (
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
)

type f32QuotientCircuit struct{ R, M, P frontend.Variable }

func (c *f32QuotientCircuit) Define(api frontend.API) error {
	g := New(api)
	m, p, _ := g.F32Quotient(c.R, 255, 27)
	api.AssertIsEqual(m, c.M)
	api.AssertIsEqual(p, c.P)
	return nil
}

// For R = 255*2^17-1 both the reference's (m = 2^23, t = 6) and
// (m = 2^24-1, t = 7) lie within the mantissa bounds: two scales for one
// value, which DynamicQuantizeLinear turns into two provable outputs. The
// shift must be the smallest whose mantissa reaches 2^23.
func TestF32QuotientShiftIsMinimal(t *testing.T) {
	field := ecc.BN254.ScalarField()
	const R = 255<<17 - 1
	m, tt := F32Quotient(R, 255)
	t.Logf("reference: m=%d t=%d  value=%v", m, tt, float64(m)/float64(int64(1)<<tt))
	ccs, err := frontend.Compile(field, r1cs.NewBuilder, &f32QuotientCircuit{})
	if err != nil {
		t.Fatal(err)
	}
	w, _ := frontend.NewWitness(&f32QuotientCircuit{R: R, M: m, P: int64(1) << tt}, field)
	if err := ccs.IsSolved(w); err != nil {
		t.Fatalf("honest rejected: %v", err)
	}
	alt := RoundDiv(R<<(tt+1), 255)
	evil := func(mod *big.Int, in, out []*big.Int) error {
		if err := F32ShiftHint(mod, in, out); err != nil {
			return err
		}
		out[0].Add(out[0], big.NewInt(1))
		return nil
	}
	w2, _ := frontend.NewWitness(&f32QuotientCircuit{R: R, M: alt, P: int64(1) << (tt + 1)}, field)
	err = ccs.IsSolved(w2, solver.OverrideHint(solver.GetHintID(F32ShiftHint), evil))
	if err == nil {
		t.Errorf("(m, t) = (%d, %d) accepted besides the reference's (%d, %d)", alt, tt+1, m, tt)
	}
}
