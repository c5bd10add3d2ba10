package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/zkml/zkml/circuits/ceremony"
	"github.com/zkml/zkml/prover/farm"
	"github.com/zkml/zkml/prover/store"
	"github.com/zkml/zkml/verifier/chain"
)

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	cfg := farm.Defaults
	listen := fs.String("listen", "127.0.0.1:7700", "gRPC address to listen on")
	fs.StringVar(&cfg.DataDir, "data", "", "data directory: pushed models, and farm.db (SQLite) unless --store is set")
	storeURL := fs.String("store", "", "job store: postgres://... to share one database among coordinators (default: SQLite in --data)")
	fs.StringVar(&cfg.RequesterToken, "requester-token", os.Getenv("ZKML_REQUESTER_TOKEN"), "token requesters must send (default $ZKML_REQUESTER_TOKEN)")
	fs.StringVar(&cfg.WorkerToken, "worker-token", os.Getenv("ZKML_WORKER_TOKEN"), "token workers must send (default $ZKML_WORKER_TOKEN)")
	fs.StringVar(&cfg.OwnerToken, "owner-token", os.Getenv("ZKML_OWNER_TOKEN"), "token model owners must send to push models and run ceremonies (default $ZKML_OWNER_TOKEN; unset: the requester token, on loopback only)")
	cert := fs.String("tls-cert", "", "PEM certificate: serve gRPC over TLS")
	key := fs.String("tls-key", "", "PEM private key of --tls-cert")
	fs.StringVar(&cfg.CeremonySRS, "ceremony-srs", "", "host setup ceremonies of pushed models, starting from this phase-1 SRS file (zkml setup srs import)")
	metricsAddr := fs.String("metrics", "", "address to serve Prometheus metrics on (/metrics), e.g. 127.0.0.1:7701")
	fs.DurationVar(&cfg.LeaseTTL, "lease-ttl", cfg.LeaseTTL, "a lease ends this long after the worker's last heartbeat")
	fs.IntVar(&cfg.MaxAttempts, "max-attempts", cfg.MaxAttempts, "leases per job before it fails")
	fs.DurationVar(&cfg.CacheWindow, "cache-window", cfg.CacheWindow, "a worker takes a job of a model it holds before older jobs queued up to this much earlier (0: strict first-in first-out)")
	fs.IntVar(&cfg.MaxInputBytes, "max-input-bytes", cfg.MaxInputBytes, "largest input.json accepted")
	maxModel := fs.String("max-model-size", "4GiB", "largest model upload accepted")
	fs.IntVar(&cfg.MaxQueue, "max-queue", cfg.MaxQueue, "jobs waiting or being proved (across the store) past which submissions are refused (ResourceExhausted)")
	maxStorage := fs.String("max-storage", "0", "bytes of pushed models past which pushes are refused (0: no bound but the disk, of which 1 GiB stays free)")
	chainRPC := fs.String("chain-rpc", "", "chain mode: JSON-RPC URL of the chain holding --registry; the coordinator proves jobs requested there and submits the proofs")
	chainKey := fs.String("chain-key", os.Getenv("ZKML_CHAIN_KEY"), "chain mode: hex private key the coordinator settles with and is paid to (default $ZKML_CHAIN_KEY)")
	registryAddr := fs.String("registry", "", "chain mode: address of the registry")
	chainFrom := fs.Int64("chain-from", -1, "chain mode: first block to watch (default: the head at start)")
	minFee := fs.String("min-fee", "1", "chain mode: the least wei a job must pay the prover (escrow less royalty); a job paying less is not proved")
	fs.DurationVar(&cfg.MinDeadline, "min-deadline", cfg.MinDeadline, "chain mode: the least time a job must have left before its deadline to be taken")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "data"); err != nil {
		return err
	}
	var err error
	if cfg.MaxModelBytes, err = parseBytes(*maxModel); err != nil {
		return fmt.Errorf("--max-model-size: %v", err)
	}
	if cfg.MaxStorageBytes, err = parseBytes(*maxStorage); err != nil {
		return fmt.Errorf("--max-storage: %v", err)
	}
	for _, f := range []struct {
		name string
		ok   bool
	}{
		{"--max-input-bytes", cfg.MaxInputBytes > 0},
		{"--max-attempts", cfg.MaxAttempts > 0},
		{"--lease-ttl", cfg.LeaseTTL > 0},
		{"--cache-window", cfg.CacheWindow >= 0},
		{"--max-model-size", cfg.MaxModelBytes > 0},
		{"--max-queue", cfg.MaxQueue > 0},
		{"--max-storage", cfg.MaxStorageBytes >= 0},
	} {
		if !f.ok {
			return fmt.Errorf("%s %s: must be positive", f.name, fs.Lookup(strings.TrimPrefix(f.name, "--")).Value)
		}
	}
	if cfg.MaxInputBytes+(1<<20) > cfg.MaxMsgBytes {
		cfg.MaxMsgBytes = cfg.MaxInputBytes + 1<<20
	}
	if cfg.CeremonySRS != "" {
		if _, _, err := ceremony.ReadSRS(cfg.CeremonySRS); err != nil {
			return fmt.Errorf("--ceremony-srs: %w", err)
		}
	}
	if err := farm.CheckListen(*listen, cfg); err != nil {
		return err
	}
	if (*cert == "") != (*key == "") {
		return errors.New("--tls-cert and --tls-key go together")
	}
	if *cert != "" {
		pair, err := tls.LoadX509KeyPair(*cert, *key)
		if err != nil {
			return fmt.Errorf("--tls-cert/--tls-key: %v", err)
		}
		cfg.TLS = &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}
	}
	cfg.Logger = slog.New(slog.NewJSONHandler(stderr, nil))
	if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	url := *storeURL
	if url == "" {
		url = filepath.Join(cfg.DataDir, "farm.db")
	}
	st, err := store.Open(ctx, url)
	cancel()
	if err != nil {
		return err
	}
	defer st.Close()
	cfg.Store = st
	if *chainRPC != "" || *registryAddr != "" {
		if *chainRPC == "" || *registryAddr == "" || *chainKey == "" {
			return errors.New("chain mode needs --chain-rpc, --chain-key and --registry")
		}
		if !common.IsHexAddress(*registryAddr) {
			return fmt.Errorf("--registry %q: want a 0x address", *registryAddr)
		}
		k, err := chain.ParseKey(*chainKey)
		if err != nil {
			return fmt.Errorf("--chain-key: %w", err)
		}
		cctx, ccancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer ccancel()
		ch, err := chain.Dial(cctx, *chainRPC)
		if err != nil {
			return err
		}
		defer ch.Close()
		if cfg.Chain, err = chain.New(cctx, ch, k, common.HexToAddress(*registryAddr)); err != nil {
			return err
		}
		if *chainFrom >= 0 {
			cfg.ChainFrom = uint64(*chainFrom)
		} else if cfg.ChainFrom, err = ch.BlockNumber(cctx); err != nil {
			return err
		}
		fee, ok := new(big.Int).SetString(*minFee, 10)
		if !ok || fee.Sign() < 0 {
			return fmt.Errorf("--min-fee %q: want a whole number of wei", *minFee)
		}
		cfg.MinFee = fee
	}
	c, err := farm.New(cfg)
	if err != nil {
		return err
	}
	lis, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	if *metricsAddr != "" {
		// listen before serving, so a bad --metrics stops the start-up
		mlis, err := net.Listen("tcp", *metricsAddr)
		if err != nil {
			lis.Close()
			return fmt.Errorf("--metrics: %v", err)
		}
		mux := http.NewServeMux()
		mux.Handle("/metrics", c.MetricsHandler())
		ms := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
		go func() {
			if err := ms.Serve(mlis); err != nil && !errors.Is(err, http.ErrServerClosed) {
				cfg.Logger.Error("metrics server", "err", err)
			}
		}()
		defer ms.Close()
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(sig)
	served := make(chan error, 1)
	go func() { served <- c.Serve(lis) }()
	fmt.Fprintf(stdout, "coordinator listening on %s\n", lis.Addr())
	select {
	case err := <-served:
		return err
	case s := <-sig:
		cfg.Logger.Info("signal received; handing leases back", "signal", s.String())
	}
	// Graceful stop, forced after 10 s.
	sctx, scancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer scancel()
	c.Shutdown(sctx)
	<-served
	return nil
}
