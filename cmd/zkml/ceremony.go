package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/zkml/zkml/prover/api"
)

const ceremonyUsage = `usage: zkml ceremony <step> --coordinator HOST:PORT [flags]

A model's phase-2 setup ceremony hosted by a coordinator (serve --ceremony-srs):
  open --model ID (--contributors a,b,c | --open) [--turn-timeout 10m]
                              prints one token per contributor (owner token)
  contribute --model ID --ceremony-token T --name NAME
                              takes a turn, contributes here, prints the hash to publish
  status --model ID           contributions so far, who holds the turn
  finalize --model ID --beacon HEX
                              seals it into a new model; prints its id (owner token)
  fetch --model FINAL_ID --out DIR
                              the finalized model and its transcript: zkml setup verify DIR
`

func runCeremony(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, ceremonyUsage)
		if len(args) == 0 {
			return fmt.Errorf("a step is required")
		}
		return nil
	}
	step, args := args[0], args[1:]
	fs := newFlags("ceremony "+step, stderr)
	var cf clientFlags
	if step == "open" || step == "finalize" {
		cf.registerAs(fs, "model owner", "ZKML_OWNER_TOKEN")
	} else {
		cf.register(fs)
	}
	modelID := fs.String("model", "", "model id (zkml model push printed it)")
	var contributors, beacon, name, token, out *string
	var open *bool
	var turn *time.Duration
	switch step {
	case "open":
		contributors = fs.String("contributors", "", "comma-separated contributor names, each given a token")
		open = fs.Bool("open", false, "admit any holder of one token, under any name")
		turn = fs.Duration("turn-timeout", 10*time.Minute, "a turn not used this long passes to the next contributor")
	case "contribute":
		token = fs.String("ceremony-token", os.Getenv("ZKML_CEREMONY_TOKEN"), "the token open handed you (default $ZKML_CEREMONY_TOKEN)")
		name = fs.String("name", "", "your name: the listed one, or any in an open ceremony")
	case "finalize":
		beacon = fs.String("beacon", "", "public random value (hex) fixed before the ceremony opened")
	case "fetch":
		out = fs.String("out", "", "directory to write the finalized model and its transcript to")
	case "status":
	default:
		fmt.Fprint(stderr, ceremonyUsage)
		return fmt.Errorf("unknown step %q", step)
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "coordinator", "model"); err != nil {
		return err
	}
	cl, ctx, done, err := cf.dial()
	if err != nil {
		return err
	}
	defer done()
	switch step {
	case "open":
		var names []string
		if *contributors != "" {
			names = strings.Split(*contributors, ",")
		}
		res, err := cl.OpenCeremony(ctx, *modelID, names, *open, *turn)
		if err != nil {
			return err
		}
		keys := make([]string, 0, len(res.Tokens))
		for k := range res.Tokens {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(stdout, "token %s %s\n", k, res.Tokens[k])
		}
		printCeremony(stdout, res.Status)
	case "contribute":
		if err := required(fs, "ceremony-token", "name"); err != nil {
			return err
		}
		t0 := time.Now()
		st, h, err := cl.Contribute(ctx, *modelID, *token, *name)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "[ceremony] contributed in %.2fs\n", time.Since(t0).Seconds())
		printCeremony(stdout, st)
		fmt.Fprintf(stdout, "your contribution %d; publish its hash:\n%s\n", len(st.Contributions), h)
	case "status":
		st, err := cl.Ceremony(ctx, *modelID)
		if err != nil {
			return err
		}
		printCeremony(stdout, st)
	case "finalize":
		b, err := parseBeacon(*beacon)
		if err != nil {
			return err
		}
		st, err := cl.FinalizeCeremony(ctx, *modelID, b)
		if err != nil {
			return err
		}
		printCeremony(stdout, st)
		fmt.Fprintf(stdout, "finalized model (zkml ceremony fetch, then zkml setup verify):\n%s\n", st.FinalModelId)
	case "fetch":
		if err := required(fs, "out"); err != nil {
			return err
		}
		if err := cl.FetchCeremonyModel(ctx, *modelID, *out); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "model and transcript in %s\n", *out)
	}
	return nil
}

func printCeremony(w io.Writer, st *api.CeremonyStatus) {
	for i, c := range st.Contributions {
		fmt.Fprintf(w, "contribution %d %q %s\n", i+1, c.Name, c.Hash)
	}
	if len(st.Waiting) > 0 {
		fmt.Fprintf(w, "waiting for %s\n", strings.Join(st.Waiting, ", "))
	}
	if st.TurnHolder != "" {
		fmt.Fprintf(w, "turn held by %q until %s\n", st.TurnHolder, time.Unix(st.TurnExpires, 0).UTC().Format(time.RFC3339))
	}
	if st.Finalized {
		fmt.Fprintf(w, "finalized: model %s, transcript %s, beacon %s\n", st.FinalModelId, st.Transcript, st.Beacon)
	} else {
		fmt.Fprintf(w, "head %s\n", st.Head)
	}
}
