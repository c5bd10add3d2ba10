// Package prover makes proofs: it quantizes an input, runs the integer
// reference engine (the witness generator), proves with Groth16 on the CPU (or
// through ICICLE in builds with the icicle tag) and checks the proof before it
// returns it.
package prover
