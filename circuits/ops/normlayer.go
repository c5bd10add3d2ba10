package ops

import (
	"math"
	"math/big"

	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Norm is LayerNormalization (or, with RMS, RMSNormalization) as one integer
// layer. The input is rows of N integers x_j (frac fx, the normalized axes
// flattened); per row:
//
//	S   = sum_j x_j                          (linear)
//	c_j = N x_j - S, or N x_j with RMS       (linear)
//	V   = sum_j c_j^2                        (one product per element)
//	D   = floor(sqrt(V + E))                 (gadgets.Sqrt, once per row)
//	R   = floor(K / D + 1/2)                 (gadgets.DivRound, once per row)
//	t_j = c_j R                              (one product per element)
//	a_j = t_j G_j + H_j 2^HShift             (linear: G, H are constants)
//	y_j = floor((a_j + 2^(Shift-1)) / 2^Shift)  (gadgets.Rescale)
//
// with E = max(1, round(eps N^3 2^(2 fx))) and K = round(2^P sqrt(N)).
// V + E = N^3 2^(2fx) (var + eps), so c_j sqrt(N) / D is the normalized
// value (x_j - mean) / sqrt(var + eps) and t_j is it at 2^P. G_j is the
// scale at frac fg (WeightBits wide), H_j 2^HShift the bias at 2^(P + fg),
// and Shift = P + fg - fy brings a_j to the output's frac fy. E >= 1 keeps
// D >= 1: a constant row (c = 0) normalizes to the bias.
//
// In the circuit V is N (N sum_j x_j^2 - S^2) (N^2 sum_j x_j^2 with RMS)
// and t_j is N (x_j R) - S R, the same integers with short products.
//
// Soundness: V, c_j, t_j and a_j are products and linear combinations of
// constrained wires, so only D, R and y_j (with the remainders and limbs of
// their range checks) are hinted, and each is pinned:
//   - D: CheckSqrt holds D in [0, 2^DBits), V + E - D^2 and
//     D^2 + 2D - (V + E) in [0, 2^(DBits+1)). Every term is below 2^(2
//     DBits + 2), far below the field's modulus, so D^2 <= V + E < (D+1)^2
//     over the integers: D is the floor root, the only one.
//   - R: CheckDivRound holds D - 1 in [0, 2^DBits) (D >= 1), 2K + D =
//     2 D R + r with r in [0, 2D) and R in QBits signed bits; the products
//     are below 2^(DBits + QBits + 2), so the identity holds over the
//     integers and R = floor((2K + D) / 2D) is unique.
//   - y_j: Rescale holds a_j + 2^(Shift-1) - y_j 2^Shift in [0, 2^Shift)
//     and y_j in OutBits signed bits. |a_j| < 2^AccBits (AccBits <= 200,
//     checked when lowering), so two quotients passing both would differ by
//     less than 2^(OutBits + 1) and their difference times 2^Shift would be
//     below 2^Shift only if it is 0: y_j is unique.
//
// Eval computes the same integers (math/big where they pass int64).
type Norm struct {
	LayerBase
	N      int  // elements per row
	RMS    bool // no mean: c_j = N x_j
	E      int64
	K      int64
	G, H   []int64 // per element of a row
	HShift int
	Shift  int
	// DBits bounds the root D, QBits (signed) the factor R, OutBits the
	// output; AccBits bounds |a_j|.
	DBits, QBits, OutBits, AccBits int
	// LimbBits is the range table's limb width its shift is aligned to.
	LimbBits int
}

func init() { gobRegister(&Norm{}) }

// normTarget is the relative precision of R at the largest root calibration
// saw: R >= 2^normTarget there.
const normTarget = 14

// normLower lowers a LayerNormalization or RMSNormalization node (its Mean
// and InvStdDev outputs unused, its scale and bias constants) to one Norm.
func normLower(n *graph.Node, b *Builder) error {
	id, x, err := b.Tensor(n.Inputs[0])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	shape := x.Shape
	axis, err := tensor.NormAxis(int(n.Int("axis", -1)), len(shape))
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	inner := tensor.Shape(shape[axis:])
	N := inner.Size()
	if N == 0 {
		return nodeErr(n, "normalizes over no elements")
	}
	gamma := b.Const(n.Input(1))
	if gamma == nil {
		return nodeErr(n, "the scale must be a constant")
	}
	gs := make([]float64, N)
	for j, k := range tensor.BroadcastIndex(gamma.Shape, inner) {
		gs[j] = gamma.Data[k]
	}
	bs := make([]float64, N)
	if name := n.Input(2); name != "" {
		beta := b.Const(name)
		if beta == nil {
			return nodeErr(n, "the bias must be a constant")
		}
		for j, k := range tensor.BroadcastIndex(beta.Shape, inner) {
			bs[j] = beta.Data[k]
		}
	}
	g, fg := b.QuantizeWeights(gs)
	out := n.Outputs[0]
	fy := b.Frac(out)
	fx := x.Frac
	L := b.Cfg.LimbBits
	if L <= 0 {
		L = 16 // a multiple of every width AutoLimbBits picks for 16-bit activations
	}
	l := &Norm{LayerBase: LayerBase{In: []int{id}}, N: N, RMS: n.Op == "RMSNormalization", OutBits: b.Cfg.ActBits, G: g, LimbBits: L}

	// E = eps N^3 2^(2fx), at least 1
	eps := n.Float("epsilon", 1e-5)
	ef := eps * math.Pow(float64(N), 3) * math.Ldexp(1, 2*fx)
	if !(ef < 0x1p62) {
		return nodeErr(n, "epsilon %g at the variance's scale (2^%d per unit, %d elements) passes 2^62", eps, 2*fx, N)
	}
	l.E = max(1, int64(math.Round(ef)))

	// bounds from the input's range: |c_j| < N 2^xBits, V < N cMax^2
	cMax := new(big.Int).Lsh(big.NewInt(int64(N)), uint(x.Bits))
	vMax := new(big.Int).Mul(cMax, cMax)
	vMax.Mul(vMax, big.NewInt(int64(N)))
	vMax.Add(vMax, big.NewInt(l.E))
	l.DBits = new(big.Int).Sqrt(vMax).BitLen()
	if l.DBits > 62 {
		return nodeErr(n, "its root needs %d bits", l.DBits)
	}

	// P: R = K / D is at least 2^normTarget at the largest root the
	// calibrated input gives, D ~ N^1.5 2^fx max|x| (a row's deviation is at
	// most its largest magnitude), so its rounding costs at most 2^-14
	// relative. A larger input only loses precision, never soundness. Then
	// P is raised so that Shift is a multiple of the limb width: the
	// remainder check costs Shift/L queries and no partial limb.
	m := b.Stats[n.Inputs[0]].MaxAbs * math.Ldexp(1, fx)
	if !(m >= 1) || x.Const != nil {
		m = math.Ldexp(1, x.Bits-1)
	}
	m = math.Min(m, math.Ldexp(1, x.Bits-1))
	p0 := int(math.Ceil(normTarget + math.Log2(float64(N)) + math.Log2(m)))
	k := p0 + fg - fy
	k = max(0, (k+L-1)/L*L)
	P := k - fg + fy
	l.Shift = P + fg - fy
	kf := math.Round(math.Ldexp(math.Sqrt(float64(N)), P))
	if !(kf < 0x1p61) { // DivRoundInt doubles it
		return nodeErr(n, "its normalization factor 2^%d sqrt(%d) passes 2^61", P, N)
	}
	l.K = int64(kf)
	kb := big.NewInt(l.K)
	l.QBits = kb.BitLen() + 2 // R <= K (D >= 1), signed

	// the bias at 2^(P + fg), or coarser with a shift where that passes
	// int64 (still far finer than the output)
	fb := P + fg
	if mb := maxAbs(bs); mb > 0 {
		fb = min(fb, fracFor(mb, 62, 0))
	}
	l.HShift = P + fg - fb
	l.H = QuantizeAt(bs, fb)

	// |a_j| <= cMax (K + 1) 2^(WeightBits-1) + |H| 2^HShift
	t := new(big.Int).Mul(cMax, big.NewInt(l.K+1))
	acc := new(big.Int).Mul(t, big.NewInt(maxAbsInt(g)+1))
	acc.Add(acc, new(big.Int).Lsh(big.NewInt(maxAbsInt(l.H)+1), uint(l.HShift)))
	l.AccBits = acc.BitLen() + 1
	if l.AccBits+l.OutBits > 200 || l.DBits+l.QBits > 200 {
		return nodeErr(n, "its products need %d bits", max(l.AccBits+l.OutBits, l.DBits+l.QBits))
	}
	b.Emit(n, l, out, shape, fy, l.OutBits)
	return nil
}

func maxAbs(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		m = math.Max(m, math.Abs(x))
	}
	return m
}

func maxAbsInt(v []int64) int64 {
	var m int64
	for _, x := range v {
		m = max(m, x, -x)
	}
	return m
}

// biases are the bias terms H_j 2^HShift of a_j.
func (l *Norm) biases() []*big.Int {
	hs := make([]*big.Int, l.N)
	for j, h := range l.H {
		hs[j] = new(big.Int).Lsh(big.NewInt(h), uint(l.HShift))
	}
	return hs
}

// Eval implements Layer.
func (l *Norm) Eval(in [][]int64) ([]int64, error) {
	x := in[0]
	out := make([]int64, len(x))
	rows := len(x) / l.N
	c := make([]int64, l.N)
	v, sq := new(big.Int), new(big.Int)
	acc, t := new(big.Int), new(big.Int)
	half := new(big.Int)
	if l.Shift > 0 {
		half.Lsh(big.NewInt(1), uint(l.Shift-1))
	}
	hs := l.biases()
	lo, hi := -(int64(1) << (l.OutBits - 1)), int64(1)<<(l.OutBits-1)
	for r := range rows {
		row := x[r*l.N : (r+1)*l.N]
		var s int64
		if !l.RMS {
			for _, q := range row {
				s += q
			}
		}
		v.SetInt64(l.E)
		for j, q := range row {
			c[j] = int64(l.N)*q - s
			sq.SetInt64(c[j])
			v.Add(v, sq.Mul(sq, sq))
		}
		d := new(big.Int).Sqrt(v)
		if d.BitLen() > l.DBits {
			return nil, &RangeError{Node: l.Node, Index: r * l.N, Value: d.Int64(), Bits: l.DBits + 1}
		}
		rr, _ := gadgets.DivRoundInt(l.K, d.Int64())
		if big.NewInt(rr).BitLen() >= l.QBits {
			return nil, &RangeError{Node: l.Node, Index: r * l.N, Value: rr, Bits: l.QBits}
		}
		for j := range row {
			t.SetInt64(c[j])
			t.Mul(t, big.NewInt(rr))
			acc.Mul(t, big.NewInt(l.G[j]))
			acc.Add(acc, hs[j])
			acc.Add(acc, half)
			acc.Rsh(acc, uint(l.Shift)) // floor, also for negatives
			if !acc.IsInt64() || acc.Int64() < lo || acc.Int64() >= hi {
				return nil, &RangeError{Node: l.Node, Index: r*l.N + j, Value: acc.Int64(), Bits: l.OutBits}
			}
			out[r*l.N+j] = acc.Int64()
		}
	}
	return out, nil
}

// Define implements Layer.
func (l *Norm) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	x := in[0]
	out := make([]frontend.Variable, len(x))
	rows := len(x) / l.N
	hs := l.biases()
	for r := range rows {
		row := x[r*l.N : (r+1)*l.N]
		// V = sum_j (N x_j - S)^2 = N (N sum_j x_j^2 - S^2), and c_j R =
		// N x_j R - S R: every product has two short operands (an R1CS row
		// of c_j = N x_j - S would hold the whole row, N^2 terms a row)
		var s, q frontend.Variable = 0, 0
		for _, xj := range row {
			s = api.Add(s, xj)
			q = api.Add(q, api.Mul(xj, xj))
		}
		var v frontend.Variable
		if l.RMS {
			v = api.Mul(q, l.N*l.N)
		} else {
			v = api.Mul(api.Sub(api.Mul(q, l.N), api.Mul(s, s)), l.N)
		}
		d := c.Sqrt(api.Add(v, l.E), l.DBits)
		rr := c.DivRound(l.K, d, big.NewInt(l.K).BitLen()+2, l.DBits, l.QBits, true)
		var sr frontend.Variable = 0
		if !l.RMS {
			sr = api.Mul(s, rr)
		}
		for j, xj := range row {
			t := api.Sub(api.Mul(api.Mul(xj, rr), l.N), sr)
			acc := api.Add(api.Mul(t, l.G[j]), hs[j])
			out[r*l.N+j] = c.Rescale(acc, l.Shift, l.OutBits)
		}
	}
	return out
}

// EstimatedCost implements Coster: per element the square, the product by
// R and the rescale's range checks; per row the root and the division.
func (l *Norm) EstimatedCost(out, lb int) int {
	q := func(bits int) int { return queries(bits, lb) }
	rows := out / max(l.N, 1)
	perRow := 2 + 1 + q(l.DBits) + 2*q(l.DBits+1) + 1 + q(l.DBits) + 2*q(l.DBits+1) + q(l.QBits)
	return rows*perRow + out*(2+q(l.Shift)+q(l.OutBits))
}
