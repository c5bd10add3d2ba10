package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// lastLine is the last line of a command's output.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// TestSetupCommands runs a whole ceremony from the command line: phase 1 of
// two contributions sealed with a beacon, phase 2 of two, finalize, replay,
// and a proof with the keys; a chain that skips a contribution is refused.
func TestSetupCommands(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "models", "dev", "1l_mlp")
	w := t.TempDir()
	art := filepath.Join(w, "art")
	f := func(name string) string { return filepath.Join(w, name) }
	must := func(args ...string) string { // stdout
		t.Helper()
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 0 {
			t.Fatalf("zkml %v: exit %d\n%s%s", args, code, out.Bytes(), errb.Bytes())
		}
		return out.String()
	}
	must("compile", "--model", filepath.Join(dir, "network.onnx"), "--out", art)
	must("setup", "srs", "new", "--power", "9", "--out", f("p0"))
	h1 := lastLine(must("setup", "srs", "contribute", f("p0"), f("p1"), "--name", "alice"))
	must("setup", "srs", "contribute", f("p1"), f("p2"), "--name", "bob")
	if code, out := zkml(t, "setup", "srs", "verify", f("p0"), f("p2")); code == 0 {
		t.Fatalf("a phase-1 chain that skips a contribution verified:\n%s", out)
	}
	out := must("setup", "srs", "verify", "--beacon", "0xabcdef", "--out", f("srs"), f("p0"), f("p1"), f("p2"))
	if !strings.Contains(out, h1) {
		t.Fatalf("srs verify does not list contribution 1's hash %s:\n%s", h1, out)
	}
	must("setup", "init", "--artifacts", art, "--srs", f("srs"), "--out", f("0.ph2"))
	c1 := lastLine(must("setup", "contribute", f("0.ph2"), f("1.ph2"), "--name", "owner"))
	must("setup", "contribute", f("1.ph2"), f("2.ph2"), "--name", "requester")
	if code, _ := zkml(t, "setup", "finalize", "--artifacts", art, "--srs", f("srs"), "--beacon", "01", f("2.ph2")); code == 0 {
		t.Fatal("finalize took a chain that skips contribution 1")
	}
	if code, out := zkml(t, "setup", "verify", art); code != 1 || !strings.Contains(out, "development setup") {
		t.Fatalf("setup verify of a development setup: exit %d\n%s", code, out)
	}
	must("setup", "finalize", "--artifacts", art, "--srs", f("srs"), "--beacon", "0123456789abcdef", f("1.ph2"), f("2.ph2"))
	must("setup", "verify", art, "--srs", f("srs"))
	raw, err := os.ReadFile(filepath.Join(art, "model.json"))
	if err != nil {
		t.Fatal(err)
	}
	var meta struct {
		Setup struct {
			Kind          string `json:"kind"`
			Contributions []struct{ Name, Hash string }
		} `json:"setup"`
	}
	if err := json.Unmarshal(raw, &meta); err != nil {
		t.Fatal(err)
	}
	if meta.Setup.Kind != "ceremony" || len(meta.Setup.Contributions) != 2 || meta.Setup.Contributions[0].Hash != c1 {
		t.Fatalf("model.json setup: %+v (contribution 1 printed %s)", meta.Setup, c1)
	}
	must("prove", "--artifacts", art, "--input", filepath.Join(dir, "input.json"), "--out", f("proof.json"))
	must("verify", "--artifacts", art, "--proof", f("proof.json"))
}
