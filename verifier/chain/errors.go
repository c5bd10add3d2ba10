package chain

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/rpc"

	"github.com/zkml/zkml/contracts/registry"
)

// Errors a registry call can fail with; the message adds the contract's detail.
var (
	// ErrProofRejected: the verifier rejected the proof for this job and submitter.
	ErrProofRejected = errors.New("proof rejected on chain")
	// ErrJobNotOpen: the job was already paid or refunded.
	ErrJobNotOpen = errors.New("job not open")
	// ErrUnknownJob: no job has this id.
	ErrUnknownJob = errors.New("unknown job")
	// ErrUnknownModel: no model has this id.
	ErrUnknownModel = errors.New("unknown model")
	// ErrDeadlinePassed: the job's deadline has passed (or a new job's deadline is not in the future).
	ErrDeadlinePassed = errors.New("deadline passed")
	// ErrDeadlineNotPassed: a refund before the job's deadline.
	ErrDeadlineNotPassed = errors.New("deadline not passed")
	// ErrWrongPayment: the value sent is not the model's price.
	ErrWrongPayment = errors.New("payment differs from the model's price")
	// ErrNotInField: a commitment or output is not below the BN254 scalar field modulus.
	ErrNotInField = errors.New("value not in the scalar field")
	// ErrNothingToWithdraw: the account has no credit.
	ErrNothingToWithdraw = errors.New("nothing to withdraw")
	// ErrReverted: any other revert, or a transaction that failed once mined.
	ErrReverted = errors.New("transaction reverted")
	// ErrNotHolder: only the model token's holder may change its price or retire it.
	ErrNotHolder = errors.New("not the model's holder")
	// ErrRetired: a retired model takes no new jobs.
	ErrRetired = errors.New("model retired")
)

// revertError maps an error from a call or gas estimate carrying revert data
// to the exported errors; other errors come back unchanged.
func revertError(reg *registry.Registry, err error) error {
	if err == nil {
		return nil
	}
	var de rpc.DataError
	if !errors.As(err, &de) {
		return err
	}
	s, _ := de.ErrorData().(string)
	raw, herr := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if herr != nil || len(raw) < 4 {
		return fmt.Errorf("%w: %v", ErrReverted, err)
	}
	return decodeRevert(reg, raw)
}

func decodeRevert(reg *registry.Registry, raw []byte) error {
	v, err := reg.UnpackError(raw)
	if err != nil {
		return fmt.Errorf("%w: revert data 0x%x", ErrReverted, raw)
	}
	switch e := v.(type) {
	case *registry.RegistryProofRejected:
		return fmt.Errorf("%w: job %s", ErrProofRejected, e.Job)
	case *registry.RegistryJobNotOpen:
		return fmt.Errorf("%w: job %s is %s", ErrJobNotOpen, e.Job, Status(e.Status))
	case *registry.RegistryUnknownJob:
		return fmt.Errorf("%w: %s", ErrUnknownJob, e.Job)
	case *registry.RegistryUnknownModel:
		return fmt.Errorf("%w: %s", ErrUnknownModel, e.Model)
	case *registry.RegistryDeadlinePassed:
		return fmt.Errorf("%w: deadline %s, block time %s", ErrDeadlinePassed, e.Deadline, e.Now)
	case *registry.RegistryDeadlineNotPassed:
		return fmt.Errorf("%w: deadline %s, block time %s", ErrDeadlineNotPassed, e.Deadline, e.Now)
	case *registry.RegistryDeadlineTooFar:
		return fmt.Errorf("%w: deadline %d is beyond 2^40", ErrReverted, e.Deadline)
	case *registry.RegistryWrongPayment:
		return fmt.Errorf("%w: sent %s wei, price %s wei", ErrWrongPayment, e.Sent, e.Price)
	case *registry.RegistryNotInField:
		return fmt.Errorf("%w: %s", ErrNotInField, e.What)
	case *registry.RegistryNothingToWithdraw:
		return fmt.Errorf("%w: %s", ErrNothingToWithdraw, e.Account)
	case *registry.RegistryRoyaltyTooHigh:
		return fmt.Errorf("%w: royalty %d bps is above 10000", ErrReverted, e.RoyaltyBps)
	case *registry.RegistryTransferFailed:
		return fmt.Errorf("%w: sending %s wei to %s failed", ErrReverted, e.Amount, e.Account)
	case *registry.RegistryBadSetup:
		return fmt.Errorf("%w: key setup with transcript %x and %d contributions (both zero for a development setup, both set for a ceremony)", ErrReverted, e.Transcript, e.Contributions)
	case *registry.RegistryReentrancy:
		return fmt.Errorf("%w: reentrant call", ErrReverted)
	case *registry.RegistryNotModelHolder:
		return fmt.Errorf("%w: %s does not hold model %s", ErrNotHolder, e.Caller, e.Model)
	case *registry.RegistryModelIsRetired:
		return fmt.Errorf("%w: %s", ErrRetired, e.Model)
	case *registry.RegistryGasTooLowForCallback:
		return fmt.Errorf("%w: %s gas left for the consumer's callback, %s needed: send more gas", ErrReverted, e.GasLeft, e.Needed)
	case *registry.RegistryBadCallbackGas:
		return fmt.Errorf("%w: consumer %s with callback gas %d (a consumer needs 1..1000000 gas, no consumer 0)", ErrReverted, e.Consumer, e.CallbackGas)
	case *registry.RegistryERC721InsufficientApproval:
		return fmt.Errorf("%w: %s may not transfer model %s", ErrNotHolder, e.Operator, e.TokenId)
	case *registry.RegistryERC721IncorrectOwner:
		return fmt.Errorf("%w: %s does not hold model %s", ErrNotHolder, e.Sender, e.TokenId)
	case *registry.RegistryERC721NonexistentToken:
		return fmt.Errorf("%w: %s", ErrUnknownModel, e.TokenId)
	case *registry.RegistryERC721InvalidReceiver:
		return fmt.Errorf("%w: %s cannot receive a model token", ErrReverted, e.Receiver)
	}
	return fmt.Errorf("%w: %T", ErrReverted, v)
}
