package store_test

import (
	"os"
	"testing"

	"github.com/zkml/zkml/internal/leakcheck"
)

// TestMain fails the run when a store test leaves a database handle open.
func TestMain(m *testing.M) { os.Exit(leakcheck.Main(m)) }
