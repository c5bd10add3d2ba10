package prover

import (
	"bufio"
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"time"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/groth16"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
)

// Isolated proves in a child process: a GPU prover whose library panics in
// goroutines of its own (ICICLE does, on a device out of memory), where no
// recover reaches, would otherwise take the whole worker down with every
// job it holds. The child loads each model from its artifacts directory
// (keeping the last one's key on the device) and proves the witnesses sent
// to it; when it crashes, hangs up or fails, Prove returns an error, the
// Prover falls back to the CPU for that proof, and the next proof starts a
// new child. The parent holds the CPU key for those fallbacks.
type Isolated struct {
	// Command starts the child: it must run ServeChild on its stdin and
	// stdout (`zkml gpu-prover --accelerator icicle` does).
	Command []string
	// Label names the accelerator the child runs ("icicle").
	Label string
	// Timeout bounds one proof in the child (0: 30 minutes); a child that
	// takes longer is killed, as a hung device would be.
	Timeout time.Duration

	mu    sync.Mutex // guards the child; one proof at a time, as on one device
	child *child
}

type child struct {
	cmd     *exec.Cmd
	in      *gob.Encoder
	out     *gob.Decoder
	stdin   io.Closer
	stdout  io.Closer
	wait    chan error // the child's exit
	tail    *tailBuffer
	reaped  sync.Once
	exitErr error
}

// kill ends the child's whole process group (a wrapper's children too)
// and closes the pipes, so no read or write on them blocks; it waits for
// the exit at most a few seconds (a process stuck in the driver may not
// die at once: it is reaped in the background).
func (c *child) kill() error {
	c.reaped.Do(func() {
		killGroup(c.cmd.Process.Pid)
		c.cmd.Process.Kill()
		c.stdin.Close()
		c.stdout.Close()
		select {
		case c.exitErr = <-c.wait:
		case <-time.After(3 * time.Second):
			c.exitErr = errors.New("it did not exit within 3 s of SIGKILL")
		}
	})
	return c.exitErr
}

// childRequest and childResponse are the pipe protocol (gob).
type childRequest struct {
	Dir     string // the model's artifacts
	Witness []byte // the full witness, gnark's binary encoding
}

type childResponse struct {
	Proof []byte // gnark's raw encoding
	Err   string
}

func (a *Isolated) Name() string                      { return a.Label + " (child process)" }
func (a *Isolated) NewProvingKey() groth16.ProvingKey { return CPU{}.NewProvingKey() }
func (a *Isolated) Release(groth16.ProvingKey)        {}

// Prove is not used: the Prover calls ProveDir, which names the model.
func (a *Isolated) Prove(constraint.ConstraintSystem, groth16.ProvingKey, witness.Witness, ...backend.ProverOption) (groth16.Proof, error) {
	return nil, errors.New("the isolated prover proves a model by its directory (ProveDir)")
}

// ProveDir proves w for the model in dir in the child.
func (a *Isolated) ProveDir(dir string, w witness.Witness) (groth16.Proof, error) {
	raw, err := w.MarshalBinary()
	if err != nil {
		return nil, err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.child == nil {
		if a.child, err = a.start(); err != nil {
			return nil, err
		}
	}
	c := a.child
	var res childResponse
	timeout := a.Timeout
	if timeout == 0 {
		timeout = 30 * time.Minute
	}
	done := make(chan error, 1)
	go func() {
		err := c.in.Encode(childRequest{Dir: dir, Witness: raw})
		if err == nil {
			err = c.out.Decode(&res)
		}
		done <- err
	}()
	select {
	case err = <-done:
	case <-time.After(timeout):
		err = fmt.Errorf("no answer within %s", timeout)
	}
	if err != nil {
		// it died, hung up or hangs: kill it (which unblocks the pipe
		// goroutine), say how, start anew next time
		a.child = nil
		exit := c.kill()
		return nil, fmt.Errorf("the %s prover process failed (%v; %v): %s", a.Label, err, exit, c.tail.String())
	}
	if res.Err != "" {
		return nil, errors.New(res.Err)
	}
	proof := groth16.NewProof(ecc.BN254)
	if _, err := proof.ReadFrom(bytes.NewReader(res.Proof)); err != nil {
		return nil, fmt.Errorf("the %s prover process sent a damaged proof: %w", a.Label, err)
	}
	return proof, nil
}

func (a *Isolated) start() (*child, error) {
	if len(a.Command) == 0 {
		return nil, errors.New("isolated prover: no command")
	}
	cmd := exec.Command(a.Command[0], a.Command[1:]...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	tail := &tailBuffer{max: 4 << 10}
	cmd.Stderr = tail
	cmd.WaitDelay = time.Second // a grandchild holding stderr does not hold Wait
	// its own process group (killed whole), and killed when the worker dies
	cmd.SysProcAttr = childAttrs()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the %s prover process: %w", a.Label, err)
	}
	c := &child{cmd: cmd, in: gob.NewEncoder(stdin), out: gob.NewDecoder(bufio.NewReader(stdout)), stdin: stdin, stdout: stdout, wait: make(chan error, 1), tail: tail}
	go func() { c.wait <- cmd.Wait() }()
	return c, nil
}

// Close stops the child, if one runs.
func (a *Isolated) Close() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.child != nil {
		a.child.kill()
		a.child = nil
	}
}

// ServeChild is the child's side: it reads requests from r until it ends,
// proves each with accel (loading each model once, keeping the last) and
// writes the responses to w. Errors go back to the parent; a crash ends the
// process, which the parent sees.
func ServeChild(r io.Reader, w io.Writer, accel Accelerator) error {
	dec, enc := gob.NewDecoder(bufio.NewReader(r)), gob.NewEncoder(w)
	var cur *Prover
	for {
		var req childRequest
		if err := dec.Decode(&req); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		res := childResponse{}
		proof, err := func() (groth16.Proof, error) {
			if cur == nil || cur.A.Dir != req.Dir {
				if cur != nil {
					cur.Close()
				}
				cur = nil
				p, err := Load(req.Dir, WithAccelerator(accel))
				if err != nil {
					return nil, err
				}
				cur = p
			}
			full, err := witness.New(ecc.BN254.ScalarField())
			if err != nil {
				return nil, err
			}
			if err := full.UnmarshalBinary(req.Witness); err != nil {
				return nil, fmt.Errorf("the witness: %w", err)
			}
			return accel.Prove(cur.CCS, cur.PK, full, cur.opts()...)
		}()
		if err != nil {
			res.Err = err.Error()
		} else {
			var b bytes.Buffer
			if _, err := proof.WriteRawTo(&b); err != nil {
				res.Err = err.Error()
			}
			res.Proof = b.Bytes()
		}
		if err := enc.Encode(res); err != nil {
			return err
		}
	}
}

// tailBuffer keeps the last max bytes written to it (the child's stderr).
type tailBuffer struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = t.b[len(t.b)-t.max:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(bytes.TrimSpace(t.b))
}

// SelfCommand is the command that runs this binary's gpu-prover step.
func SelfCommand(args ...string) []string {
	exe, err := os.Executable()
	if err != nil {
		exe = os.Args[0]
	}
	return append([]string{exe}, args...)
}
