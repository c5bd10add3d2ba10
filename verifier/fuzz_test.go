package verifier_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/internal/devmodel"
	"github.com/zkml/zkml/internal/fuzzcheck"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/verifier"
)

var (
	fuzzOnce  sync.Once
	fuzzArts  *model.Artifacts
	fuzzProof []byte
	fuzzErr   error
)

// fuzzSetup compiles 1l_mlp and proves its input once per fuzz process.
func fuzzSetup(f *testing.F) (*model.Artifacts, []byte) {
	fuzzOnce.Do(func() {
		tmp, err := os.MkdirTemp("", "zkml-fuzz-verify-")
		if err != nil {
			fuzzErr = err
			return
		}
		dir := filepath.Join(tmp, "art")
		in, err := devmodel.Compile("../../shared/models/dev/1l_mlp", dir)
		if err != nil {
			fuzzErr = err
			return
		}
		pr, err := prover.Load(dir)
		if err != nil {
			fuzzErr = err
			return
		}
		defer pr.Close()
		pf, err := pr.Prove(prover.Request{Inputs: in})
		if err != nil {
			fuzzErr = err
			return
		}
		fuzzProof, _ = json.Marshal(pf)
		fuzzArts, fuzzErr = model.Load(dir)
	})
	if fuzzErr != nil {
		f.Fatal(fuzzErr)
	}
	return fuzzArts, fuzzProof
}

// FuzzVerify: proof.json bytes are verified or refused as malformed,
// mismatched or rejected; never a panic, a hang, or more than 64 MiB plus
// 64 bytes per input byte. A mutated proof that verifies must still say
// what the valid one says (a second proof of the same statement is fine,
// another statement is a soundness bug).
func FuzzVerify(f *testing.F) {
	a, good := fuzzSetup(f)
	f.Add(good)
	f.Add([]byte(`{"proof": "0x00", "public_inputs": []}`))
	var want verifier.ProofFile
	json.Unmarshal(good, &want)
	f.Fuzz(func(t *testing.T, raw []byte) {
		path := filepath.Join(t.TempDir(), "proof.json")
		os.WriteFile(path, raw, 0o644)
		fuzzcheck.Run(t, 64<<20+64*uint64(len(raw)), func() {
			p, err := verifier.ReadProofFile(path)
			fuzzcheck.Err(t, err)
			if err != nil {
				return
			}
			err = verifier.Verify(a, p)
			fuzzcheck.Err(t, err)
			if err == nil {
				got, _ := verifier.PublicValues(a, p)
				exp, _ := verifier.PublicValues(a, &want)
				for i := range exp {
					if i >= len(got) || got[i].Cmp(exp[i]) != 0 {
						t.Fatalf("a mutated proof file verified with public input %d = %v, the proof binds %v", i, got, exp)
					}
				}
			}
		})
	})
}
