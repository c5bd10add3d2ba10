package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Pad (constant mode) with constant pads.
func init() {
	registerMap("Pad", func(n *graph.Node, shapes []tensor.Shape, consts []*tensor.T) (*indexMap, error) {
		in := shapes[0]
		if mode := n.Str("mode", "constant"); mode != "constant" {
			return nil, errf("mode %q is not supported (constant only)", mode)
		}
		pads := n.Ints("pads", nil)
		fill := n.Float("value", 0)
		if len(consts) > 1 && n.Input(1) != "" {
			if consts[1] == nil {
				return nil, errf("pads must be a constant")
			}
			pads = consts[1].Ints()
		}
		if len(consts) > 2 && n.Input(2) != "" {
			if consts[2] == nil {
				return nil, errf("the pad value must be a constant")
			}
			fill = consts[2].Data[0]
		}
		if len(consts) > 3 && n.Input(3) != "" {
			return nil, errf("the axes input is not supported")
		}
		if len(pads) != 2*len(in) {
			return nil, errf("%d pads for rank %d", len(pads), len(in))
		}
		out := make(tensor.Shape, len(in))
		for d := range in {
			out[d] = in[d] + pads[d] + pads[d+len(in)]
			if out[d] < 0 {
				return nil, errf("pads %v remove more than axis %d holds", pads, d)
			}
		}
		ist, ost := in.Strides(), out.Strides()
		m := &indexMap{Shape: out, Src: make([]src, out.Size()), Fill: fill}
		for j := range m.Src {
			rem, s, inside := j, 0, true
			for d := range out {
				c := rem/ost[d] - pads[d]
				rem %= ost[d]
				if c < 0 || c >= in[d] {
					inside = false
					break
				}
				s += c * ist[d]
			}
			if inside {
				m.Src[j] = src{0, s}
			} else {
				m.Src[j] = src{-1, 0}
			}
		}
		return m, nil
	})
}
