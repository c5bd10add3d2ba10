// Package client is the Go API for requesters of a proving farm: push a
// model, submit jobs, watch them and fetch their proofs. The zkml CLI uses it.
package client

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	"github.com/zkml/zkml/prover/api"
)

// Options configures a connection to a coordinator.
type Options struct {
	Token string      // sent as "authorization: Bearer TOKEN"
	TLS   *tls.Config // nil: plaintext
	// CallTimeout bounds each unary call (default 30 s).
	CallTimeout time.Duration
	// MaxMsgBytes bounds messages received (default 64 MiB).
	MaxMsgBytes int
}

// TLSConfig returns a TLS config trusting the PEM certificates in caFile, or
// the system roots when caFile is "".
func TLSConfig(caFile string) (*tls.Config, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if caFile == "" {
		return cfg, nil
	}
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%s holds no PEM certificate", caFile)
	}
	cfg.RootCAs = pool
	return cfg, nil
}

// DialOptions returns the gRPC dial options for o (shared with the worker).
func DialOptions(o Options) []grpc.DialOption {
	if o.MaxMsgBytes == 0 {
		o.MaxMsgBytes = 64 << 20
	}
	opts := []grpc.DialOption{grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(o.MaxMsgBytes))}
	if o.TLS != nil {
		opts = append(opts, grpc.WithTransportCredentials(credentials.NewTLS(o.TLS)))
	} else {
		opts = append(opts, grpc.WithTransportCredentials(insecure.NewCredentials()))
	}
	if o.Token != "" {
		opts = append(opts, grpc.WithPerRPCCredentials(bearer{token: o.Token}))
	}
	return opts
}

// bearer sends the token with every call.
type bearer struct{ token string }

func (b bearer) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + b.token}, nil
}

// RequireTransportSecurity is false so tokens work on loopback without TLS.
func (b bearer) RequireTransportSecurity() bool { return false }

// Client talks to one coordinator.
type Client struct {
	conn    *grpc.ClientConn
	req     api.RequesterClient
	models  api.ModelsClient
	timeout time.Duration
}

// Dial connects to the coordinator at addr (host:port).
func Dial(addr string, o Options) (*Client, error) {
	conn, err := grpc.NewClient(addr, DialOptions(o)...)
	if err != nil {
		return nil, err
	}
	if o.CallTimeout == 0 {
		o.CallTimeout = 30 * time.Second
	}
	return &Client{conn: conn, req: api.NewRequesterClient(conn), models: api.NewModelsClient(conn), timeout: o.CallTimeout}, nil
}

// Close closes the connection.
func (c *Client) Close() error { return c.conn.Close() }

func (c *Client) call(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, c.timeout)
}

// PushModel uploads the artifact directory dir and returns the model; its
// ModelId is what Submit takes.
func (c *Client) PushModel(ctx context.Context, dir string) (*api.Model, error) {
	for _, f := range modelFiles {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return nil, fmt.Errorf("%s is not a directory written by zkml compile: %v", dir, err)
		}
	}
	ctx, cancel := context.WithTimeout(ctx, 10*c.timeout) // uploads may be large
	defer cancel()
	stream, err := c.models.PushModel(ctx)
	if err != nil {
		return nil, err
	}
	buf := make([]byte, 1<<20)
	files := modelFiles
	if _, err := os.Stat(filepath.Join(dir, weightsFile)); err == nil {
		files = append(append([]string(nil), files...), weightsFile) // private weights (--weights private)
	}
	for _, name := range files {
		if err := sendFile(stream, filepath.Join(dir, name), name, buf); err != nil {
			if errors.Is(err, io.EOF) { // the server ended the stream: its status says why
				_, err = stream.CloseAndRecv()
			}
			return nil, err
		}
	}
	return stream.CloseAndRecv()
}

var modelFiles = []string{"model.json", "program.bin", "circuit.r1cs", "verifying.key", "proving.key"}

const weightsFile = "weights.bin"

func sendFile(s api.Models_PushModelClient, path, name string, buf []byte) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sent := false
	for {
		n, rerr := f.Read(buf)
		if n > 0 || (!sent && errors.Is(rerr, io.EOF)) {
			if err := s.Send(&api.FileChunk{File: name, Data: buf[:n]}); err != nil {
				return err
			}
			sent = true
		}
		if errors.Is(rerr, io.EOF) {
			return nil
		}
		if rerr != nil {
			return rerr
		}
	}
}

// Job is a submission.
type Job struct {
	Model  string // model id from PushModel
	Input  []byte // input.json
	Key    string // idempotency key (optional)
	Prover string // 0x address (optional)
	// ChainJob is the registry job id (decimal) of a job requested on
	// chain; the coordinator must be in chain mode. Model may be empty.
	ChainJob string
}

// Submit queues a job. Submitting again with the same Key returns the same job.
func (c *Client) Submit(ctx context.Context, j Job) (*api.Job, error) {
	ctx, cancel := c.call(ctx)
	defer cancel()
	return c.req.SubmitJob(ctx, &api.SubmitJobRequest{ModelId: j.Model, InputJson: j.Input, IdempotencyKey: j.Key, Prover: j.Prover, ChainJobId: j.ChainJob})
}

// Get returns a job's state.
func (c *Client) Get(ctx context.Context, id string) (*api.Job, error) {
	ctx, cancel := c.call(ctx)
	defer cancel()
	return c.req.GetJob(ctx, &api.GetJobRequest{JobId: id})
}

// Cancel cancels a queued or leased job.
func (c *Client) Cancel(ctx context.Context, id string) (*api.Job, error) {
	ctx, cancel := c.call(ctx)
	defer cancel()
	return c.req.CancelJob(ctx, &api.GetJobRequest{JobId: id})
}

// Proof returns proof.json of a done job.
func (c *Client) Proof(ctx context.Context, id string) ([]byte, error) {
	ctx, cancel := c.call(ctx)
	defer cancel()
	p, err := c.req.GetProof(ctx, &api.GetJobRequest{JobId: id})
	if err != nil {
		return nil, err
	}
	return p.ProofJson, nil
}

// GetModel describes a pushed model: its inputs (shape, fixed point,
// range), outputs and encodings.
func (c *Client) GetModel(ctx context.Context, id string) (*api.Model, error) {
	ctx, cancel := c.call(ctx)
	defer cancel()
	return c.models.GetModel(ctx, &api.GetModelRequest{ModelId: id})
}

// ListModels lists the pushed models.
func (c *Client) ListModels(ctx context.Context) ([]*api.Model, error) {
	ctx, cancel := c.call(ctx)
	defer cancel()
	r, err := c.req.ListModels(ctx, &api.ListModelsRequest{})
	if err != nil {
		return nil, err
	}
	return r.Models, nil
}

// Wait watches job id until it reaches a terminal state, calling each (if
// not nil) on every change, and returns the final job. It re-watches when
// the coordinator restarts (Unavailable) until ctx is done; bound ctx with a
// deadline.
func (c *Client) Wait(ctx context.Context, id string, each func(*api.Job)) (*api.Job, error) {
	delay := 200 * time.Millisecond
	for {
		j, err := c.watch(ctx, id, each)
		if err == nil {
			return j, nil
		}
		if code := status.Code(err); code != codes.Unavailable && code != codes.Internal && code != codes.Unknown {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for job %s: %w (last error: %v)", id, ctx.Err(), err)
		case <-time.After(delay):
		}
		delay = min(2*delay, 2*time.Second)
	}
}

func (c *Client) watch(ctx context.Context, id string, each func(*api.Job)) (*api.Job, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s, err := c.req.WatchJob(ctx, &api.GetJobRequest{JobId: id})
	if err != nil {
		return nil, err
	}
	var last *api.Job
	for {
		j, err := s.Recv()
		if errors.Is(err, io.EOF) {
			if last == nil || !Terminal(last.State) {
				return nil, status.Error(codes.Unavailable, "watch ended before the job finished")
			}
			return last, nil
		}
		if err != nil {
			return nil, err
		}
		last = j
		if each != nil {
			each(j)
		}
		if Terminal(j.State) {
			return j, nil
		}
	}
}

// Terminal reports whether a job in state s is finished.
func Terminal(s api.JobState) bool {
	return s == api.JobState_JOB_STATE_DONE || s == api.JobState_JOB_STATE_FAILED || s == api.JobState_JOB_STATE_CANCELED
}

// StateName is the short name of a state ("done", "queued", ...).
func StateName(s api.JobState) string {
	switch s {
	case api.JobState_JOB_STATE_QUEUED:
		return "queued"
	case api.JobState_JOB_STATE_LEASED:
		return "leased"
	case api.JobState_JOB_STATE_DONE:
		return "done"
	case api.JobState_JOB_STATE_FAILED:
		return "failed"
	case api.JobState_JOB_STATE_CANCELED:
		return "canceled"
	}
	return "unknown"
}
