package model

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"unsafe"

	"github.com/consensys/gnark-crypto/ecc"
	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/pedersen"
	"github.com/consensys/gnark/backend/groth16"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/constraint"
)

// pkMagic starts proving.key: the key's points as their in-memory Montgomery
// limbs, so loading is a copy, with no conversion and no point check (the
// file is the model owner's own output, like gnark's raw format, which this
// replaces: gnark's spends ~0.1 s converting every coordinate of a 50k-
// constraint key). The limbs are little-endian; a big-endian host refuses it.
const pkMagic = "zkml proving key: bn254 groth16, montgomery little-endian, v1\n"

var errPKFormat = errors.New("damaged proving key (recompile the model)")

// writeProvingKey writes pk in the format of pkMagic.
func writeProvingKey(w io.Writer, key groth16.ProvingKey) error {
	pk, ok := key.(*groth16_bn254.ProvingKey)
	if !ok {
		return fmt.Errorf("proving key of type %T, want BN254", key)
	}
	if !littleEndian() {
		return errors.New("the proving key format needs a little-endian host")
	}
	if _, err := io.WriteString(w, pkMagic); err != nil {
		return err
	}
	if _, err := pk.Domain.WriteTo(w); err != nil {
		return err
	}
	pw := &rawWriter{w: w}
	writeSlice(pw, []curve.G1Affine{pk.G1.Alpha, pk.G1.Beta, pk.G1.Delta})
	writeSlice(pw, pk.G1.A)
	writeSlice(pw, pk.G1.B)
	writeSlice(pw, pk.G1.Z)
	writeSlice(pw, pk.G1.K)
	writeSlice(pw, []curve.G2Affine{pk.G2.Beta, pk.G2.Delta})
	writeSlice(pw, pk.G2.B)
	writeSlice(pw, []uint64{pk.NbInfinityA, pk.NbInfinityB})
	writeSlice(pw, pk.InfinityA)
	writeSlice(pw, pk.InfinityB)
	writeSlice(pw, []uint64{uint64(len(pk.CommitmentKeys))})
	for _, ck := range pk.CommitmentKeys {
		writeSlice(pw, ck.Basis)
		writeSlice(pw, ck.BasisExpSigma)
	}
	return pw.err
}

// readProvingKey fills key from r, size bytes long (negative: unknown),
// written by writeProvingKey. Keys of other types than gnark's CPU key (the
// ICICLE one) are filled through gnark's raw encoding of the decoded key. No
// length read from a damaged file allocates more than the file holds. Keys
// in gnark's own raw encoding (written by the first versions) are refused:
// gnark's decoder allocates whatever lengths such a file declares (a 360-byte
// file asked for 2.9 TB, found by FuzzProvingKey).
func readProvingKey(r io.Reader, size int64, key groth16.ProvingKey) error {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 1<<20)
	}
	magic, err := br.Peek(len(pkMagic))
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	if string(magic) != pkMagic {
		return fmt.Errorf("%w: %s is not in this version's format (damaged, or written by an early zkml in gnark's raw encoding): recompile the model", ErrArtifacts, PKFile)
	}
	if _, err := br.Discard(len(pkMagic)); err != nil {
		return err
	}
	left := int64(maxKeyBytes)
	if size >= 0 {
		left = size - int64(len(pkMagic))
	}
	return readKeyBody(&rawReader{r: br, left: left, exact: size >= 0}, key)
}

// domainBytes is the length of an fft.Domain's encoding: the cardinality, five
// field elements and a flag.
const domainBytes = 8 + 5*32 + 1

// readKeyBody reads what follows pkMagic.
func readKeyBody(pr *rawReader, key groth16.ProvingKey) error {
	pk, ok := key.(*groth16_bn254.ProvingKey)
	if !ok {
		pk = new(groth16_bn254.ProvingKey)
		if err := readKeyBody(pr, pk); err != nil {
			return err
		}
		var buf bytes.Buffer
		if _, err := pk.WriteRawTo(&buf); err != nil {
			return err
		}
		_, err := key.UnsafeReadFrom(&buf)
		return err
	}
	if !littleEndian() {
		return errors.New("the proving key format needs a little-endian host")
	}
	// the domain precomputes tables of its cardinality: check it first
	var dom [domainBytes]byte
	if err := pr.read(dom[:]); err != nil {
		return err
	}
	n := binary.BigEndian.Uint64(dom[:8])
	if n == 0 || n&(n-1) != 0 || n > 1<<28 || n*uint64(unsafe.Sizeof(curve.G1Affine{})) > uint64(pr.left)+64 {
		return fmt.Errorf("%w: FFT domain of %d elements for %d bytes of key", errPKFormat, n, pr.left)
	}
	if _, err := pk.Domain.ReadFrom(bytes.NewReader(dom[:])); err != nil {
		return fmt.Errorf("%w: FFT domain: %v", errPKFormat, err)
	}
	g1 := readSlice[curve.G1Affine](pr)
	pk.G1.A = readSlice[curve.G1Affine](pr)
	pk.G1.B = readSlice[curve.G1Affine](pr)
	pk.G1.Z = readSlice[curve.G1Affine](pr)
	pk.G1.K = readSlice[curve.G1Affine](pr)
	g2 := readSlice[curve.G2Affine](pr)
	pk.G2.B = readSlice[curve.G2Affine](pr)
	nb := readSlice[uint64](pr)
	pk.InfinityA = readSlice[bool](pr)
	pk.InfinityB = readSlice[bool](pr)
	nck := readSlice[uint64](pr)
	if pr.err == nil && (len(g1) != 3 || len(g2) != 2 || len(nb) != 2 || len(nck) != 1 || nck[0] > 1<<10) {
		pr.err = fmt.Errorf("%w: header slices", errPKFormat)
	}
	if pr.err != nil {
		return pr.err
	}
	// gnark's prover sizes its FFTs by the domain and reads Z as its
	// quotient basis: a domain that disagrees panics inside gnark
	if uint64(len(pk.G1.Z)) != n-1 {
		return fmt.Errorf("%w: %d Z points for an FFT domain of %d", errPKFormat, len(pk.G1.Z), n)
	}
	for i, inf := range []struct {
		flags  []bool
		points int
		nb     uint64
	}{{pk.InfinityA, len(pk.G1.A), nb[0]}, {pk.InfinityB, len(pk.G1.B), nb[1]}} {
		set := uint64(0)
		for _, b := range unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(inf.flags))), len(inf.flags)) {
			if b > 1 {
				return fmt.Errorf("%w: infinity flags %c", errPKFormat, "AB"[i])
			}
			set += uint64(b)
		}
		if set != inf.nb || uint64(len(inf.flags)) != uint64(inf.points)+inf.nb {
			return fmt.Errorf("%w: %d infinity flags %c (%d set, %d counted) for %d points", errPKFormat, len(inf.flags), "AB"[i], set, inf.nb, inf.points)
		}
	}
	if len(pk.G2.B) != len(pk.G1.B) {
		return fmt.Errorf("%w: %d B points in G1, %d in G2", errPKFormat, len(pk.G1.B), len(pk.G2.B))
	}
	pk.G1.Alpha, pk.G1.Beta, pk.G1.Delta = g1[0], g1[1], g1[2]
	pk.G2.Beta, pk.G2.Delta = g2[0], g2[1]
	pk.NbInfinityA, pk.NbInfinityB = nb[0], nb[1]
	pk.CommitmentKeys = make([]pedersen.ProvingKey, nck[0])
	for i := range pk.CommitmentKeys {
		ck := &pk.CommitmentKeys[i]
		ck.Basis = readSlice[curve.G1Affine](pr)
		ck.BasisExpSigma = readSlice[curve.G1Affine](pr)
		if pr.err == nil && len(ck.Basis) != len(ck.BasisExpSigma) {
			return fmt.Errorf("%w: commitment key %d has %d and %d points", errPKFormat, i, len(ck.Basis), len(ck.BasisExpSigma))
		}
	}
	if pr.err == nil && pr.exact && pr.left != 0 {
		return fmt.Errorf("%w: %d bytes after the last commitment key", errPKFormat, pr.left)
	}
	return pr.err
}

// CheckKey checks a loaded proving key against the constraint system it is
// to prove: gnark trusts the two to agree and panics, in goroutines of its
// own, where they do not (a damaged or swapped key).
func CheckKey(ccs constraint.ConstraintSystem, key groth16.ProvingKey) error {
	pk, ok := key.(*groth16_bn254.ProvingKey)
	if !ok {
		return nil // an accelerator's key wraps a CPU key checked as it loaded
	}
	if want := ecc.NextPowerOfTwo(uint64(ccs.GetNbConstraints())); pk.Domain.Cardinality != want {
		return fmt.Errorf("%w: %s: FFT domain of %d for %d constraints (want %d): the key is not this circuit's", ErrArtifacts, PKFile, pk.Domain.Cardinality, ccs.GetNbConstraints(), want)
	}
	if info, ok := ccs.(interface{ GetCommitments() constraint.Commitments }); ok {
		if c, ok := info.GetCommitments().(constraint.Groth16Commitments); ok && len(c) != len(pk.CommitmentKeys) {
			return fmt.Errorf("%w: %s holds %d commitment keys, the circuit makes %d: the key is not this circuit's", ErrArtifacts, PKFile, len(pk.CommitmentKeys), len(c))
		}
	}
	return nil
}

func littleEndian() bool {
	var b [2]byte
	binary.NativeEndian.PutUint16(b[:], 1)
	return b[0] == 1
}

type rawWriter struct {
	w   io.Writer
	err error
}

type rawReader struct {
	r     io.Reader
	left  int64 // bytes the file has left
	exact bool  // left is the file's true remainder, not just a cap
	err   error
}

// read fills b, or fails if the file has fewer bytes left.
func (r *rawReader) read(b []byte) error {
	if r.err != nil {
		return r.err
	}
	if int64(len(b)) > r.left {
		r.err = fmt.Errorf("%w: truncated", errPKFormat)
		return r.err
	}
	if _, r.err = io.ReadFull(r.r, b); r.err != nil {
		r.err = fmt.Errorf("%w: %v", errPKFormat, r.err)
		return r.err
	}
	r.left -= int64(len(b))
	return nil
}

// writeSlice writes the length of s and then its memory.
func writeSlice[T any](w *rawWriter, s []T) {
	if w.err != nil {
		return
	}
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
	if _, w.err = w.w.Write(n[:]); w.err != nil || len(s) == 0 {
		return
	}
	_, w.err = w.w.Write(unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), len(s)*int(unsafe.Sizeof(s[0]))))
}

// maxKeyBytes bounds a key read from a stream of unknown length (a
// 2^28-constraint key has ~20 GB of points in all).
const maxKeyBytes = 1 << 36

// readSlice reads what writeSlice wrote.
func readSlice[T any](r *rawReader) []T {
	if r.err != nil {
		return nil
	}
	var n [8]byte
	if r.read(n[:]) != nil {
		return nil
	}
	var zero T
	size := uint64(unsafe.Sizeof(zero))
	count := binary.LittleEndian.Uint64(n[:])
	if count > uint64(r.left)/size {
		r.err = fmt.Errorf("%w: a slice of %d elements of %d bytes, %d bytes left", errPKFormat, count, size, r.left)
		return nil
	}
	s := make([]T, count)
	if count > 0 && r.read(unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), int(count*size))) != nil {
		return nil
	}
	return s
}

// checkVKLayout walks gnark's raw encoding of a BN254 verifying key (α₁,
// β₁, β₂, γ₂, δ₁, δ₂, then [K]₁, the public and commitment wires each
// commitment commits to, the number of commitments and their keys) and
// refuses one whose declared lengths run past its bytes: gnark's decoder
// allocates whatever they say before it reads.
func checkVKLayout(b []byte) error {
	off := 3*64 + 3*128
	u32 := func(what string) (int, error) {
		if len(b)-off < 4 {
			return 0, fmt.Errorf("%w: %s: ends before %s", ErrArtifacts, VKFile, what)
		}
		n := int(binary.BigEndian.Uint32(b[off:]))
		off += 4
		return n, nil
	}
	skip := func(n, size int, what string) error {
		if n > (len(b)-off)/size {
			return fmt.Errorf("%w: %s: %s declares %d entries, the file holds %d bytes more", ErrArtifacts, VKFile, what, n, len(b)-off)
		}
		off += n * size
		return nil
	}
	if len(b) < off {
		return fmt.Errorf("%w: %s is %d bytes, shorter than a key", ErrArtifacts, VKFile, len(b))
	}
	n, err := u32("[K]₁")
	if err == nil {
		err = skip(n, 64, "[K]₁")
	}
	if err != nil {
		return err
	}
	if n, err = u32("the committed wires"); err != nil {
		return err
	}
	if n > (len(b)-off)/4 {
		return fmt.Errorf("%w: %s: %d commitments' wire lists in %d bytes", ErrArtifacts, VKFile, n, len(b)-off)
	}
	for range n {
		m, err := u32("a committed wire list")
		if err == nil {
			err = skip(m, 8, "a committed wire list")
		}
		if err != nil {
			return err
		}
	}
	c, err := u32("the number of commitments")
	if err != nil {
		return err
	}
	return skip(c, 2*128, "the commitment keys")
}
