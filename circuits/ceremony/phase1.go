package ceremony

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"

	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
)

// phase1PayloadSize is the size of gnark's encoding of a Phase1 state for
// domain n with a challenge of c bytes: three update proofs, the SrsCommons
// (N, [β]₂, the powers after the first), the challenge.
func phase1PayloadSize(n, c int) int {
	return 3*proofSize + 8 + g2Size + (2*n-2)*g1Size + (n-1)*g2Size + 2*n*g1Size + 1 + c
}

// Phase1 is one phase-1 state: the starting one (NewPhase1) or a
// contribution.
type Phase1 struct {
	mpcsetup.Phase1
	Name string // the contributor's name ("" for the starting state)
	N    int    // the domain
}

// NewPhase1 is the starting state of a phase-1 ceremony for domains up to
// 2^power.
func NewPhase1(power int) (*Phase1, error) {
	if power < 1 || power > MaxPower {
		return nil, fmt.Errorf("--power %d: must be within 1..%d", power, MaxPower)
	}
	p := &Phase1{N: 1 << power}
	p.Initialize(uint64(p.N))
	return p, nil
}

// Marshal encodes p as a setup file.
func (p *Phase1) Marshal() ([]byte, error) {
	if err := checkLabel(p.Name); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Write((&header{Kind: KindPhase1, Label: p.Name}).marshal())
	if _, err := p.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Hash is the SHA-256 of p's gnark encoding: the challenge the next
// contribution must carry.
func (p *Phase1) Hash() Hash { return gnarkHash(&p.Phase1) }

func gnarkHash(w io.WriterTo) Hash {
	h := sha256.New()
	if _, err := w.WriteTo(h); err != nil {
		panic(err) // writing to a hash does not fail
	}
	var out Hash
	copy(out[:], h.Sum(nil))
	return out
}

// ReadPhase1 reads a phase-1 state file.
func ReadPhase1(path string) (*Phase1, error) {
	raw, err := readFile(path, int64(len(fileMagic)+3+MaxLabel+phase1PayloadSize(1<<MaxPower, 32)))
	if err != nil {
		return nil, err
	}
	return UnmarshalPhase1(path, raw)
}

// UnmarshalPhase1 decodes a phase-1 state file's bytes; name is shown in
// errors.
func UnmarshalPhase1(name string, raw []byte) (p *Phase1, err error) {
	h, b, err := parseHeader(name, raw, KindPhase1)
	if err != nil {
		return nil, err
	}
	if len(b) < 3*proofSize+8 {
		return nil, fmt.Errorf("%w: %s ends before its powers", ErrFile, name)
	}
	n64 := binary.BigEndian.Uint64(b[3*proofSize:])
	if n64 < 2 || n64&(n64-1) != 0 || n64 > 1<<MaxPower {
		return nil, fmt.Errorf("%w: %s: domain %d is not a power of two from 2 to 2^%d", ErrFile, name, n64, MaxPower)
	}
	n := int(n64)
	// the challenge is empty (the starting state) or a SHA-256
	c := -1
	for _, k := range []int{0, 32} {
		if len(b) == phase1PayloadSize(n, k) && int(b[len(b)-1-k]) == k {
			c = k
		}
	}
	if c < 0 {
		return nil, fmt.Errorf("%w: %s: a phase-1 state for domain %d is %d bytes after its header (%d with a challenge), this one %d", ErrFile, name, n, phase1PayloadSize(n, 0), phase1PayloadSize(n, 32), len(b))
	}
	// every point compressed, so the decoder walks this layout: the three
	// proofs (G1, G2 each), N, [β]₂, [τⁱ]₁ and [τⁱ]₂ from i = 1, [βτⁱ]₁, [ατⁱ]₁
	off := 0
	for _, c := range []struct{ n, size int }{{1, g1Size}, {1, g2Size}, {1, g1Size}, {1, g2Size}, {1, g1Size}, {1, g2Size}, {-1, 8}, {1, g2Size}, {2*n - 2, g1Size}, {n - 1, g2Size}, {n, g1Size}, {n, g1Size}} {
		if c.n < 0 { // N itself
			off += c.size
			continue
		}
		if err := compressed(b, off, c.size, c.n, "the powers"); err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrFile, name, err)
		}
		off += c.n * c.size
	}
	p = &Phase1{Name: h.Label, N: n}
	defer decodePanics(name, &err)
	if _, err := p.ReadFrom(bytes.NewReader(b)); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrFile, name, err)
	}
	return p, nil
}

// Contribute1 adds a secret of crypto/rand to p (which becomes the new
// state, its Challenge the previous state's hash), named name.
func Contribute1(p *Phase1, name string) error {
	if err := checkLabel(name); err != nil {
		return err
	}
	p.Contribute()
	p.Name = name
	return nil
}

// VerifyPhase1 verifies a phase-1 chain, each state against the one before
// it (the first against the starting state, which may also be given first),
// and seals it with the beacon into an SRS. It returns the SRS and each
// contribution's hash, in order.
func VerifyPhase1(beacon []byte, chain ...*Phase1) (*SRS, []Hash, error) {
	if len(chain) == 0 {
		return nil, nil, fmt.Errorf("%w: no phase-1 contributions", ErrRefused)
	}
	start := &Phase1{N: chain[0].N}
	start.Initialize(uint64(start.N))
	prev, prevHash := start, start.Hash()
	if chain[0].Hash() == prevHash && len(chain[0].Challenge) == 0 {
		chain = chain[1:] // the starting state itself
	}
	if len(chain) == 0 {
		return nil, nil, fmt.Errorf("%w: only the starting state, no contribution", ErrRefused)
	}
	states := []Hash{prevHash}
	for i, next := range chain {
		if err := follows(i+1, next.Challenge, states); err != nil {
			return nil, nil, err
		}
		if next.N != prev.N {
			return nil, nil, fmt.Errorf("%w: contribution %d is for domain %d, the chain for %d", ErrRefused, i+1, next.N, prev.N)
		}
		if err := verify1(prev, next); err != nil {
			return nil, nil, fmt.Errorf("%w: contribution %d (%q): %v", ErrRefused, i+1, next.Name, err)
		}
		prev, prevHash = next, next.Hash()
		states = append(states, prevHash)
	}
	hashes := states[1:]
	var commons mpcsetup.SrsCommons
	if err := func() (err error) {
		defer decodePanics("sealing phase 1", &err)
		commons = prev.Seal(beacon)
		return nil
	}(); err != nil {
		return nil, nil, err
	}
	if err := CheckSRS(&commons); err != nil {
		return nil, nil, err
	}
	return &SRS{SrsCommons: commons, Label: fmt.Sprintf("phase 1: %d contributions, head %s, beacon %x", len(hashes), hashes[len(hashes)-1], beacon)}, hashes, nil
}

func verify1(prev, next *Phase1) (err error) {
	defer decodePanics("verifying", &err)
	return prev.Verify(&next.Phase1)
}

// follows checks that contribution i (1-based) carries the hash of the
// state before it as its challenge. states holds the hashes of the states
// before it: the starting state's first, then contribution 1's, ...; the
// last is the one it must follow.
func follows(i int, challenge []byte, states []Hash) error {
	prev := states[len(states)-1]
	if len(challenge) != len(prev) {
		return fmt.Errorf("%w: contribution %d carries no challenge (want %s, the hash of the state before it)", ErrRefused, i, prev)
	}
	if bytes.Equal(challenge, prev[:]) {
		return nil
	}
	for j := len(states) - 2; j >= 0; j-- {
		if bytes.Equal(challenge, states[j][:]) {
			on := "the starting state"
			if j > 0 {
				on = fmt.Sprintf("contribution %d", j)
			}
			return fmt.Errorf("%w: contribution %d was made on %s, not on contribution %d: it reuses the challenge of contribution %d (two contributions on one state), or the contributions between them were skipped", ErrRefused, i, on, i-1, j+1)
		}
	}
	return fmt.Errorf("%w: contribution %d does not follow the state before it: its challenge %x is not that state's hash %s (a contribution was skipped or reordered, or it belongs to another ceremony)", ErrRefused, i, challenge, prev)
}
