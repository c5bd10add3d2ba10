package conformance_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/zkml/zkml/circuits/conformance"
	"github.com/zkml/zkml/circuits/gadgets"
)

var (
	update = flag.Bool("update", false, "run every supported test with keys, proofs and verification, and rewrite docs/conformance.md and docs/conformance.json")
	only   = flag.String("only", "", "regular expression: run only the tests whose name (suite/test_name) matches")
	survey = flag.Bool("survey", false, "solve every supported test (no keys) and log each result; writes nothing")
)

const (
	tableMD   = "../../docs/conformance.md"
	tableJSON = "../../docs/conformance.json"
)

func root(t *testing.T) string {
	r := os.Getenv("ZKML_ONNX_TESTDATA")
	if r == "" {
		r = conformance.DefaultRoot
	}
	if _, err := os.Stat(filepath.Join(r, "node")); err != nil {
		t.Fatalf("ONNX's backend tests are not installed at %s (Debian libonnx-testdata; run scripts/setup, or set ZKML_ONNX_TESTDATA): %v", r, err)
	}
	return r
}

// TestConformance re-runs every backend test that passed when the table in
// docs/conformance.md was made (solving the circuit with the honest witness
// and comparing outputs) and fails when one no longer passes. It also
// fails when the table is stale: a test whose operators are all supported
// now but that the table does not list. With -update it runs every such
// test through compile, setup, prove and verify and rewrites the table.
func TestConformance(t *testing.T) {
	gadgets.RegisterHints()
	var re *regexp.Regexp
	if *only != "" {
		re = regexp.MustCompile(*only)
	}
	cases, err := conformance.Cases(root(t), re)
	if err != nil {
		t.Fatal(err)
	}
	if *update || *survey {
		regenerate(t, cases, *update)
		return
	}
	raw, err := os.ReadFile(tableJSON)
	if err != nil {
		t.Fatalf("%v (make it with go test ./circuits/conformance -run TestConformance -update)", err)
	}
	var recorded []conformance.Result
	if err := json.Unmarshal(raw, &recorded); err != nil {
		t.Fatal(err)
	}
	byName := map[string]conformance.Result{}
	for _, r := range recorded {
		byName[r.Name] = r
	}
	var stale []string
	ran := 0
	for _, c := range cases {
		rec, listed := byName[c.Name]
		if !listed {
			l, err := c.Load()
			if err == nil && allSupported(l.Ops) {
				stale = append(stale, c.Name)
			}
			continue
		}
		if rec.Status != conformance.Pass {
			continue
		}
		ran++
		r := conformance.Run(c, conformance.Options{Mode: conformance.Solve})
		if r.Status != conformance.Pass {
			t.Errorf("%s (%s) passed when the table was made, now: %s: %s", c.Name, strings.Join(r.Ops, ","), r.Status, r.Detail)
		}
	}
	if len(stale) > 0 {
		t.Errorf("%d tests use only supported operators but are not in %s (regenerate it with -update): %v", len(stale), tableMD, stale)
	}
	if ran == 0 {
		t.Fatalf("no recorded passing test was found under the test data (%d cases)", len(cases))
	}
	t.Logf("%d recorded passing tests still pass", ran)
}

func allSupported(opsUsed []string) bool {
	for _, op := range opsUsed {
		if !conformance.IsSupported(op) {
			return false
		}
	}
	return true
}

// regenerate runs every test whose operators are all supported in Prove
// mode and writes the table.
func regenerate(t *testing.T, cases []conformance.Case, write bool) {
	work := t.TempDir()
	var results []conformance.Result
	start := time.Now()
	for _, c := range cases {
		l, err := c.Load()
		if err != nil || !allSupported(l.Ops) {
			continue
		}
		mode := conformance.Solve
		if write {
			mode = conformance.Prove
		}
		r := conformance.Run(c, conformance.Options{Mode: mode, WorkDir: work})
		t.Logf("%-12s %-60s %s", r.Status, r.Name, r.Detail)
		results = append(results, r)
	}
	if !write {
		pass := 0
		for _, r := range results {
			if r.Status == conformance.Pass {
				pass++
			}
		}
		t.Logf("survey: %d of %d pass", pass, len(results))
		return
	}
	if *only != "" {
		// a partial run: merge into the recorded table
		var recorded []conformance.Result
		if raw, err := os.ReadFile(tableJSON); err == nil {
			if err := json.Unmarshal(raw, &recorded); err != nil {
				t.Fatal(err)
			}
		}
		fresh := map[string]bool{}
		for _, r := range results {
			fresh[r.Name] = true
		}
		for _, r := range recorded {
			if !fresh[r.Name] {
				results = append(results, r)
			}
		}
		sort.Slice(results, func(i, j int) bool { return results[i].Name < results[j].Name })
	}
	raw, err := json.MarshalIndent(results, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tableJSON, append(raw, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	if *only != "" {
		took = 0 // a partial run says nothing of the whole suite's time
	}
	if err := os.WriteFile(tableMD, []byte(table(results, took)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// table renders the results per operator.
func table(results []conformance.Result, took time.Duration) string {
	counted := 0
	pass := 0
	type row struct {
		tests, pass int
		why         []string
	}
	rows := map[string]*row{}
	for _, r := range results {
		if r.Status == conformance.SkipDType {
			continue
		}
		counted++
		if r.Status == conformance.Pass {
			pass++
		}
		for _, op := range r.Ops {
			if rows[op] == nil {
				rows[op] = &row{}
			}
			rows[op].tests++
			if r.Status == conformance.Pass {
				rows[op].pass++
			} else {
				rows[op].why = append(rows[op].why, fmt.Sprintf("`%s` %s: %s", strings.TrimPrefix(r.Name, "node/"), r.Status, strings.ReplaceAll(r.Detail, "|", "\\|")))
			}
		}
	}
	var ops []string
	for op := range rows {
		ops = append(ops, op)
	}
	sort.Strings(ops)
	var b strings.Builder
	fmt.Fprintf(&b, "# ONNX backend conformance\n\n")
	fmt.Fprintf(&b, "ONNX's own backend tests (Debian `libonnx-testdata`: node, pytorch-converted, pytorch-operator, simple) whose operators are all supported, each in a model owner's form (every input but the first an initializer), calibrated on its own input, compiled, proved with Groth16 and verified; outputs within %.0f%% of each output's largest magnitude.\n\n", conformance.Tolerance*100)
	when := ""
	if took > 0 {
		when = fmt.Sprintf(" (%s on 2 cores; `-only REGEXP` reruns the matching tests into the table)", took.Round(time.Second))
	}
	fmt.Fprintf(&b, "**%d of %d pass (%.1f%%).** Tests with string or other non-numeric tensors are left out. Regenerate with `go test ./circuits/conformance -run TestConformance -update -timeout 3h`%s; the default test run re-solves every passing test and fails when one stops passing.\n\n", pass, counted, 100*float64(pass)/float64(max(counted, 1)), when)
	fmt.Fprintf(&b, "| operator | tests | pass | not passing: why |\n|---|---:|---:|---|\n")
	for _, op := range ops {
		r := rows[op]
		fmt.Fprintf(&b, "| %s | %d | %d | %s |\n", op, r.tests, r.pass, strings.Join(r.why, "<br>"))
	}
	return b.String()
}
