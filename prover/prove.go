package prover

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"math/big"
	"sync"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
	"github.com/zkml/zkml/verifier"
)

// Request is one inference to prove.
type Request struct {
	Inputs [][]float64
	JobID  *big.Int // reduced mod r; nil means 0
	Prover *big.Int // a 160-bit address; nil means 0
}

// Prover proves inferences of one compiled model. Prove may be called from
// several goroutines at once (each proof takes the whole machine, so the
// worker proves one at a time).
type Prover struct {
	A     *model.Artifacts
	CCS   constraint.ConstraintSystem
	PK    groth16.ProvingKey // of Accel's key type
	Accel Accelerator
	Log   *slog.Logger
	Stats *Stats
	cpuMu sync.Mutex         // guards cpuPK
	cpuPK groth16.ProvingKey // loaded on the first GPU fallback
}

// Option configures Load.
type Option func(*Prover)

// WithAccelerator proves on a (GPU) accelerator, falling back to the CPU for
// any proof it fails.
func WithAccelerator(a Accelerator) Option { return func(p *Prover) { p.Accel = a } }

// WithLogger logs GPU fallbacks to l.
func WithLogger(l *slog.Logger) Option { return func(p *Prover) { p.Log = l } }

// WithStats counts GPU proofs and fallbacks in s.
func WithStats(s *Stats) Option { return func(p *Prover) { p.Stats = s } }

// Load opens the artifacts of dir with their proving key. The model, the
// constraint system and the key are read concurrently.
func Load(dir string, opts ...Option) (*Prover, error) {
	p := &Prover{Accel: CPU{}, Log: discard, Stats: new(Stats)}
	for _, o := range opts {
		o(p)
	}
	if _, err := model.LoadMeta(dir); err != nil {
		return nil, err
	}
	p.PK = p.Accel.NewProvingKey()
	files := &model.Artifacts{Dir: dir}
	var errModel, errCCS, errPK error
	var wg sync.WaitGroup
	wg.Go(func() { p.CCS, errCCS = files.LoadCircuit() })
	wg.Go(func() { errPK = files.LoadProvingKey(p.PK) })
	p.A, errModel = model.Load(dir)
	wg.Wait()
	if err := errors.Join(errModel, errCCS, errPK); err != nil {
		return nil, err
	}
	if err := model.CheckKey(p.CCS, p.PK); err != nil {
		return nil, err
	}
	return p, nil
}

// Close releases accelerator memory held for the proving key.
func (pr *Prover) Close() { pr.Accel.Release(pr.PK) }

// Witness is what proving one request needs besides the keys.
type Witness struct {
	Public  []*big.Int
	Outputs [][]int64
	Input   [][]int64
	Full    frontend.Circuit
}

// Solve quantizes the request's inputs, runs the integer reference engine and
// returns the circuit assignment and public values.
func Solve(a *model.Artifacts, r Request) (*Witness, error) {
	p := a.Prog
	if len(r.Inputs) != len(p.Inputs) {
		return nil, fmt.Errorf("%w: the model has %d inputs, input_data holds %d", model.ErrBadInput, len(p.Inputs), len(r.Inputs))
	}
	ins := make([]*tensor.T, len(r.Inputs))
	for i, v := range r.Inputs {
		ins[i] = &tensor.T{Shape: p.Tensors[p.Inputs[i]].Shape, Data: v}
	}
	q, err := model.QuantizeInputs(p, ins)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", model.ErrBadInput, err)
	}
	vals, err := p.Run(q)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", model.ErrBadInput, err)
	}
	w := &Witness{Input: q}
	for _, id := range p.Outputs {
		w.Outputs = append(w.Outputs, vals[id])
	}
	job, addr := big.NewInt(0), big.NewInt(0)
	if r.JobID != nil {
		job = model.Reduce(r.JobID)
	}
	if r.Prover != nil {
		if r.Prover.Sign() < 0 || r.Prover.BitLen() > model.ProverBits {
			return nil, fmt.Errorf("%w: prover %s is not a 160-bit address", model.ErrBadInput, r.Prover.Text(16))
		}
		addr = r.Prover
	}
	w.Public = []*big.Int{
		a.ID,
		model.InputValue(p, q, a.Meta.InputHashed()),
		model.OutputValue(p, w.Outputs, a.Meta.OutputHashed()),
		job,
		addr,
	}
	x := make([][]frontend.Variable, len(q))
	for i, v := range q {
		x[i] = make([]frontend.Variable, len(v))
		for j, e := range v {
			x[i][j] = e
		}
	}
	full := &model.Circuit{Model: w.Public[0], Input: w.Public[1], Output: w.Public[2], Job: w.Public[3], Prover: w.Public[4], X: x}
	if a.Meta.Weights == "private" {
		if !a.HasWeights {
			return nil, fmt.Errorf("%w: the model's weights are private and %s is missing from the artifacts", model.ErrArtifacts, model.WeightsFile)
		}
		ws, bs := ops.FlatParams(p)
		full.W, full.B = vars(ws), vars(bs)
	}
	w.Full = full
	return w, nil
}

// Prove proves one request on the CPU and returns the proof file, checked
// against the verifying key.
func (pr *Prover) Prove(r Request) (*verifier.ProofFile, error) {
	start := time.Now()
	w, err := Solve(pr.A, r)
	if err != nil {
		return nil, err
	}
	full, err := frontend.NewWitness(w.Full, ecc.BN254.ScalarField())
	if err != nil {
		return nil, err
	}
	proof, err := pr.prove(full)
	if err != nil {
		return nil, fmt.Errorf("proving: %w", err)
	}
	pf, err := pr.File(w, proof)
	if err != nil {
		return nil, err
	}
	pf.ProveSeconds = time.Since(start).Seconds()
	if err := verifier.Verify(pr.A, pf); err != nil {
		return nil, fmt.Errorf("the new proof does not verify against %s: %w (a damaged %s or %s does this: restore them or recompile the model)", model.VKFile, err, model.PKFile, model.CircuitFile)
	}
	return pf, nil
}

// File assembles proof.json for a proof of w.
func (pr *Prover) File(w *Witness, proof groth16.Proof) (*verifier.ProofFile, error) {
	var buf bytes.Buffer
	if _, err := proof.WriteTo(&buf); err != nil {
		return nil, err
	}
	p := pr.A.Prog
	pf := &verifier.ProofFile{
		ModelID:         pr.A.Meta.ModelID,
		Proof:           "0x" + hex.EncodeToString(buf.Bytes()),
		JobID:           verifier.Hex(w.Public[3]),
		Prover:          fmt.Sprintf("0x%040x", w.Public[4]),
		InputCommitment: verifier.Hex(w.Public[1]),
	}
	if pr.A.Meta.Input == "public" {
		for i, id := range p.Inputs {
			s := math.Ldexp(1, -p.Tensors[id].Frac)
			in := make([]float64, len(w.Input[i]))
			for j, q := range w.Input[i] {
				in[j] = float64(q) * s
			}
			pf.InputData = append(pf.InputData, in)
		}
	}
	for _, v := range w.Public {
		pf.PublicInputs = append(pf.PublicInputs, verifier.Hex(v))
	}
	for i, id := range p.Outputs {
		t := p.Tensors[id]
		s := math.Ldexp(1, -t.Frac)
		out := make([]float64, len(w.Outputs[i]))
		for j, q := range w.Outputs[i] {
			out[j] = float64(q) * s
		}
		pf.OutputData = append(pf.OutputData, out)
		pf.OutputShapes = append(pf.OutputShapes, t.Shape)
	}
	return pf, nil
}

// prove runs the accelerator; a GPU failure of any kind falls back to the CPU.
func (pr *Prover) prove(full witness.Witness) (groth16.Proof, error) {
	if _, cpu := pr.Accel.(CPU); cpu {
		return CPU{}.Prove(pr.CCS, pr.PK, full, pr.opts()...)
	}
	proof, err := proveChecked(pr.Accel, pr.A.Dir, pr.CCS, pr.PK, pr.A.VK, full, pr.opts()...)
	if err == nil {
		pr.Stats.GPUProofs.Add(1)
		return proof, nil
	}
	pr.Stats.Fallbacks.Add(1)
	pr.Log.Warn("GPU proof failed; proving on the CPU", "accelerator", pr.Accel.Name(), "model", pr.A.Meta.ModelID, "err", err)
	pk, err := pr.cpuKey()
	if err != nil {
		return nil, err
	}
	return CPU{}.Prove(pr.CCS, pk, full, pr.opts()...)
}

// cpuKey loads the CPU proving key on the first GPU fallback; concurrent
// fallbacks wait for the one load.
func (pr *Prover) cpuKey() (groth16.ProvingKey, error) {
	pr.cpuMu.Lock()
	defer pr.cpuMu.Unlock()
	if _, isolated := pr.Accel.(*Isolated); isolated {
		return pr.PK, nil // the parent's key is the CPU's
	}
	if pr.cpuPK == nil {
		pk := CPU{}.NewProvingKey()
		if err := pr.A.LoadProvingKey(pk); err != nil {
			return nil, err
		}
		pr.cpuPK = pk
	}
	return pr.cpuPK, nil
}

// opts are the per-model options of every proof: the program's hints.
func (pr *Prover) opts() []backend.ProverOption {
	return []backend.ProverOption{backend.WithSolverOptions(pr.A.Prog.SolverOptions()...)}
}

func vars(v []int64) []frontend.Variable {
	out := make([]frontend.Variable, len(v))
	for i, e := range v {
		out[i] = e
	}
	return out
}
