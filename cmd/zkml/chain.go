package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/verifier/chain"
)

const chainUsage = `usage: zkml chain <step> [flags]

  dev [--listen 127.0.0.1:8545] [--accounts 3]
      an embedded chain (go-ethereum's simulated backend, Osaka rules, chain id
      1337) served over JSON-RPC on loopback until interrupted; prints one line
      "account 0xADDR key 0xHEX" per pre-funded account, then "rpc URL"
  deploy                                   deploy a registry; prints its address
  register --artifacts DIR --price WEI [--royalty-bps N]
                                           register a compiled model (deploys its
                                           verifier, mints its token); prints the model id
  request --model N --input F --artifacts DIR [--deadline 1h] [--consumer ADDR
          [--callback-gas N]] [--coordinator HOST:PORT]
                                           escrow the price for one inference; prints
                                           the job id (the input rides on chain when it
                                           packs into one field element, else it is
                                           delivered to --coordinator)
  job --job N [--artifacts DIR] [--wait] [--json]
                                           a job's state, payment, settle gas and
                                           verified output
  refund --job N                           return an unpaid job's escrow after its deadline
  withdraw                                 pay out this key's credit; prints the wei
  calldata --proof proof.json              submitProof's arguments for any other client
  model --model N [--price WEI] [--transfer-to ADDR] [--retire]
                                           show or change a model (its holder only)

Every step takes --rpc URL (default $ZKML_CHAIN_RPC, else http://127.0.0.1:8545);
steps that send take --key HEX (default $ZKML_CHAIN_KEY), steps on a registry
--registry ADDR (default $ZKML_REGISTRY). Receipts' gas goes to stderr, the
result to the last line of stdout.
`

func runChain(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, chainUsage)
		if len(args) == 0 {
			return fmt.Errorf("a step is required")
		}
		return nil
	}
	switch args[0] {
	case "dev":
		return runChainDev(args[1:], stdout, stderr)
	case "deploy":
		return runChainDeploy(args[1:], stdout, stderr)
	case "register":
		return runChainRegister(args[1:], stdout, stderr)
	case "request":
		return runChainRequest(args[1:], stdout, stderr)
	case "job":
		return runChainJob(args[1:], stdout, stderr)
	case "refund":
		return runChainRefund(args[1:], stdout, stderr)
	case "withdraw":
		return runChainWithdraw(args[1:], stdout, stderr)
	case "calldata":
		return runChainCalldata(args[1:], stdout, stderr)
	case "model":
		return runChainModel(args[1:], stdout, stderr)
	}
	fmt.Fprint(stderr, chainUsage)
	return fmt.Errorf("unknown step %q", args[0])
}

func runChainDev(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("chain dev", stderr)
	listen := fs.String("listen", "127.0.0.1:8545", "loopback address to serve JSON-RPC on")
	accounts := fs.Int("accounts", 3, "pre-funded accounts (a million ether each)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs); err != nil {
		return err
	}
	d, err := chain.ServeDev(*listen, *accounts)
	if err != nil {
		return err
	}
	defer d.Close()
	for _, k := range d.Keys {
		fmt.Fprintf(stdout, "account %s key 0x%s\n", crypto.PubkeyToAddress(k.PublicKey), hex.EncodeToString(crypto.FromECDSA(k)))
	}
	fmt.Fprintf(stdout, "rpc %s\n", d.URL)
	if f, ok := stdout.(*os.File); ok {
		f.Sync()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	fmt.Fprintln(stderr, "[chain dev] stopped")
	return nil
}
