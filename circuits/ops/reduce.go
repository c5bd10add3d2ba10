package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// ReduceSum and ReduceMean are linear: each output sums (or averages) the
// inputs it reduces, so they lower to a Sparse kernel and one rescale. Neg is
// a scale by -1.
func init() {
	Register("ReduceSum", &Spec{Float: poolFloat(reduceWindows(false)), Lower: poolLower(reduceWindows(false)), FusesRelu: true})
	Register("ReduceMean", &Spec{Float: poolFloat(reduceWindows(true)), Lower: poolLower(reduceWindows(true)), FusesRelu: true})
	Register("Neg", &Spec{
		Float: unary(func(v float64) float64 { return -v }),
		Lower: func(n *graph.Node, b *Builder) error {
			size := b.Shapes[n.Inputs[0]].Size()
			idx, a, c := make([]int, size), make([]float64, size), make([]float64, size)
			for j := range idx {
				idx[j], a[j] = j, -1
			}
			return b.EmitAffine(n, n.Inputs[0], idx, a, c)
		},
		FusesRelu: true,
	})
}

// reduceAxes reads the reduced axes: an attribute before opset 13 (18 for
// ReduceMean), a constant second input since; none means all (unless
// noop_with_empty_axes).
func reduceAxes(n *graph.Node, rank int, consts []*tensor.T) ([]bool, error) {
	axes := n.Ints("axes", nil)
	if len(consts) > 1 && consts[1] != nil {
		axes = consts[1].Ints()
	}
	red := make([]bool, rank)
	if len(axes) == 0 {
		for d := range red {
			red[d] = n.Int("noop_with_empty_axes", 0) == 0
		}
		return red, nil
	}
	for _, a := range axes {
		ax, err := tensor.NormAxis(a, rank)
		if err != nil {
			return nil, err
		}
		red[ax] = true
	}
	return red, nil
}

// reduceWindows lists, per output, the input elements it reduces. The axes
// input, when present, must be a constant.
func reduceWindows(mean bool) windowsFunc {
	return func(n *graph.Node, in tensor.Shape, consts []*tensor.T) (tensor.Shape, []int32, []int32, []float64, error) {
		if n.Input(1) != "" && (len(consts) < 2 || consts[1] == nil) {
			return nil, nil, nil, nil, errf("axes must be a constant")
		}
		red, err := reduceAxes(n, len(in), consts)
		if err != nil {
			return nil, nil, nil, nil, err
		}
		keep := n.Int("keepdims", 1) == 1
		var out tensor.Shape
		outDims := make([]int, len(in))
		for d, r := range red {
			outDims[d] = in[d]
			if r {
				outDims[d] = 1
			}
			if !r || keep {
				out = append(out, outDims[d])
			}
		}
		ost := tensor.Shape(outDims).Strides()
		ist := in.Strides()
		groups := make([][]int32, tensor.Shape(outDims).Size())
		for i := 0; i < in.Size(); i++ {
			rem, o := i, 0
			for d := range in {
				c := rem / ist[d]
				rem %= ist[d]
				if !red[d] {
					o += c * ost[d]
				}
			}
			groups[o] = append(groups[o], int32(i))
		}
		off := []int32{0}
		var idx []int32
		var w []float64
		for _, g := range groups {
			for _, i := range g {
				idx = append(idx, i)
				if mean {
					w = append(w, 1/float64(len(g)))
				} else {
					w = append(w, 1)
				}
			}
			off = append(off, int32(len(idx)))
		}
		return out, off, idx, w, nil
	}
}
