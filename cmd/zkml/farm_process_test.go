package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/internal/pgtest"
	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/client"
	"github.com/zkml/zkml/verifier"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// zkmlBinary builds ./cmd/zkml once per test binary.
func zkmlBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "zkml-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "zkml")
		out, err := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// proc is a child process that t.Cleanup kills.
type proc struct {
	cmd  *exec.Cmd
	log  string
	done chan struct{}
}

func startProc(t *testing.T, name string, env []string, args ...string) *proc {
	t.Helper()
	log := filepath.Join(t.TempDir(), name+".log")
	f, err := os.Create(log)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(zkmlBinary(t), args...)
	cmd.Stdout, cmd.Stderr = f, f
	cmd.Env = append(os.Environ(), env...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, log: log, done: make(chan struct{})}
	go func() { cmd.Wait(); f.Close(); close(p.done) }()
	t.Cleanup(func() { p.kill() })
	return p
}

func (p *proc) kill() {
	p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
}

func (p *proc) logTail() string {
	b, _ := os.ReadFile(p.log)
	if len(b) > 3000 {
		b = b[len(b)-3000:]
	}
	return string(b)
}

func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// serve starts a coordinator and waits until it accepts connections.
func serve(t *testing.T, addr, data string, extra ...string) *proc {
	t.Helper()
	p := startProc(t, "serve-"+strings.ReplaceAll(addr, ":", "_"), nil, append([]string{"serve", "--listen", addr, "--data", data, "--lease-ttl", "3s"}, extra...)...)
	deadline := time.Now().Add(20 * time.Second)
	for {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return p
		}
		select {
		case <-p.done:
			t.Fatalf("coordinator exited:\n%s", p.logTail())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("coordinator not listening on %s:\n%s", addr, p.logTail())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// cli runs the zkml binary and returns the last line of its stdout.
func cli(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command(zkmlBinary(t), args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("zkml %v: %v\n%s%s", args, err, out.String(), errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	return lines[len(lines)-1]
}

// farmSetup compiles 1l_mlp and returns the artifacts and the input file.
func farmSetup(t *testing.T) (art, input string) {
	art = filepath.Join(t.TempDir(), "art")
	if code, out := zkml(t, "compile", "--model", filepath.Join(models, "1l_mlp", "network.onnx"), "--out", art); code != 0 {
		t.Fatalf("compile: %s", out)
	}
	return art, filepath.Join(models, "1l_mlp", "input.json")
}

// waitLeasedBy waits until some job is leased and being proved.
func waitProving(t *testing.T, cl *client.Client, ids []string) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		for _, id := range ids {
			j, err := cl.Get(context.Background(), id)
			if err == nil && j.State == api.JobState_JOB_STATE_LEASED && j.Progress == "test delay" {
				return id
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("no job reached the proving stage")
	return ""
}

// checkAll waits for every job and verifies its proof against the artifacts.
func checkAll(t *testing.T, addr, art string, ids []string) {
	t.Helper()
	cl, err := client.Dial(addr, client.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	a, err := model.Load(art)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for _, id := range ids {
		j, err := cl.Wait(ctx, id, nil)
		if err != nil {
			t.Fatalf("job %s: %v", id, err)
		}
		if j.State != api.JobState_JOB_STATE_DONE {
			t.Fatalf("job %s: %+v", id, j)
		}
		out := filepath.Join(t.TempDir(), id+".json")
		cli(t, "fetch", "--coordinator", addr, "--job", id, "--out", out)
		raw, _ := os.ReadFile(out)
		var pf verifier.ProofFile
		if err := json.Unmarshal(raw, &pf); err != nil {
			t.Fatal(err)
		}
		if err := verifier.Verify(a, &pf); err != nil {
			t.Fatalf("job %s: %v", id, err)
		}
		if got, _ := verifier.ParseHex(pf.JobID); got.Text(16) != strings.TrimLeft(id, "0") {
			t.Fatalf("job %s: proof binds job %s", id, pf.JobID)
		}
		if code, out := zkml(t, "verify", "--artifacts", art, "--proof", out); code != 0 {
			t.Fatalf("zkml verify %s: %s", id, out)
		}
	}
}

// TestFarmProcessesSQLite: 4 jobs; the first worker is SIGKILLed mid-proof;
// the coordinator is SIGKILLed and restarted on the same data; a new worker
// finishes all 4 and every proof verifies.
func TestFarmProcessesSQLite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs processes")
	}
	art, input := farmSetup(t)
	addr, data := freeAddr(t), t.TempDir()
	coord := serve(t, addr, data)
	id := cli(t, "model", "push", "--coordinator", addr, "--artifacts", art)
	var jobs []string
	for i := 0; i < 4; i++ {
		jobs = append(jobs, cli(t, "submit", "--coordinator", addr, "--model", id, "--input", input, "--key", fmt.Sprint("k", i)))
	}
	if again := cli(t, "submit", "--coordinator", addr, "--model", id, "--input", input, "--key", "k0"); again != jobs[0] {
		t.Fatalf("resubmit with key k0 gave job %s, want %s", again, jobs[0])
	}
	w1 := startProc(t, "worker1", []string{"ZKML_TEST_PROVE_DELAY=60s"}, "worker", "--coordinator", addr, "--cache", t.TempDir(), "--name", "w1")
	cl, err := client.Dial(addr, client.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	victim := waitProving(t, cl, jobs)
	w1.kill()
	coord.kill()
	serve(t, addr, data)
	startProc(t, "worker2", nil, "worker", "--coordinator", addr, "--cache", t.TempDir(), "--name", "w2")
	checkAll(t, addr, art, jobs)
	if st := cli(t, "status", "--coordinator", addr, "--job", victim); st != "done" {
		t.Fatalf("status of the job whose worker died: %s", st)
	}
}

// TestFarmProcessesPostgres: the same with two coordinators sharing one
// PostgreSQL database; the killed coordinator's jobs are finished through the
// other one.
func TestFarmProcessesPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs processes")
	}
	pg := pgtest.Start(t)
	url := pg.NewDatabase(t, "farm")
	art, input := farmSetup(t)
	addrA, addrB := freeAddr(t), freeAddr(t)
	dataA, dataB := t.TempDir(), t.TempDir()
	coordA := serve(t, addrA, dataA, "--store", url)
	serve(t, addrB, dataB, "--store", url)
	id := cli(t, "model", "push", "--coordinator", addrA, "--artifacts", art)
	if idB := cli(t, "model", "push", "--coordinator", addrB, "--artifacts", art); idB != id {
		t.Fatalf("model ids differ: %s %s", id, idB)
	}
	var jobs []string
	for i := 0; i < 4; i++ {
		addr := addrA
		if i%2 == 1 {
			addr = addrB
		}
		jobs = append(jobs, cli(t, "submit", "--coordinator", addr, "--model", id, "--input", input))
	}
	w1 := startProc(t, "worker1", []string{"ZKML_TEST_PROVE_DELAY=60s"}, "worker", "--coordinator", addrA, "--cache", t.TempDir(), "--name", "w1")
	cl, err := client.Dial(addrB, client.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	waitProving(t, cl, jobs)
	w1.kill()
	coordA.kill()
	serve(t, addrA, dataA, "--store", url)
	startProc(t, "worker2", nil, "worker", "--coordinator", addrB, "--cache", t.TempDir(), "--name", "w2")
	checkAll(t, addrA, art, jobs)
}
