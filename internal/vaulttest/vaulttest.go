// Package vaulttest drives the example consumer contract
// (contracts/examples/RebalanceVault.sol) for tests: deploy it for a
// registered model, record features, ask for advice, read what it did.
package vaulttest

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/contracts/examples"
	"github.com/zkml/zkml/verifier/chain"
)

// Vault is a deployed RebalanceVault; its deployer is its keeper.
type Vault struct {
	Addr common.Address
	abi  *examples.RebalanceVault
	cl   *chain.Client
}

// CallbackGas is the gas the vault reserves for its callback: about 30k
// under Osaka's rules, 3x that under geth --dev's later fork (state-gas
// metering prices a new storage slot higher).
const CallbackGas = 200_000

// Deploy deploys a vault for a registered model whose outputs hold and
// rebalance are its scores, funded with fund wei to pay for advice (at most
// fund per request); cl is its keeper.
func Deploy(ctx context.Context, cl *chain.Client, modelID *big.Int, meta *model.Meta, hold, rebalance uint8, fund *big.Int) (*Vault, error) {
	return DeployWith(ctx, cl, modelID, meta, hold, rebalance, fund, CallbackGas)
}

// DeployWith is Deploy with the gas the vault reserves for its callback.
func DeployWith(ctx context.Context, cl *chain.Client, modelID *big.Int, meta *model.Meta, hold, rebalance uint8, fund *big.Int, callbackGas uint32) (*Vault, error) {
	v := &Vault{abi: examples.NewRebalanceVault(), cl: cl}
	if meta.InputHashed() {
		return nil, fmt.Errorf("the model's input is a commitment (input_encoding %q): a contract cannot request on data it holds", meta.InputEncoding)
	}
	ctor := v.abi.PackConstructor(cl.Registry, modelID, uint8(meta.InputWidth), uint8(meta.OutputWidth), hold, rebalance, callbackGas, fund)
	rc, err := cl.Transact(ctx, nil, append(common.FromHex(examples.RebalanceVaultMetaData.Bin), ctor...), fund)
	if err != nil {
		return nil, fmt.Errorf("deploying the vault: %w", err)
	}
	v.Addr = rc.ContractAddress
	return v, nil
}

// Observe records quantized features (the keeper only).
func (v *Vault) Observe(ctx context.Context, q []int64) error {
	in := make([]*big.Int, len(q))
	for i, x := range q {
		in[i] = big.NewInt(x)
	}
	_, err := v.cl.Transact(ctx, &v.Addr, v.abi.PackObserve(in), nil)
	return err
}

// RequestAdvice has the keeper ask the model about the recorded features;
// it returns the registry's job id and the receipt's gas.
func (v *Vault) RequestAdvice(ctx context.Context, deadline time.Time) (*big.Int, uint64, error) {
	rc, err := v.cl.Transact(ctx, &v.Addr, v.abi.PackRequestAdvice(uint64(deadline.Unix())), nil)
	if err != nil {
		return nil, 0, fmt.Errorf("requesting advice: %w", err)
	}
	for _, l := range rc.Logs {
		if ev, err := v.abi.UnpackAdviceRequestedEvent(l); err == nil {
			return ev.Job, rc.GasUsed, nil
		}
	}
	return nil, rc.GasUsed, fmt.Errorf("no AdviceRequested event in %s", rc.TxHash)
}

// State is what the vault has done.
type State struct {
	Pending         *big.Int
	Rebalances      uint64
	Hold, Rebalance int64 // the last verified scores, quantized
}

// State reads the vault's state.
func (v *Vault) State(ctx context.Context) (*State, error) {
	var s State
	var outs [4][]byte
	for i, data := range [][]byte{v.abi.PackPendingJob(), v.abi.PackRebalances(), v.abi.PackLastHold(), v.abi.PackLastRebalance()} {
		out, err := v.cl.Call(ctx, v.Addr, data)
		if err != nil {
			return nil, err
		}
		outs[i] = out
	}
	var err error
	if s.Pending, err = v.abi.UnpackPendingJob(outs[0]); err != nil {
		return nil, err
	}
	if s.Rebalances, err = v.abi.UnpackRebalances(outs[1]); err != nil {
		return nil, err
	}
	if s.Hold, err = v.abi.UnpackLastHold(outs[2]); err != nil {
		return nil, err
	}
	if s.Rebalance, err = v.abi.UnpackLastRebalance(outs[3]); err != nil {
		return nil, err
	}
	return &s, nil
}

// CatchUp makes the vault act on its paid request from the output the
// registry stored (when the callback failed).
func (v *Vault) CatchUp(ctx context.Context) error {
	_, err := v.cl.Transact(ctx, &v.Addr, v.abi.PackCatchUp(), nil)
	return err
}

// Call sends the vault a call as from (a non-keeper's request, say).
func (v *Vault) Call(ctx context.Context, from *chain.Client, data []byte) error {
	_, err := from.Transact(ctx, &v.Addr, data, nil)
	return err
}

// ABI is the vault's bindings, to pack calls for Call.
func (v *Vault) ABI() *examples.RebalanceVault { return v.abi }

// ForgeAdvice calls the vault's callback directly, as anyone but the
// registry could: the vault must refuse it.
func (v *Vault) ForgeAdvice(ctx context.Context, from *chain.Client, job, modelID, output *big.Int) error {
	_, err := from.Transact(ctx, &v.Addr, v.abi.PackOnInference(job, modelID, output), nil)
	return err
}
