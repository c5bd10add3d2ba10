// Package solctest compiles Solidity sources in tests with the project's
// pinned solc-js (contracts/compile.js --standard-json; `npm ci` in contracts/
// installs it).
package solctest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

// Contract is one compiled contract.
type Contract struct {
	ABI     string
	Bin     []byte // creation code
	Runtime []byte
}

// Root is the module root (the folder holding go.mod) above the working directory.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = up
	}
}

// Compile compiles sources (file name -> content) and returns every contract
// by name.
func Compile(t testing.TB, sources map[string]string) map[string]Contract {
	t.Helper()
	type src struct {
		Content string `json:"content"`
	}
	in := map[string]any{"language": "Solidity", "sources": map[string]src{}}
	for name, content := range sources {
		in["sources"].(map[string]src)[name] = src{content}
	}
	raw, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", filepath.Join(Root(t), "contracts", "compile.js"), "--standard-json")
	cmd.Stdin = bytes.NewReader(raw)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("solc: %v\n%s", err, stderr.String())
	}
	var res struct {
		Contracts map[string]map[string]struct {
			ABI json.RawMessage `json:"abi"`
			EVM struct {
				Bytecode         struct{ Object string } `json:"bytecode"`
				DeployedBytecode struct{ Object string } `json:"deployedBytecode"`
			} `json:"evm"`
		} `json:"contracts"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("solc output: %v", err)
	}
	cs := map[string]Contract{}
	for _, file := range res.Contracts {
		for name, c := range file {
			cs[name] = Contract{ABI: string(c.ABI), Bin: common.FromHex(c.EVM.Bytecode.Object), Runtime: common.FromHex(c.EVM.DeployedBytecode.Object)}
		}
	}
	return cs
}
