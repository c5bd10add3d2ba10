package main

import (
	"fmt"
	"io"

	"github.com/zkml/zkml/circuits/ops"
)

// runOps lists the supported operators, one per line; an operator of
// another domain than the default is domain-qualified
// (com.microsoft.QGemm, ai.onnx.ml.TreeEnsembleClassifier).
func runOps(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("ops", stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs); err != nil {
		return err
	}
	for _, op := range ops.Supported() {
		fmt.Fprintln(stdout, op)
	}
	return nil
}
