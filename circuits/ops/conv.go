package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

func init() {
	Register("Conv", &Spec{Float: float1D(convFloat), Lower: convLower, FusesRelu: true})
}

// Conv is the kernel of a 2-D (NCHW) or 3-D (NCDHW) convolution.
type Conv struct {
	Geom
	Co, Cg  int     // output channels, input channels per group
	Weights []int64 // Co x Cg x [KD x] KH x KW
}

// Geom is the window geometry shared by Conv and the pools: 2-D (NCHW) or,
// with D set, 3-D (NCDHW).
type Geom struct {
	N, C, H, W     int
	OH, OW, KH, KW int
	SH, SW         int // strides
	DH, DW         int // dilations
	PT, PL         int // top and left padding
	Groups         int
	// D, OD, KD, SD, DD and PF are the depth axis of a 3-D window (input,
	// output, kernel, stride, dilation, front padding); all 0 in a 2-D one
	// (and in programs compiled before 3-D windows).
	D, OD, KD, SD, DD, PF int
}

// InPlane is the size of one input channel.
func (g *Geom) InPlane() int { return max(g.D, 1) * g.H * g.W }

// Plane is the size of one output channel.
func (g *Geom) Plane() int { return max(g.OD, 1) * g.OH * g.OW }

// KSize is the number of kernel positions.
func (g *Geom) KSize() int { return max(g.KD, 1) * g.KH * g.KW }

// OutShape is the output shape with c channels.
func (g *Geom) OutShape(c int) tensor.Shape {
	if g.D == 0 {
		return tensor.Shape{g.N, c, g.OH, g.OW}
	}
	return tensor.Shape{g.N, c, g.OD, g.OH, g.OW}
}

// geometry reads strides, dilations, pads and auto_pad for a window of
// kernel shape ks (2 or 3 spatial axes).
func geometry(n *graph.Node, in tensor.Shape, ks []int, ceil bool) (Geom, error) {
	r := len(ks)
	if (r != 2 && r != 3) || len(in) != r+2 {
		return Geom{}, errf("input shape %v with kernel_shape %v: only 2-D (NCHW) and 3-D (NCDHW) windows are supported", in, ks)
	}
	ones := make([]int, r)
	for i := range ones {
		ones[i] = 1
	}
	st := n.Ints("strides", ones)
	dl := n.Ints("dilations", ones)
	pads := n.Ints("pads", make([]int, 2*r))
	if len(st) != r || len(dl) != r || len(pads) != 2*r {
		return Geom{}, errf("strides %v, dilations %v, pads %v: expected %d, %d and %d values", st, dl, pads, r, r, 2*r)
	}
	for i := range r {
		if st[i] <= 0 || dl[i] <= 0 || ks[i] <= 0 {
			return Geom{}, errf("kernel_shape %v, strides %v and dilations %v must be positive", ks, st, dl)
		}
	}
	size := in[2:]
	begin, end := append([]int(nil), pads[:r]...), append([]int(nil), pads[r:]...)
	switch ap := n.Str("auto_pad", "NOTSET"); ap {
	case "NOTSET":
	case "VALID":
		begin, end = make([]int, r), make([]int, r)
	case "SAME_UPPER", "SAME_LOWER":
		for i := range r {
			o := (size[i] + st[i] - 1) / st[i]
			t := max(0, (o-1)*st[i]+(ks[i]-1)*dl[i]+1-size[i])
			begin[i] = t / 2
			if ap == "SAME_LOWER" {
				begin[i] = t - t/2
			}
			end[i] = t - begin[i]
		}
	default:
		return Geom{}, errf("auto_pad %q is not supported", ap)
	}
	out := make([]int, r)
	for i := range r {
		if begin[i] < 0 || end[i] < 0 {
			return Geom{}, errf("pads %v: a pad must not be negative", pads)
		}
		ek := (ks[i]-1)*dl[i] + 1
		if ceil {
			o := (size[i]+begin[i]+end[i]-ek+st[i]-1)/st[i] + 1
			// as onnxruntime and PyTorch: a last window that would start in
			// the end padding is dropped
			if o > 1 && (o-1)*st[i] >= size[i]+begin[i] {
				o--
			}
			out[i] = o
		} else {
			out[i] = (size[i]+begin[i]+end[i]-ek)/st[i] + 1
		}
		if out[i] <= 0 {
			return Geom{}, errf("window %v does not fit input %v", ks, in)
		}
	}
	g := Geom{N: in[0], C: in[1], Groups: 1}
	a := 0
	if r == 3 {
		g.D, g.OD, g.KD, g.SD, g.DD, g.PF = size[0], out[0], ks[0], st[0], dl[0], begin[0]
		a = 1
	}
	g.H, g.W, g.OH, g.OW, g.KH, g.KW = size[a], size[a+1], out[a], out[a+1], ks[a], ks[a+1]
	g.SH, g.SW, g.DH, g.DW, g.PT, g.PL = st[a], st[a+1], dl[a], dl[a+1], begin[a], begin[a+1]
	if _, err := g.OutShape(g.C).CheckSize(); err != nil {
		return g, errf("output (pads %v, strides %v): %v", pads, st, err)
	}
	return g, nil
}

// axes lists the spatial axes as (input size, output size, kernel, stride,
// dilation, begin padding), depth first when there is one.
func (g *Geom) axes() [][6]int {
	ax := [][6]int{{g.H, g.OH, g.KH, g.SH, g.DH, g.PT}, {g.W, g.OW, g.KW, g.SW, g.DW, g.PL}}
	if g.D > 0 {
		ax = append([][6]int{{g.D, g.OD, g.KD, g.SD, g.DD, g.PF}}, ax...)
	}
	return ax
}

// emptyWindow reports an output position whose window reads no input: pads
// as wide as the kernel put a whole window in the padding.
func (g *Geom) emptyWindow() error {
	for i, a := range g.axes() {
		size, out, k, s, d, p := a[0], a[1], a[2], a[3], a[4], a[5]
		for o := 0; o < out; o++ {
			reads := false
			for t := 0; t < k; t++ {
				if j := o*s - p + t*d; j >= 0 && j < size {
					reads = true
				}
			}
			if !reads {
				return errf("output position %d on spatial axis %d reads only padding (pad %d before an input of size %d, kernel %d)", o, i, p, size, k)
			}
		}
	}
	return nil
}

// window calls fn for every in-bounds input position of the output at
// spatial position p (row-major over the output's spatial axes): the kernel
// position t (row-major over the kernel) and the input offset within one
// channel.
func (g *Geom) window(p int, fn func(t, off int)) {
	ow, oh, od := p%g.OW, (p/g.OW)%g.OH, p/(g.OW*g.OH)
	kd, sd, dd := max(g.KD, 1), max(g.SD, 1), max(g.DD, 1)
	depth := max(g.D, 1)
	for kz := 0; kz < kd; kz++ {
		id := od*sd - g.PF + kz*dd
		if id < 0 || id >= depth {
			continue
		}
		for ky := 0; ky < g.KH; ky++ {
			ih := oh*g.SH - g.PT + ky*g.DH
			if ih < 0 || ih >= g.H {
				continue
			}
			for kx := 0; kx < g.KW; kx++ {
				iw := ow*g.SW - g.PL + kx*g.DW
				if iw < 0 || iw >= g.W {
					continue
				}
				fn((kz*g.KH+ky)*g.KW+kx, (id*g.H+ih)*g.W+iw)
			}
		}
	}
}

func (c *Conv) OutSize() int { return c.N * c.Co * c.Plane() }

func (c *Conv) Terms(j int, fn func(i int, w int64)) {
	plane := c.Plane()
	p, co, b := j%plane, (j/plane)%c.Co, j/(plane*c.Co)
	grp := co / (c.Co / c.Groups)
	ksz := c.KSize()
	for ci := 0; ci < c.Cg; ci++ {
		base := ((b * c.C) + grp*c.Cg + ci) * c.InPlane()
		wrow := c.Weights[(co*c.Cg+ci)*ksz:]
		c.window(p, func(t, off int) { fn(base+off, wrow[t]) })
	}
}

func convSetup(n *graph.Node, x, w tensor.Shape) (*Conv, error) {
	if len(w) != 4 && len(w) != 5 {
		return nil, errf("weight shape %v: only 2-D and 3-D convolutions are supported", w)
	}
	ks := n.Ints("kernel_shape", []int(w[2:]))
	g, err := geometry(n, x, ks, false)
	if err != nil {
		return nil, err
	}
	g.Groups = int(n.Int("group", 1))
	if g.Groups <= 0 || g.C%g.Groups != 0 || w[0]%g.Groups != 0 || w[1] != g.C/g.Groups {
		return nil, errf("group %d does not divide input channels %d / weight %v", g.Groups, g.C, w)
	}
	return &Conv{Geom: g, Co: w[0], Cg: w[1]}, nil
}

func convFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 2); err != nil {
		return nil, err
	}
	c, err := convSetup(n, in[0].Shape, in[1].Shape)
	if err != nil {
		return nil, err
	}
	out := tensor.New(c.OutShape(c.Co))
	plane := c.Plane()
	for j := range out.Data {
		s := 0.0
		if len(in) > 2 && in[2] != nil {
			s = in[2].Data[(j/plane)%c.Co]
		}
		p, co, b := j%plane, (j/plane)%c.Co, j/(plane*c.Co)
		grp := co / (c.Co / c.Groups)
		for ci := 0; ci < c.Cg; ci++ {
			base := ((b * c.C) + grp*c.Cg + ci) * c.InPlane()
			wrow := in[1].Data[(co*c.Cg+ci)*c.KSize():]
			c.window(p, func(t, off int) { s += in[0].Data[base+off] * wrow[t] })
		}
		out.Data[j] = s
	}
	return []*tensor.T{out}, nil
}

func convLower(n *graph.Node, b *Builder) error {
	w := b.Const(n.Input(1))
	if w == nil {
		return nodeErr(n, "the weights must be a constant")
	}
	id, x, err := b.Tensor(n.Inputs[0])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	c, err := convSetup(n, x.Shape, w.Shape)
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	var bias []float64
	if bt := b.Const(n.Input(2)); bt != nil {
		bias = make([]float64, c.OutSize())
		plane := c.Plane()
		for j := range bias {
			bias[j] = bt.Data[(j/plane)%c.Co]
		}
	}
	return b.EmitLinear(n, id, x, w.Data, func(wq []int64) Kernel { c.Weights = wq; return c }, bias)
}
