package farm

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/zkml/zkml/circuits/ceremony"
	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/store"
)

// A hosted ceremony lives in DataDir/ceremonies/MODEL_ID: state.json and
// the states 0.ph2 (the start), 1.ph2, ... Every change is written to disk
// before it is answered, so a restarted coordinator carries on.
const (
	ceremonyStateFile  = "state.json"
	defaultTurnTimeout = 10 * time.Minute
	openToken          = "*" // the token name of an open ceremony
)

// ceremonyState is state.json.
type ceremonyState struct {
	ModelID string `json:"model_id"`
	Open    bool   `json:"open"`
	// Tokens holds the SHA-256 of each contributor's token (by name, or
	// openToken); the tokens themselves were handed out once.
	Tokens        map[string]string    `json:"tokens"`
	Order         []string             `json:"order,omitempty"` // listed contributors, as opened
	TurnTimeout   int64                `json:"turn_timeout_seconds"`
	Contributions []model.Contribution `json:"contributions"`
	TurnHolder    string               `json:"turn_holder,omitempty"`
	TurnExpires   int64                `json:"turn_expires,omitempty"`
	Finalized     bool                 `json:"finalized,omitempty"`
	FinalModelID  string               `json:"final_model_id,omitempty"`
	Transcript    string               `json:"transcript,omitempty"`
	Beacon        string               `json:"beacon,omitempty"`
}

type ceremonies struct {
	api.UnimplementedCeremonyServer
	c *Coordinator

	// locks[k] is held across a read-modify-write of the state of every
	// ceremony whose model id hashes to k (a fixed set: callers' ids do not
	// grow it)
	locks [64]sync.Mutex
}

func (s *ceremonies) lock(id string) func() {
	h := sha256.Sum256([]byte(id))
	l := &s.locks[h[0]%byte(len(s.locks))]
	l.Lock()
	return l.Unlock
}

func (s *ceremonies) dir(id string) string { return filepath.Join(s.c.cfg.DataDir, "ceremonies", id) }

func (s *ceremonies) load(id string) (*ceremonyState, error) {
	if !ValidModelID(id) {
		return nil, status.Errorf(codes.InvalidArgument, "model_id %q: want the 64 hex digits printed by zkml model push", clip(id, 80))
	}
	raw, err := os.ReadFile(filepath.Join(s.dir(id), ceremonyStateFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, status.Errorf(codes.NotFound, "no ceremony for model %s on this coordinator (zkml ceremony open)", id)
	}
	if err != nil {
		return nil, status.Errorf(codes.Internal, "reading the ceremony: %v", err)
	}
	var st ceremonyState
	if err := json.Unmarshal(raw, &st); err != nil {
		return nil, status.Errorf(codes.Internal, "the ceremony's %s is damaged: %v", ceremonyStateFile, err)
	}
	return &st, nil
}

func (s *ceremonies) save(st *ceremonyState) error {
	raw, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return status.Errorf(codes.Internal, "%v", err)
	}
	if err := writeAtomic(filepath.Join(s.dir(st.ModelID), ceremonyStateFile), raw); err != nil {
		return status.Errorf(codes.Internal, "saving the ceremony: %v", err)
	}
	return nil
}

func writeAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func (s *ceremonies) statePath(id string, k int) string {
	return filepath.Join(s.dir(id), fmt.Sprintf("%d.ph2", k))
}

func (st *ceremonyState) status(head string) *api.CeremonyStatus {
	out := &api.CeremonyStatus{
		ModelId: st.ModelID, Open: st.Open, Head: head, Finalized: st.Finalized,
		FinalModelId: st.FinalModelID, Transcript: st.Transcript, Beacon: st.Beacon,
	}
	for _, c := range st.Contributions {
		out.Contributions = append(out.Contributions, &api.CeremonyContribution{Name: c.Name, Hash: c.Hash})
	}
	for _, n := range st.Order {
		if !st.contributed(n) {
			out.Waiting = append(out.Waiting, n)
		}
	}
	if st.TurnHolder != "" && time.Now().Unix() < st.TurnExpires {
		out.TurnHolder, out.TurnExpires = st.TurnHolder, st.TurnExpires
	}
	return out
}

func (st *ceremonyState) contributed(name string) bool {
	return slices.ContainsFunc(st.Contributions, func(c model.Contribution) bool { return c.Name == name })
}

// head is the hash of the latest state: the last contribution's, or the
// starting state's.
func (s *ceremonies) head(st *ceremonyState) (string, error) {
	if n := len(st.Contributions); n > 0 {
		return st.Contributions[n-1].Hash, nil
	}
	p, err := ceremony.ReadPhase2(s.statePath(st.ModelID, 0))
	if err != nil {
		return "", status.Errorf(codes.Internal, "the ceremony's starting state: %v", err)
	}
	return p.Hash().String(), nil
}

func hashToken(tok string) string {
	h := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(h[:])
}

func (st *ceremonyState) validToken(token string) bool {
	h := hashToken(token)
	ok := false
	for _, want := range st.Tokens {
		if subtle.ConstantTimeCompare([]byte(h), []byte(want)) == 1 {
			ok = true
		}
	}
	return ok
}

// who is the contributor a token admits: its listed name, or, in an open
// ceremony, name.
func (st *ceremonyState) who(token, name string) (string, error) {
	h := hashToken(token)
	for n, want := range st.Tokens {
		if subtle.ConstantTimeCompare([]byte(h), []byte(want)) == 1 {
			if n == openToken {
				if err := ceremonyName(name); err != nil {
					return "", err
				}
				return name, nil
			}
			return n, nil
		}
	}
	return "", status.Error(codes.PermissionDenied, "the token is not one this ceremony handed out")
}

func ceremonyName(name string) error {
	if name == "" || len(name) > ceremony.MaxLabel {
		return status.Errorf(codes.InvalidArgument, "a contributor's name must be 1..%d bytes (the transcript shows it)", ceremony.MaxLabel)
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return status.Error(codes.InvalidArgument, "the name holds a control character")
		}
	}
	return nil
}

func (s *ceremonies) OpenCeremony(ctx context.Context, r *api.OpenCeremonyRequest) (*api.OpenCeremonyResponse, error) {
	c := s.c
	if c.cfg.CeremonySRS == "" {
		return nil, status.Error(codes.FailedPrecondition, "this coordinator hosts no ceremonies: start it with --ceremony-srs FILE (an SRS from zkml setup srs import)")
	}
	if r.Open == (len(r.Contributors) > 0) {
		return nil, status.Error(codes.InvalidArgument, "give either contributors or open, not both or neither")
	}
	if len(r.Contributors) > 256 {
		return nil, status.Errorf(codes.InvalidArgument, "%d contributors: at most 256", len(r.Contributors))
	}
	for i, n := range r.Contributors {
		if err := ceremonyName(n); err != nil {
			return nil, err
		}
		if n == openToken || slices.Contains(r.Contributors[:i], n) {
			return nil, status.Errorf(codes.InvalidArgument, "contributor %q is listed twice or reserved", n)
		}
	}
	timeout := time.Duration(r.TurnTimeoutSeconds) * time.Second
	if r.TurnTimeoutSeconds == 0 {
		timeout = defaultTurnTimeout
	}
	if timeout < time.Second || timeout > 7*24*time.Hour {
		return nil, status.Errorf(codes.InvalidArgument, "turn_timeout_seconds %d: want 1..604800", r.TurnTimeoutSeconds)
	}
	if !ValidModelID(r.ModelId) {
		return nil, status.Errorf(codes.InvalidArgument, "model_id %q: want the 64 hex digits printed by zkml model push", clip(r.ModelId, 80))
	}
	art := c.modelDir(r.ModelId)
	if _, err := os.Stat(filepath.Join(art, model.MetaFile)); err != nil {
		return nil, status.Errorf(codes.NotFound, "model %s has no files on this coordinator: push it here with zkml model push", r.ModelId)
	}
	defer s.lock(r.ModelId)()
	if _, err := s.load(r.ModelId); err == nil {
		return nil, status.Errorf(codes.AlreadyExists, "model %s already has a ceremony", r.ModelId)
	}
	p, err := ceremony.InitDir(art, c.cfg.CeremonySRS)
	if err != nil {
		return nil, status.Errorf(codes.FailedPrecondition, "starting phase 2: %v", err)
	}
	b, err := p.Marshal()
	if err != nil {
		return nil, status.Errorf(codes.Internal, "%v", err)
	}
	st := &ceremonyState{ModelID: r.ModelId, Open: r.Open, Tokens: map[string]string{}, Order: r.Contributors, TurnTimeout: int64(timeout / time.Second)}
	tokens := map[string]string{}
	names := r.Contributors
	if r.Open {
		names = []string{openToken}
	}
	for _, n := range names {
		var t [16]byte
		rand.Read(t[:])
		tokens[n] = hex.EncodeToString(t[:])
		st.Tokens[n] = hashToken(tokens[n])
	}
	if err := os.MkdirAll(filepath.Dir(s.dir(r.ModelId)), 0o755); err != nil {
		return nil, status.Errorf(codes.Internal, "storing the ceremony: %v", err)
	}
	// the whole directory, state.json included, appears at once
	raw, _ := json.MarshalIndent(st, "", "  ")
	tmp, err := os.MkdirTemp(filepath.Dir(s.dir(r.ModelId)), ".open-")
	if err == nil {
		defer os.RemoveAll(tmp)
		err = writeAtomic(filepath.Join(tmp, "0.ph2"), b)
	}
	if err == nil {
		err = writeAtomic(filepath.Join(tmp, ceremonyStateFile), raw)
	}
	if err == nil {
		err = os.Rename(tmp, s.dir(r.ModelId))
	}
	if err != nil {
		return nil, status.Errorf(codes.Internal, "storing the ceremony: %v", err)
	}
	c.log.Info("ceremony opened", "model", r.ModelId, "contributors", len(r.Contributors), "open", r.Open)
	return &api.OpenCeremonyResponse{Status: st.status(p.Hash().String()), Tokens: tokens}, nil
}

func (s *ceremonies) GetCeremony(ctx context.Context, r *api.GetCeremonyRequest) (*api.CeremonyStatus, error) {
	if !ValidModelID(r.ModelId) {
		return nil, status.Errorf(codes.InvalidArgument, "model_id %q: want the 64 hex digits printed by zkml model push", clip(r.ModelId, 80))
	}
	defer s.lock(r.ModelId)()
	st, err := s.load(r.ModelId)
	if err != nil {
		return nil, err
	}
	head, err := s.head(st)
	if err != nil {
		return nil, err
	}
	return st.status(head), nil
}

// admit checks that name may contribute next: the ceremony is not
// finalized, name has not contributed, and no one else holds the turn.
func (st *ceremonyState) admit(name string, now time.Time) error {
	switch {
	case st.Finalized:
		return status.Error(codes.FailedPrecondition, "the ceremony is finalized")
	case st.contributed(name):
		return status.Errorf(codes.FailedPrecondition, "%q has already contributed", name)
	case st.TurnHolder != "" && st.TurnHolder != name && now.Unix() < st.TurnExpires:
		return status.Errorf(codes.FailedPrecondition, "%q holds the turn until %s: try again then", st.TurnHolder, time.Unix(st.TurnExpires, 0).UTC().Format(time.RFC3339))
	}
	return nil
}

func (s *ceremonies) TakeTurn(r *api.TakeTurnRequest, stream api.Ceremony_TakeTurnServer) error {
	if !ValidModelID(r.ModelId) {
		return status.Errorf(codes.InvalidArgument, "model_id %q: want the 64 hex digits printed by zkml model push", clip(r.ModelId, 80))
	}
	unlock := s.lock(r.ModelId)
	st, err := s.load(r.ModelId)
	if err != nil {
		unlock()
		return err
	}
	name, err := st.who(r.Token, r.Name)
	if err == nil {
		err = st.admit(name, time.Now())
	}
	if now := time.Now().Unix(); err == nil && st.TurnHolder == name && now >= st.TurnExpires && now < st.TurnExpires+st.TurnTimeout {
		err = status.Errorf(codes.FailedPrecondition, "%q let its turn expire: the next turn is for others until %s (a contribution made in it is still taken while no one else holds the turn)", name, time.Unix(st.TurnExpires+st.TurnTimeout, 0).UTC().Format(time.RFC3339))
	}
	// a turn runs for one timeout from when it was taken: taking it again
	// does not extend it, and one who let it expire waits a timeout
	if err == nil && !(st.TurnHolder == name && time.Now().Unix() < st.TurnExpires) {
		st.TurnHolder, st.TurnExpires = name, time.Now().Add(time.Duration(st.TurnTimeout)*time.Second).Unix()
		err = s.save(st)
	}
	unlock()
	if err != nil {
		return err
	}
	s.c.log.Info("ceremony turn", "model", r.ModelId, "contributor", name, "contributions", len(st.Contributions))
	// the latest state does not change while the turn is held
	return sendFile(stream, s.statePath(r.ModelId, len(st.Contributions)), "state.ph2", make([]byte, ChunkSize))
}

func (s *ceremonies) Contribute(stream api.Ceremony_ContributeServer) error {
	first, err := stream.Recv()
	if err != nil {
		return err
	}
	id, token := first.ModelId, first.Token
	st, err := s.load(id)
	if err != nil {
		return err
	}
	// the token, and a listed contributor's turn, before anything is read
	// or decoded
	if !st.validToken(token) {
		return status.Error(codes.PermissionDenied, "the token is not one this ceremony handed out")
	}
	if !st.Open {
		name, _ := st.who(token, "")
		if err := st.admit(name, time.Now()); err != nil {
			return err
		}
	}
	// a contribution is the size of the state before it, but for its name
	// and challenge (the starting state has neither)
	k := len(st.Contributions)
	fi, err := os.Stat(s.statePath(id, k))
	if err != nil {
		return status.Errorf(codes.Internal, "the latest state: %v", err)
	}
	limit := fi.Size() + 32 + ceremony.MaxLabel
	var buf bytes.Buffer
	for ch := first; ; {
		if int64(buf.Len()+len(ch.Data)) > limit {
			return status.Errorf(codes.InvalidArgument, "the contribution exceeds %d bytes, the size of one for this circuit", limit)
		}
		buf.Write(ch.Data)
		if ch, err = stream.Recv(); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return err
		}
	}
	next, err := ceremony.UnmarshalPhase2("the contribution", buf.Bytes())
	if err != nil {
		return status.Errorf(codes.InvalidArgument, "%v", err)
	}
	defer s.lock(id)()
	if st, err = s.load(id); err != nil {
		return err
	}
	name, err := st.who(token, next.Name)
	if err != nil {
		return err
	}
	if name != next.Name {
		return status.Errorf(codes.InvalidArgument, "the contribution is named %q, the token is %q's: contribute with --name %q", next.Name, name, name)
	}
	if err := st.admit(name, time.Now()); err != nil {
		return err
	}
	k = len(st.Contributions)
	prev, err := ceremony.ReadPhase2(s.statePath(id, k))
	if err != nil {
		return status.Errorf(codes.Internal, "the latest state: %v", err)
	}
	if err := ceremony.VerifyNext(prev, next); err != nil {
		s.c.log.Warn("ceremony contribution refused", "model", id, "contributor", name, "err", err)
		return status.Errorf(codes.InvalidArgument, "contribution %d refused: %v", k+1, err)
	}
	if err := writeAtomic(s.statePath(id, k+1), buf.Bytes()); err != nil {
		return status.Errorf(codes.Internal, "storing the contribution: %v", err)
	}
	h := next.Hash().String()
	st.Contributions = append(st.Contributions, model.Contribution{Name: name, Hash: h})
	st.TurnHolder, st.TurnExpires = "", 0
	if err := s.save(st); err != nil {
		return err
	}
	s.c.log.Info("ceremony contribution", "model", id, "contributor", name, "n", k+1, "hash", h)
	return stream.SendAndClose(st.status(h))
}

func (s *ceremonies) FinalizeCeremony(ctx context.Context, r *api.FinalizeCeremonyRequest) (*api.CeremonyStatus, error) {
	c := s.c
	beacon, err := hex.DecodeString(r.Beacon)
	if err != nil || len(beacon) == 0 || len(beacon) > ceremony.MaxBeacon {
		return nil, status.Errorf(codes.InvalidArgument, "beacon: want 1..%d bytes in hex", ceremony.MaxBeacon)
	}
	defer s.lock(r.ModelId)()
	st, err := s.load(r.ModelId)
	if err != nil {
		return nil, err
	}
	if st.Finalized {
		return nil, status.Errorf(codes.FailedPrecondition, "the ceremony is finalized: model %s", st.FinalModelID)
	}
	if len(st.Contributions) == 0 {
		return nil, status.Error(codes.FailedPrecondition, "no contribution yet: a ceremony needs at least one")
	}
	tmp, err := os.MkdirTemp(c.models, ".ceremony-")
	if err != nil {
		return nil, status.Errorf(codes.Internal, "%v", err)
	}
	defer os.RemoveAll(tmp)
	art := filepath.Join(tmp, "art")
	if err := os.Mkdir(art, 0o755); err != nil {
		return nil, status.Errorf(codes.Internal, "%v", err)
	}
	for _, f := range ArtifactFiles {
		if err := os.Link(filepath.Join(c.modelDir(r.ModelId), f), filepath.Join(art, f)); err != nil {
			return nil, status.Errorf(codes.Internal, "staging the model: %v", err)
		}
	}
	var files []string
	for k := 1; k <= len(st.Contributions); k++ {
		files = append(files, s.statePath(r.ModelId, k))
	}
	setup, err := ceremony.Finalize(art, c.cfg.CeremonySRS, beacon, files...)
	if err != nil {
		return nil, status.Errorf(codes.FailedPrecondition, "finalizing: %v", err)
	}
	id, meta, err := CheckArtifacts(art)
	if err != nil {
		return nil, status.Errorf(codes.Internal, "the finalized model: %v", err)
	}
	var size int64
	for _, f := range ArtifactFiles {
		if fi, err := os.Stat(filepath.Join(art, f)); err == nil {
			size += fi.Size()
		}
	}
	if _, err := os.Stat(c.modelDir(id)); err != nil {
		if err := os.Rename(art, c.modelDir(id)); err != nil {
			return nil, status.Errorf(codes.Internal, "storing the finalized model: %v", err)
		}
	}
	m := &store.Model{ID: id, CircuitID: meta.ModelID, Constraints: int64(meta.Constraints), MemoryBytes: meta.ProveMemory, SizeBytes: size}
	if err := c.store.PutModel(ctx, m); err != nil {
		return nil, storeErr(err)
	}
	st.Finalized, st.FinalModelID, st.Transcript, st.Beacon = true, id, setup.Transcript, setup.Beacon
	st.TurnHolder, st.TurnExpires = "", 0
	if err := s.save(st); err != nil {
		return nil, err
	}
	c.log.Info("ceremony finalized", "model", r.ModelId, "final_model", id, "contributions", len(setup.Contributions), "transcript", setup.Transcript)
	return st.status(st.Contributions[len(st.Contributions)-1].Hash), nil
}

func (s *ceremonies) GetTranscript(r *api.GetCeremonyRequest, stream api.Ceremony_GetTranscriptServer) error {
	if !ValidModelID(r.ModelId) {
		return status.Errorf(codes.InvalidArgument, "model_id %q: want 64 hex digits", clip(r.ModelId, 80))
	}
	path := filepath.Join(s.c.modelDir(r.ModelId), model.TranscriptFile)
	if _, err := os.Stat(path); err != nil {
		return status.Errorf(codes.NotFound, "model %s has no ceremony transcript here (give the finalized model's id)", r.ModelId)
	}
	return sendFile(stream, path, model.TranscriptFile, make([]byte, ChunkSize))
}
