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
	if err := verifier.Verify(a, pf); err != nil {
		if errors.Is(err, verifier.ErrProofRejected) || errors.Is(err, verifier.ErrMismatch) || errors.Is(err, verifier.ErrMalformed) {
			return rejected{err}
		}
		return err
	}
	fmt.Fprintf(stdout, "valid: model %s, job %s, prover %s\n", pf.ModelID, pf.JobID, pf.Prover)
	return nil
}
