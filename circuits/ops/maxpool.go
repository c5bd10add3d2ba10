package ops

import (
	"fmt"
	"math"

	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

func init() {
	Register("MaxPool", &Spec{Float: float1D(maxPoolFloat), Lower: maxPoolLower, FusesRelu: true})
}

// MaxPool takes the maximum of each window (Off/Idx list the window of every
// output). With Relu, 0 joins every window: max(0, window) = ReLU(MaxPool).
type MaxPool struct {
	LayerBase
	Off  []int32
	Idx  []int32
	Bits int
	Relu bool
}

func poolGeom(n *graph.Node, in tensor.Shape) (Geom, error) {
	ks := n.Ints("kernel_shape", nil)
	if len(ks) != 2 && len(ks) != 3 {
		return Geom{}, errf("kernel_shape %v: only 2-D and 3-D pools are supported", ks)
	}
	g, err := geometry(n, in, ks, n.Int("ceil_mode", 0) == 1)
	if err != nil {
		return g, err
	}
	return g, g.emptyWindow()
}

// windows lists, for every output of a pool, the input indices it reads.
func (g *Geom) windows() (off, idx []int32) {
	off = append(off, 0)
	for b := 0; b < g.N; b++ {
		for c := 0; c < g.C; c++ {
			base := (b*g.C + c) * g.InPlane()
			for p := 0; p < g.Plane(); p++ {
				g.window(p, func(_, o int) { idx = append(idx, int32(base+o)) })
				off = append(off, int32(len(idx)))
			}
		}
	}
	return off, idx
}

func maxPoolFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 1); err != nil {
		return nil, err
	}
	g, err := poolGeom(n, in[0].Shape)
	if err != nil {
		return nil, err
	}
	off, idx := g.windows()
	out := tensor.New(g.OutShape(g.C))
	at := tensor.New(g.OutShape(g.C))
	pos := g.flatIndex(n)
	for j := range out.Data {
		m := math.Inf(-1)
		for _, i := range idx[off[j]:off[j+1]] {
			if v := in[0].Data[i]; v > m {
				m, at.Data[j] = v, float64(pos(int(i)))
			}
		}
		out.Data[j] = m
	}
	if len(n.Outputs) > 1 && n.Outputs[1] != "" {
		return []*tensor.T{out, at}, nil
	}
	return []*tensor.T{out}, nil
}

// flatIndex maps a row-major input position to MaxPool's Indices value:
// the position itself, or with storage_order 1 the position with the
// spatial axes in column-major order.
func (g *Geom) flatIndex(n *graph.Node) func(int) int64 {
	if n.Int("storage_order", 0) == 0 {
		return func(i int) int64 { return int64(i) }
	}
	plane := g.InPlane()
	return func(i int) int64 {
		nc, p := i/plane, i%plane
		w, h := p%g.W, p/g.W // 2-D: (h, w) -> w H + h
		if g.D > 0 {
			d := h / g.H
			h %= g.H
			return int64(nc*plane + (w*g.H+h)*g.D + d)
		}
		return int64(nc*plane + w*g.H + h)
	}
}

func maxPoolLower(n *graph.Node, b *Builder) error {
	id, x, err := b.Tensor(n.Inputs[0])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	g, err := poolGeom(n, x.Shape)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	l := &MaxPool{LayerBase: LayerBase{In: []int{id}}, Bits: x.Bits, Relu: n.Int("_relu", 0) == 1}
	l.Off, l.Idx = g.windows()
	b.Emit(n, l, n.Outputs[0], g.OutShape(g.C), x.Frac, x.Bits)
	if len(n.Outputs) > 1 && n.Outputs[1] != "" {
		if l.Relu {
			return nodeErr(n, "a ReLU fused into a MaxPool with Indices")
		}
		// Indices: the flat input position of each window's first maximum
		pos := g.flatIndex(n)
		am := &ArgMax{LayerBase: LayerBase{In: []int{id}}, Off: l.Off, Idx: l.Idx, Bits: x.Bits, Map: make([]int64, len(l.Idx))}
		for t, i := range l.Idx {
			am.Map[t] = pos(int(i))
		}
		b.Emit(n, am, n.Outputs[1], g.OutShape(g.C), 0, signedBits(0, int64(x.Shape.Size())))
	}
	return nil
}

// Eval implements Layer.
func (l *MaxPool) Eval(in [][]int64) ([]int64, error) {
	out := make([]int64, len(l.Off)-1)
	for j := range out {
		if l.Off[j] == l.Off[j+1] {
			return nil, &NodeError{Node: l.Node, Err: fmt.Errorf("output %d: the pooling window reads no input", j)}
		}
		m := int64(math.MinInt64)
		if l.Relu {
			m = 0
		}
		for _, i := range l.Idx[l.Off[j]:l.Off[j+1]] {
			m = max(m, in[0][i])
		}
		out[j] = m
	}
	return out, nil
}

// Define implements Layer.
func (l *MaxPool) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	out := make([]frontend.Variable, len(l.Off)-1)
	for j := range out {
		var w []frontend.Variable
		if l.Relu {
			w = append(w, 0)
		}
		for _, i := range l.Idx[l.Off[j]:l.Off[j+1]] {
			w = append(w, in[0][i])
		}
		// differences of two Bits-bit signed values fit in Bits bits unsigned
		out[j] = c.Max(w, l.Bits)
	}
	return out
}
