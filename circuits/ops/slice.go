package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

func init() {
	registerMap("Slice", func(n *graph.Node, shapes []tensor.Shape, consts []*tensor.T) (*indexMap, error) {
		in := shapes[0]
		var starts, ends, axes, steps []int
		if n.Has("starts") { // opset < 10
			starts, ends, axes = n.Ints("starts", nil), n.Ints("ends", nil), n.Ints("axes", nil)
		} else {
			get := func(i int) ([]int, error) {
				if i >= len(consts) || n.Input(i) == "" {
					return nil, nil
				}
				if consts[i] == nil {
					return nil, errf("input %d must be a constant", i)
				}
				return consts[i].Ints(), nil
			}
			var err error
			if starts, err = get(1); err != nil {
				return nil, err
			}
			if ends, err = get(2); err != nil {
				return nil, err
			}
			if axes, err = get(3); err != nil {
				return nil, err
			}
			if steps, err = get(4); err != nil {
				return nil, err
			}
		}
		if len(starts) != len(ends) {
			return nil, errf("%d starts but %d ends", len(starts), len(ends))
		}
		lo := make([]int, len(in))
		step := make([]int, len(in))
		cnt := in.Clone()
		for d := range in {
			step[d] = 1
		}
		for i := range starts {
			ax := i
			if axes != nil {
				var err error
				if ax, err = tensor.NormAxis(axes[i], len(in)); err != nil {
					return nil, err
				}
			}
			st := 1
			if steps != nil {
				st = steps[i]
			}
			if st == 0 {
				return nil, errf("step 0 on axis %d", ax)
			}
			dim := in[ax]
			clamp := func(v, lo, hi int) int { return max(lo, min(hi, v)) }
			s, e := starts[i], ends[i]
			if s < 0 {
				s += dim
			}
			if e < 0 {
				e += dim
			}
			if st > 0 {
				s, e = clamp(s, 0, dim), clamp(e, 0, dim)
				cnt[ax] = max(0, (e-s+st-1)/st)
			} else {
				s, e = clamp(s, 0, dim-1), clamp(e, -1, dim-1)
				cnt[ax] = max(0, (s-e-st-1)/(-st))
			}
			lo[ax], step[ax] = s, st
		}
		ist, ost := in.Strides(), cnt.Strides()
		m := &indexMap{Shape: cnt, Src: make([]src, cnt.Size())}
		for j := range m.Src {
			rem, s := j, 0
			for d := range cnt {
				c := rem / ost[d]
				rem %= ost[d]
				s += (lo[d] + c*step[d]) * ist[d]
			}
			m.Src[j] = src{0, s}
		}
		return m, nil
	})
}
