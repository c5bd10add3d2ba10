package gadgets

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"

	"github.com/consensys/gnark/constraint"
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
	values  []frontend.Variable    // per query, what the inverse hint reads
	r1c     constraint.BlueprintID // the plain R1C blueprint of product
	r1cSet  bool
	done    bool // commit has run: a later query would go unchecked
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

// checkLimbs is check with the limbs of v already hinted by the caller (a hint
// that computes v anyway can emit them, which spares the solver from
// evaluating a long v once more); nil hints them here. given holds the low
// limbs and, optionally, one more: the value of the top limb, which only feeds
// the argument's inverse hint (the top limb's query stays the expression
// derived from v, so a wrong value makes the proof fail, never pass).
func (t *rangeTable) checkLimbs(v frontend.Variable, bits int, given []frontend.Variable) {
	api := t.api
	if c, ok := api.Compiler().ConstantValue(v); ok {
		if c.Sign() < 0 || c.BitLen() > bits {
			panic(fmt.Sprintf("gadgets: constant %s is not below 2^%d", c, bits))
		}
		return
	}
	n := (bits + t.L - 1) / t.L
	var topValue frontend.Variable
	if len(given) == n {
		given, topValue = given[:n-1], given[n-1]
	}
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
			t.query(l, l)
			low = api.Add(low, api.Mul(l, pow2(i*t.L)))
		}
	}
	shift := (n - 1) * t.L
	top := v
	if n > 1 {
		inv := new(big.Int).ModInverse(pow2(shift), api.Compiler().Field())
		top = api.Mul(api.Sub(v, low), inv)
	}
	if topValue == nil {
		topValue = top
	}
	t.query(top, topValue)
	if rem := bits - shift; rem < t.L {
		t.query(api.Mul(top, pow2(t.L-rem)), api.Mul(topValue, pow2(t.L-rem)))
	}
}

// query adds q to the table's queries; value is q or a shorter expression of
// the same value for the inverse hint.
func (t *rangeTable) query(q, value frontend.Variable) {
	if t.done {
		panic("gadgets: range check after the range table was committed")
	}
	t.queries = append(t.queries, q)
	t.values = append(t.values, value)
}

func (t *rangeTable) commit(api frontend.API) error {
	t.done = true
	if len(t.queries) == 0 {
		return nil
	}
	size := 1 << t.L
	in := append([]frontend.Variable{size}, t.values...)
	counts, err := api.Compiler().NewHint(CountHint, size, in...)
	if err != nil {
		return err
	}
	multicommit.WithCommitment(api, func(api frontend.API, x frontend.Variable) error {
		// m_j / (x - j) for the table and 1 / (x - q) for each query, all
		// hinted at once (one batch inversion) and each checked by one
		// constraint.
		nd := make([]frontend.Variable, 0, 2*(size+len(t.queries)))
		for j, m := range counts {
			nd = append(nd, m, api.Sub(x, j))
		}
		for _, v := range t.values {
			nd = append(nd, 1, api.Sub(x, v))
		}
		quo, err := api.Compiler().NewHint(QuotientsHint, len(nd)/2, nd...)
		if err != nil {
			return err
		}
		for k, f := range quo {
			if k < size {
				t.product(api, f, nd[2*k+1], nd[2*k])
			} else {
				t.product(api, f, api.Sub(x, t.queries[k-size]), 1)
			}
		}
		api.AssertIsEqual(Sum(api, quo[:size]), Sum(api, quo[size:]))
		return nil
	}, append(append([]frontend.Variable(nil), t.queries...), counts...)...)
	return nil
}

// r1csBuilder is the part of gnark's R1CS builder that adds a constraint as
// written.
type r1csBuilder interface {
	AddBlueprint(constraint.Blueprint) constraint.BlueprintID
	AddInstruction(constraint.BlueprintID, []uint32) []uint32
	ToCanonicalVariable(frontend.Variable) frontend.CanonicalVariable
}

// product constrains l * r = o in one constraint, with l on the constraint's
// A side and r on its B side (api.Mul then AssertIsEqual would take two, and
// api.Mul puts the side with fewer terms into B). Every wire of B costs the
// prover a point in a G1 and in a G2 multi-exponentiation, and a full-size
// field element costs ~16x what a small value does: keeping the hinted
// inverses in A and the small query values in B took mlp_2m6k's in-process
// proof from ~1.65 s to ~1.2 s. Builders other than gnark's R1CS builder (the
// test engine) get the same relation through the api.
func (t *rangeTable) product(api frontend.API, l, r, o frontend.Variable) {
	b, ok := api.Compiler().(r1csBuilder)
	L, okL := canonical(b, ok, l)
	R, okR := canonical(b, ok, r)
	O, okO := canonical(b, ok, o)
	if !okL || !okR || !okO {
		api.AssertIsEqual(api.Mul(l, r), o)
		return
	}
	if !t.r1cSet {
		t.r1c, t.r1cSet = b.AddBlueprint(&constraint.BlueprintGenericR1C{}), true
	}
	var calldata []uint32
	new(constraint.BlueprintGenericR1C).CompressR1C(&constraint.R1C{L: L, R: R, O: O}, &calldata)
	b.AddInstruction(t.r1c, calldata)
}

// canonical is v as a linear expression of b's wires; the constants 0 and 1
// are the constant wire times 0 and 1. Other constants are not needed and
// report false.
func canonical(b r1csBuilder, ok bool, v frontend.Variable) (constraint.LinearExpression, bool) {
	if !ok {
		return nil, false
	}
	le, ok := b.ToCanonicalVariable(v).(constraint.LinearExpression)
	if !ok {
		return nil, false
	}
	for _, term := range le {
		if term.IsConstant() {
			if len(le) != 1 || (term.CID != constraint.CoeffIdOne && term.CID != constraint.CoeffIdZero) {
				return nil, false
			}
			return constraint.LinearExpression{{CID: term.CID, VID: 0}}, true
		}
	}
	return le, true
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

// QuotientsHint returns in[2k] / in[2k+1] for each pair of its inputs, with
// one batch inversion. A zero denominator is an error (the argument's
// challenge met a query or a table entry, probability ~2^-240).
func QuotientsHint(mod *big.Int, in, out []*big.Int) error {
	if len(in) != 2*len(out) {
		return fmt.Errorf("QuotientsHint: %d inputs for %d outputs", len(in), len(out))
	}
	if mod.Cmp(fr.Modulus()) != 0 {
		for k := range out {
			if out[k].ModInverse(in[2*k+1], mod) == nil {
				return fmt.Errorf("QuotientsHint: denominator %d is zero", k)
			}
			out[k].Mul(out[k], in[2*k]).Mod(out[k], mod)
		}
		return nil
	}
	d := make([]fr.Element, len(out))
	for k := range d {
		d[k].SetBigInt(in[2*k+1])
		if d[k].IsZero() {
			return fmt.Errorf("QuotientsHint: denominator %d is zero", k)
		}
	}
	inv := fr.BatchInvert(d)
	var n fr.Element
	for k := range out {
		n.SetBigInt(in[2*k])
		n.Mul(&n, &inv[k])
		n.BigInt(out[k])
	}
	return nil
}
