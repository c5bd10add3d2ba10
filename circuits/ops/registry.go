package ops

import (
	"fmt"
	"sort"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/tensor"
)

// FloatFunc evaluates a node on float tensors. It is the float reference of the
// operator and also does shape inference and constant folding.
type FloatFunc func(n *graph.Node, in []*tensor.T) ([]*tensor.T, error)

// LowerFunc turns a node into integer layers, choosing output scales from the
// calibration statistics in b.
type LowerFunc func(n *graph.Node, b *Builder) error

// Spec is one registered operator.
type Spec struct {
	Float FloatFunc
	Lower LowerFunc
	// FusesRelu says that Lower honours the "_relu" attribute, so a following
	// Relu folds into this node's rescale.
	FusesRelu bool
}

var registry = map[string]*Spec{}

// Register adds an operator; domain "" is the default ONNX domain.
func Register(op string, s *Spec) {
	if _, dup := registry[op]; dup {
		panic("ops: " + op + " registered twice")
	}
	registry[op] = s
}

// Lookup returns the spec of a node's operator.
func Lookup(n *graph.Node) (*Spec, error) {
	key := n.Op
	if n.Domain != "" && n.Domain != "ai.onnx" {
		key = n.Domain + "." + n.Op
	}
	s, ok := registry[key]
	if !ok {
		return nil, &UnsupportedError{Node: n.Label(), Op: key}
	}
	return s, nil
}

// Supported lists the registered operators, sorted.
func Supported() []string {
	var out []string
	for k := range registry {
		if len(k) < 5 || k[:5] != "zkml." {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// UnsupportedError names a node whose operator has no circuit.
type UnsupportedError struct {
	Node string
	Op   string
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("node %s: operator %q is not supported; supported operators: %v", e.Node, e.Op, Supported())
}

// NodeError wraps an error with the node it happened at.
type NodeError struct {
	Node string
	Err  error
}

func (e *NodeError) Error() string { return fmt.Sprintf("node %s: %v", e.Node, e.Err) }
func (e *NodeError) Unwrap() error { return e.Err }

func nodeErr(n *graph.Node, format string, args ...any) error {
	return &NodeError{Node: n.Label(), Err: fmt.Errorf(format, args...)}
}
