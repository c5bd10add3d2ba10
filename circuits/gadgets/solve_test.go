package gadgets

import (
	"fmt"
	"math/big"
	"os"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/constraint"
	cs "github.com/consensys/gnark/constraint/bn254"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/test"
)

func TestMain(m *testing.M) {
	RegisterHints()
	os.Exit(m.Run())
}

// IsSolvedTwice checks an assignment twice: with gnark's test engine, and with the
// R1CS the prover uses (compiled, then solved by gnark's solver). The gadgets
// lay some constraints out by hand for the R1CS builder, so both must agree;
// a disagreement fails the test. It returns the test engine's verdict.
func IsSolvedTwice(t *testing.T, circuit, assignment frontend.Circuit, f *big.Int) error {
	t.Helper()
	engine := test.IsSolved(circuit, assignment, f)
	ccs, err := frontend.Compile(f, r1cs.NewBuilder, circuit)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	w, err := frontend.NewWitness(assignment, f)
	if err != nil {
		t.Fatalf("witness: %v", err)
	}
	solved := ccs.IsSolved(w)
	if (engine == nil) != (solved == nil) {
		t.Errorf("the test engine says %v, the R1CS solver says %v", verdict(engine), verdict(solved))
	}
	return engine
}

func verdict(err error) string {
	if err == nil {
		return "solved"
	}
	return fmt.Sprintf("not solved (%v)", err)
}

// reluHintCircuit is RescaleRelu with its hints, the output pinned to Y.
type reluHintCircuit struct {
	X, Y frontend.Variable
	K    int `gnark:"-"`
}

func (c *reluHintCircuit) Define(api frontend.API) error {
	api.AssertIsEqual(New(api).RescaleRelu(c.X, c.K, 16, 16), c.Y)
	return nil
}

// TestRescaleHintCannotLie runs the R1CS solver with a dishonest RescaleHint:
// the quotient off by one, the remainder's limbs (the top one included, which
// only feeds the range check's inverse hint) those of an honest remainder, so
// every hinted value is in range and only the constraint on the derived top
// limb can catch it.
func TestRescaleHintCannotLie(t *testing.T) {
	const k = 16
	for _, x := range []int64{5 << 16, 5<<16 + 1234, 77 << 16} {
		honest := (x + 1<<(k-1)) >> k
		ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &reluHintCircuit{K: k})
		if err != nil {
			t.Fatal(err)
		}
		w, err := frontend.NewWitness(&reluHintCircuit{X: x, Y: honest}, ecc.BN254.ScalarField())
		if err != nil {
			t.Fatal(err)
		}
		if err := ccs.IsSolved(w); err != nil {
			t.Fatalf("x=%d: honest witness rejected: %v", x, err)
		}
		for _, delta := range []int64{1, -1} {
			evil := func(mod *big.Int, in, out []*big.Int) error {
				if err := RescaleHint(mod, in, out); err != nil {
					return err
				}
				out[0].Add(out[0], big.NewInt(delta)).Mod(out[0], mod)
				return nil
			}
			w, err := frontend.NewWitness(&reluHintCircuit{X: x, Y: honest + delta}, ecc.BN254.ScalarField())
			if err != nil {
				t.Fatal(err)
			}
			if err := ccs.IsSolved(w, solver.OverrideHint(solver.GetHintID(RescaleHint), evil)); err == nil {
				t.Errorf("x=%d: quotient %d accepted (honest %d)", x, honest+delta, honest)
			}
		}
	}
}

// TestInversesStayOutOfB pins the layout product exists for: the range
// check's inverses (the single wire of each A side of an "inverse times
// difference = 1" constraint) never appear in the B matrix, where each would
// cost the prover a full-size G2 point.
func TestInversesStayOutOfB(t *testing.T) {
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, &reluHintCircuit{K: 16})
	if err != nil {
		t.Fatal(err)
	}
	r, ok := ccs.(*cs.R1CS)
	if !ok {
		t.Fatalf("%T is not a BN254 R1CS", ccs)
	}
	inB := map[uint32]bool{}
	var inverses []uint32
	for _, c := range r.GetR1Cs() {
		for _, term := range c.R {
			inB[term.VID] = true
		}
		if len(c.O) == 1 && c.O[0].VID == 0 && c.O[0].CID == constraint.CoeffIdOne && len(c.L) == 1 {
			inverses = append(inverses, c.L[0].VID)
		}
	}
	if len(inverses) < 4 {
		t.Fatalf("found %d inverse constraints with the inverse on the A side, want one per range-check query (>= 4)", len(inverses))
	}
	for _, v := range inverses {
		if inB[v] {
			t.Errorf("inverse wire %d appears in B", v)
		}
	}
}

// boundedCircuit is RescaleBounded of X, alone (Pool false: the quotient must
// equal Y) or feeding a ReLU max-pool with 5 (its max must equal Y).
type boundedCircuit struct {
	X, Y frontend.Variable
	Pool bool `gnark:"-"`
}

func (c *boundedCircuit) Define(api frontend.API) error {
	g := New(api)
	q := g.RescaleBounded(c.X, 16, 16)
	if c.Pool {
		q = g.Max([]frontend.Variable{0, q, 5}, 16)
	}
	api.AssertIsEqual(q, c.Y)
	return nil
}

// TestRescaleBoundedNeedsItsConsumer runs the other solution of the remainder
// check, q' = q + r 2^-k with remainder 0: RescaleBounded alone takes it (which
// is why it exists only for bounded consumers), a ReLU max-pool over it rejects
// it.
func TestRescaleBoundedNeedsItsConsumer(t *testing.T) {
	f := ecc.BN254.ScalarField()
	const k = 16
	x := int64(5<<16 + 1234) // q = 5, r = 1234 + 2^15 after rounding
	inv := new(big.Int).ModInverse(big.NewInt(1<<k), f)
	var alt *big.Int
	evil := func(mod *big.Int, in, out []*big.Int) error {
		if err := RescaleHint(mod, in, out); err != nil {
			return err
		}
		r := new(big.Int).Set(out[1])
		shift := new(big.Int).Mul(r, inv)
		out[0].Add(out[0], shift).Mod(out[0], mod)
		alt = new(big.Int).Sub(out[0], big.NewInt(1<<15))
		alt.Mod(alt, mod)
		out[1].SetInt64(0)
		for i := 2; i < len(out); i++ {
			out[i].SetInt64(0)
		}
		return nil
	}
	override := solver.OverrideHint(solver.GetHintID(RescaleHint), evil)
	solve := func(pool bool, y *big.Int, opts ...solver.Option) error {
		ccs, err := frontend.Compile(f, r1cs.NewBuilder, &boundedCircuit{Pool: pool})
		if err != nil {
			t.Fatal(err)
		}
		w, err := frontend.NewWitness(&boundedCircuit{X: x, Y: y}, f)
		if err != nil {
			t.Fatal(err)
		}
		return ccs.IsSolved(w, opts...)
	}
	if err := solve(false, big.NewInt(5)); err != nil {
		t.Fatalf("honest quotient rejected: %v", err)
	}
	if err := solve(true, big.NewInt(5)); err != nil {
		t.Fatalf("honest max-pool rejected: %v", err)
	}
	// compute the other solution once, through the hint
	_ = solve(false, big.NewInt(0), override)
	if alt == nil || alt.Cmp(big.NewInt(5)) == 0 {
		t.Fatal("the dishonest hint did not run")
	}
	if err := solve(false, alt, override); err != nil {
		t.Fatalf("the other solution of the bare remainder check is expected to pass (it is why RescaleBounded needs a bounding consumer): %v", err)
	}
	for _, y := range []*big.Int{big.NewInt(5), alt, big.NewInt(0)} {
		if err := solve(true, y, override); err == nil {
			t.Errorf("a max-pool over the other solution was accepted with max %v", y)
		}
	}
}
