package farm

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/zkml/zkml/circuits/model"
	"github.com/zkml/zkml/circuits/ops"
	"github.com/zkml/zkml/prover/api"
	"github.com/zkml/zkml/prover/store"
)

// ArtifactFiles are the files of a compiled model, in push order; a model
// compiled with --weights private also has OptionalFiles.
var ArtifactFiles = []string{model.MetaFile, model.ProgramFile, model.CircuitFile, model.VKFile, model.PKFile}

// OptionalFiles are pushed and fetched when a model has them: weights.bin
// holds private weights (model.json's weights "private").
var OptionalFiles = []string{model.WeightsFile}

// modelFiles are the files of the model in dir, in push order.
func modelFiles(dir string) []string {
	files := append([]string(nil), ArtifactFiles...)
	for _, f := range OptionalFiles {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			files = append(files, f)
		}
	}
	return files
}

// ChunkSize is how much of a file one FileChunk carries.
const ChunkSize = 1 << 20

var modelIDRe = regexp.MustCompile(`^[0-9a-f]{64}$`)

// ValidModelID reports whether id looks like a model id (64 hex digits).
func ValidModelID(id string) bool { return modelIDRe.MatchString(id) }

// ContentID is the model id of an artifact directory: the SHA-256 of its
// model.json, which holds the SHA-256 of every other file.
func ContentID(metaJSON []byte) string {
	s := sha256.Sum256(metaJSON)
	return hex.EncodeToString(s[:])
}

// CheckArtifacts checks that every file of dir matches the hash model.json
// records and returns the model id and metadata.
func CheckArtifacts(dir string) (string, *model.Meta, error) {
	raw, err := os.ReadFile(filepath.Join(dir, model.MetaFile))
	if err != nil {
		return "", nil, err
	}
	meta, err := model.LoadMeta(dir)
	if err != nil {
		return "", nil, err
	}
	files := ArtifactFiles[1:]
	if meta.Weights == "private" {
		files = append(append([]string(nil), files...), model.WeightsFile)
	}
	for _, f := range files {
		want, ok := meta.Files[f]
		if !ok {
			return "", nil, fmt.Errorf("%w: model.json has no hash for %s", model.ErrArtifacts, f)
		}
		got, err := model.FileSHA256(filepath.Join(dir, f))
		if err != nil {
			return "", nil, err
		}
		if got != want {
			return "", nil, fmt.Errorf("%w: %s has sha256 %s, model.json says %s", model.ErrArtifacts, f, got, want)
		}
	}
	return ContentID(raw), meta, nil
}

func (c *Coordinator) modelDir(id string) string { return filepath.Join(c.models, id) }

func toModel(m *store.Model) *api.Model {
	return &api.Model{ModelId: m.ID, CircuitId: m.CircuitID, Constraints: m.Constraints, ProveMemoryBytes: m.MemoryBytes, SizeBytes: m.SizeBytes}
}

// describeModel is toModel with what model.json says of its tensors and
// encodings, when this coordinator holds the files (a coordinator sharing
// a PostgreSQL store may not).
func (c *Coordinator) describeModel(m *store.Model) *api.Model {
	out := toModel(m)
	meta, err := model.LoadMeta(c.modelDir(m.ID))
	if err != nil {
		return out
	}
	info := func(ts []model.TensorMeta) []*api.TensorInfo {
		var r []*api.TensorInfo
		for _, t := range ts {
			ti := &api.TensorInfo{Name: t.Name, FracBits: int32(t.Frac), Bits: int32(t.Bits), Dtype: t.DType}
			for _, d := range t.Shape {
				ti.Shape = append(ti.Shape, int64(d))
			}
			if lo, hi, ok := ops.DTypeRangeByName(t.DType); ok {
				ti.Min, ti.Max = float64(lo), float64(hi)
			} else if t.Bits > 0 && t.Bits < 63 {
				lim := math.Ldexp(1, t.Bits-1)
				ti.Min, ti.Max = math.Ldexp(-lim, -t.Frac), math.Ldexp(lim-1, -t.Frac)
			}
			r = append(r, ti)
		}
		return r
	}
	out.Inputs, out.Outputs = info(meta.Inputs), info(meta.Outputs)
	out.InputEncoding, out.OutputEncoding = meta.InputEncoding, meta.OutputEncoding
	if out.InputEncoding == "" {
		out.InputEncoding = "poseidon2"
	}
	out.Weights, out.KeySetup = meta.Weights, meta.KeySetup().Kind
	return out
}

type models struct {
	api.UnimplementedModelsServer
	c *Coordinator
}

func (s *models) PushModel(stream api.Models_PushModelServer) error {
	c := s.c
	tmp, err := os.MkdirTemp(c.models, ".push-")
	if err != nil {
		return status.Errorf(codes.Internal, "staging the upload: %v", err)
	}
	defer os.RemoveAll(tmp)
	var (
		cur   *os.File
		name  string
		total int64
		seen  []string
	)
	closeCur := func() error {
		if cur == nil {
			return nil
		}
		err := cur.Close()
		cur = nil
		return err
	}
	defer closeCur()
	room, roomWhy, err := c.storageRoom(stream.Context())
	if err != nil {
		return err
	}
	for {
		ch, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if ch.File != name || cur == nil {
			if !slices.Contains(ArtifactFiles, ch.File) && !slices.Contains(OptionalFiles, ch.File) {
				return status.Errorf(codes.InvalidArgument, "file %q is not part of a model: want %v (and %v for private weights)", ch.File, ArtifactFiles, OptionalFiles)
			}
			if slices.Contains(seen, ch.File) {
				return status.Errorf(codes.InvalidArgument, "file %s sent twice (chunks of one file must be consecutive)", ch.File)
			}
			if err := closeCur(); err != nil {
				return status.Errorf(codes.Internal, "writing %s: %v", name, err)
			}
			name = ch.File
			seen = append(seen, name)
			if cur, err = os.Create(filepath.Join(tmp, name)); err != nil {
				return status.Errorf(codes.Internal, "writing %s: %v", name, err)
			}
		}
		total += int64(len(ch.Data))
		if total > c.cfg.MaxModelBytes {
			return status.Errorf(codes.ResourceExhausted, "model upload exceeds the limit of %d bytes", c.cfg.MaxModelBytes)
		}
		if total > room {
			c.metrics.refused.WithLabelValues("storage").Inc()
			return status.Errorf(codes.ResourceExhausted, "no room for the model: %s (the upload passed %d bytes)", roomWhy, total)
		}
		if _, err := cur.Write(ch.Data); err != nil {
			return status.Errorf(codes.Internal, "writing %s: %v", name, err)
		}
	}
	if err := closeCur(); err != nil {
		return status.Errorf(codes.Internal, "writing %s: %v", name, err)
	}
	for _, f := range ArtifactFiles {
		if !slices.Contains(seen, f) {
			return status.Errorf(codes.InvalidArgument, "the upload has no %s: push a whole directory written by zkml compile", f)
		}
	}
	id, meta, err := CheckArtifacts(tmp)
	if err != nil {
		return status.Errorf(codes.InvalidArgument, "artifacts rejected: %v", err)
	}
	dst := c.modelDir(id)
	if _, err := os.Stat(dst); err != nil {
		if err := os.Rename(tmp, dst); err != nil {
			return status.Errorf(codes.Internal, "storing model: %v", err)
		}
	}
	m := &store.Model{ID: id, CircuitID: meta.ModelID, Constraints: int64(meta.Constraints), MemoryBytes: meta.ProveMemory, SizeBytes: total}
	if err := c.store.PutModel(stream.Context(), m); err != nil {
		return storeErr(err)
	}
	c.log.Info("model pushed", "model", id, "constraints", meta.Constraints, "bytes", total)
	if c.cfg.Chain != nil {
		select { // the watcher claims the jobs requested before the push
		case c.pushed <- m:
		default:
		}
	}
	return stream.SendAndClose(c.describeModel(m))
}

// storageRoom is how many bytes a push may store: what --max-storage
// leaves beside the models stored (in the store, so with PostgreSQL every
// coordinator's), and what the data disk has beyond MinFreeBytes; why says
// which bound it is. Concurrent pushes may pass the bound by one upload.
func (c *Coordinator) storageRoom(ctx context.Context) (int64, string, error) {
	room, why := int64(math.MaxInt64), ""
	if c.cfg.MaxStorageBytes > 0 {
		ms, err := c.store.ListModels(ctx)
		if err != nil {
			return 0, "", storeErr(err)
		}
		used := int64(0)
		for _, m := range ms {
			used += m.SizeBytes
		}
		room, why = c.cfg.MaxStorageBytes-used, fmt.Sprintf("models take %d of the %d bytes --max-storage allows", used, c.cfg.MaxStorageBytes)
	}
	if avail, ok := diskFree(c.models); ok {
		if free := avail - c.cfg.MinFreeBytes; free < room {
			room, why = free, fmt.Sprintf("the disk of %s has %d bytes free and keeps %d", c.models, avail, c.cfg.MinFreeBytes)
		}
	}
	return room, why, nil
}

func (s *models) GetModel(ctx context.Context, r *api.GetModelRequest) (*api.Model, error) {
	id, err := s.c.resolveModel(ctx, r.ModelId)
	if err != nil {
		return nil, err
	}
	m, err := s.c.store.GetModel(ctx, id)
	if err != nil {
		return nil, storeErr(err)
	}
	return s.c.describeModel(m), nil
}

func (s *models) FetchModel(r *api.GetModelRequest, stream api.Models_FetchModelServer) error {
	if !ValidModelID(r.ModelId) {
		return status.Errorf(codes.InvalidArgument, "model_id %q: want 64 hex digits", clip(r.ModelId, 80))
	}
	dir := s.c.modelDir(r.ModelId)
	if _, err := os.Stat(filepath.Join(dir, model.MetaFile)); err != nil {
		return status.Errorf(codes.NotFound, "model %s has no files on this coordinator: push it here with zkml model push", r.ModelId)
	}
	buf := make([]byte, ChunkSize)
	for _, name := range modelFiles(dir) {
		if err := sendFile(stream, filepath.Join(dir, name), name, buf); err != nil {
			return err
		}
	}
	return nil
}

// chunkSender is what sendFile needs of a stream.
type chunkSender interface{ Send(*api.FileChunk) error }

func sendFile(s chunkSender, path, name string, buf []byte) error {
	f, err := os.Open(path)
	if err != nil {
		return status.Errorf(codes.Internal, "reading %s: %v", name, err)
	}
	defer f.Close()
	sent := false
	for {
		n, err := f.Read(buf)
		if n > 0 || (!sent && errors.Is(err, io.EOF)) {
			if err := s.Send(&api.FileChunk{File: name, Data: buf[:n]}); err != nil {
				return err
			}
			sent = true
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return status.Errorf(codes.Internal, "reading %s: %v", name, err)
		}
	}
}
