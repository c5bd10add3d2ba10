package farm

import "github.com/zkml/zkml/prover/store"

// SetSettleHook makes a coordinator's settler run f before each stage
// ("send": a pending settlement is about to be checked and signed;
// "broadcast": its signed transaction was recorded and is about to be sent;
// "await": a sent settlement is about to be broadcast again and awaited).
// An error from f stops the settlement there, as a crash would.
func SetSettleHook(cfg *Config, f func(stage string, st *store.Settlement) error) { cfg.settleHook = f }
