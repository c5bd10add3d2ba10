package ceremony

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

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
