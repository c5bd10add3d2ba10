// Package ops is the operator registry. Every supported ONNX operator lives in
// its own file and registers a Spec: its float semantics (used for shape
// inference, constant folding and calibration) and its lowering into an integer
// Layer. A Layer carries both halves of the proof: Eval, the plain-Go integer
// reference that is also the witness generator, and Define, the gadget that
// constrains exactly what Eval computes.
//
// Operators group by how they are proven: linear layers (Gemm, MatMul, Conv,
// pools, BatchNormalization, elementwise arithmetic with constants) end in one
// range-checked rescale that can absorb a following ReLU; nonlinear ones go
// through tables (Sigmoid, Tanh, Exp, Softmax) or comparisons (MaxPool, ReLU
// variants, Clip); shape operators (Reshape, Transpose, Slice, ...) are index
// maps and cost no constraint.
package ops
