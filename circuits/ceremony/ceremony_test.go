package ceremony_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zkml/zkml/circuits/ceremony"
	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/internal/devmodel"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/verifier"
)

const dev = "../../../shared/models/dev"

// compileDev compiles a dev model (with its development setup) into a new
// directory.
func compileDev(t *testing.T, name string) (string, [][]float64) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "art")
	in, err := devmodel.Compile(filepath.Join(dev, name), dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, in
}

func write(t *testing.T, path string, m interface{ Marshal() ([]byte, error) }) string {
	t.Helper()
	b, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// phase1SRS runs a phase-1 ceremony of two contributions for domains up to
// 2^power and writes the sealed SRS.
func phase1SRS(t *testing.T, dir string, power int) string {
	t.Helper()
	p, err := ceremony.NewPhase1(power)
	if err != nil {
		t.Fatal(err)
	}
	files := []string{write(t, filepath.Join(dir, "p1-0"), p)}
	for i := 1; i <= 2; i++ {
		prev, err := ceremony.ReadPhase1(files[len(files)-1])
		if err != nil {
			t.Fatal(err)
		}
		if err := ceremony.Contribute1(prev, fmt.Sprintf("p1 party %d", i)); err != nil {
			t.Fatal(err)
		}
		files = append(files, write(t, filepath.Join(dir, fmt.Sprintf("p1-%d", i)), prev))
	}
	read := func(names ...string) []*ceremony.Phase1 {
		var out []*ceremony.Phase1
		for _, n := range names {
			p, err := ceremony.ReadPhase1(n)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, p)
		}
		return out
	}
	// refused: a skipped contribution, a changed point
	if _, _, err := ceremony.VerifyPhase1([]byte("beacon"), read(files[0], files[2])...); !errors.Is(err, ceremony.ErrRefused) {
		t.Fatalf("a phase-1 chain that skips contribution 1: %v", err)
	}
	raw, _ := os.ReadFile(files[2])
	raw[len(raw)/2] ^= 1
	bad := filepath.Join(dir, "p1-bad")
	os.WriteFile(bad, raw, 0o644)
	if p, err := ceremony.ReadPhase1(bad); err == nil {
		if _, _, err := ceremony.VerifyPhase1([]byte("beacon"), append(read(files[1]), p)...); !errors.Is(err, ceremony.ErrRefused) {
			t.Fatalf("a phase-1 contribution with a changed byte: %v", err)
		}
	}
	srs, hashes, err := ceremony.VerifyPhase1([]byte("phase-1 beacon"), read(files...)...)
	if err != nil {
		t.Fatal(err)
	}
	if len(hashes) != 2 {
		t.Fatalf("%d contributions verified, want 2 (the starting state is not one)", len(hashes))
	}
	return write(t, filepath.Join(dir, "srs.bin"), marshalSRS{srs})
}

type marshalSRS struct{ *ceremony.SRS }

func (m marshalSRS) Marshal() ([]byte, error) { return ceremony.MarshalSRS(m.SRS) }

// snapshot is every file of dir, to show that a refused finalize changed
// nothing.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out[e.Name()] = string(b)
	}
	return out
}

func TestCeremony(t *testing.T) {
	art, input := compileDev(t, "1l_mlp")
	work := t.TempDir()
	srsPath := phase1SRS(t, work, 10)

	p0, err := ceremony.InitDir(art, srsPath)
	if err != nil {
		t.Fatal(err)
	}
	files := []string{write(t, filepath.Join(work, "0.ph2"), p0)}
	contribute := func(from, name, out string) string {
		p, err := ceremony.ReadPhase2(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := ceremony.Contribute(p, name); err != nil {
			t.Fatal(err)
		}
		return write(t, filepath.Join(work, out), p)
	}
	for i := 1; i <= 3; i++ {
		files = append(files, contribute(files[i-1], fmt.Sprintf("party%d", i), fmt.Sprintf("%d.ph2", i)))
	}
	beacon := []byte("a beacon fixed before the ceremony opened")

	// a contribution made on 1 beside 2 (a fork), and a forged one: a
	// contribution to the starting state relabelled to follow 1, so that
	// its maker knows δ
	fork := contribute(files[1], "fork", "2fork.ph2")
	forged := contribute(files[0], "forger", "forged.ph2")
	{
		p1, _ := ceremony.ReadPhase2(files[1])
		f, _ := ceremony.ReadPhase2(forged)
		h := p1.Hash()
		f.Challenge = h[:]
		write(t, forged, f)
	}
	tampered := filepath.Join(work, "2bad.ph2")
	raw, _ := os.ReadFile(files[2])
	raw[len(raw)/2] ^= 1
	os.WriteFile(tampered, raw, 0o644)
	other, _ := compileDev(t, "sklearn_mlp")
	otherInit, err := ceremony.InitDir(other, srsPath)
	if err != nil {
		t.Fatal(err)
	}
	otherFile := write(t, filepath.Join(work, "other.ph2"), otherInit)
	otherFile = contribute(otherFile, "elsewhere", "other1.ph2")

	before := snapshot(t, art)
	for _, c := range []struct {
		name  string
		chain []string
		want  string
	}{
		{"skips contribution 2", []string{files[1], files[3]}, "contribution 2 does not follow the state before it"},
		{"reordered", []string{files[2], files[1], files[3]}, "contribution 1 does not follow"},
		{"fork", []string{files[1], files[2], fork}, "reuses the challenge of contribution 2"},
		{"same file twice", []string{files[1], files[1]}, "contribution 2 was made on the starting state, not on contribution 1: it reuses the challenge of contribution 1"},
		{"starting state", []string{files[0], files[1]}, "starting state itself"},
		{"forged", []string{files[1], forged, files[3]}, "contribution 2 (\"forger\")"},
		{"tampered", []string{files[1], tampered, files[3]}, ""},
		{"another circuit", []string{otherFile}, "another circuit"},
		{"none", nil, "no phase-2 contributions"},
	} {
		_, err := ceremony.Finalize(art, srsPath, beacon, c.chain...)
		if err == nil || !(errors.Is(err, ceremony.ErrRefused) || errors.Is(err, ceremony.ErrFile)) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: finalize gave %v, want a refusal saying %q", c.name, err, c.want)
		}
		if fmt.Sprint(snapshot(t, art)) != fmt.Sprint(before) {
			t.Fatalf("%s: a refused finalize changed the artifacts", c.name)
		}
	}
	if _, err := ceremony.VerifyDir(art, ""); err == nil || !strings.Contains(err.Error(), "development setup") {
		t.Fatalf("setup verify of a development setup: %v", err)
	}
	devProver, err := prover.Load(art)
	if err != nil {
		t.Fatal(err)
	}
	devProof, err := devProver.Prove(prover.Request{Inputs: input})
	devProver.Close()
	if err != nil {
		t.Fatal(err)
	}

	setup, err := ceremony.Finalize(art, srsPath, beacon, files[1:]...)
	if err != nil {
		t.Fatal(err)
	}
	meta, err := model.LoadMeta(art)
	if err != nil {
		t.Fatal(err)
	}
	ks := meta.KeySetup()
	if ks.Kind != model.SetupCeremony || len(ks.Contributions) != 3 || ks.Contributions[2].Name != "party3" || ks.Transcript != setup.Transcript {
		t.Fatalf("model.json records %+v", ks)
	}
	for i, c := range ks.Contributions {
		p, _ := ceremony.ReadPhase2(files[i+1])
		if c.Hash != p.Hash().String() {
			t.Fatalf("contribution %d recorded as %s, its hash is %s", i+1, c.Hash, p.Hash())
		}
	}

	pr, err := prover.Load(art)
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	pf, err := pr.Prove(prover.Request{Inputs: input})
	if err != nil {
		t.Fatal(err)
	}
	a, err := model.Load(art)
	if err != nil {
		t.Fatal(err)
	}
	if err := verifier.Verify(a, pf); err != nil {
		t.Fatalf("a proof with the ceremony's keys: %v", err)
	}
	if err := verifier.Verify(a, devProof); !errors.Is(err, verifier.ErrProofRejected) {
		t.Fatalf("a proof with the development keys against the ceremony's verifying key: %v", err)
	}

	if _, err := ceremony.VerifyDir(art, srsPath); err != nil {
		t.Fatalf("setup verify: %v", err)
	}
	// a transcript that is not the recorded one, and keys it does not yield
	tr := filepath.Join(art, model.TranscriptFile)
	good, _ := os.ReadFile(tr)
	bad := append([]byte(nil), good...)
	bad[len(bad)-40] ^= 1
	os.WriteFile(tr, bad, 0o644)
	if _, err := ceremony.VerifyDir(art, ""); !errors.Is(err, ceremony.ErrRefused) {
		t.Fatalf("setup verify with a changed transcript: %v", err)
	}
	os.WriteFile(tr, good, 0o644)
	if _, err := ceremony.VerifyDir(art, filepath.Join(work, "p1-1")); err == nil {
		t.Fatal("setup verify accepted another file as the SRS")
	}
	vk := filepath.Join(art, model.VKFile)
	vkGood, _ := os.ReadFile(vk)
	devDir, _ := compileDev(t, "1l_mlp")
	devVK, _ := os.ReadFile(filepath.Join(devDir, model.VKFile))
	os.WriteFile(vk, devVK, 0o644)
	if _, err := ceremony.VerifyDir(art, ""); err == nil || !strings.Contains(err.Error(), "another verifying key") {
		t.Fatalf("setup verify with another verifying key: %v", err)
	}
	os.WriteFile(vk, vkGood, 0o644)
	if !bytes.Equal(vkGood, mustRead(t, vk)) {
		t.Fatal("restore failed")
	}
	// model.json's record must be the transcript's, field by field
	metaPath := filepath.Join(art, model.MetaFile)
	metaGood := mustRead(t, metaPath)
	for name, edit := range map[string]func(*model.Setup){
		"an extra contribution": func(s *model.Setup) {
			s.Contributions = append(s.Contributions, model.Contribution{Name: "mallory", Hash: s.Contributions[0].Hash})
		},
		"another source":  func(s *model.Setup) { s.SRSSource = "ptau sha256 of a famous ceremony" },
		"a renamed party": func(s *model.Setup) { s.Contributions[1].Name = "someone else" },
	} {
		var m map[string]any
		json.Unmarshal(metaGood, &m)
		meta, _ := model.LoadMeta(art)
		rec := meta.KeySetup()
		rec.Contributions = append([]model.Contribution(nil), rec.Contributions...)
		edit(&rec)
		m["setup"] = rec
		b, _ := json.Marshal(m)
		os.WriteFile(metaPath, b, 0o644)
		if _, err := ceremony.VerifyDir(art, ""); !errors.Is(err, ceremony.ErrRefused) {
			t.Errorf("setup verify with %s in model.json: %v", name, err)
		}
	}
	os.WriteFile(metaPath, metaGood, 0o644)
	// a proving key on disk that is not the transcript's
	pkPath := filepath.Join(art, model.PKFile)
	pkGood := mustRead(t, pkPath)
	os.WriteFile(pkPath, mustRead(t, filepath.Join(devDir, model.PKFile)), 0o644)
	if _, err := ceremony.VerifyDir(art, ""); err == nil || !strings.Contains(err.Error(), "another proving key") {
		t.Fatalf("setup verify with another proving key on disk: %v", err)
	}
	os.WriteFile(pkPath, pkGood, 0o644)
	if _, err := ceremony.VerifyDir(art, ""); err != nil {
		t.Fatalf("setup verify after restoring: %v", err)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
