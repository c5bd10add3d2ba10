package ops

import (
	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
)

// Kernel enumerates the constant weights of a linear layer.
type Kernel interface {
	OutSize() int
	// Terms calls fn for every (input index, weight) that output j sums.
	Terms(j int, fn func(i int, w int64))
}

// Linear is out_j = requant(bias_j + sum_i w_ji x_i): Gemm, MatMul, Conv, pools,
// BatchNormalization and elementwise arithmetic with constants. Weights are
// circuit constants, so the sum costs no constraint; the rescale costs a few.
type Linear struct {
	LayerBase
	K    Kernel
	Bias []int64
	Requant
}

// Eval implements Layer.
func (l *Linear) Eval(in [][]int64) ([]int64, error) {
	return l.eval(l.Node, l.accumulate(in[0]))
}

// accumulate returns bias_j + sum_i w_ji x_i for every output j.
func (l *Linear) accumulate(x []int64) []int64 {
	acc := make([]int64, l.K.OutSize())
	for j := range acc {
		var s int64
		if l.Bias != nil {
			s = l.Bias[j]
		}
		l.K.Terms(j, func(i int, w int64) { s += w * x[i] })
		acc[j] = s
	}
	return acc
}

// Define implements Layer.
func (l *Linear) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	x := in[0]
	acc := make([]frontend.Variable, l.K.OutSize())
	terms := make([]frontend.Variable, 0, 64)
	for j := range acc {
		terms = terms[:0]
		if l.Bias != nil && l.Bias[j] != 0 {
			terms = append(terms, l.Bias[j])
		}
		l.K.Terms(j, func(i int, w int64) {
			if w != 0 {
				terms = append(terms, api.Mul(x[i], w))
			}
		})
		acc[j] = gadgets.Sum(api, terms)
	}
	return l.defineWith(c, acc, l.advice(c, x, len(acc)))
}

// advice hints the rescale values of all the layer's accumulators with one
// named hint ([LayerHintID]) that reads only the layer's inputs and sums
// natively with the program's weights. Hinting each accumulator on its own
// would make the solver evaluate every long sum twice (once as the hint's
// input, once in its constraint) and store it twice in the constraint system.
// It returns nil where that does not apply: under gnark's test engine, outside
// a program, or for a rescale that needs no hint.
func (l *Linear) advice(c *gadgets.Ctx, x []frontend.Variable, n int) []frontend.Variable {
	if !c.R1CS() || c.Layer < 0 || (l.Shift == 0 && !l.Relu) {
		return nil
	}
	b, ok := c.API.Compiler().(namedHinter)
	if !ok {
		return nil
	}
	in := append([]frontend.Variable{c.Layer, c.LimbBits}, x...)
	h, err := b.NewHintForId(LayerHintID, n*c.RescaleAdviceWidth(l.Shift), in...)
	if err != nil {
		panic(err)
	}
	return h
}

// Dense is y[m, n] = sum_k W[n, k] x[m, k] for M rows.
type Dense struct {
	M, K, N int
	W       []int64 // N x K
}

func (d *Dense) OutSize() int { return d.M * d.N }

func (d *Dense) Terms(j int, fn func(i int, w int64)) {
	m, n := j/d.N, j%d.N
	row := d.W[n*d.K : (n+1)*d.K]
	for k, w := range row {
		fn(m*d.K+k, w)
	}
}

// Sparse lists the terms of every output explicitly.
type Sparse struct {
	Off []int32 // outputs+1 offsets into Idx and W
	Idx []int32
	W   []int64
}

func (s *Sparse) OutSize() int { return len(s.Off) - 1 }

func (s *Sparse) Terms(j int, fn func(i int, w int64)) {
	for t := s.Off[j]; t < s.Off[j+1]; t++ {
		fn(int(s.Idx[t]), s.W[t])
	}
}

// absBound returns max_j |bias_j| + sum_i |w_ji| 2^(inBits-1): no accumulator of
// in-range inputs exceeds it.
func absBound(k Kernel, bias []int64, inBits int) float64 {
	lim := float64(int64(1) << (inBits - 1))
	best := 0.0
	for j := 0; j < k.OutSize(); j++ {
		s := 0.0
		if bias != nil {
			s = abs(float64(bias[j]))
		}
		k.Terms(j, func(_ int, w int64) { s += abs(float64(w)) * lim })
		best = max(best, s)
	}
	return best
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
