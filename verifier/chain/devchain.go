package chain

import (
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"fmt"
	"math/big"
	"net"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
)

// DevChain is an embedded chain (go-ethereum's simulated backend, Osaka
// rules, chain id 1337) served over JSON-RPC on loopback, as anvil or
// `geth --dev` would be: a block is mined as soon as a transaction is
// pending, and every second, stamped with the wall clock, so deadlines pass
// in real time.
type DevChain struct {
	URL string // http://HOST:PORT
	// Keys are the pre-funded accounts' keys, the same on every start
	// (derived from "zkml dev account N"): never use them on a real chain.
	Keys []*ecdsa.PrivateKey
	sim  *simulated.Backend
	stop chan struct{}
	done chan struct{}
}

// DevKey is the key of pre-funded dev account i.
func DevKey(i int) *ecdsa.PrivateKey {
	for n := 0; ; n++ {
		seed := sha256.Sum256([]byte(fmt.Sprintf("zkml dev account %d/%d", i, n)))
		if k, err := crypto.ToECDSA(seed[:]); err == nil {
			return k
		}
	}
}

// ServeDev starts a dev chain listening on addr (a loopback host:port;
// port 0 picks one) with accounts funded with a million ether each.
func ServeDev(addr string, accounts int) (*DevChain, error) {
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("listen address %q: %v", addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("listen address %q: a dev chain's keys are public, so it listens on loopback only", addr)
	}
	port, err := strconv.Atoi(p)
	if err != nil || port < 0 || port > 65535 {
		return nil, fmt.Errorf("listen address %q: bad port", addr)
	}
	if accounts < 1 || accounts > 100 {
		return nil, fmt.Errorf("%d accounts: want 1..100", accounts)
	}
	if port == 0 { // the simulated backend does not say which port it got: pick one
		l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
		if err != nil {
			return nil, err
		}
		port = l.Addr().(*net.TCPAddr).Port
		l.Close()
	}
	d := &DevChain{stop: make(chan struct{}), done: make(chan struct{})}
	alloc := types.GenesisAlloc{}
	balance := new(big.Int).Exp(big.NewInt(10), big.NewInt(24), nil)
	for i := range accounts {
		k := DevKey(i)
		d.Keys = append(d.Keys, k)
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: balance}
	}
	var startErr error
	func() {
		defer func() {
			if r := recover(); r != nil { // the simulated backend panics when its node cannot start
				startErr = fmt.Errorf("starting the dev chain on %s: %v", addr, r)
			}
		}()
		d.sim = simulated.NewBackend(alloc, func(nc *node.Config, ec *ethconfig.Config) {
			ec.Genesis.Config = OsakaConfig()
			nc.HTTPHost, nc.HTTPPort = host, port
			nc.HTTPModules = []string{"eth", "net", "web3"}
			nc.HTTPVirtualHosts = []string{"*"}
		})
	}()
	if startErr != nil {
		return nil, startErr
	}
	d.URL = "http://" + net.JoinHostPort(host, strconv.Itoa(port))
	go d.mine()
	return d, nil
}

// mine commits a block whenever a transaction is pending, and an empty
// one each second otherwise, so that the latest block's time (which calls
// and gas estimates see) follows the wall clock.
func (d *DevChain) mine() {
	defer close(d.done)
	client := d.sim.Client()
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	last := time.Now()
	for {
		select {
		case <-d.stop:
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		n, err := client.PendingTransactionCount(ctx)
		cancel()
		if (err == nil && n > 0) || time.Since(last) >= time.Second {
			d.sim.Commit()
			last = time.Now()
		}
	}
}

// Addresses are the pre-funded accounts.
func (d *DevChain) Addresses() []common.Address {
	var out []common.Address
	for _, k := range d.Keys {
		out = append(out, crypto.PubkeyToAddress(k.PublicKey))
	}
	return out
}

// Close stops the chain.
func (d *DevChain) Close() error {
	close(d.stop)
	<-d.done
	return d.sim.Close()
}
