// Package devmodel compiles the shared dev models for tests and fuzz
// targets: import network.onnx, calibrate on input.json, compile with the
// development setup.
package devmodel

import (
	"path/filepath"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
)

// Compile compiles the model in src (a folder holding network.onnx and
// input.json) into out, and returns its input.
func Compile(src, out string) ([][]float64, error) {
	return CompileWith(src, out, model.CompileOptions{})
}

// CompileWith is Compile with compile options (--hash-input, ...).
func CompileWith(src, out string, o model.CompileOptions) ([][]float64, error) {
	g, err := onnx.Load(filepath.Join(src, "network.onnx"))
	if err != nil {
		return nil, err
	}
	in, err := model.ReadInput(filepath.Join(src, "input.json"))
	if err != nil {
		return nil, err
	}
	sample := make([]*tensor.T, len(g.Inputs))
	for i, v := range g.Inputs {
		sample[i] = &tensor.T{Shape: v.Shape, Data: in[i]}
	}
	q, err := model.Quantize(g, [][]*tensor.T{sample}, ops.Defaults)
	if err != nil {
		return nil, err
	}
	if _, err := model.Compile(q, out, o); err != nil {
		return nil, err
	}
	return in, nil
}
