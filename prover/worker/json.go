package worker

import (
	"encoding/json"

	"github.com/zkml/zkml/verifier"
)

func jsonMarshal(pf *verifier.ProofFile) ([]byte, error) { return json.Marshal(pf) }
