package model

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"unsafe"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/pedersen"
	"github.com/consensys/gnark/backend/groth16"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
)

// pkMagic starts proving.key: the key's points as their in-memory Montgomery
// limbs, so loading is a copy, with no conversion and no point check (the
// file is the model owner's own output, like gnark's raw format, which this
// replaces: gnark's spends ~0.1 s converting every coordinate of a 50k-
// constraint key). The limbs are little-endian; a big-endian host refuses it.
const pkMagic = "zkml proving key: bn254 groth16, montgomery little-endian, v1\n"

var errPKFormat = errors.New("not a zkml proving key")

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

// readProvingKey fills key from r, written by writeProvingKey or, by earlier
// versions, with gnark's raw encoding. Keys of other types than gnark's CPU key
// (the ICICLE one) are filled through gnark's raw encoding of the decoded key.
func readProvingKey(r io.Reader, key groth16.ProvingKey) error {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 1<<20)
	}
	magic, err := br.Peek(len(pkMagic))
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	if string(magic) != pkMagic {
		_, err := key.UnsafeReadFrom(br)
		return err
	}
	if _, err := br.Discard(len(pkMagic)); err != nil {
		return err
	}
	return readKeyBody(br, key)
}

// readKeyBody reads what follows pkMagic.
func readKeyBody(r io.Reader, key groth16.ProvingKey) error {
	pk, ok := key.(*groth16_bn254.ProvingKey)
	if !ok {
		pk = new(groth16_bn254.ProvingKey)
		if err := readKeyBody(r, pk); err != nil {
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
	if _, err := pk.Domain.ReadFrom(r); err != nil {
		return err
	}
	pr := &rawReader{r: r}
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
		pr.err = errPKFormat
	}
	if pr.err != nil {
		return pr.err
	}
	for _, inf := range [][]bool{pk.InfinityA, pk.InfinityB} {
		for _, b := range unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(inf))), len(inf)) {
			if b > 1 {
				return errPKFormat
			}
		}
	}
	pk.G1.Alpha, pk.G1.Beta, pk.G1.Delta = g1[0], g1[1], g1[2]
	pk.G2.Beta, pk.G2.Delta = g2[0], g2[1]
	pk.NbInfinityA, pk.NbInfinityB = nb[0], nb[1]
	pk.CommitmentKeys = make([]pedersen.ProvingKey, nck[0])
	for i := range pk.CommitmentKeys {
		pk.CommitmentKeys[i].Basis = readSlice[curve.G1Affine](pr)
		pk.CommitmentKeys[i].BasisExpSigma = readSlice[curve.G1Affine](pr)
	}
	return pr.err
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
	r   io.Reader
	err error
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

// maxKeyBytes bounds one slice of a key file (a 2^28-constraint key has
// ~20 GB of points in all).
const maxKeyBytes = 1 << 36

// readSlice reads what writeSlice wrote.
func readSlice[T any](r *rawReader) []T {
	if r.err != nil {
		return nil
	}
	var n [8]byte
	if _, r.err = io.ReadFull(r.r, n[:]); r.err != nil {
		return nil
	}
	var zero T
	size := uint64(unsafe.Sizeof(zero))
	count := binary.LittleEndian.Uint64(n[:])
	if count > maxKeyBytes/size {
		r.err = fmt.Errorf("%w: a slice of %d elements", errPKFormat, count)
		return nil
	}
	s := make([]T, count)
	if count > 0 {
		_, r.err = io.ReadFull(r.r, unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), int(count*size)))
	}
	return s
}
