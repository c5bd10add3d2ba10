package model

import (
	"math/big"

	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/ops"
)

// PublicInputs names the five public inputs in their order.
var PublicInputs = []string{"model", "input", "output", "job", "prover"}

// ProverBits is the width of the prover address.
const ProverBits = 160

// Circuit proves one inference of a Program with weights as circuit constants.
type Circuit struct {
	Model  frontend.Variable `gnark:",public"`
	Input  frontend.Variable `gnark:",public"`
	Output frontend.Variable `gnark:",public"`
	Job    frontend.Variable `gnark:",public"`
	Prover frontend.Variable `gnark:",public"`
	// X holds the quantized inputs, one slice per model input.
	X [][]frontend.Variable
	// W and B hold the weights and biases of the ParamLayers when they are a
	// private witness (--weights private); empty otherwise.
	W, B []frontend.Variable

	modes   Modes
	prog    *ops.Program
	modelID *big.Int
	hashOut bool
	// costs, when set, receives what each layer added: rows are the input
	// commitment, the layers, then the output and job/prover binding.
	costs []rowCost
}

// rowCost is what one part of the circuit added: constraints emitted while it
// was defined and bits it range-checked (whose cost gnark emits at the end).
type rowCost struct{ direct, bits int }

// NewCircuit returns the circuit of p, shaped for compilation.
func NewCircuit(p *ops.Program, modelID *big.Int, hashOutput bool) *Circuit {
	c := &Circuit{prog: p, modelID: modelID, hashOut: hashOutput, X: make([][]frontend.Variable, len(p.Inputs))}
	for i, id := range p.Inputs {
		c.X[i] = make([]frontend.Variable, p.Tensors[id].Shape.Size())
	}
	return c
}

// Modes are the privacy and encoding choices of a circuit.
type Modes struct {
	HashOutput bool
	// HashInput makes the input public input the Poseidon2 commitment of
	// the packed inputs even when they fit in one field element (then, by
	// default, the input public input is the packed values themselves, so a
	// contract can request an inference on data it holds).
	HashInput bool
	// PrivateWeights makes the weights a private witness committed by the
	// model public input; WBits and BBits are the packing widths of weights
	// and biases.
	PrivateWeights bool
	WBits, BBits   int
}

// NewCircuitModes returns the circuit of p in the given modes.
func NewCircuitModes(p *ops.Program, modelID *big.Int, m Modes) *Circuit {
	c := NewCircuit(p, modelID, m.HashOutput)
	c.modes = m
	if m.PrivateWeights {
		w, b := ops.FlatParams(p)
		c.W, c.B = make([]frontend.Variable, len(w)), make([]frontend.Variable, len(b))
	}
	return c
}

// Define implements frontend.Circuit.
func (c *Circuit) Define(api frontend.API) error {
	p := c.prog
	g := gadgets.New(api, gadgets.WithLimbBits(p.LimbBits), gadgets.WithScheme(p.Hash))

	if c.modes.PrivateWeights {
		// model: Poseidon2 of the packed private weights and biases
		packed := append(g.Pack(c.W, c.modes.WBits), g.Pack(c.B, c.modes.BBits)...)
		api.AssertIsEqual(c.Model, g.Hash(packed))
	} else {
		// model: the verifying key binds the weights, so the commitment is a constant
		api.AssertIsEqual(c.Model, c.modelID)
	}

	// input: the packed (and so range-checked) quantized inputs when they
	// fit in one element, else their Poseidon2
	vals := make([][]frontend.Variable, len(p.Tensors))
	var flat []frontend.Variable
	for i, id := range p.Inputs {
		vals[id] = c.X[i]
		flat = append(flat, c.X[i]...)
	}
	mark := func(row int, f func()) {
		before, bits := g.Constraints(), g.RangeBits
		f()
		if c.costs != nil {
			c.costs[row] = rowCost{g.Constraints() - before, g.RangeBits - bits}
		}
	}
	mark(0, func() {
		packed := g.Pack(flat, InputWidth(p))
		if len(packed) == 1 && !c.modes.HashInput {
			api.AssertIsEqual(c.Input, packed[0])
		} else {
			api.AssertIsEqual(c.Input, g.Hash(packed))
		}
		checkIntInputs(g, p, c.X)
	})

	for id, t := range p.Tensors {
		if t.Const != nil {
			vals[id] = make([]frontend.Variable, len(t.Const))
			for j, v := range t.Const {
				vals[id][j] = v
			}
		}
	}
	wOff, bOff := 0, 0
	for i, l := range p.Layers {
		b := l.Base()
		in := make([][]frontend.Variable, len(b.In))
		for k, id := range b.In {
			in[k] = vals[id]
		}
		if pl, ok := l.(ops.ParamLayer); ok && c.modes.PrivateWeights {
			if w, bias := pl.Params(); w != nil {
				wv := c.W[wOff : wOff+len(w)]
				wOff += len(w)
				var bv []frontend.Variable
				if bias != nil {
					bv = c.B[bOff : bOff+len(bias)]
					bOff += len(bias)
				}
				mark(1+i, func() { vals[b.Out] = pl.DefineParams(g, in, wv, bv) })
				continue
			}
		}
		g.Layer = i
		mark(1+i, func() { vals[b.Out] = l.Define(g, in) })
		g.Layer = -1
	}
	mark(1+len(p.Layers), func() { c.bindOutputs(api, g, vals) })
	return nil
}

// bindOutputs constrains the output, job and prover public inputs.
func (c *Circuit) bindOutputs(api frontend.API, g *gadgets.Ctx, vals [][]frontend.Variable) {
	p := c.prog

	// output: packed into one element when it fits, else its Poseidon2
	var outs []frontend.Variable
	for _, id := range p.Outputs {
		outs = append(outs, vals[id]...)
	}
	packed := g.Pack(outs, OutputWidth(p))
	if len(packed) == 1 && !c.hashOut {
		api.AssertIsEqual(c.Output, packed[0])
	} else {
		api.AssertIsEqual(c.Output, g.Hash(packed))
	}

	// job and prover: each appears in a constraint, so the proof binds them
	// and cannot be replayed for another job or claimed by another address.
	// (No range check on them: the commitment of the range-check argument
	// must cover private wires only, for the on-chain verifier; the prover
	// checks an address has 160 bits before proving, and a contract passes
	// msg.sender, which always has.)
	api.AssertIsEqual(api.Mul(c.Job, c.Job), api.Mul(c.Job, c.Job))
	api.AssertIsEqual(api.Mul(c.Prover, c.Prover), api.Mul(c.Prover, c.Prover))
}

// InputWidth is the slot width inputs are packed at for their commitment:
// the activation width, or an integer input's own where it is wider (an
// int32 value packed into a 16-bit slot spilled into the next one, so two
// inputs shared a commitment).
func InputWidth(p *ops.Program) int {
	w := p.ActBits
	for _, id := range p.Inputs {
		w = max(w, p.Tensors[id].Bits)
	}
	return w
}

// OutputWidth is the slot width of the packed outputs: the widest output tensor.
func OutputWidth(p *ops.Program) int {
	w := 0
	for _, id := range p.Outputs {
		w = max(w, p.Tensors[id].Bits)
	}
	return w
}

// HashesInput reports whether the input public input is a Poseidon2
// commitment rather than the packed values: when forced, or when the inputs
// take more than one field element.
func HashesInput(p *ops.Program, forced bool) bool {
	n := 0
	for _, id := range p.Inputs {
		n += p.Tensors[id].Shape.Size()
	}
	return forced || len(gadgets.PackInts(make([]int64, n), InputWidth(p))) > 1
}

// HashesOutput reports whether the output public input is a Poseidon2
// commitment rather than the packed values.
func HashesOutput(p *ops.Program, forced bool) bool {
	n := 0
	for _, id := range p.Outputs {
		n += p.Tensors[id].Shape.Size()
	}
	return forced || len(gadgets.PackInts(make([]int64, n), OutputWidth(p))) > 1
}
