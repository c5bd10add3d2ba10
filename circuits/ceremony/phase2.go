package ceremony

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
	"github.com/consensys/gnark/constraint"
	cs "github.com/consensys/gnark/constraint/bn254"
)

// MaxCommitments bounds the BSB22 commitments of a phase-2 state (gnark
// gives each its own secret, domain-separated by one byte).
const MaxCommitments = 64

// Phase2 is one phase-2 state of a circuit: the starting one (Init) or a
// contribution.
type Phase2 struct {
	mpcsetup.Phase2
	Name    string // the contributor's name ("" for the starting state)
	Circuit Hash   // SHA-256 of the circuit.r1cs it is for
	SRS     Hash   // SHA-256 of the SRS file it started from
}

// Marshal encodes p as a setup file.
func (p *Phase2) Marshal() ([]byte, error) {
	if err := checkLabel(p.Name); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Write((&header{Kind: KindPhase2, Label: p.Name, Circuit: p.Circuit, SRS: p.SRS}).marshal())
	if _, err := p.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Hash is the SHA-256 of p's gnark encoding: the hash its contributor
// publishes and the challenge the next contribution must carry.
func (p *Phase2) Hash() Hash { return gnarkHash(&p.Phase2) }

// Domain is the FFT domain of a circuit's keys: gnark's groth16.Setup's.
func Domain(ccs constraint.ConstraintSystem) int {
	return int(ecc.NextPowerOfTwo(uint64(ccs.GetNbConstraints())))
}

// r1csOf is ccs as the BN254 R1CS phase 2 works on.
func r1csOf(ccs constraint.ConstraintSystem) (*cs.R1CS, error) {
	r, ok := ccs.(*cs.R1CS)
	if !ok {
		return nil, fmt.Errorf("a ceremony needs a BN254 R1CS, not %T", ccs)
	}
	if n := Domain(ccs); n > 1<<MaxPower {
		return nil, fmt.Errorf("the circuit's domain 2^%d is beyond 2^%d", bits.Len(uint(n))-1, MaxPower)
	}
	return r, nil
}

// Init is the starting state of a circuit's phase 2 from srs (truncated to
// the circuit's domain), with no contribution: deterministic, so anyone
// recomputes it. circuit and srsHash identify the circuit.r1cs and SRS
// files. It also returns the evaluations Seal needs.
func Init(ccs constraint.ConstraintSystem, circuit Hash, srs *SRS, srsHash Hash) (p *Phase2, evals *mpcsetup.Phase2Evaluations, err error) {
	r, err := r1csOf(ccs)
	if err != nil {
		return nil, nil, err
	}
	t, err := srs.Truncate(Domain(ccs))
	if err != nil {
		return nil, nil, err
	}
	p = &Phase2{Circuit: circuit, SRS: srsHash}
	defer decodePanics("phase 2 of this circuit", &err)
	e := p.Initialize(r, &t.SrsCommons)
	if len(p.Sigmas) > MaxCommitments {
		return nil, nil, fmt.Errorf("the circuit makes %d commitments, a ceremony at most %d", len(p.Sigmas), MaxCommitments)
	}
	return p, &e, nil
}

// ReadPhase2 reads a phase-2 state file.
func ReadPhase2(path string) (*Phase2, error) {
	raw, err := readFile(path, phase2Limit)
	if err != nil {
		return nil, err
	}
	return UnmarshalPhase2(path, raw)
}

// UnmarshalPhase2 decodes a phase-2 state file's bytes; name is shown in
// errors. Every slice length is checked against the bytes left before gnark
// decodes (and allocates) it.
func UnmarshalPhase2(name string, raw []byte) (p *Phase2, err error) {
	h, b, err := parseHeader(name, raw, KindPhase2)
	if err != nil {
		return nil, err
	}
	if err := scanPhase2(b); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrFile, name, err)
	}
	p = &Phase2{Name: h.Label, Circuit: h.Circuit, SRS: h.SRS}
	defer decodePanics(name, &err)
	n, err := p.ReadFrom(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrFile, name, err)
	}
	if int(n) != len(b) {
		return nil, fmt.Errorf("%w: %s: %d bytes after the state", ErrFile, name, len(b)-int(n))
	}
	return p, nil
}

// scanPhase2 walks gnark's encoding of a Phase2 (mpcsetup marshal.go):
// the number of commitments, [δ]₁, PKK, Z, [δ]₂, each commitment's σ bases,
// each [σ]₂, the proof for δ, one per σ, the challenge.
func scanPhase2(b []byte) error {
	off := 0
	need := func(n int, what string) error {
		if n < 0 || n > len(b)-off {
			return fmt.Errorf("%s of %d bytes runs past the end (%d bytes left)", what, n, len(b)-off)
		}
		off += n
		return nil
	}
	// points must be compressed, so gnark's decoder walks this layout
	points := func(n, size int, what string) error {
		if err := compressed(b, off, size, n, what); err != nil {
			return err
		}
		return need(n*size, what)
	}
	slice := func(what string) error {
		if err := need(4, what); err != nil {
			return err
		}
		return points(int(binary.BigEndian.Uint32(b[off-4:])), g1Size, what)
	}
	if err := need(2, "the number of commitments"); err != nil {
		return err
	}
	nc := int(binary.BigEndian.Uint16(b))
	if nc > MaxCommitments {
		return fmt.Errorf("%d commitments, at most %d", nc, MaxCommitments)
	}
	steps := []func() error{
		func() error { return points(1, g1Size, "[δ]₁") },
		func() error { return slice("PKK") },
		func() error { return slice("Z") },
		func() error { return points(1, g2Size, "[δ]₂") },
	}
	for i := range nc {
		steps = append(steps, func() error { return slice(fmt.Sprintf("the bases of commitment %d", i)) })
	}
	steps = append(steps, func() error { return points(nc, g2Size, "[σ]₂") })
	for range 1 + nc { // the proofs for δ and each σ: [x]₁ and its proof in G2
		steps = append(steps, func() error { return points(1, g1Size, "a proof") }, func() error { return points(1, g2Size, "a proof") })
	}
	steps = append(steps,
		func() error { return need(1, "the challenge's length") },
		func() error { return need(int(b[off-1]), "the challenge") },
	)
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	if off != len(b) {
		return fmt.Errorf("%d bytes after the state", len(b)-off)
	}
	return nil
}

// Contribute adds a secret of crypto/rand to p (which becomes the new
// state, its Challenge the previous state's hash), named name. The
// contributor's secret is gone when it returns.
func Contribute(p *Phase2, name string) (err error) {
	if err := checkLabel(name); err != nil {
		return err
	}
	defer decodePanics("contributing", &err)
	p.Phase2.Contribute()
	p.Name = name
	return nil
}

// Result is a verified phase 2: the keys, and each contribution's hash.
type Result struct {
	PK     groth16.ProvingKey
	VK     groth16.VerifyingKey
	Hashes []Hash
}

// VerifyPhase2 verifies a circuit's phase-2 chain from the starting state
// Init derives from srs, each contribution against the one before it, and
// seals it with the beacon into the circuit's keys. Nothing in chain is
// trusted: its headers must name this circuit and SRS, each challenge the
// hash of the state before it, and each proof of knowledge and ratio check
// must pass. (The last contribution is changed by sealing.)
func VerifyPhase2(ccs constraint.ConstraintSystem, circuit Hash, srs *SRS, srsHash Hash, beacon []byte, chain ...*Phase2) (*Result, error) {
	if len(chain) == 0 {
		return nil, fmt.Errorf("%w: no phase-2 contributions: a ceremony needs at least one", ErrRefused)
	}
	if len(beacon) == 0 {
		return nil, fmt.Errorf("%w: no beacon", ErrRefused)
	}
	for i, c := range chain {
		if c.Circuit != circuit {
			return nil, fmt.Errorf("%w: contribution %d (%q) was made for another circuit (circuit.r1cs %s, this one %s)", ErrRefused, i+1, c.Name, c.Circuit, circuit)
		}
		if c.SRS != srsHash {
			return nil, fmt.Errorf("%w: contribution %d (%q) was made from another SRS (%s, this one %s)", ErrRefused, i+1, c.Name, c.SRS, srsHash)
		}
	}
	t, err := srs.Truncate(Domain(ccs))
	if err != nil {
		return nil, err
	}
	prev, evals, err := Init(ccs, circuit, t, srsHash)
	if err != nil {
		return nil, err
	}
	states := []Hash{prev.Hash()}
	if chain[0].Hash() == states[0] {
		return nil, fmt.Errorf("%w: contribution 1 is the starting state itself (setup init's output): give the contributions only", ErrRefused)
	}
	for i, next := range chain {
		if err := follows(i+1, next.Challenge, states); err != nil {
			return nil, err
		}
		if err := verify2(prev, next); err != nil {
			return nil, fmt.Errorf("%w: contribution %d (%q): %v", ErrRefused, i+1, next.Name, err)
		}
		prev = next
		states = append(states, next.Hash())
	}
	res := &Result{Hashes: states[1:]}
	if err := func() (err error) {
		defer decodePanics("sealing phase 2", &err)
		res.PK, res.VK = prev.Seal(&t.SrsCommons, evals, beacon)
		return nil
	}(); err != nil {
		return nil, err
	}
	return res, nil
}

func verify2(prev, next *Phase2) (err error) {
	defer decodePanics("verifying", &err)
	return prev.Verify(&next.Phase2)
}

// VerifyNext verifies one contribution on arrival: next must be for prev's
// circuit and SRS, carry prev's hash as its challenge, and pass the proofs
// of knowledge and ratio checks against prev (a coordinator hosting a
// ceremony checks each one so; Finalize checks the whole chain again).
func VerifyNext(prev, next *Phase2) error {
	if next.Circuit != prev.Circuit || next.SRS != prev.SRS {
		return fmt.Errorf("%w: the contribution was made for another circuit or SRS", ErrRefused)
	}
	if err := follows(1, next.Challenge, []Hash{prev.Hash()}); err != nil {
		return fmt.Errorf("%w: it does not follow the latest state %s (its challenge is %x): contribute to the state the turn handed out", ErrRefused, prev.Hash(), next.Challenge)
	}
	if err := verify2(prev, next); err != nil {
		return fmt.Errorf("%w: %v", ErrRefused, err)
	}
	return nil
}
