package ops

import (
	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
	"math"
)

// zkml.Dense is the canonical fully connected layer that Gemm and MatMul with a
// constant right-hand side are rewritten to on import: inputs x [..., K],
// W [N, K] and an optional bias [N]; output [..., N]. Bias adds and
// BatchNormalization that follow it fold into W and the bias.
func init() {
	Register("zkml.Dense", &Spec{Float: denseFloat, Lower: denseLower, FusesRelu: true})
}

func denseFloat(n *graph.Node, in []*tensor.T) ([]*tensor.T, error) {
	if err := need(n, in, 2); err != nil {
		return nil, err
	}
	x, w := in[0], in[1]
	nOut, k := w.Shape[0], w.Shape[1]
	if len(x.Shape) == 0 || x.Shape[len(x.Shape)-1] != k {
		return nil, errf("input shape %v does not end in %d", x.Shape, k)
	}
	rows := x.Shape.Size() / k
	shape := append(x.Shape[:len(x.Shape)-1:len(x.Shape)-1].Clone(), nOut)
	out := tensor.New(shape)
	for m := 0; m < rows; m++ {
		for j := 0; j < nOut; j++ {
			s := 0.0
			if len(in) > 2 && in[2] != nil {
				s = in[2].Data[j]
			}
			xr, wr := x.Data[m*k:(m+1)*k], w.Data[j*k:(j+1)*k]
			for i := range xr {
				s += xr[i] * wr[i]
			}
			out.Data[m*nOut+j] = s
		}
	}
	return []*tensor.T{out}, nil
}

func denseLower(n *graph.Node, b *Builder) error {
	w := b.Const(n.Inputs[1])
	nOut, k := w.Shape[0], w.Shape[1]
	id, x, err := b.Tensor(n.Inputs[0])
	if err != nil {
		return &NodeError{Node: n.Label(), Err: err}
	}
	rows := x.Shape.Size() / k
	var bias []float64
	if bt := b.Const(n.Input(2)); bt != nil {
		bias = make([]float64, rows*nOut)
		for j := range bias {
			bias[j] = bt.Data[j%nOut]
		}
	}
	return b.EmitLinear(n, id, x, w.Data, func(wq []int64) Kernel { return &Dense{M: rows, K: k, N: nOut, W: wq} }, bias)
}

// EmitLinear quantizes the weights and the bias, chooses the rescale and emits
// a Linear layer writing the node's first output. The output scale comes from
// calibration; the weights get at least WeightBits of precision, and more when
// that makes the rescale shift a multiple of the range-check limb width (the
// remainder then checks at one query per limb).
func (b *Builder) EmitLinear(n *graph.Node, in int, x *TensorInfo, w []float64, kernel func([]int64) Kernel, bias []float64) error {
	out := n.Outputs[0]
	_, fw := b.QuantizeWeights(w)
	fy := min(b.Frac(out), x.Frac+fw)
	if shift := x.Frac + fw - fy; shift > 0 {
		lb := b.Cfg.LimbBits
		fw += (lb - shift%lb) % lb
	}
	accFrac := x.Frac + fw
	k := kernel(QuantizeAt(w, fw))
	var bq []int64
	if bias != nil {
		for j, v := range bias {
			if !(math.Abs(math.Ldexp(v, accFrac)) < maxAcc) {
				return nodeErr(n, "bias %d (%g) at the accumulator's scale 2^-%d exceeds the 2^62 the integer engine holds (fewer --bits or --weight-bits)", j, v, accFrac)
			}
		}
		bq = QuantizeAt(bias, accFrac)
	}
	rq, fy, err := b.Requantizer(n, out, accFrac, absBound(k, bq, x.Bits))
	if err != nil {
		return err
	}
	l := &Linear{LayerBase: LayerBase{In: []int{in}}, K: k, Bias: bq, Requant: rq}
	b.Emit(n, l, out, b.Shapes[out], fy, b.Cfg.ActBits)
	return nil
}
