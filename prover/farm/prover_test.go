package farm_test

import "github.com/zkml/zkml/prover"

func proverLoad(dir string) (*prover.Prover, error) { return prover.Load(dir) }
