// Package snarkjstest runs the project's pinned snarkjs (npm, package-lock.json
// here; scripts/setup runs `npm ci` in this folder) in tests, so that files
// another tool wrote, such as powers-of-tau files, are tested for real.
package snarkjstest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Bin is the snarkjs command line of this folder's node_modules; a test
// fails (it does not skip) when it is missing.
func Bin(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	bin := filepath.Join(filepath.Dir(file), "node_modules", ".bin", "snarkjs")
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("snarkjs is not installed (%v): run scripts/setup, or npm ci in internal/snarkjstest", err)
	}
	return bin
}

// Run runs snarkjs with args in dir and returns its standard output.
func Run(t testing.TB, dir string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(Bin(t), args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("snarkjs %v: %v\n%s%s", args, err, stdout.Bytes(), stderr.Bytes())
	}
	return stdout.Bytes()
}
