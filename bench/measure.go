package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/tensor"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/verifier"
)

// Result is what Measure records for one model.
type Result struct {
	Name        string
	Constraints int
	Layers      []model.LayerReport
	CompileSec  float64 // import, calibration, quantization and circuit build
	SetupSec    float64
	ProveSec    float64 // a whole `zkml prove` process, wall clock
	ProveRSS    int64   // its peak resident set, bytes
	InProcSec   float64 // median in-process prove, keys loaded
	VerifySec   float64 // in-process, keys loaded
	ProofBytes  int
	PKBytes     int64
	VKBytes     int64
	RelError    float64 // of the proved output against the float graph
}

// Quantize imports the model m under the corpus root and quantizes it on the
// input*.json files beside it.
func Quantize(m Model, corpus string) (*model.Quantized, error) {
	dir := m.Path(corpus)
	g, err := onnx.Load(filepath.Join(dir, "network.onnx"))
	if err != nil {
		return nil, err
	}
	files, _ := filepath.Glob(filepath.Join(dir, "input*.json"))
	var samples [][]*tensor.T
	for _, f := range files {
		in, err := model.ReadInput(f)
		if err != nil {
			return nil, err
		}
		var s []*tensor.T
		for i, v := range in {
			if i >= len(g.Inputs) {
				break
			}
			s = append(s, &tensor.T{Shape: g.Inputs[i].Shape, Data: v})
		}
		samples = append(samples, s)
	}
	return model.Quantize(g, samples, m.Config())
}

// Measure compiles the model m into work, proves its input.json with the
// zkml binary at bin (a separate process, so its peak memory is its own) and
// verifies the proof.
func Measure(m Model, corpus, bin, work string) (*Result, error) {
	name, dir := m.Name, m.Path(corpus)
	r := &Result{Name: name}
	art := filepath.Join(work, name)
	os.RemoveAll(art)
	t := time.Now()
	q, err := Quantize(m, corpus)
	if err != nil {
		return nil, err
	}
	var setup time.Duration
	meta, err := model.Compile(q, art, model.CompileOptions{Stage: func(stage string, d time.Duration) {
		if len(stage) >= 5 && stage[:5] == "setup" {
			setup = d
		}
	}})
	if err != nil {
		return nil, err
	}
	r.SetupSec = setup.Seconds()
	r.CompileSec = time.Since(t).Seconds() - r.SetupSec
	r.Constraints, r.Layers = meta.Constraints, meta.Layers
	r.PKBytes = fileSize(filepath.Join(art, model.PKFile))
	r.VKBytes = fileSize(filepath.Join(art, model.VKFile))

	// the median of three processes (a shared machine's timings scatter by
	// 10-20%), and the largest peak RSS of them
	proof := filepath.Join(work, name+".proof.json")
	var runs []float64
	for range 3 {
		cmd := exec.Command(bin, "prove", "--artifacts", art, "--input", filepath.Join(dir, "input.json"), "--out", proof)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		t = time.Now()
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("zkml prove: %v: %s", err, stderr.String())
		}
		runs = append(runs, time.Since(t).Seconds())
		// the process reports its own high-water mark: the rusage of a child
		// started from a large parent counts the parent's pages
		for _, line := range strings.Split(stderr.String(), "\n") {
			var mb int64
			if _, err := fmt.Sscanf(line, "[prove] peak RSS %d MB", &mb); err == nil {
				r.ProveRSS = max(r.ProveRSS, mb<<20)
			}
		}
	}
	r.ProveSec = median(runs)

	if r.InProcSec, err = ProveInProcess(art, dir, 3); err != nil {
		return nil, err
	}
	a, err := model.Load(art)
	if err != nil {
		return nil, err
	}
	pf, err := verifier.ReadProofFile(proof)
	if err != nil {
		return nil, err
	}
	r.ProofBytes = (len(pf.Proof) - 2) / 2
	t = time.Now()
	if err := verifier.Verify(a, pf); err != nil {
		return nil, err
	}
	r.VerifySec = time.Since(t).Seconds()
	for _, l := range meta.Layers {
		r.RelError = max(r.RelError, l.RelError)
	}
	return r, nil
}

func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}

// ProveInProcess loads the artifacts in art once and returns the median time
// of reps proofs of the input.json in modelDir.
func ProveInProcess(art, modelDir string, reps int) (float64, error) {
	p, err := prover.Load(art)
	if err != nil {
		return 0, err
	}
	in, err := model.ReadInput(filepath.Join(modelDir, "input.json"))
	if err != nil {
		return 0, err
	}
	var times []float64
	for i := 0; i < reps; i++ {
		t := time.Now()
		if _, err := p.Prove(prover.Request{Inputs: in}); err != nil {
			return 0, err
		}
		times = append(times, time.Since(t).Seconds())
	}
	return median(times), nil
}
