// Package model turns an imported graph into a proved model: it calibrates and
// quantizes the graph into an integer Program (circuits/ops), builds the
// whole-model circuit over it, and holds the public-input layout that proofs,
// the verifier and the chain side share.
//
// The five public inputs, in order: the model commitment, the Poseidon2
// commitment of the quantized input, the packed outputs (or their Poseidon2
// commitment), the job id and the prover address. Each appears in a constraint.
package model
