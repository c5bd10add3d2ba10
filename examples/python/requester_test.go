// Package python holds a requester written in Python against the farm's
// .proto (requester.py); the test runs it against a real coordinator.
package python

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/internal/devmodel"
	"github.com/zkml/zkml/prover/client"
	"github.com/zkml/zkml/prover/farm"
	"github.com/zkml/zkml/prover/worker"
	"github.com/zkml/zkml/verifier"
)

const devModel = "../../../shared/models/dev/1l_mlp"

// python is an interpreter with grpcio (Debian's python3-grpcio is in
// /usr/bin/python3; a python3 earlier on PATH may lack it).
func python(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import grpc, google.protobuf").Run() == nil {
			return p
		}
	}
	t.Fatal("no python3 with grpcio and protobuf: install python3-grpcio and python3-protobuf (scripts/setup does)")
	return ""
}

// TestPythonRequester runs requester.py against a coordinator on 127.0.0.1
// with a requester token and a worker: it submits, watches and fetches a
// proof that verifies against the artifacts; an out-of-range input is
// refused before submission and a wrong token is named.
func TestPythonRequester(t *testing.T) {
	py := python(t)
	if _, err := exec.LookPath("protoc"); err != nil {
		t.Fatal("protoc is needed to compile farm.proto for Python (scripts/setup installs protobuf-compiler)")
	}
	art := filepath.Join(t.TempDir(), "art")
	if _, err := devmodel.Compile(devModel, art); err != nil {
		t.Fatal(err)
	}
	cfg := farm.Defaults
	cfg.DataDir = t.TempDir()
	cfg.RequesterToken, cfg.WorkerToken = "req-secret", "work-secret"
	cfg.PollInterval = 100 * time.Millisecond
	co, err := farm.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan struct{})
	go func() { defer close(served); co.Serve(lis) }()
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		co.Shutdown(ctx)
		<-served
	}()
	addr := lis.Addr().String()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	owner, err := client.Dial(addr, client.Options{Token: "req-secret"})
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	m, err := owner.PushModel(ctx, art)
	if err != nil {
		t.Fatal(err)
	}
	wc := worker.Defaults
	wc.Coordinator, wc.CacheDir, wc.Client = addr, t.TempDir(), client.Options{Token: "work-secret"}
	w, err := worker.New(wc)
	if err != nil {
		t.Fatal(err)
	}
	wctx, wstop := context.WithCancel(ctx)
	wdone := make(chan struct{})
	go func() { defer close(wdone); w.Run(wctx) }()
	defer func() { wstop(); <-wdone; w.Close() }()

	requester := func(token, input string) (int, string, string) {
		out := filepath.Join(t.TempDir(), "proof.json")
		cmd := exec.CommandContext(ctx, py, "requester.py", "--coordinator", addr, "--model", m.ModelId, "--input", input, "--out", out)
		cmd.Env = append(os.Environ(), "ZKML_TOKEN="+token)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, strings.TrimSpace(stdout.String()), stderr.String() + "\n" + out
	}

	code, jobID, log := requester("req-secret", filepath.Join(devModel, "input.json"))
	if code != 0 {
		t.Fatalf("requester.py: exit %d\n%s", code, log)
	}
	t.Logf("requester.py:\n%s", log)
	proofPath := log[strings.LastIndex(log, "\n")+1:]
	raw, err := os.ReadFile(proofPath)
	if err != nil {
		t.Fatal(err)
	}
	var pf verifier.ProofFile
	if err := json.Unmarshal(raw, &pf); err != nil {
		t.Fatal(err)
	}
	a, err := model.Load(art)
	if err != nil {
		t.Fatal(err)
	}
	if err := verifier.Verify(a, &pf); err != nil {
		t.Fatalf("the proof requester.py fetched does not verify: %v", err)
	}
	if j, err := owner.Get(ctx, jobID); err != nil || j.State.String() != "JOB_STATE_DONE" {
		t.Fatalf("job %q printed by requester.py: %v %v", jobID, j, err)
	}

	bad := filepath.Join(t.TempDir(), "far.json")
	if err := os.WriteFile(bad, []byte(`{"input_data": [[1e9, 0, 0]]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, log := requester("req-secret", bad); code == 0 || !strings.Contains(log, "outside the model's range") {
		t.Fatalf("an out-of-range input: exit %d\n%s", code, log)
	}
	if code, _, log := requester("guess", filepath.Join(devModel, "input.json")); code == 0 || !strings.Contains(log, "ZKML_TOKEN") {
		t.Fatalf("a wrong token: exit %d\n%s", code, log)
	}
}
