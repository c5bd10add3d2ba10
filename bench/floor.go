package bench

import (
	"fmt"
	"math/big"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/solidity"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/std/rangecheck"
)

// floorCircuit is the raw gnark floor: a chain of multiplications by small
// private factors (7/8 of the constraints) and one 8-bit range-checked value per
// 8 constraints, so the proof carries one commitment, as a quantized model's does.
type floorCircuit struct {
	X    frontend.Variable `gnark:",public"`
	Ys   []frontend.Variable
	Bits []frontend.Variable
}

func (c *floorCircuit) Define(api frontend.API) error {
	rc := rangecheck.New(api)
	acc := c.X
	for _, y := range c.Ys {
		acc = api.Mul(acc, y)
	}
	for _, b := range c.Bits {
		rc.Check(b, 8)
	}
	api.AssertIsDifferent(acc, 0)
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
	ccs, err := CompileFloor(n)
	if err != nil {
		return nil, err
	}
	return proveFloor(ccs, n, reps)
}

// MeasureFloorBelow is MeasureFloor of the largest floor circuit (within 2%)
// that fits an FFT domain of the given size, i.e. has fewer constraints: what
// any circuit proved in that domain costs at least, on this machine.
func MeasureFloorBelow(domain, reps int) (*Floor, error) {
	n := domain
	for range 100 {
		ccs, err := CompileFloor(n)
		if err != nil {
			return nil, err
		}
		if ccs.GetNbConstraints() < domain {
			return proveFloor(ccs, n, reps)
		}
		n -= max(domain/50, 1)
	}
	return nil, fmt.Errorf("no floor circuit fits a domain of %d", domain)
}

// CompileFloor builds the floor circuit of about n constraints (one BSB22
// commitment, as a quantized model's), for other benchmarks to measure on.
func CompileFloor(n int) (constraint.ConstraintSystem, error) {
	c := &floorCircuit{Ys: make([]frontend.Variable, n*7/8), Bits: make([]frontend.Variable, n/8)}
	return frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, c)
}

func proveFloor(ccs constraint.ConstraintSystem, n, reps int) (*Floor, error) {
	nm, nb := n*7/8, n/8
	f := &Floor{Constraints: ccs.GetNbConstraints()}
	t := time.Now()
	pk, _, err := groth16.Setup(ccs)
	if err != nil {
		return nil, err
	}
	f.SetupSec = time.Since(t).Seconds()
	w := &floorCircuit{X: 3, Ys: make([]frontend.Variable, nm), Bits: make([]frontend.Variable, nb)}
	for i := range w.Ys {
		w.Ys[i] = big.NewInt(int64(i%97 + 2))
	}
	for i := range w.Bits {
		w.Bits[i] = i % 256
	}
	wit, err := frontend.NewWitness(w, ecc.BN254.ScalarField())
	if err != nil {
		return nil, err
	}
	var times []float64
	for i := 0; i < reps; i++ {
		t := time.Now()
		if _, err := groth16.Prove(ccs, pk, wit, solidity.WithProverTargetSolidityVerifier(backend.GROTH16)); err != nil {
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
