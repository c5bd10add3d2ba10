// Package tensor holds the dense float tensors of the ONNX graph and the shape
// arithmetic (strides, broadcasting) shared by the float evaluator, the integer
// reference engine and the circuit.
package tensor

import (
	"fmt"
	"math"
)

// Shape is a static tensor shape; symbolic dimensions are resolved to 1 on import.
type Shape []int

// MaxElements bounds the elements of any one tensor (2^26, 512 MiB as
// float64), far above what a provable model holds: a broken or hostile model
// that declares more gets an error, not an exhausted memory.
const MaxElements = 1 << 26

// CheckSize returns the number of elements of the shape, or an error if a
// dimension is negative or the count exceeds MaxElements (computed without
// overflow).
func (s Shape) CheckSize() (int, error) {
	n := 1
	for _, d := range s {
		if d < 0 {
			return 0, fmt.Errorf("shape %v has a negative dimension", s)
		}
		if d > 0 && n > MaxElements/d {
			return 0, fmt.Errorf("shape %v has more than %d elements", s, MaxElements)
		}
		n *= d
	}
	return n, nil
}

// Size is the number of elements of the shape.
func (s Shape) Size() int {
	n := 1
	for _, d := range s {
		n *= d
	}
	return n
}

// Strides returns the row-major strides of the shape.
func (s Shape) Strides() []int {
	st := make([]int, len(s))
	acc := 1
	for i := len(s) - 1; i >= 0; i-- {
		st[i] = acc
		acc *= s[i]
	}
	return st
}

// Equal reports whether two shapes are identical.
func (s Shape) Equal(o Shape) bool {
	if len(s) != len(o) {
		return false
	}
	for i := range s {
		if s[i] != o[i] {
			return false
		}
	}
	return true
}

// Clone returns a copy of the shape.
func (s Shape) Clone() Shape { return append(Shape(nil), s...) }

func (s Shape) String() string { return fmt.Sprint([]int(s)) }

// T is a dense row-major tensor of float64 values. Integer tensors of the ONNX
// graph (shapes, indices) are held as floats too; they are small and exact.
type T struct {
	Shape Shape
	Data  []float64
	// DType is the ONNX element type of an imported constant (0 when unknown
	// or computed); quantized operators read it from zero points.
	DType int
}

// New returns a zero tensor of the given shape.
// It panics on a shape CheckSize refuses (the float evaluator turns that into
// an error naming the node).
func New(shape Shape) *T {
	n, err := shape.CheckSize()
	if err != nil {
		panic("tensor: " + err.Error())
	}
	return &T{Shape: shape.Clone(), Data: make([]float64, n)}
}

// FromData wraps data with a shape, checking the element count.
func FromData(shape Shape, data []float64) (*T, error) {
	if shape.Size() != len(data) {
		return nil, fmt.Errorf("shape %v needs %d values, have %d", shape, shape.Size(), len(data))
	}
	return &T{Shape: shape.Clone(), Data: data}, nil
}

// Scalar returns a rank-0 tensor.
func Scalar(v float64) *T { return &T{Shape: Shape{}, Data: []float64{v}} }

// Ints returns the values as ints (for shape and index tensors). Values
// beyond the int range (INT64_MAX as "to the end" in Slice) saturate.
func (t *T) Ints() []int {
	out := make([]int, len(t.Data))
	for i, v := range t.Data {
		switch {
		case v >= math.MaxInt64:
			out[i] = math.MaxInt64
		case v <= math.MinInt64:
			out[i] = math.MinInt64
		default:
			out[i] = int(v)
		}
	}
	return out
}

// MaxAbs is the largest magnitude in the tensor.
func (t *T) MaxAbs() float64 {
	m := 0.0
	for _, v := range t.Data {
		m = math.Max(m, math.Abs(v))
	}
	return m
}

// Min is the smallest value in the tensor (0 for an empty tensor).
func (t *T) Min() float64 {
	if len(t.Data) == 0 {
		return 0
	}
	m := t.Data[0]
	for _, v := range t.Data {
		m = math.Min(m, v)
	}
	return m
}

// BroadcastShape returns the numpy-style broadcast of two shapes.
func BroadcastShape(a, b Shape) (Shape, error) {
	n := max(len(a), len(b))
	out := make(Shape, n)
	for i := 0; i < n; i++ {
		da, db := 1, 1
		if j := len(a) - n + i; j >= 0 {
			da = a[j]
		}
		if j := len(b) - n + i; j >= 0 {
			db = b[j]
		}
		switch {
		case da == db, db == 1:
			out[i] = da
		case da == 1:
			out[i] = db
		default:
			return nil, fmt.Errorf("shapes %v and %v do not broadcast", a, b)
		}
	}
	return out, nil
}

// BroadcastIndex maps every element of out (row-major) to the element of in that
// numpy broadcasting reads. in must broadcast to out.
func BroadcastIndex(in, out Shape) []int {
	idx := make([]int, out.Size())
	ist := in.Strides()
	ost := out.Strides()
	off := len(out) - len(in)
	for j := range idx {
		rem, src := j, 0
		for d := 0; d < len(out); d++ {
			c := rem / ost[d]
			rem %= ost[d]
			if k := d - off; k >= 0 && in[k] != 1 {
				src += c * ist[k]
			}
		}
		idx[j] = src
	}
	return idx
}

// NormAxis resolves a possibly negative axis against a rank.
func NormAxis(axis, rank int) (int, error) {
	if axis < 0 {
		axis += rank
	}
	if axis < 0 || axis >= rank {
		return 0, fmt.Errorf("axis %d out of range for rank %d", axis, rank)
	}
	return axis, nil
}
