package farm

import (
	"crypto/tls"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"time"

	"github.com/zkml/zkml/prover/store"
	"github.com/zkml/zkml/verifier/chain"
)

// Config configures a Coordinator. Start from Defaults.
type Config struct {
	// DataDir holds pushed models (and farm.db when Store is nil).
	DataDir string
	// Store is the job store; nil opens SQLite at DataDir/farm.db.
	Store store.JobStore

	// RequesterToken and WorkerToken, when set, must be sent as
	// "authorization: Bearer TOKEN" by requesters and workers.
	RequesterToken string
	WorkerToken    string
	// OwnerToken, when set, is the only token model owners' calls accept:
	// PushModel, OpenCeremony and FinalizeCeremony. A requester cannot
	// replace or add models. Unset, they take RequesterToken (loopback only:
	// CheckListen wants all three elsewhere).
	OwnerToken string
	// TLS, when set, serves gRPC over TLS.
	TLS *tls.Config

	LeaseTTL     time.Duration // a lease lives this long past the last heartbeat
	ReapInterval time.Duration // how often expired leases are requeued
	PollInterval time.Duration // how often idle workers and watchers re-read the store (jobs queued by other coordinators)
	MaxAttempts  int           // leases per job before it fails
	// CacheWindow lets a worker take a job of a model it already holds before
	// older jobs, if the job was queued within CacheWindow of the oldest one
	// that fits: it saves fetching and loading the model (and re-pinning its
	// key on a GPU) at the cost of at most CacheWindow of reordering. 0 keeps
	// strict first-in first-out.
	CacheWindow time.Duration

	MaxInputBytes int   // input.json of one job
	MaxModelBytes int64 // all files of one pushed model
	// MaxQueue bounds the jobs waiting or being proved (across every
	// coordinator of the store): a submission past it is ResourceExhausted.
	MaxQueue int
	// MaxStorageBytes bounds the pushed models' files on this coordinator
	// (0: no bound but the disk, of which a push leaves MinFreeBytes free).
	MaxStorageBytes int64
	MinFreeBytes    int64
	MaxMsgBytes     int // one gRPC message (a proof, a chunk, an input)

	HelloTimeout time.Duration // a worker must say Hello this soon after connecting
	// CeremonySRS is the phase-1 SRS file (zkml setup srs import) that hosted
	// ceremonies start from; "" hosts none.
	CeremonySRS string
	Logger      *slog.Logger

	// Chain, when set, turns on chain mode (see chain.go): SubmitJob takes
	// chain job ids of this client's registry, the coordinator watches the
	// registry from block ChainFrom, and settles accepted proofs with this
	// client's key, which the proofs bind as the prover.
	Chain     *chain.Client
	ChainFrom uint64
	// MinFee is the least wei a chain job must pay the prover (its escrow
	// less the model's royalty): anyone can register a pushed model's
	// commitment at price 0, or with a royalty of the whole price to
	// themselves, and have it proved for nothing. MinDeadline is the least
	// time a job must have left when it is queued.
	MinFee         *big.Int
	MinDeadline    time.Duration
	SettleInterval time.Duration // how often live settlements are retried
	ReceiptTimeout time.Duration // how long one pass waits for a settlement's receipt

	settleHook func(stage string, st *store.Settlement) error // tests: stop a settlement at a stage
}

// Defaults is a Config for one coordinator on loopback.
var Defaults = Config{
	LeaseTTL:      15 * time.Second,
	ReapInterval:  time.Second,
	PollInterval:  time.Second,
	MaxAttempts:   3,
	CacheWindow:   30 * time.Second,
	MaxInputBytes: 1 << 20,
	MaxModelBytes: 4 << 30,
	MaxQueue:      100_000,
	MinFreeBytes:  1 << 30,
	MaxMsgBytes:   4 << 20,
	HelloTimeout:  10 * time.Second,

	MinFee:         big.NewInt(1),
	MinDeadline:    10 * time.Second,
	SettleInterval: 5 * time.Second,
	ReceiptTimeout: 2 * time.Minute,
}

// CheckListen refuses an address beyond loopback unless both tokens are set:
// without them anyone who reaches the port could submit jobs or pose as a worker.
func CheckListen(addr string, cfg Config) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("listen address %q: %v", addr, err)
	}
	if cfg.OwnerToken != "" && (cfg.OwnerToken == cfg.RequesterToken || cfg.OwnerToken == cfg.WorkerToken) {
		return fmt.Errorf("the owner token must differ from the requester and worker tokens: whoever holds it can push models")
	}
	if isLoopback(host) || (cfg.RequesterToken != "" && cfg.WorkerToken != "" && cfg.OwnerToken != "") {
		return nil
	}
	return fmt.Errorf("refusing to listen on %s without tokens: set --requester-token, --worker-token and --owner-token (or ZKML_REQUESTER_TOKEN, ZKML_WORKER_TOKEN and ZKML_OWNER_TOKEN), or listen on 127.0.0.1", addr)
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
