package ceremony

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
)

// ErrPtau is wrapped by errors about a .ptau file that cannot be imported.
var ErrPtau = errors.New("bad .ptau file")

// The sections of a snarkjs powers-of-tau file (snarkjs powersoftau_new.js):
// points in little-endian Montgomery form, uncompressed, G2 coordinates
// c0 before c1.
const (
	ptauHeader     = 1
	ptauTauG1      = 2 // [τⁱ]₁, 0 ≤ i ≤ 2·2^power - 2
	ptauTauG2      = 3 // [τⁱ]₂, 0 ≤ i < 2^power
	ptauAlphaTauG1 = 4 // α[τⁱ]₁
	ptauBetaTauG1  = 5 // β[τⁱ]₁
	ptauBetaG2     = 6 // [β]₂
	ptauG1Size     = 64
	ptauG2Size     = 128
)

// ImportPtau reads the powers of tau of a snarkjs / Perpetual Powers of Tau
// .ptau file (BN254) for domains up to 2^power (0: the file's own power,
// which must be at most MaxPower) and checks them (CheckSRS) with every
// point's coordinates canonical, on the curve and in its subgroup. Only the
// points the domain needs are read. The file's own contribution history is
// not verified here: compare its hash with the one its ceremony published;
// the label records it.
func ImportPtau(path string, power int) (*SRS, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	sections, err := ptauSections(f, st.Size())
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrPtau, path, err)
	}
	filePower, err := ptauHeaderPower(f, sections[ptauHeader])
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrPtau, path, err)
	}
	if power == 0 {
		if filePower > MaxPower {
			return nil, fmt.Errorf("%s holds powers up to 2^%d; pass --power P (at most %d) for the domain your circuits need", path, filePower, MaxPower)
		}
		power = filePower
	}
	if power < 1 || power > filePower || power > MaxPower {
		return nil, fmt.Errorf("--power %d: must be within 1..%d (the file holds 2^%d)", power, min(filePower, MaxPower), filePower)
	}
	full, n := 1<<filePower, 1<<power
	want := map[int]int64{ptauTauG1: int64(2*full-1) * ptauG1Size, ptauTauG2: int64(full) * ptauG2Size, ptauAlphaTauG1: int64(full) * ptauG1Size, ptauBetaTauG1: int64(full) * ptauG1Size, ptauBetaG2: ptauG2Size}
	for id, size := range want {
		if sections[id].size != size {
			return nil, fmt.Errorf("%w: %s: section %d is %d bytes, 2^%d powers take %d", ErrPtau, path, id, sections[id].size, filePower, size)
		}
	}
	s := &SRS{}
	read := func(id, count, size int) ([]byte, error) {
		b := make([]byte, count*size)
		if _, err := f.ReadAt(b, sections[id].offset); err != nil {
			return nil, fmt.Errorf("%w: %s: section %d: %v", ErrPtau, path, id, err)
		}
		return b, nil
	}
	g1s := []struct {
		id    int
		count int
		dst   *[]curve.G1Affine
	}{{ptauTauG1, 2*n - 1, &s.G1.Tau}, {ptauAlphaTauG1, n, &s.G1.AlphaTau}, {ptauBetaTauG1, n, &s.G1.BetaTau}}
	for _, g := range g1s {
		b, err := read(g.id, g.count, ptauG1Size)
		if err != nil {
			return nil, err
		}
		*g.dst = make([]curve.G1Affine, g.count)
		if err := parallel(g.count, func(lo, hi int) error {
			for i := lo; i < hi; i++ {
				if err := ptauG1(&(*g.dst)[i], b[i*ptauG1Size:]); err != nil {
					return fmt.Errorf("%w: %s: section %d, point %d: %v", ErrPtau, path, g.id, i, err)
				}
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	b, err := read(ptauTauG2, n, ptauG2Size)
	if err != nil {
		return nil, err
	}
	s.G2.Tau = make([]curve.G2Affine, n)
	if err := parallel(n, func(lo, hi int) error {
		for i := lo; i < hi; i++ {
			if err := ptauG2(&s.G2.Tau[i], b[i*ptauG2Size:]); err != nil {
				return fmt.Errorf("%w: %s: section %d, point %d: %v", ErrPtau, path, ptauTauG2, i, err)
			}
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if b, err = read(ptauBetaG2, 1, ptauG2Size); err != nil {
		return nil, err
	}
	if err := ptauG2(&s.G2.Beta, b); err != nil {
		return nil, fmt.Errorf("%w: %s: section %d: %v", ErrPtau, path, ptauBetaG2, err)
	}
	if err := CheckSRS(&s.SrsCommons); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, st.Size())); err != nil {
		return nil, err
	}
	s.Label = fmt.Sprintf("ptau sha256 %x, 2^%d of 2^%d powers", h.Sum(nil), power, filePower)
	return s, nil
}

type ptauSection struct{ offset, size int64 }

// ptauSections reads the section table of a .ptau file: "ptau", version 1,
// the number of sections, then each section's type, size and bytes.
func ptauSections(r io.ReaderAt, size int64) (map[int]ptauSection, error) {
	var hdr [12]byte
	if _, err := r.ReadAt(hdr[:], 0); err != nil {
		return nil, fmt.Errorf("not a .ptau file (%v)", err)
	}
	if string(hdr[:4]) != "ptau" {
		return nil, errors.New(`not a .ptau file (no "ptau" magic)`)
	}
	if v := binary.LittleEndian.Uint32(hdr[4:]); v != 1 {
		return nil, fmt.Errorf("format version %d, want 1", v)
	}
	count := binary.LittleEndian.Uint32(hdr[8:])
	if count > 64 {
		return nil, fmt.Errorf("%d sections, more than a .ptau file has", count)
	}
	sections := map[int]ptauSection{}
	off := int64(12)
	for range count {
		var sh [12]byte
		if _, err := r.ReadAt(sh[:], off); err != nil {
			return nil, fmt.Errorf("section table at byte %d: %v", off, err)
		}
		id := int(binary.LittleEndian.Uint32(sh[:]))
		n := binary.LittleEndian.Uint64(sh[4:])
		off += 12
		if n > uint64(size-off) {
			return nil, fmt.Errorf("section %d of %d bytes at byte %d runs past the end of the file (%d bytes)", id, n, off, size)
		}
		if _, dup := sections[id]; dup {
			return nil, fmt.Errorf("section %d appears twice", id)
		}
		sections[id] = ptauSection{off, int64(n)}
		off += int64(n)
	}
	for _, id := range []int{ptauHeader, ptauTauG1, ptauTauG2, ptauAlphaTauG1, ptauBetaTauG1, ptauBetaG2} {
		if _, ok := sections[id]; !ok {
			return nil, fmt.Errorf("no section %d", id)
		}
	}
	return sections, nil
}

// ptauHeaderPower reads the header section: the field element size (32),
// the base field's modulus (BN254's), the power and the ceremony's power.
func ptauHeaderPower(r io.ReaderAt, s ptauSection) (int, error) {
	if s.size != 4+32+4+4 {
		return 0, fmt.Errorf("header section of %d bytes, want 44 (a BN254 file)", s.size)
	}
	var b [44]byte
	if _, err := r.ReadAt(b[:], s.offset); err != nil {
		return 0, err
	}
	if n8 := binary.LittleEndian.Uint32(b[:]); n8 != 32 {
		return 0, fmt.Errorf("field elements of %d bytes: not a BN254 file", n8)
	}
	q := new(big.Int).SetBytes(reversed(b[4:36]))
	if q.Cmp(fp.Modulus()) != 0 {
		return 0, fmt.Errorf("base field modulus %s is not BN254's (bn128 in snarkjs)", q)
	}
	p := int(binary.LittleEndian.Uint32(b[36:]))
	if p < 1 || p > 28 {
		return 0, fmt.Errorf("power %d outside 1..28", p)
	}
	return p, nil
}

func reversed(b []byte) []byte {
	out := make([]byte, len(b))
	for i := range b {
		out[len(b)-1-i] = b[i]
	}
	return out
}

// ptauFp reads a coordinate in little-endian Montgomery form: the limbs of
// gnark's fp.Element, which uses the same Montgomery constant 2^256.
func ptauFp(e *fp.Element, b []byte) error {
	for i := range e {
		e[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	q := fp.Modulus()
	if new(big.Int).SetBytes(reversed(b[:32])).Cmp(q) >= 0 {
		return errors.New("a coordinate is not below the field modulus")
	}
	return nil
}

func ptauG1(p *curve.G1Affine, b []byte) error {
	if err := ptauFp(&p.X, b); err != nil {
		return err
	}
	if err := ptauFp(&p.Y, b[32:]); err != nil {
		return err
	}
	if p.IsInfinity() || !p.IsOnCurve() || !p.IsInSubGroup() {
		return errors.New("not a point of G1 (off the curve or at infinity)")
	}
	return nil
}

func ptauG2(p *curve.G2Affine, b []byte) error {
	for i, c := range []*fp.Element{&p.X.A0, &p.X.A1, &p.Y.A0, &p.Y.A1} {
		if err := ptauFp(c, b[32*i:]); err != nil {
			return err
		}
	}
	if p.IsInfinity() || !p.IsOnCurve() || !p.IsInSubGroup() {
		return errors.New("not a point of G2's prime-order subgroup")
	}
	return nil
}
