package model

import (
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/zkml/zkml/circuits/ops"
)

// WeightsFile holds the private weights of a model compiled with
// --weights private; program.bin then holds the architecture with zeroed
// weights, so everything but this file is shared by every model of the
// architecture and a verifier never needs it.
const WeightsFile = "weights.bin"

type weightsBlob struct{ W, B []int64 }

// writeProgram writes the program, without its weights when they are private.
func writeProgram(w io.Writer, p *ops.Program, private bool) error {
	if !private {
		return gob.NewEncoder(w).Encode(p)
	}
	ws, bs := ops.FlatParams(p)
	if err := ops.SetParams(p, make([]int64, len(ws)), make([]int64, len(bs))); err != nil {
		return err
	}
	err := gob.NewEncoder(w).Encode(p)
	if err2 := ops.SetParams(p, ws, bs); err == nil {
		err = err2
	}
	return err
}

func writeWeights(w io.Writer, p *ops.Program) error {
	ws, bs := ops.FlatParams(p)
	return gob.NewEncoder(w).Encode(weightsBlob{ws, bs})
}

// loadWeights reads weights.bin into the program of a private-weights model
// when the file is present (the prover's side) and checks it against the
// model id.
func loadWeights(dir string, a *Artifacts) error {
	if a.Meta.Weights != "private" {
		return nil
	}
	var blob weightsBlob
	path := filepath.Join(dir, WeightsFile)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err := readChecked(dir, a.Meta, WeightsFile, func(r io.Reader) error { return gob.NewDecoder(r).Decode(&blob) }); err != nil {
		return err
	}
	if err := ops.SetParams(a.Prog, blob.W, blob.B); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrArtifacts, WeightsFile, err)
	}
	a.HasWeights = true
	if id := PrivateModelID(a.Prog, a.Meta.WeightBits, a.Meta.BiasBits); id.Cmp(a.ID) != 0 {
		return fmt.Errorf("%w: %s does not match the committed model id %s", ErrArtifacts, WeightsFile, a.Meta.ModelID)
	}
	return nil
}

// Modes returns the circuit modes the artifacts were compiled with.
func (a *Artifacts) Modes() Modes {
	return Modes{HashOutput: a.Meta.OutputHashed(), HashInput: a.Meta.InputHashed(), PrivateWeights: a.Meta.Weights == "private", WBits: a.Meta.WeightBits, BBits: a.Meta.BiasBits}
}
