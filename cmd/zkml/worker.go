package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/prover/worker"
)

// testProveDelayEnv is a test-only knob: the worker pauses this long (a Go
// duration) before each proof, heartbeating, so tests can kill it mid-proof.
const testProveDelayEnv = "ZKML_TEST_PROVE_DELAY"

func runWorker(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("worker", stderr)
	cfg := worker.Defaults
	var cf clientFlags
	fs.StringVar(&cf.addr, "coordinator", "", "coordinator address HOST:PORT")
	fs.StringVar(&cf.token, "token", os.Getenv("ZKML_WORKER_TOKEN"), "worker token (default $ZKML_WORKER_TOKEN)")
	fs.BoolVar(&cf.tls, "tls", false, "connect with TLS (system roots, or --tls-ca)")
	fs.StringVar(&cf.tlsCA, "tls-ca", os.Getenv("ZKML_TLS_CA"), "PEM file of the coordinator's CA; implies --tls")
	fs.StringVar(&cfg.CacheDir, "cache", "", "model cache directory (default: the user cache dir, zkml/models)")
	fs.StringVar(&cfg.Accelerator, "accelerator", "cpu", "cpu, or icicle for an NVIDIA GPU (binaries built with -tags icicle; GPU failures fall back to the CPU)")
	fs.IntVar(&cfg.GPUDevice, "gpu-device", 0, "GPU device id for --accelerator icicle")
	maxMem := fs.String("max-memory", "", "memory for proving, e.g. 16GiB; models whose estimate is larger are not leased here (default: physical memory)")
	fs.StringVar(&cfg.Name, "name", "", "worker name in logs and job status (default HOST-PID)")
	inProcess := fs.Bool("gpu-in-process", false, "prove on the GPU in this process rather than in a child (zkml gpu-prover), where a crash of the GPU library takes down only the child")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if cfg.Accelerator == "icicle" && !*inProcess {
		cfg.GPUCommand = prover.SelfCommand("gpu-prover", "--accelerator", "icicle", "--gpu-device", fmt.Sprint(cfg.GPUDevice))
	}
	if err := required(fs, "coordinator"); err != nil {
		return err
	}
	var err error
	if *maxMem != "" {
		if cfg.MaxMemory, err = parseBytes(*maxMem); err != nil {
			return fmt.Errorf("--max-memory: %v", err)
		}
	} else {
		cfg.MaxMemory = physicalMemory()
	}
	if d := os.Getenv(testProveDelayEnv); d != "" {
		if cfg.ProveDelay, err = time.ParseDuration(d); err != nil {
			return fmt.Errorf("%s: %v", testProveDelayEnv, err)
		}
	}
	cfg.Coordinator = cf.addr
	if cfg.Client, err = cf.options(); err != nil {
		return err
	}
	cfg.Logger = slog.New(slog.NewJSONHandler(stderr, nil))
	w, err := worker.New(cfg)
	if err != nil {
		return err
	}
	defer w.Close()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	fmt.Fprintf(stdout, "worker proving for %s\n", cf.addr)
	return w.Run(ctx)
}

// physicalMemory reads MemTotal from /proc/meminfo (0, no limit, if unknown).
func physicalMemory() int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

// runGPUProver is the child a worker proves GPU jobs in (prover.Isolated):
// it reads proof requests on stdin and answers on stdout.
func runGPUProver(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("gpu-prover", stderr)
	accel := fs.String("accelerator", "icicle", "the accelerator to prove on")
	device := fs.Int("gpu-device", 0, "GPU device id")
	if err := fs.Parse(args); err != nil {
		return err
	}
	a, err := prover.NewAccelerator(*accel, prover.GPUOptions{DeviceID: *device})
	if err != nil {
		return err
	}
	out := io.Writer(stdout)
	if stdout == os.Stdout {
		out = protocolStdout()
	}
	return prover.ServeChild(os.Stdin, out, a)
}
