// Package onnx imports ONNX models (protobuf, through the generated types in
// onnxpb) into the graph form the rest of the compiler works on.
package onnx

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"

	"google.golang.org/protobuf/proto"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/onnx/onnxpb"
	"github.com/zkml/zkml/circuits/tensor"
)

// ErrMalformed is returned (wrapped) for files that are not a usable ONNX model.
var ErrMalformed = errors.New("malformed ONNX model")

// ErrUnsupported is returned (wrapped) for valid ONNX this compiler does not
// take: tensors stored outside the file, element types it has no number for
// (strings, complex).
var ErrUnsupported = errors.New("valid ONNX, not supported")

// Load reads and imports an ONNX file.
func Load(path string) (*graph.Graph, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	g, err := Decode(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}

// Decode imports an ONNX model from its protobuf bytes.
func Decode(raw []byte) (*graph.Graph, error) {
	var m onnxpb.ModelProto
	if err := proto.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	gp := m.GetGraph()
	if gp == nil || len(gp.GetNode()) == 0 {
		return nil, fmt.Errorf("%w: no graph or no nodes", ErrMalformed)
	}
	g, err := decodeGraph(gp, false)
	if err != nil {
		return nil, err
	}
	for _, op := range m.GetOpsetImport() {
		if op.GetDomain() == "" || op.GetDomain() == "ai.onnx" {
			g.Opset = op.GetVersion()
		}
	}
	return g, nil
}

// maxSubgraphDepth bounds nested subgraphs (a Loop in an If in ...): a
// hostile file nests them to exhaust the stack.
const maxSubgraphDepth = 16

// decodeGraph imports a graph; sub marks a subgraph (an attribute of If,
// Loop or Scan), whose inputs may have no type and which may use names of
// the graphs around it.
func decodeGraph(gp *onnxpb.GraphProto, sub bool) (*graph.Graph, error) {
	return decodeGraphAt(gp, sub, 0)
}

func decodeGraphAt(gp *onnxpb.GraphProto, sub bool, depth int) (*graph.Graph, error) {
	if depth > maxSubgraphDepth {
		return nil, fmt.Errorf("%w: subgraphs nested deeper than %d", ErrMalformed, maxSubgraphDepth)
	}
	g := &graph.Graph{Consts: map[string]*tensor.T{}}
	for _, t := range gp.GetInitializer() {
		v, err := Tensor(t)
		if err != nil {
			return nil, classify(fmt.Sprintf("initializer %q", t.GetName()), err)
		}
		g.Consts[t.GetName()] = v
	}
	for _, in := range gp.GetInput() {
		if _, isConst := g.Consts[in.GetName()]; isConst {
			continue
		}
		v, err := value(in)
		if err != nil && !sub {
			return nil, fmt.Errorf("%w: input %q: %v", ErrMalformed, in.GetName(), err)
		}
		v.Name = in.GetName()
		g.Inputs = append(g.Inputs, v)
	}
	for _, out := range gp.GetOutput() {
		v, _ := value(out) // output shapes are inferred; a missing one is fine
		v.Name = out.GetName()
		g.Outputs = append(g.Outputs, v)
	}
	if !sub && (len(g.Inputs) == 0 || len(g.Outputs) == 0) {
		return nil, fmt.Errorf("%w: the graph needs at least one input and one output", ErrMalformed)
	}
	for i, np := range gp.GetNode() {
		n := &graph.Node{
			Name:    np.GetName(),
			Op:      np.GetOpType(),
			Domain:  np.GetDomain(),
			Inputs:  np.GetInput(),
			Outputs: np.GetOutput(),
			Attrs:   map[string]graph.Attr{},
		}
		if n.Domain == "ai.onnx" {
			n.Domain = ""
		}
		for _, a := range np.GetAttribute() {
			at, err := attr(a, depth)
			if err != nil {
				return nil, classify(fmt.Sprintf("node %d %s: attribute %q", i, n.Label(), a.GetName()), err)
			}
			n.Attrs[a.GetName()] = at
		}
		g.Nodes = append(g.Nodes, n)
	}
	return g, nil
}

func value(v *onnxpb.ValueInfoProto) (graph.Value, error) {
	out := graph.Value{Name: v.GetName()}
	tt := v.GetType().GetTensorType()
	if tt == nil {
		return out, fmt.Errorf("not a tensor")
	}
	out.DType = int(tt.GetElemType())
	for _, d := range tt.GetShape().GetDim() {
		n := int(d.GetDimValue())
		if n <= 0 { // symbolic or unknown: batch-like dimensions are 1
			n = 1
		}
		out.Shape = append(out.Shape, n)
	}
	if _, err := out.Shape.CheckSize(); err != nil {
		return out, err
	}
	return out, nil
}

// classify says where err happened and keeps it ErrUnsupported (valid ONNX
// this compiler does not take) or ErrMalformed (not valid), marking any
// other error malformed.
func classify(where string, err error) error {
	if errors.Is(err, ErrUnsupported) || errors.Is(err, ErrMalformed) {
		return fmt.Errorf("%s: %w", where, err)
	}
	return fmt.Errorf("%w: %s: %v", ErrMalformed, where, err)
}

func attr(a *onnxpb.AttributeProto, depth int) (graph.Attr, error) {
	switch a.GetType() {
	case onnxpb.AttributeProto_INT:
		return graph.Attr{Kind: graph.AttrInt, Int: a.GetI()}, nil
	case onnxpb.AttributeProto_FLOAT:
		return graph.Attr{Kind: graph.AttrFloat, Float: float64(a.GetF())}, nil
	case onnxpb.AttributeProto_STRING:
		return graph.Attr{Kind: graph.AttrString, Str: string(a.GetS())}, nil
	case onnxpb.AttributeProto_INTS:
		return graph.Attr{Kind: graph.AttrInts, Ints: a.GetInts()}, nil
	case onnxpb.AttributeProto_FLOATS:
		fs := make([]float64, len(a.GetFloats()))
		for i, f := range a.GetFloats() {
			fs[i] = float64(f)
		}
		return graph.Attr{Kind: graph.AttrFloats, Floats: fs}, nil
	case onnxpb.AttributeProto_STRINGS:
		ss := make([]string, len(a.GetStrings()))
		for i, b := range a.GetStrings() {
			ss[i] = string(b)
		}
		return graph.Attr{Kind: graph.AttrStrings, Strings: ss}, nil
	case onnxpb.AttributeProto_TENSOR:
		t, err := Tensor(a.GetT())
		if err != nil {
			return graph.Attr{}, err
		}
		return graph.Attr{Kind: graph.AttrTensor, Tensor: t}, nil
	case onnxpb.AttributeProto_TENSORS:
		out := graph.Attr{Kind: graph.AttrTensors}
		for i, tp := range a.GetTensors() {
			t, err := Tensor(tp)
			if err != nil {
				return graph.Attr{}, fmt.Errorf("tensor %d: %w", i, err)
			}
			out.Tensors = append(out.Tensors, t)
		}
		return out, nil
	case onnxpb.AttributeProto_GRAPH, onnxpb.AttributeProto_GRAPHS:
		gps := a.GetGraphs()
		kind := graph.AttrGraphs
		if a.GetType() == onnxpb.AttributeProto_GRAPH {
			gps, kind = []*onnxpb.GraphProto{a.GetG()}, graph.AttrGraph
		}
		out := graph.Attr{Kind: kind}
		for i, gp := range gps {
			if gp == nil {
				return graph.Attr{}, fmt.Errorf("%w: subgraph %d is missing", ErrMalformed, i)
			}
			sub, err := decodeGraphAt(gp, true, depth+1)
			if err != nil {
				return graph.Attr{}, fmt.Errorf("subgraph %d: %w", i, err)
			}
			out.Graphs = append(out.Graphs, sub)
		}
		return out, nil
	case onnxpb.AttributeProto_SPARSE_TENSOR, onnxpb.AttributeProto_SPARSE_TENSORS,
		onnxpb.AttributeProto_TYPE_PROTO, onnxpb.AttributeProto_TYPE_PROTOS:
		// valid; kept for the op to refuse by name if it needs one
		return graph.Attr{Kind: graph.AttrOther, Other: a.GetType().String()}, nil
	}
	return graph.Attr{}, fmt.Errorf("%w: attribute type %v is not an ONNX attribute type", ErrMalformed, a.GetType())
}

// Tensor converts a TensorProto to a float64 tensor.
func Tensor(t *onnxpb.TensorProto) (*tensor.T, error) {
	if t.GetDataLocation() == onnxpb.TensorProto_EXTERNAL {
		return nil, fmt.Errorf("%w: external tensor data; re-export the model with the weights embedded", ErrUnsupported)
	}
	shape := make(tensor.Shape, len(t.GetDims()))
	for i, d := range t.GetDims() {
		if d < 0 {
			return nil, fmt.Errorf("negative dimension %d", d)
		}
		shape[i] = int(d)
	}
	n, err := shape.CheckSize()
	if err != nil {
		return nil, err
	}
	var data []float64 // allocated for what the tensor holds, not what it declares
	raw := t.GetRawData()
	dt := onnxpb.TensorProto_DataType(t.GetDataType())
	width := map[onnxpb.TensorProto_DataType]int{
		onnxpb.TensorProto_FLOAT: 4, onnxpb.TensorProto_DOUBLE: 8, onnxpb.TensorProto_INT64: 8,
		onnxpb.TensorProto_INT32: 4, onnxpb.TensorProto_INT16: 2, onnxpb.TensorProto_UINT16: 2,
		onnxpb.TensorProto_INT8: 1, onnxpb.TensorProto_UINT8: 1, onnxpb.TensorProto_BOOL: 1,
		onnxpb.TensorProto_UINT32: 4, onnxpb.TensorProto_UINT64: 8, onnxpb.TensorProto_FLOAT16: 2,
	}[dt]
	if width == 0 {
		if _, known := onnxpb.TensorProto_DataType_name[int32(dt)]; known && dt != onnxpb.TensorProto_UNDEFINED {
			return nil, fmt.Errorf("%w: element type %v", ErrUnsupported, dt)
		}
		return nil, fmt.Errorf("%w: element type %v is not an ONNX type", ErrMalformed, dt)
	}
	if len(raw) > 0 {
		if len(raw) != n*width {
			return nil, fmt.Errorf("raw data holds %d bytes, shape %v of %v needs %d", len(raw), shape, dt, n*width)
		}
		data = make([]float64, 0, n)
		for i := 0; i < n; i++ {
			b := raw[i*width:]
			var v float64
			switch dt {
			case onnxpb.TensorProto_FLOAT:
				v = float64(math.Float32frombits(binary.LittleEndian.Uint32(b)))
			case onnxpb.TensorProto_DOUBLE:
				v = math.Float64frombits(binary.LittleEndian.Uint64(b))
			case onnxpb.TensorProto_INT64:
				v = float64(int64(binary.LittleEndian.Uint64(b)))
			case onnxpb.TensorProto_UINT64:
				v = float64(binary.LittleEndian.Uint64(b))
			case onnxpb.TensorProto_INT32:
				v = float64(int32(binary.LittleEndian.Uint32(b)))
			case onnxpb.TensorProto_UINT32:
				v = float64(binary.LittleEndian.Uint32(b))
			case onnxpb.TensorProto_INT16:
				v = float64(int16(binary.LittleEndian.Uint16(b)))
			case onnxpb.TensorProto_UINT16:
				v = float64(binary.LittleEndian.Uint16(b))
			case onnxpb.TensorProto_FLOAT16:
				v = half(binary.LittleEndian.Uint16(b))
			case onnxpb.TensorProto_INT8:
				v = float64(int8(b[0]))
			case onnxpb.TensorProto_UINT8, onnxpb.TensorProto_BOOL:
				v = float64(b[0])
			}
			data = append(data, v)
		}
	} else {
		switch dt {
		case onnxpb.TensorProto_FLOAT:
			for _, v := range t.GetFloatData() {
				data = append(data, float64(v))
			}
		case onnxpb.TensorProto_DOUBLE:
			data = append(data, t.GetDoubleData()...)
		case onnxpb.TensorProto_INT64:
			for _, v := range t.GetInt64Data() {
				data = append(data, float64(v))
			}
		case onnxpb.TensorProto_UINT64, onnxpb.TensorProto_UINT32:
			for _, v := range t.GetUint64Data() {
				data = append(data, float64(v))
			}
		case onnxpb.TensorProto_FLOAT16:
			for _, v := range t.GetInt32Data() {
				data = append(data, half(uint16(v)))
			}
		default: // int32, int16, int8, uint16, uint8, bool live in int32_data
			for _, v := range t.GetInt32Data() {
				data = append(data, float64(v))
			}
		}
		if len(data) != n {
			return nil, fmt.Errorf("holds %d values, shape %v needs %d", len(data), shape, n)
		}
	}
	if data == nil {
		data = []float64{}
	}
	return &tensor.T{Shape: shape, Data: data, DType: int(dt)}, nil
}

// half decodes an IEEE 754 binary16 value.
func half(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	exp := int(h>>10) & 0x1f
	frac := float64(h & 0x3ff)
	switch exp {
	case 0:
		return sign * frac * math.Pow(2, -24)
	case 31:
		if frac == 0 {
			return sign * math.Inf(1)
		}
		return math.NaN()
	}
	return sign * (1 + frac/1024) * math.Pow(2, float64(exp-15))
}
