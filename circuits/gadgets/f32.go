package gadgets

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/std/lookup/logderivlookup"
)

// F32MaxShift bounds the power of two that F32Quotient scales by.
const F32MaxShift = 48

// F32Quotient writes float32(r / den), for an integer 0 <= r < 2^rBits and a
// positive constant den, as m 2^-t: m = rhe(r 2^t / den) in [2^23, 2^24] (the
// float32 mantissa, rounded to nearest even as IEEE division rounds) and
// returns m, p = 2^t and z = (r == 0). For r = 0, m = 0 and p = 1. t is hinted;
// p comes from a table of 2^0 .. 2^F32MaxShift, the rounding from RoundDiv and
// the normalisation from two range checks on m + z 2^23. The bounds on m alone
// admit a second shift where the mantissa at t is exactly 2^23 (t+1 gives
// 2^24-1), so t is also pinned to the smallest: for t > 0, the rounding at
// t-1 stays below 2^23.
func (c *Ctx) F32Quotient(r frontend.Variable, den int64, rBits int) (m, p, z frontend.Variable) {
	api := c.API
	h, err := api.Compiler().NewHint(F32ShiftHint, 1, r, den)
	if err != nil {
		panic(err)
	}
	tbl := logderivlookup.New(api)
	for t := 0; t <= F32MaxShift; t++ {
		tbl.Insert(new(big.Int).Lsh(big.NewInt(1), uint(t)))
	}
	p = tbl.Lookup(h[0])[0]
	// pin t to the smallest shift whose rounded quotient reaches 2^23: for
	// t > 0, rounding at t-1 stays below 2^23, i.e. r 2^t < den (2^24 - 1)
	pos := logderivlookup.New(api)
	for t := 0; t <= F32MaxShift; t++ {
		pos.Insert(min(t, 1))
	}
	gap := api.Sub(new(big.Int).Sub(new(big.Int).Mul(big.NewInt(den), big.NewInt(1<<24-1)), big.NewInt(1)), api.Mul(r, p))
	c.Unsigned(api.Mul(pos.Lookup(h[0])[0], gap), big.NewInt(den).BitLen()+24)
	dBits := big.NewInt(den).BitLen()
	m = c.RoundDiv(api.Mul(r, p), den, dBits, rBits+F32MaxShift-dBits+3)
	z = api.IsZero(r)
	me := api.Add(m, api.Mul(z, 1<<23))
	c.Unsigned(api.Sub(me, 1<<23), 24)
	c.Unsigned(api.Sub(1<<24, me), 24)
	return m, p, z
}

// F32Quotient is the integer reference of [Ctx.F32Quotient].
func F32Quotient(r, den int64) (m, t int64) {
	if r == 0 {
		return 0, 0
	}
	for t = 0; t <= F32MaxShift; t++ {
		if m = RoundDiv(r<<t, den); m >= 1<<23 {
			return m, t
		}
	}
	panic("gadgets: F32Quotient out of range")
}

// F32ShiftHint returns the t of F32Quotient for inputs (r, den).
func F32ShiftHint(mod *big.Int, in, out []*big.Int) error {
	if len(in) != 2 || len(out) != 1 {
		return fmt.Errorf("F32ShiftHint: %d inputs, %d outputs", len(in), len(out))
	}
	r, den := Signed(mod, in[0]), in[1]
	if r.Sign() <= 0 {
		out[0].SetInt64(0)
		return nil
	}
	if !r.IsInt64() || r.BitLen() > 40 || !den.IsInt64() || den.Sign() <= 0 {
		return fmt.Errorf("F32ShiftHint: %v / %v out of range", r, den)
	}
	_, t := F32Quotient(r.Int64(), den.Int64())
	out[0].SetInt64(t)
	return nil
}

// F32RoundMaxExp bounds the quotients of F32RoundDiv: |n / d| < 2^F32RoundMaxExp.
const F32RoundMaxExp = 9

// f32Grid returns the fractional bits of the float32 grid that n / d (n != 0,
// |n / d| < 2^F32RoundMaxExp) rounds to, floored at 25 (|n / d| < 1/2: then
// the rounding to an integer gives 0 whatever the finer grid) and the
// mantissa w = rhe(n 2^e / d).
func f32Grid(n, d int64) (e int, w int64) {
	for e = 24 - F32RoundMaxExp; e < 25; e++ {
		if w = RoundDiv(n<<e, d); w >= 1<<23 || w <= -(1<<23) {
			return e, w
		}
	}
	return 25, RoundDiv(n<<25, d)
}

// F32RoundDiv is the integer reference of [Ctx.F32RoundDiv]: rhe(float32(n / d)),
// the quotient first rounded to float32 as IEEE division does, then to an
// integer half to even.
func F32RoundDiv(n, d int64) int64 {
	if n == 0 {
		return 0
	}
	e, w := f32Grid(n, d)
	return RoundDiv(w, int64(1)<<e)
}

// F32RoundDiv constrains q = rhe(float32(n / d)) for a positive d below 2^dBits
// (asserted by the caller) and |n / d| < 2^F32RoundMaxExp, with n 2^25 below
// 2^62 in magnitude. The float32 grid 2^-e of n / d is hinted and looked up
// with a lower bound b on the mantissa: w = rhe(n 2^e / d) must satisfy
// b <= |w| <= 2^24 (b = 2^23, a normalised float32; b = 0 at the finest grid
// used, e = 25), then q = rhe(w / 2^e).
func (c *Ctx) F32RoundDiv(n, d frontend.Variable, dBits int) frontend.Variable {
	api := c.API
	h, err := api.Compiler().NewHint(F32GridHint, 2, n, d)
	if err != nil {
		panic(err)
	}
	grid, low := logderivlookup.New(api), logderivlookup.New(api)
	for e := 24 - F32RoundMaxExp; e <= 25; e++ {
		grid.Insert(new(big.Int).Lsh(big.NewInt(1), uint(e)))
		if e < 25 {
			low.Insert(1 << 23)
		} else {
			low.Insert(0)
		}
	}
	g, b := grid.Lookup(h[0])[0], low.Lookup(h[0])[0]
	w := c.RoundDiv(api.Mul(n, g), d, dBits, 27)
	s := h[1]
	api.AssertIsBoolean(s)
	a := api.Sub(w, api.Mul(api.Mul(s, 2), w)) // |w| for the right sign bit
	c.Unsigned(api.Sub(a, b), 25)
	c.Unsigned(api.Sub(1<<24, a), 25)
	return c.RoundDiv(w, g, 27, F32RoundMaxExp+2)
}

// F32GridHint returns the grid index (e - 24 + F32RoundMaxExp) and the sign
// bit of F32RoundDiv's mantissa for inputs (n, d).
func F32GridHint(mod *big.Int, in, out []*big.Int) error {
	if len(in) != 2 || len(out) != 2 {
		return fmt.Errorf("F32GridHint: %d inputs, %d outputs", len(in), len(out))
	}
	n, d := Signed(mod, in[0]), Signed(mod, in[1])
	if !n.IsInt64() || n.BitLen() > 62-25 || !d.IsInt64() || d.Sign() <= 0 {
		return fmt.Errorf("F32GridHint: %v / %v out of range", n, d)
	}
	if n.Sign() == 0 {
		out[0].SetInt64(25 - 24 + F32RoundMaxExp)
		out[1].SetInt64(0)
		return nil
	}
	e, w := f32Grid(n.Int64(), d.Int64())
	out[0].SetInt64(int64(e - 24 + F32RoundMaxExp))
	out[1].SetInt64(0)
	if w < 0 {
		out[1].SetInt64(1)
	}
	return nil
}
