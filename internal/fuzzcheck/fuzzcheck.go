// Package fuzzcheck holds what every fuzz target of the project checks
// besides "no panic": that one input neither hangs nor allocates beyond a
// stated bound, and that an error says something.
package fuzzcheck

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// Timeout bounds one input's run.
const Timeout = 10 * time.Second

// Run runs f on one input (on the test's goroutine, so f may call t.Fatal)
// and fails t if it allocates more than limit bytes in all; one that runs
// longer than Timeout crashes the fuzz worker with every goroutine's stack,
// which the fuzzer reports and saves as a crasher. Allocation is
// runtime.MemStats.TotalAlloc before and after: a fuzz worker process runs
// one input at a time, so the difference is this input's (plus a little of
// the fuzzer's own).
func Run(t *testing.T, limit uint64, f func()) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	watchdog := time.AfterFunc(Timeout, func() {
		debug.SetTraceback("all")
		panic(fmt.Sprintf("fuzzcheck: one input ran longer than %s", Timeout))
	})
	defer watchdog.Stop() // also when f ends the test with t.Fatal
	f()
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > limit {
		t.Fatalf("one input allocated %d bytes, more than its bound of %d", got, limit)
	}
}

// Err fails t when err is non-nil but says nothing.
func Err(t *testing.T, err error) {
	t.Helper()
	if err != nil && err.Error() == "" {
		t.Fatal("an error with no message")
	}
}
