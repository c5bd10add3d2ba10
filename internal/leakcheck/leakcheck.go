// Package leakcheck finds goroutines a test run left behind: servers,
// streams, clients or database handles a test did not stop.
package leakcheck

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Markers are the code whose goroutines must not outlive a test run.
var Markers = []string{"github.com/zkml/zkml/", "google.golang.org/grpc", "database/sql", "github.com/jackc/pgx"}

// Left waits up to d for every goroutine running code of markers to end and
// returns the stacks of those that did not ("" when none).
func Left(d time.Duration, markers ...string) string {
	deadline := time.Now().Add(d)
	for {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		var left []string
		for _, g := range strings.Split(string(buf), "\n\n") {
			if strings.Contains(g, "testing.(*M).Run") || strings.Contains(g, "leakcheck.Left") {
				continue
			}
			for _, m := range markers {
				if strings.Contains(g, m) {
					left = append(left, g)
					break
				}
			}
		}
		if len(left) == 0 {
			return ""
		}
		if time.Now().After(deadline) {
			return strings.Join(left, "\n\n") + "\n"
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Main runs the tests of m and, when they pass, fails the run if goroutines
// of Markers are still running 5 s later. It returns the exit code.
func Main(m *testing.M) int {
	code := m.Run()
	if code != 0 {
		return code
	}
	if left := Left(5*time.Second, Markers...); left != "" {
		fmt.Fprintf(os.Stderr, "goroutines still running after the tests (a server, stream, client or store a test did not stop):\n%s", left)
		return 1
	}
	return 0
}
