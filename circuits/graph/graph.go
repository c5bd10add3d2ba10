// Package graph is the in-memory form of an imported model: nodes in topological
// order, constant tensors and static input/output shapes. It knows nothing of
// ONNX's wire format (circuits/onnx) nor of quantization (circuits/model).
package graph

import (
	"fmt"

	"github.com/zkml/zkml/circuits/tensor"
)

// AttrKind says which field of an Attr is set.
type AttrKind int

const (
	AttrInt AttrKind = iota + 1
	AttrFloat
	AttrString
	AttrInts
	AttrFloats
	AttrTensor
	AttrStrings
	AttrTensors
	AttrGraph  // a subgraph (If's branches, Loop's and Scan's body)
	AttrGraphs // a list of subgraphs
	// AttrOther is a valid ONNX attribute this compiler keeps but cannot
	// use (sparse tensors, type protos); Other names its type.
	AttrOther
)

// String names the kind as ONNX does.
func (k AttrKind) String() string {
	switch k {
	case AttrInt:
		return "INT"
	case AttrFloat:
		return "FLOAT"
	case AttrString:
		return "STRING"
	case AttrInts:
		return "INTS"
	case AttrFloats:
		return "FLOATS"
	case AttrTensor:
		return "TENSOR"
	case AttrStrings:
		return "STRINGS"
	case AttrTensors:
		return "TENSORS"
	case AttrGraph:
		return "GRAPH"
	case AttrGraphs:
		return "GRAPHS"
	case AttrOther:
		return "OTHER"
	}
	return fmt.Sprintf("AttrKind(%d)", int(k))
}

// Attr is one node attribute.
type Attr struct {
	Kind   AttrKind
	Int    int64
	Float  float64
	Str    string
	Ints   []int64
	Floats []float64
	Tensor *tensor.T
	// Strings, Tensors and Graphs hold the list kinds (Graphs[0] a GRAPH);
	// Other names an AttrOther's ONNX type.
	Strings []string
	Tensors []*tensor.T
	Graphs  []*Graph
	Other   string
}

// Node is one operator application.
type Node struct {
	Name    string
	Op      string
	Domain  string
	Inputs  []string // "" marks an omitted optional input
	Outputs []string
	Attrs   map[string]Attr
}

// Value names a graph input or output with its static shape.
type Value struct {
	Name  string
	Shape tensor.Shape
	// DType is the ONNX element type (1 float, 3 int8, 2 uint8, ...).
	DType int
}

// Graph is a whole model.
type Graph struct {
	Inputs  []Value
	Outputs []Value
	Nodes   []*Node
	Consts  map[string]*tensor.T
	Opset   int64
}

// Label names the node in error messages: its name, or its op and first output.
func (n *Node) Label() string {
	if n.Name != "" {
		return fmt.Sprintf("%s (%s)", n.Name, n.Op)
	}
	out := ""
	if len(n.Outputs) > 0 {
		out = n.Outputs[0]
	}
	return fmt.Sprintf("%s -> %s", n.Op, out)
}

// Int returns an integer attribute or def.
func (n *Node) Int(name string, def int64) int64 {
	if a, ok := n.Attrs[name]; ok && a.Kind == AttrInt {
		return a.Int
	}
	return def
}

// Float returns a float attribute or def.
func (n *Node) Float(name string, def float64) float64 {
	if a, ok := n.Attrs[name]; ok && a.Kind == AttrFloat {
		return a.Float
	}
	return def
}

// Str returns a string attribute or def.
func (n *Node) Str(name, def string) string {
	if a, ok := n.Attrs[name]; ok && a.Kind == AttrString {
		return a.Str
	}
	return def
}

// Ints returns an integer-list attribute as ints, or def.
func (n *Node) Ints(name string, def []int) []int {
	a, ok := n.Attrs[name]
	if !ok || a.Kind != AttrInts {
		return def
	}
	out := make([]int, len(a.Ints))
	for i, v := range a.Ints {
		out[i] = int(v)
	}
	return out
}

// Floats returns a float-list attribute, or def.
func (n *Node) Floats(name string, def []float64) []float64 {
	a, ok := n.Attrs[name]
	if !ok || a.Kind != AttrFloats {
		return def
	}
	return a.Floats
}

// Strs returns a string-list attribute, or def.
func (n *Node) Strs(name string, def []string) []string {
	a, ok := n.Attrs[name]
	if !ok || a.Kind != AttrStrings {
		return def
	}
	return a.Strings
}

// Has reports whether the attribute is present.
func (n *Node) Has(name string) bool { _, ok := n.Attrs[name]; return ok }

// Input returns the i-th input name, or "" when it is absent.
func (n *Node) Input(i int) string {
	if i < len(n.Inputs) {
		return n.Inputs[i]
	}
	return ""
}

// Consumers counts, for every tensor name, the nodes and graph outputs reading it.
func (g *Graph) Consumers() map[string]int {
	c := map[string]int{}
	for _, n := range g.Nodes {
		for _, in := range n.Inputs {
			if in != "" {
				c[in]++
			}
		}
	}
	for _, o := range g.Outputs {
		c[o.Name]++
	}
	return c
}

// IsOutput reports whether name is a graph output.
func (g *Graph) IsOutput(name string) bool {
	for _, o := range g.Outputs {
		if o.Name == name {
			return true
		}
	}
	return false
}
