package chain

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/zkml/zkml/contracts/registry"
	"github.com/zkml/zkml/internal/fuzzcheck"
)

// FuzzEvents: a registry log of any shape (its first topic chosen among
// the registry's events by kind, the rest and the data from the fuzzer)
// decodes into an event or is skipped; never a panic, a hang, or more than
// 16 MiB plus 64 bytes per input byte. A chain is outside data: a hostile
// or broken node can send any log.
func FuzzEvents(f *testing.F) {
	c := &Client{abi: registry.NewRegistry()}
	names := []string{registry.RegistryModelRegisteredEventName, registry.RegistryJobRequestedEventName, registry.RegistryJobPaidEventName, registry.RegistryJobRefundedEventName, registry.RegistryWithdrawnEventName}
	events := c.abi.GetABI().Events
	f.Add(uint8(1), []byte{}, make([]byte, 5*32))
	f.Add(uint8(2), make([]byte, 64), make([]byte, 4*32))
	f.Add(uint8(255), []byte{1}, []byte{2})
	f.Fuzz(func(t *testing.T, kind uint8, topics, data []byte) {
		l := &types.Log{Data: data}
		if int(kind) < len(names) {
			l.Topics = append(l.Topics, events[names[kind]].ID)
		}
		for i := 0; i+32 <= len(topics) && len(l.Topics) < 4; i += 32 {
			l.Topics = append(l.Topics, common.BytesToHash(topics[i:i+32]))
		}
		fuzzcheck.Run(t, 16<<20+64*uint64(len(topics)+len(data)), func() {
			ev, ok := c.decode(l)
			if ok && ev.Name() == "" {
				t.Fatal("a decoded event with no name")
			}
		})
	})
}
