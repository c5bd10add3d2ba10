package onnx_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"google.golang.org/protobuf/proto"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/onnx/onnxpb"
)

func TestLoadDevModels(t *testing.T) {
	for name, want := range map[string]struct {
		inputs, nodes int
		shape         []int
	}{
		"1l_mlp":          {1, 2, []int{1, 3}},
		"mnist-8":         {1, 12, []int{1, 1, 28, 28}},
		"idolmodel":       {2, 6, []int{1, 1}},
		"mnist_mlp_bn":    {1, 9, []int{1, 784}},
		"3l_relu_conv_fc": {1, 9, []int{1, 1, 28, 28}},
	} {
		g, err := onnx.Load(filepath.Join("../../../shared/models/dev", name, "network.onnx"))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(g.Inputs) != want.inputs || len(g.Nodes) != want.nodes {
			t.Errorf("%s: %d inputs and %d nodes, want %d and %d", name, len(g.Inputs), len(g.Nodes), want.inputs, want.nodes)
		}
		if got := g.Inputs[0].Shape; !got.Equal(want.shape) {
			t.Errorf("%s: input shape %v, want %v (symbolic dimensions are 1)", name, got, want.shape)
		}
	}
}

func TestMalformed(t *testing.T) {
	for name, raw := range map[string][]byte{
		"garbage": []byte("definitely not protobuf \xff\xff"),
		"empty":   nil,
	} {
		if _, err := onnx.Decode(raw); !errors.Is(err, onnx.ErrMalformed) {
			t.Errorf("%s: %v, want ErrMalformed", name, err)
		}
	}
	// an initializer whose data does not match its shape
	m := &onnxpb.ModelProto{Graph: &onnxpb.GraphProto{
		Node:        []*onnxpb.NodeProto{{OpType: proto.String("Relu"), Input: []string{"x"}, Output: []string{"y"}}},
		Initializer: []*onnxpb.TensorProto{{Name: proto.String("w"), Dims: []int64{2, 2}, DataType: proto.Int32(1), FloatData: []float32{1, 2, 3}}},
	}}
	raw, _ := proto.Marshal(m)
	if _, err := onnx.Decode(raw); !errors.Is(err, onnx.ErrMalformed) {
		t.Errorf("short initializer: %v, want ErrMalformed", err)
	}
	// external data is valid ONNX, refused as unsupported with a clear message
	m.Graph.Initializer[0] = &onnxpb.TensorProto{Name: proto.String("w"), Dims: []int64{1}, DataType: proto.Int32(1), DataLocation: onnxpb.TensorProto_EXTERNAL.Enum()}
	raw, _ = proto.Marshal(m)
	if _, err := onnx.Decode(raw); !errors.Is(err, onnx.ErrUnsupported) || errors.Is(err, onnx.ErrMalformed) || !strings.Contains(err.Error(), "external") {
		t.Errorf("external data: %v, want ErrUnsupported naming it", err)
	}
	// a string tensor is valid ONNX this compiler has no numbers for
	m.Graph.Initializer[0] = &onnxpb.TensorProto{Name: proto.String("w"), Dims: []int64{1}, DataType: proto.Int32(int32(onnxpb.TensorProto_STRING)), StringData: [][]byte{[]byte("a")}}
	raw, _ = proto.Marshal(m)
	if _, err := onnx.Decode(raw); !errors.Is(err, onnx.ErrUnsupported) || !strings.Contains(err.Error(), "STRING") {
		t.Errorf("string tensor: %v, want ErrUnsupported naming STRING", err)
	}
	// an element type number ONNX does not define is malformed
	m.Graph.Initializer[0] = &onnxpb.TensorProto{Name: proto.String("w"), Dims: []int64{1}, DataType: proto.Int32(99)}
	raw, _ = proto.Marshal(m)
	if _, err := onnx.Decode(raw); !errors.Is(err, onnx.ErrMalformed) {
		t.Errorf("element type 99: %v, want ErrMalformed", err)
	}
}

// TestAttributeKinds: every attribute type ONNX defines imports (STRINGS for
// RNN activations and tree modes, TENSORS, GRAPH and GRAPHS for If/Loop
// bodies, sparse tensors and type protos kept by name); a type number ONNX
// does not define is malformed, naming the node and attribute.
func TestAttributeKinds(t *testing.T) {
	f32 := func(v ...float32) *onnxpb.TensorProto {
		return &onnxpb.TensorProto{Dims: []int64{int64(len(v))}, DataType: proto.Int32(1), FloatData: v}
	}
	sub := &onnxpb.GraphProto{Node: []*onnxpb.NodeProto{{OpType: proto.String("Identity"), Input: []string{"x"}, Output: []string{"z"}}}, Output: []*onnxpb.ValueInfoProto{{Name: proto.String("z")}}}
	ty := func(t onnxpb.AttributeProto_AttributeType) *onnxpb.AttributeProto_AttributeType { return &t }
	attrs := []*onnxpb.AttributeProto{
		{Name: proto.String("activations"), Type: ty(onnxpb.AttributeProto_STRINGS), Strings: [][]byte{[]byte("Sigmoid"), []byte("Tanh")}},
		{Name: proto.String("ts"), Type: ty(onnxpb.AttributeProto_TENSORS), Tensors: []*onnxpb.TensorProto{f32(1, 2), f32(3)}},
		{Name: proto.String("then_branch"), Type: ty(onnxpb.AttributeProto_GRAPH), G: sub},
		{Name: proto.String("bodies"), Type: ty(onnxpb.AttributeProto_GRAPHS), Graphs: []*onnxpb.GraphProto{sub, sub}},
		{Name: proto.String("sp"), Type: ty(onnxpb.AttributeProto_SPARSE_TENSOR)},
		{Name: proto.String("tp"), Type: ty(onnxpb.AttributeProto_TYPE_PROTO)},
	}
	x := &onnxpb.ValueInfoProto{Name: proto.String("x"), Type: &onnxpb.TypeProto{Value: &onnxpb.TypeProto_TensorType{TensorType: &onnxpb.TypeProto_Tensor{ElemType: proto.Int32(1), Shape: &onnxpb.TensorShapeProto{Dim: []*onnxpb.TensorShapeProto_Dimension{{Value: &onnxpb.TensorShapeProto_Dimension_DimValue{DimValue: 2}}}}}}}}
	m := &onnxpb.ModelProto{Graph: &onnxpb.GraphProto{
		Node:   []*onnxpb.NodeProto{{OpType: proto.String("Relu"), Name: proto.String("r"), Input: []string{"x"}, Output: []string{"y"}, Attribute: attrs}},
		Input:  []*onnxpb.ValueInfoProto{x},
		Output: []*onnxpb.ValueInfoProto{{Name: proto.String("y")}},
	}}
	raw, _ := proto.Marshal(m)
	g, err := onnx.Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	n := g.Nodes[0]
	if got := n.Strs("activations", nil); len(got) != 2 || got[0] != "Sigmoid" || got[1] != "Tanh" {
		t.Errorf("STRINGS: %v", got)
	}
	if a := n.Attrs["ts"]; a.Kind != graph.AttrTensors || len(a.Tensors) != 2 || a.Tensors[0].Data[1] != 2 || a.Tensors[1].Data[0] != 3 {
		t.Errorf("TENSORS: %+v", a)
	}
	if a := n.Attrs["then_branch"]; a.Kind != graph.AttrGraph || len(a.Graphs) != 1 || len(a.Graphs[0].Nodes) != 1 || a.Graphs[0].Nodes[0].Op != "Identity" {
		t.Errorf("GRAPH: %+v", a)
	}
	if a := n.Attrs["bodies"]; a.Kind != graph.AttrGraphs || len(a.Graphs) != 2 {
		t.Errorf("GRAPHS: %+v", a)
	}
	if a := n.Attrs["sp"]; a.Kind != graph.AttrOther || a.Other != "SPARSE_TENSOR" {
		t.Errorf("SPARSE_TENSOR: %+v", a)
	}
	if a := n.Attrs["tp"]; a.Kind != graph.AttrOther || a.Other != "TYPE_PROTO" {
		t.Errorf("TYPE_PROTO: %+v", a)
	}
	m.Graph.Node[0].Attribute = append(attrs, &onnxpb.AttributeProto{Name: proto.String("bad"), Type: ty(77)})
	raw, _ = proto.Marshal(m)
	if _, err := onnx.Decode(raw); !errors.Is(err, onnx.ErrMalformed) || !strings.Contains(err.Error(), `"bad"`) || !strings.Contains(err.Error(), "r (Relu)") {
		t.Errorf("attribute type 77: %v, want ErrMalformed naming node and attribute", err)
	}
	// subgraphs nested past the limit are refused, not followed down the stack
	deep := sub
	for range 40 {
		deep = &onnxpb.GraphProto{Node: []*onnxpb.NodeProto{{OpType: proto.String("If"), Output: []string{"o"}, Attribute: []*onnxpb.AttributeProto{{Name: proto.String("then_branch"), Type: ty(onnxpb.AttributeProto_GRAPH), G: deep}}}}}
	}
	m.Graph.Node[0].Attribute = []*onnxpb.AttributeProto{{Name: proto.String("then_branch"), Type: ty(onnxpb.AttributeProto_GRAPH), G: deep}}
	raw, _ = proto.Marshal(m)
	if _, err := onnx.Decode(raw); !errors.Is(err, onnx.ErrMalformed) || !strings.Contains(err.Error(), "nested") {
		t.Errorf("deep subgraphs: %v, want ErrMalformed", err)
	}
}
