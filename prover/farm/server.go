package farm

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/grpc/reflection"
	"google.golang.org/grpc/status"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/store"
)

// Coordinator serves the Requester, Models and Worker services.
type Coordinator struct {
	cfg      Config
	store    store.JobStore
	ownStore bool
	log      *slog.Logger
	models   string // DataDir/models
	metrics  *metrics
	grpc     *grpc.Server
	health   *health.Server

	mu       sync.Mutex            // guards sessions, changed and stopping
	sessions map[*session]struct{} // connected workers
	changed  chan struct{}         // closed (and replaced) whenever a job changes
	stopping chan struct{}         // closed by Shutdown

	artMu sync.Mutex                  // guards arts
	arts  map[string]*model.Artifacts // verifying artifacts by model id

	reaperDone chan struct{}

	chainStop context.CancelFunc // stops the watcher and the settler
	chainDone sync.WaitGroup
	pushed    chan *store.Model // models pushed in chain mode, for the watcher to claim their open jobs
}

// New opens the store (SQLite in cfg.DataDir unless cfg.Store is set) and
// builds the gRPC server. Serve it with Serve; stop it with Shutdown.
func New(cfg Config) (*Coordinator, error) {
	if cfg.DataDir == "" {
		return nil, errors.New("farm: Config.DataDir is required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	c := &Coordinator{
		cfg:        cfg,
		pushed:     make(chan *store.Model, 16),
		log:        cfg.Logger,
		models:     filepath.Join(cfg.DataDir, "models"),
		sessions:   map[*session]struct{}{},
		changed:    make(chan struct{}),
		stopping:   make(chan struct{}),
		arts:       map[string]*model.Artifacts{},
		reaperDone: make(chan struct{}),
	}
	if err := os.MkdirAll(c.models, 0o755); err != nil {
		return nil, fmt.Errorf("farm: data directory: %w", err)
	}
	c.store = cfg.Store
	if c.store == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		s, err := store.OpenSQLite(ctx, filepath.Join(cfg.DataDir, "farm.db"))
		if err != nil {
			return nil, err
		}
		c.store, c.ownStore = s, true
	}
	c.metrics = newMetrics(c)
	opts := []grpc.ServerOption{
		grpc.MaxRecvMsgSize(cfg.MaxMsgBytes),
		grpc.ChainUnaryInterceptor(c.unaryInterceptor),
		grpc.ChainStreamInterceptor(c.streamInterceptor),
		grpc.KeepaliveParams(keepalive.ServerParameters{Time: 30 * time.Second, Timeout: 10 * time.Second}),
		grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{MinTime: 5 * time.Second, PermitWithoutStream: true}),
	}
	if cfg.TLS != nil {
		opts = append(opts, grpc.Creds(credentials.NewTLS(cfg.TLS)))
	}
	c.grpc = grpc.NewServer(opts...)
	api.RegisterRequesterServer(c.grpc, &requester{c: c})
	api.RegisterModelsServer(c.grpc, &models{c: c})
	api.RegisterWorkerServer(c.grpc, &workers{c: c})
	api.RegisterCeremonyServer(c.grpc, &ceremonies{c: c})
	c.health = health.NewServer()
	healthpb.RegisterHealthServer(c.grpc, c.health)
	reflection.Register(c.grpc)
	return c, nil
}

// Store returns the coordinator's job store.
func (c *Coordinator) Store() store.JobStore { return c.store }

// Serve starts the reaper and serves on lis until Shutdown.
func (c *Coordinator) Serve(lis net.Listener) error {
	go c.reaper()
	if c.cfg.Chain != nil {
		ctx, cancel := context.WithCancel(context.Background())
		c.mu.Lock()
		c.chainStop = cancel
		c.mu.Unlock()
		c.chainDone.Add(2)
		go func() { defer c.chainDone.Done(); c.watch(ctx) }()
		go func() {
			defer c.chainDone.Done()
			// the settlement address's credit slot, opened once, makes every
			// settlement an update of it rather than the first a new slot
			if rc, err := c.cfg.Chain.OpenAccount(ctx); err != nil {
				c.log.Warn("opening the settlement account on the registry (settlements still work, the first costs ~17k gas more)", "err", err)
			} else if rc != nil {
				c.log.Info("settlement account opened on the registry", "tx", rc.TxHash.Hex(), "gas", rc.GasUsed)
			}
			c.settler(ctx)
		}()
		c.log.Info("chain mode", "chain", c.cfg.Chain.Chain.String(), "registry", c.cfg.Chain.Registry.Hex(), "settlement_address", c.cfg.Chain.From.Hex())
	}
	// the server as a whole, and each service by name (grpc-health-probe -service)
	for _, name := range []string{"", api.Requester_ServiceDesc.ServiceName, api.Models_ServiceDesc.ServiceName,
		api.Worker_ServiceDesc.ServiceName, api.Ceremony_ServiceDesc.ServiceName} {
		c.health.SetServingStatus(name, healthpb.HealthCheckResponse_SERVING)
	}
	c.log.Info("coordinator serving", "addr", lis.Addr().String(), "data", c.cfg.DataDir, "tls", c.cfg.TLS != nil)
	return c.grpc.Serve(lis)
}

// Shutdown stops taking work, hands every lease back to the queue (without
// counting the attempt), ends the worker streams and stops the server,
// forcibly once ctx is done.
func (c *Coordinator) Shutdown(ctx context.Context) {
	c.mu.Lock()
	select {
	case <-c.stopping:
		c.mu.Unlock()
		return
	default:
	}
	close(c.stopping)
	c.mu.Unlock()
	c.health.Shutdown()
	c.log.Info("coordinator shutting down")
	// The worker streams see stopping, release their leases and return.
	done := make(chan struct{})
	go func() { c.grpc.GracefulStop(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		c.log.Warn("graceful stop timed out; closing connections")
		c.grpc.Stop()
		<-done
	}
	select {
	case <-c.reaperDone:
	case <-time.After(5 * time.Second):
	}
	c.mu.Lock()
	stop := c.chainStop
	c.mu.Unlock()
	if stop != nil {
		stop()
		c.chainDone.Wait()
	}
	if c.ownStore {
		c.store.Close()
	}
}

// bump wakes every idle worker session and watcher: a job changed.
func (c *Coordinator) bump() {
	c.mu.Lock()
	close(c.changed)
	c.changed = make(chan struct{})
	c.mu.Unlock()
}

// changes returns the channel the next bump closes.
func (c *Coordinator) changes() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.changed
}

func (c *Coordinator) reaper() {
	defer close(c.reaperDone)
	t := time.NewTicker(c.cfg.ReapInterval)
	defer t.Stop()
	for {
		select {
		case <-c.stopping:
			return
		case now := <-t.C:
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			n, err := c.store.Reap(ctx, now)
			cancel()
			if err != nil {
				c.log.Error("reaping leases", "err", err)
				continue
			}
			if n > 0 {
				c.log.Warn("requeued expired leases", "jobs", n)
				c.bump()
			}
		}
	}
}

// storeErr maps a store error to a gRPC status.
func storeErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, store.ErrNotFound):
		return status.Error(codes.NotFound, err.Error())
	case errors.Is(err, store.ErrKeyConflict):
		return status.Error(codes.AlreadyExists, err.Error())
	case errors.Is(err, store.ErrNotDone):
		return status.Error(codes.FailedPrecondition, err.Error())
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return status.FromContextError(err).Err()
	}
	return status.Errorf(codes.Internal, "store: %v", err)
}

// artifacts returns the verifying half of a pushed model, cached.
func (c *Coordinator) artifacts(id string) (*model.Artifacts, error) {
	c.artMu.Lock()
	defer c.artMu.Unlock()
	if a, ok := c.arts[id]; ok {
		return a, nil
	}
	a, err := model.Load(c.modelDir(id))
	if err != nil {
		return nil, err
	}
	c.arts[id] = a
	return a, nil
}
