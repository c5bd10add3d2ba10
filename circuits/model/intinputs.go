package model

import (
	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/ops"
)

// checkIntInputs range-checks integer model inputs to their element type
// (uint8 to [0, 255], int8 to [-128, 127]); the input packing only bounds
// them to ActBits.
func checkIntInputs(g *gadgets.Ctx, p *ops.Program, x [][]frontend.Variable) {
	for i, id := range p.Inputs {
		lo, hi, ok := p.Tensors[id].IntRange()
		if !ok {
			continue
		}
		span := hi - lo
		bits := 0
		for (int64(1) << bits) <= span {
			bits++
		}
		for _, v := range x[i] {
			u := g.API.Sub(v, lo)
			if span+1 == int64(1)<<bits {
				g.Unsigned(u, bits)
			} else {
				g.Unsigned(u, bits)
				g.Unsigned(g.API.Sub(span, u), bits)
			}
		}
	}
}
