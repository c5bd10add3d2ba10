// Package worker is a proving farm worker: it connects to a coordinator,
// announces its accelerator, memory and cached models, proves the jobs it is
// leased (fetching model artifacts by content hash into a local cache),
// heartbeats while it works and returns the proofs.
package worker

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/client"
	"github.com/zkml/zkml/prover/farm"
)

// Config configures a worker. Start from Defaults.
type Config struct {
	Coordinator string // host:port
	Client      client.Options
	CacheDir    string // model artifacts by content hash
	Accelerator string // "cpu" or "icicle" (binaries built with -tags icicle)
	GPUDevice   int    // device id for icicle
	// GPUCommand, when set, proves GPU jobs in that child process
	// (prover.Isolated: zkml gpu-prover), so a crash on the device costs a
	// proof its GPU attempt, not the worker; nil proves in this process.
	GPUCommand []string
	MaxMemory  int64 // bytes; jobs whose model estimate exceeds it are not leased here
	Name       string
	Logger     *slog.Logger
	// ReconnectDelay is the first wait after a lost connection (doubling to 10 s).
	ReconnectDelay time.Duration
	// ProveDelay is a test-only pause before each proof (heartbeats continue),
	// so tests can kill a worker mid-proof deterministically.
	ProveDelay time.Duration
}

// Defaults is a Config for a CPU worker.
var Defaults = Config{Accelerator: "cpu", ReconnectDelay: 250 * time.Millisecond}

// Worker proves leased jobs.
type Worker struct {
	cfg  Config
	log  *slog.Logger
	conn *grpc.ClientConn
	wk   api.WorkerClient
	mdl  api.ModelsClient

	accel  prover.Accelerator
	stats  *prover.Stats
	gpuMem int64 // total GPU memory, icicle only

	mu     sync.Mutex                // guards loaded
	loaded map[string]*prover.Prover // provers by model id (the last one only)
}

// New checks cfg and dials the coordinator (lazily: Run connects).
func New(cfg Config) (*Worker, error) {
	if cfg.Coordinator == "" {
		return nil, errors.New("worker: Config.Coordinator is required")
	}
	if cfg.Accelerator == "" {
		cfg.Accelerator = "cpu"
	}
	accel, err := prover.NewAccelerator(cfg.Accelerator, prover.GPUOptions{DeviceID: cfg.GPUDevice})
	if err != nil {
		return nil, fmt.Errorf("worker: --accelerator %s: %w", cfg.Accelerator, err)
	}
	if cfg.Accelerator == "icicle" && len(cfg.GPUCommand) > 0 {
		accel = &prover.Isolated{Command: cfg.GPUCommand, Label: "icicle"}
	}
	var gpuMem int64
	if cfg.Accelerator == "icicle" {
		total, _, err := prover.GPUMemory(cfg.GPUDevice)
		if err != nil {
			return nil, fmt.Errorf("worker: %w", err)
		}
		gpuMem = int64(total)
	}
	if cfg.CacheDir == "" {
		d, err := os.UserCacheDir()
		if err != nil {
			return nil, fmt.Errorf("worker: no cache directory: pass --cache DIR: %v", err)
		}
		cfg.CacheDir = filepath.Join(d, "zkml", "models")
	}
	if err := os.MkdirAll(cfg.CacheDir, 0o755); err != nil {
		return nil, fmt.Errorf("worker: cache: %w", err)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.ReconnectDelay <= 0 {
		cfg.ReconnectDelay = Defaults.ReconnectDelay
	}
	if cfg.Name == "" {
		h, _ := os.Hostname()
		cfg.Name = fmt.Sprintf("%s-%d", h, os.Getpid())
	}
	conn, err := grpc.NewClient(cfg.Coordinator, client.DialOptions(cfg.Client)...)
	if err != nil {
		return nil, err
	}
	return &Worker{cfg: cfg, log: cfg.Logger.With("worker", cfg.Name), conn: conn,
		wk: api.NewWorkerClient(conn), mdl: api.NewModelsClient(conn), loaded: map[string]*prover.Prover{},
		accel: accel, stats: new(prover.Stats), gpuMem: gpuMem}, nil
}

// Close closes the connection.
func (w *Worker) Close() error { return w.conn.Close() }

// Run works until ctx is done, reconnecting whenever the stream breaks.
func (w *Worker) Run(ctx context.Context) error {
	delay := w.cfg.ReconnectDelay
	var pending *api.Result // a result the last stream could not deliver
	for {
		start := time.Now()
		var err error
		pending, err = w.session(ctx, pending)
		if ctx.Err() != nil {
			return nil
		}
		if c := status.Code(err); c == codes.Unauthenticated || c == codes.PermissionDenied {
			// retrying cannot help: the token is wrong until someone changes it
			return fmt.Errorf("the coordinator %s refused this worker: %s; set --token or ZKML_WORKER_TOKEN to the coordinator's --worker-token", w.cfg.Coordinator, status.Convert(err).Message())
		}
		if time.Since(start) > 10*time.Second {
			delay = w.cfg.ReconnectDelay
		}
		w.log.Warn("connection to the coordinator lost; reconnecting", "err", err, "in", delay)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(delay):
		}
		delay = min(2*delay, 10*time.Second)
	}
}

func (w *Worker) cached() []string {
	ents, _ := os.ReadDir(w.cfg.CacheDir)
	var out []string
	for _, e := range ents {
		if e.IsDir() && farm.ValidModelID(e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out
}

type task struct {
	lease    *api.Lease
	progress string
	mu       sync.Mutex // guards progress
}

func (t *task) set(p string) { t.mu.Lock(); t.progress = p; t.mu.Unlock() }
func (t *task) get() string  { t.mu.Lock(); defer t.mu.Unlock(); return t.progress }

// session runs one stream. It proves one lease at a time; if the stream
// breaks mid-proof it finishes the proof and returns the result as pending,
// for the next stream to deliver (the coordinator accepts it if the lease
// is still current).
func (w *Worker) session(ctx context.Context, pending *api.Result) (*api.Result, error) {
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stream, err := w.wk.Connect(sctx)
	if err != nil {
		return pending, err
	}
	send := func(m *api.WorkerMessage) error { return stream.Send(m) } // only this goroutine sends
	if err := send(&api.WorkerMessage{Msg: &api.WorkerMessage_Hello{Hello: &api.Hello{
		Name: w.cfg.Name, Accelerator: w.cfg.Accelerator, MaxMemoryBytes: w.cfg.MaxMemory, CachedModels: w.cached(),
		GpuMemoryBytes: w.gpuMem,
	}}}); err != nil {
		return pending, err
	}
	if pending != nil {
		if err := send(&api.WorkerMessage{Msg: &api.WorkerMessage_Result{Result: pending}}); err != nil {
			return pending, err
		}
		pending = nil
	}
	w.log.Info("connected to the coordinator", "addr", w.cfg.Coordinator)
	type recvd struct {
		m   *api.CoordinatorMessage
		err error
	}
	in := make(chan recvd, 1)
	go func() {
		for {
			m, err := stream.Recv()
			select {
			case in <- recvd{m, err}:
			case <-sctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	var cur *task
	done := make(chan *api.Result, 1)
	hb := time.NewTicker(time.Hour)
	defer hb.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case r := <-in:
			if r.err != nil {
				if cur == nil {
					return nil, r.err
				}
				// Finish the proof, then hand it to the next stream.
				w.log.Warn("stream lost mid-proof; finishing it", "job", cur.lease.JobId, "err", r.err)
				select {
				case res := <-done:
					return res, r.err
				case <-ctx.Done():
					return nil, ctx.Err()
				}
			}
			switch m := r.m.Msg.(type) {
			case *api.CoordinatorMessage_Lease:
				if cur != nil {
					w.log.Warn("lease while busy ignored", "job", m.Lease.JobId)
					continue
				}
				cur = &task{lease: m.Lease, progress: "accepted"}
				ttl := time.Duration(m.Lease.TtlMs) * time.Millisecond
				hb.Reset(max(ttl/4, 50*time.Millisecond))
				w.log.Info("lease received", "job", m.Lease.JobId, "token", m.Lease.Token, "model", m.Lease.ModelId)
				go func(t *task) { done <- w.prove(sctx, t) }(cur)
			case *api.CoordinatorMessage_Revoke:
				if cur != nil && cur.lease.JobId == m.Revoke.JobId && cur.lease.Token == m.Revoke.Token {
					w.log.Warn("lease revoked; the result will be dropped", "job", m.Revoke.JobId, "reason", m.Revoke.Reason)
				}
			}
		case <-hb.C:
			if cur != nil {
				if err := send(&api.WorkerMessage{Msg: &api.WorkerMessage_Heartbeat{Heartbeat: &api.Heartbeat{
					JobId: cur.lease.JobId, Token: cur.lease.Token, Progress: cur.get(),
				}}}); err != nil {
					w.log.Warn("heartbeat failed", "err", err)
				}
			}
		case res := <-done:
			cur = nil
			hb.Reset(time.Hour)
			if err := send(&api.WorkerMessage{Msg: &api.WorkerMessage_Result{Result: res}}); err != nil {
				return res, err
			}
			w.log.Info("result sent", "job", res.JobId, "ok", res.Error == "")
		}
	}
}

// prove runs one lease to a result.
func (w *Worker) prove(ctx context.Context, t *task) *api.Result {
	l := t.lease
	res := &api.Result{JobId: l.JobId, Token: l.Token}
	fail := func(err error, bad bool) *api.Result {
		res.Error, res.BadInput = err.Error(), bad
		w.log.Warn("job failed", "job", l.JobId, "err", err, "bad_input", bad)
		return res
	}
	t.set("fetching model")
	p, err := w.prover(ctx, l.ModelId)
	if err != nil {
		// artifacts that passed their hashes and still do not load never
		// will, on any worker of this build: fail the job now
		return fail(fmt.Errorf("loading model %s: %w", l.ModelId, err), errors.Is(err, model.ErrArtifacts))
	}
	req, err := farm.JobRequest(l.JobId, l.InputJson, l.Prover)
	if err != nil {
		return fail(err, true)
	}
	if w.cfg.ProveDelay > 0 {
		t.set("test delay")
		select {
		case <-time.After(w.cfg.ProveDelay):
		case <-ctx.Done():
		}
	}
	t.set("proving")
	start := time.Now()
	fallbacks := w.stats.Fallbacks.Load()
	pf, err := p.Prove(req)
	res.GpuFallback = w.stats.Fallbacks.Load() > fallbacks
	if err != nil {
		return fail(err, errors.Is(err, model.ErrBadInput))
	}
	raw, err := jsonMarshal(pf)
	if err != nil {
		return fail(err, false)
	}
	res.ProofJson = raw
	w.log.Info("proved", "job", l.JobId, "seconds", time.Since(start).Seconds())
	t.set("proved")
	return res
}

// prover returns the prover of a model, fetching its artifacts first if the
// cache lacks them. It keeps the last model's keys in memory.
func (w *Worker) prover(ctx context.Context, id string) (*prover.Prover, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if p, ok := w.loaded[id]; ok {
		return p, nil
	}
	dir := filepath.Join(w.cfg.CacheDir, id)
	cached := true
	if _, err := os.Stat(dir); err != nil {
		if err := w.fetch(ctx, id, dir); err != nil {
			return nil, err
		}
		cached = false
	}
	for _, old := range w.loaded {
		old.Close() // frees the GPU memory pinned for the previous model
	}
	clear(w.loaded)
	load := func() (*prover.Prover, error) {
		return prover.Load(dir, prover.WithAccelerator(w.accel), prover.WithStats(w.stats), prover.WithLogger(w.log))
	}
	p, err := load()
	if err != nil && cached && errors.Is(err, model.ErrArtifacts) {
		// the cached copy was damaged since it was fetched and checked:
		// fetch it again rather than fail every job of the model
		w.log.Warn("cached model damaged; fetching it again", "model", id, "err", err)
		if err := os.RemoveAll(dir); err != nil {
			return nil, err
		}
		if err := w.fetch(ctx, id, dir); err != nil {
			return nil, err
		}
		p, err = load()
	}
	if err != nil {
		return nil, err
	}
	w.loaded[id] = p
	return p, nil
}

// fetch downloads model id into dir, checking every file against its hash.
func (w *Worker) fetch(ctx context.Context, id, dir string) error {
	tmp, err := os.MkdirTemp(w.cfg.CacheDir, ".fetch-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	s, err := w.mdl.FetchModel(ctx, &api.GetModelRequest{ModelId: id})
	if err != nil {
		return err
	}
	var f *os.File
	name := ""
	for {
		ch, err := s.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if f != nil {
				f.Close()
			}
			return err
		}
		if ch.File != name {
			if f != nil {
				if err := f.Close(); err != nil {
					return err
				}
			}
			if filepath.Base(ch.File) != ch.File || ch.File == "" || ch.File[0] == '.' {
				return fmt.Errorf("coordinator sent a bad file name %q", ch.File)
			}
			name = ch.File
			if f, err = os.Create(filepath.Join(tmp, name)); err != nil {
				return err
			}
		}
		if _, err := f.Write(ch.Data); err != nil {
			f.Close()
			return err
		}
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return err
		}
	}
	got, _, err := farm.CheckArtifacts(tmp)
	if err != nil {
		return err
	}
	if got != id {
		return fmt.Errorf("fetched artifacts hash to %s, not %s", got, id)
	}
	if err := os.Rename(tmp, dir); err != nil && !os.IsExist(err) {
		return err
	}
	w.log.Info("model cached", "model", id, "dir", dir)
	return nil
}
