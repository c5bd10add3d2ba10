package main

import (
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/zkml/zkml/circuits/ceremony"
	"github.com/zkml/zkml/circuits/model"
)

const setupUsage = `usage: zkml setup <step> [flags]

A multi-party setup ceremony for a model's Groth16 keys: nobody can forge a
proof unless every contributor colluded (zkml compile's keys come from a
development setup, which whoever compiled the model could forge with).

phase 1 (powers of tau, for every circuit up to a domain):
  srs import --ptau FILE --out SRS [--power P]   from a snarkjs / Perpetual Powers of Tau file
  srs new --power P --out F                       the starting state of a phase-1 ceremony
  srs contribute IN OUT [--name NAME]             add a contribution; prints its hash
  srs verify [--beacon HEX --out SRS] F...        verify a phase-1 chain (and seal it into an SRS)

phase 2 (per model):
  init --artifacts DIR --srs SRS --out 0.ph2      the starting state (deterministic)
  contribute IN OUT [--name NAME]                 add a contribution; prints its hash
  finalize --artifacts DIR --srs SRS --beacon HEX CONTRIBUTION...
                                                  verify them all, apply the beacon, install the keys
  verify DIR [--srs SRS]                          replay the recorded transcript to the same keys
`

func runSetup(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, setupUsage)
		if len(args) == 0 {
			return fmt.Errorf("a step is required")
		}
		return flag.ErrHelp
	}
	steps := map[string]func([]string, io.Writer, io.Writer) error{
		"srs":        runSetupSRS,
		"init":       runSetupInit,
		"contribute": runSetupContribute,
		"finalize":   runSetupFinalize,
		"verify":     runSetupVerify,
	}
	step, ok := steps[args[0]]
	if !ok {
		fmt.Fprint(stderr, setupUsage)
		return fmt.Errorf("unknown step %q", args[0])
	}
	return step(args[1:], stdout, stderr)
}

func runSetupSRS(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, setupUsage)
		return fmt.Errorf("srs: a step is required (import, new, contribute, verify)")
	}
	switch args[0] {
	case "import":
		return runSRSImport(args[1:], stdout, stderr)
	case "new":
		return runSRSNew(args[1:], stdout, stderr)
	case "contribute":
		return runSRSContribute(args[1:], stdout, stderr)
	case "verify":
		return runSRSVerify(args[1:], stdout, stderr)
	}
	fmt.Fprint(stderr, setupUsage)
	return fmt.Errorf("srs: unknown step %q", args[0])
}

// parseMixed parses flags that may come before, between or after the
// positional arguments (`contribute IN OUT --name N`), returning those.
func parseMixed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func parseBeacon(s string) ([]byte, error) {
	b, err := hex.DecodeString(strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X"))
	if err != nil || len(b) == 0 {
		return nil, fmt.Errorf("--beacon %q: want hex bytes (the public random value fixed before the ceremony opened)", s)
	}
	if len(b) > ceremony.MaxBeacon {
		return nil, fmt.Errorf("--beacon: %d bytes, at most %d", len(b), ceremony.MaxBeacon)
	}
	return b, nil
}

func writeSetupFile(path string, m interface{ Marshal() ([]byte, error) }) error {
	b, err := m.Marshal()
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

type srsFile struct{ *ceremony.SRS }

func (s srsFile) Marshal() ([]byte, error) { return ceremony.MarshalSRS(s.SRS) }

func runSRSImport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("setup srs import", stderr)
	ptau := fs.String("ptau", "", "snarkjs / Perpetual Powers of Tau file (BN254)")
	out := fs.String("out", "", "SRS file to write")
	power := fs.Int("power", 0, "keep the powers for domains up to 2^power (default: all the file holds)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "ptau", "out"); err != nil {
		return err
	}
	st := stager(stderr, "setup srs import")
	var s *ceremony.SRS
	if err := timeStage(st, "read and check the powers", func() (err error) { s, err = ceremony.ImportPtau(*ptau, *power); return }); err != nil {
		return err
	}
	if err := writeSetupFile(*out, srsFile{s}); err != nil {
		return err
	}
	_, h, err := ceremony.ReadSRS(*out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "SRS for domains up to %d (%s) in %s\n%s\n", s.N(), s.Label, *out, h)
	return nil
}

func runSRSNew(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("setup srs new", stderr)
	power := fs.Int("power", 0, "domains up to 2^power")
	out := fs.String("out", "", "file to write the starting state to")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "out"); err != nil {
		return err
	}
	p, err := ceremony.NewPhase1(*power)
	if err != nil {
		return err
	}
	if err := writeSetupFile(*out, p); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "phase-1 starting state for domains up to %d in %s\n%s\n", p.N, *out, p.Hash())
	return nil
}

func runSRSContribute(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("setup srs contribute", stderr)
	name := fs.String("name", "", "your name, as the transcript shows it")
	pos, err := parseMixed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return fmt.Errorf("want IN and OUT, got %d arguments", len(pos))
	}
	p, err := ceremony.ReadPhase1(pos[0])
	if err != nil {
		return err
	}
	st := stager(stderr, "setup srs contribute")
	if err := timeStage(st, fmt.Sprintf("contribute (domain %d)", p.N), func() error { return ceremony.Contribute1(p, *name) }); err != nil {
		return err
	}
	if err := writeSetupFile(pos[1], p); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "contribution written to %s; publish its hash:\n%s\n", pos[1], p.Hash())
	return nil
}

func runSRSVerify(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("setup srs verify", stderr)
	beacon := fs.String("beacon", "", "seal the chain with this beacon (hex) ...")
	out := fs.String("out", "", "... into this SRS file")
	files, err := parseMixed(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("want the phase-1 files in order")
	}
	if (*beacon == "") != (*out == "") {
		return fmt.Errorf("--beacon and --out go together")
	}
	var chain []*ceremony.Phase1
	for _, f := range files {
		p, err := ceremony.ReadPhase1(f)
		if err != nil {
			return err
		}
		chain = append(chain, p)
	}
	b := []byte("verify only")
	if *beacon != "" {
		if b, err = parseBeacon(*beacon); err != nil {
			return err
		}
	}
	s, hashes, err := ceremony.VerifyPhase1(b, chain...)
	if err != nil {
		return err
	}
	for i, h := range hashes {
		fmt.Fprintf(stdout, "contribution %d %q %s\n", i+1, chain[len(chain)-len(hashes)+i].Name, h)
	}
	if *out == "" {
		fmt.Fprintf(stdout, "%d contributions verified; head\n%s\n", len(hashes), hashes[len(hashes)-1])
		return nil
	}
	if err := writeSetupFile(*out, srsFile{s}); err != nil {
		return err
	}
	_, h, err := ceremony.ReadSRS(*out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d contributions verified, sealed into %s\n%s\n", len(hashes), *out, h)
	return nil
}

func runSetupInit(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("setup init", stderr)
	dir := fs.String("artifacts", "", "compiled model directory")
	srs := fs.String("srs", "", "phase-1 SRS file (setup srs import or verify)")
	out := fs.String("out", "", "file to write the starting state to")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "artifacts", "srs", "out"); err != nil {
		return err
	}
	st := stager(stderr, "setup init")
	var p *ceremony.Phase2
	if err := timeStage(st, "phase 2 starting state", func() (err error) { p, err = ceremony.InitDir(*dir, *srs); return }); err != nil {
		return err
	}
	if err := writeSetupFile(*out, p); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "phase-2 starting state in %s (anyone recomputes it from the circuit and the SRS)\n%s\n", *out, p.Hash())
	return nil
}

func runSetupContribute(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("setup contribute", stderr)
	name := fs.String("name", "", "your name, as model.json and the transcript show it")
	pos, err := parseMixed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return fmt.Errorf("want IN and OUT, got %d arguments", len(pos))
	}
	p, err := ceremony.ReadPhase2(pos[0])
	if err != nil {
		return err
	}
	st := stager(stderr, "setup contribute")
	if err := timeStage(st, "contribute", func() error { return ceremony.Contribute(p, *name) }); err != nil {
		return err
	}
	if err := writeSetupFile(pos[1], p); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "contribution written to %s; publish its hash:\n%s\n", pos[1], p.Hash())
	return nil
}

func runSetupFinalize(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("setup finalize", stderr)
	dir := fs.String("artifacts", "", "compiled model directory (its keys are replaced)")
	srs := fs.String("srs", "", "the phase-1 SRS file init was given")
	beacon := fs.String("beacon", "", "public random value (hex) fixed before the ceremony opened, known only after the last contribution")
	files, err := parseMixed(fs, args)
	if err != nil {
		return err
	}
	if err := required(fs, "artifacts", "srs", "beacon"); err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("want the contributions in order")
	}
	b, err := parseBeacon(*beacon)
	if err != nil {
		return err
	}
	st := stager(stderr, "setup finalize")
	var s *model.Setup
	if err := timeStage(st, fmt.Sprintf("verify %d contributions and seal", len(files)), func() (err error) {
		s, err = ceremony.Finalize(*dir, *srs, b, files...)
		return
	}); err != nil {
		return err
	}
	printSetup(stdout, s)
	fmt.Fprintf(stdout, "keys installed in %s; transcript %s\n%s\n", *dir, model.TranscriptFile, s.Transcript)
	return nil
}

func runSetupVerify(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("setup verify", stderr)
	srs := fs.String("srs", "", "also check that the ceremony used this SRS file")
	pos, err := parseMixed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("want the artifacts directory")
	}
	st := stager(stderr, "setup verify")
	var s *model.Setup
	if err := timeStage(st, "replay the transcript", func() (err error) { s, err = ceremony.VerifyDir(pos[0], *srs); return }); err != nil {
		if errors.Is(err, ceremony.ErrRefused) || errors.Is(err, ceremony.ErrBadSRS) {
			return rejected{err}
		}
		return err
	}
	printSetup(stdout, s)
	if *srs == "" {
		fmt.Fprintf(stdout, "NOT CHECKED: where the SRS came from (its source above is the SRS file's own claim); pass --srs FILE, the SRS the ceremony announced (e.g. imported again from the published .ptau), to check it\n")
	} else {
		fmt.Fprintf(stdout, "SRS checked: the ceremony used %s\n", *srs)
	}
	fmt.Fprintf(stdout, "transcript replayed: it yields %s's verifying and proving keys\n%s\n", pos[0], s.Transcript)
	return nil
}

func printSetup(w io.Writer, s *model.Setup) {
	fmt.Fprintf(w, "SRS %s (%s)\n", s.SRS, s.SRSSource)
	for i, c := range s.Contributions {
		fmt.Fprintf(w, "contribution %d %q %s\n", i+1, c.Name, c.Hash)
	}
	fmt.Fprintf(w, "beacon %s\n", s.Beacon)
}
