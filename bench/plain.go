package bench

import (
	"fmt"
	"math/big"
	"path/filepath"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/solidity"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"github.com/consensys/gnark/std/rangecheck"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
)

// plainLayer is one dense layer of the plain circuit.
type plainLayer struct {
	K, N    int
	W, Bias []int64
	ops.Requant
}

// PlainCircuit is the baseline our circuits are held against: a
// straightforward gnark circuit of a dense ReLU network with the weights as
// constants and, per activation, a hinted quotient and sign, the remainder
// (as the expression it equals) and the quotient checked with gnark's
// std/rangecheck, the sign asserted boolean and y = sign * quotient. The inputs are range-checked
// private values and the outputs public; there is no input commitment, job or
// prover binding. It computes exactly what the program's integer reference
// does.
type PlainCircuit struct {
	X      []frontend.Variable
	Out    []frontend.Variable `gnark:",public"`
	layers []plainLayer
	inBits int
}

// NewPlainCircuit is the plain circuit of p, which must be a chain of dense
// layers with one input and one output.
func NewPlainCircuit(p *ops.Program) (*PlainCircuit, error) {
	if len(p.Inputs) != 1 || len(p.Outputs) != 1 {
		return nil, fmt.Errorf("plain circuit: %d inputs and %d outputs, want one of each", len(p.Inputs), len(p.Outputs))
	}
	c := &PlainCircuit{inBits: p.Tensors[p.Inputs[0]].Bits}
	for _, l := range p.Layers {
		lin, ok := l.(*ops.Linear)
		d, dense := (*ops.Dense)(nil), false
		if ok {
			d, dense = lin.K.(*ops.Dense)
		}
		if !dense || d.M != 1 {
			return nil, fmt.Errorf("plain circuit: node %s (%s) is not a single-row dense layer", l.Base().Node, l.Base().Op)
		}
		c.layers = append(c.layers, plainLayer{K: d.K, N: d.N, W: d.W, Bias: lin.Bias, Requant: lin.Requant})
	}
	if len(c.layers) == 0 {
		return nil, fmt.Errorf("plain circuit: the program has no layers")
	}
	c.X = make([]frontend.Variable, c.layers[0].K)
	c.Out = make([]frontend.Variable, c.layers[len(c.layers)-1].N)
	return c, nil
}

// Assign returns a copy of c assigned the quantized input x and output y.
func (c *PlainCircuit) Assign(x, y []int64) *PlainCircuit {
	a := &PlainCircuit{X: make([]frontend.Variable, len(x)), Out: make([]frontend.Variable, len(y))}
	for i, v := range x {
		a.X[i] = v
	}
	for i, v := range y {
		a.Out[i] = v
	}
	return a
}

// Define implements frontend.Circuit.
func (c *PlainCircuit) Define(api frontend.API) error {
	rc := rangecheck.New(api)
	x := c.X
	for _, v := range x {
		rc.Check(api.Add(v, 1<<(c.inBits-1)), c.inBits)
	}
	for _, l := range c.layers {
		y := make([]frontend.Variable, l.N)
		for j := range y {
			terms := make([]frontend.Variable, 0, l.K+1)
			if l.Bias != nil {
				terms = append(terms, l.Bias[j])
			}
			for i, w := range l.W[j*l.K : (j+1)*l.K] {
				if w != 0 {
					terms = append(terms, api.Mul(x[i], w))
				}
			}
			acc := gadgets.Sum(api, terms)
			if l.Shift == 0 && !l.Relu {
				rc.Check(api.Add(acc, 1<<(l.OutBits-1)), l.OutBits)
				y[j] = acc
				continue
			}
			h, err := api.Compiler().NewHint(PlainHint, 2, acc, l.Shift)
			if err != nil {
				return err
			}
			// the remainder is checked as the expression it equals, so the
			// division costs no constraint of its own
			q, s := h[0], h[1]
			if l.Shift > 0 {
				rc.Check(api.Sub(api.Add(acc, 1<<(l.Shift-1)), api.Mul(q, 1<<l.Shift)), l.Shift)
			} else {
				q = acc
			}
			if !l.Relu {
				rc.Check(api.Add(q, 1<<(l.OutBits-1)), l.OutBits)
				y[j] = q
				continue
			}
			// s = [q >= 0]: 2 y - q - 1 + s is q when s = 1 and -q-1 when
			// s = 0, so a wrong sign makes it negative.
			api.AssertIsBoolean(s)
			y[j] = api.Mul(s, q)
			rc.Check(api.Sub(api.Add(api.Mul(y[j], 2), s), api.Add(q, 1)), gadgets.ReluWidth(l.OutBits, l.NegBits, l.LimbBits))
		}
		x = y
	}
	for i, o := range c.Out {
		api.AssertIsEqual(x[i], o)
	}
	return nil
}

// PlainHint returns, for an accumulator a and a shift k, the rounded quotient
// q = floor((a + 2^(k-1)) / 2^k) and the sign bit [q >= 0].
func PlainHint(mod *big.Int, in, out []*big.Int) error {
	if len(in) != 2 || len(out) != 2 {
		return fmt.Errorf("PlainHint: %d inputs and %d outputs", len(in), len(out))
	}
	t := gadgets.Signed(mod, in[0])
	if k := uint(in[1].Uint64()); k > 0 {
		t.Add(t, new(big.Int).Lsh(big.NewInt(1), k-1)).Rsh(t, k)
	}
	out[1].SetInt64(0)
	if t.Sign() >= 0 {
		out[1].SetInt64(1)
	}
	out[0].Mod(t, mod)
	return nil
}

func init() { solver.RegisterHint(PlainHint) }

// ReferenceIO quantizes the model m under the corpus root and returns its
// program, its input.json quantized and the integer reference's output for it.
func ReferenceIO(m Model, corpus string) (*model.Quantized, []int64, []int64, error) {
	q, err := Quantize(m, corpus)
	if err != nil {
		return nil, nil, nil, err
	}
	in, err := model.ReadInput(filepath.Join(m.Path(corpus), "input.json"))
	if err != nil {
		return nil, nil, nil, err
	}
	p := q.Prog
	if len(p.Inputs) != 1 || len(p.Outputs) != 1 || len(in) < 1 {
		return nil, nil, nil, fmt.Errorf("%s: %d inputs and %d outputs, want one of each", m.Name, len(p.Inputs), len(p.Outputs))
	}
	x, err := model.QuantizeInputs(p, []*tensor.T{{Shape: p.Tensors[p.Inputs[0]].Shape, Data: in[0]}})
	if err != nil {
		return nil, nil, nil, err
	}
	vals, err := p.Run(x)
	if err != nil {
		return nil, nil, nil, err
	}
	return q, x[0], vals[p.Outputs[0]], nil
}

// Plain is what the plain circuit of a model costs.
type Plain struct {
	Constraints int
	SetupSec    float64
	ProveSec    float64 // median in-process, keys loaded, as the floor's
}

// MeasurePlain compiles the plain circuit of p, sets it up and returns the
// median of reps proving times of input x (quantized) with output y.
func MeasurePlain(p *ops.Program, x, y []int64, reps int) (*Plain, error) {
	c, err := NewPlainCircuit(p)
	if err != nil {
		return nil, err
	}
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, c)
	if err != nil {
		return nil, err
	}
	r := &Plain{Constraints: ccs.GetNbConstraints()}
	t := time.Now()
	pk, vk, err := groth16.Setup(ccs)
	if err != nil {
		return nil, err
	}
	r.SetupSec = time.Since(t).Seconds()
	w, err := frontend.NewWitness(c.Assign(x, y), ecc.BN254.ScalarField())
	if err != nil {
		return nil, err
	}
	pub, err := w.Public()
	if err != nil {
		return nil, err
	}
	var times []float64
	for i := 0; i < reps; i++ {
		t := time.Now()
		proof, err := groth16.Prove(ccs, pk, w, solidity.WithProverTargetSolidityVerifier(backend.GROTH16))
		if err != nil {
			return nil, err
		}
		times = append(times, time.Since(t).Seconds())
		if err := groth16.Verify(proof, vk, pub, solidity.WithVerifierTargetSolidityVerifier(backend.GROTH16)); err != nil {
			return nil, fmt.Errorf("plain circuit: proof does not verify: %w", err)
		}
	}
	r.ProveSec = median(times)
	return r, nil
}
