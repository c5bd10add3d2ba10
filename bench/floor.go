package bench

import (
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/solidity"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/std/rangecheck"
)

// floorCircuit is the raw gnark floor: a chain of multiplications with a few
// range checks, so its proof carries one commitment like ours.
type floorCircuit struct {
	X     frontend.Variable
	Small frontend.Variable
	Y     frontend.Variable `gnark:",public"`
	n     int
	check int
}

func (c *floorCircuit) Define(api frontend.API) error {
	v := c.X
	for i := 0; i < c.n; i++ {
		v = api.Mul(v, v)
	}
	// a few range checks on a small private value, so the proof carries one
	// commitment like ours
	rc := rangecheck.New(api)
	for i := 0; i < c.check; i++ {
		rc.Check(c.Small, 8)
	}
	api.AssertIsEqual(v, c.Y)
	return nil
}

// Floor is what a raw gnark Groth16 proof of a circuit the size of ours costs.
type Floor struct {
	Constraints int
	SetupSec    float64
	ProveSec    float64
}

// MeasureFloor builds a raw circuit of about n constraints, sets it up and
// returns the median of reps proving times (keys loaded, witness ready).
func MeasureFloor(n, reps int) (*Floor, error) {
	c := &floorCircuit{n: max(n-300, 1), check: 16}
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, c)
	if err != nil {
		return nil, err
	}
	f := &Floor{Constraints: ccs.GetNbConstraints()}
	t := time.Now()
	pk, _, err := groth16.Setup(ccs)
	if err != nil {
		return nil, err
	}
	f.SetupSec = time.Since(t).Seconds()
	// a random-looking x: every square is a full-size field element, as the
	// values of a real witness are (an x of 0 or 1 would make the MSMs trivial)
	var x, y fr.Element
	x.SetUint64(0x9e3779b97f4a7c15)
	y.Set(&x)
	for i := 0; i < c.n; i++ {
		y.Square(&y)
	}
	w, err := frontend.NewWitness(&floorCircuit{X: x.String(), Small: 7, Y: y.String()}, ecc.BN254.ScalarField())
	if err != nil {
		return nil, err
	}
	var times []float64
	for i := 0; i < reps; i++ {
		t := time.Now()
		if _, err := groth16.Prove(ccs, pk, w, solidity.WithProverTargetSolidityVerifier(backend.GROTH16)); err != nil {
			return nil, err
		}
		times = append(times, time.Since(t).Seconds())
	}
	f.ProveSec = median(times)
	return f, nil
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s[len(s)/2]
}
