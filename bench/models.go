package bench

import "path/filepath"

// Model is one benchmark model of the shared corpus.
type Model struct {
	Name string
	Dir  string // relative to the corpus root
	// Heavy models take minutes of setup; tests skip them under -short.
	Heavy bool
}

// Models are the tier-1/2 dev models and the two benchmark models.
var Models = []Model{
	{Name: "1l_mlp", Dir: "dev/1l_mlp"},
	{Name: "sklearn_mlp", Dir: "dev/sklearn_mlp"},
	{Name: "accuracy", Dir: "dev/accuracy"},
	{Name: "mnist_mlp_bn", Dir: "dev/mnist_mlp_bn"},
	{Name: "3l_relu_conv_fc", Dir: "dev/3l_relu_conv_fc"},
	{Name: "idolmodel", Dir: "dev/idolmodel", Heavy: true},
	{Name: "mnist-8", Dir: "dev/mnist-8"},
	{Name: "mlp_2m6k", Dir: "bench/mlp_2m6k"},
	{Name: "cifar_cnn", Dir: "bench/cifar_cnn", Heavy: true},
}

// Path returns the model directory under the corpus root.
func (m Model) Path(corpus string) string { return filepath.Join(corpus, m.Dir) }
