package model_test

import (
	"math"
	"math/big"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/constraint/solver"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"
	"google.golang.org/protobuf/proto"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/onnx/onnxpb"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
	"github.com/zkml/zkml/prover"
)

// A DynamicQuantizeLinear model (--bits 26) whose input range is
// R = 255*2^17-1 accepted two public outputs for the same input, the integer
// reference's and one with another y_scale, until the float32 quotient's
// shift was pinned to the smallest (gadgets.F32Quotient).
func TestDynQuantOneScale(t *testing.T) {
	gadgets.RegisterHints()
	vi := func(name string, dims ...int64) *onnxpb.ValueInfoProto {
		s := &onnxpb.TensorShapeProto{}
		for _, d := range dims {
			s.Dim = append(s.Dim, &onnxpb.TensorShapeProto_Dimension{Value: &onnxpb.TensorShapeProto_Dimension_DimValue{DimValue: d}})
		}
		return &onnxpb.ValueInfoProto{Name: proto.String(name), Type: &onnxpb.TypeProto{Value: &onnxpb.TypeProto_TensorType{TensorType: &onnxpb.TypeProto_Tensor{ElemType: proto.Int32(1), Shape: s}}}}
	}
	m := &onnxpb.ModelProto{
		OpsetImport: []*onnxpb.OperatorSetIdProto{{Domain: proto.String(""), Version: proto.Int64(13)}},
		Graph: &onnxpb.GraphProto{
			Node:   []*onnxpb.NodeProto{{OpType: proto.String("DynamicQuantizeLinear"), Input: []string{"x"}, Output: []string{"y", "s", "z"}}},
			Input:  []*onnxpb.ValueInfoProto{vi("x", 1, 2)},
			Output: []*onnxpb.ValueInfoProto{vi("y"), vi("s"), vi("z")},
		}}
	raw, _ := proto.Marshal(m)
	g, err := onnx.Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	cfg := ops.Defaults
	cfg.ActBits = 26
	cal := []*tensor.T{{Shape: tensor.Shape{1, 2}, Data: []float64{200, 0}}}
	q, err := model.Quantize(g, [][]*tensor.T{cal}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	p := q.Prog
	F := p.Tensors[p.Inputs[0]].Frac
	const R = 255<<17 - 1
	in := [][]float64{{math.Ldexp(R, -F), 0}}
	id, _ := model.ModelID(p)
	a := &model.Artifacts{Prog: p, ID: id, Meta: &model.Meta{}}
	a.Meta.InputEncoding, a.Meta.OutputEncoding = model.Encodings(p, model.Modes{})
	hashed := model.HashesOutput(p, false)
	w, err := prover.Solve(a, prover.Request{Inputs: in, JobID: big.NewInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("F=%d honest outputs y=%v y_scale=%v zp=%v", F, w.Outputs[0], w.Outputs[1], w.Outputs[2])

	// the alternative: every tensor after the f32 step recomputed from (2^24-1, 2^7)
	vals, err := p.Run(w.Input)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range p.Layers {
		b := l.Base()
		if dq, ok := l.(*ops.DynQuant); ok && dq.Mode == "f32" {
			t.Logf("reference f32 = %v", vals[b.Out])
			vals[b.Out] = []int64{1<<24 - 1, 1 << 7, 0}
			continue
		}
		if dq, ok := l.(*ops.DynQuant); ok && dq.Mode != "range" {
			ins := make([][]int64, len(b.In))
			for i, id := range b.In {
				ins[i] = vals[id]
			}
			if vals[b.Out], err = l.Eval(ins); err != nil {
				t.Fatal(err)
			}
		}
	}
	var alt [][]int64
	for _, id := range p.Outputs {
		alt = append(alt, vals[id])
	}
	t.Logf("alternative outputs y=%v y_scale=%v zp=%v", alt[0], alt[1], alt[2])

	field := ecc.BN254.ScalarField()
	ccs, err := frontend.Compile(field, r1cs.NewBuilder, model.NewCircuit(p, id, hashed))
	if err != nil {
		t.Fatal(err)
	}
	hw, _ := frontend.NewWitness(w.Full, field)
	if err := ccs.IsSolved(hw, p.SolverOptions()...); err != nil {
		t.Fatalf("honest witness rejected: %v", err)
	}
	bad := *w.Full.(*model.Circuit)
	bad.Output = model.OutputValue(p, alt, hashed)
	evil := func(mod *big.Int, in, out []*big.Int) error {
		if err := gadgets.F32ShiftHint(mod, in, out); err != nil {
			return err
		}
		out[0].Add(out[0], big.NewInt(1))
		return nil
	}
	bw, _ := frontend.NewWitness(&bad, field)
	opts := append(p.SolverOptions(), solver.OverrideHint(solver.GetHintID(gadgets.F32ShiftHint), evil))
	if err := ccs.IsSolved(bw, opts...); err == nil {
		t.Errorf("a second output (y_scale %v instead of %v) is accepted for the same input", alt[1], w.Outputs[1])
	}
}
