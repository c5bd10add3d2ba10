package client

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/zkml/zkml/circuits/ceremony"
	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/prover/api"
)

// maxCeremonyFile bounds a state or transcript downloaded from a coordinator.
const maxCeremonyFile = 16 << 30

// OpenCeremony opens phase 2 of a pushed model on the coordinator: for the
// listed contributors (one token each) or, with open, for any holder of
// one token. It returns the status and the tokens to hand out.
func (c *Client) OpenCeremony(ctx context.Context, modelID string, contributors []string, open bool, turnTimeout time.Duration) (*api.OpenCeremonyResponse, error) {
	ctx, cancel := c.call(ctx)
	defer cancel()
	return api.NewCeremonyClient(c.conn).OpenCeremony(ctx, &api.OpenCeremonyRequest{
		ModelId: modelID, Contributors: contributors, Open: open, TurnTimeoutSeconds: int64(turnTimeout / time.Second),
	})
}

// Ceremony reads a hosted ceremony's status.
func (c *Client) Ceremony(ctx context.Context, modelID string) (*api.CeremonyStatus, error) {
	ctx, cancel := c.call(ctx)
	defer cancel()
	return api.NewCeremonyClient(c.conn).GetCeremony(ctx, &api.GetCeremonyRequest{ModelId: modelID})
}

// Contribute takes a turn in a hosted ceremony, adds a contribution of this
// machine's randomness to the state it hands out, and sends it back; the
// coordinator verifies it on arrival. It returns the status and the
// contribution's hash, which the contributor publishes.
func (c *Client) Contribute(ctx context.Context, modelID, token, name string) (*api.CeremonyStatus, ceremony.Hash, error) {
	cc := api.NewCeremonyClient(c.conn)
	turn, err := cc.TakeTurn(ctx, &api.TakeTurnRequest{ModelId: modelID, Token: token, Name: name})
	if err != nil {
		return nil, ceremony.Hash{}, err
	}
	state, err := recvFile(turn)
	if err != nil {
		return nil, ceremony.Hash{}, fmt.Errorf("receiving the state: %w", err)
	}
	p, err := ceremony.UnmarshalPhase2("the state the coordinator handed out", state)
	if err != nil {
		return nil, ceremony.Hash{}, err
	}
	if err := ceremony.Contribute(p, name); err != nil {
		return nil, ceremony.Hash{}, err
	}
	out, err := p.Marshal()
	if err != nil {
		return nil, ceremony.Hash{}, err
	}
	up, err := cc.Contribute(ctx)
	if err != nil {
		return nil, ceremony.Hash{}, err
	}
	for off := 0; off == 0 || off < len(out); off += 1 << 20 {
		ch := &api.ContributionChunk{Data: out[off:min(off+1<<20, len(out))]}
		if off == 0 {
			ch.ModelId, ch.Token = modelID, token
		}
		if err := up.Send(ch); err != nil {
			break // CloseAndRecv reports why
		}
	}
	st, err := up.CloseAndRecv()
	if err != nil {
		return nil, ceremony.Hash{}, err
	}
	return st, p.Hash(), nil
}

// FinalizeCeremony seals a hosted ceremony with the beacon; the status
// names the finalized model, which FetchCeremonyModel downloads.
func (c *Client) FinalizeCeremony(ctx context.Context, modelID string, beacon []byte) (*api.CeremonyStatus, error) {
	return api.NewCeremonyClient(c.conn).FinalizeCeremony(ctx, &api.FinalizeCeremonyRequest{ModelId: modelID, Beacon: fmt.Sprintf("%x", beacon)})
}

// FetchCeremonyModel downloads a finalized model and its transcript into
// dir (which must not exist), so that `zkml setup verify dir` replays it.
func (c *Client) FetchCeremonyModel(ctx context.Context, finalID, dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("%s exists: choose a new directory", dir)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(filepath.Clean(dir)), ".zkml-fetch-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	files, err := c.models.FetchModel(ctx, &api.GetModelRequest{ModelId: finalID})
	if err != nil {
		return err
	}
	if err := saveChunks(files, tmp); err != nil {
		return err
	}
	tr, err := api.NewCeremonyClient(c.conn).GetTranscript(ctx, &api.GetCeremonyRequest{ModelId: finalID})
	if err != nil {
		return err
	}
	if err := saveChunks(tr, tmp); err != nil {
		return err
	}
	return os.Rename(tmp, dir)
}

// chunkStream is what receiving files needs of a stream.
type chunkStream interface {
	Recv() (*api.FileChunk, error)
}

func recvFile(s chunkStream) ([]byte, error) {
	var b bytes.Buffer
	for {
		ch, err := s.Recv()
		if errors.Is(err, io.EOF) {
			return b.Bytes(), nil
		}
		if err != nil {
			return nil, err
		}
		if b.Len()+len(ch.Data) > maxCeremonyFile {
			return nil, fmt.Errorf("more than %d bytes", maxCeremonyFile)
		}
		b.Write(ch.Data)
	}
}

// saveChunks writes the files of a stream into dir; only artifact and
// transcript names are taken.
func saveChunks(s chunkStream, dir string) error {
	allowed := map[string]bool{model.MetaFile: true, model.ProgramFile: true, model.CircuitFile: true, model.VKFile: true, model.PKFile: true, model.TranscriptFile: true}
	var f *os.File
	name := ""
	defer func() {
		if f != nil {
			f.Close()
		}
	}()
	for {
		ch, err := s.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if ch.File != name || f == nil {
			if !allowed[ch.File] {
				return fmt.Errorf("the coordinator sent %q, not a model file", ch.File)
			}
			if f != nil {
				if err := f.Close(); err != nil {
					return err
				}
			}
			name = ch.File
			if f, err = os.Create(filepath.Join(dir, name)); err != nil {
				return err
			}
		}
		if _, err := f.Write(ch.Data); err != nil {
			return err
		}
	}
	if f != nil {
		err := f.Close()
		f = nil
		return err
	}
	return nil
}
