package model

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/constraint"
)

// How a model's keys were made (Setup.Kind).
const (
	// SetupDevelopment: groth16.Setup run by whoever compiled the model, who
	// could forge proofs of any output for it. Fine for development and
	// tests; not for a model that gates payment.
	SetupDevelopment = "development"
	// SetupCeremony: a multi-party ceremony (circuits/ceremony); nobody can
	// forge proofs unless every contributor colluded.
	SetupCeremony = "ceremony"
)

// TranscriptFile holds a ceremony's phase 2 (the SRS it used, every
// contribution and the beacon), beside the artifacts, so that anyone can
// replay it (zkml setup verify). Model pushes leave it out: proving does not
// need it.
const TranscriptFile = "setup.transcript"

// Setup is model.json's "setup": how the keys were made.
type Setup struct {
	Kind string `json:"kind"`
	// SRS is the SHA-256 of the phase-1 SRS file the ceremony used, and
	// SRSSource where that SRS came from (a .ptau's SHA-256, or a phase-1
	// ceremony's head and beacon).
	SRS       string `json:"srs,omitempty"`
	SRSSource string `json:"srs_source,omitempty"`
	// Contributions in order, each the hash the contributor published.
	Contributions []Contribution `json:"contributions,omitempty"`
	Beacon        string         `json:"beacon,omitempty"`
	// Transcript is the SHA-256 of TranscriptFile: the transcript head
	// registered on chain.
	Transcript string `json:"transcript,omitempty"`
}

// Contribution is one party's phase-2 contribution.
type Contribution struct {
	Name string `json:"name"`
	Hash string `json:"hash"`
}

// KeySetup is how m's keys were made; artifacts compiled before model.json
// recorded it came from a development setup.
func (m *Meta) KeySetup() Setup {
	if m.Setup == nil {
		return Setup{Kind: SetupDevelopment}
	}
	return *m.Setup
}

// WriteKey writes pk in proving.key's format.
func WriteKey(w io.Writer, pk groth16.ProvingKey) error { return writeProvingKey(w, pk) }

// InstallKeys replaces the keys of the artifacts in dir with pk and vk,
// made as setup says, and writes the extra files beside them (the
// transcript). It builds the new directory beside dir (the other files
// linked, or copied where links fail) and swaps it in, so a failure leaves
// dir as it was. The keys are checked against the circuit first.
func InstallKeys(dir string, ccs constraint.ConstraintSystem, pk groth16.ProvingKey, vk groth16.VerifyingKey, setup Setup, extra map[string][]byte) error {
	meta, err := LoadMeta(dir)
	if err != nil {
		return err
	}
	if err := CheckKey(ccs, pk); err != nil {
		return err
	}
	// the directory itself, not a link to it, and not "." (whose parent is
	// itself): the new one is built beside it
	clean, err := filepath.Abs(dir)
	if err == nil {
		clean, err = filepath.EvalSymlinks(clean)
	}
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(clean), ".zkml-keys-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	ents, err := os.ReadDir(clean)
	if err != nil {
		return err
	}
	replaced := map[string]bool{PKFile: true, VKFile: true, MetaFile: true}
	for name := range extra {
		replaced[name] = true
	}
	for _, e := range ents {
		if !e.Type().IsRegular() {
			return fmt.Errorf("%s holds %s, which is not a file of the artifacts: move it out first", clean, e.Name())
		}
		if replaced[e.Name()] {
			continue
		}
		if err := linkOrCopy(filepath.Join(clean, e.Name()), filepath.Join(tmp, e.Name())); err != nil {
			return err
		}
	}
	for _, f := range []struct {
		name string
		w    func(io.Writer) error
	}{
		{PKFile, func(w io.Writer) error { return writeProvingKey(w, pk) }},
		{VKFile, func(w io.Writer) error { _, err := vk.WriteRawTo(w); return err }},
	} {
		sum, err := writeFile(filepath.Join(tmp, f.name), f.w)
		if err != nil {
			return fmt.Errorf("writing %s: %w", f.name, err)
		}
		meta.Files[f.name] = sum
	}
	for name, b := range extra {
		if _, err := writeFile(filepath.Join(tmp, name), func(w io.Writer) error { _, err := w.Write(b); return err }); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
	}
	meta.Setup = &setup
	if _, err := writeFile(filepath.Join(tmp, MetaFile), func(w io.Writer) error {
		e := json.NewEncoder(w)
		e.SetIndent("", "  ")
		return e.Encode(meta)
	}); err != nil {
		return err
	}
	old := tmp + ".old"
	if err := os.Rename(clean, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, clean); err != nil {
		os.Rename(old, clean)
		return err
	}
	return os.RemoveAll(old)
}

func linkOrCopy(src, dst string) error {
	if os.Link(src, dst) == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	_, err = writeFile(dst, func(w io.Writer) error { _, err := io.Copy(w, in); return err })
	return err
}
