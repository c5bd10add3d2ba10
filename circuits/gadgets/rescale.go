package gadgets

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
)

// Rescale is the integer reference of [Ctx.Rescale]: round(x / 2^k), halves
// rounded up, i.e. floor((x + 2^(k-1)) / 2^k). With relu it returns max(0, .).
func Rescale(x int64, k int, relu bool) int64 {
	q := x
	if k > 0 {
		q = (x + 1<<(k-1)) >> k
	}
	if relu && q < 0 {
		q = 0
	}
	return q
}

// numerator returns t = x + 2^(k-1), the rounded numerator of a rescale by 2^k.
func (c *Ctx) numerator(x frontend.Variable, k int) frontend.Variable {
	if k == 0 {
		return x
	}
	return c.API.Add(x, pow2(k-1))
}

// Rescale constrains q = round(x / 2^k) with -2^(outBits-1) <= q < 2^(outBits-1)
// and returns q. The quotient is hinted; the remainder is never materialized:
// t - q 2^k is range-checked as a linear expression, so the range check's own
// recomposition carries the division equation (two range checks, no other
// constraint). An x whose quotient leaves the range has no witness (unlike
// RescaleBounded, whose range is its consumer's).
func (c *Ctx) Rescale(x frontend.Variable, k, outBits int) frontend.Variable {
	return c.RescaleWith(x, c.HintRescale(x, k, outBits, 0, false), k, outBits, 0, false, false)
}

// R1CS reports whether the circuit is being compiled by gnark's R1CS builder
// (the prover's), as opposed to gnark's test engine, which runs hints as it
// meets them and knows no solver options.
func (c *Ctx) R1CS() bool {
	b, ok := c.API.Compiler().(r1csBuilder)
	if !ok {
		return false
	}
	_, ok = b.ToCanonicalVariable(1).(constraint.LinearExpression)
	return ok
}

// RescaleAdviceWidth is how many hinted values the rescale of one accumulator
// by 2^k takes: the offset quotient, the sign bit (or remainder) and the
// remainder's limbs, as [RescaleHint] returns them.
func (c *Ctx) RescaleAdviceWidth(k int) int { return 2 + c.rc.lowLimbs(k) + 1 }

// adviceQuotient is the quotient q of rescale advice h, which holds q + 2^w.
func adviceQuotient(api frontend.API, h []frontend.Variable, outBits, negBits int, relu bool) frontend.Variable {
	return api.Sub(h[0], pow2(rescaleOffset(outBits, negBits, relu)))
}

// rescaleOffset is the offset w of the hinted quotient q + 2^w.
func rescaleOffset(outBits, negBits int, relu bool) int {
	if relu {
		return max(outBits-1, negBits)
	}
	return outBits - 1
}

// RescaleWith is Rescale (relu false) or RescaleRelu of x with its hinted
// values h (RescaleAdviceWidth(k) of them) computed elsewhere, e.g. by one
// hint for a whole layer. The constraints are those of Rescale and
// RescaleRelu: h is advice, and wrong advice fails them. With bounded (and not
// relu) the quotient's own range check is left out, for callers whose every
// consumer bounds it (see RescaleBounded).
func (c *Ctx) RescaleWith(x frontend.Variable, h []frontend.Variable, k, outBits, negBits int, relu, bounded bool) frontend.Variable {
	if k < 0 {
		panic(fmt.Sprintf("gadgets: rescale by 2^%d", k))
	}
	if !relu && k == 0 {
		if !bounded {
			c.Signed(x, outBits)
		}
		return x
	}
	if len(h) != c.RescaleAdviceWidth(k) {
		panic(fmt.Sprintf("gadgets: %d hinted values for a rescale by 2^%d, want %d", len(h), k, c.RescaleAdviceWidth(k)))
	}
	q := adviceQuotient(c.API, h, outBits, negBits, relu)
	if relu {
		return c.checkRescaleRelu(x, q, h[1], k, outBits, negBits, h[2:])
	}
	c.remainder(x, q, k, h[2:])
	if !bounded {
		c.Signed(q, outBits)
	}
	return q
}

// HintRescale hints for x the values RescaleWith takes (nil where it needs
// none: no ReLU and no shift). The quotient is hinted as q + 2^off, which an
// honest prover keeps non-negative: a negative wire is a full-size field
// element, and each costs the prover's multi-exponentiations ~16x a small one.
func (c *Ctx) HintRescale(x frontend.Variable, k, outBits, negBits int, relu bool) []frontend.Variable {
	if !relu && k == 0 {
		return nil
	}
	r := 0
	if relu {
		r = 1
	}
	h, err := c.API.Compiler().NewHint(RescaleHint, c.RescaleAdviceWidth(k), x, k, r, c.LimbBits, rescaleOffset(outBits, negBits, relu))
	if err != nil {
		panic(err)
	}
	return h
}

// RescaleBounded is Rescale without the range check of the quotient: only
// the remainder t - q 2^k is checked to lie in [0, 2^k). Any other quotient
// satisfying that differs from the true one by t 2^-k (mod p) for some
// 0 < |t| < 2^k, a full-size field element, so a caller whose every consumer
// confines the quotient to (-2^b, 2^b) with b + k + 2 < 253 (a MaxPool with a
// fused ReLU does) gets the true quotient without paying for its check.
func (c *Ctx) RescaleBounded(x frontend.Variable, k, outBits int) frontend.Variable {
	return c.RescaleWith(x, c.HintRescale(x, k, outBits, 0, false), k, outBits, 0, false, true)
}

// RescaleAdvice computes natively the values RescaleWith takes for the
// accumulator acc, into out: what RescaleHint returns for it.
func RescaleAdvice(mod *big.Int, acc int64, k, limbBits, outBits, negBits int, relu bool, out []*big.Int) error {
	r := int64(0)
	if relu {
		r = 1
	}
	in := []*big.Int{
		new(big.Int).Mod(big.NewInt(acc), mod),
		big.NewInt(int64(k)), big.NewInt(r), big.NewInt(int64(limbBits)),
		big.NewInt(int64(rescaleOffset(outBits, negBits, relu))),
	}
	return RescaleHint(mod, in, out)
}

// CheckRescale holds the constraints of Rescale for a given q; it is separate
// so tests can feed it dishonest values.
func (c *Ctx) CheckRescale(x, q frontend.Variable, k, outBits int) {
	c.checkRescale(x, q, k, outBits, nil)
}

func (c *Ctx) checkRescale(x, q frontend.Variable, k, outBits int, low []frontend.Variable) {
	c.remainder(x, q, k, low)
	c.Signed(q, outBits)
}

// remainder constrains t - q 2^k in [0, 2^k) with t = x + 2^(k-1).
func (c *Ctx) remainder(x, q frontend.Variable, k int, low []frontend.Variable) {
	c.RangeBits += k
	c.rc.checkLimbs(c.API.Sub(c.numerator(x, k), c.API.Mul(q, pow2(k))), k, low)
}

// RescaleRelu constrains y = max(0, round(x / 2^k)) and returns y. With q the
// rounded quotient (hinted) and s a hinted sign bit, it asserts s boolean,
// y = s q, t - q 2^k in [0, 2^k) and w = 2y - q - 1 + s in [0, 2^bits) where
// bits = max(outBits-1, negBits): w is q when s = 1 and -q-1 when s = 0, so a
// wrong sign leaves the range. Four constraints and two range checks; with
// k = 0 it is a plain ReLU with one range check.
func (c *Ctx) RescaleRelu(x frontend.Variable, k, outBits, negBits int) frontend.Variable {
	return c.RescaleWith(x, c.HintRescale(x, k, outBits, negBits, true), k, outBits, negBits, true, false)
}

// CheckRescaleRelu holds the constraints of RescaleRelu for given q and s and
// returns y. With k = 0 the quotient is x itself and q is ignored.
func (c *Ctx) CheckRescaleRelu(x, q, s frontend.Variable, k, outBits, negBits int) frontend.Variable {
	return c.checkRescaleRelu(x, q, s, k, outBits, negBits, nil)
}

func (c *Ctx) checkRescaleRelu(x, q, s frontend.Variable, k, outBits, negBits int, low []frontend.Variable) frontend.Variable {
	api := c.API
	if k == 0 {
		q = x
	}
	api.AssertIsBoolean(s)
	y := api.Mul(s, q)
	if k > 0 {
		c.remainder(x, q, k, low)
	}
	c.Unsigned(api.Sub(api.Add(api.Mul(y, 2), s), api.Add(q, 1)), ReluWidth(outBits, negBits, c.LimbBits))
	return y
}

// ReluWidth is the width RescaleRelu checks |q| in: the larger of the output's
// and the negative side's, rounded up to whole range-check limbs (a looser
// range costs nothing and only widens what an honest prover can prove).
func ReluWidth(outBits, negBits, limbBits int) int {
	w := max(outBits-1, negBits)
	return (w + limbBits - 1) / limbBits * limbBits
}

// Split returns y = max(0, round(x / 2^k)) and z = max(0, -round(x / 2^k)),
// constrained as in RescaleRelu.
func (c *Ctx) Split(x frontend.Variable, k, outBits, negBits int) (y, z frontend.Variable) {
	h := c.HintRescale(x, k, outBits, negBits, true)
	q := x
	if k > 0 {
		q = adviceQuotient(c.API, h, outBits, negBits, true)
	}
	y = c.checkRescaleRelu(x, q, h[1], k, outBits, negBits, h[2:])
	return y, c.API.Sub(y, q)
}

// RescaleHint computes the rounded quotient q = floor((x + 2^(k-1)) / 2^k) of
// its inputs (x, k, relu) and, when relu is 1, the sign bit s = [q >= 0].
//
// With a fourth input L it also returns, after those two, the low limbs (base
// 2^L) of the remainder t - q 2^k, for the range check of the remainder; with a
// fifth, off, it returns q + 2^off in place of q.
func RescaleHint(mod *big.Int, in, out []*big.Int) error {
	if len(in) < 3 || len(in) > 5 || len(out) < 2 || (len(in) == 3 && len(out) != 2) {
		return fmt.Errorf("RescaleHint: %d inputs, %d outputs", len(in), len(out))
	}
	x := Signed(mod, in[0])
	k := uint(in[1].Uint64())
	num := new(big.Int).Set(x)
	if k > 0 {
		num.Add(num, new(big.Int).Lsh(big.NewInt(1), k-1))
	}
	q := new(big.Int).Rsh(num, k) // arithmetic shift: floor for negatives
	out[0].Set(q)
	if len(in) == 5 {
		out[0].Add(out[0], new(big.Int).Lsh(big.NewInt(1), uint(in[4].Uint64())))
	}
	out[0].Mod(out[0], mod)
	if len(in) >= 4 {
		r := new(big.Int).Sub(num, new(big.Int).Lsh(q, k))
		if err := LimbsHint(mod, []*big.Int{in[3], r}, out[2:]); err != nil {
			return err
		}
	}
	if in[2].Sign() == 0 {
		out[1].Sub(num, new(big.Int).Lsh(q, k)) // the remainder, for callers that want it
		return nil
	}
	if q.Sign() >= 0 {
		out[1].SetInt64(1)
	} else {
		out[1].SetInt64(0)
	}
	return nil
}

// Signed reads a field element as a signed integer in (-mod/2, mod/2].
func Signed(mod, v *big.Int) *big.Int {
	x := new(big.Int).Mod(v, mod)
	half := new(big.Int).Rsh(mod, 1)
	if x.Cmp(half) > 0 {
		x.Sub(x, mod)
	}
	return x
}

// Hints lists every hint of this package.
func Hints() []solver.Hint {
	return []solver.Hint{RescaleHint, MaxHint, DivHint, LimbsHint, CountHint, QuotientsHint, RoundDivHint, F32ShiftHint, F32GridHint, NegativeHint, ArgMaxHint, OneHotHint, DivRoundHint, SqrtHint, MatMulHint}
}

// RegisterHints registers the hints of this package with gnark's solver.
func RegisterHints() { solver.RegisterHint(Hints()...) }
