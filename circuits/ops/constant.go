package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Constant and Shape only ever produce constants; import folds them, so they
// have no lowering.
func init() {
	Register("Constant", &Spec{Float: func(n *graph.Node, _ []*tensor.T) ([]*tensor.T, error) {
		a, ok := n.Attrs["value"]
		switch {
		case ok && a.Tensor != nil:
			return []*tensor.T{a.Tensor}, nil
		case n.Has("value_float"):
			return []*tensor.T{tensor.Scalar(n.Float("value_float", 0))}, nil
		case n.Has("value_int"):
			return []*tensor.T{tensor.Scalar(float64(n.Int("value_int", 0)))}, nil
		case n.Has("value_floats"):
			v := n.Floats("value_floats", nil)
			return []*tensor.T{{Shape: tensor.Shape{len(v)}, Data: v}}, nil
		case n.Has("value_ints"):
			v := n.Ints("value_ints", nil)
			t := tensor.New(tensor.Shape{len(v)})
			for i, x := range v {
				t.Data[i] = float64(x)
			}
			return []*tensor.T{t}, nil
		}
		return nil, errf("no value attribute")
	}})
	Register("Shape", &Spec{Float: func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
		if err := need(n, in, 1); err != nil {
			return nil, err
		}
		s := in[0].Shape
		start, end := int(n.Int("start", 0)), int(n.Int("end", int64(len(s))))
		if start < 0 {
			start += len(s)
		}
		if end < 0 {
			end += len(s)
		}
		start, end = max(0, min(start, len(s))), max(0, min(end, len(s)))
		out := tensor.New(tensor.Shape{max(0, end-start)})
		for i := start; i < end; i++ {
			out.Data[i-start] = float64(s[i])
		}
		return []*tensor.T{out}, nil
	}})
}
