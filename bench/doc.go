// Package bench measures the product on the models it is meant for: constraint
// counts per layer (checked against a golden CSV), compile, setup, prove and
// verify time, the peak memory of a whole `zkml prove` process, proof and key
// sizes, and the raw gnark floor — a Groth16 circuit of the same size with one
// commitment — so prove cost per constraint can be read as a ratio to it.
//
// `go test -bench . ./bench` runs the benchmarks; `go run ./bench/report`
// writes REPORT.md and chart.png in this directory.
package bench
