package ops

import (
	"fmt"
	"math"
	"strings"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// EvalNode evaluates one node in floats, applying a fused ReLU.
func EvalNode(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	out, _, err := evalNode(n, in)
	return out, err
}

// PreRelu names the pre-activation of a node with a fused ReLU in the values
// Run returns, so calibration can size the negative range.
func PreRelu(name string) string { return name + "#pre-relu" }

// evalNode evaluates a node and returns, for a fused ReLU, the pre-activation.
func evalNode(n *graph.Node, in []*tensor.T) (out []*tensor.T, pre *tensor.T, err error) {
	defer func() {
		// a malformed model must produce an error naming the node, never a crash
		if r := recover(); r != nil {
			out, pre, err = nil, nil, &NodeError{Node: n.Label(), Err: fmt.Errorf("cannot evaluate (inputs %s): %v", shapesOf(in), r)}
		}
	}()
	s, err := Lookup(n)
	if err != nil {
		return nil, nil, err
	}
	out, err = s.Float(n, in)
	if err != nil {
		if _, ok := err.(*NodeError); ok {
			return nil, nil, err
		}
		return nil, nil, &NodeError{Node: n.Label(), Err: err}
	}
	if n.Int("_relu", 0) == 1 {
		pre = &tensor.T{Shape: out[0].Shape, Data: append([]float64(nil), out[0].Data...)}
		for i, v := range out[0].Data {
			out[0].Data[i] = math.Max(v, 0)
		}
	}
	return out, pre, nil
}

// need checks the input count of a node.
func need(n *graph.Node, in []*tensor.T, min int) error {
	if len(in) < min {
		return fmt.Errorf("needs %d inputs, has %d", min, len(in))
	}
	for i := 0; i < min; i++ {
		if in[i] == nil {
			return fmt.Errorf("input %d is missing", i)
		}
	}
	return nil
}

// unary applies f elementwise.
func unary(f func(float64) float64) FloatFunc {
	return func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
		if err := need(n, in, 1); err != nil {
			return nil, err
		}
		out := tensor.New(in[0].Shape)
		for i, v := range in[0].Data {
			out.Data[i] = f(v)
		}
		return []*tensor.T{out}, nil
	}
}

// binary applies f elementwise with numpy broadcasting.
func binary(f func(a, b float64) float64) FloatFunc {
	return func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
		if err := need(n, in, 2); err != nil {
			return nil, err
		}
		shape, err := tensor.BroadcastShape(in[0].Shape, in[1].Shape)
		if err != nil {
			return nil, err
		}
		ia := tensor.BroadcastIndex(in[0].Shape, shape)
		ib := tensor.BroadcastIndex(in[1].Shape, shape)
		out := tensor.New(shape)
		for j := range out.Data {
			out.Data[j] = f(in[0].Data[ia[j]], in[1].Data[ib[j]])
		}
		return []*tensor.T{out}, nil
	}
}

// mapping evaluates a shape operator given as an index map.
func mapping(idx func(n *graph.Node, in []*tensor.T) (*indexMap, error)) FloatFunc {
	return func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
		m, err := idx(n, in)
		if err != nil {
			return nil, err
		}
		out := tensor.New(m.Shape)
		for j, s := range m.Src {
			if s.Input < 0 {
				out.Data[j] = m.Fill
			} else {
				out.Data[j] = in[s.Input].Data[s.Index]
			}
		}
		return []*tensor.T{out}, nil
	}
}

func shapesOf(in []*tensor.T) string {
	var parts []string
	for _, t := range in {
		if t == nil {
			parts = append(parts, "none")
		} else {
			parts = append(parts, t.Shape.String())
		}
	}
	return strings.Join(parts, ", ")
}
