package ceremony

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/consensys/gnark/constraint"

	"github.com/zkml/zkml/circuits/model"
)

// transcriptMagic starts model.TranscriptFile: then the SRS phase 2 used
// (an SRS file, truncated to the circuit's domain, with its length), the
// SHA-256 of the SRS file the ceremony was given, the beacon, and every
// contribution's file in order, each with its length.
const transcriptMagic = "zkml groth16 bn254 phase-2 transcript, v1\n"

// MaxBeacon bounds a beacon, in bytes.
const MaxBeacon = 1024

// Transcript is a recorded phase 2.
type Transcript struct {
	SRS           *SRS   // truncated to the circuit's domain
	SRSFile       Hash   // SHA-256 of the SRS file the ceremony was given
	Beacon        []byte // fixed before the ceremony opened, known after its last contribution
	Contributions [][]byte
}

// Marshal encodes t as model.TranscriptFile.
func (t *Transcript) Marshal() ([]byte, error) {
	srs, err := MarshalSRS(t.SRS)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(transcriptMagic)
	binary.Write(&b, binary.BigEndian, uint64(len(srs)))
	b.Write(srs)
	b.Write(t.SRSFile[:])
	binary.Write(&b, binary.BigEndian, uint16(len(t.Beacon)))
	b.Write(t.Beacon)
	binary.Write(&b, binary.BigEndian, uint32(len(t.Contributions)))
	for _, c := range t.Contributions {
		binary.Write(&b, binary.BigEndian, uint64(len(c)))
		b.Write(c)
	}
	return b.Bytes(), nil
}

// UnmarshalTranscript decodes a transcript, checking every length against
// the bytes left and the SRS (CheckSRS), and decoding every contribution.
func UnmarshalTranscript(name string, raw []byte) (*Transcript, []*Phase2, error) {
	if !bytes.HasPrefix(raw, []byte(transcriptMagic)) {
		return nil, nil, fmt.Errorf("%w: %s is not a zkml phase-2 transcript", ErrFile, name)
	}
	b := raw[len(transcriptMagic):]
	take := func(n uint64, what string) ([]byte, error) {
		if n > uint64(len(b)) {
			return nil, fmt.Errorf("%w: %s: %s of %d bytes runs past the end (%d left)", ErrFile, name, what, n, len(b))
		}
		out := b[:n]
		b = b[n:]
		return out, nil
	}
	u := func(size int, what string) (uint64, error) {
		v, err := take(uint64(size), what)
		if err != nil {
			return 0, err
		}
		switch size {
		case 2:
			return uint64(binary.BigEndian.Uint16(v)), nil
		case 4:
			return uint64(binary.BigEndian.Uint32(v)), nil
		}
		return binary.BigEndian.Uint64(v), nil
	}
	t := &Transcript{}
	n, err := u(8, "the SRS's length")
	if err != nil {
		return nil, nil, err
	}
	srs, err := take(n, "the SRS")
	if err != nil {
		return nil, nil, err
	}
	if t.SRS, err = UnmarshalSRS(name+" (its SRS)", srs); err != nil {
		return nil, nil, err
	}
	h, err := take(32, "the SRS file's hash")
	if err != nil {
		return nil, nil, err
	}
	copy(t.SRSFile[:], h)
	if n, err = u(2, "the beacon's length"); err != nil {
		return nil, nil, err
	}
	if t.Beacon, err = take(n, "the beacon"); err != nil {
		return nil, nil, err
	}
	count, err := u(4, "the number of contributions")
	if err != nil {
		return nil, nil, err
	}
	var chain []*Phase2
	for i := range count {
		what := fmt.Sprintf("contribution %d", i+1)
		if n, err = u(8, what+"'s length"); err != nil {
			return nil, nil, err
		}
		c, err := take(n, what)
		if err != nil {
			return nil, nil, err
		}
		p, err := UnmarshalPhase2(fmt.Sprintf("%s, %s", name, what), c)
		if err != nil {
			return nil, nil, err
		}
		t.Contributions = append(t.Contributions, c)
		chain = append(chain, p)
	}
	if len(b) != 0 {
		return nil, nil, fmt.Errorf("%w: %s: %d bytes after the last contribution", ErrFile, name, len(b))
	}
	return t, chain, nil
}

// circuitOf loads dir's constraint system and its SHA-256, checking the file
// against the one model.json records.
func circuitOf(dir string) (*model.Meta, constraint.ConstraintSystem, Hash, error) {
	meta, err := model.LoadMeta(dir)
	if err != nil {
		return nil, nil, Hash{}, err
	}
	got, err := model.FileSHA256(filepath.Join(dir, model.CircuitFile))
	if err != nil {
		return nil, nil, Hash{}, fmt.Errorf("%w: %v", model.ErrArtifacts, err)
	}
	if want := meta.Files[model.CircuitFile]; got != want {
		return nil, nil, Hash{}, fmt.Errorf("%w: %s is not the one %s records: restore it or recompile the model", model.ErrArtifacts, model.CircuitFile, model.MetaFile)
	}
	h, _ := ParseHash(got)
	ccs, err := (&model.Artifacts{Dir: dir, Meta: meta}).LoadCircuit()
	if err != nil {
		return nil, nil, Hash{}, err
	}
	return meta, ccs, h, nil
}

// InitDir is Init for the artifacts in dir and the SRS file srsPath.
func InitDir(dir, srsPath string) (*Phase2, error) {
	_, ccs, circuit, err := circuitOf(dir)
	if err != nil {
		return nil, err
	}
	srs, srsHash, err := ReadSRS(srsPath)
	if err != nil {
		return nil, err
	}
	p, _, err := Init(ccs, circuit, srs, srsHash)
	return p, err
}

// Finalize verifies the phase-2 contributions in files (in order) for the
// artifacts in dir from the SRS file srsPath, seals them with the beacon,
// and installs the keys, the transcript and model.json's setup record in
// dir. Nothing in dir changes unless every contribution verifies.
func Finalize(dir, srsPath string, beacon []byte, files ...string) (*model.Setup, error) {
	if len(beacon) == 0 || len(beacon) > MaxBeacon {
		return nil, fmt.Errorf("the beacon must be 1..%d bytes, not %d", MaxBeacon, len(beacon))
	}
	_, ccs, circuit, err := circuitOf(dir)
	if err != nil {
		return nil, err
	}
	srs, srsHash, err := ReadSRS(srsPath)
	if err != nil {
		return nil, err
	}
	t := &Transcript{SRSFile: srsHash, Beacon: beacon}
	if t.SRS, err = srs.Truncate(Domain(ccs)); err != nil {
		return nil, err
	}
	var chain []*Phase2
	for _, f := range files {
		raw, err := readFile(f, phase2Limit)
		if err != nil {
			return nil, err
		}
		p, err := UnmarshalPhase2(f, raw)
		if err != nil {
			return nil, err
		}
		chain = append(chain, p)
		t.Contributions = append(t.Contributions, raw)
	}
	res, err := VerifyPhase2(ccs, circuit, t.SRS, srsHash, beacon, chain...)
	if err != nil {
		return nil, err
	}
	raw, err := t.Marshal()
	if err != nil {
		return nil, err
	}
	setup := setupRecord(t, chain, res, sha256.Sum256(raw))
	if err := model.InstallKeys(dir, ccs, res.PK, res.VK, *setup, map[string][]byte{model.TranscriptFile: raw}); err != nil {
		return nil, err
	}
	return setup, nil
}

func setupRecord(t *Transcript, chain []*Phase2, res *Result, transcript [32]byte) *model.Setup {
	s := &model.Setup{
		Kind:       model.SetupCeremony,
		SRS:        t.SRSFile.String(),
		SRSSource:  t.SRS.Label,
		Beacon:     hex.EncodeToString(t.Beacon),
		Transcript: hex.EncodeToString(transcript[:]),
	}
	for i, c := range chain {
		s.Contributions = append(s.Contributions, model.Contribution{Name: c.Name, Hash: res.Hashes[i].String()})
	}
	return s
}

// VerifyDir replays the ceremony recorded beside the artifacts in dir: the
// transcript must be the one model.json records, every contribution must
// verify from the SRS it holds, and sealing must give exactly the
// artifacts' verifying and proving keys, and model.json's record must be the
// one the transcript yields, field by field. With srsPath, the SRS must also
// be that file's (truncated); without it, where the SRS came from is not
// checked (its label is the SRS file's own claim). It returns the record.
func VerifyDir(dir, srsPath string) (*model.Setup, error) {
	meta, ccs, circuit, err := circuitOf(dir)
	if err != nil {
		return nil, err
	}
	rec := meta.KeySetup()
	if rec.Kind != model.SetupCeremony {
		return nil, fmt.Errorf("%w: %s records a %s setup: the keys were made by whoever compiled the model, who could forge proofs; run a ceremony (zkml setup init, contribute, finalize)", ErrRefused, model.MetaFile, rec.Kind)
	}
	path := filepath.Join(dir, model.TranscriptFile)
	raw, err := readFile(path, transcriptLimit)
	if err != nil {
		return nil, err
	}
	if got := sha256.Sum256(raw); hex.EncodeToString(got[:]) != rec.Transcript {
		return nil, fmt.Errorf("%w: %s is not the transcript %s records (SHA-256 %x, recorded %s)", ErrRefused, model.TranscriptFile, model.MetaFile, got, rec.Transcript)
	}
	t, chain, err := UnmarshalTranscript(path, raw)
	if err != nil {
		return nil, err
	}
	if t.SRSFile.String() != rec.SRS {
		return nil, fmt.Errorf("%w: the transcript's SRS file is %s, %s records %s", ErrRefused, t.SRSFile, model.MetaFile, rec.SRS)
	}
	if srsPath != "" {
		srs, h, err := ReadSRS(srsPath)
		if err != nil {
			return nil, err
		}
		if h != t.SRSFile {
			return nil, fmt.Errorf("%w: %s (SHA-256 %s) is not the SRS the ceremony used (%s)", ErrRefused, srsPath, h, t.SRSFile)
		}
		tr, err := srs.Truncate(t.SRS.N())
		if err != nil {
			return nil, err
		}
		a, _ := MarshalSRS(tr)
		b, _ := MarshalSRS(t.SRS)
		if !bytes.Equal(a, b) {
			return nil, fmt.Errorf("%w: the transcript's SRS is not %s truncated", ErrRefused, srsPath)
		}
	}
	res, err := VerifyPhase2(ccs, circuit, t.SRS, t.SRSFile, t.Beacon, chain...)
	if err != nil {
		return nil, err
	}
	got := setupRecord(t, chain, res, sha256.Sum256(raw))
	if err := sameRecord(got, &rec); err != nil {
		return nil, err
	}
	var vk bytes.Buffer
	if _, err := res.VK.WriteRawTo(&vk); err != nil {
		return nil, err
	}
	have, err := os.ReadFile(filepath.Join(dir, model.VKFile))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", model.ErrArtifacts, err)
	}
	if !bytes.Equal(vk.Bytes(), have) {
		return nil, fmt.Errorf("%w: the transcript yields another verifying key than %s", ErrRefused, model.VKFile)
	}
	pk := sha256.New()
	if err := model.WriteKey(pk, res.PK); err != nil {
		return nil, err
	}
	onDisk, err := model.FileSHA256(filepath.Join(dir, model.PKFile))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", model.ErrArtifacts, err)
	}
	if want := hex.EncodeToString(pk.Sum(nil)); want != onDisk || want != meta.Files[model.PKFile] {
		return nil, fmt.Errorf("%w: the transcript yields another proving key than %s", ErrRefused, model.PKFile)
	}
	return got, nil
}

// sameRecord compares model.json's setup record with the one the
// transcript yields, field by field.
func sameRecord(got, rec *model.Setup) error {
	differs := func(field string, a, b any) error {
		return fmt.Errorf("%w: %s records %s %v, the transcript yields %v", ErrRefused, model.MetaFile, field, b, a)
	}
	switch {
	case got.Kind != rec.Kind:
		return differs("kind", got.Kind, rec.Kind)
	case got.SRS != rec.SRS:
		return differs("srs", got.SRS, rec.SRS)
	case got.SRSSource != rec.SRSSource:
		return differs("srs_source", got.SRSSource, rec.SRSSource)
	case got.Beacon != rec.Beacon:
		return differs("beacon", got.Beacon, rec.Beacon)
	case got.Transcript != rec.Transcript:
		return differs("transcript", got.Transcript, rec.Transcript)
	case !slices.Equal(got.Contributions, rec.Contributions):
		return differs("contributions", got.Contributions, rec.Contributions)
	}
	return nil
}

// Size limits for reading: a phase-2 state holds Z and PKK (about a domain
// each) and the commitment bases; a transcript an SRS and a few of those.
const (
	phase2Limit     = 8 * (1 << MaxPower) * g1Size
	transcriptLimit = 64 * phase2Limit
)
