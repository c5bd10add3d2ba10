package model

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"

	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
	"github.com/zkml/zkml/internal/fuzzcheck"
)

// FuzzParseInput: input.json parses or is refused with a message; never a
// panic or more than 16 MiB plus 64 bytes per input byte.
func FuzzParseInput(f *testing.F) {
	for _, s := range []string{`{"input_data": [[1, 2.5, -3e2]]}`, `{"input_data": [[[1, 2], [3, 4]], [5]]}`, `{"input_data": []}`, `[1]`, `{"input_data": [[1e400]]}`} {
		f.Add([]byte(s))
	}
	if raw, err := os.ReadFile("../../../shared/models/dev/1l_mlp/input.json"); err == nil {
		f.Add(raw)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		fuzzcheck.Run(t, 16<<20+64*uint64(len(raw)), func() {
			_, err := ParseInput(raw)
			fuzzcheck.Err(t, err)
		})
	})
}

var (
	fuzzArtOnce sync.Once
	fuzzArt     string
	fuzzArtErr  error
)

// fuzzArtifacts compiles 1l_mlp once per fuzz worker process.
func fuzzArtifacts(f *testing.F) string {
	fuzzArtOnce.Do(func() {
		dir := "../../../shared/models/dev/1l_mlp"
		g, err := onnx.Load(filepath.Join(dir, "network.onnx"))
		if err != nil {
			fuzzArtErr = err
			return
		}
		in, err := ReadInput(filepath.Join(dir, "input.json"))
		if err != nil {
			fuzzArtErr = err
			return
		}
		q, err := Quantize(g, [][]*tensor.T{{{Shape: g.Inputs[0].Shape, Data: in[0]}}}, ops.Defaults)
		if err != nil {
			fuzzArtErr = err
			return
		}
		tmp, err := os.MkdirTemp("", "zkml-fuzz-")
		if err != nil {
			fuzzArtErr = err
			return
		}
		fuzzArt = filepath.Join(tmp, "art")
		_, fuzzArtErr = Compile(q, fuzzArt, CompileOptions{})
	})
	if fuzzArtErr != nil {
		f.Fatal(fuzzArtErr)
	}
	return fuzzArt
}

// FuzzLoadArtifacts: a program.bin and verifying.key that model.json
// vouches for (as a hostile model owner would write them, hashes and all)
// load or are refused with a message naming the file; never a panic or
// more than 64 MiB plus 64 bytes per input byte.
func FuzzLoadArtifacts(f *testing.F) {
	art := fuzzArtifacts(f)
	prog, _ := os.ReadFile(filepath.Join(art, ProgramFile))
	vk, _ := os.ReadFile(filepath.Join(art, VKFile))
	meta, err := LoadMeta(art)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(prog, vk)
	f.Add(prog[:len(prog)/2], vk[:len(vk)/3])
	f.Fuzz(func(t *testing.T, prog, vk []byte) {
		dir := t.TempDir()
		m := *meta
		m.Files = map[string]string{}
		for name, b := range map[string][]byte{ProgramFile: prog, VKFile: vk} {
			sum := sha256.Sum256(b)
			m.Files[name] = hex.EncodeToString(sum[:])
			os.WriteFile(filepath.Join(dir, name), b, 0o644)
		}
		raw, _ := json.Marshal(&m)
		os.WriteFile(filepath.Join(dir, MetaFile), raw, 0o644)
		fuzzcheck.Run(t, 64<<20+64*uint64(len(prog)+len(vk)), func() {
			_, err := Load(dir)
			fuzzcheck.Err(t, err)
		})
	})
}

// FuzzProvingKey: proving.key bytes load or are refused; no length in the
// file allocates more than the file holds (64 MiB plus 64 bytes per byte,
// the in-memory size of what it can hold).
func FuzzProvingKey(f *testing.F) {
	art := fuzzArtifacts(f)
	pk, _ := os.ReadFile(filepath.Join(art, PKFile))
	f.Add(pk)
	f.Add(pk[:len(pkMagic)+domainBytes+100])
	var raw bytes.Buffer
	gpk := groth16.NewProvingKey(ecc.BN254)
	if err := readProvingKey(bytes.NewReader(pk), int64(len(pk)), gpk); err == nil {
		gpk.WriteRawTo(&raw) // the format earlier versions wrote
		f.Add(raw.Bytes())
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		fuzzcheck.Run(t, 64<<20+64*uint64(len(b)), func() {
			key := groth16.NewProvingKey(ecc.BN254)
			err := decode(PKFile, bytes.NewReader(b), func(r io.Reader) error { return readProvingKey(r, int64(len(b)), key) })
			fuzzcheck.Err(t, err)
		})
	})
}
