package gadgets

import (
	"fmt"
	"math/big"
	"sync"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/poseidon2"
	"github.com/consensys/gnark/frontend"
	p2 "github.com/consensys/gnark/std/hash/poseidon2"
	p2perm "github.com/consensys/gnark/std/permutation/poseidon2"
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

// Scheme is the Poseidon2 construction a circuit commits with (inputs,
// hashed outputs, private weights) and that model ids are computed with. A
// Program records its scheme, so artifacts keep the commitments they were
// compiled with.
type Scheme uint8

const (
	// MD2 is gnark's default Poseidon2 hash for BN254: Merkle-Damgard over the
	// width-2 permutation (rF 6, rP 50), one field element per permutation,
	// 186 constraints per element. Programs compiled before Sponge16 use it.
	MD2 Scheme = iota
	// Sponge16 is a sponge over the width-16 Poseidon2 permutation with the
	// BN254 parameters of the Poseidon2 authors' script for 128-bit security
	// (rF 8, rP 57; gnark-crypto's constants): rate 15, the capacity element
	// starts as the number of elements hashed, the last block is zero-padded
	// and the digest is state[0] after the last permutation. 555 constraints
	// per permutation, 37 per element.
	Sponge16
)

// sponge16 is the width, full and partial rounds of Sponge16's permutation.
const sponge16, sponge16Full, sponge16Partial = 16, 8, 57

// Constraints of one permutation in gnark's R1CS: three per S-box (x^5), one
// S-box per element in full rounds and one per partial round.
const (
	md2Perm      = 3 * (6*2 + 50)
	sponge16Perm = 3 * (sponge16Full*sponge16 + sponge16Partial)
)

// Cost is the constraints Hash takes for n elements in scheme s.
func (s Scheme) Cost(n int) int {
	switch s {
	case MD2:
		return md2Perm * n
	case Sponge16:
		return sponge16Perm * max(1, (n+sponge16-2)/(sponge16-1))
	}
	panic(fmt.Sprintf("gadgets: unknown commitment scheme %d", s))
}

// CheaperScheme is the scheme whose hashes of these lengths (one Hash each)
// cost fewer constraints: Sponge16 from three elements a hash on, MD2 for a
// circuit that hashes only one or two elements (a small model's input).
func CheaperScheme(lengths ...int) Scheme {
	md, sp := 0, 0
	for _, n := range lengths {
		md += MD2.Cost(n)
		sp += Sponge16.Cost(n)
	}
	if md < sp {
		return MD2
	}
	return Sponge16
}

// Known reports whether s is a scheme this build can hash with.
func (s Scheme) Known() bool { return s == MD2 || s == Sponge16 }

// String names the scheme as model.json records it.
func (s Scheme) String() string {
	switch s {
	case MD2:
		return "poseidon2-md-t2"
	case Sponge16:
		return "poseidon2-sponge-t16"
	}
	return fmt.Sprintf("scheme(%d)", uint8(s))
}

// Hash is the commitment of field elements inside the circuit, in the
// context's scheme (see [WithScheme]).
func (c *Ctx) Hash(elems []frontend.Variable) frontend.Variable {
	switch c.Scheme {
	case MD2:
		h, err := p2.New(c.API)
		if err != nil {
			panic(err)
		}
		h.Write(elems...)
		return h.Sum()
	case Sponge16:
		if c.perm16 == nil {
			perm, err := p2perm.NewPoseidon2FromParameters(c.API, sponge16, sponge16Full, sponge16Partial)
			if err != nil {
				panic(err)
			}
			c.perm16 = perm
		}
		state := make([]frontend.Variable, sponge16)
		for i := range state {
			state[i] = 0
		}
		state[sponge16-1] = len(elems)
		for i := 0; i == 0 || i < len(elems); i += sponge16 - 1 {
			for j, e := range elems[i:min(i+sponge16-1, len(elems))] {
				state[j] = c.API.Add(state[j], e)
			}
			if err := c.perm16.Permutation(state); err != nil {
				panic(err)
			}
		}
		return state[0]
	}
	panic(fmt.Sprintf("gadgets: unknown commitment scheme %d", c.Scheme))
}

// HashInts is the native counterpart of [Ctx.Hash] in scheme s.
func (s Scheme) HashInts(elems []*big.Int) *big.Int {
	switch s {
	case MD2:
		h := poseidon2.NewMerkleDamgardHasher()
		var e fr.Element
		for _, v := range elems {
			e.SetBigInt(v)
			b := e.Bytes()
			h.Write(b[:])
		}
		return new(big.Int).SetBytes(h.Sum(nil))
	case Sponge16:
		perm := permutation16()
		state := make([]fr.Element, sponge16)
		state[sponge16-1].SetUint64(uint64(len(elems)))
		var e fr.Element
		for i := 0; i == 0 || i < len(elems); i += sponge16 - 1 {
			for j, v := range elems[i:min(i+sponge16-1, len(elems))] {
				e.SetBigInt(v)
				state[j].Add(&state[j], &e)
			}
			if err := perm.Permutation(state); err != nil {
				panic(err)
			}
		}
		return state[0].BigInt(new(big.Int))
	}
	panic(fmt.Sprintf("gadgets: unknown commitment scheme %d", s))
}

// permutation16 is Sponge16's permutation, built once (it is stateless).
var permutation16 = sync.OnceValue(func() *poseidon2.Permutation {
	return poseidon2.NewPermutation(sponge16, sponge16Full, sponge16Partial)
})
