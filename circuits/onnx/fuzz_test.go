package onnx_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/onnx"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/circuits/tensor"
	"github.com/zkml/zkml/internal/fuzzcheck"
)

// seedModels adds the small dev and quantized-op models as seeds.
func seedModels(f *testing.F) {
	for _, glob := range []string{"../../../shared/models/dev/*/network.onnx", "../../../shared/models/quant-ops/frozen/*/network.onnx"} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			if st, err := os.Stat(p); err == nil && st.Size() < 64<<10 {
				raw, _ := os.ReadFile(p)
				f.Add(raw)
			}
		}
	}
}

// maxQuantized bounds the elements of a fuzzed graph that is also
// quantized: the loader admits tensors of up to 2^26 elements, which a
// 70-byte model can declare; calibration then holds them, as it must.
const maxQuantized = 1 << 14

// FuzzDecode: ONNX bytes import into a graph or an error, and a small graph
// quantizes or gives an error; never a panic, a hang, or more than 64 MiB
// plus 64 bytes per input byte.
func FuzzDecode(f *testing.F) {
	seedModels(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		fuzzcheck.Run(t, 64<<20+64*uint64(len(raw)), func() {
			g, err := onnx.Decode(raw)
			fuzzcheck.Err(t, err)
			if err != nil {
				return
			}
			n := 0
			for _, c := range g.Consts {
				n += len(c.Data)
			}
			sample := make([]*tensor.T, len(g.Inputs))
			for i, in := range g.Inputs {
				n += in.Shape.Size()
				if n > maxQuantized || in.Shape.Size() < 0 {
					return
				}
				sample[i] = tensor.New(in.Shape)
			}
			_, err = model.Quantize(g, [][]*tensor.T{sample}, ops.Defaults)
			fuzzcheck.Err(t, err)
		})
	})
}
