// Package gethtest runs a real `geth --dev` chain on loopback for tests. The
// geth binary is built once from the go-ethereum module this module pins
// (cmd/geth is a go.mod tool) and cached under the user cache directory.
package gethtest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
)

// Version is the go-ethereum version the binary is built from (go.mod).
const Version = "v1.17.10"

// DevKey is the key geth --dev funds when its keystore is empty.
const DevKey = "b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291"

// Enabled reports whether geth tests run: ZKML_GETH=1 (.ci/run sets it; a
// cold build of geth takes about 3 minutes).
func Enabled() bool { return os.Getenv("ZKML_GETH") == "1" }

// Binary returns the cached geth binary, building it if needed.
func Binary(t testing.TB) string {
	t.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	bin := filepath.Join(cache, "zkml", "geth-"+Version)
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := fmt.Sprintf("%s.tmp%d", bin, os.Getpid())
	t.Logf("building geth %s into %s (once)", Version, bin)
	cmd := exec.Command("go", "build", "-o", tmp, "github.com/ethereum/go-ethereum/cmd/geth")
	if out, err := cmd.CombinedOutput(); err != nil {
		os.Remove(tmp)
		t.Fatalf("building geth: %v\n%s", err, out)
	}
	if err := os.Rename(tmp, bin); err != nil {
		t.Fatal(err)
	}
	return bin
}

func freePort(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}

// Start runs geth --dev on 127.0.0.1 until the test ends and returns its
// HTTP JSON-RPC URL. The chain mines a block whenever a transaction is pending.
func Start(t testing.TB) string {
	t.Helper()
	bin := Binary(t)
	dir := t.TempDir()
	port := freePort(t)
	cmd := exec.Command(bin, "--dev", "--datadir", dir,
		"--http", "--http.addr", "127.0.0.1", "--http.port", port, "--http.api", "eth,net,web3",
		"--authrpc.addr", "127.0.0.1", "--authrpc.port", freePort(t),
		"--ipcdisable", "--nodiscover", "--maxpeers", "0", "--port", "0", "--nat", "none", "--verbosity", "2")
	logf, err := os.Create(filepath.Join(dir, "geth.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		logf.Close()
	})
	url := "http://127.0.0.1:" + port
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			raw, _ := os.ReadFile(logf.Name())
			t.Fatalf("geth exited: %v\n%s", err, raw)
		default:
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		c, err := ethclient.DialContext(ctx, url)
		if err == nil {
			_, err = c.ChainID(ctx)
			c.Close()
		}
		cancel()
		if err == nil {
			return url
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("geth did not answer on %s within 60s", url)
	return ""
}
