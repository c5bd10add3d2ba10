// Package proctest runs the zkml binary as child processes in tests: build
// it once, start, kill and restart processes, wait for a port; every
// process a test starts is killed at its cleanup.
package proctest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// Binary builds ./cmd/zkml once per test binary and returns its path.
func Binary(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "zkml-bin-")
		if err != nil {
			binErr = err
			return
		}
		_, file, _, _ := runtime.Caller(0)
		root := filepath.Join(filepath.Dir(file), "..", "..")
		binPath = filepath.Join(dir, "zkml")
		cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", binPath, "./cmd/zkml")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// Proc is a child process of the zkml binary. Start it again with Restart
// after a Kill.
type Proc struct {
	Name string
	Log  string // its stdout and stderr
	args []string
	env  []string
	bin  string

	mu   sync.Mutex // guards cmd and done
	cmd  *exec.Cmd
	done chan struct{}
}

// Start starts `zkml args...` with env added, logging to a file under
// t.TempDir(); t.Cleanup kills it.
func Start(t testing.TB, name string, env []string, args ...string) *Proc {
	t.Helper()
	p := &Proc{Name: name, Log: filepath.Join(t.TempDir(), name+".log"), args: args, env: env, bin: Binary(t)}
	if err := p.start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Kill)
	return p
}

func (p *Proc) start() error {
	f, err := os.OpenFile(p.Log, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	cmd := exec.Command(p.bin, p.args...)
	cmd.Stdout, cmd.Stderr = f, f
	cmd.Env = append(os.Environ(), p.env...)
	if err := cmd.Start(); err != nil {
		f.Close()
		return err
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); f.Close(); close(done) }()
	p.mu.Lock()
	p.cmd, p.done = cmd, done
	p.mu.Unlock()
	return nil
}

// Kill sends SIGKILL and waits for the process to end.
func (p *Proc) Kill() {
	p.mu.Lock()
	cmd, done := p.cmd, p.done
	p.mu.Unlock()
	if cmd == nil {
		return
	}
	cmd.Process.Signal(syscall.SIGKILL)
	<-done
}

// Restart starts the process again with the same arguments (after Kill).
func (p *Proc) Restart() error {
	p.Kill()
	return p.start()
}

// Exited reports whether the process has ended.
func (p *Proc) Exited() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// Tail is the end of the process's log.
func (p *Proc) Tail() string {
	b, _ := os.ReadFile(p.Log)
	if len(b) > 3000 {
		b = b[len(b)-3000:]
	}
	return string(b)
}

// FreeAddr is a free loopback address.
func FreeAddr(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// WaitListening waits until addr accepts connections, or p exits.
func WaitListening(p *Proc, addr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return nil
		}
		if p.Exited() {
			return fmt.Errorf("%s exited:\n%s", p.Name, p.Tail())
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s not listening on %s after %s:\n%s", p.Name, addr, timeout, p.Tail())
		}
		time.Sleep(50 * time.Millisecond)
	}
}
