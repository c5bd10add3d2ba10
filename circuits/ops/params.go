package ops

import (
	"fmt"

	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
)

// ParamLayer is a layer whose weights can be a private witness instead of
// circuit constants (--weights private).
type ParamLayer interface {
	// Params returns the layer's weights and bias (nil when it has none); the
	// slices alias the layer, so writing them changes the model.
	Params() (w, bias []int64)
	// DefineParams constrains the output with the weights and bias given as
	// variables: the circuit does not depend on their values.
	DefineParams(c *gadgets.Ctx, in [][]frontend.Variable, w, bias []frontend.Variable) []frontend.Variable
}

// indexed is a kernel that can name the weight index of every term.
type indexed interface {
	Kernel
	weights() []int64
	// termsIdx calls fn for every (input index, weight index) of output j.
	termsIdx(j int, fn func(i, t int))
}

func (d *Dense) weights() []int64 { return d.W }
func (d *Dense) termsIdx(j int, fn func(i, t int)) {
	m, n := j/d.N, j%d.N
	for k := 0; k < d.K; k++ {
		fn(m*d.K+k, n*d.K+k)
	}
}

func (c *Conv) weights() []int64 { return c.Weights }
func (c *Conv) termsIdx(j int, fn func(i, t int)) {
	plane := c.Plane()
	p, co, b := j%plane, (j/plane)%c.Co, j/(plane*c.Co)
	grp := co / (c.Co / c.Groups)
	ksz := c.KSize()
	for ci := 0; ci < c.Cg; ci++ {
		base := ((b * c.C) + grp*c.Cg + ci) * c.InPlane()
		wrow := (co*c.Cg + ci) * ksz
		c.window(p, func(t, off int) { fn(base+off, wrow+t) })
	}
}

func (s *Sparse) weights() []int64 { return s.W }
func (s *Sparse) termsIdx(j int, fn func(i, t int)) {
	for t := s.Off[j]; t < s.Off[j+1]; t++ {
		fn(int(s.Idx[t]), int(t))
	}
}

// Params implements ParamLayer.
func (l *Linear) Params() (w, bias []int64) {
	if k, ok := l.K.(indexed); ok {
		return k.weights(), l.Bias
	}
	return nil, nil
}

// DefineParams implements ParamLayer: one constraint per multiply-add.
func (l *Linear) DefineParams(c *gadgets.Ctx, in [][]frontend.Variable, w, bias []frontend.Variable) []frontend.Variable {
	api := c.API
	k := l.K.(indexed)
	x := in[0]
	acc := make([]frontend.Variable, k.OutSize())
	terms := make([]frontend.Variable, 0, 64)
	for j := range acc {
		terms = terms[:0]
		if bias != nil {
			terms = append(terms, bias[j])
		}
		k.termsIdx(j, func(i, t int) { terms = append(terms, api.Mul(x[i], w[t])) })
		acc[j] = gadgets.Sum(api, terms)
	}
	return l.define(c, acc)
}

// Params lists the private-weight slices of a program: every ParamLayer's
// weights, then every bias, in layer order.
func Params(p *Program) (ws, biases [][]int64) {
	for _, l := range p.Layers {
		if pl, ok := l.(ParamLayer); ok {
			w, b := pl.Params()
			if w == nil {
				continue
			}
			ws = append(ws, w)
			if b != nil {
				biases = append(biases, b)
			}
		}
	}
	return ws, biases
}

// ParamWidths returns the signed widths the weights and the biases fit in.
func ParamWidths(p *Program) (wBits, bBits int) {
	ws, bs := Params(p)
	width := func(sl [][]int64) int {
		lo, hi := int64(0), int64(0)
		for _, s := range sl {
			for _, v := range s {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
		return max(2, signedBits(lo, hi))
	}
	return width(ws), width(bs)
}

// FlatParams concatenates the weights and the biases.
func FlatParams(p *Program) (w, b []int64) {
	ws, bs := Params(p)
	for _, s := range ws {
		w = append(w, s...)
	}
	for _, s := range bs {
		b = append(b, s...)
	}
	return w, b
}

// SetParams writes flat weights and biases into the program.
func SetParams(p *Program, w, b []int64) error {
	ws, bs := Params(p)
	for _, g := range []struct {
		dst  [][]int64
		src  []int64
		what string
	}{{ws, w, "weights"}, {bs, b, "biases"}} {
		n := 0
		for _, s := range g.dst {
			n += len(s)
		}
		if n != len(g.src) {
			return fmt.Errorf("the model has %d %s, the weight file holds %d", n, g.what, len(g.src))
		}
		off := 0
		for _, s := range g.dst {
			off += copy(s, g.src[off:])
		}
	}
	return nil
}
