package ceremony

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zkml/zkml/internal/fuzzcheck"
)

// fuzzSeeds are small setup files of every kind: a phase-1 start and
// contribution at 2^2, an SRS sealed from them, and a transcript is built by
// the ceremony tests (its readers are the same ones).
func fuzzSeeds(f *testing.F) {
	p, err := NewPhase1(2)
	if err != nil {
		f.Fatal(err)
	}
	start, _ := p.Marshal()
	Contribute1(p, "seed")
	contrib, _ := p.Marshal()
	srs, _, err := VerifyPhase1([]byte("seed"), p)
	if err != nil {
		f.Fatal(err)
	}
	sealed, _ := MarshalSRS(srs)
	for _, b := range [][]byte{start, contrib, sealed, []byte(fileMagic), []byte(transcriptMagic)} {
		f.Add(b)
	}
}

// FuzzSetupFiles: every reader of a setup file (SRS, phase-1 and phase-2
// states, transcripts) decodes it or refuses it with a message; never a
// panic, a hang, or more than 64 MiB plus 256 bytes per input byte (the
// in-memory points of what the file can hold, and their checks).
func FuzzSetupFiles(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		fuzzcheck.Run(t, 64<<20+256*uint64(len(raw)), func() {
			_, err := UnmarshalSRS("f", raw)
			fuzzcheck.Err(t, err)
			_, err = UnmarshalPhase1("f", raw)
			fuzzcheck.Err(t, err)
			_, err = UnmarshalPhase2("f", raw)
			fuzzcheck.Err(t, err)
			_, _, err = UnmarshalTranscript("f", raw)
			fuzzcheck.Err(t, err)
		})
	})
}

// FuzzPtau: a .ptau file imports or is refused; the section table and the
// points read are bounded by the file (64 MiB plus 256 bytes per byte).
func FuzzPtau(f *testing.F) {
	if paths, _ := filepath.Glob("testdata/*.ptau"); len(paths) > 0 {
		for _, p := range paths {
			b, _ := os.ReadFile(p)
			f.Add(b)
		}
	}
	f.Add([]byte("ptau\x01\x00\x00\x00\x07\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		path := filepath.Join(t.TempDir(), "f.ptau")
		os.WriteFile(path, raw, 0o644)
		fuzzcheck.Run(t, 64<<20+256*uint64(len(raw)), func() {
			_, err := ImportPtau(path, 0)
			fuzzcheck.Err(t, err)
		})
	})
}
