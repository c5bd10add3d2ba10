package ops

import (
	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// MatMul with numpy semantics: 1-D operands, batch dimensions broadcast.
// With a constant 2-D right-hand side it is rewritten to zkml.Dense on
// import; another constant operand (a batch of matrices, or a constant
// left-hand side) makes it a sparse linear layer; two activations make it
// Product.
func init() {
	gobRegister(&Product{})
	Register("MatMul", &Spec{Float: matmulFloat, Lower: matmulLower, FusesRelu: true})
}

// mmGeom is where each output of a MatMul reads its operands: output o sums
// a[A[o] + t] b[B[o] + t N] over t < K.
type mmGeom struct {
	Shape   tensor.Shape
	M, K, N int
	Batches int
	A, B    []int32
}

func matmulGeom(as, bs tensor.Shape) (*mmGeom, error) {
	if len(as) == 0 || len(bs) == 0 {
		return nil, errf("MatMul of a scalar: %v x %v", as, bs)
	}
	a, b := as.Clone(), bs.Clone()
	if len(a) == 1 {
		a = tensor.Shape{1, a[0]}
	}
	if len(b) == 1 {
		b = tensor.Shape{b[0], 1}
	}
	m, k, k2, nn := a[len(a)-2], a[len(a)-1], b[len(b)-2], b[len(b)-1]
	if k != k2 {
		return nil, errf("inner dimensions differ: %v x %v", as, bs)
	}
	batch, err := tensor.BroadcastShape(a[:len(a)-2], b[:len(b)-2])
	if err != nil {
		return nil, err
	}
	ia := tensor.BroadcastIndex(a[:len(a)-2], batch)
	ib := tensor.BroadcastIndex(b[:len(b)-2], batch)
	g := &mmGeom{M: m, K: k, N: nn, Batches: batch.Size()}
	for p := range batch.Size() {
		for i := range m {
			for j := range nn {
				g.A = append(g.A, int32((ia[p]*m+i)*k))
				g.B = append(g.B, int32(ib[p]*k*nn+j))
			}
		}
	}
	g.Shape = batch.Clone()
	if len(as) > 1 {
		g.Shape = append(g.Shape, m)
	}
	if len(bs) > 1 {
		g.Shape = append(g.Shape, nn)
	}
	return g, nil
}

func matmulFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 2); err != nil {
		return nil, err
	}
	g, err := matmulGeom(in[0].Shape, in[1].Shape)
	if err != nil {
		return nil, err
	}
	out := tensor.New(g.Shape)
	for o := range out.Data {
		s := 0.0
		for t := 0; t < g.K; t++ {
			s += in[0].Data[int(g.A[o])+t] * in[1].Data[int(g.B[o])+t*g.N]
		}
		out.Data[o] = s
	}
	return []*tensor.T{out}, nil
}

func matmulLower(n *graph.Node, b *Builder) error {
	g, err := matmulGeom(b.Shapes[n.Inputs[0]], b.Shapes[n.Inputs[1]])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	ca, cb := b.Const(n.Inputs[0]), b.Const(n.Inputs[1])
	if ca != nil || cb != nil {
		// linear in the activation operand
		x := n.Inputs[0]
		if ca != nil {
			x = n.Inputs[1]
		}
		id, xt, err := b.Tensor(x)
		if err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		off := []int32{0}
		var idx []int32
		var w []float64
		for o := range g.A {
			for t := 0; t < g.K; t++ {
				ia, ib := g.A[o]+int32(t), g.B[o]+int32(t*g.N)
				if ca == nil {
					idx, w = append(idx, ia), append(w, cb.Data[ib])
				} else {
					idx, w = append(idx, ib), append(w, ca.Data[ia])
				}
			}
			off = append(off, int32(len(idx)))
		}
		return b.EmitLinear(n, id, xt, w, func(wq []int64) Kernel { return &Sparse{Off: off, Idx: idx, W: wq} }, nil)
	}
	idA, ta, idB, tb, err := b.tensorPair(n)
	if err != nil {
		return err
	}
	l := &Product{LayerBase: LayerBase{In: []int{idA, idB}}, M: g.M, K: g.K, N: g.N, Batches: g.Batches, A: g.A, B: g.B}
	bound := float64(g.K) * float64(int64(1)<<(ta.Bits-1)) * float64(int64(1)<<(tb.Bits-1))
	out := n.Outputs[0]
	rq, fy, err := b.Requantizer(n, out, ta.Frac+tb.Frac, bound)
	if err != nil {
		return err
	}
	l.Requant = rq
	b.Emit(n, l, out, g.Shape, fy, b.Cfg.ActBits)
	return nil
}

// Product is MatMul of two activations. Each batch's m x k by k x n
// product is hinted and held by Freivalds' check (gadgets.CheckMatMul:
// k n + m k + m n products instead of m k n), then every entry is rescaled.
// Where that costs more than the products themselves (k below 3) each
// output sums its k products directly.
type Product struct {
	LayerBase
	M, K, N int
	Batches int
	A, B    []int32
	Requant
}

// Eval implements Layer.
func (l *Product) Eval(in [][]int64) ([]int64, error) {
	acc := make([]int64, len(l.A))
	for o := range acc {
		for t := 0; t < l.K; t++ {
			acc[o] += in[0][int(l.A[o])+t] * in[1][int(l.B[o])+t*l.N]
		}
	}
	return l.eval(l.Node, acc)
}

// freivalds reports whether the randomized check is cheaper than the
// products.
func (l *Product) freivalds() bool {
	return l.M > 0 && l.K*l.N+l.M*l.K+l.M*l.N+l.N < l.M*l.K*l.N
}

// Define implements Layer.
func (l *Product) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	acc := make([]frontend.Variable, len(l.A))
	if !l.freivalds() {
		for o := range acc {
			var s frontend.Variable = 0
			for t := 0; t < l.K; t++ {
				s = api.Add(s, api.Mul(in[0][int(l.A[o])+t], in[1][int(l.B[o])+t*l.N]))
			}
			acc[o] = s
		}
		return l.define(c, acc)
	}
	per := l.M * l.N
	for p := range l.Batches {
		a := make([][]frontend.Variable, l.M)
		for i := range a {
			o := p*per + i*l.N
			a[i] = in[0][l.A[o] : int(l.A[o])+l.K]
		}
		b := make([][]frontend.Variable, l.K)
		for t := range b {
			b[t] = make([]frontend.Variable, l.N)
			for j := range l.N {
				b[t][j] = in[1][int(l.B[p*per+j])+t*l.N]
			}
		}
		cm := c.MatMul(a, b)
		for i := range cm {
			copy(acc[p*per+i*l.N:], cm[i])
		}
	}
	return l.define(c, acc)
}

// EstimatedCost implements Coster.
func (l *Product) EstimatedCost(_, lb int) int {
	if !l.freivalds() {
		return len(l.A) * (l.K + 2 + 2*rangeCost(16, lb))
	}
	return l.Batches*(l.K*l.N+l.M*l.K+l.M*l.N) + len(l.A)*(2+2*rangeCost(16, lb))
}
