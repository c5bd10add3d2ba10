package chain

import (
	"bytes"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"

	"github.com/zkml/zkml/internal/solctest"
)

// attacker holds a refund credit and, when paid, calls withdraw again from
// its receive function.
const attacker = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;
interface IRegistry {
    function requestJob(uint256 model, uint256 input, uint64 deadline, address consumer, uint32 callbackGas) external payable returns (uint256);
    function withdraw() external;
}
contract Attacker {
    IRegistry immutable r;
    uint256 public received;
    uint256 public reentries;
    bool public reentered;
    constructor(address registry) { r = IRegistry(registry); }
    function request(uint256 model, uint256 ic, uint64 deadline) external payable { r.requestJob{value: msg.value}(model, ic, deadline, address(0), 0); }
    function attack() external { r.withdraw(); }
    receive() external payable {
        received += msg.value;
        if (reentries < 3) {
            reentries++;
            (bool ok,) = address(r).call(abi.encodeWithSignature("withdraw()"));
            if (ok) reentered = true;
        }
    }
}
`

func TestWithdrawReentrancy(t *testing.T) {
	m := newMarket(t)
	ctx := m.ctx
	c := solctest.Compile(t, map[string]string{"Attacker.sol": attacker})["Attacker"]
	a, err := abi.JSON(bytes.NewReader([]byte(c.ABI)))
	if err != nil {
		t.Fatal(err)
	}
	ctor, _ := a.Pack("", m.owner.Registry)
	addr := deployCode(t, m.other, append(c.Bin, ctor...))
	call := func(method string, value *big.Int, args ...any) error {
		data, err := a.Pack(method, args...)
		if err != nil {
			t.Fatal(err)
		}
		_, err = m.other.send(ctx, &addr, data, value)
		return err
	}
	read := func(method string) any {
		data, _ := a.Pack(method)
		out, err := m.chain.CallContract(ctx, ethereum.CallMsg{To: &addr, Data: data}, nil)
		if err != nil {
			t.Fatal(err)
		}
		v, err := a.Unpack(method, out)
		if err != nil {
			t.Fatal(err)
		}
		return v[0]
	}
	head, _ := m.chain.HeaderByNumber(ctx, nil)
	// An honest job keeps funds in the registry that a reentrant withdraw could steal.
	m.request(time.Hour)
	if err := call("request", m.price, m.model, m.inputCommitment, head.Time+60); err != nil {
		t.Fatal(err)
	}
	attackJob := big.NewInt(2)
	m.chain.Sim.Commit()
	if err := m.chain.Sim.AdjustTime(2 * time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, err := m.other.Refund(ctx, attackJob); err != nil {
		t.Fatal(err)
	}
	before, _ := m.chain.BalanceAt(ctx, m.owner.Registry, nil)
	if err := call("attack", nil); err != nil {
		t.Fatal(err)
	}
	after, _ := m.chain.BalanceAt(ctx, m.owner.Registry, nil)
	got, _ := m.chain.BalanceAt(ctx, addr, nil)
	if got.Cmp(m.price) != 0 || read("received").(*big.Int).Cmp(m.price) != 0 {
		t.Errorf("attacker holds %s wei, want exactly its refund %s", got, m.price)
	}
	if new(big.Int).Sub(before, after).Cmp(m.price) != 0 {
		t.Errorf("registry paid out %s wei, want %s", new(big.Int).Sub(before, after), m.price)
	}
	if read("reentered").(bool) || read("reentries").(*big.Int).Int64() != 1 {
		t.Errorf("reentered=%v reentries=%v: the reentrant withdraw must fail", read("reentered"), read("reentries"))
	}
	if credit, _ := m.owner.Credit(ctx, addr); credit.Sign() != 0 {
		t.Errorf("attacker credit %s after withdraw", credit)
	}
}
