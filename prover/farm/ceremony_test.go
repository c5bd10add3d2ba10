package farm_test

import (
	"context"
	"errors"
	"io"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	"github.com/zkml/zkml/circuits/ceremony"
	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/internal/ceremonytest"
	"github.com/zkml/zkml/prover"
	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/farm"
	"github.com/zkml/zkml/verifier"
)

// startCoordinator serves a coordinator on dataDir until the returned stop.
func startCoordinator(t *testing.T, dataDir, srs string) (string, func()) {
	t.Helper()
	cfg := farm.Defaults
	cfg.DataDir, cfg.CeremonySRS, cfg.RequesterToken = dataDir, srs, "owner-token"
	c, err := farm.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan struct{})
	go func() { defer close(served); c.Serve(lis) }()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		c.Shutdown(ctx)
		<-served
	}
	t.Cleanup(stop)
	return lis.Addr().String(), stop
}

func wantCode(t *testing.T, what string, err error, code codes.Code, text string) {
	t.Helper()
	if status.Code(err) != code || !strings.Contains(err.Error(), text) {
		t.Fatalf("%s: %v, want %s saying %q", what, err, code, text)
	}
}

// TestHostedCeremony: a model's phase 2 through the coordinator, with three
// listed contributors, a slow one whose turn times out, a tampered upload,
// and a coordinator restart in the middle; the finalized model's transcript
// replays to its keys and its keys prove.
func TestHostedCeremony(t *testing.T) {
	art := artifacts(t)
	data := t.TempDir()
	srs := ceremonytest.SRS(t, t.TempDir(), 10)
	addr, stop := startCoordinator(t, data, srs)
	owner := dial(t, addr, "owner-token")
	ctx := ctxT(t)
	m, err := owner.PushModel(ctx, art)
	if err != nil {
		t.Fatal(err)
	}
	_, err = dial(t, addr, "").OpenCeremony(ctx, m.ModelId, []string{"a"}, false, 0)
	wantCode(t, "open without the requester token", err, codes.Unauthenticated, "token")
	names := []string{"owner", "operator", "requester"}
	opened, err := owner.OpenCeremony(ctx, m.ModelId, names, false, 3*time.Second) // room for a loaded machine
	if err != nil {
		t.Fatal(err)
	}
	if len(opened.Tokens) != 3 || len(opened.Status.Waiting) != 3 {
		t.Fatalf("opened: %v", opened)
	}
	tok := opened.Tokens
	_, err = owner.OpenCeremony(ctx, m.ModelId, names, false, 0)
	wantCode(t, "open twice", err, codes.AlreadyExists, "already has a ceremony")

	// contributors need no farm token, only their own
	anyone := dial(t, addr, "")
	st, h1, err := anyone.Contribute(ctx, m.ModelId, tok["owner"], "owner")
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Contributions) != 1 || st.Contributions[0].Hash != h1.String() || st.Head != h1.String() {
		t.Fatalf("after contribution 1: %v (hash %s)", st, h1)
	}
	_, _, err = anyone.Contribute(ctx, m.ModelId, tok["owner"], "owner")
	wantCode(t, "a second contribution", err, codes.FailedPrecondition, "already contributed")
	_, _, err = anyone.Contribute(ctx, m.ModelId, "not-a-token", "x")
	wantCode(t, "a wrong token", err, codes.PermissionDenied, "not one this ceremony handed out")

	// the operator takes a turn and stalls: the requester waits, then takes
	// over once the turn times out; the operator's late upload is refused
	cc := rawCeremony(t, addr)
	slow, err := cc.TakeTurn(ctx, &api.TakeTurnRequest{ModelId: m.ModelId, Token: tok["operator"]})
	if err != nil {
		t.Fatal(err)
	}
	state := recvAll(t, slow)
	_, _, err = anyone.Contribute(ctx, m.ModelId, tok["requester"], "requester")
	wantCode(t, "while another holds the turn", err, codes.FailedPrecondition, `"operator" holds the turn`)
	time.Sleep(3100 * time.Millisecond)
	turn, err := cc.TakeTurn(ctx, &api.TakeTurnRequest{ModelId: m.ModelId, Token: tok["requester"]})
	if err != nil {
		t.Fatal(err)
	}
	reqState := recvAll(t, turn)
	late := contributeBytes(t, state, "operator")
	_, err = upload(ctx, cc, m.ModelId, tok["operator"], late)
	wantCode(t, "a contribution after its turn passed", err, codes.FailedPrecondition, `"requester" holds the turn`)
	// a tampered contribution is verified on arrival and refused
	bad := contributeBytes(t, reqState, "requester")
	bad[len(bad)/2] ^= 1
	_, err = upload(ctx, cc, m.ModelId, tok["requester"], bad)
	wantCode(t, "a tampered contribution", err, codes.InvalidArgument, "")
	// and one named for someone else
	_, err = upload(ctx, cc, m.ModelId, tok["requester"], contributeBytes(t, reqState, "owner"))
	wantCode(t, "a contribution under another name", err, codes.InvalidArgument, "the token is \"requester\"'s")
	if _, err := upload(ctx, cc, m.ModelId, tok["requester"], contributeBytes(t, reqState, "requester")); err != nil {
		t.Fatal(err)
	}

	// the coordinator restarts; the ceremony carries on
	stop()
	addr, _ = startCoordinator(t, data, srs)
	anyone = dial(t, addr, "")
	st, _, err = anyone.Contribute(ctx, m.ModelId, tok["operator"], "operator")
	if err != nil {
		t.Fatalf("after a restart: %v", err)
	}
	if len(st.Contributions) != 3 || len(st.Waiting) != 0 {
		t.Fatalf("after three contributions: %v", st)
	}
	_, err = anyone.FinalizeCeremony(ctx, m.ModelId, []byte{1, 2, 3})
	wantCode(t, "finalize without the requester token", err, codes.Unauthenticated, "token")
	owner = dial(t, addr, "owner-token")
	fin, err := owner.FinalizeCeremony(ctx, m.ModelId, []byte("beacon fixed at opening"))
	if err != nil {
		t.Fatal(err)
	}
	if !fin.Finalized || fin.FinalModelId == "" || fin.FinalModelId == m.ModelId {
		t.Fatalf("finalized: %v", fin)
	}

	// a contributor fetches the finalized model and replays its transcript
	dir := filepath.Join(t.TempDir(), "final")
	if err := anyone.FetchCeremonyModel(ctx, fin.FinalModelId, dir); err != nil {
		t.Fatal(err)
	}
	setup, err := ceremony.VerifyDir(dir, srs)
	if err != nil {
		t.Fatalf("replaying the transcript: %v", err)
	}
	if setup.Transcript != fin.Transcript || len(setup.Contributions) != 3 || setup.Contributions[0].Hash != h1.String() || setup.Contributions[2].Name != "operator" {
		t.Fatalf("the transcript records %+v, the coordinator said %v", setup, fin)
	}
	pr, err := prover.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	in, err := model.ReadInput(filepath.Join(models, "1l_mlp", "input.json"))
	if err != nil {
		t.Fatal(err)
	}
	pf, err := pr.Prove(prover.Request{Inputs: in})
	if err != nil {
		t.Fatal(err)
	}
	if err := verifier.Verify(pr.A, pf); err != nil {
		t.Fatal(err)
	}
	_, _, err = anyone.Contribute(ctx, m.ModelId, tok["owner"], "owner")
	wantCode(t, "a contribution after finalizing", err, codes.FailedPrecondition, "finalized")
}

// rawCeremony is a Ceremony client without the client package, to send
// what a well-behaved contributor would not.
func rawCeremony(t *testing.T, addr string) api.CeremonyClient {
	t.Helper()
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return api.NewCeremonyClient(conn)
}

type fileStream interface {
	Recv() (*api.FileChunk, error)
}

func recvAll(t *testing.T, s fileStream) []byte {
	t.Helper()
	var out []byte
	for {
		ch, err := s.Recv()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ch.Data...)
	}
}

// contributeBytes contributes to a state file's bytes as name.
func contributeBytes(t *testing.T, state []byte, name string) []byte {
	t.Helper()
	p, err := ceremony.UnmarshalPhase2("state", state)
	if err != nil {
		t.Fatal(err)
	}
	if err := ceremony.Contribute(p, name); err != nil {
		t.Fatal(err)
	}
	b, err := p.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func upload(ctx context.Context, cc api.CeremonyClient, id, token string, b []byte) (*api.CeremonyStatus, error) {
	up, err := cc.Contribute(ctx)
	if err != nil {
		return nil, err
	}
	for off := 0; off < len(b); off += 1 << 20 {
		ch := &api.ContributionChunk{Data: b[off:min(off+1<<20, len(b))]}
		if off == 0 {
			ch.ModelId, ch.Token = id, token
		}
		if up.Send(ch) != nil {
			break
		}
	}
	return up.CloseAndRecv()
}

// TestCeremonyTurns: taking a turn again does not extend it, one who let
// a turn expire waits while others take theirs, and a hostile upload is
// refused before it is read.
func TestCeremonyTurns(t *testing.T) {
	art := artifacts(t)
	addr, _ := startCoordinator(t, t.TempDir(), ceremonytest.SRS(t, t.TempDir(), 10))
	owner := dial(t, addr, "owner-token")
	ctx := ctxT(t)
	m, err := owner.PushModel(ctx, art)
	if err != nil {
		t.Fatal(err)
	}
	// a turn long enough that a loaded machine takes it again well inside it
	opened, err := owner.OpenCeremony(ctx, m.ModelId, []string{"a", "b"}, false, 6*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	cc := rawCeremony(t, addr)
	take := func(who string) error {
		s, err := cc.TakeTurn(ctx, &api.TakeTurnRequest{ModelId: m.ModelId, Token: opened.Tokens[who]})
		if err != nil {
			return err
		}
		_, err = s.Recv()
		for err == nil {
			_, err = s.Recv()
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		return err
	}
	if err := take("a"); err != nil {
		t.Fatal(err)
	}
	st, _ := owner.Ceremony(ctx, m.ModelId)
	expires := st.TurnExpires
	time.Sleep(1100 * time.Millisecond) // into the next second: an extension would show
	if err := take("a"); err != nil {
		t.Fatal(err)
	}
	if st, _ := owner.Ceremony(ctx, m.ModelId); st.TurnExpires != expires {
		t.Fatalf("taking the turn again moved its end from %d to %d", expires, st.TurnExpires)
	}
	wantCode(t, "b during a's turn", take("b"), codes.FailedPrecondition, `"a" holds the turn`)
	time.Sleep(time.Until(time.Unix(expires, 0)) + 100*time.Millisecond)
	wantCode(t, "a again after letting it expire", take("a"), codes.FailedPrecondition, "let its turn expire")
	if err := take("b"); err != nil {
		t.Fatalf("b after a's turn expired: %v", err)
	}
	// an upload with a wrong token is refused from its first chunk
	_, err = upload(ctx, cc, m.ModelId, "not-a-token", make([]byte, 305))
	wantCode(t, "an upload with a wrong token", err, codes.PermissionDenied, "not one this ceremony handed out")
	_, err = upload(ctx, cc, m.ModelId, opened.Tokens["a"], make([]byte, 305))
	wantCode(t, "a's upload during b's turn", err, codes.FailedPrecondition, `"b" holds the turn`)
	_, err = cc.GetCeremony(ctx, &api.GetCeremonyRequest{ModelId: strings.Repeat("x", 1000)})
	wantCode(t, "a malformed id", err, codes.InvalidArgument, "64 hex digits")
}
