package ceremony

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"runtime"
	"sync"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	cmpc "github.com/consensys/gnark-crypto/ecc/bn254/mpcsetup"
	"github.com/consensys/gnark/backend/groth16/bn254/mpcsetup"
)

// Compressed sizes of the points and proofs in gnark's encodings.
const (
	g1Size    = curve.SizeOfG1AffineCompressed
	g2Size    = curve.SizeOfG2AffineCompressed
	proofSize = g1Size + g2Size // mpcsetup.UpdateProof: [x]₁ and its proof of knowledge in G2
)

// SRS is a sealed phase-1 SRS: the powers of one τ in G1 (2N-1) and G2 (N),
// α and β times the first N powers in G1, and β in G2, for domains up to N.
type SRS struct {
	mpcsetup.SrsCommons
	// Label says where it came from (a .ptau and its SHA-256, or a phase-1
	// ceremony's head and beacon); part of the file and of its hash.
	Label string
}

// N is the largest FFT domain the SRS serves.
func (s *SRS) N() int { return len(s.G2.Tau) }

// srsPayloadSize is the size of an SRS's encoding for domain n: the four
// slices with their lengths, then [β]₂.
func srsPayloadSize(n int) int {
	return 4*4 + (2*n-1)*g1Size + 2*n*g1Size + n*g2Size + g2Size
}

// MarshalSRS encodes s as a setup file.
func MarshalSRS(s *SRS) ([]byte, error) {
	if err := checkLabel(s.Label); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Write((&header{Kind: KindSRS, Label: s.Label}).marshal())
	enc := curve.NewEncoder(&b)
	for _, v := range []any{s.G1.Tau, s.G1.AlphaTau, s.G1.BetaTau, s.G2.Tau, &s.G2.Beta} {
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
	}
	return b.Bytes(), nil
}

// ReadSRS reads and checks an SRS file (CheckSRS), returning it and the
// file's SHA-256.
func ReadSRS(path string) (*SRS, Hash, error) {
	raw, err := readFile(path, int64(len(fileMagic)+3+MaxLabel+srsPayloadSize(1<<MaxPower)))
	if err != nil {
		return nil, Hash{}, err
	}
	s, err := UnmarshalSRS(path, raw)
	if err != nil {
		return nil, Hash{}, err
	}
	return s, sum(raw), nil
}

// UnmarshalSRS decodes an SRS file's bytes (name is shown in errors) and
// checks it.
func UnmarshalSRS(name string, raw []byte) (s *SRS, err error) {
	h, b, err := parseHeader(name, raw, KindSRS)
	if err != nil {
		return nil, err
	}
	if len(b) < 4 {
		return nil, fmt.Errorf("%w: %s ends before its powers", ErrFile, name)
	}
	n2 := int(binary.BigEndian.Uint32(b)) // 2N-1 powers of τ in G1
	n := (n2 + 1) / 2
	if n2 < 3 || n2%2 == 0 || n&(n-1) != 0 || n > 1<<MaxPower {
		return nil, fmt.Errorf("%w: %s holds %d powers of τ in G1: want 2N-1 for a power of two N from 2 to 2^%d", ErrFile, name, n2, MaxPower)
	}
	if want := srsPayloadSize(n); len(b) != want {
		return nil, fmt.Errorf("%w: %s: an SRS for domain %d is %d bytes after its header, this one %d", ErrFile, name, n, want, len(b))
	}
	// the slices' lengths must be the ones the size assumed
	off := 4 + n2*g1Size
	for i, want := range []int{n, n, n} {
		if got := int(binary.BigEndian.Uint32(b[off:])); got != want {
			return nil, fmt.Errorf("%w: %s: section %d holds %d points, want %d", ErrFile, name, i+2, got, want)
		}
		size := g1Size
		if i == 2 {
			size = g2Size
		}
		off += 4 + want*size
	}
	// every point compressed, so the decoder walks the layout checked here
	off = 4
	for i, c := range []struct{ n, size int }{{n2, g1Size}, {n, g1Size}, {n, g1Size}, {n, g2Size}, {1, g2Size}} {
		if err := compressed(b, off, c.size, c.n, fmt.Sprintf("section %d", i+1)); err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrFile, name, err)
		}
		off += c.n * c.size
		if i < 3 {
			off += 4
		}
	}
	s = &SRS{Label: h.Label}
	defer decodePanics(name, &err)
	dec := curve.NewDecoder(bytes.NewReader(b)) // with subgroup checks
	for _, v := range []any{&s.G1.Tau, &s.G1.AlphaTau, &s.G1.BetaTau, &s.G2.Tau, &s.G2.Beta} {
		if err := dec.Decode(v); err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrFile, name, err)
		}
	}
	if err := CheckSRS(&s.SrsCommons); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return s, nil
}

// ErrBadSRS is wrapped by errors about an SRS whose points are not the
// powers of one secret.
var ErrBadSRS = errors.New("SRS check failed")

// CheckSRS checks that c is an SRS for a domain N: the sizes, the standard
// generators first, τ, α and β not 0, τ^N ≠ 1 (τ is no root of unity of
// any domain up to N), every G1 and G2 slice a
// geometric sequence of the same ratio τ (mpcsetup.SameRatioMany, a random
// linear combination checked with one pairing: its randomness comes from
// crypto/rand, and a sequence that is not geometric passes with probability
// at most its length over r, about 2^-230), and [β]₁ and [β]₂ the same β
// (one pairing). Subgroup membership is the decoder's (or ImportPtau's)
// check on every point; G1 of BN254 has cofactor 1.
func CheckSRS(c *mpcsetup.SrsCommons) error {
	n := len(c.G2.Tau)
	if n < 2 || n&(n-1) != 0 || len(c.G1.Tau) != 2*n-1 || len(c.G1.AlphaTau) != n || len(c.G1.BetaTau) != n {
		return fmt.Errorf("%w: sizes %d/%d/%d/%d are not 2N-1, N, N, N for a power of two N", ErrBadSRS, len(c.G1.Tau), len(c.G2.Tau), len(c.G1.AlphaTau), len(c.G1.BetaTau))
	}
	_, _, g1, g2 := curve.Generators()
	switch {
	case !c.G1.Tau[0].Equal(&g1):
		return fmt.Errorf("%w: [τ⁰]₁ is not the generator of G1", ErrBadSRS)
	case !c.G2.Tau[0].Equal(&g2):
		return fmt.Errorf("%w: [τ⁰]₂ is not the generator of G2", ErrBadSRS)
	case c.G1.Tau[1].IsInfinity() || c.G1.Tau[1].Equal(&g1):
		return fmt.Errorf("%w: τ is 0 or 1", ErrBadSRS)
	case c.G1.Tau[n].Equal(&g1):
		// τ^N = 1: τ is a root of unity of the domain (or of a smaller one,
		// which divides it), the vanishing polynomial is 0 at τ and a proof
		// need satisfy only one constraint
		return fmt.Errorf("%w: τ is a root of unity of the domain", ErrBadSRS)
	case c.G1.AlphaTau[0].IsInfinity():
		return fmt.Errorf("%w: α is 0", ErrBadSRS)
	case c.G1.BetaTau[0].IsInfinity() || c.G2.Beta.IsInfinity():
		return fmt.Errorf("%w: β is 0", ErrBadSRS)
	}
	if err := cmpc.SameRatioMany(c.G1.Tau, c.G2.Tau, c.G1.AlphaTau, c.G1.BetaTau); err != nil {
		return fmt.Errorf("%w: the powers are not the powers of one τ (%v)", ErrBadSRS, err)
	}
	var negG1 curve.G1Affine
	negG1.Neg(&g1)
	ok, err := curve.PairingCheck([]curve.G1Affine{c.G1.BetaTau[0], negG1}, []curve.G2Affine{g2, c.G2.Beta})
	if err != nil || !ok {
		return fmt.Errorf("%w: [β]₁ and [β]₂ are not the same β", ErrBadSRS)
	}
	return nil
}

// Truncate returns the SRS for domain n ≤ s.N(): its first powers.
func (s *SRS) Truncate(n int) (*SRS, error) {
	if n < 2 || n&(n-1) != 0 || n > s.N() {
		return nil, fmt.Errorf("%w: the circuit needs a domain of %d, the SRS serves up to %d (import or make one of power %d)", ErrBadSRS, n, s.N(), bits.Len(uint(n))-1)
	}
	if n == s.N() {
		return s, nil
	}
	t := &SRS{Label: s.Label}
	t.G1.Tau = append([]curve.G1Affine(nil), s.G1.Tau[:2*n-1]...)
	t.G1.AlphaTau = append([]curve.G1Affine(nil), s.G1.AlphaTau[:n]...)
	t.G1.BetaTau = append([]curve.G1Affine(nil), s.G1.BetaTau[:n]...)
	t.G2.Tau = append([]curve.G2Affine(nil), s.G2.Tau[:n]...)
	t.G2.Beta = s.G2.Beta
	return t, nil
}

// parallel runs f over [0, n) in chunks on every CPU and returns the first
// error.
func parallel(n int, f func(start, end int) error) error {
	w := min(runtime.GOMAXPROCS(0), max(n/1024, 1))
	var wg sync.WaitGroup
	errs := make([]error, w)
	for i := range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = f(i*n/w, (i+1)*n/w)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}
