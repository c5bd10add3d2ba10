package gadgets

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/multicommit"
)

// rangeTable range-checks through one shared log-derivative table of the
// values 0..2^L-1 (Haböck's argument, as gnark's std/rangecheck, but queries
// may be linear expressions and no query pays for a recomposition):
//
//   - a value of at most L bits is one query (two when it has fewer than L
//     bits: v and v*2^(L-bits));
//   - a wider value is cut into limbs: all but the top limb are hinted and the
//     top limb is derived, (v - low) / 2^(L*(n-1)) — a linear expression that
//     leaves [0, 2^L) unless the limbs are right — so each limb costs one query
//     and the decomposition costs nothing.
//
// Each query costs one constraint (an inverse), each table entry one, plus one
// for the final sum check; the challenge comes from the circuit's single BSB22
// commitment (std/multicommit), shared with lookup tables.
type rangeTable struct {
	api     frontend.API
	L       int
	queries []frontend.Variable
}

func newRangeTable(api frontend.API, limbBits int) *rangeTable {
	t := &rangeTable{api: api, L: limbBits}
	api.Compiler().Defer(t.commit)
	return t
}

// lowLimbs is how many limbs of a bits-wide check are hinted (all but the top).
func (t *rangeTable) lowLimbs(bits int) int {
	return max((bits+t.L-1)/t.L-1, 0)
}

// check constrains 0 <= v < 2^bits.
func (t *rangeTable) check(v frontend.Variable, bits int) { t.checkLimbs(v, bits, nil) }

// checkLimbs is check with the low limbs of v already hinted by the caller (a
// hint that computes v anyway can emit them, which spares the solver from
// evaluating a long v once more); nil hints them here.
func (t *rangeTable) checkLimbs(v frontend.Variable, bits int, given []frontend.Variable) {
	api := t.api
	if c, ok := api.Compiler().ConstantValue(v); ok {
		if c.Sign() < 0 || c.BitLen() > bits {
			panic(fmt.Sprintf("gadgets: constant %s is not below 2^%d", c, bits))
		}
		return
	}
	n := (bits + t.L - 1) / t.L
	var low frontend.Variable = 0
	if n > 1 {
		limbs := given
		if limbs == nil {
			var err error
			if limbs, err = api.Compiler().NewHint(LimbsHint, n-1, t.L, v); err != nil {
				panic(err)
			}
		}
		if len(limbs) != n-1 {
			panic(fmt.Sprintf("gadgets: %d limbs given for a %d-bit check, want %d", len(limbs), bits, n-1))
		}
		for i, l := range limbs {
			t.queries = append(t.queries, l)
			low = api.Add(low, api.Mul(l, pow2(i*t.L)))
		}
	}
	shift := (n - 1) * t.L
	top := v
	if n > 1 {
		inv := new(big.Int).ModInverse(pow2(shift), api.Compiler().Field())
		top = api.Mul(api.Sub(v, low), inv)
	}
	t.queries = append(t.queries, top)
	if rem := bits - shift; rem < t.L {
		t.queries = append(t.queries, api.Mul(top, pow2(t.L-rem)))
	}
}

func (t *rangeTable) commit(api frontend.API) error {
	if len(t.queries) == 0 {
		return nil
	}
	size := 1 << t.L
	in := append([]frontend.Variable{size}, t.queries...)
	counts, err := api.Compiler().NewHint(CountHint, size, in...)
	if err != nil {
		return err
	}
	multicommit.WithCommitment(api, func(api frontend.API, x frontend.Variable) error {
		var lhs, rhs []frontend.Variable
		for j, m := range counts {
			lhs = append(lhs, api.DivUnchecked(m, api.Sub(x, j)))
		}
		for _, q := range t.queries {
			rhs = append(rhs, api.Inverse(api.Sub(x, q)))
		}
		api.AssertIsEqual(Sum(api, lhs), Sum(api, rhs))
		return nil
	}, append(append([]frontend.Variable(nil), t.queries...), counts...)...)
	return nil
}

// Sum adds variables into one linear expression (0 for none).
func Sum(api frontend.API, v []frontend.Variable) frontend.Variable {
	switch len(v) {
	case 0:
		return 0
	case 1:
		return v[0]
	}
	return api.Add(v[0], v[1], v[2:]...)
}

// LimbsHint returns the low limbs of inputs[1] in base 2^inputs[0].
func LimbsHint(_ *big.Int, in, out []*big.Int) error {
	if len(in) != 2 {
		return fmt.Errorf("LimbsHint: %d inputs", len(in))
	}
	l := uint(in[0].Uint64())
	mask := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), l), big.NewInt(1))
	v := new(big.Int).Set(in[1])
	for i := range out {
		out[i].And(v, mask)
		v.Rsh(v, l)
	}
	return nil
}

// CountHint returns, for a table 0..inputs[0]-1, how often each entry occurs
// among the other inputs. Values outside the table are not counted (the
// argument then fails, as it must).
func CountHint(_ *big.Int, in, out []*big.Int) error {
	if len(in) < 1 || !in[0].IsInt64() || int(in[0].Int64()) != len(out) {
		return fmt.Errorf("CountHint: table size mismatch")
	}
	counts := make([]int64, len(out))
	for _, q := range in[1:] {
		if q.IsInt64() && q.Int64() >= 0 && q.Int64() < int64(len(out)) {
			counts[q.Int64()]++
		}
	}
	for i, c := range counts {
		out[i].SetInt64(c)
	}
	return nil
}
