package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
)

// Backend is what the client needs of a chain: calls, transactions, logs,
// receipts, balances and the chain id. *ethclient.Client and the simulated
// backend's client satisfy it.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	ethereum.ChainIDReader
	ethereum.BlockNumberReader
	BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
}

var (
	_ Backend = (*ethclient.Client)(nil)
	_ Backend = simulated.Client(nil)
)

// Chain is a connection to one chain.
type Chain struct {
	Backend
	// Sim is the embedded chain, nil for a JSON-RPC chain.
	Sim *simulated.Backend
	url string
}

// OsakaConfig is go-ethereum's dev chain configuration with every fork up to
// Osaka and none after: the simulated chain runs on it so gas figures are
// Osaka's.
func OsakaConfig() *params.ChainConfig {
	c := *params.AllDevChainProtocolChanges
	c.BogotaTime = nil
	return &c
}

// NewSimulated starts an embedded chain (go-ethereum's simulated backend,
// chain id 1337, Osaka rules) with each account funded with balance wei.
// Blocks are mined when the client waits for a receipt. Close stops it.
func NewSimulated(balance *big.Int, accounts ...common.Address) *Chain {
	alloc := types.GenesisAlloc{}
	for _, a := range accounts {
		alloc[a] = types.Account{Balance: new(big.Int).Set(balance)}
	}
	sim := simulated.NewBackend(alloc, func(_ *node.Config, ec *ethconfig.Config) {
		ec.Genesis.Config = OsakaConfig()
	})
	return &Chain{Backend: sim.Client(), Sim: sim, url: "simulated"}
}

// Dial connects to a JSON-RPC chain (http, ws or ipc URL).
func Dial(ctx context.Context, url string) (*Chain, error) {
	c, err := ethclient.DialContext(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("chain %s: %w", url, err)
	}
	if _, err := c.ChainID(ctx); err != nil {
		c.Close()
		return nil, fmt.Errorf("chain %s: %w", url, err)
	}
	return &Chain{Backend: c, url: url}, nil
}

// String names the chain.
func (c *Chain) String() string { return c.url }

// Close releases the connection or stops the embedded chain.
func (c *Chain) Close() error {
	if c.Sim != nil {
		return c.Sim.Close()
	}
	if ec, ok := c.Backend.(*ethclient.Client); ok {
		ec.Close()
	}
	return nil
}

// ParseKey parses a hex secp256k1 private key (with or without 0x).
func ParseKey(s string) (*ecdsa.PrivateKey, error) {
	k, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(s), "0x"))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadKey, err)
	}
	return k, nil
}

// ErrBadKey: a private key that does not parse.
var ErrBadKey = errors.New("bad private key")
