package ceremony

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"unicode/utf8"
)

// ErrFile is wrapped by errors about a setup file that is not one this
// package wrote, is damaged, or does not fit where it was given.
var ErrFile = errors.New("bad setup file")

// ErrRefused is wrapped by errors about a contribution that fails
// verification: it does not follow its predecessor, or its proofs fail.
var ErrRefused = errors.New("contribution refused")

// Kind says what a setup file holds.
type Kind byte

// The kinds of setup file.
const (
	KindPhase1 Kind = 1 // a phase-1 (powers of tau) state: the start or a contribution
	KindSRS    Kind = 2 // a sealed phase-1 SRS, ready for phase 2
	KindPhase2 Kind = 3 // a phase-2 state of one circuit: the start or a contribution
)

func (k Kind) String() string {
	switch k {
	case KindPhase1:
		return "phase-1 contribution"
	case KindSRS:
		return "SRS"
	case KindPhase2:
		return "phase-2 contribution"
	}
	return fmt.Sprintf("kind %d", byte(k))
}

// fileMagic starts every setup file; a kind byte, a label (a contributor's
// name, or where an SRS came from) and, for phase 2, the SHA-256 of the
// circuit and of the SRS it was made for follow; then the gnark encoding.
const fileMagic = "zkml groth16 bn254 setup file, v1\n"

// MaxLabel bounds a contributor's name or an SRS's provenance, in bytes.
const MaxLabel = 256

// MaxPower bounds the domain of every setup file: 2^MaxPower, as the proving
// key's domain (a phase-1 state at 2^24 already takes ~6 GB to hold).
const MaxPower = 24

// header is the part of a setup file before the gnark encoding.
type header struct {
	Kind    Kind
	Label   string
	Circuit [32]byte // phase 2: SHA-256 of circuit.r1cs
	SRS     [32]byte // phase 2: SHA-256 of the SRS file Init was given
}

func (h *header) marshal() []byte {
	var b bytes.Buffer
	b.WriteString(fileMagic)
	b.WriteByte(byte(h.Kind))
	binary.Write(&b, binary.BigEndian, uint16(len(h.Label)))
	b.WriteString(h.Label)
	if h.Kind == KindPhase2 {
		b.Write(h.Circuit[:])
		b.Write(h.SRS[:])
	}
	return b.Bytes()
}

// checkLabel refuses a label that could not be shown as it is.
func checkLabel(s string) error {
	if len(s) > MaxLabel {
		return fmt.Errorf("name of %d bytes: at most %d", len(s), MaxLabel)
	}
	if !utf8.ValidString(s) {
		return errors.New("name is not UTF-8")
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return fmt.Errorf("name holds the control character %U", r)
		}
	}
	return nil
}

// parseHeader splits a setup file into its header and its gnark encoding.
func parseHeader(name string, raw []byte, want Kind) (*header, []byte, error) {
	if !bytes.HasPrefix(raw, []byte(fileMagic)) {
		return nil, nil, fmt.Errorf("%w: %s is not a zkml setup file (no %q header)", ErrFile, name, fileMagic[:len(fileMagic)-1])
	}
	b := raw[len(fileMagic):]
	if len(b) < 3 {
		return nil, nil, fmt.Errorf("%w: %s ends inside its header", ErrFile, name)
	}
	h := &header{Kind: Kind(b[0])}
	if h.Kind != want {
		return nil, nil, fmt.Errorf("%w: %s holds a %v, want a %v", ErrFile, name, h.Kind, want)
	}
	n := int(binary.BigEndian.Uint16(b[1:3]))
	b = b[3:]
	if n > MaxLabel || n > len(b) {
		return nil, nil, fmt.Errorf("%w: %s: name of %d bytes (at most %d, %d left in the file)", ErrFile, name, n, MaxLabel, len(b))
	}
	h.Label, b = string(b[:n]), b[n:]
	if err := checkLabel(h.Label); err != nil {
		return nil, nil, fmt.Errorf("%w: %s: %v", ErrFile, name, err)
	}
	if h.Kind == KindPhase2 {
		if len(b) < 64 {
			return nil, nil, fmt.Errorf("%w: %s ends inside its header", ErrFile, name)
		}
		copy(h.Circuit[:], b[:32])
		copy(h.SRS[:], b[32:64])
		b = b[64:]
	}
	return h, b, nil
}

// readFile reads a setup file whole, refusing one larger than limit bytes.
func readFile(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: %s is not a regular file", ErrFile, path)
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%w: %s is %d bytes, more than any setup file up to 2^%d (%d bytes)", ErrFile, path, st.Size(), MaxPower, limit)
	}
	return os.ReadFile(path)
}

// writeFile writes data to path through a temporary file beside it, so a
// failed write leaves nothing half-written under path.
func writeFile(path string, parts ...[]byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".zkml-setup-")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	for _, p := range parts {
		if _, err := f.Write(p); err != nil {
			f.Close()
			return err
		}
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// Hash is a SHA-256 digest, shown in hex.
type Hash [32]byte

func (h Hash) String() string { return hex.EncodeToString(h[:]) }

// ParseHash reads a 64-digit hex digest.
func ParseHash(s string) (Hash, error) {
	var h Hash
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != 32 {
		return h, fmt.Errorf("%q is not a SHA-256 digest (64 hex digits)", s)
	}
	copy(h[:], b)
	return h, nil
}

func sum(parts ...[]byte) Hash {
	h := sha256.New()
	for _, p := range parts {
		h.Write(p)
	}
	var out Hash
	copy(out[:], h.Sum(nil))
	return out
}

// decodePanics turns a panic inside a gnark decoder or check into an error:
// gnark's setup code panics on some malformed input.
func decodePanics(what string, err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("%w: %s: %v", ErrFile, what, p)
	}
}

// compressed checks that the count points of size bytes each at b[off:] are
// all in compressed form (the top two bits of a point's first byte are not
// 00). gnark's decoder also takes uncompressed points, twice as long: one of
// them would shift it off the layout a reader checked, onto bytes it then
// reads as a length.
func compressed(b []byte, off, size, count int, what string) error {
	if count < 0 || off < 0 || count > (len(b)-off)/size {
		return fmt.Errorf("%s: %d points of %d bytes run past the end", what, count, size)
	}
	for i := range count {
		if b[off+i*size]&0xC0 == 0 {
			return fmt.Errorf("%s: point %d is not in compressed form", what, i)
		}
	}
	return nil
}
