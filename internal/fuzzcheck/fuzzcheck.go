// Package fuzzcheck holds what every fuzz target of the project checks
// besides "no panic": that one input neither hangs nor allocates beyond a
// stated bound, and that an error says something.
package fuzzcheck

import (
	"runtime"
	"testing"
	"time"
)

// Timeout bounds one input's run.
const Timeout = 10 * time.Second

// Run runs f on one input and fails t if it panics (the fuzzer reports
// that itself), runs longer than Timeout, or allocates more than limit
// bytes in all. Allocation is runtime.MemStats.TotalAlloc before and after:
// a fuzz worker process runs one input at a time, so the difference is this
// input's (plus a little of the fuzzer's own).
func Run(t *testing.T, limit uint64, f func()) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		f()
	}()
	select {
	case p := <-done:
		if p != nil {
			panic(p)
		}
	case <-time.After(Timeout):
		t.Fatalf("one input ran longer than %s", Timeout)
	}
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
