// Package store keeps the proving farm's jobs and models durably. JobStore is
// the one interface the coordinator uses; Open picks an implementation from a
// URL: embedded SQLite (a file, WAL mode, no server) or PostgreSQL, where
// several coordinators share one database and claim jobs with
// SELECT ... FOR UPDATE SKIP LOCKED.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// State is a job's state.
type State string

// Job states. Queued and Leased are live; the others are terminal.
const (
	Queued   State = "queued"
	Leased   State = "leased"
	Done     State = "done"
	Failed   State = "failed"
	Canceled State = "canceled"
)

// Terminal reports whether a job in state s never changes again.
func (s State) Terminal() bool { return s == Done || s == Failed || s == Canceled }

// States lists every state, live ones first.
var States = []State{Queued, Leased, Done, Failed, Canceled}

// Exported errors; callers match them with errors.Is.
var (
	// ErrNotFound: no job or model with that id.
	ErrNotFound = errors.New("not found")
	// ErrLeaseLost: the job is not leased under that token any more (it was
	// reaped, released, canceled or finished); the caller's result is stale.
	ErrLeaseLost = errors.New("lease lost")
	// ErrKeyConflict: the idempotency key belongs to a job with other content.
	ErrKeyConflict = errors.New("idempotency key already used for a different job")
	// ErrNotDone: the job has no proof (yet).
	ErrNotDone = errors.New("job is not done")
	// ErrSettlementMoved: the settlement is no longer in the state the update expected.
	ErrSettlementMoved = errors.New("settlement changed state")
)

// Job is one inference to prove.
type Job struct {
	ID          string
	ModelID     string
	Key         string // idempotency key; "" for none
	Input       []byte // input.json
	Prover      string // 0x address or ""
	ChainJob    string // the registry's job id (decimal) this job settles; "" for none
	MemoryBytes int64  // the model's proving memory estimate, for scheduling
	State       State
	Attempts    int
	MaxAttempts int
	Error       string
	Progress    string
	Token       int64 // fencing token of the current or last lease
	Worker      string
	LeaseExpiry time.Time
	ProveSecs   float64
	Created     time.Time
	Updated     time.Time
}

// SettleState is where a settlement (an outbox row) stands.
type SettleState string

// Settlement states. Pending and Sent are live; the others are final.
const (
	// SettlePending: the proof was accepted; nothing was sent yet.
	SettlePending SettleState = "pending"
	// SettleSent: a signed submitProof (Tx, TxHash, Nonce) was recorded before
	// it was broadcast; its receipt is awaited. After a restart the same
	// signed transaction is broadcast again, never a new one while it can
	// still land.
	SettleSent SettleState = "sent"
	// SettleSettled: the transaction succeeded; the prover was paid.
	SettleSettled SettleState = "settled"
	// SettleSkipped: the job was no longer open on chain (paid, refunded or
	// past its deadline) when it was checked; nothing was sent.
	SettleSkipped SettleState = "skipped"
	// SettleFailed: the transaction reverted, or could not be sent for good.
	SettleFailed SettleState = "failed"
)

// Final reports whether a settlement in state s is finished.
func (s SettleState) Final() bool {
	return s == SettleSettled || s == SettleSkipped || s == SettleFailed
}

// Settlement is the outbox row of a chain job whose proof was accepted: the
// coordinator's settler sends its submitProof once and records the outcome.
type Settlement struct {
	JobID    string // the farm job
	ChainJob string // the registry's job id, decimal
	State    SettleState
	Tx       []byte // the signed transaction, once signed
	TxHash   string
	Nonce    int64 // the transaction's nonce; -1 before signing
	GasUsed  int64
	Status   int    // the receipt's status (1 success, 0 reverted); -1 without a receipt
	Detail   string // why it was skipped or failed, or the paid amount
	Attempts int
	Created  time.Time
	Updated  time.Time
}

// Model is a pushed artifact directory.
type Model struct {
	ID          string // content hash: sha256 of model.json
	CircuitID   string // model.json's model_id
	Constraints int64
	MemoryBytes int64
	SizeBytes   int64
	Created     time.Time
}

// Claim describes the worker asking for a job.
type Claim struct {
	Worker    string
	MaxMemory int64         // jobs whose MemoryBytes exceed it are skipped; 0: no limit
	TTL       time.Duration // lease length
	// Cached lists the models the worker holds: a job of one of them goes
	// first if it was queued within Window of the oldest job that fits (so a
	// worker keeps proving the model it has loaded, and no job waits more
	// than Window behind such jobs).
	Cached []string
	Window time.Duration
}

// JobStore is the durable state of the farm. Every method is safe for
// concurrent use, also from several processes sharing one database (PostgreSQL).
type JobStore interface {
	// Submit inserts j (State, Attempts, Token are set by the store). If j.Key
	// is set and a job with that key exists, it returns that job and false, or
	// ErrKeyConflict when model, input or prover differ.
	Submit(ctx context.Context, j *Job) (*Job, bool, error)
	Get(ctx context.Context, id string) (*Job, error)
	// Claim leases the oldest queued job that fits c (preferring c.Cached
	// models, see Claim), incrementing its attempts and token. It returns
	// nil, nil when none fits.
	Claim(ctx context.Context, c Claim) (*Job, error)
	// Heartbeat extends the lease (id, token) by ttl and records progress.
	Heartbeat(ctx context.Context, id string, token int64, ttl time.Duration, progress string) error
	// Complete stores the proof of lease (id, token) and marks the job done.
	// For a job with a ChainJob it writes the job's settlement (state
	// SettlePending) in the same transaction: an accepted proof is never
	// without its outbox row, and a job gets at most one.
	Complete(ctx context.Context, id string, token int64, proof []byte, proveSecs float64) error
	// Fail ends attempt (id, token): back to queued if retry and attempts are
	// left, else failed with reason.
	Fail(ctx context.Context, id string, token int64, reason string, retry bool) error
	// Release hands lease (id, token) back without counting the attempt (a
	// coordinator shutting down gracefully).
	Release(ctx context.Context, id string, token int64) error
	// Reap ends every lease that expired before now as a failed attempt.
	Reap(ctx context.Context, now time.Time) (int, error)
	// Cancel cancels a live job; a terminal one is returned unchanged.
	Cancel(ctx context.Context, id string) (*Job, error)
	// Proof returns proof.json of a done job, or ErrNotDone.
	Proof(ctx context.Context, id string) ([]byte, error)
	// Counts returns the number of jobs in each state.
	Counts(ctx context.Context) (map[State]int, error)
	// Live counts the jobs queued or leased (an index range: a submission
	// checks it against the queue limit).
	Live(ctx context.Context) (int, error)

	// Settlements lists the settlements in any of states (all when none are
	// given), oldest first.
	Settlements(ctx context.Context, states ...SettleState) ([]*Settlement, error)
	// GetSettlement returns the settlement of job id, or ErrNotFound.
	GetSettlement(ctx context.Context, id string) (*Settlement, error)
	// UpdateSettlement writes s if its row is still in state from (and counts
	// the update in Attempts); otherwise ErrSettlementMoved: another settler
	// got there first.
	UpdateSettlement(ctx context.Context, s *Settlement, from SettleState) error

	PutModel(ctx context.Context, m *Model) error
	GetModel(ctx context.Context, id string) (*Model, error)
	ListModels(ctx context.Context) ([]*Model, error)

	Close() error
}

// Open opens the store named by url: "postgres://..." or "postgresql://..."
// for PostgreSQL, otherwise a SQLite file path (an optional "sqlite://"
// prefix is stripped).
func Open(ctx context.Context, url string) (JobStore, error) {
	if strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://") {
		return OpenPostgres(ctx, url)
	}
	if scheme, _, ok := strings.Cut(url, "://"); ok && scheme != "sqlite" {
		return nil, fmt.Errorf("store: unsupported URL scheme %s:// (want postgres://, sqlite:// or a file path)", scheme)
	}
	return OpenSQLite(ctx, strings.TrimPrefix(url, "sqlite://"))
}
