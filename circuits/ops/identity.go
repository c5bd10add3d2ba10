package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// Identity, Dropout (inference: identity) and Cast between numeric types move
// no element. Cast to an integer type truncates toward zero in floats; in the
// integer program values keep their scale, which is exact for the integer
// inputs such casts see in exported models.
func init() {
	same := func(n *graph.Node, shapes []tensor.Shape, _ []*tensor.T) (*indexMap, error) {
		return identityMap(shapes[0]), nil
	}
	registerMap("Identity", same)
	registerMap("Dropout", same)
	registerMap("Cast", same)
	// Dropout's optional mask output is all ones outside training; in
	// training mode only ratio 0 is deterministic (and so provable).
	d := registry["Dropout"]
	float, lower := d.Float, d.Lower
	d.Float = func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
		if err := dropoutMode(n, in); err != nil {
			return nil, err
		}
		out, err := float(n, in)
		if err != nil || len(n.Outputs) < 2 || n.Outputs[1] == "" {
			return out, err
		}
		mask := tensor.New(in[0].Shape)
		for i := range mask.Data {
			mask.Data[i] = 1
		}
		return append(out, mask), nil
	}
	d.Lower = func(n *graph.Node, b *Builder) error {
		consts := []*tensor.T{nil, b.Const(n.Input(1)), b.Const(n.Input(2))}
		if err := dropoutMode(n, consts); err != nil {
			return &NodeError{Node: n.Label(), Err: err}
		}
		if len(n.Outputs) > 1 && n.Outputs[1] != "" {
			mask := tensor.New(b.Shapes[n.Inputs[0]])
			for i := range mask.Data {
				mask.Data[i] = 1
			}
			b.Consts[n.Outputs[1]] = mask
		}
		return lower(n, b)
	}
}

// dropoutMode refuses training-mode Dropout with a ratio above 0: its mask
// is random. in[1] and in[2] are the ratio and training_mode inputs (nil
// when absent or not constant).
func dropoutMode(n *graph.Node, in []*tensor.T) error {
	if n.Input(2) == "" {
		return nil
	}
	if len(in) < 3 || in[2] == nil {
		return errf("training_mode must be a constant")
	}
	if len(in[2].Data) == 0 || in[2].Data[0] == 0 {
		return nil
	}
	ratio := 0.5
	if n.Input(1) != "" {
		if len(in) < 2 || in[1] == nil || len(in[1].Data) == 0 {
			return errf("ratio must be a constant")
		}
		ratio = in[1].Data[0]
	}
	if ratio != 0 {
		return errf("training-mode Dropout with ratio %g draws a random mask; it has no deterministic output to prove", ratio)
	}
	return nil
}
