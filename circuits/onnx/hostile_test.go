package onnx_test

import (
	"errors"
	"strings"
	"testing"

	"google.golang.org/protobuf/proto"

	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/onnx/onnxpb"
	"github.com/zkml/zkml/circuits/ops"
)

// tinyModel is a one-Relu model with the given input dims and, when init is
// not nil, an initializer "w" that declares dims init and holds no data.
func tinyModel(in, init []int64) []byte {
	shape := &onnxpb.TensorShapeProto{}
	for _, d := range in {
		shape.Dim = append(shape.Dim, &onnxpb.TensorShapeProto_Dimension{Value: &onnxpb.TensorShapeProto_Dimension_DimValue{DimValue: d}})
	}
	vi := func(name string, s *onnxpb.TensorShapeProto) *onnxpb.ValueInfoProto {
		return &onnxpb.ValueInfoProto{Name: proto.String(name), Type: &onnxpb.TypeProto{Value: &onnxpb.TypeProto_TensorType{TensorType: &onnxpb.TypeProto_Tensor{ElemType: proto.Int32(1), Shape: s}}}}
	}
	g := &onnxpb.GraphProto{
		Node:   []*onnxpb.NodeProto{{OpType: proto.String("Relu"), Input: []string{"x"}, Output: []string{"y"}}},
		Input:  []*onnxpb.ValueInfoProto{vi("x", shape)},
		Output: []*onnxpb.ValueInfoProto{vi("y", nil)},
	}
	if init != nil {
		g.Initializer = []*onnxpb.TensorProto{{Name: proto.String("w"), Dims: init, DataType: proto.Int32(1)}}
	}
	raw, _ := proto.Marshal(&onnxpb.ModelProto{Graph: g})
	return raw
}

// A model of a few dozen bytes that declares a huge tensor once exhausted
// memory (2^37 elements reserved before the data was checked), panicked
// (2^62 x 2 overflowed to a negative size) or was accepted empty (2^62 x 4
// overflowed to 0). Each is now an error naming the tensor.
func TestHostileShapes(t *testing.T) {
	for _, c := range []struct {
		name     string
		in, init []int64
		where    string
	}{
		{"initializer of 2^37", []int64{1, 3}, []int64{1 << 37}, `initializer "w"`},
		{"initializer of 2^62 x 2", []int64{1, 3}, []int64{1 << 62, 2}, `initializer "w"`},
		{"initializer of 2^62 x 4", []int64{1, 3}, []int64{1 << 62, 4}, `initializer "w"`},
		{"input of 2^20 x 2^20", []int64{1 << 20, 1 << 20}, nil, `input "x"`},
		{"input of 2^62 x 2", []int64{1 << 62, 2}, nil, `input "x"`},
	} {
		_, err := onnx.Decode(tinyModel(c.in, c.init))
		if !errors.Is(err, onnx.ErrMalformed) || !strings.Contains(err.Error(), c.where) || !strings.Contains(err.Error(), "elements") {
			t.Errorf("%s: %v, want ErrMalformed naming %s and the element limit", c.name, err, c.where)
		}
	}
	// a model within the limits still loads and prepares
	g, err := onnx.Decode(tinyModel([]int64{1, 3}, nil))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := ops.Prepare(g); err != nil {
		t.Fatal(err)
	}
}
