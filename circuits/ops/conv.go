package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

func init() {
	Register("Conv", &Spec{Float: float1D(convFloat), Lower: convLower, FusesRelu: true})
}

// Conv is the kernel of a 2-D convolution with NCHW layout.
type Conv struct {
	Geom
	Co, Cg  int     // output channels, input channels per group
	Weights []int64 // Co x Cg x KH x KW
}

// Geom is the window geometry shared by Conv and the pools.
type Geom struct {
	N, C, H, W     int
	OH, OW, KH, KW int
	SH, SW         int // strides
	DH, DW         int // dilations
	PT, PL         int // top and left padding
	Groups         int
}

// geometry reads kernel_shape, strides, dilations, pads and auto_pad.
func geometry(n *graph.Node, in tensor.Shape, kh, kw int, ceil bool) (Geom, error) {
	if len(in) != 4 {
		return Geom{}, errf("input shape %v: only 2-D (NCHW) windows are supported", in)
	}
	g := Geom{N: in[0], C: in[1], H: in[2], W: in[3], KH: kh, KW: kw, Groups: 1}
	st := n.Ints("strides", []int{1, 1})
	dl := n.Ints("dilations", []int{1, 1})
	pads := n.Ints("pads", []int{0, 0, 0, 0})
	if len(st) != 2 || len(dl) != 2 || len(pads) != 4 {
		return g, errf("strides %v, dilations %v, pads %v: expected 2, 2 and 4 values", st, dl, pads)
	}
	g.SH, g.SW, g.DH, g.DW = st[0], st[1], dl[0], dl[1]
	if g.SH <= 0 || g.SW <= 0 || g.DH <= 0 || g.DW <= 0 {
		return g, errf("strides %v and dilations %v must be positive", st, dl)
	}
	ekh, ekw := (kh-1)*g.DH+1, (kw-1)*g.DW+1
	pb, pr := pads[2], pads[3]
	g.PT, g.PL = pads[0], pads[1]
	switch ap := n.Str("auto_pad", "NOTSET"); ap {
	case "NOTSET":
	case "VALID":
		g.PT, g.PL, pb, pr = 0, 0, 0, 0
	case "SAME_UPPER", "SAME_LOWER":
		oh, ow := (g.H+g.SH-1)/g.SH, (g.W+g.SW-1)/g.SW
		th := max(0, (oh-1)*g.SH+ekh-g.H)
		tw := max(0, (ow-1)*g.SW+ekw-g.W)
		if ap == "SAME_UPPER" {
			g.PT, g.PL = th/2, tw/2
		} else {
			g.PT, g.PL = th-th/2, tw-tw/2
		}
		pb, pr = th-g.PT, tw-g.PL
	default:
		return g, errf("auto_pad %q is not supported", ap)
	}
	if g.PT < 0 || g.PL < 0 || pb < 0 || pr < 0 {
		return g, errf("pads %v: a pad must not be negative", pads)
	}
	span := func(size, pa, pz, ek, s int) int {
		if ceil {
			o := (size+pa+pz-ek+s-1)/s + 1
			// as onnxruntime and PyTorch: a last window that would start in
			// the end padding is dropped
			if o > 1 && (o-1)*s >= size+pa {
				o--
			}
			return o
		}
		return (size+pa+pz-ek)/s + 1
	}
	g.OH, g.OW = span(g.H, g.PT, pb, ekh, g.SH), span(g.W, g.PL, pr, ekw, g.SW)
	if g.OH <= 0 || g.OW <= 0 {
		return g, errf("window %dx%d does not fit input %v", kh, kw, in)
	}
	if _, err := (tensor.Shape{g.N, g.C, g.OH, g.OW}).CheckSize(); err != nil {
		return g, errf("output (pads %v, strides %v): %v", pads, st, err)
	}
	return g, nil
}

// emptyWindow reports an output position (row or column) whose window reads
// no input: pads as wide as the kernel put a whole window in the padding.
func (g *Geom) emptyWindow() error {
	reads := func(o, s, p, k, d, size int) bool {
		for t := 0; t < k; t++ {
			if i := o*s - p + t*d; i >= 0 && i < size {
				return true
			}
		}
		return false
	}
	for oh := 0; oh < g.OH; oh++ {
		if !reads(oh, g.SH, g.PT, g.KH, g.DH, g.H) {
			return errf("output row %d of the %dx%d window reads only padding (pad %d above an input of height %d)", oh, g.KH, g.KW, g.PT, g.H)
		}
	}
	for ow := 0; ow < g.OW; ow++ {
		if !reads(ow, g.SW, g.PL, g.KW, g.DW, g.W) {
			return errf("output column %d of the %dx%d window reads only padding (pad %d left of an input of width %d)", ow, g.KH, g.KW, g.PL, g.W)
		}
	}
	return nil
}

// window calls fn for every in-bounds input position of output (oh, ow):
// kernel position t = ky*KW + kx and the input offset within one channel.
func (g *Geom) window(oh, ow int, fn func(t, off int)) {
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
			fn(ky*g.KW+kx, ih*g.W+iw)
		}
	}
}

func (c *Conv) OutSize() int { return c.N * c.Co * c.OH * c.OW }

func (c *Conv) Terms(j int, fn func(i int, w int64)) {
	ow := j % c.OW
	oh := (j / c.OW) % c.OH
	co := (j / (c.OW * c.OH)) % c.Co
	b := j / (c.OW * c.OH * c.Co)
	grp := co / (c.Co / c.Groups)
	ksz := c.KH * c.KW
	for ci := 0; ci < c.Cg; ci++ {
		base := ((b * c.C) + grp*c.Cg + ci) * c.H * c.W
		wrow := c.Weights[(co*c.Cg+ci)*ksz:]
		c.window(oh, ow, func(t, off int) { fn(base+off, wrow[t]) })
	}
}

func convSetup(n *graph.Node, x, w tensor.Shape) (*Conv, error) {
	if len(w) != 4 {
		return nil, errf("weight shape %v: only 2-D convolutions are supported", w)
	}
	ks := n.Ints("kernel_shape", []int{w[2], w[3]})
	g, err := geometry(n, x, ks[0], ks[1], false)
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
	out := tensor.New(tensor.Shape{c.N, c.Co, c.OH, c.OW})
	plane := c.OH * c.OW
	for j := range out.Data {
		s := 0.0
		if len(in) > 2 && in[2] != nil {
			s = in[2].Data[(j/plane)%c.Co]
		}
		ow, oh := j%c.OW, (j/c.OW)%c.OH
		co, b := (j/plane)%c.Co, j/(plane*c.Co)
		grp := co / (c.Co / c.Groups)
		for ci := 0; ci < c.Cg; ci++ {
			base := ((b * c.C) + grp*c.Cg + ci) * c.H * c.W
			wrow := in[1].Data[(co*c.Cg+ci)*c.KH*c.KW:]
			c.window(oh, ow, func(t, off int) { s += in[0].Data[base+off] * wrow[t] })
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
		plane := c.OH * c.OW
		for j := range bias {
			bias[j] = bt.Data[(j/plane)%c.Co]
		}
	}
	return b.EmitLinear(n, id, x, w.Data, func(wq []int64) Kernel { c.Weights = wq; return c }, bias)
}
