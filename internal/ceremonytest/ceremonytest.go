// Package ceremonytest runs a whole setup ceremony in one process for tests:
// a phase 1 of one contribution sealed into an SRS, and a phase 2 of the
// given contributors, finalized into a model's artifacts. One machine plays
// every party, so its keys are no safer than a development setup's; it
// exists to test what a ceremony's keys and records do downstream.
package ceremonytest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/zkml/zkml/circuits/ceremony"
	"github.com/zkml/zkml/circuits/model"
)

// Run replaces the keys of the artifacts in dir with a ceremony's of the
// named phase-2 contributors (for circuits of up to 2^power constraints)
// and returns model.json's setup record.
func Run(t testing.TB, dir string, power int, names ...string) *model.Setup {
	t.Helper()
	work := t.TempDir()
	srsPath := SRS(t, work, power)
	p, err := ceremony.InitDir(dir, srsPath)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for i, name := range names {
		if err := ceremony.Contribute(p, name); err != nil {
			t.Fatal(err)
		}
		b, err := p.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, filepath.Join(work, fmt.Sprintf("%d.ph2", i+1)))
		if err := os.WriteFile(files[i], b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := ceremony.Finalize(dir, srsPath, []byte("test phase-2 beacon"), files...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// SRS writes into dir an SRS for domains up to 2^power, sealed from a
// phase 1 of one contribution, and returns its path.
func SRS(t testing.TB, dir string, power int) string {
	t.Helper()
	p1, err := ceremony.NewPhase1(power)
	if err != nil {
		t.Fatal(err)
	}
	if err := ceremony.Contribute1(p1, "phase-1 test party"); err != nil {
		t.Fatal(err)
	}
	srs, _, err := ceremony.VerifyPhase1([]byte("test phase-1 beacon"), p1)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := ceremony.MarshalSRS(srs)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "srs.bin")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
