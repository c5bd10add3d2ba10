package main

import (
	"fmt"
	"io"
	"math/big"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/verifier"
)

func runCommit(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("commit", stderr)
	dir := fs.String("artifacts", "", "directory written by zkml compile (only model.json is read)")
	input := fs.String("input", "", "input file (input.json format)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "artifacts", "input"); err != nil {
		return err
	}
	v, meta, err := inputValue(*dir, *input)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "input %s: %s\n", meta.InputEncoding, encodingNote(meta))
	fmt.Fprintln(stdout, verifier.Hex(v))
	return nil
}

// inputValue is the input public input of the input file for the model in
// dir, from its model.json alone (docs/commitments.md).
func inputValue(dir, input string) (*big.Int, *model.Meta, error) {
	meta, err := model.LoadMeta(dir)
	if err != nil {
		return nil, nil, err
	}
	in, err := model.ReadInput(input)
	if err != nil {
		return nil, nil, err
	}
	v, err := meta.InputValue(in)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", input, err)
	}
	return v, meta, nil
}

func encodingNote(m *model.Meta) string {
	if m.InputHashed() {
		return "the Poseidon2 commitment (" + m.Commitment + ") of the packed quantized input"
	}
	return "the packed quantized input itself (it rides on chain)"
}
