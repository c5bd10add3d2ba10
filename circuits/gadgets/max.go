package gadgets

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark/frontend"
)

// Max returns the largest of vals, each a signed integer of bits bits. It hints
// m and asserts m - v_i in [0, 2^bits) for every i and prod(m - v_i) = 0, so m
// is one of the values and no smaller than any.
func (c *Ctx) Max(vals []frontend.Variable, bits int) frontend.Variable {
	if len(vals) == 0 {
		panic("gadgets: max of no values")
	}
	if len(vals) == 1 {
		return vals[0]
	}
	h, err := c.API.Compiler().NewHint(MaxHint, 1, vals...)
	if err != nil {
		panic(err)
	}
	c.CheckMax(vals, h[0], bits)
	return h[0]
}

// CheckMax holds the constraints of Max for a given m: a range check per
// value and len(vals)-1 products, the last one constrained to zero directly.
func (c *Ctx) CheckMax(vals []frontend.Variable, m frontend.Variable, bits int) {
	api := c.API
	ds := make([]frontend.Variable, len(vals))
	for i, v := range vals {
		ds[i] = api.Sub(m, v)
		c.Unsigned(ds[i], bits)
	}
	if len(ds) == 1 {
		api.AssertIsEqual(ds[0], 0)
		return
	}
	prod := ds[0]
	for _, d := range ds[1 : len(ds)-1] {
		prod = api.Mul(prod, d)
	}
	c.rc.product(api, prod, ds[len(ds)-1], 0)
}

// MaxDiffs returns m, the largest of vals, and d_i = m - v_i, leaving the
// range of the d_i to the caller, who must bound every one of them to
// [0, 2^b) for some b with 2^b far below the field's modulus (an exponential
// table indexed by d does). With that bound, prod(m - v_i) = 0 makes m one of
// the values and no smaller than any, so m is their maximum: one product per
// value beyond the first.
func (c *Ctx) MaxDiffs(vals []frontend.Variable) (m frontend.Variable, d []frontend.Variable) {
	if len(vals) == 0 {
		panic("gadgets: max of no values")
	}
	if len(vals) == 1 {
		return vals[0], []frontend.Variable{0}
	}
	h, err := c.API.Compiler().NewHint(MaxHint, 1, vals...)
	if err != nil {
		panic(err)
	}
	return h[0], c.CheckMaxDiffs(vals, h[0])
}

// CheckMaxDiffs holds the product of MaxDiffs for a given m and returns the
// differences m - v_i.
func (c *Ctx) CheckMaxDiffs(vals []frontend.Variable, m frontend.Variable) []frontend.Variable {
	api := c.API
	ds := make([]frontend.Variable, len(vals))
	for i, v := range vals {
		ds[i] = api.Sub(m, v)
	}
	if len(ds) == 1 {
		api.AssertIsEqual(ds[0], 0)
		return ds
	}
	prod := ds[0]
	for _, d := range ds[1 : len(ds)-1] {
		prod = api.Mul(prod, d)
	}
	c.rc.product(api, prod, ds[len(ds)-1], 0)
	return ds
}

// MaxHint returns the largest of its inputs read as signed integers.
func MaxHint(mod *big.Int, in, out []*big.Int) error {
	if len(in) == 0 || len(out) != 1 {
		return fmt.Errorf("MaxHint: %d inputs, %d outputs", len(in), len(out))
	}
	best := Signed(mod, in[0])
	for _, v := range in[1:] {
		if s := Signed(mod, v); s.Cmp(best) > 0 {
			best = s
		}
	}
	out[0].Mod(best, mod)
	return nil
}

// Div constrains q = floor(a / b) for a >= 0 and b > 0, with q below 2^qBits and
// a, b below 2^bits: it hints q and r and asserts a = q b + r, 0 <= r < b.
func (c *Ctx) Div(a, b frontend.Variable, qBits, bits int) frontend.Variable {
	h, err := c.API.Compiler().NewHint(DivHint, 2, a, b)
	if err != nil {
		panic(err)
	}
	q, r := h[0], h[1]
	api := c.API
	api.AssertIsEqual(a, api.Add(api.Mul(q, b), r))
	c.Unsigned(q, qBits)
	c.Unsigned(r, bits)
	c.Unsigned(api.Sub(api.Sub(b, r), 1), bits)
	return q
}

// DivHint computes floor(a/b) and a mod b for non-negative a and positive b.
func DivHint(mod *big.Int, in, out []*big.Int) error {
	if len(in) != 2 || len(out) != 2 {
		return fmt.Errorf("DivHint: %d inputs, %d outputs", len(in), len(out))
	}
	if in[1].Sign() == 0 {
		return fmt.Errorf("DivHint: division by zero")
	}
	out[0].DivMod(in[0], in[1], out[1])
	return nil
}
