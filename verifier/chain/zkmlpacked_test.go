package chain

import (
	"bytes"
	"math/big"
	"math/rand"
	"os"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/internal/solctest"
)

// packedHarness exposes the ZkmlPacked library (contracts/lib/Zkml.sol).
const packedHarness = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;
import {ZkmlPacked} from "lib/Zkml.sol";
contract H {
    function pack(int256[] calldata q, uint256 w) external pure returns (uint256) { return ZkmlPacked.pack(q, w); }
    function at(uint256 p, uint256 w, uint256 i) external pure returns (int256) { return ZkmlPacked.at(p, w, i); }
    function decode(uint256 p, uint256 w, uint256 n) external pure returns (int256[] memory) { return ZkmlPacked.decode(p, w, n); }
    function argmax(uint256 p, uint256 w, uint256 n) external pure returns (uint256) { return ZkmlPacked.argmax(p, w, n); }
    function toWad(int256 q, uint256 f) external pure returns (int256) { return ZkmlPacked.toWad(q, f); }
}
`

// TestZkmlPacked: the Solidity library packs and decodes exactly as the
// circuit's packing (gadgets.PackInts) for every width, picks the first
// largest value, scales to 18 decimals toward zero, and refuses a value
// outside its slot, a slot past the element and a width of 0.
func TestZkmlPacked(t *testing.T) {
	m := newMarket(t)
	lib, err := os.ReadFile("../../contracts/lib/Zkml.sol")
	if err != nil {
		t.Fatal(err)
	}
	c := solctest.Compile(t, map[string]string{"H.sol": packedHarness, "lib/Zkml.sol": string(lib)})["H"]
	a, err := abi.JSON(bytes.NewReader([]byte(c.ABI)))
	if err != nil {
		t.Fatal(err)
	}
	addr := deployCode(t, m.other, c.Bin)
	call := func(method string, args ...any) ([]any, error) {
		data, err := a.Pack(method, args...)
		if err != nil {
			t.Fatal(err)
		}
		out, err := m.chain.CallContract(m.ctx, ethereum.CallMsg{To: &addr, Data: data}, nil)
		if err != nil {
			return nil, err
		}
		return a.Unpack(method, out)
	}
	r := rand.New(rand.NewSource(7)) // fixed: the cases are the same on every run
	for _, w := range []int{4, 8, 16, 25, 32} {
		n := gadgets.PackSlots(w)
		q := make([]int64, n)
		qs := make([]*big.Int, n)
		lim := int64(1) << (w - 1)
		for i := range q {
			q[i] = r.Int63n(2*lim) - lim
			qs[i] = big.NewInt(q[i])
		}
		q[0], q[n-1] = -lim, lim-1 // both ends of the range
		qs[0], qs[n-1] = big.NewInt(-lim), big.NewInt(lim-1)
		want := gadgets.PackInts(q, w)[0]
		out, err := call("pack", qs, big.NewInt(int64(w)))
		if err != nil || out[0].(*big.Int).Cmp(want) != 0 {
			t.Fatalf("width %d: pack %v (%v), PackInts %v", w, out, err, want)
		}
		dec, err := call("decode", want, big.NewInt(int64(w)), big.NewInt(int64(n)))
		if err != nil {
			t.Fatal(err)
		}
		best := 0
		for i, v := range dec[0].([]*big.Int) {
			if v.Int64() != q[i] {
				t.Fatalf("width %d: decode[%d] = %v, packed %d", w, i, v, q[i])
			}
			if q[i] > q[best] {
				best = i
			}
		}
		if out, err := call("argmax", want, big.NewInt(int64(w)), big.NewInt(int64(n))); err != nil || out[0].(*big.Int).Int64() != int64(best) {
			t.Fatalf("width %d: argmax %v (%v), want %d", w, out, err, best)
		}
		// refused: a value beyond its slot, a slot past the element
		qs[1] = big.NewInt(lim)
		if _, err := call("pack", qs, big.NewInt(int64(w))); err == nil {
			t.Fatalf("width %d: packed %d, outside [-%d, %d)", w, lim, lim, lim)
		}
		if _, err := call("at", want, big.NewInt(int64(w)), big.NewInt(int64(n))); err == nil {
			t.Fatalf("width %d: read slot %d of %d", w, n, n)
		}
	}
	if _, err := call("at", big.NewInt(1), big.NewInt(0), big.NewInt(0)); err == nil {
		t.Fatal("width 0 accepted")
	}
	for _, c := range []struct{ q, f, want int64 }{{3, 1, 15e17}, {-3, 2, -75e16}, {1, 3, 125e15}, {-1, 60, 0}} {
		out, err := call("toWad", big.NewInt(c.q), big.NewInt(c.f))
		if err != nil || out[0].(*big.Int).Int64() != c.want {
			t.Errorf("toWad(%d, %d) = %v (%v), want %d", c.q, c.f, out, err, c.want)
		}
	}
}
