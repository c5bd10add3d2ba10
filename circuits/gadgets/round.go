package gadgets

import (
	"fmt"
	"math/big"

	"github.com/consensys/gnark/frontend"
)

// RoundDiv is the integer reference of [Ctx.RoundDiv]: n / d rounded to the
// nearest integer, halves to even (ONNX's and onnxruntime's rounding), d > 0.
func RoundDiv(n, d int64) int64 {
	q := n / d
	r := n - q*d
	if r < 0 { // floor division
		q--
		r += d
	}
	switch {
	case 2*r > d:
		q++
	case 2*r == d && q%2 != 0:
		q++
	}
	return q
}

// RoundDiv constrains q = n / d rounded half to even and returns q. d is a
// positive constant or variable below 2^dBits (a variable d must be asserted
// positive by the caller); q is a signed qBits integer. With q = 2m + b
// (m hinted and range-checked, b a hinted bit) and w = 2n + d - 2qd, it asserts
// w - b in [0, 2d - 2b]: w lies in [0, 2d] exactly for the two nearest
// integers, both ends only at a tie, and there b = 0 keeps the even one. One
// boolean, three range checks (and one product when d is a variable).
func (c *Ctx) RoundDiv(n, d frontend.Variable, dBits, qBits int) frontend.Variable {
	h, err := c.API.Compiler().NewHint(RoundDivHint, 2, n, d)
	if err != nil {
		panic(err)
	}
	return c.CheckRoundDiv(n, d, h[0], h[1], dBits, qBits)
}

// CheckRoundDiv holds the constraints of RoundDiv for a given m and b and
// returns q = 2m + b.
func (c *Ctx) CheckRoundDiv(n, d, m, b frontend.Variable, dBits, qBits int) frontend.Variable {
	api := c.API
	api.AssertIsBoolean(b)
	c.Signed(m, max(qBits-1, 1))
	q := api.Add(api.Mul(m, 2), b)
	w := api.Sub(api.Add(api.Mul(n, 2), d), api.Mul(api.Mul(q, 2), d))
	c.Unsigned(api.Sub(w, b), dBits+1)
	c.Unsigned(api.Sub(api.Sub(api.Mul(d, 2), b), w), dBits+1)
	return q
}

// RoundDivHint returns m = floor(q / 2) and b = q mod 2 for q = RoundDiv(n, d)
// of its signed inputs (n, d).
func RoundDivHint(mod *big.Int, in, out []*big.Int) error {
	if len(in) != 2 || len(out) != 2 {
		return fmt.Errorf("RoundDivHint: %d inputs, %d outputs", len(in), len(out))
	}
	n, d := Signed(mod, in[0]), Signed(mod, in[1])
	if d.Sign() <= 0 {
		return fmt.Errorf("RoundDivHint: divisor %v is not positive", d)
	}
	q, r := new(big.Int).DivMod(n, d, new(big.Int)) // Euclidean: 0 <= r < d
	r2 := new(big.Int).Lsh(r, 1)
	if c := r2.Cmp(d); c > 0 || (c == 0 && q.Bit(0) == 1) {
		q.Add(q, big.NewInt(1))
	}
	b := q.Bit(0)
	m := new(big.Int).Rsh(q, 1) // floor for negatives
	out[0].Mod(m, mod)
	out[1].SetUint64(uint64(b))
	return nil
}

// Saturate constrains y = min(hi, max(lo, v)) for a signed bits-bit v and
// constant bounds, and returns y. Each side is a ReLU of the distance to the
// bound (a sign hint and one range check).
func (c *Ctx) Saturate(v frontend.Variable, lo, hi int64, bits int) frontend.Variable {
	api := c.API
	y, _ := c.Split(api.Sub(v, lo), 0, bits+2, bits+1)
	v = api.Add(lo, y)
	y, _ = c.Split(api.Sub(hi, v), 0, bits+2, bits+1)
	return api.Sub(hi, y)
}
