package gadgets_test

import (
	"math"
	"strings"
	"testing"

	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"

	"github.com/zkml/zkml/circuits/gadgets"
)

type negCircuit struct {
	D, S frontend.Variable
	Bits int `gnark:"-"`
}

func (c *negCircuit) Define(api frontend.API) error {
	gadgets.New(api).CheckNegative(c.D, c.S, c.Bits)
	return nil
}

// TestCheckNegative: the honest sign bit passes over the whole range and its
// edges; the wrong sign, a non-bit and a d beyond the range are refused.
func TestCheckNegative(t *testing.T) {
	const bits = 6
	for _, d := range []int64{0, 1, -1, 31, -32, 63, -64, 17, -5} {
		s := int64(0)
		if d < 0 {
			s = 1
		}
		if err := gadgets.IsSolvedTwice(t, &negCircuit{Bits: bits}, &negCircuit{D: neg(d), S: s}, field); err != nil {
			t.Errorf("d=%d: honest sign rejected: %v", d, err)
		}
		if err := gadgets.IsSolvedTwice(t, &negCircuit{Bits: bits}, &negCircuit{D: neg(d), S: 1 - s}, field); err == nil {
			t.Errorf("d=%d: the wrong sign %d was accepted", d, 1-s)
		}
		if err := gadgets.IsSolvedTwice(t, &negCircuit{Bits: bits}, &negCircuit{D: neg(d), S: 2}, field); err == nil {
			t.Errorf("d=%d: a sign of 2 was accepted", d)
		}
	}
	for _, d := range []int64{64, -65, 1 << 20} {
		for _, s := range []int64{0, 1} {
			if err := gadgets.IsSolvedTwice(t, &negCircuit{Bits: bits}, &negCircuit{D: neg(d), S: s}, field); err == nil {
				t.Errorf("d=%d beyond the %d-bit range accepted with sign %d", d, bits, s)
			}
		}
	}
}

type argmaxCircuit struct {
	V, E   []frontend.Variable
	I, M   frontend.Variable
	Bits   int  `gnark:"-"`
	Last   bool `gnark:"-"`
	Hinted bool `gnark:"-"`
}

func (c *argmaxCircuit) Define(api frontend.API) error {
	g := gadgets.New(api)
	var i, m frontend.Variable
	if c.Hinted {
		i, m = g.ArgMax(c.V, c.Bits, c.Last)
	} else {
		i, m = g.CheckArgMax(c.V, c.E, c.Bits, c.Last)
	}
	api.AssertIsEqual(i, c.I)
	api.AssertIsEqual(m, c.M)
	return nil
}

func oneHot(n, i int) []frontend.Variable {
	e := make([]frontend.Variable, n)
	for j := range e {
		e[j] = 0
	}
	e[i] = 1
	return e
}

func vars(v ...int64) []frontend.Variable {
	out := make([]frontend.Variable, len(v))
	for i, x := range v {
		out[i] = neg(x)
	}
	return out
}

// TestArgMax: the first (or last) maximizer passes, through the hint too; an
// index that is not a maximizer, the other end of a tie, a vector with two
// ones or none, and a reported index or value that does not match are all
// refused.
func TestArgMax(t *testing.T) {
	const bits = 8
	vals := []int64{-3, 7, 2, 7, -128, 5}
	n := len(vals)
	shape := func(last, hinted bool) *argmaxCircuit {
		return &argmaxCircuit{V: make([]frontend.Variable, n), E: make([]frontend.Variable, n), Bits: bits, Last: last, Hinted: hinted}
	}
	w := func(e []frontend.Variable, i int, m int64) *argmaxCircuit {
		if e == nil {
			e = oneHot(n, 0)
		}
		return &argmaxCircuit{V: vars(vals...), E: e, I: i, M: neg(m)}
	}
	for _, tc := range []struct {
		last bool
		want int
	}{{false, 1}, {true, 3}} {
		if err := gadgets.IsSolvedTwice(t, shape(tc.last, false), w(oneHot(n, tc.want), tc.want, 7), field); err != nil {
			t.Errorf("last=%v: the honest argmax %d rejected: %v", tc.last, tc.want, err)
		}
		if err := gadgets.IsSolvedTwice(t, shape(tc.last, true), w(nil, tc.want, 7), field); err != nil {
			t.Errorf("last=%v: the hinted argmax rejected: %v", tc.last, err)
		}
		other := 4 - tc.want // the other end of the tie
		if err := gadgets.IsSolvedTwice(t, shape(tc.last, false), w(oneHot(n, other), other, 7), field); err == nil {
			t.Errorf("last=%v: the other tied index %d was accepted", tc.last, other)
		}
		if err := gadgets.IsSolvedTwice(t, shape(tc.last, false), w(oneHot(n, 2), 2, 2), field); err == nil {
			t.Errorf("last=%v: index 2 (not a maximum) was accepted", tc.last)
		}
		if err := gadgets.IsSolvedTwice(t, shape(tc.last, true), w(nil, 2, 2), field); err == nil {
			t.Errorf("last=%v: a wrong argmax was accepted through the hint", tc.last)
		}
		two := oneHot(n, 1)
		two[3] = 1
		if err := gadgets.IsSolvedTwice(t, shape(tc.last, false), w(two, 4, 14), field); err == nil {
			t.Errorf("last=%v: a vector with two ones was accepted", tc.last)
		}
		none := oneHot(n, 0)
		none[0] = 0
		if err := gadgets.IsSolvedTwice(t, shape(tc.last, false), w(none, 0, 0), field); err == nil {
			t.Errorf("last=%v: an all-zero vector was accepted", tc.last)
		}
		if err := gadgets.IsSolvedTwice(t, shape(tc.last, false), w(oneHot(n, tc.want), tc.want, 8), field); err == nil {
			t.Errorf("last=%v: a wrong maximum value was accepted", tc.last)
		}
	}
}

type oneHotCircuit struct {
	I frontend.Variable
	E []frontend.Variable
}

func (c *oneHotCircuit) Define(api frontend.API) error {
	gadgets.New(api).CheckOneHot(c.I, c.E)
	return nil
}

func TestOneHot(t *testing.T) {
	const n = 5
	shape := &oneHotCircuit{E: make([]frontend.Variable, n)}
	if err := gadgets.IsSolvedTwice(t, shape, &oneHotCircuit{I: 3, E: oneHot(n, 3)}, field); err != nil {
		t.Fatalf("honest one-hot rejected: %v", err)
	}
	if err := gadgets.IsSolvedTwice(t, shape, &oneHotCircuit{I: 3, E: oneHot(n, 2)}, field); err == nil {
		t.Error("the one-hot of 2 accepted for index 3")
	}
	// 1 at 1 and at 2 sums to index 3 but is not one-hot
	two := oneHot(n, 1)
	two[2] = 1
	if err := gadgets.IsSolvedTwice(t, shape, &oneHotCircuit{I: 3, E: two}, field); err == nil {
		t.Error("two ones accepted")
	}
	// -1 at 0, +1 at 3 and +1 at 0 ... a non-bit entry
	bad := oneHot(n, 3)
	bad[0] = neg(-1)
	bad[1] = 1
	if err := gadgets.IsSolvedTwice(t, shape, &oneHotCircuit{I: 4, E: bad}, field); err == nil {
		t.Error("a non-bit entry accepted")
	}
}

type divRoundCircuit struct {
	N, D, Q, R frontend.Variable
	Positive   bool `gnark:"-"`
}

func (c *divRoundCircuit) Define(api frontend.API) error {
	gadgets.New(api).CheckDivRound(c.N, c.D, c.Q, c.R, 12, 8, 12, c.Positive)
	return nil
}

// TestDivRound: the rounded quotient of signed values passes with its
// remainder; a quotient one off (with any remainder that would balance it),
// a zero divisor and a negative divisor under "positive" are refused.
func TestDivRound(t *testing.T) {
	for _, tc := range [][2]int64{{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {5, 3}, {-5, 3}, {2047, 255}, {-2047, -1}, {0, 5}, {1, 2}, {-1, 2}, {3, 2}} {
		n, d := tc[0], tc[1]
		q, _ := gadgets.DivRoundInt(n, d)
		if want := int64(math.Floor(float64(n)/float64(d) + 0.5)); q != want {
			t.Fatalf("DivRoundInt(%d, %d) = %d, want %d", n, d, q, want)
		}
		a, m := d, n
		if d < 0 {
			a, m = -d, -n
		}
		r := 2*m + a - 2*a*q
		for _, pos := range []bool{false, true} {
			if pos && d < 0 {
				if err := gadgets.IsSolvedTwice(t, &divRoundCircuit{Positive: true}, &divRoundCircuit{N: neg(n), D: neg(d), Q: neg(q), R: neg(r)}, field); err == nil {
					t.Errorf("%d/%d: a negative divisor accepted as positive", n, d)
				}
				continue
			}
			if err := gadgets.IsSolvedTwice(t, &divRoundCircuit{Positive: pos}, &divRoundCircuit{N: neg(n), D: neg(d), Q: neg(q), R: neg(r)}, field); err != nil {
				t.Errorf("%d/%d = %d r %d: honest quotient rejected: %v", n, d, q, r, err)
			}
			for _, dq := range []int64{1, -1} {
				bq := q + dq
				br := 2*m + a - 2*a*bq // balances the identity, leaves [0, 2a)
				if err := gadgets.IsSolvedTwice(t, &divRoundCircuit{Positive: pos}, &divRoundCircuit{N: neg(n), D: neg(d), Q: neg(bq), R: neg(br)}, field); err == nil {
					t.Errorf("%d/%d: quotient %d (honest %d) accepted", n, d, bq, q)
				}
			}
		}
	}
	if err := gadgets.IsSolvedTwice(t, &divRoundCircuit{}, &divRoundCircuit{N: 4, D: 0, Q: 0, R: 0}, field); err == nil {
		t.Error("division by zero accepted")
	}
}

type sqrtCircuit struct {
	N, Y frontend.Variable
}

func (c *sqrtCircuit) Define(api frontend.API) error {
	gadgets.New(api).CheckSqrt(c.N, c.Y, 10)
	return nil
}

// TestSqrt: the floor root passes; a root one off either way, and any root
// of a negative value, are refused.
func TestSqrt(t *testing.T) {
	for _, n := range []int64{0, 1, 2, 3, 4, 8, 9, 10, 99, 100, 1023*1023 + 2046} {
		y := int64(math.Sqrt(float64(n)))
		if err := gadgets.IsSolvedTwice(t, &sqrtCircuit{}, &sqrtCircuit{N: n, Y: y}, field); err != nil {
			t.Errorf("sqrt(%d) = %d rejected: %v", n, y, err)
		}
		for _, bad := range []int64{y - 1, y + 1} {
			if err := gadgets.IsSolvedTwice(t, &sqrtCircuit{}, &sqrtCircuit{N: n, Y: neg(bad)}, field); err == nil {
				t.Errorf("sqrt(%d): root %d (honest %d) accepted", n, bad, y)
			}
		}
	}
	for _, y := range []int64{0, 1, 5} {
		if err := gadgets.IsSolvedTwice(t, &sqrtCircuit{}, &sqrtCircuit{N: neg(-4), Y: y}, field); err == nil {
			t.Errorf("a root %d of -4 accepted", y)
		}
	}
}

type matmulCircuit struct {
	A, B, C [][]frontend.Variable
	Hinted  bool `gnark:"-"`
}

func (c *matmulCircuit) Define(api frontend.API) error {
	g := gadgets.New(api)
	if c.Hinted {
		out := g.MatMul(c.A, c.B)
		for i := range out {
			for j := range out[i] {
				api.AssertIsEqual(out[i][j], c.C[i][j])
			}
		}
		return nil
	}
	g.CheckMatMul(c.A, c.B, c.C)
	return nil
}

func mat(m, n int, f func(i, j int) int64) [][]frontend.Variable {
	out := make([][]frontend.Variable, m)
	for i := range out {
		out[i] = make([]frontend.Variable, n)
		for j := range out[i] {
			out[i][j] = neg(f(i, j))
		}
	}
	return out
}

// TestFreivalds: the product of signed matrices passes, hinted or given; a
// product wrong in one entry (by one, or by the modulus' neighbour of a
// sign flip) is refused.
func TestFreivalds(t *testing.T) {
	const m, k, n = 3, 4, 5
	av := func(i, j int) int64 { return int64((i*7+j*3)%11 - 5) }
	bv := func(i, j int) int64 { return int64((i*5+j*2)%13 - 6) }
	cv := func(i, j int) int64 {
		s := int64(0)
		for t := range k {
			s += av(i, t) * bv(t, j)
		}
		return s
	}
	shape := func(hinted bool) *matmulCircuit {
		return &matmulCircuit{A: mat(m, k, av), B: mat(k, n, bv), C: mat(m, n, cv), Hinted: hinted}
	}
	w := func(c func(i, j int) int64) *matmulCircuit {
		return &matmulCircuit{A: mat(m, k, av), B: mat(k, n, bv), C: mat(m, n, c)}
	}
	for _, hinted := range []bool{false, true} {
		if err := gadgets.IsSolvedTwice(t, shape(hinted), w(cv), field); err != nil {
			t.Fatalf("hinted=%v: the honest product rejected: %v", hinted, err)
		}
	}
	for _, e := range [][2]int{{0, 0}, {2, 4}, {1, 3}} {
		for _, delta := range []int64{1, -1, 1 << 40} {
			bad := func(i, j int) int64 {
				if i == e[0] && j == e[1] {
					return cv(i, j) + delta
				}
				return cv(i, j)
			}
			for _, hinted := range []bool{false, true} {
				if err := gadgets.IsSolvedTwice(t, shape(hinted), w(bad), field); err == nil {
					t.Errorf("hinted=%v: C[%d][%d] off by %d accepted", hinted, e[0], e[1], delta)
				}
			}
		}
	}
}

type maxDiffsCircuit struct {
	V []frontend.Variable
	M frontend.Variable
}

func (c *maxDiffsCircuit) Define(api frontend.API) error {
	g := gadgets.New(api)
	for _, d := range g.CheckMaxDiffs(c.V, c.M) {
		g.Unsigned(d, 8) // the caller's bound (an attention layer's table)
	}
	return nil
}

// TestMaxDiffs: with its differences bounded, the maximum passes; a value
// above it (every difference still in range) and one below it are refused.
func TestMaxDiffs(t *testing.T) {
	vals := []int64{-3, 7, 2, 7, -100, 5}
	shape := &maxDiffsCircuit{V: make([]frontend.Variable, len(vals))}
	for _, tc := range []struct {
		m    int64
		want bool
	}{{7, true}, {8, false}, {9, false}, {5, false}, {6, false}} {
		err := gadgets.IsSolvedTwice(t, shape, &maxDiffsCircuit{V: vars(vals...), M: neg(tc.m)}, field)
		if (err == nil) != tc.want {
			t.Errorf("m = %d: accepted %v, want %v (%v)", tc.m, err == nil, tc.want, err)
		}
	}
}

type sharedTableCircuit struct {
	I, J, A, B frontend.Variable
	Other      bool `gnark:"-"`
}

func (c *sharedTableCircuit) Define(api frontend.API) error {
	g := gadgets.New(api)
	vals := []int64{5, 9, 2, 7}
	a := g.SharedTable("t", vals).Lookup(c.I)
	if c.Other {
		vals = []int64{5, 9, 2, 8}
	}
	b := g.SharedTable("t", vals).Lookup(c.J)
	api.AssertIsEqual(a[0], c.A)
	api.AssertIsEqual(b[0], c.B)
	return nil
}

// TestSharedTable: two lookups through one shared table read its entries;
// a wrong entry is refused, and asking for the key with other contents
// fails the circuit's build.
func TestSharedTable(t *testing.T) {
	if err := gadgets.IsSolvedTwice(t, &sharedTableCircuit{}, &sharedTableCircuit{I: 1, J: 3, A: 9, B: 7}, field); err != nil {
		t.Errorf("honest lookups rejected: %v", err)
	}
	if err := gadgets.IsSolvedTwice(t, &sharedTableCircuit{}, &sharedTableCircuit{I: 1, J: 3, A: 9, B: 8}, field); err == nil {
		t.Error("a value the table does not hold at its index was accepted")
	}
	_, err := frontend.Compile(field, r1cs.NewBuilder, &sharedTableCircuit{Other: true})
	if err == nil || !strings.Contains(err.Error(), "asked for with other values") {
		t.Errorf("a shared table asked for with other contents: %v, want the refusal", err)
	}
}
