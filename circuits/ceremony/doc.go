// Package ceremony makes a model's Groth16 keys in a multi-party setup, so
// that nobody who took part alone (the model owner included) holds the
// toxic waste that would let them forge a proof of any output.
//
// It wraps gnark's backend/groth16/bn254/mpcsetup (the MPC of Bowe, Gabizon
// and Miers, eprint 2017/1050) in files and checks:
//
//   - Phase 1, circuit-independent powers of tau: NewPhase1, Contribute1,
//     VerifyPhase1 (which seals the chain with a beacon into an SRS), or
//     ImportPtau from a snarkjs / Perpetual Powers of Tau .ptau file. Every
//     SRS is checked before use (CheckSRS: generators, subgroups, one τ for
//     all powers, α and β consistent, nothing degenerate).
//   - Phase 2, per circuit: Init derives the starting state from the circuit
//     and the SRS (deterministic: anyone recomputes it); Contribute adds one
//     party's secret; Finalize verifies every contribution in order, applies
//     the beacon and writes proving.key, verifying.key, the transcript and
//     model.json's "setup" record; Verify replays a recorded transcript and
//     checks it yields the artifacts' keys.
//
// A contribution's hash is the SHA-256 of its gnark encoding; the next
// contribution's challenge must equal it, so each published hash is bound
// into every later contribution and into the keys. A contribution is refused
// when it does not follow its predecessor (skipped, reordered, or built on
// the same state as another), when its proof of knowledge or its ratio
// checks fail, or when its file is not one this package wrote for this
// circuit and SRS. Every length read from a file is checked against the
// file's size before anything is allocated.
//
// The security claim is the MPC's: the keys are sound if at least one
// contributor of each phase (or the ptau's ceremony) destroyed their secret,
// and the beacon was fixed after the last contribution was made.
package ceremony
