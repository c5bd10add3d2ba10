package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/client"
)

func runSubmit(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("submit", stderr)
	var cf clientFlags
	cf.register(fs)
	modelID := fs.String("model", "", "model id printed by zkml model push")
	input := fs.String("input", "", "input file: {\"input_data\": [[...]]}")
	key := fs.String("key", "", "idempotency key: submitting again with it returns the same job")
	addr := fs.String("prover", "", "0x address bound into the proof (default 0)")
	chainJob := fs.String("chain-job", "", "deliver the input of this registry job (zkml chain request printed its id) to a coordinator in chain mode; --model may be left out")
	wait := fs.Bool("wait", false, "wait for the proof")
	out := fs.String("out", "", "with --wait: write proof.json here")
	if err := fs.Parse(args); err != nil {
		return err
	}
	need := []string{"coordinator", "input"}
	if *chainJob == "" {
		need = append(need, "model")
	}
	if err := required(fs, need...); err != nil {
		return err
	}
	if *out != "" && !*wait {
		return errors.New("--out needs --wait")
	}
	raw, err := os.ReadFile(*input)
	if err != nil {
		return err
	}
	cl, ctx, done, err := cf.dial()
	if err != nil {
		return err
	}
	defer done()
	j, err := cl.Submit(ctx, client.Job{Model: *modelID, Input: raw, Key: *key, Prover: *addr, ChainJob: *chainJob})
	if err != nil {
		return err
	}
	if *wait {
		if err := waitAndFetch(cl, ctx, j.JobId, *out, stderr); err != nil {
			return err
		}
	}
	fmt.Fprintln(stdout, j.JobId)
	return nil
}

// waitAndFetch watches a job to its end and writes its proof to out (if set).
func waitAndFetch(cl *client.Client, ctx context.Context, id, out string, stderr io.Writer) error {
	j, err := cl.Wait(ctx, id, func(j *api.Job) {
		fmt.Fprintf(stderr, "job %s: %s %s (attempt %d)\n", id, client.StateName(j.State), j.Progress, j.Attempts)
	})
	if err != nil {
		return err
	}
	if j.State != api.JobState_JOB_STATE_DONE {
		return fmt.Errorf("job %s %s: %s", id, client.StateName(j.State), j.Error)
	}
	if out == "" {
		return nil
	}
	p, err := cl.Proof(ctx, id)
	if err != nil {
		return err
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, p, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "proof of job %s written to %s (verified by the coordinator)\n", id, out)
	return nil
}
