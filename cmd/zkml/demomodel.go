package main

import (
	"math"
	"math/rand/v2"

	"google.golang.org/protobuf/proto"

	"github.com/zkml/zkml/circuits/onnx/onnxpb"
)

// The demo's bundled model: a 4-8-3 MLP (Gemm, Relu, Gemm) with weights from
// a fixed seed, and one fixed input. It is built in code, so the demo needs
// no files.
const demoIn, demoHidden, demoOut = 4, 8, 3

var demoInput = [][]float64{{0.5, -1.25, 0.75, 2}}

func demoONNX() ([]byte, error) {
	rng := rand.New(rand.NewPCG(20260101, 7))
	weights := func(name string, dims ...int64) *onnxpb.TensorProto {
		n := int64(1)
		for _, d := range dims {
			n *= d
		}
		data := make([]float32, n)
		for i := range data {
			data[i] = float32(math.Round((rng.Float64()*2-1)*64) / 64)
		}
		return &onnxpb.TensorProto{Name: proto.String(name), Dims: dims, DataType: proto.Int32(int32(onnxpb.TensorProto_FLOAT)), FloatData: data}
	}
	dim := func(n int64) *onnxpb.TensorShapeProto_Dimension {
		return &onnxpb.TensorShapeProto_Dimension{Value: &onnxpb.TensorShapeProto_Dimension_DimValue{DimValue: n}}
	}
	vi := func(name string, n int64) *onnxpb.ValueInfoProto {
		return &onnxpb.ValueInfoProto{Name: proto.String(name), Type: &onnxpb.TypeProto{Value: &onnxpb.TypeProto_TensorType{
			TensorType: &onnxpb.TypeProto_Tensor{ElemType: proto.Int32(int32(onnxpb.TensorProto_FLOAT)), Shape: &onnxpb.TensorShapeProto{Dim: []*onnxpb.TensorShapeProto_Dimension{dim(1), dim(n)}}}}}}
	}
	transB := &onnxpb.AttributeProto{Name: proto.String("transB"), Type: onnxpb.AttributeProto_INT.Enum(), I: proto.Int64(1)}
	m := &onnxpb.ModelProto{
		IrVersion:    proto.Int64(8),
		ProducerName: proto.String("zkml demo"),
		OpsetImport:  []*onnxpb.OperatorSetIdProto{{Version: proto.Int64(13)}},
		Graph: &onnxpb.GraphProto{
			Name: proto.String("demo_mlp"),
			Node: []*onnxpb.NodeProto{
				{OpType: proto.String("Gemm"), Name: proto.String("fc1"), Input: []string{"x", "w1", "b1"}, Output: []string{"h"}, Attribute: []*onnxpb.AttributeProto{transB}},
				{OpType: proto.String("Relu"), Name: proto.String("relu"), Input: []string{"h"}, Output: []string{"hr"}},
				{OpType: proto.String("Gemm"), Name: proto.String("fc2"), Input: []string{"hr", "w2", "b2"}, Output: []string{"y"}, Attribute: []*onnxpb.AttributeProto{transB}},
			},
			Initializer: []*onnxpb.TensorProto{
				weights("w1", demoHidden, demoIn), weights("b1", demoHidden),
				weights("w2", demoOut, demoHidden), weights("b2", demoOut),
			},
			Input:  []*onnxpb.ValueInfoProto{vi("x", demoIn)},
			Output: []*onnxpb.ValueInfoProto{vi("y", demoOut)},
		},
	}
	return proto.Marshal(m)
}
