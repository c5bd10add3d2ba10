// Package qdq writes the QDQ form of a float ONNX model, as onnxruntime's
// static quantizer (quantize_static, QuantFormat.QDQ, MinMax calibration)
// emits it: uint8 asymmetric activations as QuantizeLinear -> DequantizeLinear
// pairs with scales and zero points from the calibrated min/max, int8
// symmetric weights stored as int8 initializers followed by DequantizeLinear
// (per tensor, or per output channel for Conv), int32 biases quantized at
// x_scale * w_scale followed by DequantizeLinear, and the float operator in
// between unchanged. Like onnxruntime's pre-processing it first folds constant
// subgraphs, a constant Add after Conv into the Conv bias and MatMul + constant
// Add into Gemm; like its QDQ quantizer it drops a Relu that follows a
// quantized operator (the output QuantizeLinear, zero point 0, clips instead).
package qdq

import (
	"encoding/binary"
	"fmt"
	"math"

	"google.golang.org/protobuf/proto"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/onnx/onnxpb"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
)

// Options selects the quantization scheme.
type Options struct {
	// PerChannel quantizes Conv weights per output channel (axis 0).
	PerChannel bool
}

// weighted ops quantize input 0 as an activation, input 1 as a weight and
// input 2 as a bias.
var weighted = map[string]bool{"Conv": true, "Gemm": true, "MatMul": true}

// activation ops quantize every float input as an activation.
var activation = map[string]bool{"Add": true, "Mul": true, "Relu": true}

// passthrough ops quantize input 0 and give the output the same parameters.
var passthrough = map[string]bool{"MaxPool": true, "Reshape": true, "Flatten": true, "Transpose": true}

type qparams struct {
	scale float32
	zp    uint8
}

// Generate returns the QDQ form of the float model src, calibrated on the
// given samples (one float slice per graph input, in order).
func Generate(src []byte, calib [][][]float64, opt Options) ([]byte, error) {
	if len(calib) == 0 {
		return nil, fmt.Errorf("qdq: no calibration samples")
	}
	var m onnxpb.ModelProto
	if err := proto.Unmarshal(src, &m); err != nil {
		return nil, fmt.Errorf("qdq: %w: %v", onnx.ErrMalformed, err)
	}
	gp := m.GetGraph()
	if gp == nil {
		return nil, fmt.Errorf("qdq: %w: no graph", onnx.ErrMalformed)
	}
	for _, op := range m.GetOpsetImport() {
		if (op.GetDomain() == "" || op.GetDomain() == "ai.onnx") && op.GetVersion() < 13 {
			op.Version = proto.Int64(13) // per-axis DequantizeLinear
		}
	}
	if err := foldConstants(gp); err != nil {
		return nil, err
	}
	if err := fuseBiasAdds(gp); err != nil {
		return nil, err
	}
	stats, err := calibrate(&m, calib)
	if err != nil {
		return nil, err
	}
	if err := rewrite(gp, stats, opt); err != nil {
		return nil, err
	}
	return proto.Marshal(&m)
}

// decoded imports the model as a graph.
func decoded(m *onnxpb.ModelProto) (*graph.Graph, error) {
	raw, err := proto.Marshal(m)
	if err != nil {
		return nil, err
	}
	return onnx.Decode(raw)
}

func initializers(gp *onnxpb.GraphProto) map[string]*onnxpb.TensorProto {
	inits := map[string]*onnxpb.TensorProto{}
	for _, t := range gp.GetInitializer() {
		inits[t.GetName()] = t
	}
	return inits
}

// foldConstants replaces every node whose inputs are all initializers by
// initializers holding its outputs.
func foldConstants(gp *onnxpb.GraphProto) error {
	inits := initializers(gp)
	consts := map[string]*tensor.T{}
	for name, t := range inits {
		v, err := onnx.Tensor(t)
		if err != nil {
			return fmt.Errorf("qdq: initializer %q: %v", name, err)
		}
		consts[name] = v
	}
	g, err := onnx.Decode(mustMarshal(&onnxpb.ModelProto{Graph: gp}))
	if err != nil {
		return fmt.Errorf("qdq: %w", err)
	}
	var kept []*onnxpb.NodeProto
	for k, np := range gp.GetNode() {
		constant := true
		for _, in := range np.GetInput() {
			if _, ok := consts[in]; in != "" && !ok {
				constant = false
			}
		}
		if !constant {
			kept = append(kept, np)
			continue
		}
		n := g.Nodes[k]
		in := make([]*tensor.T, len(np.GetInput()))
		for i, name := range np.GetInput() {
			in[i] = consts[name]
		}
		out, err := ops.EvalNode(n, in)
		if err != nil {
			return fmt.Errorf("qdq: folding constant node %s: %w", n.Label(), err)
		}
		for i, name := range np.GetOutput() {
			if i >= len(out) || name == "" {
				continue
			}
			dt := onnxpb.TensorProto_FLOAT
			if out[i].DType == int(onnxpb.TensorProto_INT64) || (np.GetOpType() == "Constant" && out[i].DType != 0 && out[i].DType != int(onnxpb.TensorProto_FLOAT)) {
				dt = onnxpb.TensorProto_INT64
			}
			consts[name] = out[i]
			gp.Initializer = append(gp.Initializer, encode(name, out[i].Shape, out[i].Data, dt))
		}
	}
	gp.Node = kept
	pruneInitializers(gp)
	return nil
}

// pruneInitializers drops initializers no node or output uses, and graph
// inputs that name an initializer or one it dropped.
func pruneInitializers(gp *onnxpb.GraphProto) {
	used := map[string]bool{}
	for _, np := range gp.GetNode() {
		for _, in := range np.GetInput() {
			used[in] = true
		}
	}
	for _, o := range gp.GetOutput() {
		used[o.GetName()] = true
	}
	all := map[string]bool{}
	var keep []*onnxpb.TensorProto
	for _, t := range gp.GetInitializer() {
		all[t.GetName()] = true
		if used[t.GetName()] {
			keep = append(keep, t)
		}
	}
	gp.Initializer = keep
	var inputs []*onnxpb.ValueInfoProto
	for _, in := range gp.GetInput() {
		if !all[in.GetName()] {
			inputs = append(inputs, in)
		}
	}
	gp.Input = inputs
}

// consumers counts the nodes reading each tensor.
func consumers(gp *onnxpb.GraphProto) map[string]int {
	c := map[string]int{}
	for _, np := range gp.GetNode() {
		for _, in := range np.GetInput() {
			c[in]++
		}
	}
	return c
}

func isOutput(gp *onnxpb.GraphProto, name string) bool {
	for _, o := range gp.GetOutput() {
		if o.GetName() == name {
			return true
		}
	}
	return false
}

// fuseBiasAdds folds Conv -> Add(constant [C,1,1]) into the Conv bias and
// MatMul -> Add(constant [N] or [1,N]) into Gemm, as onnxruntime's basic
// graph optimizations do before quantization.
func fuseBiasAdds(gp *onnxpb.GraphProto) error {
	inits := initializers(gp)
	cons := consumers(gp)
	producer := map[string]*onnxpb.NodeProto{}
	for _, np := range gp.GetNode() {
		for _, o := range np.GetOutput() {
			producer[o] = np
		}
	}
	var kept []*onnxpb.NodeProto
	for _, np := range gp.GetNode() {
		if np.GetOpType() != "Add" || len(np.GetInput()) != 2 {
			kept = append(kept, np)
			continue
		}
		x, b := np.GetInput()[0], np.GetInput()[1]
		if _, ok := inits[x]; ok {
			x, b = b, x
		}
		bt, isConst := inits[b]
		p := producer[x]
		if !isConst || p == nil || cons[x] != 1 || isOutput(gp, x) {
			kept = append(kept, np)
			continue
		}
		bv, err := onnx.Tensor(bt)
		if err != nil {
			return fmt.Errorf("qdq: initializer %q: %v", b, err)
		}
		switch {
		case p.GetOpType() == "Conv" && len(p.GetInput()) == 2 && perChannelBias(bv.Shape):
			p.Input = append(p.Input, b+"_bias")
			gp.Initializer = append(gp.Initializer, encode(b+"_bias", tensor.Shape{len(bv.Data)}, bv.Data, onnxpb.TensorProto_FLOAT))
		case p.GetOpType() == "MatMul" && (len(bv.Shape) == 1 || len(bv.Shape) == 2 && bv.Shape[0] == 1) && inits[p.GetInput()[1]] != nil && len(inits[p.GetInput()[1]].GetDims()) == 2 && inits[p.GetInput()[1]].GetDims()[1] == int64(len(bv.Data)):
			p.OpType = proto.String("Gemm")
			p.Input = append(p.Input, b+"_bias")
			gp.Initializer = append(gp.Initializer, encode(b+"_bias", tensor.Shape{len(bv.Data)}, bv.Data, onnxpb.TensorProto_FLOAT))
		default:
			kept = append(kept, np)
			continue
		}
		p.Output[0] = np.GetOutput()[0]
	}
	gp.Node = kept
	pruneInitializers(gp)
	return nil
}

// perChannelBias: shape [C,1,1], [1,C,1,1] or [C].
func perChannelBias(s tensor.Shape) bool {
	big := 0
	for _, d := range s {
		if d != 1 {
			big++
		}
	}
	return big <= 1 && len(s) >= 1 && (len(s) == 1 || len(s) == 3 && s[1] == 1 && s[2] == 1 || len(s) == 4 && s[0] == 1 && s[2] == 1 && s[3] == 1)
}

// calibrate runs the float model on every sample and returns each tensor's
// [min, max].
func calibrate(m *onnxpb.ModelProto, calib [][][]float64) (map[string][2]float64, error) {
	g, err := decoded(m)
	if err != nil {
		return nil, fmt.Errorf("qdq: %w", err)
	}
	stats := map[string][2]float64{}
	for s, sample := range calib {
		if len(sample) != len(g.Inputs) {
			return nil, fmt.Errorf("qdq: calibration sample %d has %d inputs, the model %d", s, len(sample), len(g.Inputs))
		}
		in := make([]*tensor.T, len(sample))
		for i, d := range sample {
			in[i] = &tensor.T{Shape: g.Inputs[i].Shape, Data: d}
		}
		vals, err := ops.Run(g, in)
		if err != nil {
			return nil, fmt.Errorf("qdq: calibration sample %d: %w", s, err)
		}
		for name, v := range vals {
			if _, isConst := g.Consts[name]; isConst || len(v.Data) == 0 {
				continue
			}
			lo, hi := math.Inf(1), math.Inf(-1)
			for _, x := range v.Data {
				lo, hi = math.Min(lo, x), math.Max(hi, x)
			}
			if old, ok := stats[name]; ok {
				lo, hi = math.Min(lo, old[0]), math.Max(hi, old[1])
			}
			stats[name] = [2]float64{lo, hi}
		}
	}
	return stats, nil
}

// activationParams: onnxruntime's compute_scale_zp for uint8, asymmetric.
func activationParams(lo, hi float64) qparams {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if hi == lo {
		return qparams{scale: 1}
	}
	scale := float32((hi - lo) / 255)
	zp := math.RoundToEven(-lo / float64(scale))
	return qparams{scale: scale, zp: uint8(math.Min(math.Max(zp, 0), 255))}
}

// symmetricScale: int8 symmetric, [-127, 127].
func symmetricScale(data []float64) float32 {
	m := 0.0
	for _, v := range data {
		m = math.Max(m, math.Abs(v))
	}
	if m == 0 {
		return 1
	}
	return float32(m / 127)
}

// rewrite inserts the Q/DQ nodes.
func rewrite(gp *onnxpb.GraphProto, stats map[string][2]float64, opt Options) error {
	inits := initializers(gp)
	floatInputs := map[string]bool{}
	for _, in := range gp.GetInput() {
		if in.GetType().GetTensorType().GetElemType() == int32(onnxpb.TensorProto_FLOAT) {
			floatInputs[in.GetName()] = true
		}
	}
	cons := consumers(gp)
	producer := map[string]*onnxpb.NodeProto{}
	for _, np := range gp.GetNode() {
		for _, o := range np.GetOutput() {
			producer[o] = np
		}
	}
	// a Relu after a quantized operator is removed: its input takes the
	// Relu output's range and the output QuantizeLinear clips.
	params := map[string]qparams{}
	alias := map[string]string{}
	var nodes []*onnxpb.NodeProto
	for _, np := range gp.GetNode() {
		if np.GetOpType() == "Relu" {
			x := np.GetInput()[0]
			if p := producer[x]; p != nil && (weighted[p.GetOpType()] || activation[p.GetOpType()]) && cons[x] == 1 && !isOutput(gp, x) && !isOutput(gp, np.GetOutput()[0]) {
				alias[np.GetOutput()[0]] = x
				st := stats[np.GetOutput()[0]]
				params[x] = activationParams(st[0], st[1])
				continue
			}
		}
		nodes = append(nodes, np)
	}
	for _, np := range nodes {
		for i, in := range np.GetInput() {
			if a, ok := alias[in]; ok {
				np.Input[i] = a
			}
		}
	}
	isFloatActivation := func(name string) bool {
		if name == "" {
			return false
		}
		if _, isInit := inits[name]; isInit {
			return false
		}
		if floatInputs[name] {
			return true
		}
		p := producer[name]
		return p != nil && p.GetOpType() != "Shape"
	}
	paramsOf := func(name string) (qparams, error) {
		if q, ok := params[name]; ok {
			return q, nil
		}
		st, ok := stats[name]
		if !ok {
			return qparams{}, fmt.Errorf("qdq: tensor %q has no calibration statistics", name)
		}
		q := activationParams(st[0], st[1])
		params[name] = q
		return q, nil
	}
	// which activations get a QDQ pair, and the parameters of each
	quantized := map[string]bool{}
	for _, np := range nodes {
		op := np.GetOpType()
		switch {
		case weighted[op]:
			quantized[np.GetInput()[0]] = true
			if op == "MatMul" && inits[np.GetInput()[1]] == nil {
				quantized[np.GetInput()[1]] = true
			}
			quantized[np.GetOutput()[0]] = true
		case activation[op]:
			for _, in := range np.GetInput() {
				if isFloatActivation(in) {
					quantized[in] = true
				}
			}
			quantized[np.GetOutput()[0]] = true
		case passthrough[op]:
			if isFloatActivation(np.GetInput()[0]) {
				quantized[np.GetInput()[0]] = true
			}
		}
	}
	// passthrough outputs share their input's parameters
	for _, np := range nodes {
		if passthrough[np.GetOpType()] && quantized[np.GetInput()[0]] {
			q, err := paramsOf(np.GetInput()[0])
			if err != nil {
				return err
			}
			params[np.GetOutput()[0]] = q
			quantized[np.GetOutput()[0]] = true
		}
	}

	var out []*onnxpb.NodeProto
	var newInits []*onnxpb.TensorProto
	dq := map[string]string{} // activation -> its DequantizeLinear output
	addPair := func(name string) error {
		if _, done := dq[name]; done || !quantized[name] || !isFloatActivation(name) {
			return nil
		}
		q, err := paramsOf(name)
		if err != nil {
			return err
		}
		src, deq := name, name+"_DequantizeLinear_Output"
		if isOutput(gp, name) {
			src, deq = name+"_QuantizeLinear_Input", name
			if p := producer[name]; p != nil {
				for i, o := range p.GetOutput() {
					if o == name {
						p.Output[i] = src
					}
				}
			}
		}
		sName, zName := name+"_scale", name+"_zero_point"
		newInits = append(newInits, scalar32(sName, q.scale), &onnxpb.TensorProto{Name: proto.String(zName), DataType: proto.Int32(int32(onnxpb.TensorProto_UINT8)), RawData: []byte{q.zp}})
		out = append(out,
			&onnxpb.NodeProto{OpType: proto.String("QuantizeLinear"), Name: proto.String(name + "_QuantizeLinear"), Input: []string{src, sName, zName}, Output: []string{name + "_quantized"}},
			&onnxpb.NodeProto{OpType: proto.String("DequantizeLinear"), Name: proto.String(name + "_DequantizeLinear"), Input: []string{name + "_quantized", sName, zName}, Output: []string{deq}})
		dq[name] = deq
		return nil
	}
	for _, in := range gp.GetInput() {
		if err := addPair(in.GetName()); err != nil {
			return err
		}
	}
	for _, np := range nodes {
		op := np.GetOpType()
		ins := np.GetInput()
		if weighted[op] && len(ins) >= 2 && inits[ins[1]] != nil {
			xq, err := paramsOf(ins[0])
			if err != nil {
				return err
			}
			wq, wnodes, wscales, err := quantizeWeight(np, inits[ins[1]], opt)
			if err != nil {
				return err
			}
			newInits = append(newInits, wq...)
			out = append(out, wnodes...)
			np.Input[1] = wnodes[0].GetOutput()[0]
			if len(ins) >= 3 && ins[2] != "" {
				bt := inits[ins[2]]
				if bt == nil {
					return fmt.Errorf("qdq: node %q: bias %q is not an initializer", np.GetName(), ins[2])
				}
				if op == "Gemm" && (attrFloat(np, "alpha", 1) != 1 || attrFloat(np, "beta", 1) != 1) {
					return fmt.Errorf("qdq: node %q: Gemm with alpha or beta other than 1 is not supported", np.GetName())
				}
				bi, bn, err := quantizeBias(ins[2], bt, xq.scale, wscales)
				if err != nil {
					return fmt.Errorf("qdq: node %q: %v", np.GetName(), err)
				}
				newInits = append(newInits, bi...)
				out = append(out, bn)
				np.Input[2] = bn.GetOutput()[0]
			}
		}
		for i, in := range np.GetInput() {
			if weighted[op] && i > 0 && inits[ins[i]] != nil {
				continue
			}
			if !quantized[in] {
				continue
			}
			if err := addPair(in); err != nil {
				return err
			}
			if d, ok := dq[in]; ok {
				np.Input[i] = d
			}
		}
		out = append(out, np)
		for _, o := range np.GetOutput() {
			if err := addPair(o); err != nil {
				return err
			}
		}
	}
	gp.Node = out
	gp.Initializer = append(gp.Initializer, newInits...)
	pruneInitializers(gp)
	return nil
}

func attrFloat(np *onnxpb.NodeProto, name string, def float32) float32 {
	for _, a := range np.GetAttribute() {
		if a.GetName() == name {
			return a.GetF()
		}
	}
	return def
}

// quantizeWeight writes the int8 weight, its scale and zero point and its
// DequantizeLinear node; it returns the per-output-channel scales.
func quantizeWeight(np *onnxpb.NodeProto, wt *onnxpb.TensorProto, opt Options) ([]*onnxpb.TensorProto, []*onnxpb.NodeProto, []float32, error) {
	w, err := onnx.Tensor(wt)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("qdq: weight %q: %v", wt.GetName(), err)
	}
	name := wt.GetName()
	// per output channel only for Conv (axis 0), as onnxruntime does by default
	channels, stride, axis := 1, len(w.Data), -1
	if np.GetOpType() == "Conv" && opt.PerChannel && len(w.Shape) >= 2 {
		channels, stride, axis = w.Shape[0], w.Shape.Size()/w.Shape[0], 0
	}
	var scales []float32
	for c := 0; c < channels; c++ {
		scales = append(scales, symmetricScale(w.Data[c*stride:(c+1)*stride]))
	}
	q := make([]byte, len(w.Data))
	for j, v := range w.Data {
		s := float64(scales[j/stride])
		q[j] = byte(int8(math.Max(-127, math.Min(127, math.RoundToEven(v/s)))))
	}
	dims := make([]int64, len(w.Shape))
	for i, d := range w.Shape {
		dims[i] = int64(d)
	}
	sName, zName := name+"_scale", name+"_zero_point"
	inits := []*onnxpb.TensorProto{
		{Name: proto.String(name + "_quantized"), DataType: proto.Int32(int32(onnxpb.TensorProto_INT8)), Dims: dims, RawData: q},
	}
	dqn := &onnxpb.NodeProto{OpType: proto.String("DequantizeLinear"), Name: proto.String(name + "_DequantizeLinear"), Input: []string{name + "_quantized", sName, zName}, Output: []string{name + "_DequantizeLinear_Output"}}
	if axis < 0 {
		inits = append(inits, scalar32(sName, scales[0]), &onnxpb.TensorProto{Name: proto.String(zName), DataType: proto.Int32(int32(onnxpb.TensorProto_INT8)), RawData: []byte{0}})
	} else {
		inits = append(inits, vector32(sName, scales), &onnxpb.TensorProto{Name: proto.String(zName), DataType: proto.Int32(int32(onnxpb.TensorProto_INT8)), Dims: []int64{int64(channels)}, RawData: make([]byte, channels)})
		dqn.Attribute = []*onnxpb.AttributeProto{{Name: proto.String("axis"), Type: onnxpb.AttributeProto_INT.Enum(), I: proto.Int64(int64(axis))}}
	}
	return inits, []*onnxpb.NodeProto{dqn}, scales, nil
}

// quantizeBias writes the int32 bias at x_scale * w_scale (per channel when
// the weight is) and its DequantizeLinear node.
func quantizeBias(name string, bt *onnxpb.TensorProto, xs float32, ws []float32) ([]*onnxpb.TensorProto, *onnxpb.NodeProto, error) {
	b, err := onnx.Tensor(bt)
	if err != nil {
		return nil, nil, fmt.Errorf("bias %q: %v", name, err)
	}
	if len(ws) != 1 && len(ws) != len(b.Data) {
		return nil, nil, fmt.Errorf("bias %q has %d values for %d weight channels", name, len(b.Data), len(ws))
	}
	scales := make([]float32, len(ws))
	for i, s := range ws {
		scales[i] = xs * s
	}
	raw := make([]byte, 4*len(b.Data))
	for j, v := range b.Data {
		s := scales[0]
		if len(scales) > 1 {
			s = scales[j]
		}
		q := math.RoundToEven(v / float64(s))
		if q < math.MinInt32 || q > math.MaxInt32 {
			return nil, nil, fmt.Errorf("bias %q[%d] = %v does not fit int32 at scale %v", name, j, v, s)
		}
		binary.LittleEndian.PutUint32(raw[4*j:], uint32(int32(q)))
	}
	dims := make([]int64, len(b.Shape))
	for i, d := range b.Shape {
		dims[i] = int64(d)
	}
	sName, zName := name+"_scale", name+"_zero_point"
	inits := []*onnxpb.TensorProto{{Name: proto.String(name + "_quantized"), DataType: proto.Int32(int32(onnxpb.TensorProto_INT32)), Dims: dims, RawData: raw}}
	n := &onnxpb.NodeProto{OpType: proto.String("DequantizeLinear"), Name: proto.String(name + "_DequantizeLinear"), Input: []string{name + "_quantized", sName, zName}, Output: []string{name + "_DequantizeLinear_Output"}}
	if len(scales) == 1 {
		inits = append(inits, scalar32(sName, scales[0]), &onnxpb.TensorProto{Name: proto.String(zName), DataType: proto.Int32(int32(onnxpb.TensorProto_INT32)), RawData: make([]byte, 4)})
	} else {
		inits = append(inits, vector32(sName, scales), &onnxpb.TensorProto{Name: proto.String(zName), DataType: proto.Int32(int32(onnxpb.TensorProto_INT32)), Dims: []int64{int64(len(scales))}, RawData: make([]byte, 4*len(scales))})
		n.Attribute = []*onnxpb.AttributeProto{{Name: proto.String("axis"), Type: onnxpb.AttributeProto_INT.Enum(), I: proto.Int64(0)}}
	}
	return inits, n, nil
}

func scalar32(name string, v float32) *onnxpb.TensorProto {
	raw := make([]byte, 4)
	binary.LittleEndian.PutUint32(raw, math.Float32bits(v))
	return &onnxpb.TensorProto{Name: proto.String(name), DataType: proto.Int32(int32(onnxpb.TensorProto_FLOAT)), RawData: raw}
}

func vector32(name string, v []float32) *onnxpb.TensorProto {
	raw := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(raw[4*i:], math.Float32bits(x))
	}
	return &onnxpb.TensorProto{Name: proto.String(name), DataType: proto.Int32(int32(onnxpb.TensorProto_FLOAT)), Dims: []int64{int64(len(v))}, RawData: raw}
}

// encode writes a float32 or int64 initializer.
func encode(name string, shape tensor.Shape, data []float64, dt onnxpb.TensorProto_DataType) *onnxpb.TensorProto {
	dims := make([]int64, len(shape))
	for i, d := range shape {
		dims[i] = int64(d)
	}
	t := &onnxpb.TensorProto{Name: proto.String(name), DataType: proto.Int32(int32(dt)), Dims: dims}
	if dt == onnxpb.TensorProto_INT64 {
		raw := make([]byte, 8*len(data))
		for i, v := range data {
			binary.LittleEndian.PutUint64(raw[8*i:], uint64(int64(v)))
		}
		t.RawData = raw
		return t
	}
	raw := make([]byte, 4*len(data))
	for i, v := range data {
		binary.LittleEndian.PutUint32(raw[4*i:], math.Float32bits(float32(v)))
	}
	t.RawData = raw
	return t
}

func mustMarshal(m proto.Message) []byte {
	raw, err := proto.Marshal(m)
	if err != nil {
		panic(err)
	}
	return raw
}
