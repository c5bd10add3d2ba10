// Package verifier checks proofs off-chain: the Groth16 proof against the
// verifying key, and every public value the proof file discloses (model,
// outputs, job, prover) against the public inputs the proof binds.
package verifier
