package onnx_test

import (
	"errors"
	"path/filepath"
	"testing"

	"google.golang.org/protobuf/proto"

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
	// external data is refused with a clear message
	m.Graph.Initializer[0] = &onnxpb.TensorProto{Name: proto.String("w"), Dims: []int64{1}, DataType: proto.Int32(1), DataLocation: onnxpb.TensorProto_EXTERNAL.Enum()}
	raw, _ = proto.Marshal(m)
	if _, err := onnx.Decode(raw); err == nil || !errors.Is(err, onnx.ErrMalformed) {
		t.Errorf("external data: %v", err)
	}
}
