package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

func init() {
	registerMap("Reshape", func(n *graph.Node, shapes []tensor.Shape, consts []*tensor.T) (*indexMap, error) {
		var spec []int
		switch {
		case len(consts) > 1 && consts[1] != nil:
			spec = consts[1].Ints()
		case n.Has("shape"): // opset < 5
			spec = n.Ints("shape", nil)
		default:
			return nil, errf("the target shape must be a constant")
		}
		shape, err := reshapeTo(shapes[0], spec, n.Int("allowzero", 0) == 1)
		if err != nil {
			return nil, err
		}
		return identityMap(shape), nil
	})
}

// reshapeTo resolves an ONNX Reshape target (0 copies, -1 infers).
func reshapeTo(in tensor.Shape, spec []int, allowZero bool) (tensor.Shape, error) {
	out := make(tensor.Shape, len(spec))
	infer, known := -1, 1
	for i, d := range spec {
		switch {
		case d == -1:
			if infer >= 0 {
				return nil, errf("target shape %v has two -1 dimensions", spec)
			}
			infer = i
			continue
		case d == 0 && !allowZero:
			if i >= len(in) {
				return nil, errf("target shape %v copies dimension %d of a rank-%d input", spec, i, len(in))
			}
			d = in[i]
		case d < 0:
			return nil, errf("target shape %v has a negative dimension", spec)
		}
		out[i] = d
		known *= d
	}
	if infer >= 0 {
		if known == 0 || in.Size()%known != 0 {
			return nil, errf("cannot reshape %v to %v", in, spec)
		}
		out[infer] = in.Size() / known
	}
	if out.Size() != in.Size() {
		return nil, errf("cannot reshape %v (%d elements) to %v", in, in.Size(), out)
	}
	return out, nil
}
