package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/zkml/zkml/circuits/graph"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/verifier"
	"github.com/zkml/zkml/verifier/chain"
)

// zk runs the CLI in-process and returns the last line of stdout, failing
// the test (with stderr) on a non-zero exit unless want says otherwise.
func zk(t *testing.T, want int, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, &out, &errb); code != want {
		t.Fatalf("zkml %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, out.String(), errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	return lines[len(lines)-1]
}

// TestChainCommands runs the market from the CLI against zkml chain dev
// over JSON-RPC on loopback: deploy, register, request (the input rides on
// chain), prove locally for the job, settle with the calldata `chain
// calldata` prints, read the paid job with its decoded output, refund an
// expired job, withdraw, and change the model as its holder.
func TestChainCommands(t *testing.T) {
	dev, err := chain.ServeDev("127.0.0.1:0", 3)
	if err != nil {
		t.Fatal(err)
	}
	defer dev.Close()
	hexKey := func(i int) string { return "0x" + hex.EncodeToString(crypto.FromECDSA(dev.Keys[i])) }
	owner, requester, prover := hexKey(0), hexKey(1), hexKey(2)
	proverAddr := crypto.PubkeyToAddress(dev.Keys[2].PublicKey)
	rpc := "--rpc=" + dev.URL

	dir := t.TempDir()
	art := filepath.Join(dir, "art")
	src := filepath.Join(models, "1l_mlp")
	input := filepath.Join(src, "input.json")
	zk(t, 0, "compile", "--model", filepath.Join(src, "network.onnx"), "--out", art)

	reg := zk(t, 0, "chain", "deploy", rpc, "--key", owner)
	if !common.IsHexAddress(reg) {
		t.Fatalf("deploy printed %q, want an address", reg)
	}
	on := []string{rpc, "--registry", reg}
	modelID := zk(t, 0, append([]string{"chain", "register", "--key", owner, "--artifacts", art, "--price", "1000000000000000", "--royalty-bps", "500"}, on...)...)
	if modelID != "1" {
		t.Fatalf("register printed %q, want model 1", modelID)
	}
	job := zk(t, 0, append([]string{"chain", "request", "--key", requester, "--model", modelID, "--input", input, "--artifacts", art, "--deadline", "10m"}, on...)...)

	// the job is escrowed for the packed input `zkml commit` prints
	commit := zk(t, 0, "commit", "--artifacts", art, "--input", input)
	var jr jobReport
	if err := json.Unmarshal([]byte(zk(t, 0, append([]string{"chain", "job", "--job", job, "--json"}, on...)...)), &jr); err != nil {
		t.Fatal(err)
	}
	if jr.State != "open" || jr.Input != commit || jr.Amount != "1000000000000000" {
		t.Fatalf("requested job: %+v; want open for input %s", jr, commit)
	}

	// a local proof for the job and the prover's address, settled with the printed calldata
	proof := filepath.Join(dir, "proof.json")
	zk(t, 0, "prove", "--artifacts", art, "--input", input, "--out", proof, "--job-id", job, "--prover", proverAddr.Hex())
	zk(t, 0, "verify", "--artifacts", art, "--proof", proof, "--input", input)
	other := filepath.Join(dir, "other.json")
	if err := os.WriteFile(other, []byte(`{"input_data":[[0.25,0.5,-1]]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	zk(t, exitRejected, "verify", "--artifacts", art, "--proof", proof, "--input", other)
	var cd calldataReport
	if err := json.Unmarshal([]byte(zk(t, 0, "chain", "calldata", "--proof", proof)), &cd); err != nil {
		t.Fatal(err)
	}
	if cd.Job != job || !strings.EqualFold(cd.Prover, proverAddr.Hex()) {
		t.Fatalf("calldata %+v: want job %s, prover %s", cd, job, proverAddr)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := chain.Dial(ctx, dev.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	pc, err := chain.New(ctx, c, dev.Keys[2], common.HexToAddress(reg))
	if err != nil {
		t.Fatal(err)
	}
	to := common.HexToAddress(reg)
	if _, err := pc.Transact(ctx, &to, common.FromHex(cd.Calldata), nil); err != nil {
		t.Fatalf("submitProof with zkml chain calldata's data: %v", err)
	}
	if err := json.Unmarshal([]byte(zk(t, 0, append([]string{"chain", "job", "--job", job, "--artifacts", art, "--wait", "--json"}, on...)...)), &jr); err != nil {
		t.Fatal(err)
	}
	pf, err := verifier.ReadProofFile(proof)
	if err != nil {
		t.Fatal(err)
	}
	if jr.State != "paid" || !strings.EqualFold(jr.Prover, proverAddr.Hex()) || jr.Paid != "950000000000000" || jr.Royalty != "50000000000000" || jr.SettleGas == 0 {
		t.Fatalf("paid job: %+v", jr)
	}
	got, _ := json.Marshal(jr.OutputData)
	want, _ := json.Marshal(pf.OutputData)
	if string(got) != string(want) {
		t.Fatalf("chain job's output_data %s, the proof's %s", got, want)
	}

	// an unserved job is refunded after its deadline; then both withdraw
	late := zk(t, 0, append([]string{"chain", "request", "--key", requester, "--model", modelID, "--input", input, "--artifacts", art, "--deadline", "2s"}, on...)...)
	zk(t, exitBadInput, append([]string{"chain", "refund", "--key", requester, "--job", late}, on...)...) // too early
	time.Sleep(3500 * time.Millisecond)
	if st := zk(t, 0, append([]string{"chain", "job", "--job", late, "--wait"}, on...)...); st != "open" {
		t.Fatalf("expired job is %q, want open (refundable)", st)
	}
	if wei := zk(t, 0, append([]string{"chain", "refund", "--key", requester, "--job", late}, on...)...); wei != "1000000000000000" {
		t.Fatalf("refund printed %q", wei)
	}
	if st := zk(t, 0, append([]string{"chain", "job", "--job", late}, on...)...); st != "refunded" {
		t.Fatalf("refunded job is %q", st)
	}
	if wei := zk(t, 0, append([]string{"chain", "withdraw", "--key", prover}, on...)...); wei != "950000000000000" {
		t.Fatalf("prover withdrew %q wei, want 950000000000000", wei)
	}
	zk(t, exitBadInput, append([]string{"chain", "withdraw", "--key", prover}, on...)...) // nothing left

	// the holder changes the price and hands the model on; the old holder no longer can
	newHolder := crypto.PubkeyToAddress(dev.Keys[1].PublicKey).Hex()
	if h := zk(t, 0, append([]string{"chain", "model", "--key", owner, "--model", modelID, "--price", "7", "--transfer-to", newHolder}, on...)...); h != newHolder {
		t.Fatalf("holder %q after transfer, want %s", h, newHolder)
	}
	zk(t, exitBadInput, append([]string{"chain", "model", "--key", owner, "--model", modelID, "--retire"}, on...)...)
	zk(t, 0, append([]string{"chain", "model", "--key", requester, "--model", modelID, "--retire"}, on...)...)
	zk(t, exitBadInput, append([]string{"chain", "request", "--key", requester, "--model", modelID, "--input", input, "--artifacts", art}, on...)...)

	// bad flags name what is wrong
	for _, args := range [][]string{
		{"chain", "register", rpc, "--registry", reg, "--artifacts", art, "--price", "1"},                  // no key
		{"chain", "register", rpc, "--key", owner, "--artifacts", art, "--price", "1"},                     // no registry
		{"chain", "register", rpc, "--key", owner, "--registry", reg, "--artifacts", art, "--price", "-1"}, // bad price
		{"chain", "request", rpc, "--key", requester, "--registry", reg, "--model", "x", "--input", input, "--artifacts", art},
		{"chain", "job", rpc, "--registry", "0x12", "--job", "1"},
		{"chain", "bogus"},
	} {
		zk(t, exitBadInput, args...)
	}
}

// TestOps: zkml ops lists the registry's operators one per line, other
// domains qualified, and each one resolves in the registry.
func TestOps(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"ops"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	seen := map[string]bool{}
	for _, l := range lines {
		seen[l] = true
		op, domain := l, ""
		if i := strings.LastIndex(l, "."); i > 0 {
			domain, op = l[:i], l[i+1:]
		}
		if _, err := ops.Lookup(&graph.Node{Op: op, Domain: domain}); err != nil {
			t.Errorf("zkml ops lists %q, which the registry does not resolve: %v", l, err)
		}
	}
	for _, want := range []string{"Gemm", "Conv", "com.microsoft.QGemm"} {
		if !seen[want] {
			t.Errorf("zkml ops does not list %s", want)
		}
	}
}

// TestResourceGuard: compile refuses a model whose estimated constraints
// exceed --max-constraints before building anything (nothing written), and
// inspect prints the estimate.
func TestResourceGuard(t *testing.T) {
	src := filepath.Join(models, "mnist-8", "network.onnx")
	out := filepath.Join(t.TempDir(), "art")
	var o, e bytes.Buffer
	if code := run([]string{"compile", "--model", src, "--out", out, "--max-constraints", "20000"}, &o, &e); code != exitBadInput ||
		!strings.Contains(e.String(), "--max-constraints 20000") || !strings.Contains(e.String(), "estimated") {
		t.Fatalf("compile over the limit: exit %d\n%s", code, e.String())
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("a refused compile left %s: %v", out, err)
	}
	o.Reset()
	e.Reset()
	if code := run([]string{"inspect", "--model", src, "--max-constraints", "20000"}, &o, &e); code != exitBadInput || !strings.Contains(o.String(), "estimated") {
		t.Fatalf("inspect over the limit: exit %d\n%s%s", code, o.String(), e.String())
	}
}
