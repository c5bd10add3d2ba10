package ops

import (
	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
)

// Requant brings an accumulator to its output scale: round(acc / 2^Shift),
// optionally followed by a fused ReLU, range-checked to OutBits signed bits.
// NegBits bounds the magnitude of negative pre-activations under ReLU.
type Requant struct {
	Shift   int
	Relu    bool
	OutBits int
	NegBits int
	// LimbBits is the circuit's range-check limb width (see gadgets.ReluWidth).
	LimbBits int
	// Bounded leaves out the output's range check (not with Relu): every
	// consumer bounds the output (see Program.MarkBounded and
	// gadgets.RescaleBounded).
	Bounded bool
}

func (r *Requant) eval(node string, acc []int64) ([]int64, error) {
	out := make([]int64, len(acc))
	for i, a := range acc {
		q := gadgets.Rescale(a, r.Shift, false)
		if r.Relu && q < 0 {
			// the gadget range-checks -q-1 in ReluWidth bits
			if w := gadgets.ReluWidth(r.OutBits, r.NegBits, r.LimbBits); w < 63 && -q-1 >= int64(1)<<w {
				return nil, &RangeError{Node: node, Index: i, Value: q, Bits: w + 1}
			}
			q = 0
		}
		out[i] = q
	}
	if err := checkRange(node, out, r.OutBits); err != nil {
		return nil, err
	}
	return out, nil
}

func (r *Requant) define(c *gadgets.Ctx, acc []frontend.Variable) []frontend.Variable {
	return r.defineWith(c, acc, nil)
}

// defineWith is define with the rescale values of every accumulator hinted
// already (h holds c.RescaleAdviceWidth(r.Shift) values per accumulator); with
// h nil each accumulator is hinted on its own.
func (r *Requant) defineWith(c *gadgets.Ctx, acc, h []frontend.Variable) []frontend.Variable {
	w := c.RescaleAdviceWidth(r.Shift)
	out := make([]frontend.Variable, len(acc))
	for i, a := range acc {
		var adv []frontend.Variable
		if h != nil {
			adv = h[i*w : (i+1)*w]
		} else {
			adv = c.HintRescale(a, r.Shift, r.OutBits, r.NegBits, r.Relu)
		}
		out[i] = c.RescaleWith(a, adv, r.Shift, r.OutBits, r.NegBits, r.Relu, r.Bounded && !r.Relu)
	}
	return out
}
