package farm_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/internal/fuzzcheck"
	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/farm"
	"github.com/zkml/zkml/verifier"
)

// fuzzFarm is a coordinator on loopback with 1l_mlp pushed, and a raw
// connection to it.
func fuzzFarm(f *testing.F) (*grpc.ClientConn, string, *farm.Coordinator) {
	// every input may queue a job: no queue limit for a long run
	addr, c := coordinator(f, func(cfg *farm.Config) { cfg.MaxMsgBytes = 8 << 20; cfg.MaxQueue = 0 })
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { conn.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	m, err := dial(f, addr, "").PushModel(ctx, artifacts(f))
	if err != nil {
		f.Fatal(err)
	}
	return conn, m.ModelId, c
}

// answered fails t unless err is nil or a status a client can act on,
// with a message: Unknown or Internal from outside data is a bug.
func answered(t *testing.T, err error) {
	t.Helper()
	s, _ := status.FromError(err)
	switch s.Code() {
	case codes.OK:
		return
	case codes.Unknown, codes.Internal, codes.Unavailable:
		t.Fatalf("the coordinator answered %v", err)
	}
	if s.Message() == "" {
		t.Fatalf("%s with no message", s.Code())
	}
}

// FuzzSubmit: any SubmitJob request is queued or refused with a status
// that says why; the coordinator keeps answering.
func FuzzSubmit(f *testing.F) {
	conn, id, _ := fuzzFarm(f)
	req := api.NewRequesterClient(conn)
	good, _ := os.ReadFile(filepath.Join(models, "1l_mlp", "input.json"))
	f.Add(id, good, "", "", "")
	f.Add(id, []byte(`{"input_data": [[1e308, -1e308]]}`), "k", "0x01", "")
	f.Add("", good, "", "", "7")
	f.Fuzz(func(t *testing.T, model string, input []byte, key, prover, chainJob string) {
		// proto3 strings are UTF-8: a Go client cannot send others (and the
		// server's decoder refuses them before any handler runs)
		model, key, prover, chainJob = strings.ToValidUTF8(model, "?"), strings.ToValidUTF8(key, "?"), strings.ToValidUTF8(prover, "?"), strings.ToValidUTF8(chainJob, "?")
		fuzzcheck.Run(t, 32<<20+64*uint64(len(input)+len(model)+len(key)+len(prover)+len(chainJob)), func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_, err := req.SubmitJob(ctx, &api.SubmitJobRequest{ModelId: model, InputJson: input, IdempotencyKey: key, Prover: prover, ChainJobId: chainJob})
			answered(t, err)
			_, err = req.ListModels(ctx, &api.ListModelsRequest{})
			answered(t, err)
		})
	})
}

// FuzzPush: any stream of file chunks is stored as a model or refused;
// layout picks each chunk's file name and length out of data.
func FuzzPush(f *testing.F) {
	conn, _, _ := fuzzFarm(f)
	mc := api.NewModelsClient(conn)
	names := append(append([]string{}, farm.ArtifactFiles...), "", "../x", model.TranscriptFile)
	f.Add([]byte{0, 1, 2, 3, 4}, []byte(`{"model_id": "0x1"}abc`))
	f.Add([]byte{0, 0, 7}, []byte("{}"))
	f.Fuzz(func(t *testing.T, layout, data []byte) {
		fuzzcheck.Run(t, 32<<20+64*uint64(len(layout)+len(data)), func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			s, err := mc.PushModel(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range layout {
				n := min(int(b)/len(names)+1, len(data))
				if s.Send(&api.FileChunk{File: names[int(b)%len(names)], Data: data[:n]}) != nil {
					break
				}
				data = data[n:]
			}
			_, err = s.CloseAndRecv()
			answered(t, err)
		})
	})
}

// FuzzWorkerResult: a worker's result for its lease, with any proof bytes,
// error text and token, fails the attempt or completes the job; a job done
// from a fuzzed result must hold a proof that verifies.
func FuzzWorkerResult(f *testing.F) {
	conn, id, _ := fuzzFarm(f)
	a, err := model.Load(artifacts(f))
	if err != nil {
		f.Fatal(err)
	}
	req := api.NewRequesterClient(conn)
	in, _ := os.ReadFile(filepath.Join(models, "1l_mlp", "input.json"))
	ctx, cancel := context.WithCancel(context.Background())
	f.Cleanup(cancel)
	w, err := api.NewWorkerClient(conn).Connect(ctx)
	if err != nil {
		f.Fatal(err)
	}
	if err := w.Send(&api.WorkerMessage{Msg: &api.WorkerMessage_Hello{Hello: &api.Hello{Name: "fuzz", Accelerator: "cpu", MaxMemoryBytes: 1 << 34}}}); err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(`{"proof": "0x00"}`), "", false, int64(0), false)
	f.Add([]byte{}, "out of memory", false, int64(0), false)
	f.Add([]byte("{}"), "", true, int64(1), true)
	f.Fuzz(func(t *testing.T, proof []byte, errText string, badInput bool, tokenDelta int64, otherJob bool) {
		errText = strings.ToValidUTF8(errText, "?") // proto3 strings are UTF-8
		fuzzcheck.Run(t, 32<<20+64*uint64(len(proof)+len(errText)), func() {
			cctx, ccancel := context.WithTimeout(ctx, 10*time.Second)
			defer ccancel()
			if _, err := req.SubmitJob(cctx, &api.SubmitJobRequest{ModelId: id, InputJson: in}); err != nil {
				t.Fatal(err)
			}
			var lease *api.Lease
			for lease == nil {
				m, err := w.Recv()
				if err != nil {
					t.Fatalf("the worker stream ended: %v", err)
				}
				lease = m.GetLease()
			}
			jobID := lease.JobId
			if otherJob {
				jobID = "00" + jobID[2:]
			}
			res := &api.Result{JobId: jobID, Token: lease.Token + tokenDelta, ProofJson: proof, Error: errText, BadInput: badInput}
			if err := w.Send(&api.WorkerMessage{Msg: &api.WorkerMessage_Result{Result: res}}); err != nil {
				t.Fatalf("the worker stream ended: %v", err)
			}
			if tokenDelta != 0 || otherJob {
				// a stale or misdirected result leaves the lease open: the
				// coordinator leases this worker nothing else until it is
				// answered, so answer it
				fail := &api.Result{JobId: lease.JobId, Token: lease.Token, Error: "fuzz: giving the lease up"}
				if err := w.Send(&api.WorkerMessage{Msg: &api.WorkerMessage_Result{Result: fail}}); err != nil {
					t.Fatalf("the worker stream ended: %v", err)
				}
			}
			// the coordinator keeps answering; once it has taken the result, a
			// done job verifies
			var j *api.Job
			for range 100 {
				j, err = req.GetJob(cctx, &api.GetJobRequest{JobId: lease.JobId})
				if err != nil || j.State != api.JobState_JOB_STATE_LEASED {
					break
				}
				time.Sleep(10 * time.Millisecond)
			}
			answered(t, err)
			if err == nil && j.State == api.JobState_JOB_STATE_DONE {
				p, err := req.GetProof(cctx, &api.GetJobRequest{JobId: lease.JobId})
				if err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(t.TempDir(), "proof.json")
				os.WriteFile(path, p.ProofJson, 0o644)
				pf, err := verifier.ReadProofFile(path)
				if err == nil {
					err = verifier.Verify(a, pf)
				}
				if err != nil {
					t.Fatalf("a fuzzed result completed job %s with a proof that does not verify: %v", lease.JobId, err)
				}
			}
		})
	})
}
