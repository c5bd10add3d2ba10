package bench

import (
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/prover"
)

// BenchmarkProve proves each model's input.json in-process, keys loaded (the
// whole-process numbers, with peak memory, are in `go run ./bench/report`).
func BenchmarkProve(b *testing.B) {
	for _, m := range Models {
		if m.Heavy && testing.Short() {
			continue
		}
		b.Run("model="+m.Name, func(b *testing.B) {
			q, err := Quantize(m, corpus)
			if err != nil {
				b.Fatal(err)
			}
			dir := filepath.Join(b.TempDir(), "a")
			meta, err := model.Compile(q, dir, model.CompileOptions{})
			if err != nil {
				b.Fatal(err)
			}
			p, err := prover.Load(dir)
			if err != nil {
				b.Fatal(err)
			}
			in, err := model.ReadInput(filepath.Join(m.Path(corpus), "input.json"))
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			var proofBytes int
			for i := 0; i < b.N; i++ {
				pf, err := p.Prove(prover.Request{Inputs: in, JobID: big.NewInt(int64(i))})
				if err != nil {
					b.Fatal(err)
				}
				proofBytes = (len(pf.Proof) - 2) / 2
			}
			b.ReportMetric(float64(meta.Constraints), "constraints")
			b.ReportMetric(float64(proofBytes), "proof_bytes")
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/float64(meta.Constraints)*1e6, "us/constraint")
		})
	}
}

// BenchmarkFloor proves raw gnark circuits of the sizes of ours.
func BenchmarkFloor(b *testing.B) {
	for _, n := range []int{1 << 14, 1 << 16} {
		b.Run("n="+itoa(n), func(b *testing.B) {
			f, err := MeasureFloor(n, b.N)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(f.ProveSec, "prove_s")
			b.ReportMetric(f.ProveSec/float64(f.Constraints)*1e6, "us/constraint")
		})
	}
}

// BenchmarkPlain proves the plain gnark circuit of mlp_2m6k (see
// PlainCircuit), the baseline BenchmarkProve's model=mlp_2m6k is held against.
func BenchmarkPlain(b *testing.B) {
	q, x, y, err := ReferenceIO(Model{Name: "mlp_2m6k", Dir: "bench/mlp_2m6k"}, corpus)
	if err != nil {
		b.Fatal(err)
	}
	p, err := MeasurePlain(q.Prog, x, y, b.N)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(p.Constraints), "constraints")
	b.ReportMetric(p.ProveSec, "prove_s")
	b.ReportMetric(p.ProveSec/float64(p.Constraints)*1e6, "us/constraint")
}

func itoa(n int) string { return big.NewInt(int64(n)).String() }

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}
