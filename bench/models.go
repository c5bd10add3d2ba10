package bench

import (
	"path/filepath"
	"strings"

	"github.com/zkml/zkml/circuits/ops"
)

// Model is one benchmark model of the shared corpus.
type Model struct {
	Name string
	Dir  string // relative to the corpus root
	// Heavy models take minutes of setup; tests skip them under -short.
	Heavy bool
	// Bits is the activation width it is compiled at (zkml compile --bits);
	// 0 is the default.
	Bits int
}

// Models are the dev models (tier 1 and 2, and the tier-3 recurrent, tree
// and transformer models) and the two benchmark models.
var Models = []Model{
	{Name: "1l_mlp", Dir: "dev/1l_mlp"},
	{Name: "sklearn_mlp", Dir: "dev/sklearn_mlp"},
	{Name: "accuracy", Dir: "dev/accuracy"},
	{Name: "mnist_mlp_bn", Dir: "dev/mnist_mlp_bn"},
	{Name: "3l_relu_conv_fc", Dir: "dev/3l_relu_conv_fc"},
	{Name: "idolmodel", Dir: "dev/idolmodel", Heavy: true},
	{Name: "mnist-8", Dir: "dev/mnist-8"},
	{Name: "lstm", Dir: "dev/lstm"},
	{Name: "gru", Dir: "dev/gru"},
	{Name: "lstm_bidir", Dir: "dev/lstm_bidir", Heavy: true},
	{Name: "xgboost", Dir: "dev/xgboost"},
	{Name: "forest_digits", Dir: "dev/forest_digits"},
	{Name: "gbr_diabetes", Dir: "dev/gbr_diabetes"},
	{Name: "microgpt", Dir: "dev/microgpt"},
	{Name: "layernorm_gelu", Dir: "dev/layernorm_gelu"},
	{Name: "mlp_2m6k", Dir: "bench/mlp_2m6k"},
	{Name: "cifar_cnn", Dir: "bench/cifar_cnn", Heavy: true},
	// one bit of precision for a 2^18 instead of a 2^19 FFT domain
	{Name: "cifar_cnn@15", Dir: "bench/cifar_cnn", Heavy: true, Bits: 15},
	NanoGPT,
}

// Config is the quantization m is compiled with.
func (m Model) Config() ops.Config {
	cfg := ops.Defaults
	if m.Bits != 0 {
		cfg.ActBits = m.Bits
	}
	return cfg
}

// Path returns the model directory under the corpus root.
func (m Model) Path(corpus string) string { return filepath.Join(corpus, m.Dir) }

// NanoGPT is the cross-project nanoGPT workload (4 layers, 4 heads, d 64,
// 64 tokens, 65-character vocabulary): about 1.5M constraints, minutes of
// setup.
var NanoGPT = Model{Name: "nanogpt", Dir: "bench/nanogpt", Heavy: true}

// LayerKind groups a transformer's layers as the report counts them:
// attention (scores, masked softmax and weighted sum: one fused layer),
// normalization, MLP, the attention projections, or the rest.
func LayerKind(node, op string) string {
	switch {
	case op == "Attention":
		return "attention (scores, softmax, weighted sum)"
	case op == "LayerNormalization" || op == "RMSNormalization" || strings.Contains(node, "LayerNormalization") || strings.Contains(node, "/ln"):
		return "normalization"
	case op == "MatMul":
		return "attention products"
	case op == "Softmax":
		return "softmax"
	case strings.Contains(node, "/mlp"):
		return "MLP"
	case strings.Contains(node, "/attn"):
		return "attention projections"
	}
	return "embedding, residuals, head and bindings"
}
