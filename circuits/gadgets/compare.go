package gadgets

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark/frontend"
)

// IsNegative returns the bit [d < 0] for a signed d in [-2^bits, 2^bits): it
// hints the bit and holds CheckNegative. A comparison a < b of two values is
// IsNegative(a - b): one range check of their difference, not a full-width
// comparison.
func (c *Ctx) IsNegative(d frontend.Variable, bits int) frontend.Variable {
	h, err := c.API.Compiler().NewHint(NegativeHint, 1, d)
	if err != nil {
		panic(err)
	}
	c.CheckNegative(d, h[0], bits)
	return h[0]
}

// CheckNegative constrains s = [d < 0] for d in [-2^bits, 2^bits): s is a bit
// and e = d - s(2d+1) lies in [0, 2^bits). For s = 0, e = d, so d >= 0; for
// s = 1, e = -d-1, so d <= -1. The two ranges, [0, 2^bits) and
// [-2^bits, -1], are disjoint in the field (2^(bits+1) is far below its
// modulus), so at most one s passes for any d, and for a d in the stated
// range exactly one does. Cost: one boolean, one product, one range check.
func (c *Ctx) CheckNegative(d, s frontend.Variable, bits int) {
	api := c.API
	api.AssertIsBoolean(s)
	e := api.Sub(d, api.Mul(s, api.Add(api.Mul(d, 2), 1)))
	c.Unsigned(e, bits)
}

// NegativeHint returns 1 when its input, read as a signed integer, is below
// zero, else 0.
func NegativeHint(mod *big.Int, in, out []*big.Int) error {
	if len(in) != 1 || len(out) != 1 {
		return fmt.Errorf("NegativeHint: %d inputs, %d outputs", len(in), len(out))
	}
	out[0].SetInt64(0)
	if Signed(mod, in[0]).Sign() < 0 {
		out[0].SetInt64(1)
	}
	return nil
}

// ArgMax returns the index of the largest of vals (signed, bits wide) and
// that value: the first such index, or the last when last is set (ONNX's
// select_last_index). It hints a one-hot vector and holds CheckArgMax.
func (c *Ctx) ArgMax(vals []frontend.Variable, bits int, last bool) (idx, m frontend.Variable) {
	e := c.argMaxHint(vals, last)
	return c.CheckArgMax(vals, e, bits, last)
}

// ArgMaxOneHot is ArgMax returning the constrained one-hot vector itself
// (to read another table at the maximizer: sum e_j t_j costs nothing for
// constants t).
func (c *Ctx) ArgMaxOneHot(vals []frontend.Variable, bits int, last bool) (e []frontend.Variable, m frontend.Variable) {
	e = c.argMaxHint(vals, last)
	_, m = c.CheckArgMax(vals, e, bits, last)
	return e, m
}

func (c *Ctx) argMaxHint(vals []frontend.Variable, last bool) []frontend.Variable {
	if len(vals) == 0 {
		panic("gadgets: argmax of no values")
	}
	flag := 0
	if last {
		flag = 1
	}
	e, err := c.API.Compiler().NewHint(ArgMaxHint, len(vals), append([]frontend.Variable{flag}, vals...)...)
	if err != nil {
		panic(err)
	}
	return e
}

// CheckArgMax constrains the one-hot e to mark the first (last) largest of
// vals and returns its index sum_j j e_j and value m = sum_j e_j v_j:
//
//   - each e_j is a bit and sum e_j = 1, so e marks exactly one index i and
//     m = v_i;
//   - for every j, m - v_j - t_j lies in [0, 2^bits), where t_j = [j < i]
//     (sum of e_k over k > j; for last, [j > i]). So no value exceeds m, and
//     no value before i (after i) equals it: i is the first (last) maximizer.
//
// For values in the signed bits range, m - v_j - t_j is below 2^bits, so the
// honest e always passes. Cost: n booleans, n products and n range checks.
func (c *Ctx) CheckArgMax(vals, e []frontend.Variable, bits int, last bool) (idx, m frontend.Variable) {
	api := c.API
	n := len(vals)
	if len(e) != n {
		panic("gadgets: argmax one-hot of the wrong length")
	}
	var sum, index, max frontend.Variable = 0, 0, 0
	for j := range n {
		api.AssertIsBoolean(e[j])
		sum = api.Add(sum, e[j])
		index = api.Add(index, api.Mul(e[j], j))
		max = api.Add(max, api.Mul(e[j], vals[j]))
	}
	api.AssertIsEqual(sum, 1)
	// t[j] = sum of e over the indices after j (before j when last)
	t := make([]frontend.Variable, n)
	var acc frontend.Variable = 0
	for k := range n {
		j := n - 1 - k
		if last {
			j = k
		}
		t[j] = acc
		acc = api.Add(acc, e[j])
	}
	for j := range n {
		c.Unsigned(api.Sub(api.Sub(max, vals[j]), t[j]), bits)
	}
	return index, max
}

// ArgMaxHint returns the one-hot vector of the largest of in[1:] read as
// signed integers: the first on ties, the last when in[0] is 1.
func ArgMaxHint(mod *big.Int, in, out []*big.Int) error {
	if len(in) < 2 || len(out) != len(in)-1 {
		return fmt.Errorf("ArgMaxHint: %d inputs, %d outputs", len(in), len(out))
	}
	last := in[0].Sign() != 0
	best, bi := Signed(mod, in[1]), 0
	for j, v := range in[2:] {
		s := Signed(mod, v)
		if c := s.Cmp(best); c > 0 || (c == 0 && last) {
			best, bi = s, j+1
		}
	}
	for j := range out {
		out[j].SetInt64(0)
	}
	out[bi].SetInt64(1)
	return nil
}

// OneHot constrains e to be the one-hot vector of idx among n positions
// (idx in [0, n)): each e_j a bit, sum e_j = 1 and sum j e_j = idx. An idx
// outside [0, n) has no witness. Cost: n + 2 constraints.
func (c *Ctx) OneHot(idx frontend.Variable, n int) []frontend.Variable {
	e, err := c.API.Compiler().NewHint(OneHotHint, n, idx)
	if err != nil {
		panic(err)
	}
	c.CheckOneHot(idx, e)
	return e
}

// CheckOneHot holds the constraints of OneHot for a given e.
func (c *Ctx) CheckOneHot(idx frontend.Variable, e []frontend.Variable) {
	api := c.API
	var sum, index frontend.Variable = 0, 0
	for j := range e {
		api.AssertIsBoolean(e[j])
		sum = api.Add(sum, e[j])
		index = api.Add(index, api.Mul(e[j], j))
	}
	api.AssertIsEqual(sum, 1)
	api.AssertIsEqual(index, idx)
}

// OneHotHint returns the one-hot vector of in[0] over len(out) positions (all
// zeros when it is out of range, which CheckOneHot then refuses).
func OneHotHint(_ *big.Int, in, out []*big.Int) error {
	if len(in) != 1 {
		return fmt.Errorf("OneHotHint: %d inputs", len(in))
	}
	for j := range out {
		out[j].SetInt64(0)
	}
	if in[0].IsInt64() && in[0].Int64() >= 0 && in[0].Int64() < int64(len(out)) {
		out[in[0].Int64()].SetInt64(1)
	}
	return nil
}

// DivRound returns q = floor(n/d + 1/2), the quotient of signed integers
// rounded half up, for n of nBits and a nonzero d of dBits signed bits, q
// within qBits signed bits. With positive it takes d >= 1 (d's sign is not
// tested). It holds CheckDivRound with hinted q and r.
func (c *Ctx) DivRound(n, d frontend.Variable, nBits, dBits, qBits int, positive bool) frontend.Variable {
	h, err := c.API.Compiler().NewHint(DivRoundHint, 2, n, d)
	if err != nil {
		panic(err)
	}
	return c.CheckDivRound(n, d, h[0], h[1], nBits, dBits, qBits, positive)
}

// CheckDivRound constrains q to be n/d rounded half up. With s = [d < 0]
// (gadgets.IsNegative, or 0 when positive), a = d (1 - 2s) = |d| and
// m = n (1 - 2s), so n/d = m/a; it asserts a - 1 in [0, 2^dBits) (d is not
// 0), 2m + a = 2a q + r with r and 2a - 1 - r in [0, 2^(dBits+1)) — so
// q = floor((2m + a) / 2a) = floor(m/a + 1/2) — and q in qBits signed bits.
// Every product is below 2^(dBits + qBits + 2) and 2m + a below
// 2^(nBits + 2), far from the field's modulus, so the identity holds over
// the integers and q is unique. Cost: 3 products (1 when positive), 5 range
// checks (4 when positive).
func (c *Ctx) CheckDivRound(n, d, q, r frontend.Variable, nBits, dBits, qBits int, positive bool) frontend.Variable {
	api := c.API
	a, m := d, n
	if !positive {
		s := c.IsNegative(d, dBits)
		sign := api.Sub(1, api.Mul(2, s))
		a, m = api.Mul(d, sign), api.Mul(n, sign)
	}
	c.Unsigned(api.Sub(a, 1), dBits)
	api.AssertIsEqual(api.Add(api.Mul(2, m), a), api.Add(api.Mul(2, a, q), r))
	c.Unsigned(r, dBits+1)
	c.Unsigned(api.Sub(api.Sub(api.Mul(2, a), 1), r), dBits+1)
	c.Signed(q, qBits)
	return q
}

// DivRoundHint returns floor(n/d + 1/2) and its remainder r in [0, 2|d|) of
// 2|n'| + |d| = 2|d| q + r (n' = n with d's sign folded in), reading n and d
// as signed integers.
func DivRoundHint(mod *big.Int, in, out []*big.Int) error {
	if len(in) != 2 || len(out) != 2 {
		return fmt.Errorf("DivRoundHint: %d inputs, %d outputs", len(in), len(out))
	}
	n, d := Signed(mod, in[0]), Signed(mod, in[1])
	if d.Sign() == 0 {
		return fmt.Errorf("DivRoundHint: division by zero")
	}
	if d.Sign() < 0 {
		n.Neg(n)
		d.Neg(d)
	}
	num := new(big.Int).Add(new(big.Int).Lsh(n, 1), d)
	den := new(big.Int).Lsh(d, 1)
	q, r := new(big.Int), new(big.Int)
	q.DivMod(num, den, r) // Euclidean: r in [0, den) since den > 0
	out[0].Mod(q, mod)
	out[1].Set(r)
	return nil
}

// DivRoundInt is the integer reference of DivRound; ok is false for d = 0.
func DivRoundInt(n, d int64) (q int64, ok bool) {
	if d == 0 {
		return 0, false
	}
	if d < 0 {
		n, d = -n, -d
	}
	num, den := 2*n+d, 2*d
	q = num / den
	if num%den != 0 && num < 0 {
		q-- // floor
	}
	return q, true
}

// Sqrt returns y = floor(sqrt(n)) for n >= 0 with y below 2^yBits: it hints
// y and holds CheckSqrt.
func (c *Ctx) Sqrt(n frontend.Variable, yBits int) frontend.Variable {
	h, err := c.API.Compiler().NewHint(SqrtHint, 1, n)
	if err != nil {
		panic(err)
	}
	return c.CheckSqrt(n, h[0], yBits)
}

// CheckSqrt constrains y = floor(sqrt(n)): y in [0, 2^yBits), n - y^2 and
// y^2 + 2y - n (that is (y+1)^2 - 1 - n) in [0, 2^(yBits+1)). So
// y^2 <= n < (y+1)^2, which one y >= 0 satisfies; a negative n (a field
// element near the modulus) has no y. Cost: one product, three range
// checks.
func (c *Ctx) CheckSqrt(n, y frontend.Variable, yBits int) frontend.Variable {
	api := c.API
	c.Unsigned(y, yBits)
	y2 := api.Mul(y, y)
	c.Unsigned(api.Sub(n, y2), yBits+1)
	c.Unsigned(api.Sub(api.Add(y2, api.Mul(2, y)), n), yBits+1)
	return y
}

// SqrtHint returns floor(sqrt(n)) of a non-negative n.
func SqrtHint(_ *big.Int, in, out []*big.Int) error {
	if len(in) != 1 || len(out) != 1 {
		return fmt.Errorf("SqrtHint: %d inputs, %d outputs", len(in), len(out))
	}
	out[0].Sqrt(in[0])
	return nil
}
