// Package gadgets holds the circuit pieces every layer is built from — range
// checks, the fused rescale/ReLU, max, table lookups and the packing and
// Poseidon2 commitments of tensors — each beside the plain-Go integer function
// that computes exactly what it constrains.
//
// Signed integers live in the field as x mod r. A gadget that can grow a value
// ends in a range check, so every activation the circuit carries is a bounded
// integer, and packing tensors into field elements is injective.
//
// Hints are exported and registered by RegisterHints; a prover that loads a
// serialized constraint system must call it first.
package gadgets
