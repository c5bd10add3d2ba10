package verifier

import (
	"encoding/json"
	"fmt"
	"os"
)

// ProofFile is proof.json.
type ProofFile struct {
	ModelID string `json:"model_id"`
	// OutputData holds the dequantized outputs, one flat list per model output.
	OutputData   [][]float64 `json:"output_data"`
	OutputShapes [][]int     `json:"output_shapes"`
	// PublicInputs are the five public inputs (model, input, output, job,
	// prover) as 0x-prefixed hex field elements.
	PublicInputs []string `json:"public_inputs"`
	// Proof is gnark's compressed Groth16 proof encoding, hex.
	Proof string `json:"proof"`
	// JobID and Prover are the job id (hex field element) and the address that
	// may claim payment (0x-prefixed, 20 bytes).
	JobID  string `json:"job_id"`
	Prover string `json:"prover"`
	// InputCommitment is the Poseidon2 commitment of the quantized input.
	InputCommitment string `json:"input_commitment"`
	// InputData discloses the quantized input (dequantized) for models
	// compiled with --input public; verify checks it against the commitment.
	InputData    [][]float64 `json:"input_data,omitempty"`
	ProveSeconds float64     `json:"prove_seconds,omitempty"`
}

// ReadProofFile reads and parses proof.json.
func ReadProofFile(path string) (*ProofFile, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var p ProofFile
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, fmt.Errorf("%w: %s is not a proof file: %v", ErrMalformed, path, err)
	}
	return &p, nil
}

// Write writes proof.json.
func (p *ProofFile) Write(path string) error {
	raw, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(raw, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
