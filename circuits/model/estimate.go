package model

import (
	"fmt"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/ops"
)

// The resource guard. Building a circuit (gnark's frontend.Compile) takes
// memory in proportion to its constraints, and a model with million-element
// tensors drove it past 9 GB before anything said so. Estimate reckons the
// constraints from the program alone, per layer from its output size, so
// compile can refuse a model beyond what the machine holds before building
// anything.

// perElement is an upper estimate of the constraints per output element of
// each layer kind, deferred range checks included, from the golden counts
// (bench/testdata/constraints.csv: Dense and Conv 1-6 with the fused ReLU
// and rescale, MaxPool 7-12, Sigmoid 2 per element of a 1-element table
// lookup). Layers that only move data cost nothing.
var perElement = map[string]int{
	"Reshape": 0, "Flatten": 0, "Identity": 0, "Squeeze": 0, "Unsqueeze": 0, "Transpose": 0,
	"Concat": 0, "Slice": 0, "Gather": 0, "Expand": 0, "Tile": 0, "Pad": 0, "Cast": 0, "Constant": 0,
	"Dense": 8, "Conv": 8, "Linear": 8, "QLinear": 8, "Sparse": 8,
	"MaxPool": 14, "AveragePool": 10, "Softmax": 24, "Table": 10,
	"Split": 0, "Dropout": 0, "GatherElements": 0,
	// an affine step or a product of two activations, then the rescale
	"Add": 9, "Sub": 9, "Mul": 9, "Neg": 8,
	// at most one product per element (none with a constant condition)
	"Where": 1, "Not": 1, "And": 1, "Or": 1, "Xor": 1,
	"Sigmoid": 10, "Tanh": 10, "Exp": 10, "Erf": 10, "Gelu": 10, "Pointwise": 10, "Sqrt": 6, "Sign": 8, "Abs": 5,
}

// perElementWide replaces perElement with a range-check table of 16-bit
// limbs (ops.AutoLimbBits picks it for models of 40,000 activations and
// more): a 16-bit quotient is then one query, not two or three, so a rescale
// costs about half (nanoGPT's Dense layers measure 4.1 per element, its
// GELU table 2.1).
var perElementWide = map[string]int{
	"Dense": 5, "Conv": 5, "Linear": 5, "QLinear": 5, "Sparse": 5,
	"Add": 5, "Sub": 5, "Mul": 5, "Neg": 5,
	"Sigmoid": 4, "Tanh": 4, "Exp": 4, "Erf": 4, "Gelu": 4, "Pointwise": 4, "Table": 6,
}

// defaultPerElement is the estimate for a layer kind not in perElement.
const defaultPerElement = 12

// Estimate is the estimated number of constraints of p's circuit in modes m:
// the input packing or commitment, every layer, the output binding.
func Estimate(p *ops.Program, m Modes) int {
	size := func(ids []int) int {
		n := 0
		for _, id := range ids {
			n += p.Tensors[id].Shape.Size()
		}
		return n
	}
	hashCost := func(n, width int) int {
		s := gadgets.PackSlots(width)
		elems := (n + s - 1) / s
		return n*(width/4+2) + gadgets.Sponge16.Cost(elems)
	}
	total := 100 // job and prover binding, the commitment's own
	nIn := size(p.Inputs)
	if HashesInput(p, m.HashInput) {
		total += hashCost(nIn, InputWidth(p))
	} else {
		total += nIn * (InputWidth(p)/4 + 2)
	}
	for _, l := range p.Layers {
		if c, ok := l.(ops.Coster); ok {
			total += c.EstimatedCost(p.Tensors[l.Base().Out].Shape.Size(), p.LimbBits)
			continue
		}
		b := l.Base()
		k, ok := perElement[b.Op]
		if !ok {
			k = defaultPerElement
		}
		if w, ok := perElementWide[b.Op]; ok && p.LimbBits >= 16 {
			k = w
		}
		total += k * p.Tensors[b.Out].Shape.Size()
	}
	nOut := size(p.Outputs)
	if HashesOutput(p, m.HashOutput) {
		total += hashCost(nOut, OutputWidth(p))
	} else {
		total += nOut * (OutputWidth(p)/4 + 2)
	}
	return total
}

// BytesPerConstraint is the memory a constraint takes at its peak (the
// Groth16 setup, and proving): what model.json's prove memory estimate and
// the guard assume, from bench/REPORT.md's measurements on this machine.
const BytesPerConstraint = 1800

// ErrTooLarge is wrapped by a refusal of the resource guard.
var ErrTooLarge = fmt.Errorf("model too large for the constraint limit")

// CheckSize refuses a program whose estimated constraints exceed max (0: no
// limit), naming the estimate, its memory and the limit.
func CheckSize(p *ops.Program, m Modes, max int) (int, error) {
	n := Estimate(p, m)
	if max > 0 && n > max {
		return n, fmt.Errorf("%w: an estimated %d constraints (about %.1f GiB to set up and prove) exceed --max-constraints %d; raise the limit on a larger machine, or shrink the model (smaller inputs, fewer or narrower layers)",
			ErrTooLarge, n, float64(n)*BytesPerConstraint/(1<<30), max)
	}
	return n, nil
}
