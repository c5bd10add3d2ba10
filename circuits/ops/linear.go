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
	x := in[0]
	acc := make([]int64, l.K.OutSize())
	for j := range acc {
		var s int64
		if l.Bias != nil {
			s = l.Bias[j]
		}
		l.K.Terms(j, func(i int, w int64) { s += w * x[i] })
		acc[j] = s
	}
	return l.eval(l.Node, acc)
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
	return l.define(c, acc)
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
