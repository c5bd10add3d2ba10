package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/verifier"
)

func runVerify(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("verify", stderr)
	dir := fs.String("artifacts", "", "directory written by zkml compile")
	proof := fs.String("proof", "", "proof file written by zkml prove")
	input := fs.String("input", "", "input file (input.json format): also check that the proof binds this input")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "artifacts", "proof"); err != nil {
		return err
	}
	a, err := model.Load(*dir)
	if err != nil {
		return err
	}
	pf, err := verifier.ReadProofFile(*proof)
	if errors.Is(err, verifier.ErrMalformed) {
		return rejected{err} // a file that is not a proof file proves nothing: INVALID, as any other bad proof
	}
	if err != nil {
		return err
	}
	if *input != "" {
		v, _, err := inputValue(*dir, *input)
		if err != nil {
			return err
		}
		if len(pf.PublicInputs) != len(model.PublicInputs) {
			return rejected{fmt.Errorf("%w: %d public inputs, want %d", verifier.ErrMalformed, len(pf.PublicInputs), len(model.PublicInputs))}
		}
		got, err := verifier.ParseHex(pf.PublicInputs[1])
		if err != nil {
			return rejected{fmt.Errorf("%w: public_inputs[1]: %v", verifier.ErrMalformed, err)}
		}
		if got.Cmp(v) != 0 {
			return rejected{fmt.Errorf("%w: the proof is of input %s; %s is input %s", verifier.ErrMismatch, pf.PublicInputs[1], *input, verifier.Hex(v))}
		}
	}
	if err := verifier.Verify(a, pf); err != nil {
		if errors.Is(err, verifier.ErrProofRejected) || errors.Is(err, verifier.ErrMismatch) || errors.Is(err, verifier.ErrMalformed) {
			return rejected{err}
		}
		return err
	}
	bound := ""
	if *input != "" {
		bound = ", input " + *input
	}
	fmt.Fprintf(stdout, "valid: model %s, job %s, prover %s%s\n", pf.ModelID, pf.JobID, pf.Prover, bound)
	return nil
}
