package gadgets

import (
	"math/big"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/poseidon2"
	"github.com/consensys/gnark/frontend"
	p2 "github.com/consensys/gnark/std/hash/poseidon2"
)

// PackSlots is how many width-bit slots fit below 2^253 in one field element.
func PackSlots(width int) int { return 253 / width }

// PackInts packs signed values of width bits into field elements, PackSlots(width)
// to an element, little-endian: slot i holds v_i + 2^(width-1), an unsigned
// offset-binary number. It is the integer reference of [Ctx.Pack].
func PackInts(vals []int64, width int) []*big.Int {
	per := PackSlots(width)
	var out []*big.Int
	off := big.NewInt(0).Lsh(big.NewInt(1), uint(width-1))
	for i := 0; i < len(vals); i += per {
		acc := new(big.Int)
		for j := min(i+per, len(vals)) - 1; j >= i; j-- {
			acc.Lsh(acc, uint(width))
			acc.Add(acc, new(big.Int).Add(big.NewInt(vals[j]), off))
		}
		out = append(out, acc)
	}
	return out
}

// UnpackInts inverts PackInts for n values.
func UnpackInts(packed []*big.Int, n, width int) []int64 {
	per := PackSlots(width)
	out := make([]int64, 0, n)
	mask := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(width)), big.NewInt(1))
	off := int64(1) << (width - 1)
	for _, p := range packed {
		acc := new(big.Int).Set(p)
		for j := 0; j < per && len(out) < n; j++ {
			out = append(out, new(big.Int).And(acc, mask).Int64()-off)
			acc.Rsh(acc, uint(width))
		}
	}
	return out
}

// Pack range-checks every value as a signed width-bit integer and packs them as
// PackInts does.
func (c *Ctx) Pack(vals []frontend.Variable, width int) []frontend.Variable {
	api := c.API
	per := PackSlots(width)
	var out []frontend.Variable
	for i := 0; i < len(vals); i += per {
		var acc frontend.Variable = 0
		shift := new(big.Int).SetInt64(1)
		for j := i; j < min(i+per, len(vals)); j++ {
			u := api.Add(vals[j], pow2(width-1))
			c.Unsigned(u, width)
			acc = api.Add(acc, api.Mul(u, new(big.Int).Set(shift)))
			shift.Lsh(shift, uint(width))
		}
		out = append(out, acc)
	}
	return out
}

// Hash is the Poseidon2 (Merkle-Damgard, gnark's default BN254 parameters)
// commitment of field elements inside the circuit.
func (c *Ctx) Hash(elems []frontend.Variable) frontend.Variable {
	h, err := p2.New(c.API)
	if err != nil {
		panic(err)
	}
	h.Write(elems...)
	return h.Sum()
}

// HashInts is the native counterpart of Hash.
func HashInts(elems []*big.Int) *big.Int {
	h := poseidon2.NewMerkleDamgardHasher()
	var e fr.Element
	for _, v := range elems {
		e.SetBigInt(v)
		b := e.Bytes()
		h.Write(b[:])
	}
	return new(big.Int).SetBytes(h.Sum(nil))
}
