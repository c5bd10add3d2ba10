package model

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/constraint"
	"github.com/consensys/gnark/frontend"
	"github.com/consensys/gnark/frontend/cs/r1cs"

	"github.com/zkml/zkml/circuits/gadgets"
	"github.com/zkml/zkml/circuits/ops"
)

// Artifact file names inside a compiled model directory.
const (
	MetaFile    = "model.json"
	ProgramFile = "program.bin"
	CircuitFile = "circuit.r1cs"
	PKFile      = "proving.key"
	VKFile      = "verifying.key"
)

// TensorMeta describes a model input or output in model.json.
type TensorMeta struct {
	Name  string `json:"name"`
	Shape []int  `json:"shape"`
	Frac  int    `json:"frac_bits"`
	Bits  int    `json:"bits"`
	// DType names an exact integer input's element type (uint8, int8, ...):
	// its values are taken as they are, within the type's range. Empty for
	// a fixed-point tensor.
	DType string `json:"dtype,omitempty"`
}

// Meta is model.json.
type Meta struct {
	ModelID        string   `json:"model_id"`
	Source         string   `json:"source,omitempty"`
	SourceSHA256   string   `json:"source_sha256,omitempty"`
	Curve          string   `json:"curve"`
	Backend        string   `json:"backend"`
	GnarkVersion   string   `json:"gnark_version"`
	Constraints    int      `json:"constraints"`
	PublicInputs   []string `json:"public_inputs"`
	OutputEncoding string   `json:"output_encoding"` // "packed" or "poseidon2"
	// InputEncoding is "packed" (the input public input is the packed
	// quantized inputs) or "poseidon2" (their commitment); absent in
	// artifacts compiled before small inputs were packed: "poseidon2".
	InputEncoding string `json:"input_encoding,omitempty"`
	// Commitment names the Poseidon2 construction of the model id and the
	// input and output commitments (gadgets.Scheme); absent in artifacts
	// compiled before it was recorded, which use poseidon2-md-t2.
	Commitment  string `json:"commitment,omitempty"`
	OutputWidth int    `json:"output_width"`
	// InputWidth is the slot width the input commitment packs at; absent
	// in artifacts compiled before integer inputs wider than the
	// activations were packed at their own width.
	InputWidth   int           `json:"input_width,omitempty"`
	Quantization ops.Config    `json:"quantization"`
	Inputs       []TensorMeta  `json:"inputs"`
	Outputs      []TensorMeta  `json:"outputs"`
	Layers       []LayerReport `json:"layers"`
	// Warnings are compile's near-threshold reports (Quantized.Warnings).
	Warnings    []string          `json:"warnings,omitempty"`
	ProveMemory int64             `json:"prove_memory_estimate_bytes"`
	Files       map[string]string `json:"files_sha256"`
	// Weights is "public" (circuit constants) or "private" (a witness
	// committed by the model id; WeightBits and BiasBits are the packing
	// widths). Input is "hashed" (proofs carry only the commitment) or
	// "public" (proofs disclose input_data).
	Weights    string `json:"weights,omitempty"`
	WeightBits int    `json:"weight_bits,omitempty"`
	BiasBits   int    `json:"bias_bits,omitempty"`
	Input      string `json:"input,omitempty"`
	// Setup says how the keys were made: a development setup by whoever
	// compiled the model, or a ceremony (see KeySetup).
	Setup     *Setup `json:"setup,omitempty"`
	CreatedAt string `json:"created_at"`
}

// Stage reports a named step and how long it took.
type Stage func(name string, d time.Duration)

func timed(st Stage, name string, f func() error) error {
	t := time.Now()
	err := f()
	if st != nil && err == nil {
		st(name, time.Since(t))
	}
	return err
}

// GnarkVersion is the gnark module version this binary was built with.
func GnarkVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/consensys/gnark" {
				return d.Version
			}
		}
	}
	return "v0.15.0"
}

// CompileCircuit builds the constraint system of a quantized model and fills
// the per-layer constraint counts of q.Layers.
func CompileCircuit(q *Quantized, hashOutput bool) (constraint.ConstraintSystem, *big.Int, error) {
	return CompileCircuitModes(q, Modes{HashOutput: hashOutput})
}

// hashed is the number of field elements each in-circuit hash of p takes in
// modes m: the packed input, the packed outputs when hashed, the packed
// private weights and biases.
func hashed(p *ops.Program, m Modes) []int {
	packed := func(n, width int) int { s := gadgets.PackSlots(width); return (n + s - 1) / s }
	size := func(ids []int) int {
		n := 0
		for _, id := range ids {
			n += p.Tensors[id].Shape.Size()
		}
		return n
	}
	var out []int
	if m.HashInput {
		out = append(out, packed(size(p.Inputs), InputWidth(p)))
	}
	if m.HashOutput {
		out = append(out, packed(size(p.Outputs), OutputWidth(p)))
	}
	if m.PrivateWeights {
		nw, nb := 0, 0
		ws, bs := ops.Params(p)
		for i := range ws {
			nw += len(ws[i])
		}
		for i := range bs {
			nb += len(bs[i])
		}
		out = append(out, packed(nw, m.WBits)+packed(nb, m.BBits))
	}
	return out
}

// checkPrivate refuses private weights where they would not be private: the
// weights of quantized operators (QGemm, QLinearConv, QLinearMatMul,
// MatMulInteger, ConvInteger) stay circuit constants, and a model without
// dense or convolution weights has nothing for the model id to commit to.
func checkPrivate(p *ops.Program) error {
	for _, l := range p.Layers {
		if q, ok := l.(*ops.QLinear); ok && (q.K != nil || q.Bias != nil) {
			return fmt.Errorf("node %s (%s): --weights private covers the weights of dense and convolution layers; this quantized operator's would stay in the circuit, public (compile with --weights public)", q.Node, q.Op)
		}
	}
	if ws, _ := ops.Params(p); len(ws) == 0 {
		return fmt.Errorf("--weights private: the model has no dense or convolution weights to keep private")
	}
	return nil
}

// CompileCircuitModes is CompileCircuit in the given modes; with private
// weights the model id is PrivateModelID and m's widths are filled in.
func CompileCircuitModes(q *Quantized, m Modes) (constraint.ConstraintSystem, *big.Int, error) {
	m.HashOutput = HashesOutput(q.Prog, m.HashOutput)
	m.HashInput = HashesInput(q.Prog, m.HashInput)
	if m.PrivateWeights {
		if err := checkPrivate(q.Prog); err != nil {
			return nil, nil, err
		}
	}
	if m.PrivateWeights && m.WBits == 0 {
		m.WBits, m.BBits = ops.ParamWidths(q.Prog)
	}
	q.Prog.Hash = gadgets.CheaperScheme(hashed(q.Prog, m)...)
	var id *big.Int
	if m.PrivateWeights {
		id = PrivateModelID(q.Prog, m.WBits, m.BBits)
	} else {
		var err error
		if id, err = ModelID(q.Prog); err != nil {
			return nil, nil, err
		}
	}
	c := NewCircuitModes(q.Prog, id, m)
	n := len(q.Prog.Layers)
	c.costs = make([]rowCost, n+2)
	ccs, err := frontend.Compile(ecc.BN254.ScalarField(), r1cs.NewBuilder, c, frontend.WithCompressThreshold(1<<16))
	if err != nil {
		return nil, nil, fmt.Errorf("building the circuit: %w", err)
	}
	// each row: what it emitted directly plus its share of the deferred
	// range-check work (tables, lookups, the commitment), by bits checked
	direct, bits := 0, 0
	for _, r := range c.costs {
		direct += max(r.direct, 0)
		bits += r.bits
	}
	deferred := ccs.GetNbConstraints() - direct
	rows := make([]int, len(c.costs))
	for i, r := range c.costs {
		rows[i] = max(r.direct, 0)
		if bits > 0 {
			rows[i] += int(float64(deferred) * float64(r.bits) / float64(bits))
		}
	}
	for i := range q.Layers {
		q.Layers[i].Constraints = rows[1+i]
	}
	in := LayerReport{Node: "(input commitment)", Op: "Poseidon2", Constraints: rows[0]}
	if !m.HashInput {
		in.Node, in.Op = "(input packing)", "Pack"
	}
	q.Overhead = []LayerReport{
		in,
		{Node: "(output, job, prover binding)", Op: "Bind", Constraints: rows[n+1]},
	}
	return ccs, id, nil
}

// CompileOptions configure Compile.
type CompileOptions struct {
	HashOutput bool
	// HashInput: the input public input is the inputs' Poseidon2
	// commitment even when they fit in one field element.
	HashInput bool
	// PrivateWeights: weights are a private witness (weights.bin), the model
	// id is their Poseidon2 commitment.
	PrivateWeights bool
	// PublicInput: proofs disclose the input and verify checks its commitment.
	PublicInput bool
	Source      string // path of the ONNX file, recorded in model.json
	Stage       Stage
}

// Compile builds the circuit, runs the Groth16 setup and writes the artifacts
// into dir. It writes into a temporary directory beside dir and renames it at
// the end, so a failed compile leaves nothing half-written; dir must not exist
// or be empty.
func Compile(q *Quantized, dir string, o CompileOptions) (*Meta, error) {
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("output %s exists and is not a directory; choose another --out", dir)
	}
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return nil, fmt.Errorf("output directory %s exists and is not empty; choose another --out or remove it", dir)
	}
	var ccs constraint.ConstraintSystem
	var id *big.Int
	modes := Modes{HashOutput: o.HashOutput, HashInput: o.HashInput, PrivateWeights: o.PrivateWeights}
	if o.PrivateWeights {
		modes.WBits, modes.BBits = ops.ParamWidths(q.Prog)
	}
	if err := timed(o.Stage, "circuit", func() (err error) { ccs, id, err = CompileCircuitModes(q, modes); return }); err != nil {
		return nil, err
	}
	var pk groth16.ProvingKey
	var vk groth16.VerifyingKey
	if err := timed(o.Stage, fmt.Sprintf("setup (%d constraints)", ccs.GetNbConstraints()), func() (err error) {
		pk, vk, err = groth16.Setup(ccs)
		return
	}); err != nil {
		return nil, fmt.Errorf("groth16 setup: %w", err)
	}
	meta := &Meta{
		ModelID:        "0x" + id.Text(16),
		Curve:          "bn254",
		Backend:        "groth16",
		GnarkVersion:   GnarkVersion(),
		Constraints:    ccs.GetNbConstraints(),
		PublicInputs:   PublicInputs,
		OutputEncoding: "packed",
		Commitment:     q.Prog.Hash.String(),
		OutputWidth:    OutputWidth(q.Prog),
		InputWidth:     InputWidth(q.Prog),
		Quantization:   q.Cfg,
		Layers:         append(append([]LayerReport{q.Overhead[0]}, q.Layers...), q.Overhead[1]),
		Warnings:       q.Warnings,
		ProveMemory:    int64(ccs.GetNbConstraints())*1800 + 64<<20,
		Files:          map[string]string{},
		Setup:          &Setup{Kind: SetupDevelopment},
		CreatedAt:      time.Now().UTC().Format(time.RFC3339),
	}
	meta.InputEncoding, meta.OutputEncoding = Encodings(q.Prog, modes)
	meta.Weights, meta.Input = "public", "hashed"
	if o.PrivateWeights {
		meta.Weights, meta.WeightBits, meta.BiasBits = "private", modes.WBits, modes.BBits
	}
	if o.PublicInput {
		meta.Input = "public"
	}
	for _, id := range q.Prog.Inputs {
		meta.Inputs = append(meta.Inputs, tensorMeta(q.Prog.Tensors[id]))
	}
	for _, id := range q.Prog.Outputs {
		meta.Outputs = append(meta.Outputs, tensorMeta(q.Prog.Tensors[id]))
	}
	if o.Source != "" {
		meta.Source = filepath.Base(o.Source)
		if sum, err := FileSHA256(o.Source); err == nil {
			meta.SourceSHA256 = sum
		}
	}

	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, ".zkml-compile-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	err = timed(o.Stage, "write artifacts", func() error {
		writers := []struct {
			name string
			w    func(io.Writer) error
		}{
			{ProgramFile, func(w io.Writer) error { return writeProgram(w, q.Prog, o.PrivateWeights) }},
			{CircuitFile, func(w io.Writer) error { _, err := ccs.WriteTo(w); return err }},
			{PKFile, func(w io.Writer) error { return writeProvingKey(w, pk) }},
			{VKFile, func(w io.Writer) error { _, err := vk.WriteRawTo(w); return err }},
		}
		if o.PrivateWeights {
			writers = append(writers, struct {
				name string
				w    func(io.Writer) error
			}{WeightsFile, func(w io.Writer) error { return writeWeights(w, q.Prog) }})
		}
		for _, f := range writers {
			sum, err := writeFile(filepath.Join(tmp, f.name), f.w)
			if err != nil {
				return fmt.Errorf("writing %s: %w", f.name, err)
			}
			meta.Files[f.name] = sum
		}
		_, err := writeFile(filepath.Join(tmp, MetaFile), func(w io.Writer) error {
			e := json.NewEncoder(w)
			e.SetIndent("", "  ")
			return e.Encode(meta)
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	os.Remove(dir) // an empty directory may stand in the way
	if err := os.Rename(tmp, dir); err != nil {
		return nil, err
	}
	return meta, nil
}

func tensorMeta(t ops.TensorInfo) TensorMeta {
	m := TensorMeta{Name: t.Name, Shape: t.Shape, Frac: t.Frac, Bits: t.Bits}
	if _, _, ok := t.IntRange(); ok {
		m.DType = ops.DTypeName(t.DType)
	}
	return m
}

// Encodings are model.json's input_encoding and output_encoding of p
// compiled in modes m: "packed" where the values fit in one field element
// and m does not force a hash, else "poseidon2".
func Encodings(p *ops.Program, m Modes) (input, output string) {
	input, output = "packed", "packed"
	if HashesInput(p, m.HashInput) {
		input = "poseidon2"
	}
	if HashesOutput(p, m.HashOutput) {
		output = "poseidon2"
	}
	return input, output
}

// InputHashed reports whether the input public input is a Poseidon2
// commitment (input_encoding "poseidon2", or absent) rather than the
// packed values.
func (m *Meta) InputHashed() bool { return m.InputEncoding != "packed" }

// OutputHashed reports whether the output public input is a Poseidon2
// commitment rather than the packed values.
func (m *Meta) OutputHashed() bool { return m.OutputEncoding == "poseidon2" }

func writeFile(path string, write func(io.Writer) error) (string, error) {
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	bw := bufio.NewWriterSize(io.MultiWriter(f, h), 1<<20)
	if err := write(bw); err != nil {
		f.Close()
		return "", err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// FileSHA256 is the hex SHA-256 of a file, as model.json records artifact files.
func FileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ErrArtifacts is wrapped by errors about a missing or damaged artifact directory.
var ErrArtifacts = errors.New("bad artifacts")

// Artifacts is a loaded model directory. The proving key and constraint system
// load on demand: verification needs neither.
type Artifacts struct {
	Dir  string
	Meta *Meta
	Prog *ops.Program
	VK   groth16.VerifyingKey
	ID   *big.Int
	// HasWeights: the private weights were loaded (weights.bin).
	HasWeights bool
}

// LoadMeta reads model.json of dir.
func LoadMeta(dir string) (*Meta, error) {
	raw, err := os.ReadFile(filepath.Join(dir, MetaFile))
	if err != nil {
		return nil, fmt.Errorf("%w: %v (is %s a directory written by zkml compile?)", ErrArtifacts, err, dir)
	}
	var m Meta
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrArtifacts, MetaFile, err)
	}
	if m.GnarkVersion != GnarkVersion() {
		return nil, fmt.Errorf("%w: compiled with gnark %s, this binary uses %s; recompile the model", ErrArtifacts, m.GnarkVersion, GnarkVersion())
	}
	return &m, nil
}

// Load reads model.json, the program and the verifying key of dir.
func Load(dir string) (*Artifacts, error) {
	meta, err := LoadMeta(dir)
	if err != nil {
		return nil, err
	}
	a := &Artifacts{Dir: dir, Meta: meta}
	id, ok := new(big.Int).SetString(trim0x(meta.ModelID), 16)
	if !ok {
		return nil, fmt.Errorf("%w: model_id %q is not hex", ErrArtifacts, meta.ModelID)
	}
	a.ID = id
	if err := readChecked(dir, meta, ProgramFile, func(r io.Reader) error {
		a.Prog = new(ops.Program)
		return gob.NewDecoder(r).Decode(a.Prog)
	}); err != nil {
		return nil, err
	}
	if !a.Prog.Hash.Known() {
		return nil, fmt.Errorf("%w: %s: unknown commitment construction %s (written by a newer zkml?)", ErrArtifacts, ProgramFile, a.Prog.Hash)
	}
	if c := meta.Commitment; c != "" && c != a.Prog.Hash.String() {
		return nil, fmt.Errorf("%w: %s says commitment %s, %s holds %s (mixed or edited artifacts: recompile the model)", ErrArtifacts, MetaFile, c, ProgramFile, a.Prog.Hash)
	}
	if w := InputWidth(a.Prog); w != a.Prog.ActBits && meta.InputWidth != w {
		return nil, fmt.Errorf("%w: an integer input is %d bits wide, but %s records its commitment packed at %d bits (compiled by an earlier zkml, whose commitment let two inputs collide): recompile the model", ErrArtifacts, w, MetaFile, max(meta.InputWidth, a.Prog.ActBits))
	}
	if packed := !HashesInput(a.Prog, false); meta.InputEncoding == "packed" && !packed {
		return nil, fmt.Errorf("%w: %s says input_encoding packed, but %s's inputs take more than one field element", ErrArtifacts, MetaFile, ProgramFile)
	}
	if err := loadWeights(dir, a); err != nil {
		return nil, err
	}
	a.VK = groth16.NewVerifyingKey(ecc.BN254)
	if err := readChecked(dir, meta, VKFile, func(r io.Reader) error {
		raw, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		if err := checkVKLayout(raw); err != nil {
			return err
		}
		_, err = a.VK.UnsafeReadFrom(bytes.NewReader(raw))
		return err
	}); err != nil {
		return nil, err
	}
	return a, nil
}

// LoadCircuit reads the constraint system (registering the hints it needs).
func (a *Artifacts) LoadCircuit() (constraint.ConstraintSystem, error) {
	gadgets.RegisterHints()
	ccs := groth16.NewCS(ecc.BN254)
	if err := readFile(filepath.Join(a.Dir, CircuitFile), func(r io.Reader) error {
		_, err := ccs.ReadFrom(r)
		return err
	}); err != nil {
		return nil, err
	}
	return ccs, nil
}

// LoadProvingKey fills pk (of the type the prover wants: gnark's CPU key or
// an ICICLE key) from the key file: a trusted local file, read without point
// checks as a memory copy (see writeProvingKey), so loading takes a fraction
// of proving.
func (a *Artifacts) LoadProvingKey(pk groth16.ProvingKey) error {
	path := filepath.Join(a.Dir, PKFile)
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrArtifacts, err)
	}
	return readFile(path, func(r io.Reader) error { return readProvingKey(r, st.Size(), pk) })
}

func readFile(path string, read func(io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrArtifacts, err)
	}
	defer f.Close()
	return decode(filepath.Base(path), bufio.NewReaderSize(f, 1<<20), read)
}

// readChecked reads a small artifact whole, checks it against the SHA-256
// that model.json records for it (when it records one) and decodes it: a
// damaged or swapped file is named, never decoded into a program that
// panics later.
func readChecked(dir string, meta *Meta, name string, read func(io.Reader) error) error {
	raw, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrArtifacts, err)
	}
	if want := meta.Files[name]; want != "" {
		if sum := sha256.Sum256(raw); hex.EncodeToString(sum[:]) != want {
			return fmt.Errorf("%w: %s is damaged or was replaced (its SHA-256 is not the one %s records): restore it or recompile the model", ErrArtifacts, name, MetaFile)
		}
	}
	return decode(name, bytes.NewReader(raw), read)
}

// decode runs read on an artifact, turning a decoder's error or panic into
// an error that names the file.
func decode(name string, r io.Reader, read func(io.Reader) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %s is damaged (%v): restore it or recompile the model", ErrArtifacts, name, p)
		}
	}()
	if err := read(r); err != nil {
		return fmt.Errorf("%w: reading %s: %v", ErrArtifacts, name, err)
	}
	return nil
}

func trim0x(s string) string {
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		return s[2:]
	}
	return s
}
