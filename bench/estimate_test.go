package bench

import (
	"encoding/csv"
	"os"
	"strconv"
	"testing"

	"github.com/zkml/zkml/circuits/model"
)

// TestEstimate: the resource guard's estimate, made from the program alone
// before any circuit is built, is within a factor of the golden constraint
// counts of every benchmark model: never below half (the guard must not let
// a model through that needs twice what it said), and at most 4x above (it
// must not refuse models that fit).
func TestEstimate(t *testing.T) {
	f, err := os.Open(golden)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	actual := map[string]int{}
	for _, r := range rows[1:] {
		if r[1] == "total" {
			actual[r[0]], _ = strconv.Atoi(r[4])
		}
	}
	for _, m := range Models {
		if m.Heavy && testing.Short() {
			continue
		}
		q, err := Quantize(m, corpus)
		if err != nil {
			t.Fatalf("%s: %v", m.Name, err)
		}
		est := model.Estimate(q.Prog, model.Modes{})
		got := actual[m.Name]
		ratio := float64(est) / float64(got)
		t.Logf("%-16s estimate %8d, actual %8d: %.2fx", m.Name, est, got, ratio)
		if ratio < 0.5 || ratio > 4 {
			t.Errorf("%s: estimate %d is %.2fx the actual %d constraints, want 0.5x..4x", m.Name, est, ratio, got)
		}
	}
}
