package ops

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
)

// LayerHintID names the hint that computes the rescale advice of a whole
// linear layer from its inputs (see Linear.advice). Its function depends on
// the program, so the prover passes it per proof ([Program.SolverOptions]);
// the one registered globally only reports that.
const LayerHintID solver.HintID = 0x7a6b6d01

func init() {
	solver.RegisterNamedHint(func(*big.Int, []*big.Int, []*big.Int) error {
		return errNoProgram
	}, LayerHintID)
}

var errNoProgram = errors.New("ops: the layer hint needs its program: solve with Program.SolverOptions")

// namedHinter is the builder method that calls a hint by id.
type namedHinter interface {
	NewHintForId(id solver.HintID, nbOutputs int, inputs ...frontend.Variable) ([]frontend.Variable, error)
}

// SolverOptions are the options gnark's solver needs to solve the circuit of p.
func (p *Program) SolverOptions() []solver.Option {
	return []solver.Option{solver.OverrideHint(LayerHintID, p.LayerHint)}
}

// LayerHint computes, for the layer whose index is in[0], the rescale advice
// of every accumulator (gadgets.RescaleAdvice, limb width in[1]) from the
// layer's inputs in[2:], summing with int64 weights as Eval does.
func (p *Program) LayerHint(mod *big.Int, in, out []*big.Int) error {
	if len(in) < 2 || !in[0].IsInt64() || !in[1].IsInt64() {
		return fmt.Errorf("ops: layer hint: %d inputs", len(in))
	}
	i, limbBits := int(in[0].Int64()), int(in[1].Int64())
	if i < 0 || i >= len(p.Layers) {
		return fmt.Errorf("ops: layer hint for layer %d of %d", i, len(p.Layers))
	}
	l, ok := p.Layers[i].(*Linear)
	if !ok {
		return fmt.Errorf("ops: layer hint for layer %d (%s), not a linear layer", i, p.Layers[i].Base().Node)
	}
	x := make([]int64, len(in)-2)
	for j, v := range in[2:] {
		s := gadgets.Signed(mod, v)
		if !s.IsInt64() {
			return fmt.Errorf("ops: layer %d (%s): input %d is not an int64", i, l.Node, j)
		}
		x[j] = s.Int64()
	}
	acc := l.accumulate(x)
	if len(acc) == 0 || len(out)%len(acc) != 0 {
		return fmt.Errorf("ops: layer %d (%s): %d hinted values for %d accumulators", i, l.Node, len(out), len(acc))
	}
	w := len(out) / len(acc)
	for j, a := range acc {
		if err := gadgets.RescaleAdvice(mod, a, l.Shift, limbBits, l.OutBits, l.NegBits, l.Relu, out[j*w:(j+1)*w]); err != nil {
			return fmt.Errorf("ops: layer %d (%s), output %d: %w", i, l.Node, j, err)
		}
	}
	return nil
}
