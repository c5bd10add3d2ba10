package main

import (
	"io"
	"os"
)

func runFetch(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("fetch", stderr)
	var cf clientFlags
	cf.register(fs)
	id := fs.String("job", "", "job id printed by zkml submit")
	wait := fs.Bool("wait", false, "wait until the job is done")
	out := fs.String("out", "", "proof file to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "coordinator", "job", "out"); err != nil {
		return err
	}
	cl, ctx, done, err := cf.dial()
	if err != nil {
		return err
	}
	defer done()
	if *wait {
		return waitAndFetch(cl, ctx, *id, *out, stderr)
	}
	p, err := cl.Proof(ctx, *id)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, p, 0o644); err != nil {
		return err
	}
	_, err = io.WriteString(stdout, "proof written to "+*out+"\n")
	return err
}
