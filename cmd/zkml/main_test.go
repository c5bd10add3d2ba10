package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"google.golang.org/protobuf/proto"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/onnx/onnxpb"
	"github.com/zkml/zkml/internal/gethtest"
	"github.com/zkml/zkml/verifier"
)

const models = "../../../shared/models/dev"

var heavy = os.Getenv("ZKML_HEAVY") != ""

// zkml runs the CLI in-process and returns its exit code and output.
func zkml(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String() + errb.String()
}

// reference returns the float reference output of an input file.
func reference(t *testing.T, dir, input string) [][]float64 {
	path := filepath.Join(dir, input)
	if input == "input.json" {
		if _, err := os.Stat(filepath.Join(dir, "ort_output.json")); err == nil {
			path = filepath.Join(dir, "ort_output.json")
		}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		OutputData [][]float64 `json:"output_data"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	return f.OutputData
}

// TestModels compiles, proves and verifies the dev models from the CLI and
// compares each output with the float reference (5% of its largest magnitude,
// same argmax). mnist-8 and idolmodel run with ZKML_HEAVY=1 (minutes of setup).
func TestModels(t *testing.T) {
	names := []string{"1l_mlp", "sklearn_mlp", "accuracy", "mnist_mlp_bn", "3l_relu_conv_fc", "ltsf"}
	if testing.Short() {
		names = names[:2]
	}
	if heavy {
		names = append(names, "mnist-8", "idolmodel")
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(models, name)
			art := filepath.Join(t.TempDir(), "artifacts")
			if code, out := zkml(t, "compile", "--model", filepath.Join(dir, "network.onnx"), "--out", art); code != 0 {
				t.Fatalf("compile: exit %d\n%s", code, out)
			}
			inputs, _ := filepath.Glob(filepath.Join(dir, "input*.json"))
			for _, in := range inputs {
				proveMatches(t, art, dir, in, "--job-id", "0x2a", "--prover", "0x00000000000000000000000000000000000000aa")
			}
		})
	}
}

// proveMatches proves input in with the artifacts in art (extra flags to
// prove), verifies the proof, and requires every output within 5% of the
// reference beside the model in dir (relative to its largest magnitude), with
// the same argmax.
func proveMatches(t *testing.T, art, dir, in string, extra ...string) {
	t.Helper()
	proof := filepath.Join(t.TempDir(), "proof.json")
	if code, out := zkml(t, append([]string{"prove", "--artifacts", art, "--input", in, "--out", proof}, extra...)...); code != 0 {
		t.Fatalf("prove %s: exit %d\n%s", in, code, out)
	}
	if code, out := zkml(t, "verify", "--artifacts", art, "--proof", proof); code != 0 {
		t.Fatalf("verify %s: exit %d\n%s", in, code, out)
	}
	pf, err := verifier.ReadProofFile(proof)
	if err != nil {
		t.Fatal(err)
	}
	ref := reference(t, dir, filepath.Base(in))
	if len(ref) != len(pf.OutputData) {
		t.Fatalf("%d outputs, reference has %d", len(pf.OutputData), len(ref))
	}
	for i := range ref {
		m, worst := 1e-3, 0.0
		for _, v := range ref[i] {
			m = math.Max(m, math.Abs(v))
		}
		for j := range ref[i] {
			worst = math.Max(worst, math.Abs(pf.OutputData[i][j]-ref[i][j])/m)
		}
		t.Logf("%s output %d: max error %.4f of the largest magnitude", filepath.Base(in), i, worst)
		if worst > 0.05 {
			t.Errorf("%s output %d: %v, reference %v: relative error %.3f", filepath.Base(in), i, pf.OutputData[i], ref[i], worst)
		}
		if len(ref[i]) > 1 && argmax(ref[i]) != argmax(pf.OutputData[i]) {
			t.Errorf("%s output %d: argmax %d, reference %d", filepath.Base(in), i, argmax(pf.OutputData[i]), argmax(ref[i]))
		}
	}
}

func argmax(v []float64) int {
	best := 0
	for i := range v {
		if v[i] > v[best] {
			best = i
		}
	}
	return best
}

// TestTamper changes each value a proof file discloses, and the proof bytes;
// verify must exit 1 with a reason every time.
func TestTamper(t *testing.T) {
	dir := filepath.Join(models, "sklearn_mlp")
	art := filepath.Join(t.TempDir(), "a")
	// --hash-input: the input public input is a one-element Poseidon2 hash
	if code, out := zkml(t, "compile", "--model", filepath.Join(dir, "network.onnx"), "--out", art, "--hash-input"); code != 0 {
		t.Fatalf("compile: %s", out)
	}
	proof := filepath.Join(t.TempDir(), "proof.json")
	if code, out := zkml(t, "prove", "--artifacts", art, "--input", filepath.Join(dir, "input.json"), "--out", proof, "--job-id", "7", "--prover", "0x1234"); code != 0 {
		t.Fatalf("prove: %s", out)
	}
	good, err := verifier.ReadProofFile(proof)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]func(p *verifier.ProofFile){
		"output":           func(p *verifier.ProofFile) { p.OutputData[0][0] += 1 },
		"output-small":     func(p *verifier.ProofFile) { p.OutputData[0][1] += math.Ldexp(1, -20) },
		"proof-byte":       func(p *verifier.ProofFile) { p.Proof = flipHex(p.Proof, len(p.Proof)/3) },
		"proof-late-byte":  func(p *verifier.ProofFile) { p.Proof = flipHex(p.Proof, len(p.Proof)-3) },
		"job":              func(p *verifier.ProofFile) { p.JobID = "0x8"; p.PublicInputs[3] = "0x8" },
		"prover":           func(p *verifier.ProofFile) { p.Prover = "0x1235"; p.PublicInputs[4] = "0x1235" },
		"input-commitment": func(p *verifier.ProofFile) { p.InputCommitment = "0x1"; p.PublicInputs[1] = "0x1" },
		"model":            func(p *verifier.ProofFile) { p.ModelID = "0x1"; p.PublicInputs[0] = "0x1" },
		"job-only-file":    func(p *verifier.ProofFile) { p.JobID = "0x8" },
		"output-shapes":    func(p *verifier.ProofFile) { p.OutputShapes = [][]int{{999}} },
		"input-data-added": func(p *verifier.ProofFile) { p.InputData = [][]float64{{1, 2, 3}} },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			raw, _ := json.Marshal(good)
			var p verifier.ProofFile
			json.Unmarshal(raw, &p)
			mutate(&p)
			bad := filepath.Join(t.TempDir(), "bad.json")
			if err := p.Write(bad); err != nil {
				t.Fatal(err)
			}
			code, out := zkml(t, "verify", "--artifacts", art, "--proof", bad)
			if code != exitRejected || !strings.Contains(out, "INVALID") {
				t.Fatalf("tampered %s: exit %d, want %d\n%s", name, code, exitRejected, out)
			}
		})
	}
	if code, out := zkml(t, "verify", "--artifacts", art, "--proof", proof); code != 0 {
		t.Fatalf("untouched proof: exit %d\n%s", code, out)
	}
	// a file that is not JSON, or whose fields have the wrong types, is
	// INVALID like any other bad proof file
	for name, body := range map[string]string{"not-json": "{", "model-id-number": `{"model_id": 5}`} {
		bad := filepath.Join(t.TempDir(), name+".json")
		if err := os.WriteFile(bad, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, out := zkml(t, "verify", "--artifacts", art, "--proof", bad); code != exitRejected || !strings.Contains(out, "INVALID") {
			t.Errorf("%s: exit %d, want %d\n%s", name, code, exitRejected, out)
		}
	}

	// model.json naming another commitment construction than program.bin
	// holds: refused, naming both
	metaPath := filepath.Join(art, model.MetaFile)
	raw, err := os.ReadFile(metaPath)
	if err != nil {
		t.Fatal(err)
	}
	const md, sponge = `"commitment": "poseidon2-md-t2"`, `"commitment": "poseidon2-sponge-t16"`
	if !strings.Contains(string(raw), md) {
		t.Fatalf("sklearn_mlp hashes one element and should commit with poseidon2-md-t2; model.json:\n%s", raw)
	}
	if err := os.WriteFile(metaPath, []byte(strings.Replace(string(raw), md, sponge, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out := zkml(t, "verify", "--artifacts", art, "--proof", proof); code == 0 || !strings.Contains(out, "poseidon2-sponge-t16") || !strings.Contains(out, "poseidon2-md-t2") {
		t.Fatalf("model.json and program.bin disagreeing on the commitment: exit %d\n%s", code, out)
	}

	// a program.bin naming a construction this build does not know: refused
	// at load, not a panic when hashing
	if err := os.WriteFile(metaPath, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := model.Load(art)
	if err != nil {
		t.Fatal(err)
	}
	a.Prog.Hash = 9
	var prog bytes.Buffer
	if err := gob.NewEncoder(&prog).Encode(a.Prog); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(art, model.ProgramFile), prog.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(prog.Bytes()) // as a newer zkml would record it
	if err := os.WriteFile(metaPath, []byte(strings.Replace(string(raw), a.Meta.Files[model.ProgramFile], hex.EncodeToString(sum[:]), 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out := zkml(t, "verify", "--artifacts", art, "--proof", proof); code == 0 || !strings.Contains(out, "unknown commitment construction") || strings.Contains(out, "panic") {
		t.Fatalf("unknown commitment construction: exit %d\n%s", code, out)
	}
}

// A damaged artifact is named, never decoded into a panic: one changed byte
// of program.bin made prove, verify and a farm worker panic.
func TestDamagedArtifacts(t *testing.T) {
	dir := filepath.Join(models, "1l_mlp")
	art := filepath.Join(t.TempDir(), "a")
	if code, out := zkml(t, "compile", "--model", filepath.Join(dir, "network.onnx"), "--out", art); code != 0 {
		t.Fatalf("compile: %s", out)
	}
	proof := filepath.Join(t.TempDir(), "proof.json")
	if code, out := zkml(t, "prove", "--artifacts", art, "--input", filepath.Join(dir, "input.json"), "--out", proof); code != 0 {
		t.Fatalf("prove: %s", out)
	}
	for _, name := range []string{model.ProgramFile, model.VKFile} {
		path := filepath.Join(art, name)
		good, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, at := range []int{21, len(good) / 2, len(good) - 1} {
			bad := append([]byte(nil), good...)
			bad[at] ^= 0x5a
			if err := os.WriteFile(path, bad, 0o644); err != nil {
				t.Fatal(err)
			}
			for _, cmd := range [][]string{
				{"verify", "--artifacts", art, "--proof", proof},
				{"prove", "--artifacts", art, "--input", filepath.Join(dir, "input.json"), "--out", filepath.Join(t.TempDir(), "p.json")},
			} {
				code, out := zkml(t, cmd...)
				if code == 0 || !strings.Contains(out, name) || strings.Contains(out, "panic") {
					t.Errorf("%s with byte %d of %s changed: exit %d\n%s", cmd[0], at, name, code, out)
				}
			}
		}
		if err := os.WriteFile(path, good, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, out := zkml(t, "verify", "--artifacts", art, "--proof", proof); code != 0 {
		t.Fatalf("restored artifacts: exit %d\n%s", code, out)
	}

	// --out naming a file: refused, the file kept
	notes := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(notes, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out := zkml(t, "compile", "--model", filepath.Join(dir, "network.onnx"), "--out", notes); code == 0 || !strings.Contains(out, "not a directory") {
		t.Errorf("compile --out onto a file: exit %d\n%s", code, out)
	}
	if raw, err := os.ReadFile(notes); err != nil || string(raw) != "mine" {
		t.Errorf("the file at --out: %q, %v", raw, err)
	}
}

func flipHex(h string, i int) string {
	c := byte('1')
	if h[i] == '1' {
		c = '2'
	}
	return h[:i] + string(c) + h[i+1:]
}

// TestBadInput: every kind of bad input exits 2 with a message naming it, and
// leaves nothing in the output directory.
func TestBadInput(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(models, "1l_mlp")
	write := func(name, body string) string {
		p := filepath.Join(tmp, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	art := filepath.Join(tmp, "art")
	if code, out := zkml(t, "compile", "--model", filepath.Join(dir, "network.onnx"), "--out", art); code != 0 {
		t.Fatalf("compile: %s", out)
	}
	unsupported := writeModel(t, tmp, "TopK")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unsupported-op", []string{"compile", "--model", unsupported, "--out", filepath.Join(tmp, "o1"), "--calibration", filepath.Join(dir, "input.json")}, `node my_topk (TopK): operator "TopK"`},
		{"inspect-unsupported", []string{"inspect", "--model", unsupported}, "supported operators:"},
		{"malformed-onnx", []string{"compile", "--model", write("bad.onnx", "not a model"), "--out", filepath.Join(tmp, "o2")}, "malformed ONNX"},
		{"missing-flag", []string{"compile", "--model", filepath.Join(dir, "network.onnx")}, "--out is required"},
		{"out-not-empty", []string{"compile", "--model", filepath.Join(dir, "network.onnx"), "--out", art}, "not empty"},
		{"malformed-input", []string{"prove", "--artifacts", art, "--input", write("i1.json", "{"), "--out", filepath.Join(tmp, "p.json")}, "not valid JSON"},
		{"wrong-length", []string{"prove", "--artifacts", art, "--input", write("i2.json", `{"input_data": [[1, 2]]}`), "--out", filepath.Join(tmp, "p.json")}, "has 2 values, shape [1 3] needs 3"},
		{"nan", []string{"prove", "--artifacts", art, "--input", write("i3.json", `{"input_data": [[1, "NaN", 2]]}`), "--out", filepath.Join(tmp, "p.json")}, "input_data[0][1]"},
		{"inf", []string{"prove", "--artifacts", art, "--input", write("i4.json", `{"input_data": [[1, 1e999, 2]]}`), "--out", filepath.Join(tmp, "p.json")}, "not a finite number"},
		{"beyond-range", []string{"prove", "--artifacts", art, "--input", write("i5.json", `{"input_data": [[1, 100000, 2]]}`), "--out", filepath.Join(tmp, "p.json")}, "beyond the calibrated range"},
		{"no-artifacts", []string{"prove", "--artifacts", tmp, "--input", filepath.Join(dir, "input.json"), "--out", filepath.Join(tmp, "p.json")}, "written by zkml compile"},
		{"calibration-too-large", []string{"compile", "--model", filepath.Join(dir, "network.onnx"), "--out", filepath.Join(tmp, "o3"), "--calibration", write("c1.json", `{"input_data": [[1e308, 0, 0]]}`)}, "cannot be represented with 16-bit activations"},
		{"bad-prover", []string{"prove", "--artifacts", art, "--input", filepath.Join(dir, "input.json"), "--out", filepath.Join(tmp, "p.json"), "--prover", "0x" + strings.Repeat("f", 41)}, "20-byte address"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out := zkml(t, c.args...)
			if code != exitBadInput {
				t.Fatalf("exit %d, want %d\n%s", code, exitBadInput, out)
			}
			if !strings.Contains(out, c.want) {
				t.Fatalf("message does not say %q:\n%s", c.want, out)
			}
		})
	}
	for _, d := range []string{"o1", "o2", "o3"} {
		if _, err := os.Stat(filepath.Join(tmp, d)); !os.IsNotExist(err) {
			t.Errorf("failed compile left %s behind", d)
		}
	}
	if _, err := os.Stat(filepath.Join(tmp, "p.json")); !os.IsNotExist(err) {
		t.Error("failed prove left a proof file behind")
	}
	ents, _ := os.ReadDir(tmp)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".zkml-compile-") {
			t.Errorf("temporary directory %s left behind", e.Name())
		}
	}
	// the artifacts that were there are intact
	if code, out := zkml(t, "prove", "--artifacts", art, "--input", filepath.Join(dir, "input.json"), "--out", filepath.Join(tmp, "ok.json")); code != 0 {
		t.Fatalf("artifacts damaged by failed commands: %s", out)
	}
}

// writeModel writes a 1x3 model Relu -> op to dir.
func writeModel(t *testing.T, dir, op string) string {
	t.Helper()
	f := onnxpb.TensorProto_FLOAT
	dim := func(n int64) *onnxpb.TensorShapeProto_Dimension {
		return &onnxpb.TensorShapeProto_Dimension{Value: &onnxpb.TensorShapeProto_Dimension_DimValue{DimValue: n}}
	}
	vi := func(name string) *onnxpb.ValueInfoProto {
		return &onnxpb.ValueInfoProto{Name: proto.String(name), Type: &onnxpb.TypeProto{Value: &onnxpb.TypeProto_TensorType{
			TensorType: &onnxpb.TypeProto_Tensor{ElemType: proto.Int32(int32(f)), Shape: &onnxpb.TensorShapeProto{Dim: []*onnxpb.TensorShapeProto_Dimension{dim(1), dim(3)}}}}}}
	}
	m := &onnxpb.ModelProto{
		IrVersion:   proto.Int64(8),
		OpsetImport: []*onnxpb.OperatorSetIdProto{{Version: proto.Int64(13)}},
		Graph: &onnxpb.GraphProto{
			Name: proto.String("g"),
			Node: []*onnxpb.NodeProto{
				{OpType: proto.String("Relu"), Name: proto.String("r"), Input: []string{"x"}, Output: []string{"h"}},
				{OpType: proto.String(op), Name: proto.String("my_" + strings.ToLower(op)), Input: []string{"h"}, Output: []string{"y"}},
			},
			Input:  []*onnxpb.ValueInfoProto{vi("x")},
			Output: []*onnxpb.ValueInfoProto{vi("y")},
		},
	}
	raw, err := proto.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, op+".onnx")
	if err := os.WriteFile(p, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDemo(t *testing.T) {
	var stdout, stderr strings.Builder
	if code := run([]string{"demo", "--json"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var res demoResult
	if err := json.Unmarshal([]byte(strings.TrimSpace(stdout.String())), &res); err != nil {
		t.Fatalf("last line is not JSON: %v\n%s", err, stdout.String())
	}
	if !res.VerifiedOnchain || res.PaidWei != "9000000000000000" || res.RoyaltyWei != "1000000000000000" || res.JobID != "1" {
		t.Fatalf("demo result %+v", res)
	}
	if res.SettleGas == 0 || res.SettleGas > 400_000 || res.VerifyGas == 0 || res.VerifyGas >= res.SettleGas {
		t.Fatalf("gas: verify %d, settle %d (budget 400k)", res.VerifyGas, res.SettleGas)
	}
	t.Logf("verify_gas=%d settle_gas=%d register_gas=%d", res.VerifyGas, res.SettleGas, res.RegisterGas)
	for _, bad := range [][]string{{"demo", "--rpc", "http://127.0.0.1:1"}, {"demo", "--price", "0"}, {"demo", "--royalty-bps", "10001"}} {
		if code := run(bad, &stdout, &stderr); code != exitBadInput {
			t.Errorf("%v: exit %d, want %d", bad, code, exitBadInput)
		}
	}
}

// TestDemoGeth runs the demo against a real geth --dev over JSON-RPC.
func TestDemoGeth(t *testing.T) {
	if !gethtest.Enabled() {
		t.Skip("set ZKML_GETH=1 to run against geth --dev (.ci/run does)")
	}
	url := gethtest.Start(t)
	var stdout, stderr strings.Builder
	if code := run([]string{"demo", "--json", "--rpc", url, "--key", gethtest.DevKey}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var res demoResult
	if err := json.Unmarshal([]byte(strings.TrimSpace(stdout.String())), &res); err != nil {
		t.Fatalf("last line is not JSON: %v\n%s", err, stdout.String())
	}
	if !res.VerifiedOnchain || res.PaidWei != "9000000000000000" {
		t.Fatalf("demo result %+v", res)
	}
	t.Logf("geth --dev: verify_gas=%d settle_gas=%d", res.VerifyGas, res.SettleGas)
}

// serve refuses settings it cannot run with at start-up, rather than
// starting and failing every request (a negative --max-input-bytes), running
// without what was asked for (an unusable --metrics address) or naming the
// wrong problem (a store URL of another database).
func TestServeFlags(t *testing.T) {
	data := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--max-input-bytes", "-5"}, "--max-input-bytes -5: must be positive"},
		{[]string{"--max-attempts", "0"}, "--max-attempts 0: must be positive"},
		{[]string{"--lease-ttl", "0s"}, "--lease-ttl 0s: must be positive"},
		{[]string{"--metrics", "bogus"}, "--metrics"},
		{[]string{"--store", "mysql://u:secret@h/db"}, "unsupported URL scheme mysql://"},
	} {
		code, out := zkml(t, append([]string{"serve", "--listen", "127.0.0.1:0", "--data", data}, c.args...)...)
		if code == 0 || !strings.Contains(out, c.want) || strings.Contains(out, "secret") {
			t.Errorf("serve %v: exit %d, want an error saying %q\n%s", c.args, code, c.want, out)
		}
	}
}
