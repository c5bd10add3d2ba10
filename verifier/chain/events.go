package chain

import (
	"context"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/zkml/zkml/contracts/registry"
)

// Event is one registry event; exactly one of the pointers is set.
type Event struct {
	Block           uint64
	TxHash          common.Hash
	ModelRegistered *registry.RegistryModelRegistered
	JobRequested    *registry.RegistryJobRequested
	JobPaid         *registry.RegistryJobPaid
	JobRefunded     *registry.RegistryJobRefunded
	Withdrawn       *registry.RegistryWithdrawn
	ConsumerCalled  *registry.RegistryConsumerCalled
	PriceChanged    *registry.RegistryPriceChanged
	ModelRetired    *registry.RegistryModelRetired
	Transfer        *registry.RegistryTransfer // a model token changed hands (or was minted)
}

// Name is the event's name in the contract.
func (e Event) Name() string {
	switch {
	case e.ModelRegistered != nil:
		return registry.RegistryModelRegisteredEventName
	case e.JobRequested != nil:
		return registry.RegistryJobRequestedEventName
	case e.JobPaid != nil:
		return registry.RegistryJobPaidEventName
	case e.JobRefunded != nil:
		return registry.RegistryJobRefundedEventName
	case e.Withdrawn != nil:
		return registry.RegistryWithdrawnEventName
	case e.ConsumerCalled != nil:
		return registry.RegistryConsumerCalledEventName
	case e.PriceChanged != nil:
		return registry.RegistryPriceChangedEventName
	case e.ModelRetired != nil:
		return registry.RegistryModelRetiredEventName
	case e.Transfer != nil:
		return registry.RegistryTransferEventName
	}
	return ""
}

// Events returns the registry's events in blocks from..to (to nil: the head).
func (c *Client) Events(ctx context.Context, from uint64, to *big.Int) ([]Event, error) {
	return c.filter(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(from), ToBlock: to})
}

// filter returns the registry's events that q selects (q's addresses are
// set to the registry), decoded, in chain order.
func (c *Client) filter(ctx context.Context, q ethereum.FilterQuery) ([]Event, error) {
	q.Addresses = []common.Address{c.Registry}
	logs, err := c.Chain.FilterLogs(ctx, q)
	if err != nil {
		return nil, err
	}
	var out []Event
	for i := range logs {
		if ev, ok := c.decode(&logs[i]); ok {
			out = append(out, ev)
		}
	}
	return out, nil
}

func (c *Client) decode(l *types.Log) (Event, bool) {
	ev := Event{Block: l.BlockNumber, TxHash: l.TxHash}
	var err error
	if len(l.Topics) == 0 {
		return ev, false
	}
	events := c.abi.GetABI().Events
	switch l.Topics[0] {
	case events[registry.RegistryModelRegisteredEventName].ID:
		ev.ModelRegistered, err = c.abi.UnpackModelRegisteredEvent(l)
	case events[registry.RegistryJobRequestedEventName].ID:
		ev.JobRequested, err = c.abi.UnpackJobRequestedEvent(l)
	case events[registry.RegistryJobPaidEventName].ID:
		ev.JobPaid, err = c.abi.UnpackJobPaidEvent(l)
	case events[registry.RegistryJobRefundedEventName].ID:
		ev.JobRefunded, err = c.abi.UnpackJobRefundedEvent(l)
	case events[registry.RegistryWithdrawnEventName].ID:
		ev.Withdrawn, err = c.abi.UnpackWithdrawnEvent(l)
	case events[registry.RegistryConsumerCalledEventName].ID:
		ev.ConsumerCalled, err = c.abi.UnpackConsumerCalledEvent(l)
	case events[registry.RegistryPriceChangedEventName].ID:
		ev.PriceChanged, err = c.abi.UnpackPriceChangedEvent(l)
	case events[registry.RegistryModelRetiredEventName].ID:
		ev.ModelRetired, err = c.abi.UnpackModelRetiredEvent(l)
	case events[registry.RegistryTransferEventName].ID:
		ev.Transfer, err = c.abi.UnpackTransferEvent(l)
	default:
		return ev, false
	}
	return ev, err == nil
}

// Watch polls for registry events from block from on and sends them to sink
// in chain order until ctx ends (then it returns ctx.Err()). It works on any
// chain, HTTP included; a coordinator follows JobRequested with it and
// re-checks each job with Job before sending a proof.
func (c *Client) Watch(ctx context.Context, from uint64, sink chan<- Event) error {
	next := from
	for {
		head, err := c.Chain.BlockNumber(ctx)
		if err != nil {
			return err
		}
		if head >= next {
			evs, err := c.Events(ctx, next, new(big.Int).SetUint64(head))
			if err != nil {
				return err
			}
			for _, ev := range evs {
				select {
				case sink <- ev:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			next = head + 1
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(c.Poll):
		}
	}
}

// JobRequestedTopic selects JobRequested events (for EventsWith).
func (c *Client) JobRequestedTopic() []common.Hash {
	return []common.Hash{c.abi.GetABI().Events[registry.RegistryJobRequestedEventName].ID}
}

// EventsWith returns the registry's events from block from on whose first
// topic is one of topics.
func (c *Client) EventsWith(ctx context.Context, from uint64, topics []common.Hash) ([]Event, error) {
	return c.filter(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(from), Topics: [][]common.Hash{topics}})
}

// JobEvents returns the registry's events about one job (requested, paid,
// refunded, its consumer called), in chain order.
func (c *Client) JobEvents(ctx context.Context, job *big.Int) ([]Event, error) {
	events := c.abi.GetABI().Events
	var ids []common.Hash
	for _, n := range []string{registry.RegistryJobRequestedEventName, registry.RegistryJobPaidEventName, registry.RegistryJobRefundedEventName, registry.RegistryConsumerCalledEventName} {
		ids = append(ids, events[n].ID)
	}
	return c.filter(ctx, ethereum.FilterQuery{FromBlock: new(big.Int), Topics: [][]common.Hash{ids, {common.BigToHash(job)}}})
}
