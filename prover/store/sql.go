package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// schema is shared by SQLite and PostgreSQL: times are Unix milliseconds.
var schema = []string{
	`CREATE TABLE IF NOT EXISTS jobs (
		id TEXT PRIMARY KEY,
		model_id TEXT NOT NULL,
		idem_key TEXT,
		input BYTEA NOT NULL,
		prover TEXT NOT NULL,
		memory BIGINT NOT NULL,
		state TEXT NOT NULL,
		attempts INTEGER NOT NULL,
		max_attempts INTEGER NOT NULL,
		error TEXT NOT NULL,
		progress TEXT NOT NULL,
		token BIGINT NOT NULL,
		worker TEXT NOT NULL,
		lease_expiry BIGINT NOT NULL,
		prove_secs DOUBLE PRECISION NOT NULL,
		proof BYTEA,
		created BIGINT NOT NULL,
		updated BIGINT NOT NULL,
		chain_job TEXT NOT NULL DEFAULT '')`,
	`CREATE UNIQUE INDEX IF NOT EXISTS jobs_idem_key ON jobs (idem_key)`,
	`CREATE INDEX IF NOT EXISTS jobs_state_created ON jobs (state, created)`,
	`CREATE TABLE IF NOT EXISTS models (
		id TEXT PRIMARY KEY,
		circuit_id TEXT NOT NULL,
		constraints BIGINT NOT NULL,
		memory BIGINT NOT NULL,
		size BIGINT NOT NULL,
		created BIGINT NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS settlements (
		job_id TEXT PRIMARY KEY,
		chain_job TEXT NOT NULL,
		state TEXT NOT NULL,
		tx BYTEA,
		tx_hash TEXT NOT NULL,
		nonce BIGINT NOT NULL,
		gas_used BIGINT NOT NULL,
		status INTEGER NOT NULL,
		detail TEXT NOT NULL,
		attempts INTEGER NOT NULL,
		created BIGINT NOT NULL,
		updated BIGINT NOT NULL)`,
	`CREATE INDEX IF NOT EXISTS settlements_state_created ON settlements (state, created)`,
}

// addChainJob adds jobs.chain_job to a database created before it existed.
func addChainJob(postgres bool) string {
	if postgres {
		return `ALTER TABLE jobs ADD COLUMN IF NOT EXISTS chain_job TEXT NOT NULL DEFAULT ''`
	}
	return `ALTER TABLE jobs ADD COLUMN chain_job TEXT NOT NULL DEFAULT ''`
}

const jobCols = `id, model_id, idem_key, input, prover, memory, state, attempts, max_attempts, error, progress, token, worker, lease_expiry, prove_secs, created, updated, chain_job`

// sqlStore implements JobStore over database/sql; the dialects differ only in
// placeholders and the row lock of Claim.
type sqlStore struct {
	db       *sql.DB
	postgres bool
}

var _ JobStore = (*sqlStore)(nil)

func (s *sqlStore) init(ctx context.Context) error {
	for _, q := range schema {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("store: creating schema: %w", err)
		}
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM pragma_table_info('jobs') WHERE name = 'chain_job'`).Scan(&n); err != nil {
		return fmt.Errorf("store: reading the schema: %w", err)
	}
	if n == 0 {
		if _, err := s.db.ExecContext(ctx, addChainJob(false)); err != nil {
			return fmt.Errorf("store: adding jobs.chain_job: %w", err)
		}
	}
	return nil
}

// q rewrites ? placeholders to $n for PostgreSQL.
func (s *sqlStore) q(query string) string {
	if !s.postgres {
		return query
	}
	var b strings.Builder
	n := 0
	for _, c := range query {
		if c == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

func ms(t time.Time) int64 { return t.UnixMilli() }

func nullKey(k string) any {
	if k == "" {
		return nil
	}
	return k
}

type scanner interface{ Scan(...any) error }

func scanJob(r scanner) (*Job, error) {
	var j Job
	var key sql.NullString
	var lease, created, updated int64
	err := r.Scan(&j.ID, &j.ModelID, &key, &j.Input, &j.Prover, &j.MemoryBytes, &j.State, &j.Attempts, &j.MaxAttempts,
		&j.Error, &j.Progress, &j.Token, &j.Worker, &lease, &j.ProveSecs, &created, &updated, &j.ChainJob)
	if err != nil {
		return nil, err
	}
	j.Key = key.String
	if lease != 0 {
		j.LeaseExpiry = time.UnixMilli(lease)
	}
	j.Created, j.Updated = time.UnixMilli(created), time.UnixMilli(updated)
	return &j, nil
}

func (s *sqlStore) Submit(ctx context.Context, j *Job) (*Job, bool, error) {
	now := time.Now()
	if j.MaxAttempts <= 0 {
		j.MaxAttempts = 3
	}
	res, err := s.db.ExecContext(ctx, s.q(`INSERT INTO jobs (`+jobCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, '', 'queued', 0, '', 0, 0, ?, ?, ?) ON CONFLICT DO NOTHING`),
		j.ID, j.ModelID, nullKey(j.Key), j.Input, j.Prover, j.MemoryBytes, Queued, j.MaxAttempts, ms(now), ms(now), j.ChainJob)
	if err != nil {
		return nil, false, fmt.Errorf("store: submit: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return nil, false, err
	}
	if n == 1 {
		got, err := s.Get(ctx, j.ID)
		return got, true, err
	}
	if j.Key == "" {
		return nil, false, fmt.Errorf("store: submit: job id %s already exists", j.ID)
	}
	old, err := scanJob(s.db.QueryRowContext(ctx, s.q(`SELECT `+jobCols+` FROM jobs WHERE idem_key = ?`), j.Key))
	if err != nil {
		return nil, false, fmt.Errorf("store: submit: %w", err)
	}
	if old.ModelID != j.ModelID || string(old.Input) != string(j.Input) || old.Prover != j.Prover || old.ChainJob != j.ChainJob {
		return nil, false, fmt.Errorf("%w: key %q is job %s", ErrKeyConflict, j.Key, old.ID)
	}
	return old, false, nil
}

func (s *sqlStore) Get(ctx context.Context, id string) (*Job, error) {
	j, err := scanJob(s.db.QueryRowContext(ctx, s.q(`SELECT `+jobCols+` FROM jobs WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: job %s", ErrNotFound, id)
	}
	return j, err
}

func (s *sqlStore) Claim(ctx context.Context, c Claim) (*Job, error) {
	now := time.Now()
	lock := ""
	if s.postgres {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	const fits = `state = 'queued' AND (CAST(? AS BIGINT) = 0 OR memory <= CAST(? AS BIGINT))`
	args := []any{c.Worker, ms(now.Add(c.TTL)), ms(now), c.MaxMemory, c.MaxMemory}
	order := `created, id`
	if len(c.Cached) > 0 {
		in := strings.TrimSuffix(strings.Repeat("?, ", len(c.Cached)), ", ")
		order = `CASE WHEN model_id IN (` + in + `) AND created <= (SELECT MIN(created) FROM jobs WHERE ` + fits + `) + CAST(? AS BIGINT) THEN 0 ELSE 1 END, ` + order
		for _, m := range c.Cached {
			args = append(args, m)
		}
		args = append(args, c.MaxMemory, c.MaxMemory, c.Window.Milliseconds())
	}
	j, err := scanJob(s.db.QueryRowContext(ctx, s.q(`UPDATE jobs SET state = 'leased', attempts = attempts + 1, token = token + 1,
		worker = ?, lease_expiry = ?, progress = 'leased', updated = ?
		WHERE state = 'queued' AND id = (SELECT id FROM jobs WHERE `+fits+`
			ORDER BY `+order+` LIMIT 1`+lock+`)
		RETURNING `+jobCols), args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: claim: %w", err)
	}
	return j, nil
}

// leased runs an update guarded by (id, token, state leased) and maps "no
// row" to ErrLeaseLost.
func (s *sqlStore) leased(ctx context.Context, what, set string, id string, token int64, args ...any) error {
	args = append(args, id, token)
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE jobs SET `+set+` WHERE id = ? AND token = ? AND state = 'leased'`), args...)
	if err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%w: job %s token %d", ErrLeaseLost, id, token)
	}
	return nil
}

func (s *sqlStore) Heartbeat(ctx context.Context, id string, token int64, ttl time.Duration, progress string) error {
	now := time.Now()
	return s.leased(ctx, "heartbeat", `lease_expiry = ?, progress = ?, updated = ?`, id, token, ms(now.Add(ttl)), progress, ms(now))
}

func (s *sqlStore) Complete(ctx context.Context, id string, token int64, proof []byte, proveSecs float64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: complete: %w", err)
	}
	defer tx.Rollback()
	now := ms(time.Now())
	var chainJob string
	err = tx.QueryRowContext(ctx, s.q(`UPDATE jobs SET state = 'done', proof = ?, prove_secs = ?, progress = 'done', error = '', lease_expiry = 0, updated = ?
		WHERE id = ? AND token = ? AND state = 'leased' RETURNING chain_job`), proof, proveSecs, now, id, token).Scan(&chainJob)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%w: job %s token %d", ErrLeaseLost, id, token)
	}
	if err != nil {
		return fmt.Errorf("store: complete: %w", err)
	}
	if chainJob != "" {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO settlements (job_id, chain_job, state, tx, tx_hash, nonce, gas_used, status, detail, attempts, created, updated)
			VALUES (?, ?, ?, NULL, '', -1, 0, -1, '', 0, ?, ?) ON CONFLICT DO NOTHING`), id, chainJob, SettlePending, now, now); err != nil {
			return fmt.Errorf("store: complete: writing the settlement: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: complete: %w", err)
	}
	return nil
}

const settleCols = `job_id, chain_job, state, tx, tx_hash, nonce, gas_used, status, detail, attempts, created, updated`

func scanSettlement(r scanner) (*Settlement, error) {
	var st Settlement
	var created, updated int64
	if err := r.Scan(&st.JobID, &st.ChainJob, &st.State, &st.Tx, &st.TxHash, &st.Nonce, &st.GasUsed, &st.Status, &st.Detail, &st.Attempts, &created, &updated); err != nil {
		return nil, err
	}
	st.Created, st.Updated = time.UnixMilli(created), time.UnixMilli(updated)
	return &st, nil
}

func (s *sqlStore) Settlements(ctx context.Context, states ...SettleState) ([]*Settlement, error) {
	q := `SELECT ` + settleCols + ` FROM settlements`
	var args []any
	if len(states) > 0 {
		q += ` WHERE state IN (?` + strings.Repeat(", ?", len(states)-1) + `)`
		for _, st := range states {
			args = append(args, st)
		}
	}
	rows, err := s.db.QueryContext(ctx, s.q(q+` ORDER BY created, job_id`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: settlements: %w", err)
	}
	defer rows.Close()
	var out []*Settlement
	for rows.Next() {
		st, err := scanSettlement(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

func (s *sqlStore) GetSettlement(ctx context.Context, id string) (*Settlement, error) {
	st, err := scanSettlement(s.db.QueryRowContext(ctx, s.q(`SELECT `+settleCols+` FROM settlements WHERE job_id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: settlement of job %s", ErrNotFound, id)
	}
	return st, err
}

func (s *sqlStore) UpdateSettlement(ctx context.Context, st *Settlement, from SettleState) error {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE settlements SET state = ?, tx = ?, tx_hash = ?, nonce = ?, gas_used = ?, status = ?, detail = ?,
		attempts = attempts + 1, updated = ? WHERE job_id = ? AND state = ?`),
		st.State, st.Tx, st.TxHash, st.Nonce, st.GasUsed, st.Status, st.Detail, ms(time.Now()), st.JobID, from)
	if err != nil {
		return fmt.Errorf("store: update settlement: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		if _, err := s.GetSettlement(ctx, st.JobID); err != nil {
			return err
		}
		return fmt.Errorf("%w: job %s is no longer %s", ErrSettlementMoved, st.JobID, from)
	}
	st.Attempts++
	return nil
}

func (s *sqlStore) Fail(ctx context.Context, id string, token int64, reason string, retry bool) error {
	r := 0
	if retry {
		r = 1
	}
	return s.leased(ctx, "fail", `state = CASE WHEN ? = 1 AND attempts < max_attempts THEN 'queued' ELSE 'failed' END,
		error = ?, progress = '', worker = '', lease_expiry = 0, updated = ?`, id, token, r, reason, ms(time.Now()))
}

func (s *sqlStore) Release(ctx context.Context, id string, token int64) error {
	return s.leased(ctx, "release", `state = 'queued', attempts = attempts - 1, progress = 'handed back', worker = '', lease_expiry = 0, updated = ?`,
		id, token, ms(time.Now()))
}

func (s *sqlStore) Reap(ctx context.Context, now time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, s.q(`UPDATE jobs SET state = CASE WHEN attempts < max_attempts THEN 'queued' ELSE 'failed' END,
		error = 'lease expired: worker ' || worker || ' stopped sending heartbeats', progress = '', worker = '', lease_expiry = 0, updated = ?
		WHERE state = 'leased' AND lease_expiry < ?`), ms(now), ms(now))
	if err != nil {
		return 0, fmt.Errorf("store: reap: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}

func (s *sqlStore) Cancel(ctx context.Context, id string) (*Job, error) {
	if _, err := s.db.ExecContext(ctx, s.q(`UPDATE jobs SET state = 'canceled', lease_expiry = 0, updated = ? WHERE id = ? AND state IN ('queued', 'leased')`),
		ms(time.Now()), id); err != nil {
		return nil, fmt.Errorf("store: cancel: %w", err)
	}
	return s.Get(ctx, id)
}

func (s *sqlStore) Proof(ctx context.Context, id string) ([]byte, error) {
	var st State
	var proof []byte
	err := s.db.QueryRowContext(ctx, s.q(`SELECT state, proof FROM jobs WHERE id = ?`), id).Scan(&st, &proof)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: job %s", ErrNotFound, id)
	}
	if err != nil {
		return nil, err
	}
	if st != Done {
		return nil, fmt.Errorf("%w: job %s is %s", ErrNotDone, id, st)
	}
	return proof, nil
}

func (s *sqlStore) Live(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM jobs WHERE state IN ('queued', 'leased')`).Scan(&n)
	return n, err
}

func (s *sqlStore) Counts(ctx context.Context) (map[State]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT state, COUNT(*) FROM jobs GROUP BY state`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[State]int{}
	for _, st := range States {
		out[st] = 0
	}
	for rows.Next() {
		var st State
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, rows.Err()
}

func (s *sqlStore) PutModel(ctx context.Context, m *Model) error {
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO models (id, circuit_id, constraints, memory, size, created) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
		m.ID, m.CircuitID, m.Constraints, m.MemoryBytes, m.SizeBytes, ms(time.Now()))
	if err != nil {
		return fmt.Errorf("store: put model: %w", err)
	}
	return nil
}

const modelCols = `id, circuit_id, constraints, memory, size, created`

func scanModel(r scanner) (*Model, error) {
	var m Model
	var created int64
	if err := r.Scan(&m.ID, &m.CircuitID, &m.Constraints, &m.MemoryBytes, &m.SizeBytes, &created); err != nil {
		return nil, err
	}
	m.Created = time.UnixMilli(created)
	return &m, nil
}

func (s *sqlStore) GetModel(ctx context.Context, id string) (*Model, error) {
	m, err := scanModel(s.db.QueryRowContext(ctx, s.q(`SELECT `+modelCols+` FROM models WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: model %s", ErrNotFound, id)
	}
	return m, err
}

func (s *sqlStore) ListModels(ctx context.Context) ([]*Model, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+modelCols+` FROM models ORDER BY created, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Model
	for rows.Next() {
		m, err := scanModel(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func (s *sqlStore) Close() error { return s.db.Close() }
