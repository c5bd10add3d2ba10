package gadgets

import (
	"fmt"
	"math/big"

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

// Rescale constrains q = round(x / 2^k) with -2^(outBits-1) <= q < 2^(outBits-1)
// and returns q. The quotient and the remainder are hinted and both range-checked,
// which also bounds x: an x whose quotient leaves the range has no witness.
func (c *Ctx) Rescale(x frontend.Variable, k, outBits int) frontend.Variable {
	if k < 0 {
		panic(fmt.Sprintf("gadgets: rescale by 2^%d", k))
	}
	if k == 0 {
		c.Signed(x, outBits)
		return x
	}
	api := c.API
	h, err := api.Compiler().NewHint(RescaleHint, 2, x, k, 0)
	if err != nil {
		panic(err)
	}
	q, r := h[0], h[1]
	c.CheckRescale(x, q, r, k, outBits)
	return q
}

// CheckRescale holds the constraints of Rescale for given q and r; it is
// separate so tests can feed it dishonest values.
func (c *Ctx) CheckRescale(x, q, r frontend.Variable, k, outBits int) {
	api := c.API
	api.AssertIsEqual(api.Add(x, pow2(k-1)), api.Add(api.Mul(q, pow2(k)), r))
	c.Unsigned(r, k)
	c.Signed(q, outBits)
}

// RescaleRelu constrains y = max(0, round(x / 2^k)) with 0 <= y < 2^(outBits-1)
// and returns y. It hints y, z = max(0, -round(x/2^k)) and the remainder r, and
// asserts x + 2^(k-1) = (y - z) 2^k + r, y z = 0, and the ranges of y, z and r
// (z below 2^negBits). With k = 0 it is a plain ReLU.
func (c *Ctx) RescaleRelu(x frontend.Variable, k, outBits, negBits int) frontend.Variable {
	y, _ := c.Split(x, k, outBits, negBits)
	return y
}

// Split returns y = max(0, round(x / 2^k)) and z = max(0, -round(x / 2^k)),
// constrained as in RescaleRelu; x / 2^k rounds to y - z.
func (c *Ctx) Split(x frontend.Variable, k, outBits, negBits int) (y, z frontend.Variable) {
	h, err := c.API.Compiler().NewHint(RescaleHint, 3, x, k, 1)
	if err != nil {
		panic(err)
	}
	c.CheckRescaleRelu(x, h[0], h[1], h[2], k, outBits, negBits)
	return h[0], h[1]
}

// CheckRescaleRelu holds the constraints of RescaleRelu for given y, z and r.
func (c *Ctx) CheckRescaleRelu(x, y, z, r frontend.Variable, k, outBits, negBits int) {
	api := c.API
	lhs := x
	if k > 0 {
		lhs = api.Add(x, pow2(k-1))
	}
	api.AssertIsEqual(lhs, api.Add(api.Mul(api.Sub(y, z), pow2(k)), r))
	api.AssertIsEqual(api.Mul(y, z), 0)
	c.Unsigned(y, outBits-1)
	c.Unsigned(z, negBits)
	if k > 0 {
		c.Unsigned(r, k)
	} else {
		api.AssertIsEqual(r, 0)
	}
}

// RescaleHint computes the witness of Rescale (inputs x, k, 0; outputs q, r) and
// of RescaleRelu (inputs x, k, 1; outputs y, z, r).
func RescaleHint(mod *big.Int, in, out []*big.Int) error {
	if len(in) != 3 {
		return fmt.Errorf("RescaleHint: %d inputs", len(in))
	}
	x := Signed(mod, in[0])
	k := uint(in[1].Uint64())
	num := new(big.Int).Set(x)
	if k > 0 {
		num.Add(num, new(big.Int).Lsh(big.NewInt(1), k-1))
	}
	q := new(big.Int).Rsh(num, k) // arithmetic shift: floor for negatives
	r := new(big.Int).Sub(num, new(big.Int).Lsh(q, k))
	if in[2].Sign() == 0 {
		if len(out) != 2 {
			return fmt.Errorf("RescaleHint: %d outputs, want 2", len(out))
		}
		out[0].Mod(q, mod)
		out[1].Set(r)
		return nil
	}
	if len(out) != 3 {
		return fmt.Errorf("RescaleHint: %d outputs, want 3", len(out))
	}
	if q.Sign() >= 0 {
		out[0].Set(q)
		out[1].SetInt64(0)
	} else {
		out[0].SetInt64(0)
		out[1].Neg(q)
	}
	out[2].Set(r)
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
	return []solver.Hint{RescaleHint, MaxHint, DivHint}
}

// RegisterHints registers the hints of this package with gnark's solver.
func RegisterHints() { solver.RegisterHint(Hints()...) }
