// Command zkml compiles ONNX models into Groth16 circuits, proves inferences
// and verifies proofs. Run `zkml help` for the subcommands.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"time"

	"github.com/consensys/gnark/logger"
)

// Exit codes.
const (
	exitOK       = 0
	exitRejected = 1 // a proof that does not verify
	exitBadInput = 2 // usage errors, malformed or out-of-range input
)

type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) error
}

var commands = map[string]command{
	"inspect":    {"list a model's operators, shapes and per-layer constraint estimate", runInspect},
	"ops":        {"list the supported ONNX operators, one per line (domain-qualified outside the default domain)", runOps},
	"compile":    {"quantize a model, build its circuit and run the Groth16 setup", runCompile},
	"prove":      {"prove one inference from an input file", runProve},
	"verify":     {"verify a proof file against compiled artifacts", runVerify},
	"commit":     {"print an input's input public input (what a job is escrowed for) from model.json", runCommit},
	"serve":      {"run a proving farm coordinator (gRPC)", runServe},
	"worker":     {"run a proving farm worker for a coordinator", runWorker},
	"gpu-prover": {"(a worker starts it) prove on the GPU for a worker, over stdin and stdout", runGPUProver},
	"model":      {"push compiled artifacts to a coordinator (model push), or list them", runModel},
	"submit":     {"submit a proving job to a coordinator; prints the job id", runSubmit},
	"status":     {"show a farm job's state", runStatus},
	"fetch":      {"fetch a farm job's proof (optionally waiting for it)", runFetch},
	"setup":      {"run a multi-party setup ceremony for a model's keys (phase 1 and 2)", runSetup},
	"ceremony":   {"take part in a setup ceremony hosted by a coordinator (open, contribute, status, finalize, fetch)", runCeremony},
	"chain":      {"the market on a chain: dev (an embedded chain), deploy, register, request, job, refund, withdraw, calldata, model", runChain},
	"demo":       {"the whole market flow on a chain: register, escrow, prove, verify on chain, pay", runDemo},
}

func main() {
	logger.Disable() // gnark logs every solve and prove; stages are reported instead
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stderr)
		if len(args) == 0 {
			return exitBadInput
		}
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "zkml: unknown command %q\n\n", args[0])
		usage(stderr)
		return exitBadInput
	}
	err := cmd.run(args[1:], stdout, stderr)
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	var rej rejected
	if errors.As(err, &rej) {
		fmt.Fprintf(stderr, "zkml %s: INVALID: %v\n", args[0], rej.err)
		return exitRejected
	}
	fmt.Fprintf(stderr, "zkml %s: %v\n", args[0], err)
	return exitBadInput
}

// rejected marks a verification failure (exit 1) as opposed to bad input (exit 2).
type rejected struct{ err error }

func (r rejected) Error() string { return r.err.Error() }

func usage(w io.Writer) {
	fmt.Fprintln(w, "zkml: zero-knowledge proofs of ONNX model inference (Groth16, BN254)")
	fmt.Fprintln(w, "\nusage: zkml <command> [flags]\n\ncommands:")
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun `zkml <command> -h` for a command's flags.")
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("zkml "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// required reports the first empty flag among names.
func required(fs *flag.FlagSet, names ...string) error {
	for _, n := range names {
		if f := fs.Lookup(n); f != nil && f.Value.String() == "" {
			return fmt.Errorf("--%s is required", n)
		}
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	return nil
}

// stager prints each stage and its duration to w.
func stager(w io.Writer, cmd string) func(string, time.Duration) {
	return func(name string, d time.Duration) {
		fmt.Fprintf(w, "[%s] %-34s %8.2fs\n", cmd, name, d.Seconds())
	}
}

// timeStage runs f and reports it as a stage.
func timeStage(st func(string, time.Duration), name string, f func() error) error {
	t := time.Now()
	if err := f(); err != nil {
		return err
	}
	st(name, time.Since(t))
	return nil
}
