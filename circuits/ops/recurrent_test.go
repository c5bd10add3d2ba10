package ops_test

import (
	"math"
	"math/rand"
	"testing"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
)

// rnnCase is one recurrent node with random weights.
type rnnCase struct {
	name                 string
	op, direction        string
	seq, batch, in, h    int
	layout               int
	clip                 float64
	inputForget, lbr     bool
	peepholes, initState bool
	acts                 []string
	alphas, betas        []float64
}

func (c rnnCase) gates() int { return map[string]int{"RNN": 1, "LSTM": 4, "GRU": 3}[c.op] }
func (c rnnCase) dirs() int {
	if c.direction == "bidirectional" {
		return 2
	}
	return 1
}

// build returns the node's graph, its constants and the input shape.
func (c rnnCase) build(r *rand.Rand) (*graph.Graph, tensor.Shape) {
	d, g, h := c.dirs(), c.gates(), c.h
	consts := map[string]*tensor.T{
		"W": randT(r, tensor.Shape{d, g * h, c.in}, -0.8, 0.8),
		"R": randT(r, tensor.Shape{d, g * h, h}, -0.8, 0.8),
		"B": randT(r, tensor.Shape{d, 2 * g * h}, -0.3, 0.3),
	}
	inputs := []string{"X", "W", "R", "B", "", "", "", ""}
	if c.initState {
		consts["h0"] = randT(r, tensor.Shape{d, c.batch, h}, -0.5, 0.5)
		inputs[5] = "h0"
		if c.op == "LSTM" {
			consts["c0"] = randT(r, tensor.Shape{d, c.batch, h}, -0.5, 0.5)
			inputs[6] = "c0"
		}
	}
	if c.peepholes {
		consts["P"] = randT(r, tensor.Shape{d, 3 * h}, -0.5, 0.5)
		inputs[7] = "P"
	}
	if c.op == "GRU" {
		inputs = inputs[:6]
	}
	if c.op == "RNN" {
		inputs = inputs[:6]
	}
	outs := []string{"Y", "Yh"}
	if c.op == "LSTM" {
		outs = append(outs, "Yc")
	}
	n := node(c.op, inputs, outs, "hidden_size", h, "direction", c.direction, "layout", c.layout)
	if c.clip > 0 {
		n.Attrs["clip"] = graph.Attr{Kind: graph.AttrFloat, Float: c.clip}
	}
	if c.inputForget {
		n.Attrs["input_forget"] = graph.Attr{Kind: graph.AttrInt, Int: 1}
	}
	if c.lbr {
		n.Attrs["linear_before_reset"] = graph.Attr{Kind: graph.AttrInt, Int: 1}
	}
	if c.acts != nil {
		n.Attrs["activations"] = graph.Attr{Kind: graph.AttrStrings, Strings: c.acts}
	}
	if c.alphas != nil {
		n.Attrs["activation_alpha"] = graph.Attr{Kind: graph.AttrFloats, Floats: c.alphas}
		n.Attrs["activation_beta"] = graph.Attr{Kind: graph.AttrFloats, Floats: c.betas}
	}
	xs := tensor.Shape{c.seq, c.batch, c.in}
	if c.layout == 1 {
		xs = tensor.Shape{c.batch, c.seq, c.in}
	}
	gr := &graph.Graph{Consts: consts, Nodes: []*graph.Node{n}, Inputs: []graph.Value{{Name: "X", Shape: xs, DType: 1}}}
	for _, o := range outs {
		gr.Outputs = append(gr.Outputs, graph.Value{Name: o})
	}
	return gr, xs
}

// actFn is an activation by name, from the ONNX operator spec.
func actFn(name string, alpha, beta float64) func(float64) float64 {
	switch name {
	case "Sigmoid":
		return func(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
	case "Tanh":
		return math.Tanh
	case "Relu":
		return func(x float64) float64 { return math.Max(x, 0) }
	case "HardSigmoid":
		return func(x float64) float64 { return math.Max(0, math.Min(1, alpha*x+beta)) }
	case "LeakyRelu":
		return func(x float64) float64 {
			if x < 0 {
				return alpha * x
			}
			return x
		}
	}
	panic(name)
}

// reference computes the node's outputs straight from the ONNX equations,
// independently of the unrolling: Y [seq, dirs, batch, h] (layout 0).
func (c rnnCase) reference(gr *graph.Graph, x *tensor.T) (y, yh, yc []float64) {
	d, g, H := c.dirs(), c.gates(), c.h
	W, R, B := gr.Consts["W"].Data, gr.Consts["R"].Data, gr.Consts["B"].Data
	def := map[string][]string{"RNN": {"Tanh"}, "LSTM": {"Sigmoid", "Tanh", "Tanh"}, "GRU": {"Sigmoid", "Tanh"}}[c.op]
	names := c.acts
	if names == nil {
		for range d {
			names = append(names, def...)
		}
	}
	ai, bi := 0, 0
	fns := make([]func(float64) float64, len(names))
	for i, nm := range names {
		alpha, beta := map[string]float64{"HardSigmoid": 0.2, "LeakyRelu": 0.01}[nm], map[string]float64{"HardSigmoid": 0.5}[nm]
		if (nm == "HardSigmoid" || nm == "LeakyRelu") && ai < len(c.alphas) {
			alpha, ai = c.alphas[ai], ai+1
		}
		if nm == "HardSigmoid" && bi < len(c.betas) {
			beta, bi = c.betas[bi], bi+1
		}
		fns[i] = actFn(nm, alpha, beta)
	}
	clip := func(v float64) float64 {
		if c.clip > 0 {
			return math.Max(-c.clip, math.Min(c.clip, v))
		}
		return v
	}
	X := func(t, b, i int) float64 {
		if c.layout == 1 {
			return x.Data[(b*c.seq+t)*c.in+i]
		}
		return x.Data[(t*c.batch+b)*c.in+i]
	}
	y = make([]float64, c.seq*d*c.batch*H)
	yh, yc = make([]float64, d*c.batch*H), make([]float64, d*c.batch*H)
	for dir := range d {
		f := fns[dir*len(def):]
		for b := range c.batch {
			h, cs := make([]float64, H), make([]float64, H)
			if c.initState {
				copy(h, gr.Consts["h0"].Data[(dir*c.batch+b)*H:])
				if c.op == "LSTM" {
					copy(cs, gr.Consts["c0"].Data[(dir*c.batch+b)*H:])
				}
			}
			for s := range c.seq {
				t := s
				if c.direction == "reverse" || dir == 1 {
					t = c.seq - 1 - s
				}
				// xw[k][j], hr[k][j]: the gate pre-activations' two parts
				xw, hr := make([][]float64, g), make([][]float64, g)
				for k := range g {
					xw[k], hr[k] = make([]float64, H), make([]float64, H)
					for j := range H {
						row := (dir*g+k)*H + j
						v := B[dir*2*g*H+k*H+j]
						for i := range c.in {
							v += X(t, b, i) * W[row*c.in+i]
						}
						xw[k][j] = v
						v = B[dir*2*g*H+g*H+k*H+j]
						for i := range H {
							v += h[i] * R[row*H+i]
						}
						hr[k][j] = v
					}
				}
				nh := make([]float64, H)
				switch c.op {
				case "RNN":
					for j := range H {
						nh[j] = f[0](clip(xw[0][j] + hr[0][j]))
					}
				case "LSTM":
					var P []float64
					if c.peepholes {
						P = gr.Consts["P"].Data[dir*3*H:]
					}
					p := func(k, j int) float64 {
						if P == nil {
							return 0
						}
						return P[k*H+j]
					}
					for j := range H {
						i := f[0](clip(xw[0][j] + hr[0][j] + p(0, j)*cs[j]))
						ff := 1 - i
						if !c.inputForget {
							ff = f[0](clip(xw[2][j] + hr[2][j] + p(2, j)*cs[j]))
						}
						gg := f[1](clip(xw[3][j] + hr[3][j]))
						cs[j] = ff*cs[j] + i*gg
						o := f[0](clip(xw[1][j] + hr[1][j] + p(1, j)*cs[j]))
						nh[j] = o * f[2](cs[j])
					}
				case "GRU":
					z, rr := make([]float64, H), make([]float64, H)
					for j := range H {
						z[j] = f[0](clip(xw[0][j] + hr[0][j]))
						rr[j] = f[0](clip(xw[1][j] + hr[1][j]))
					}
					for j := range H {
						var pre float64
						if c.lbr {
							pre = xw[2][j] + rr[j]*hr[2][j]
						} else {
							row := (dir*g+2)*H + j
							v := B[dir*2*g*H+g*H+2*H+j]
							for i := range H {
								v += rr[i] * h[i] * R[row*H+i]
							}
							pre = xw[2][j] + v
						}
						ht := f[1](clip(pre))
						nh[j] = (1-z[j])*ht + z[j]*h[j]
					}
				}
				h = nh
				copy(y[((t*d+dir)*c.batch+b)*H:], h)
			}
			copy(yh[(dir*c.batch+b)*H:], h)
			copy(yc[(dir*c.batch+b)*H:], cs)
		}
	}
	return y, yh, yc
}

var rnnCases = []rnnCase{
	{name: "lstm forward", op: "LSTM", direction: "forward", seq: 4, batch: 1, in: 3, h: 3},
	{name: "lstm bidirectional, peepholes, initial states, 2 batches", op: "LSTM", direction: "bidirectional", seq: 3, batch: 2, in: 2, h: 2, peepholes: true, initState: true},
	{name: "lstm reverse, clip, input_forget, layout 1", op: "LSTM", direction: "reverse", seq: 3, batch: 2, in: 2, h: 2, clip: 1.5, inputForget: true, layout: 1},
	{name: "lstm HardSigmoid/Tanh/Relu with alpha and beta", op: "LSTM", direction: "forward", seq: 3, batch: 1, in: 2, h: 2,
		acts: []string{"HardSigmoid", "Tanh", "Relu"}, alphas: []float64{0.3}, betas: []float64{0.4}},
	{name: "gru linear_before_reset", op: "GRU", direction: "forward", seq: 4, batch: 1, in: 3, h: 3, lbr: true},
	{name: "gru reset before linear, bidirectional, initial state", op: "GRU", direction: "bidirectional", seq: 3, batch: 1, in: 2, h: 2, initState: true},
	{name: "rnn relu", op: "RNN", direction: "forward", seq: 4, batch: 1, in: 2, h: 3, acts: []string{"Relu"}},
	{name: "rnn tanh reverse, LeakyRelu", op: "RNN", direction: "reverse", seq: 3, batch: 1, in: 2, h: 2, acts: []string{"LeakyRelu"}, alphas: []float64{0.1}},
}

// TestRecurrentUnroll: the unrolled graph computes, in floats, what the
// ONNX equations (implemented here independently) give, for every
// direction, layout and attribute.
func TestRecurrentUnroll(t *testing.T) {
	for i, c := range rnnCases {
		t.Run(c.name, func(t *testing.T) {
			r := rand.New(rand.NewSource(int64(100 + i)))
			gr, xs := c.build(r)
			x := randT(r, xs, -1.5, 1.5)
			pg, _, err := ops.Prepare(gr)
			if err != nil {
				t.Fatal(err)
			}
			vals, err := ops.Run(pg, []*tensor.T{x})
			if err != nil {
				t.Fatal(err)
			}
			y, yh, yc := c.reference(gr, x)
			// layout 1 permutes Y to [batch, seq, dirs, h] and Y_h to [batch, dirs, h]
			want := map[string][]float64{"Y": y, "Yh": yh}
			if c.op == "LSTM" {
				want["Yc"] = yc
			}
			for name, w := range want {
				got := vals[name]
				if got == nil {
					t.Fatalf("no output %s", name)
				}
				if c.layout == 1 {
					w = permuteLayout(w, name == "Y", c)
				}
				for j := range w {
					if math.Abs(got.Data[j]-w[j]) > 1e-9 {
						t.Fatalf("%s[%d] = %v, the ONNX equations give %v", name, j, got.Data[j], w[j])
					}
				}
			}
		})
	}
}

// permuteLayout maps a layout-0 output to layout 1.
func permuteLayout(v []float64, isY bool, c rnnCase) []float64 {
	d, H := c.dirs(), c.h
	out := make([]float64, len(v))
	if isY { // [seq, d, b, H] -> [b, seq, d, H]
		for t := range c.seq {
			for k := range d {
				for b := range c.batch {
					copy(out[((b*c.seq+t)*d+k)*H:((b*c.seq+t)*d+k+1)*H], v[((t*d+k)*c.batch+b)*H:])
				}
			}
		}
		return out
	}
	for k := range d { // [d, b, H] -> [b, d, H]
		for b := range c.batch {
			copy(out[(b*d+k)*H:(b*d+k+1)*H], v[(k*c.batch+b)*H:])
		}
	}
	return out
}

// TestRecurrentCircuits runs the unrolled LSTM, GRU and RNN through the op
// harness: the integer reference within tolerance of the floats, and every
// dishonest witness rejected (a wrong output, a wrong output slot, a gate's
// rescale quotient off by one, a wrong input under the same commitment).
func TestRecurrentCircuits(t *testing.T) {
	for i, c := range []rnnCase{rnnCases[1], rnnCases[4], rnnCases[6]} {
		r := rand.New(rand.NewSource(int64(200 + i)))
		gr, xs := c.build(r)
		run(t, opCase{name: c.name, inputs: map[string]tensor.Shape{"X": xs}, order: []string{"X"}, consts: gr.Consts,
			nodes: gr.Nodes, out: []string{"Yh"}, lo: -1.5, hi: 1.5, tol: 0.05, lie: true})
	}
}
