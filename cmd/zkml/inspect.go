package main

import (
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/ops"
)

func runInspect(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("inspect", stderr)
	modelPath := fs.String("model", "", "ONNX model file")
	var qf quantFlags
	qf.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "model"); err != nil {
		return err
	}
	g, err := onnx.Load(*modelPath)
	if err != nil {
		return err
	}
	describe(stdout, g)
	if err := ops.Check(g); err != nil {
		return err
	}
	samples, _, err := qf.samples(*modelPath, g, false)
	if err != nil {
		return err
	}
	q, err := model.Quantize(g, samples, qf.cfg)
	if err != nil {
		var re *ops.RangeError
		if errors.As(err, &re) {
			return fmt.Errorf("%w (calibration data may be missing: pass --calibration)", err)
		}
		return err
	}
	est, err := model.CheckSize(q.Prog, model.Modes{}, qf.maxConstraints)
	fmt.Fprintf(stdout, "estimated %d constraints, about %.2f GiB to set up and prove (from the program, before building the circuit)\n", est, float64(est)*model.BytesPerConstraint/(1<<30))
	if err != nil {
		return err // the circuit is not built: it would not fit
	}
	ccs, _, err := model.CompileCircuit(q, false)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout)
	printLayers(stdout, append(append([]model.LayerReport{q.Overhead[0]}, q.Layers...), q.Overhead[1]))
	n := float64(ccs.GetNbConstraints())
	fmt.Fprintf(stdout, "total: %d constraints (on 2 cores, as measured in bench/REPORT.md: Groth16 setup ~%.0fs at ~280us and a proof ~%.1fs at ~24us per constraint)\n",
		ccs.GetNbConstraints(), n*2.8e-4, n*2.4e-5)
	return nil
}

func describe(w io.Writer, g *graph.Graph) {
	params := 0
	for _, c := range g.Consts {
		params += len(c.Data)
	}
	fmt.Fprintf(w, "opset %d, %d nodes, %d constant values\n", g.Opset, len(g.Nodes), params)
	for _, in := range g.Inputs {
		fmt.Fprintf(w, "input  %-24s %v\n", in.Name, in.Shape)
	}
	for _, o := range g.Outputs {
		fmt.Fprintf(w, "output %-24s\n", o.Name)
	}
	count := map[string]int{}
	for _, n := range g.Nodes {
		count[n.Op]++
	}
	var names []string
	for k := range count {
		names = append(names, k)
	}
	sort.Strings(names)
	fmt.Fprint(w, "operators:")
	for _, k := range names {
		mark := ""
		if _, err := ops.Lookup(&graph.Node{Op: k}); err != nil {
			mark = " (UNSUPPORTED)"
		}
		fmt.Fprintf(w, " %s x%d%s", k, count[k], mark)
	}
	fmt.Fprintln(w)
}
