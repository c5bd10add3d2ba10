package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Gather and GatherElements with constant indices are index maps; with
// indices an activation computes, they read a lookup table (Select).
func init() {
	registerMap("Gather", gatherMap)
	registerMap("GatherElements", gatherElementsMap)
	for _, op := range []string{"Gather", "GatherElements"} {
		s := registry[op]
		static := s.Lower
		s.Lower = func(n *graph.Node, b *Builder) error {
			if b.Const(n.Input(1)) == nil {
				return selectLower(n, b)
			}
			return static(n, b)
		}
	}
}

func gatherMap(n *graph.Node, shapes []tensor.Shape, consts []*tensor.T) (*indexMap, error) {
	in := shapes[0]
	if len(consts) < 2 || consts[1] == nil {
		return nil, errf("indices must be a constant (data-dependent Gather is not supported)")
	}
	idx := consts[1]
	axis, err := tensor.NormAxis(int(n.Int("axis", 0)), len(in))
	if err != nil {
		return nil, err
	}
	out := append(append(in[:axis:axis].Clone(), idx.Shape...), in[axis+1:]...)
	outer := tensor.Shape(in[:axis]).Size()
	inner := tensor.Shape(in[axis+1:]).Size()
	m := &indexMap{Shape: out}
	for o := 0; o < outer; o++ {
		for _, k := range idx.Ints() {
			if k < 0 {
				k += in[axis]
			}
			if k < 0 || k >= in[axis] {
				return nil, errf("index %d out of range for axis %d of size %d", k, axis, in[axis])
			}
			for i := 0; i < inner; i++ {
				m.Src = append(m.Src, src{0, (o*in[axis]+k)*inner + i})
			}
		}
	}
	return m, nil
}

// gatherElementsMap: out[p] = data[p with the axis coordinate replaced by
// indices[p]].
func gatherElementsMap(n *graph.Node, shapes []tensor.Shape, consts []*tensor.T) (*indexMap, error) {
	if len(consts) < 2 || consts[1] == nil {
		return nil, errf("indices must be a constant here")
	}
	base, stride, dim, err := gatherElementsGeom(n, shapes[0], consts[1].Shape)
	if err != nil {
		return nil, err
	}
	m := &indexMap{Shape: consts[1].Shape.Clone()}
	for p, k := range consts[1].Ints() {
		if k < 0 {
			k += dim
		}
		if k < 0 || k >= dim {
			return nil, errf("index %d out of range for an axis of size %d", consts[1].Ints()[p], dim)
		}
		m.Src = append(m.Src, src{0, base[p] + k*stride})
	}
	return m, nil
}

// gatherElementsGeom returns, per element of the indices, the data position
// with the axis coordinate 0, and the axis' stride and size.
func gatherElementsGeom(n *graph.Node, data, idx tensor.Shape) (base []int, stride, dim int, err error) {
	if len(idx) != len(data) {
		return nil, 0, 0, errf("indices have rank %d, data rank %d", len(idx), len(data))
	}
	axis, err := tensor.NormAxis(int(n.Int("axis", 0)), len(data))
	if err != nil {
		return nil, 0, 0, err
	}
	for d := range data {
		if d != axis && idx[d] > data[d] {
			return nil, 0, 0, errf("indices shape %v exceeds data shape %v on axis %d", idx, data, d)
		}
	}
	ds, is := data.Strides(), idx.Strides()
	base = make([]int, idx.Size())
	for p := range base {
		rem := p
		for d := range idx {
			c := rem / is[d]
			rem %= is[d]
			if d != axis {
				base[p] += c * ds[d]
			}
		}
	}
	return base, ds[axis], data[axis], nil
}
