package main

import (
	"fmt"
	"io"
)

func runModel(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "push" && args[0] != "list") {
		return fmt.Errorf("usage: zkml model push --coordinator ADDR --artifacts DIR | zkml model list --coordinator ADDR")
	}
	fs := newFlags("model "+args[0], stderr)
	var cf clientFlags
	if args[0] == "push" {
		cf.registerAs(fs, "model owner", "ZKML_OWNER_TOKEN")
	} else {
		cf.register(fs)
	}
	dir := fs.String("artifacts", "", "directory written by zkml compile (push)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	need := []string{"coordinator"}
	if args[0] == "push" {
		need = append(need, "artifacts")
	}
	if err := required(fs, need...); err != nil {
		return err
	}
	cl, ctx, done, err := cf.dial()
	if err != nil {
		return err
	}
	defer done()
	if args[0] == "list" {
		ms, err := cl.ListModels(ctx)
		if err != nil {
			return err
		}
		for _, m := range ms {
			printModel(stdout, m.ModelId, m.CircuitId, m.Constraints, m.ProveMemoryBytes)
		}
		return nil
	}
	m, err := cl.PushModel(ctx, *dir)
	if err != nil {
		return err
	}
	printModel(stderr, m.ModelId, m.CircuitId, m.Constraints, m.ProveMemoryBytes)
	fmt.Fprintln(stdout, m.ModelId)
	return nil
}

func printModel(w io.Writer, id, circuit string, constraints, mem int64) {
	fmt.Fprintf(w, "model %s: circuit %s, %d constraints, proving memory estimate %d MiB\n", id, circuit, constraints, mem>>20)
}
