package gadgets_test

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"

	"github.com/zkml/zkml/circuits/gadgets"
)

var field = ecc.BN254.ScalarField()

// neg encodes a signed integer as a field element.
func neg(v int64) *big.Int { return new(big.Int).Mod(big.NewInt(v), field) }

// rescaleCircuit checks a given q against x with CheckRescale.
type rescaleCircuit struct {
	X, Q    frontend.Variable
	K, Bits int `gnark:"-"`
}

func (c *rescaleCircuit) Define(api frontend.API) error {
	gadgets.New(api).CheckRescale(c.X, c.Q, c.K, c.Bits)
	return nil
}

func TestRescale(t *testing.T) {
	const k, bits = 4, 8
	for _, x := range []int64{0, 7, 8, 9, -7, -8, -9, 100, -100, 2039, -2056} {
		q := gadgets.Rescale(x, k, false)
		if err := gadgets.IsSolvedTwice(t, &rescaleCircuit{K: k, Bits: bits}, &rescaleCircuit{X: neg(x), Q: neg(q)}, field); err != nil {
			t.Errorf("x=%d q=%d: honest witness rejected: %v", x, q, err)
		}
		// a neighbouring quotient leaves the remainder outside [0, 2^k)
		for _, bad := range []int64{q + 1, q - 1, q + 1<<k} {
			if err := gadgets.IsSolvedTwice(t, &rescaleCircuit{K: k, Bits: bits}, &rescaleCircuit{X: neg(x), Q: neg(bad)}, field); err == nil {
				t.Errorf("x=%d: dishonest quotient %d accepted (honest %d)", x, bad, q)
			}
		}
	}
	// a quotient beyond the output range has no witness
	x := int64(300 << k)
	if err := gadgets.IsSolvedTwice(t, &rescaleCircuit{K: k, Bits: bits}, &rescaleCircuit{X: x, Q: 300}, field); err == nil {
		t.Error("quotient 300 accepted in an 8-bit range")
	}
}

type reluCircuit struct {
	X, Q, S, Y frontend.Variable
	K          int `gnark:"-"`
}

func (c *reluCircuit) Define(api frontend.API) error {
	y := gadgets.New(api).CheckRescaleRelu(c.X, c.Q, c.S, c.K, 8, 10)
	api.AssertIsEqual(y, c.Y)
	return nil
}

func TestRescaleRelu(t *testing.T) {
	for _, k := range []int{0, 3} {
		for _, x := range []int64{0, 5, -5, 100, -100, 4, -4, 1000, -1000, -1} {
			q := gadgets.Rescale(x, k, false)
			if q >= 1<<7 {
				continue // beyond the 8-bit output: no witness, checked below
			}
			y := gadgets.Rescale(x, k, true)
			if y != max(q, 0) {
				t.Fatalf("reference relu(%d>>%d) = %d, want %d", x, k, y, max(q, 0))
			}
			s := int64(0)
			if q >= 0 {
				s = 1
			}
			good := &reluCircuit{X: neg(x), Q: neg(q), S: s, Y: y}
			if err := gadgets.IsSolvedTwice(t, &reluCircuit{K: k}, good, field); err != nil {
				t.Errorf("k=%d x=%d: honest witness rejected: %v", k, x, err)
			}
			bads := []*reluCircuit{
				{X: neg(x), Q: neg(q), S: 1 - s, Y: neg(q * (1 - s))}, // wrong sign
				{X: neg(x), Q: neg(q), S: s, Y: neg(q)},               // passes q through
				{X: neg(x), Q: neg(q), S: s, Y: y + 1},                // wrong output
				{X: neg(x), Q: neg(q), S: 2, Y: neg(2 * q)},           // non-boolean sign
			}
			if k > 0 {
				bads = append(bads, &reluCircuit{X: neg(x), Q: neg(q + 1), S: 1, Y: neg(q + 1)}) // shifted quotient
			}
			for i, bad := range bads {
				if i == 1 && q >= 0 {
					continue // identical to the honest witness
				}
				if err := gadgets.IsSolvedTwice(t, &reluCircuit{K: k}, bad, field); err == nil {
					t.Errorf("k=%d x=%d: dishonest witness %d (q=%v s=%v y=%v) accepted", k, x, i, bad.Q, bad.S, bad.Y)
				}
			}
		}
	}
}

func TestRescaleReluRange(t *testing.T) {
	// the checked width is max(7, 10) rounded up to whole 8-bit limbs: 16 bits
	if err := gadgets.IsSolvedTwice(t, &reluCircuit{K: 0}, &reluCircuit{X: 65535, Q: 65535, S: 1, Y: 65535}, field); err != nil {
		t.Fatalf("relu(65535) within the 16-bit width rejected: %v", err)
	}
	if err := gadgets.IsSolvedTwice(t, &reluCircuit{K: 0}, &reluCircuit{X: 65536, Q: 65536, S: 1, Y: 65536}, field); err == nil {
		t.Fatal("an output beyond the range accepted")
	}
}

type maxCircuit struct {
	V [4]frontend.Variable
	M frontend.Variable
}

func (c *maxCircuit) Define(api frontend.API) error {
	gadgets.New(api).CheckMax(c.V[:], c.M, 9)
	return nil
}

func TestMax(t *testing.T) {
	vals := [4]int64{-3, 17, 5, -200}
	w := func(m int64) *maxCircuit {
		c := &maxCircuit{M: neg(m)}
		for i, v := range vals {
			c.V[i] = neg(v)
		}
		return c
	}
	if err := gadgets.IsSolvedTwice(t, &maxCircuit{}, w(17), field); err != nil {
		t.Fatalf("max 17 rejected: %v", err)
	}
	for _, m := range []int64{18, 5, -3, 255} {
		if err := gadgets.IsSolvedTwice(t, &maxCircuit{}, w(m), field); err == nil {
			t.Errorf("max %d accepted", m)
		}
	}
}

type divCircuit struct{ A, B, Q frontend.Variable }

func (c *divCircuit) Define(api frontend.API) error {
	api.AssertIsEqual(gadgets.New(api).Div(c.A, c.B, 8, 12), c.Q)
	return nil
}

func TestDiv(t *testing.T) {
	if err := gadgets.IsSolvedTwice(t, &divCircuit{}, &divCircuit{A: 1000, B: 7, Q: 142}, field); err != nil {
		t.Fatalf("1000/7 = 142 rejected: %v", err)
	}
	if err := gadgets.IsSolvedTwice(t, &divCircuit{}, &divCircuit{A: 1000, B: 7, Q: 141}, field); err == nil {
		t.Fatal("1000/7 = 141 accepted")
	}
}

type packCircuit struct {
	V      [20]frontend.Variable
	P      frontend.Variable `gnark:",public"`
	Hash   frontend.Variable `gnark:",public"`
	scheme gadgets.Scheme
}

func (c *packCircuit) Define(api frontend.API) error {
	g := gadgets.New(api, gadgets.WithScheme(c.scheme))
	p := g.Pack(c.V[:], 16)
	api.AssertIsEqual(p[0], c.P)
	api.AssertIsEqual(g.Hash(p), c.Hash)
	return nil
}

func TestPackAndHash(t *testing.T) {
	vals := make([]int64, 20)
	for i := range vals {
		vals[i] = int64(i*977%65536) - 32768
	}
	packed := gadgets.PackInts(vals, 16)
	if len(packed) != 2 {
		t.Fatalf("20 16-bit values packed into %d elements, want 2", len(packed))
	}
	if got := gadgets.UnpackInts(packed, 20, 16); len(got) != 20 || got[7] != vals[7] || got[19] != vals[19] {
		t.Fatalf("unpack gives %v, want %v", got, vals)
	}
	for _, scheme := range []gadgets.Scheme{gadgets.MD2, gadgets.Sponge16} {
		t.Run(scheme.String(), func(t *testing.T) {
			w := &packCircuit{P: packed[0], Hash: scheme.HashInts(packed), scheme: scheme}
			for i, v := range vals {
				w.V[i] = neg(v)
			}
			circuit := &packCircuit{scheme: scheme}
			if err := gadgets.IsSolvedTwice(t, circuit, w, field); err != nil {
				t.Fatalf("honest packing rejected: %v", err)
			}
			bad := *w
			bad.V[3] = neg(vals[3] + 1)
			if err := gadgets.IsSolvedTwice(t, circuit, &bad, field); err == nil {
				t.Fatal("packing of a changed value accepted")
			}
			bad = *w
			bad.V[0] = neg(40000) // outside 16 bits: packing must not be ambiguous
			if err := gadgets.IsSolvedTwice(t, circuit, &bad, field); err == nil {
				t.Fatal("a value outside the slot width accepted")
			}
		})
	}
}

type hashCircuit struct {
	E      []frontend.Variable
	Digest frontend.Variable `gnark:",public"`
	scheme gadgets.Scheme
}

func (c *hashCircuit) Define(api frontend.API) error {
	g := gadgets.New(api, gadgets.WithScheme(c.scheme))
	api.AssertIsEqual(g.Hash(c.E), c.Digest)
	return nil
}

// TestHashSchemes checks the circuit's hash against the native one in both
// schemes for lengths around Sponge16's block (15 elements), and that a
// changed element, a changed digest, and a changed length are told apart.
func TestHashSchemes(t *testing.T) {
	for _, scheme := range []gadgets.Scheme{gadgets.MD2, gadgets.Sponge16} {
		for _, n := range []int{1, 14, 15, 16, 31} {
			t.Run(fmt.Sprintf("%s/%d", scheme, n), func(t *testing.T) {
				elems := make([]*big.Int, n)
				w := &hashCircuit{E: make([]frontend.Variable, n), scheme: scheme}
				for i := range elems {
					elems[i] = new(big.Int).Lsh(big.NewInt(int64(i*7919+1)), uint(3*i))
					w.E[i] = elems[i]
				}
				w.Digest = scheme.HashInts(elems)
				circuit := &hashCircuit{E: make([]frontend.Variable, n), scheme: scheme}
				if err := gadgets.IsSolvedTwice(t, circuit, w, field); err != nil {
					t.Fatalf("honest digest rejected: %v", err)
				}
				bad := *w
				bad.E = append([]frontend.Variable(nil), w.E...)
				bad.E[n-1] = new(big.Int).Add(elems[n-1], big.NewInt(1))
				if err := gadgets.IsSolvedTwice(t, circuit, &bad, field); err == nil {
					t.Fatal("digest of a changed element accepted")
				}
				bad = *w
				bad.Digest = new(big.Int).Add(w.Digest.(*big.Int), big.NewInt(1))
				if err := gadgets.IsSolvedTwice(t, circuit, &bad, field); err == nil {
					t.Fatal("a wrong digest accepted")
				}
				// zero padding never makes two lengths collide
				if longer := scheme.HashInts(append(elems, big.NewInt(0))); longer.Cmp(w.Digest.(*big.Int)) == 0 {
					t.Fatalf("%d elements and the same with a zero appended hash alike", n)
				}
			})
		}
	}
}

// TestSponge16Vector pins Sponge16's digest of (1, 2, 3): commitments are
// part of the proof format, so a change of construction or constants must
// show here.
func TestSponge16Vector(t *testing.T) {
	got := gadgets.Sponge16.HashInts([]*big.Int{big.NewInt(1), big.NewInt(2), big.NewInt(3)})
	if want := "1c90d8c758cb2338900e651cbeaf50770b119e096f1b423f87eaabce4a9a836"; got.Text(16) != want {
		t.Fatalf("Sponge16(1, 2, 3) = 0x%s, want 0x%s", got.Text(16), want)
	}
}

// TestConstraintCounter pins that the per-layer accounting can read gnark's
// constraint count (it reaches into the builder; see Ctx.Constraints).
func TestConstraintCounter(t *testing.T) {
	var got []int
	c := &countCircuit{got: &got}
	if _, err := frontend.Compile(field, r1cs.NewBuilder, c); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] < 0 || got[1] <= got[0] {
		t.Fatalf("constraint counts %v: the builder no longer exposes its count", got)
	}
}

type countCircuit struct {
	A, B frontend.Variable
	got  *[]int
}

func (c *countCircuit) Define(api frontend.API) error {
	g := gadgets.New(api)
	*c.got = append(*c.got, g.Constraints())
	api.AssertIsEqual(api.Mul(c.A, c.B), 6)
	*c.got = append(*c.got, g.Constraints())
	return nil
}

type rangeCircuit struct {
	V    frontend.Variable
	Bits int `gnark:"-"`
	Limb int `gnark:"-"`
}

func (c *rangeCircuit) Define(api frontend.API) error {
	g := gadgets.New(api, gadgets.WithLimbBits(c.Limb))
	// a linear expression, as the gadgets pass them
	g.Unsigned(api.Sub(api.Add(c.V, 5), 5), c.Bits)
	return nil
}

// TestRangeTable checks the edges of every shape of check: narrower than a
// limb, one limb, several limbs, and a partial top limb.
func TestRangeTable(t *testing.T) {
	for _, limb := range []int{4, 5, 8} {
		for _, bits := range []int{1, 3, limb, limb + 1, 2 * limb, 2*limb + 3} {
			top := new(big.Int).Lsh(big.NewInt(1), uint(bits))
			ok := []*big.Int{big.NewInt(0), big.NewInt(1), new(big.Int).Sub(top, big.NewInt(1))}
			bad := []*big.Int{top, new(big.Int).Add(top, big.NewInt(1)), neg(-1), neg(-int64(1) << 20), new(big.Int).Lsh(top, 3)}
			for _, v := range ok {
				if err := gadgets.IsSolvedTwice(t, &rangeCircuit{Bits: bits, Limb: limb}, &rangeCircuit{V: v}, field); err != nil {
					t.Errorf("limb %d, %d bits: %v rejected: %v", limb, bits, v, err)
				}
			}
			for _, v := range bad {
				if err := gadgets.IsSolvedTwice(t, &rangeCircuit{Bits: bits, Limb: limb}, &rangeCircuit{V: v}, field); err == nil {
					t.Errorf("limb %d, %d bits: %v accepted", limb, bits, v)
				}
			}
		}
	}
}

// TestHashCost holds Scheme.Cost to what gnark compiles, since CheaperScheme
// picks a model's scheme by it.
func TestHashCost(t *testing.T) {
	for _, scheme := range []gadgets.Scheme{gadgets.MD2, gadgets.Sponge16} {
		for _, n := range []int{1, 2, 3, 15, 16, 31} {
			ccs, err := frontend.Compile(field, r1cs.NewBuilder, &hashCircuit{E: make([]frontend.Variable, n), scheme: scheme})
			if err != nil {
				t.Fatal(err)
			}
			// the digest's equality with the public input is one more
			if got, want := ccs.GetNbConstraints(), scheme.Cost(n)+1; got != want {
				t.Errorf("%s of %d elements: %d constraints, Cost says %d", scheme, n, got, want-1)
			}
		}
	}
	if s := gadgets.CheaperScheme(2); s != gadgets.MD2 {
		t.Errorf("two elements: %s, want %s", s, gadgets.MD2)
	}
	if s := gadgets.CheaperScheme(53); s != gadgets.Sponge16 {
		t.Errorf("53 elements: %s, want %s", s, gadgets.Sponge16)
	}
}
