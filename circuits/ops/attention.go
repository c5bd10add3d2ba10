package ops

import (
	"fmt"
	"math"
	"math/big"
	"slices"

	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Attention is softmax(mask(c Q K^T)) V over the last axis, fused from the
// five or so nodes exporters write it with (zkml.Attention, see
// fuseAttention). Fusing it changes what a layer pays for:
//
//   - the scores S = Q K^T are hinted and held by Freivalds' check, never
//     rescaled to activations: they are rescaled once, straight to the
//     exponential table's index scale, with the constant scale c folded in;
//   - a masked score (a constant mask) is not computed at all: its weight is
//     the constant 0, so a causal mask halves the cost;
//   - the weights are not normalized: W = E V is held by Freivalds' check
//     and each output is W times one reciprocal of its row's sum, so a row
//     pays one division, not one per weight.
//
// Integer semantics, row by row (t_j over the unmasked j only):
//
//	t_j = round(S_j CQ / 2^K1), a TBits-wide signed integer
//	m   = max_j t_j
//	e_j = Exp[m - t_j] = round(2^ExpFrac exp(-(m - t_j) / 2^TFrac))
//	Z   = sum_j e_j                (>= 2^ExpFrac: the maximum's own weight)
//	R   = round(2^P / Z)
//	y_l = round((sum_j e_j V_jl) R / 2^K2), an OutBits-wide signed integer
//
// Soundness: S and W are exact (Freivalds, with the challenge drawn after
// both operands and the product are committed); t_j is the unique rounded
// quotient with its remainder and its own range checked; m - t_j indexes the
// table, whose indices are 0 .. 2^TBits - 1, so m is no smaller than any
// t_j, and prod_j (m - t_j) = 0 makes m one of them: m is the maximum. e_j,
// Z, R (gadgets.DivRound) and y_l are then each the one value their
// constraints allow.
type Attention struct {
	LayerBase
	Batches, M, K, N, DV int
	// Masked marks the masked scores, Batches*M*N of them; nil for none.
	Masked []bool
	// CQ is the scale c at 2^-K1 2^(fq+fk-TFrac): the scores' numerator is
	// S CQ.
	CQ int64
	K1 int
	// TBits is the width of the rescaled scores and of the table's index;
	// TFrac their scale.
	TBits, TFrac int
	Exp          []int64
	ExpFrac      int
	P, K2        int
	OutBits      int
	// Share is how many attention layers of the model share the table (for
	// the estimate).
	Share int
}

// attnScores names the auxiliary output of a fused attention that holds its
// scaled scores (0 where masked): calibration's record of their range.
const attnScores = "/attention_scores"

func init() {
	gobRegister(&Attention{})
	Register("zkml.Attention", &Spec{Float: attentionFloat, Lower: attentionLower})
}

// attnGeom is the geometry of a fused attention with Q [.., m, k], K^T
// [.., k, n] and V [.., n, dv].
type attnGeom struct {
	batch                tensor.Shape
	batches, m, k, n, dv int
}

func attentionGeom(q, kt, v tensor.Shape) (attnGeom, bool) {
	r := len(q)
	if r < 2 || len(kt) != r || len(v) != r {
		return attnGeom{}, false
	}
	b := q[:r-2]
	if !slices.Equal(b, kt[:r-2]) || !slices.Equal(b, v[:r-2]) || q[r-1] != kt[r-2] || kt[r-1] != v[r-2] {
		return attnGeom{}, false
	}
	return attnGeom{batch: b.Clone(), batches: tensor.Shape(b).Size(), m: q[r-2], k: q[r-1], n: kt[r-1], dv: v[r-1]}, true
}

func attnShapeErr(q, kt, v tensor.Shape) error {
	return fmt.Errorf("Q %v, K^T %v and V %v do not chain into attention (want [.., m, k], [.., k, n] and [.., n, dv] with the same leading dimensions)", q, kt, v)
}

// attentionFloat is the float reference: the output and the scaled scores
// (0 where masked).
func attentionFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 3); err != nil {
		return nil, err
	}
	geo, ok := attentionGeom(in[0].Shape, in[1].Shape, in[2].Shape)
	if !ok {
		return nil, attnShapeErr(in[0].Shape, in[1].Shape, in[2].Shape)
	}
	var mask []float64
	if len(in) > 3 && in[3] != nil {
		mask = in[3].Data
	}
	c := n.Float("scale", 1)
	y := tensor.New(append(geo.batch.Clone(), geo.m, geo.dv))
	s := tensor.New(append(geo.batch.Clone(), geo.m, geo.n))
	e := make([]float64, geo.n)
	for p := range geo.batches {
		q, kt, v := in[0].Data[p*geo.m*geo.k:], in[1].Data[p*geo.k*geo.n:], in[2].Data[p*geo.n*geo.dv:]
		for i := range geo.m {
			row := (p*geo.m + i) * geo.n
			mx := math.Inf(-1)
			for j := range geo.n {
				if mask != nil && mask[row+j] != 0 {
					continue
				}
				var d float64
				for t := range geo.k {
					d += q[i*geo.k+t] * kt[t*geo.n+j]
				}
				s.Data[row+j] = d * c
				mx = math.Max(mx, d*c)
			}
			z := 0.0
			for j := range geo.n {
				e[j] = 0
				if mask == nil || mask[row+j] == 0 {
					e[j] = math.Exp(s.Data[row+j] - mx)
				}
				z += e[j]
			}
			for l := range geo.dv {
				acc := 0.0
				for j := range geo.n {
					acc += e[j] * v[j*geo.dv+l]
				}
				y.Data[(p*geo.m+i)*geo.dv+l] = acc / z
			}
		}
	}
	return []*tensor.T{y, s}, nil
}

// attnShared is what every attention layer of a model shares: the table's
// width and scale, so one exponential table serves them all.
type attnShared struct {
	tBits, tFrac, layers int
}

// attention chooses the table once per model: its index is as wide as the
// model's unmasked scores are many (one entry per score pays for itself),
// between TableBits and 16 bits, and its scale fits the largest score of
// any attention layer in calibration, with the margin.
func (b *Builder) attention() attnShared {
	if b.attn != nil {
		return *b.attn
	}
	unmasked, layers, top := 0, 0, 0.0
	for _, n := range b.Nodes {
		if n.Op != "Attention" || n.Domain != "zkml" {
			continue
		}
		layers++
		top = math.Max(top, b.Stats[n.Outputs[1]].MaxAbs)
		s := b.Shapes[n.Outputs[1]]
		unmasked += s.Size()
		if m := b.Const(n.Input(3)); m != nil {
			for _, v := range m.Data {
				if v != 0 {
					unmasked--
				}
			}
		}
	}
	tb := min(max(b.Cfg.TableBits, bitsOf(int64(unmasked))-1), 16)
	b.attn = &attnShared{tBits: tb, tFrac: fracFor(top*b.Cfg.Margin, tb, 0), layers: max(layers, 1)}
	return *b.attn
}

func attentionLower(n *graph.Node, b *Builder) error {
	ids := make([]int, 3)
	ts := make([]*TensorInfo, 3)
	for i := range 3 {
		id, t, err := b.Tensor(n.Inputs[i])
		if err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		ids[i], ts[i] = id, t
	}
	geo, ok := attentionGeom(b.Shapes[n.Inputs[0]], b.Shapes[n.Inputs[1]], b.Shapes[n.Inputs[2]])
	if !ok {
		return &NodeError{Node: n.Label(), Err: attnShapeErr(b.Shapes[n.Inputs[0]], b.Shapes[n.Inputs[1]], b.Shapes[n.Inputs[2]])}
	}
	sh := b.attention()
	l := &Attention{LayerBase: LayerBase{In: ids}, Batches: geo.batches, M: geo.m, K: geo.k, N: geo.n, DV: geo.dv,
		TBits: sh.tBits, TFrac: sh.tFrac, ExpFrac: b.Cfg.ActBits - 2, OutBits: b.Cfg.ActBits, Share: sh.layers}
	if m := b.Const(n.Input(3)); m != nil {
		l.Masked = make([]bool, len(m.Data))
		for i, v := range m.Data {
			l.Masked[i] = v != 0
		}
	}
	// the scale c as CQ 2^-fc; a power of two is exact at any fc
	c := n.Float("scale", 1)
	fc := fracFor(math.Abs(c), b.Cfg.WeightBits, 0)
	if f, e := math.Frexp(math.Abs(c)); f == 0.5 {
		fc = 1 - e // c = ±2^(e-1): CQ = ±1
	}
	sBound := float64(geo.k) * math.Ldexp(1, ts[0].Bits-1) * math.Ldexp(1, ts[1].Bits-1)
	fq := ts[0].Frac + ts[1].Frac
	l.TFrac = min(l.TFrac, fq+fc)
	l.K1 = fq + fc - l.TFrac
	// a shift that is a whole number of range-check limbs costs one query
	// less: pad the scale's precision to it while the numerator fits
	if lb := b.Cfg.LimbBits; lb > 0 && l.K1%lb != 0 {
		if pad := lb - l.K1%lb; sBound*math.Abs(c)*math.Ldexp(1, fc+pad) < maxAcc {
			fc, l.K1 = fc+pad, l.K1+pad
		}
	}
	l.CQ = int64(math.Round(c * math.Ldexp(1, fc)))
	if !(sBound*math.Abs(float64(l.CQ)) < maxAcc) {
		return nodeErr(n, "its scores reach %.3g, beyond the 2^62 the integer engine holds (fewer --bits)", sBound*math.Abs(float64(l.CQ)))
	}
	l.Exp = make([]int64, 1<<l.TBits)
	for d := range l.Exp {
		l.Exp[d] = int64(math.Round(math.Exp(-math.Ldexp(float64(d), -l.TFrac)) * math.Ldexp(1, l.ExpFrac)))
	}
	// R = 2^P / Z keeps 14 bits at the largest sum, n 2^ExpFrac
	out := n.Outputs[0]
	fv := ts[2].Frac
	l.P = l.ExpFrac + bitsOf(int64(geo.n)) + 14
	fy := min(b.Frac(out), fv+l.P)
	l.K2 = fv + l.P - fy
	if lb := b.Cfg.LimbBits; lb > 0 && l.K2%lb != 0 {
		pad := lb - l.K2%lb
		l.P, l.K2 = l.P+pad, l.K2+pad
	}
	if l.P > 60 {
		return nodeErr(n, "its reciprocal needs 2^%d, beyond the integer engine", l.P)
	}
	// the weighted sums W = E V, in the integer engine's int64
	if w := float64(geo.n) * math.Ldexp(1, l.ExpFrac) * math.Ldexp(1, ts[2].Bits-1); !(w < maxAcc) {
		return nodeErr(n, "its weighted sums reach %.3g, beyond the 2^62 the integer engine holds (fewer --bits)", w)
	}
	b.Emit(n, l, out, append(geo.batch.Clone(), geo.m, geo.dv), fy, b.Cfg.ActBits)
	return nil
}

// masked reports whether score (p, i, j) is masked.
func (l *Attention) masked(p, i, j int) bool {
	return l.Masked != nil && l.Masked[(p*l.M+i)*l.N+j]
}

// Eval implements Layer.
func (l *Attention) Eval(in [][]int64) ([]int64, error) {
	out := make([]int64, l.Batches*l.M*l.DV)
	lo, hi := -(int64(1) << (l.TBits - 1)), int64(1)<<(l.TBits-1)
	ylo, yhi := -(int64(1) << (l.OutBits - 1)), int64(1)<<(l.OutBits-1)
	t := make([]int64, l.N)
	e := make([]int64, l.N)
	var acc, half big.Int
	half.Lsh(big.NewInt(1), uint(max(l.K2-1, 0)))
	for p := range l.Batches {
		q, kt, v := in[0][p*l.M*l.K:], in[1][p*l.K*l.N:], in[2][p*l.N*l.DV:]
		for i := range l.M {
			m := lo
			for j := range l.N {
				if l.masked(p, i, j) {
					continue
				}
				var s int64
				for k := range l.K {
					s += q[i*l.K+k] * kt[k*l.N+j]
				}
				t[j] = gadgets.Rescale(s*l.CQ, l.K1, false)
				if t[j] < lo || t[j] >= hi {
					return nil, &RangeError{Node: l.Node + " (scores)", Index: (p*l.M+i)*l.N + j, Value: t[j], Bits: l.TBits}
				}
				m = max(m, t[j])
			}
			var z int64
			for j := range l.N {
				e[j] = 0
				if !l.masked(p, i, j) {
					e[j] = l.Exp[m-t[j]]
				}
				z += e[j]
			}
			r, _ := gadgets.DivRoundInt(int64(1)<<l.P, z)
			for c := range l.DV {
				var w int64
				for j := range l.N {
					w += e[j] * v[j*l.DV+c]
				}
				acc.Mul(big.NewInt(w), big.NewInt(r))
				if l.K2 > 0 {
					acc.Add(&acc, &half).Rsh(&acc, uint(l.K2)) // floor, as Rescale
				}
				o := (p*l.M+i)*l.DV + c
				y := acc.Int64()
				if !acc.IsInt64() || y < ylo || y >= yhi {
					return nil, &RangeError{Node: l.Node, Index: o, Value: y, Bits: l.OutBits}
				}
				out[o] = y
			}
		}
	}
	return out, nil
}

// Define implements Layer.
func (l *Attention) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	tbl := c.SharedTable(fmt.Sprintf("attention exp %d/%d/%d", l.TBits, l.TFrac, l.ExpFrac), l.Exp)
	out := make([]frontend.Variable, l.Batches*l.M*l.DV)
	zBits := bitsOf(int64(l.N)<<l.ExpFrac) + 1
	one := int64(1) << l.ExpFrac
	for p := range l.Batches {
		q, kt, v := in[0][p*l.M*l.K:], in[1][p*l.K*l.N:], in[2][p*l.N*l.DV:]
		s := c.MatMul(rows(q, l.M, l.K), rows(kt, l.K, l.N))
		e := make([][]frontend.Variable, l.M)
		z := make([]frontend.Variable, l.M)
		for i := range l.M {
			e[i] = make([]frontend.Variable, l.N)
			var ts []frontend.Variable
			var js []int
			for j := range l.N {
				e[i][j] = 0
				if !l.masked(p, i, j) {
					ts = append(ts, c.Rescale(api.Mul(s[i][j], l.CQ), l.K1, l.TBits))
					js = append(js, j)
				}
			}
			if len(ts) == 1 {
				e[i][js[0]] = one // the maximum itself: exp(0)
			} else {
				_, d := c.MaxDiffs(ts)
				for x, w := range tbl.Lookup(d...) {
					e[i][js[x]] = w
				}
			}
			z[i] = gadgets.Sum(api, e[i])
		}
		w := c.MatMul(e, rows(v, l.N, l.DV))
		for i := range l.M {
			r := c.DivRound(new(big.Int).Lsh(big.NewInt(1), uint(l.P)), z[i], l.P+2, zBits, l.P-l.ExpFrac+2, true)
			for col := range l.DV {
				out[(p*l.M+i)*l.DV+col] = c.Rescale(api.Mul(w[i][col], r), l.K2, l.OutBits)
			}
		}
	}
	return out
}

// rows views a row-major m x n block as rows.
func rows(x []frontend.Variable, m, n int) [][]frontend.Variable {
	r := make([][]frontend.Variable, m)
	for i := range r {
		r[i] = x[i*n : (i+1)*n]
	}
	return r
}

// EstimatedCost implements Coster: the two Freivalds checks, per unmasked
// score a rescale, a product and a lookup, per output a product and a
// rescale, per row a division, and this layer's share of the table.
func (l *Attention) EstimatedCost(_, lb int) int {
	per := 3 + rangeCost(16, lb) // the max's product, the query (two), the rescale
	unmasked := l.Batches * l.M * l.N
	for _, m := range l.Masked {
		if m {
			unmasked--
		}
	}
	outs := l.Batches * l.M * l.DV
	return l.Batches*(l.K*l.N+l.M*l.K+l.M*l.N) + unmasked*per + l.Batches*(l.N*l.DV+l.M*l.DV) + unmasked +
		outs*(2+rangeCost(16, lb)) + l.Batches*l.M*12 + (1<<l.TBits)/max(l.Share, 1)
}
