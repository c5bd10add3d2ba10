package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Pad with constant pads, in every mode: constant (a fill value), edge
// (the border value repeated), reflect (mirrored without the border) and
// wrap (the other side's values): all index maps, free in the circuit.
func init() {
	registerMap("Pad", func(n *graph.Node, shapes []tensor.Shape, consts []*tensor.T) (*indexMap, error) {
		in := shapes[0]
		mode := n.Str("mode", "constant")
		switch mode {
		case "constant", "edge", "reflect", "wrap":
		default:
			return nil, errf("mode %q: want constant, edge, reflect or wrap", mode)
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
		for d := range in {
			if mode != "constant" && in[d] == 0 && out[d] > 0 {
				return nil, errf("mode %s pads axis %d, which is empty", mode, d)
			}
		}
		for j := range m.Src {
			rem, s, inside := j, 0, true
			for d := range out {
				c := rem/ost[d] - pads[d]
				rem %= ost[d]
				if c < 0 || c >= in[d] {
					if mode == "constant" {
						inside = false
						break
					}
					c = padSource(mode, c, in[d])
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

// padSource is the input index an out-of-range index c of an axis of n
// values reads in mode edge, reflect or wrap (numpy's pad).
func padSource(mode string, c, n int) int {
	switch mode {
	case "edge":
		return min(max(c, 0), n-1)
	case "wrap":
		return ((c % n) + n) % n
	}
	if n == 1 { // reflect
		return 0
	}
	period := 2 * (n - 1)
	c = ((c % period) + period) % period
	if c >= n {
		c = period - c
	}
	return c
}
