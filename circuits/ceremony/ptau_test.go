package ceremony

import (
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	curve "github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/fft"

	"github.com/zkml/zkml/internal/snarkjstest"
)

// snarkjsPtau makes a powers-of-tau file with snarkjs: the starting state of
// 2^power and one contribution, as a ceremony's participant would.
func snarkjsPtau(t *testing.T, power string) string {
	t.Helper()
	dir := t.TempDir()
	snarkjstest.Run(t, dir, "powersoftau", "new", "bn128", power, "pot0.ptau")
	snarkjstest.Run(t, dir, "powersoftau", "contribute", "pot0.ptau", "pot1.ptau", "--name=first", "-e=test entropy")
	return filepath.Join(dir, "pot1.ptau")
}

func TestImportPtau(t *testing.T) {
	ptau := snarkjsPtau(t, "6")
	s, err := ImportPtau(ptau, 0)
	if err != nil {
		t.Fatal(err)
	}
	if s.N() != 64 || len(s.G1.Tau) != 127 {
		t.Fatalf("imported domain %d with %d powers in G1, want 64 and 127", s.N(), len(s.G1.Tau))
	}
	// truncated on import, and through a file of ours
	s4, err := ImportPtau(ptau, 4)
	if err != nil {
		t.Fatal(err)
	}
	if s4.N() != 16 || !s4.G1.Tau[15].Equal(&s.G1.Tau[15]) || !s4.G2.Beta.Equal(&s.G2.Beta) {
		t.Fatal("a truncated import is not the prefix of the whole one")
	}
	raw, err := MarshalSRS(s4)
	if err != nil {
		t.Fatal(err)
	}
	back, err := UnmarshalSRS("srs", raw)
	if err != nil {
		t.Fatal(err)
	}
	if !back.G1.AlphaTau[7].Equal(&s4.G1.AlphaTau[7]) || back.Label != s4.Label {
		t.Fatal("the SRS file does not read back as written")
	}
	if _, err := ImportPtau(ptau, 7); err == nil {
		t.Fatal("a power beyond the file's was imported")
	}

	// a changed point is caught: off the curve, or a power of another τ
	b, err := os.ReadFile(ptau)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(ptau)
	sec, err := ptauSections(f, int64(len(b)))
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		edit func(b []byte)
		want error
	}{
		{"coordinate byte", func(b []byte) { b[sec[ptauTauG1].offset+5*ptauG1Size+3] ^= 1 }, ErrPtau},
		{"swapped powers", func(b []byte) {
			o := sec[ptauAlphaTauG1].offset
			p, q := b[o+2*ptauG1Size:o+3*ptauG1Size], b[o+3*ptauG1Size:o+4*ptauG1Size]
			tmp := append([]byte(nil), p...)
			copy(p, q)
			copy(q, tmp)
		}, ErrBadSRS},
		{"beta in G2 from another file", func(b []byte) {
			o := sec[ptauBetaG2].offset
			copy(b[o:o+ptauG2Size], b[sec[ptauTauG2].offset+ptauG2Size:])
		}, ErrBadSRS},
		{"not a ptau", func(b []byte) { copy(b, "ptaX") }, ErrPtau},
		{"section past the end", func(b []byte) { b[12+4+7] = 0x7f }, ErrPtau},
	} {
		bad := append([]byte(nil), b...)
		c.edit(bad)
		p := filepath.Join(t.TempDir(), "bad.ptau")
		os.WriteFile(p, bad, 0o644)
		if _, err := ImportPtau(p, 0); !errors.Is(err, c.want) {
			t.Errorf("%s: import gave %v, want %v", c.name, err, c.want)
		}
	}
}

// TestUncompressedPoints: gnark's decoder also reads uncompressed points;
// one in a setup file would shift it off the layout the readers check onto
// bytes it reads as a length (a 305-byte file asked for 256 GiB). Each
// reader refuses them.
func TestUncompressedPoints(t *testing.T) {
	p, err := NewPhase1(2)
	if err != nil {
		t.Fatal(err)
	}
	Contribute1(p, "x")
	ph1, _ := p.Marshal()
	srs, _, err := VerifyPhase1([]byte("b"), p)
	if err != nil {
		t.Fatal(err)
	}
	sealed, _ := MarshalSRS(srs)
	// an uncompressed G1 point where each file's first point starts
	raw := srs.G1.Tau[1].RawBytes()
	for _, c := range []struct {
		name string
		file []byte
		at   int // offset of a G1 point after the header
		read func([]byte) error
	}{
		{"SRS", sealed, 4 + g1Size, func(b []byte) error { _, err := UnmarshalSRS("f", b); return err }},
		{"phase 1", ph1, 3*proofSize + 8 + g2Size, func(b []byte) error { _, err := UnmarshalPhase1("f", b); return err }},
	} {
		_, payload, err := parseHeader("f", c.file, Kind(c.file[len(fileMagic)]))
		if err != nil {
			t.Fatal(err)
		}
		h := len(c.file) - len(payload)
		// over two compressed points: the same length, one point uncompressed
		bad := append([]byte(nil), c.file...)
		copy(bad[h+c.at:], raw[:])
		if err := c.read(bad); !errors.Is(err, ErrFile) || !strings.Contains(err.Error(), "compressed") {
			t.Errorf("%s with an uncompressed point: %v", c.name, err)
		}
	}
}

// TestRootOfUnitySRS: an SRS whose τ is a root of unity of its domain (Z(τ)
// = 0: a proof would need to satisfy only one constraint) is refused, even
// though all its powers share one ratio.
func TestRootOfUnitySRS(t *testing.T) {
	const n = 8
	omega, err := fft.Generator(n)
	if err != nil {
		t.Fatal(err)
	}
	var alpha, beta fr.Element
	alpha.SetUint64(5)
	beta.SetUint64(7)
	_, _, g1, g2 := curve.Generators()
	s := &SRS{}
	pow := func(i int) *big.Int {
		var e fr.Element
		e.Exp(omega, big.NewInt(int64(i)))
		return e.BigInt(new(big.Int))
	}
	mul := func(k *fr.Element, i int) *big.Int {
		var e fr.Element
		e.Exp(omega, big.NewInt(int64(i)))
		e.Mul(&e, k)
		return e.BigInt(new(big.Int))
	}
	for i := range 2*n - 1 {
		var p curve.G1Affine
		s.G1.Tau = append(s.G1.Tau, *p.ScalarMultiplication(&g1, pow(i)))
	}
	for i := range n {
		var q curve.G2Affine
		var a, b curve.G1Affine
		s.G2.Tau = append(s.G2.Tau, *q.ScalarMultiplication(&g2, pow(i)))
		s.G1.AlphaTau = append(s.G1.AlphaTau, *a.ScalarMultiplication(&g1, mul(&alpha, i)))
		s.G1.BetaTau = append(s.G1.BetaTau, *b.ScalarMultiplication(&g1, mul(&beta, i)))
	}
	s.G2.Beta.ScalarMultiplication(&g2, beta.BigInt(new(big.Int)))
	if err := CheckSRS(&s.SrsCommons); !errors.Is(err, ErrBadSRS) || !strings.Contains(err.Error(), "root of unity") {
		t.Fatalf("an SRS with τ = ω: %v", err)
	}
}
