package bench

import (
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/zkml/zkml/circuits/model"
)

var update = flag.Bool("update", false, "rewrite testdata/constraints.csv from the current circuits")

const corpus = "../../shared/models"
const golden = "testdata/constraints.csv"

// TestConstraintGolden compiles every benchmark model's circuit (no setup) and
// compares the constraint count of each layer and the total with the golden
// CSV, so a change in circuit size shows in review. -update rewrites it.
func TestConstraintGolden(t *testing.T) {
	want := map[string]string{}
	if f, err := os.Open(golden); err == nil {
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows[1:] {
			want[r[0]+"/"+r[1]] = r[4]
		}
	} else if !*update {
		t.Fatalf("%s missing: run go test ./bench -run Golden -update", golden)
	}
	var out [][]string
	for _, m := range Models {
		if m.Heavy && testing.Short() {
			for k, v := range want { // keep their rows
				if len(k) > len(m.Name) && k[:len(m.Name)+1] == m.Name+"/" {
					out = append(out, []string{m.Name, k[len(m.Name)+1:], "", "", v})
				}
			}
			continue
		}
		q, err := Quantize(m, corpus)
		if err != nil {
			t.Fatalf("%s: %v", m.Name, err)
		}
		ccs, _, err := model.CompileCircuit(q, false)
		if err != nil {
			t.Fatalf("%s: %v", m.Name, err)
		}
		rows := append(append([]model.LayerReport{q.Overhead[0]}, q.Layers...), q.Overhead[1])
		for i, l := range rows {
			out = append(out, []string{m.Name, strconv.Itoa(i), l.Op, l.Node, strconv.Itoa(l.Constraints)})
		}
		out = append(out, []string{m.Name, "total", "", "", strconv.Itoa(ccs.GetNbConstraints())})
	}
	if *update {
		os.MkdirAll(filepath.Dir(golden), 0o755)
		f, err := os.Create(golden)
		if err != nil {
			t.Fatal(err)
		}
		w := csv.NewWriter(f)
		w.Write([]string{"model", "row", "op", "node", "constraints"})
		w.WriteAll(out)
		f.Close()
		return
	}
	for _, r := range out {
		key := r[0] + "/" + r[1]
		if got, ok := want[key]; !ok {
			t.Errorf("%s: not in %s (run with -update)", key, golden)
		} else if got != r[4] {
			t.Errorf("%s (%s %s): %s constraints, golden %s", key, r[2], r[3], r[4], got)
		}
	}
	if t.Failed() {
		fmt.Println("constraint counts changed: if intended, run go test ./bench -run Golden -update and commit testdata/constraints.csv")
	}
}
