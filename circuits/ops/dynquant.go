package ops

import (
	"encoding/gob"
	"fmt"
	"math"

	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// DynamicQuantizeLinear (ONNX): uint8 quantization of a float tensor with a
// scale and zero point computed from the tensor itself, as onnxruntime does in
// float32:
//
//	hi = max(0, max x), lo = min(0, min x), s = float32((hi - lo) / 255)
//	zp = rhe(clamp(-lo / s)), y = saturate(rhe(x / s) + zp)
//
// The circuit works on the fixed-point input x = q 2^-F. With R = hi - lo at
// frac F, s = m 2^-(t+F) where m = rhe(R 2^t / 255) is the float32 mantissa
// (gadgets.F32Quotient), so x / s = q 2^t / m and -lo / s = -lo 2^t / m, and
// gadgets.F32RoundDiv rounds them first to float32, as the float division
// does, then half to even: bit-exact with onnxruntime. R = 0 (all zeros)
// gives s = 1, zp = 0, y = 0 as in onnxruntime.
func init() {
	Register("DynamicQuantizeLinear", &Spec{Float: dynQuantFloat, Lower: dynQuantLower})
	gob.Register(&DynQuant{})
}

// Steps of DynamicQuantizeLinear, one DynQuant layer each.
const (
	dqRange = "range" // [hi, lo] of x at its frac
	dqF32   = "f32"   // [m, 2^t, R == 0] of the float32 scale
	dqZp    = "zp"    // the uint8 zero point
	dqScale = "scale" // the scale at frac Frac + Shift
	dqY     = "y"     // the uint8 quantized tensor
)

// DynQuant is one step of DynamicQuantizeLinear. Inputs: range reads x; f32
// reads the range; zp reads the range and f32; scale reads f32; y reads x, f32
// and zp.
type DynQuant struct {
	LayerBase
	Mode  string
	Bits  int // signed width of x
	Frac  int // frac of x
	Shift int // scale step: extra fractional bits of the scale
}

// dqQuotBits bounds |q 2^t / m| <= 255 (plus float32 slack) as a signed width.
const dqQuotBits = 10

// Eval implements Layer.
func (l *DynQuant) Eval(in [][]int64) ([]int64, error) {
	switch l.Mode {
	case dqRange:
		hi, lo := int64(0), int64(0)
		for _, v := range in[0] {
			hi, lo = max(hi, v), min(lo, v)
		}
		return []int64{hi, lo}, nil
	case dqF32:
		r := in[0][0] - in[0][1]
		m, t := gadgets.F32Quotient(r, 255)
		z := int64(0)
		if r == 0 {
			z = 1
		}
		return []int64{m, int64(1) << t, z}, nil
	case dqZp:
		f := in[1]
		return []int64{gadgets.F32RoundDiv(-in[0][1]*f[1], f[0]+f[2]<<23)}, nil
	case dqScale:
		f := in[0]
		if f[2] == 1 {
			return []int64{int64(1) << (l.Frac + l.Shift)}, nil
		}
		return []int64{gadgets.RoundDiv(f[0]<<l.Shift, f[1])}, nil
	case dqY:
		f := in[1]
		out := make([]int64, len(in[0]))
		for i, v := range in[0] {
			out[i] = min(max(gadgets.F32RoundDiv(v*f[1], f[0]+f[2]<<23)+in[2][0], 0), 255)
		}
		return out, nil
	}
	return nil, fmt.Errorf("DynamicQuantizeLinear: unknown step %q", l.Mode)
}

// Define implements Layer.
func (l *DynQuant) Define(c *gadgets.Ctx, in [][]frontend.Variable) []frontend.Variable {
	api := c.API
	// the divisor m, or 2^23 when R = 0 (then every numerator is 0)
	divisor := func(f []frontend.Variable) frontend.Variable { return api.Add(f[0], api.Mul(f[2], 1<<23)) }
	switch l.Mode {
	case dqRange:
		vals := append(append([]frontend.Variable{}, in[0]...), 0)
		hi := c.Max(vals, l.Bits)
		neg := make([]frontend.Variable, len(vals))
		for i, v := range vals {
			neg[i] = api.Neg(v)
		}
		lo := api.Neg(c.Max(neg, l.Bits+1))
		return []frontend.Variable{hi, lo}
	case dqF32:
		// hi >= 0 >= lo (both maxima include 0), so R >= 0
		m, p, z := c.F32Quotient(api.Sub(in[0][0], in[0][1]), 255, l.Bits+1)
		return []frontend.Variable{m, p, z}
	case dqZp:
		// -lo <= R, so -lo 2^t / m <= 255 (1 + 2^-24): rounding stays in [0, 255]
		f := in[1]
		return []frontend.Variable{c.F32RoundDiv(api.Mul(api.Neg(in[0][1]), f[1]), divisor(f), 25)}
	case dqScale:
		f := in[0]
		s := c.RoundDiv(api.Mul(f[0], int64(1)<<l.Shift), f[1], gadgets.F32MaxShift+1, 25+l.Shift)
		return []frontend.Variable{api.Select(f[2], int64(1)<<(l.Frac+l.Shift), s)}
	case dqY:
		f := in[1]
		d := divisor(f)
		out := make([]frontend.Variable, len(in[0]))
		for i, v := range in[0] {
			q := c.F32RoundDiv(api.Mul(v, f[1]), d, 25)
			out[i] = c.Saturate(api.Add(q, in[2][0]), 0, 255, dqQuotBits+1)
		}
		return out
	}
	panic("DynamicQuantizeLinear: unknown step " + l.Mode)
}

// dynQuantFloat is onnxruntime's float32 computation.
func dynQuantFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 1); err != nil {
		return nil, err
	}
	var hi, lo float32
	for _, v := range in[0].Data {
		hi, lo = max(hi, float32(v)), min(lo, float32(v))
	}
	scale := float32(1)
	if hi != lo {
		scale = (hi - lo) / 255
	}
	zp := math.RoundToEven(math.Min(255, math.Max(0, float64(0-lo/scale))))
	y := tensor.New(in[0].Shape)
	for i, v := range in[0].Data {
		y.Data[i] = math.Min(255, math.Max(0, math.RoundToEven(float64(float32(v)/scale))+zp))
	}
	s, z := tensor.New(tensor.Shape{}), tensor.New(tensor.Shape{})
	s.Data[0], z.Data[0] = float64(scale), zp
	return []*tensor.T{y, s, z}, nil
}

func dynQuantLower(n *graph.Node, b *Builder) error {
	if len(n.Outputs) != 3 {
		return nodeErr(n, "DynamicQuantizeLinear has %d outputs, expected 3 (y, y_scale, y_zero_point)", len(n.Outputs))
	}
	id, x, err := b.Tensor(n.Inputs[0])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	if x.DType != 0 && x.DType != DTFloat {
		return nodeErr(n, "input must be float, is %s", DTypeName(x.DType))
	}
	shift := max(0, 24-x.Frac)
	if x.Bits+shift > 60 {
		return nodeErr(n, "input of %d bits at frac %d is too wide", x.Bits, x.Frac)
	}
	step := func(mode string, in ...int) *DynQuant {
		return &DynQuant{LayerBase: LayerBase{In: in}, Mode: mode, Bits: x.Bits, Frac: x.Frac, Shift: shift}
	}
	b.Emit(n, step(dqRange, id), n.Outputs[0]+"#range", tensor.Shape{2}, x.Frac, x.Bits+1)
	rg := len(b.Prog.Tensors) - 1
	b.Emit(n, step(dqF32, rg), n.Outputs[0]+"#f32", tensor.Shape{3}, 0, gadgets.F32MaxShift+2)
	f := len(b.Prog.Tensors) - 1
	b.emitInt(n, step(dqZp, rg, f), n.Outputs[2], tensor.Shape{}, 9, DTUint8)
	zp := len(b.Prog.Tensors) - 1
	// the scale m 2^-(t+F) at frac F + shift >= 24: within 2^-25 of its value
	sBits := max(x.Bits+shift-6, x.Frac+shift+2) + 1
	b.Emit(n, step(dqScale, f), n.Outputs[1], tensor.Shape{}, x.Frac+shift, sBits)
	b.emitInt(n, step(dqY, id, f, zp), n.Outputs[0], x.Shape, 9, DTUint8)
	return nil
}
