package prover_test

import (
	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/frontend"

	"github.com/zkml/zkml/prover"
)

func fullWitness(w *prover.Witness) (witness.Witness, error) {
	return frontend.NewWitness(w.Full, ecc.BN254.ScalarField())
}
